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

    /// A page number: a text of one number (`pageNumberMaxDigits` digits at most, Thai or Arabic)
    /// with only the punctuation and word page numbers are printed with (`words`, from
    /// Mappings/layout/page-furniture.json: "- 12 -", "(12)", "หน้า ๑๒", "12/40"), in a margin.
    public static func isPageNumber(_ text: String, box: Box, pageHeight: Double, _ settings: LayoutSettings,
                                    _ words: PageFurnitureWords) -> Bool {
        guard inMargin(box, pageHeight: pageHeight, settings) else { return false }
        let core = text.unicodeScalars.filter { !$0.properties.isWhitespace && !words.decoration.contains($0) }
        return !core.isEmpty && Double(core.count) <= settings.pageNumberMaxDigits && core.allSatisfy { ThaiScript.digitValue($0) != nil }
    }
}
