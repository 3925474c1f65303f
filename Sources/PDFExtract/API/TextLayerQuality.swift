import ITAModel

/// Finds pages whose text layer cannot be right although it has glyphs: fonts without a
/// ToUnicode map give Latin punctuation for Thai letters (`! "#$ %  ( () *  +`), broken encodings
/// give control characters or Private-Use glyphs no table repairs, and a page with no Thai among
/// many letters in a report whose other pages are Thai was mapped to the wrong letters, and a page
/// whose text layer gives far fewer characters than the glyphs it draws lost text to its fonts'
/// maps. Such pages render fine and are read by OCR instead, as scans are.
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
        public init() {}
    }

    /// Pages whose text layer is unusable, with the reason, in page order.
    /// `repairable` says whether a Private-Use scalar has a repair (normalisation maps it to Thai).
    public static func unusablePages(_ pdf: PDFText, settings: Settings = Settings(),
                                     repairable: (Unicode.Scalar) -> Bool = { _ in false }) -> [(page: Int, reason: String)] {
        struct Counts { var visible = 0, punct = 0, control = 0, pua = 0, thai = 0, letters = 0 }
        var counts: [Int: Counts] = [:]
        for p in pdf.pages where !p.lacksTextLayer {
            var c = Counts()
            for g in p.glyphs {
                for u in g.text.unicodeScalars {
                    let v = u.value
                    if UnicodeWhitespace.contains(u) { continue }
                    c.visible += 1
                    if v < 0x20 || (0x7F...0x9F).contains(v) { c.control += 1; continue }
                    if (0xE000...0xF8FF).contains(v) { if !repairable(u) { c.pua += 1 }; continue }
                    if (0x0E01...0x0E3A).contains(v) || (0x0E40...0x0E4E).contains(v) { c.thai += 1; c.letters += 1; continue }
                    // Latin-1 and Latin Extended letters stand in for Thai ones in a font with no
                    // ToUnicode map (ร as "à"); a Thai report has next to none of them.
                    if (0xA0...0x24F).contains(v) { c.punct += 1; continue }
                    if u.properties.isAlphabetic { c.letters += 1; continue }
                    if v < 0x80, u.properties.numericType == nil, v != 0x2E, v != 0x2D, v != 0x5F {
                        c.punct += 1
                    }
                }
            }
            counts[p.number] = c
        }
        var out: [(Int, String)] = []
        var firstPass = Set<Int>()
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
            } else { continue }
            firstPass.insert(p.number)
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
