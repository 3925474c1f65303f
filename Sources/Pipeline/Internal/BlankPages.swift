import PDFExtract

/// Blank pages: a report's section break or the back of a cover, printed empty. Such a page has no
/// text layer, like a scan, and used to make its document `partial` with a `no_text_layer` warning
/// (fresh tune seeds 1394 and 1415: every value read, status wrong). A blank page and a page whose
/// text is drawn as outlines (paths, no glyphs) look the same to the extractor; OCR tells them apart,
/// so a candidate is blank only once OCR has read its render and found nothing (with OCR off or
/// failed, it stays a page without text).
enum BlankPages {
    /// Pages with no visible glyph (junk counts as visible: it is text in a font without a map) and
    /// no image. Glyphs poppler draws may still be there: a word processor's empty paragraph draws a
    /// space in a CID font, which the render counts (`drawnGlyphs`) and the text layer gives as white space.
    static func candidates(_ pdf: PDFText) -> Set<Int> {
        Set(pdf.pages.filter { p in p.imageCoverage == 0 && p.glyphs.allSatisfy { $0.text.allSatisfy(\.isWhitespace) } }.map(\.number))
    }
}
