import ITAModel

/// Finds pages whose text layer cannot be right although it has glyphs: fonts without a
/// ToUnicode map give Latin punctuation for Thai letters (`! "#$ %  ( () *  +`), broken encodings
/// give control characters or Private-Use glyphs no table repairs, and a page with no Thai among
/// many letters in a report whose other pages are Thai was mapped to the wrong letters, and a page
/// whose text layer gives far fewer characters than the glyphs it draws lost text to its fonts'
/// maps. Such pages render fine and are read by OCR instead, as scans are. A font whose text is
/// junk on the pages so found is junk on every page: a page drawn mostly in it is read by OCR too,
/// even when its glyph ids happen to land on digits and letters (a page of junk digits is no soup by
/// its share of punctuation, and its digits would become wrong scores).
public enum TextLayerQuality {
    /// Thresholds, each with why.
    public struct Settings: Sendable {
        /// Pages with fewer visible characters are never judged (a page number, a signature).
        public var minCharacters = 20
        /// Share of ASCII punctuation and symbols and of Latin-1/Extended letters (leaders `.` `-` `_`
        /// excluded: tables of contents)
        /// above which a page is punctuation soup; real Thai report pages measured under 0.15
        /// (score tables with `/`, `(`, `%` included), soup pages over 0.5.
        public var maxPunctuationShare = 0.35
        /// Share of control characters (not tab or line ends): any real amount means a broken map.
        public var maxControlShare = 0.02
        /// Share of Private-Use glyphs that no repair table maps (pua_thai.tsv repairs the usual ones).
        public var maxUnrepairedPrivateUseShare = 0.05
        /// A report is Thai when at least this share of its letters, over pages judged usable, is Thai.
        public var thaiReportShare = 0.5
        /// A page of a Thai report with at least this many letters and no Thai letter is misread.
        public var minLettersForNoThai = 80
        /// Pages drawing fewer glyphs are not judged against their text layer (a cover, a signature).
        public var minDrawnGlyphs = 100
        /// A page whose text layer gives fewer characters than this share of the glyphs it draws lost
        /// text the page shows (an empty or broken ToUnicode map, glyphs mapped to nothing). Sound
        /// pages give about one character per glyph; text drawn twice for a bold look, which poppler
        /// keeps once, gives half.
        public var minTextPerDrawnGlyph = 0.25
        /// A page on which fonts found junk on other pages draw more than this share of the visible
        /// characters is unusable too: a font's broken map is the same on every page (no-ToUnicode
        /// fresh tune seed 1224: page 8 gave 72 of 218 punctuation, under `maxPunctuationShare`, in
        /// the fonts whose text was soup on pages 3-7, and its junk `0` became a question score).
        public var junkFontPageShare = 0.5
        public init() {}
    }

