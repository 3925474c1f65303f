import ITAModel
import ThaiCharacters

/// Running headers, footers and page numbers: what a page prints in its top and bottom margins
/// around the body. One place for what the stages ignore there: a table going on over a page
/// break (`TableContinuation`), a question cell cut by the break and an action plan running over
/// pages (interpret) all look past the same margins, `continuationPageMargin` of the page height.
public enum PageFurniture {
    /// The box starts in the page's top margin.
    public static func inTopMargin(_ box: Box, pageHeight: Double, _ settings: LayoutSettings) -> Bool {
        box.y0 <= pageHeight * settings.continuationPageMargin
    }

    /// The box ends in the page's bottom margin.
    public static func inBottomMargin(_ box: Box, pageHeight: Double, _ settings: LayoutSettings) -> Bool {
        box.y1 >= pageHeight * (1 - settings.continuationPageMargin)
    }

    /// Furniture by position: the box lies at least partly in the top or bottom margin.
    public static func inMargin(_ box: Box, pageHeight: Double, _ settings: LayoutSettings) -> Bool {
        inTopMargin(box, pageHeight: pageHeight, settings) || inBottomMargin(box, pageHeight: pageHeight, settings)
    }

    /// What a line or a table row of the page is, as furniture (`TextLine.furniture`,
    /// `TableRow.furniture`), marked once by the layout stage (`mark`) and read by interpret: empty
    /// for the page's body. A unit in a margin that is not a page number is a running header or
    /// footer (a report title, a date, a logo caption printed on every page).
    public struct Marks: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// The unit's box starts in the top margin (`inTopMargin`).
        public static let topMargin = Marks(rawValue: 1)
        /// The unit's box ends in the bottom margin (`inBottomMargin`).
        public static let bottomMargin = Marks(rawValue: 2)
        /// The unit's whole text is a page number in a margin (`isPageNumber`).
        public static let pageNumber = Marks(rawValue: 4)
        /// The line is a running header or footer (`RunningLines`: its text, digits aside, is
        /// printed in the same margin of several pages), found before tables are and set apart
        /// in `PageLayoutResult.running`: no table holds such a line, and interpret reads none.
        public static let running = Marks(rawValue: 8)
    }

    /// The marks of a unit with text `text` (a line's segments, a row's cells: white space
    /// between them does not count) and box `box`.
    public static func marks(_ text: String, box: Box, pageHeight: Double, _ settings: LayoutSettings,
                             _ words: PageFurnitureWords) -> Marks {
        var m: Marks = []
        if inTopMargin(box, pageHeight: pageHeight, settings) { m.insert(.topMargin) }
        if inBottomMargin(box, pageHeight: pageHeight, settings) { m.insert(.bottomMargin) }
        if isPageNumber(text, box: box, pageHeight: pageHeight, settings, words) { m.insert(.pageNumber) }
        return m
    }

    /// Marks every line and table row of `pages` (`TextLine.furniture`, `TableRow.furniture`).
    /// A line is tested whole (its segments together: `- 11 -` may be cut into three), a row by
    /// all its cells.
    public static func mark(_ pages: inout [PageLayoutResult], _ settings: LayoutSettings, _ words: PageFurnitureWords) {
        for p in pages.indices {
            let h = pages[p].height
            for l in pages[p].lines.indices {
                pages[p].lines[l].furniture = marks(pages[p].lines[l].text, box: pages[p].lines[l].box, pageHeight: h, settings, words)
            }
            for t in pages[p].tables.indices {
                for r in pages[p].tables[t].rows.indices {
                    // A row's text is joined only for a row in a margin: `isPageNumber` reads no
                    // other (joining every row's cells was a third of this function's time).
                    let box = pages[p].tables[t].rows[r].box
                    let text = inMargin(box, pageHeight: h, settings)
                        ? pages[p].tables[t].rows[r].cells.map(\.rawText).joined(separator: " ") : ""
                    pages[p].tables[t].rows[r].furniture = marks(text, box: box, pageHeight: h, settings, words)
                }
            }
        }
    }

    /// A line's text as compared across pages to find running headers and footers
    /// (`RunningLines`): white space and digits (Thai or Arabic) left out, so that `หน้า ๓` and
    /// `หน้า ๔`, or a date that changes, give one key; digits right after a Latin letter stay
    /// (a code: `o36` and `o40` are different items), and nothing else is left out.
    public static func runningKey(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var afterLetter = false
        for u in text.unicodeScalars {
            if u.properties.isWhitespace { afterLetter = false; continue }
            let digit = ThaiScript.digitValue(u) != nil
            if digit && !afterLetter { continue }
            out.append(u)
            afterLetter = ThaiScript.isASCIILetter(u.value) || (digit && afterLetter)
        }
        return String(out)
    }

    /// A page number: a text of one number (`pageNumberMaxDigits` digits at most, Thai or Arabic)
    /// with only the punctuation and word page numbers are printed with (`words`, from
    /// Mappings/layout/page-furniture.json: "- 12 -", "(12)", "หน้า ๑๒", "12/40"), in a margin.
    public static func isPageNumber(_ text: String, box: Box, pageHeight: Double, _ settings: LayoutSettings,
                                    _ words: PageFurnitureWords) -> Bool {
        guard inMargin(box, pageHeight: pageHeight, settings) else { return false }
        // Invisible characters (a zero-width space between digits) do not count: the normalise
        // stage removes them, and interpret once asked this of normalised text.
        // The text's other scalars ("core") must be digits, at least one and at most
        // pageNumberMaxDigits: the first that is not, or one too many, answers (a margin line of
        // prose is told after a letter or two instead of after all its scalars' properties).
        var core = 0
        for u in text.unicodeScalars {
            if u.properties.isWhitespace || u.properties.isDefaultIgnorableCodePoint || words.decoration.contains(u) { continue }
            core += 1
            if ThaiScript.digitValue(u) == nil || !(Double(core) <= settings.pageNumberMaxDigits) { return false }
        }
        return core > 0
    }
}
