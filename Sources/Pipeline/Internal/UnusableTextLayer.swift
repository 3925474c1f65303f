import ITAModel
import PDFExtract

/// The `text_layer_unusable` warning (issue 9): every page whose own text layer could not be used,
/// why, and how the page was read instead (by glyph outline, by OCR with votes, by OCR alone, or not
/// at all), so that a document read another way never passes as if its text layer were sound.
enum UnusableTextLayer {
    /// The pages the text-layer check found (with its reasons) and the pages left without text whose
    /// glyphs are in fonts without a ToUnicode map (their junk was taken out before the check), in page
    /// order. A page of the second kind is said to be so whatever the check found: that is the cause
    /// (a shortfall of characters is its symptom), and it says what reads the page again.
    static func reasons(quality: [(page: Int, reason: String)], pdf: PDFText) -> [(page: Int, reason: String)] {
        var out = Dictionary(quality.map { ($0.page, $0.reason) }, uniquingKeysWith: { a, _ in a })
        for i in OutlineFirst.candidates(pdf) { out[pdf.pages[i].number] = noMap }
        return out.keys.sorted().map { ($0, out[$0]!) }
    }

    static let noMap = "glyphs in fonts without a ToUnicode map"

    /// Whether a font's junk text keeps the document `partial`: unless every page it was on was read
    /// again exactly. Exactly is by outline, which names each glyph as surely as a ToUnicode map would
    /// (before OCR, or after it on a page where OCR only chose among the few characters an outline is
    /// shared by, never a digit: those pages read as a text layer too), so such a document is as
    /// certain as a text layer and `ok`. A page read by OCR or by votes keeps the junk's `partial`
    /// (its glyphs are OCR's reading), as every junk page did before outline decoding.
    static func leavesPartial(junkPages: Set<Int>, exactPages: [Int], junkFonts: Set<String> = [], mapLessFonts: Set<String> = []) -> Bool {
        // `mapLessFonts`: the fonts without a ToUnicode map, the only ones outlines read. A junk font
        // that has a map (a broken one) is read by no outline: its text is lost whatever the pages'
        // other fonts gave, so the document stays `partial`.
        !junkPages.isSubset(of: Set(exactPages)) || !junkFonts.isSubset(of: mapLessFonts)
    }

    static func pages(_ list: [Int]) -> String { "page\(list.count == 1 ? "" : "s") \(PageList.describe(list))" }

    /// What the decode after OCR did (`DocumentProcessor.decodeGlyphCodes`).
    static func decodedSummary(_ decoded: (pages: [Int], certain: [Int], summary: String)) -> String {
        let uncertain = decoded.pages.filter { !decoded.certain.contains($0) }
        return "\(pages(decoded.pages)) then read from the PDF's glyph codes (\(decoded.summary))"
            + (decoded.certain.isEmpty ? "" : "; \(pages(decoded.certain)) read as a text layer: every glyph matched the installed font's outline")
            + (uncertain.isEmpty ? "" : "; \(pages(uncertain)) stay OCR pages (glyphs read by OCR votes; digits never mapped by votes keep OCR's reading)")
    }

    /// The warning's message. `ocrPages` are the pages that stay OCR pages (after the decode took out
    /// the ones it read exactly); `missing` the pages left without text.
    static func message(reasons: [(page: Int, reason: String)], outlineFirst: OutlineFirst,
                        decoded: (pages: [Int], certain: [Int], summary: String), ocrPages: [Int],
                        missing: [Int], whyMissing: String) -> String {
        let listed = Set(reasons.map(\.page))
        // Pages with one reason are listed together (a font's missing map is the same on every page).
        var order: [String] = [], byReason: [String: [Int]] = [:]
        for r in reasons {
            if byReason[r.reason] == nil { order.append(r.reason) }
            byReason[r.reason, default: []].append(r.page)
        }
        let detail = order.map { "\(pages(byReason[$0]!)): \($0)" }.joined(separator: "; ")
        var how: [String] = []
        if !outlineFirst.isEmpty {
            how.append("\(pages(outlineFirst.pages)) read by glyph outline, without OCR: every glyph equals the installed font's of the same name (\(outlineFirst.fontSummary))")
        }
        if !decoded.pages.isEmpty { how.append(decodedSummary(decoded)) }
        let byOCR = ocrPages.filter { listed.contains($0) && !decoded.pages.contains($0) }
        if !byOCR.isEmpty { how.append("\(pages(byOCR)) read by OCR as scans") }
        let unread = missing.filter(listed.contains)
        if !unread.isEmpty { how.append("\(pages(unread)) not read (\(whyMissing))") }
        return "text layer unusable on \(pages(reasons.map(\.page))) (\(detail))" + (how.isEmpty ? "" : "; " + how.joined(separator: "; "))
    }
}
