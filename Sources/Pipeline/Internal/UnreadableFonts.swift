import ITAModel
import PDFExtract
import PageLayout

/// Fonts whose text comes out as junk. A missing or broken ToUnicode map (one flipped byte in its
/// Flate stream is enough, and poppler's inflate may not even complain) makes poppler hand out the
/// glyph ids as characters: glyphs 1, 2, 3 ... become `!"#$%&'()*+,`. The text drawn in that font is
/// lost while the page still looks full, so the document yields much less than it promises: it gets
/// a `font_text_unreadable` warning and is `partial`, never a bare `ok` (issue 14), unless every page
/// the junk was on is read again exactly, by outline (`OutlineFirst`, `DocumentProcessor`). The junk is taken
/// out before layout (glyph ids that land on digits would otherwise become wrong scores); a page left
/// without text is then OCR'd like a scan. What counts as junk: `LayoutSettings.unreadableFont*`.
public enum UnreadableFonts {
    struct Finding { let font: String; let glyphs: Int; let junk: Int; let pages: [Int] }

    /// ASCII punctuation, symbols and control characters: where glyph ids 1...94 land.
    static func isJunk(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        guard v < 0x7F else { return false }
        if v < 0x20 { return true }
        let s = Character(scalar)
        return !(s.isLetter || s.isNumber || s.isWhitespace)
    }

    /// Unicode White_Space (`UnicodeWhitespace`).
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool { UnicodeWhitespace.contains(scalar) }

    static func find(_ pdf: PDFText, settings: LayoutSettings) -> [Finding] {
        var glyphs: [String: Int] = [:], junk: [String: Int] = [:], distinct: [String: Set<UInt32>] = [:]
        var pages: [String: [Int]] = [:]
        // Counts of the current run of glyphs in one font, added to the tables when the font
        // changes: text comes in runs of one font, and a dictionary lookup by font name per glyph
        // was most of this pass's time.
        var run: (font: String, glyphs: Int, junk: Int, distinct: Set<UInt32>, pages: [Int])?
        func flush() {
            guard let r = run else { return }
            glyphs[r.font, default: 0] += r.glyphs
            if r.junk > 0 {
                junk[r.font, default: 0] += r.junk
                distinct[r.font, default: []].formUnion(r.distinct)
                for p in r.pages where pages[r.font]?.last != p { pages[r.font, default: []].append(p) }
            }
            run = nil
        }
        for page in pdf.pages {
            for g in page.glyphs {
                guard let font = g.font, let scalar = g.text.unicodeScalars.first, g.text.unicodeScalars.count == 1 else { continue }
                if isWhitespace(scalar) { continue }
                if run?.font != font { flush(); run = (font, 0, 0, [], []) }
                run!.glyphs += 1
                if isJunk(scalar) {
                    run!.junk += 1
                    run!.distinct.insert(scalar.value)
                    if run!.pages.last != page.number { run!.pages.append(page.number) }
                }
            }
        }
        flush()
        return glyphs.keys.sorted().compactMap { font in
            let n = glyphs[font]!, j = junk[font] ?? 0
            guard Double(n) >= settings.unreadableFontMinGlyphs, Double(j) > settings.unreadableFontJunkShare * Double(n),
                  Double(distinct[font]?.count ?? 0) >= settings.unreadableFontMinDistinctJunk else { return nil }
            return Finding(font: font, glyphs: n, junk: j, pages: pages[font] ?? [])
        }
    }

    /// Removes the glyphs of unreadable fonts from `pdf`; the warning saying so, nil when none.
    public static func remove(from pdf: inout PDFText, settings: LayoutSettings) -> Warning? {
        removeFound(from: &pdf, settings: settings)?.warning
    }

    /// As `remove`, also answering the pages the junk was on (a document whose junk pages were all
    /// read again exactly, by outline, need not be `partial` for it).
    static func removeFound(from pdf: inout PDFText, settings: LayoutSettings) -> (warning: Warning, pages: Set<Int>, fonts: Set<String>)? {
        let found = find(pdf, settings: settings)
        guard !found.isEmpty else { return nil }
        let fonts = Set(found.map(\.font))
        for i in pdf.pages.indices { pdf.pages[i].glyphs.removeAll { $0.font.map(fonts.contains) ?? false } }
        let what = found.map { f in
            "\(f.font): \(f.junk) of \(f.glyphs) glyphs are punctuation or control characters (page\(f.pages.count == 1 ? "" : "s") \(PageList.describe(f.pages)))"
        }
        let warning = Warning(code: .fontTextUnreadable,
                              message: "text drawn in \(found.count == 1 ? "a font" : "\(found.count) fonts") comes out as junk and was left out (a missing or broken ToUnicode map?): "
                                  + what.joined(separator: "; "),
                              page: found.first?.pages.first)
        return (warning, Set(found.flatMap(\.pages)), fonts)
    }
}