    /// Pages whose text layer is unusable, with the reason, in page order.
    /// `repairable` says whether a Private-Use scalar has a repair (normalisation maps it to Thai).
    public static func unusablePages(_ pdf: PDFText, settings: Settings = Settings(),
                                     repairable: (Unicode.Scalar) -> Bool = { _ in false }) -> [(page: Int, reason: String)] {
        struct Counts {
            var visible = 0, punct = 0, control = 0, pua = 0, thai = 0, letters = 0
            /// Characters that cannot be a Thai report's text: punctuation soup, control, unrepaired Private-Use.
            var junk: Int { punct + control + pua }
            mutating func add(_ o: Counts) {
                visible += o.visible; punct += o.punct; control += o.control; pua += o.pua; thai += o.thai; letters += o.letters
            }
        }
        var counts: [Int: Counts] = [:]
        /// The same counts per page and font (a glyph with no font name counts under "").
        var byFont: [Int: [String: Counts]] = [:]
        for p in pdf.pages where !p.lacksTextLayer {
            var c = Counts()
            var fonts: [String: Counts] = [:]
            // Text comes in runs of one font: the counts of a run are added to its font's when the
            // font changes (a lookup by font name per glyph is costly).
            var runFont: String? = nil
            var run = Counts()
            for g in p.glyphs {
                if g.font != runFont {
                    if run.visible > 0 { fonts[runFont ?? "", default: Counts()].add(run) }
                    runFont = g.font
                    run = Counts()
                }
                var f = Counts()
                for u in g.text.unicodeScalars {
                    let v = u.value
                    if UnicodeWhitespace.contains(u) { continue }
                    f.visible += 1
                    if v < 0x20 || (0x7F...0x9F).contains(v) { f.control += 1; continue }
                    if (0xE000...0xF8FF).contains(v) { if !repairable(u) { f.pua += 1 }; continue }
                    if (0x0E01...0x0E3A).contains(v) || (0x0E40...0x0E4E).contains(v) { f.thai += 1; f.letters += 1; continue }
                    // Latin-1 and Latin Extended letters stand in for Thai ones in a font with no
                    // ToUnicode map (ร as "à"); a Thai report has next to none of them.
                    if (0xA0...0x24F).contains(v) { f.punct += 1; continue }
                    if u.properties.isAlphabetic { f.letters += 1; continue }
                    if v < 0x80, u.properties.numericType == nil, v != 0x2E, v != 0x2D, v != 0x5F {
                        f.punct += 1
                    }
                }
                guard f.visible > 0 else { continue }
                c.add(f)
                run.add(f)
            }
            if run.visible > 0 { fonts[runFont ?? "", default: Counts()].add(run) }
            counts[p.number] = c
            byFont[p.number] = fonts
        }
        var out: [(Int, String)] = []
        var firstPass = Set<Int>()
        /// Pages found junk by their characters (not by a shortfall or a missing script): their fonts are judged.
        var junkPages: [Int] = []
        for p in pdf.pages {
            guard let c = counts[p.number] else { continue }
            // Far fewer characters than the glyphs the page draws: judged on pages of any length.
            let shortfall = p.drawnGlyphs.flatMap { drawn -> String? in
                guard drawn >= settings.minDrawnGlyphs, Double(c.visible) < settings.minTextPerDrawnGlyph * Double(drawn) else { return nil }
                return "the page draws \(drawn) glyphs but its text layer gives \(c.visible) characters (an empty or broken ToUnicode map?)"
            }
            guard c.visible >= settings.minCharacters else {
                if let shortfall { out.append((p.number, shortfall)); firstPass.insert(p.number) }
                continue
            }
            let n = Double(c.visible)
            if Double(c.control) / n > settings.maxControlShare {
                out.append((p.number, "control characters (\(c.control) of \(c.visible))"))
            } else if Double(c.pua) / n > settings.maxUnrepairedPrivateUseShare {
                out.append((p.number, "Private-Use glyphs no table repairs (\(c.pua) of \(c.visible))"))
            } else if Double(c.punct) / n > settings.maxPunctuationShare {
                out.append((p.number, "punctuation or Latin-1 signs instead of letters (\(c.punct) of \(c.visible))"))
            } else if let shortfall {
                out.append((p.number, shortfall))
                firstPass.insert(p.number)
                continue
            } else { continue }
            firstPass.insert(p.number)
            junkPages.append(p.number)
        }
        // Fonts whose own text on those pages is junk beyond what a page may hold: their map is
        // broken everywhere. A page left usable that is drawn mostly in them is not.
        var junkFonts: [String: Counts] = [:]
        for p in junkPages { for (f, c) in byFont[p] ?? [:] { junkFonts[f, default: Counts()].add(c) } }
        // Glyphs with no font name are no one font: they are never judged together.
        let broken = Set(junkFonts.filter { f, c in
            !f.isEmpty && c.visible >= settings.minCharacters && Double(c.junk) / Double(c.visible) > settings.maxPunctuationShare
        }.keys)
        if !broken.isEmpty {
            let named = broken.sorted().joined(separator: ", ")
            for p in pdf.pages where !firstPass.contains(p.number) {
                guard let c = counts[p.number], c.visible >= settings.minCharacters else { continue }
                let inBroken = (byFont[p.number] ?? [:]).filter { broken.contains($0.key) }.values.map(\.visible).reduce(0, +)
                guard Double(inBroken) > settings.junkFontPageShare * Double(c.visible) else { continue }
                out.append((p.number, "\(inBroken) of \(c.visible) characters in fonts whose text is junk on page\(junkPages.count == 1 ? "" : "s") \(junkPages.map(String.init).joined(separator: ", ")) (\(named))"))
                firstPass.insert(p.number)
            }
        }
        // No Thai on a letter-rich page of a report that is Thai elsewhere.
        let usable = counts.filter { !firstPass.contains($0.key) }.values
        let letters = usable.map(\.letters).reduce(0, +), thai = usable.map(\.thai).reduce(0, +)
        if letters > 0, Double(thai) / Double(letters) >= settings.thaiReportShare {
            for p in pdf.pages where !firstPass.contains(p.number) {
                guard let c = counts[p.number], c.letters >= settings.minLettersForNoThai, c.thai == 0 else { continue }
                out.append((p.number, "no Thai letter among \(c.letters) letters in a Thai report"))
            }
        }
        return out.sorted { $0.0 < $1.0 }.map { (page: $0.0, reason: $0.1) }
    }

    /// Empties the glyphs of the given pages, so that they count as pages without a text layer
    /// (OCR'd when OCR is on).
    public static func discardText(of pages: [Int], in pdf: inout PDFText) {
        let set = Set(pages)
        for i in pdf.pages.indices where set.contains(pdf.pages[i].number) { pdf.pages[i].glyphs = [] }
    }
}
