// Stage 1: PDF → PDFText through poppler-cpp (C shim PopplerShim).
//
// Measured on this machine (poppler 22.12), LibreOffice-made Thai PDFs, counts of U+0E49 (MAI THO)
// and of all Thai scalars (U+0E01-U+0E5B), compared with the source text that was rendered:
//   seed PDF (Corpus/seeds)    source U+0E49 | poppler-cpp text_list | poppler-glib get_text | pdftotext -raw
//   s000-thesaban-mueang            724       |   724 (Thai 22613/22613) | 677 (Thai 22560)  | 724 (22613)
//   s002-obt                        829       |   829 (Thai 22928/22928) | 789 (Thai 22888)  | 829 (22928)
//   s003-thesaban-tambon            911       |   911 (Thai 26063/26063) | 818 (Thai 25962)  | 911 (26063)
//   glib also lost a few U+0E31, U+0E36 and U+0E4C; text_list and pdftotext lost nothing.
// So text comes from poppler-cpp's text_list (or the same words from the one pass that also finds the
// rulings: Sources/PopplerShim/page_text.cpp), never from poppler-glib's text calls.
import ITAModel
import PopplerShim

/// Reads a PDF's text layer (glyphs with boxes), image coverage and ruling lines, page by page.
public enum PDFExtractor {
    /// What to compute besides the text.
    public struct Options: OptionSet, Sendable {
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }
        /// Glyphs with boxes and fonts.
        public static let text = Options(rawValue: Int32(PS_PAGE_TEXT.rawValue))
        /// Largest image coverage per page (opens the file a second time through poppler-glib).
        public static let images = Options(rawValue: Int32(PS_PAGE_IMAGES.rawValue))
        /// Ruling lines from a 72 dpi render.
        public static let rulings = Options(rawValue: Int32(PS_PAGE_RULINGS.rawValue))
        /// Everything.
        public static let all: Options = [.text, .images, .rulings]
        /// Text and rulings read in two passes over each page (text_list, then the ruling render)
        /// instead of one: the same result, slower; for the test that checks they agree.
        public static let separatePasses = Options(rawValue: Int32(PS_PAGE_SEPARATE_PASSES.rawValue))
    }

    /// Reads every page of the PDF at `path`. Throws `DocumentError` (stage "extract", reason
    /// "not_found", "empty_file", "not_pdf", "damaged" or "encrypted"). Safe to call from several
    /// threads at once (each call opens its own document).
    public static func read(path: String) throws -> PDFText {
        try read(path: path, options: .all)
    }

    /// Reads every page, computing only what `options` asks for (text is always read).
    public static func read(path: String, options: Options) throws -> PDFText {
        var code: Int32 = 0
        var message = [CChar](repeating: 0, count: 1024)
        guard let doc = ps_document_open(path, &code, &message, message.count) else {
            throw DocumentError(stage: "extract", reason: reason(code), message: string(message))
        }
        defer { ps_document_close(doc) }
        let count = Int(ps_document_page_count(doc))
        var pages: [PageText] = []
        pages.reserveCapacity(count)
        for index in 0..<count {
            guard let page = ps_page_extract(doc, Int32(index), options.union(.text).rawValue) else {
                throw DocumentError(stage: "extract", reason: "damaged",
                                    message: "\(path): page \(index + 1) of \(count) could not be read")
            }
            defer { ps_page_free(page) }
            pages.append(pageText(page, number: index + 1))
        }
        var text = PDFText(pageCount: count, pages: pages)
        text.messages = messages(doc)
        return text
    }

    /// poppler's messages about the document so far (see poppler_shim.h).
    static func messages(_ doc: OpaquePointer) -> PopplerMessages {
        let messages = (0..<ps_document_message_count(doc)).map { String(cString: ps_document_message(doc, $0)) }
        return PopplerMessages(messages: messages, capped: ps_document_messages_capped(doc) != 0)
    }

    private static func pageText(_ page: OpaquePointer, number: Int) -> PageText {
        let fonts = (0..<ps_page_font_count(page)).map { String(cString: ps_page_font_name(page, $0)) }
        let n = ps_page_char_count(page)
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(n)
        if n > 0, let chars = ps_page_chars(page) {
            for c in UnsafeBufferPointer(start: chars, count: n) {
                // One glyph per Unicode scalar, exactly as poppler gives it (no Character grouping).
                let scalar = Unicode.Scalar(c.scalar) ?? "\u{FFFD}"
                let font = c.font_index >= 0 && Int(c.font_index) < fonts.count ? fonts[Int(c.font_index)] : nil
                glyphs.append(Glyph(text: String(Character(scalar)), // a small string: no array, no heap allocation
                                    box: box(c.box), spaceAfter: c.space_after != 0,
                                    font: font, fontSize: c.font_size > 0 ? c.font_size : nil))
            }
        }
        let rulingCount = ps_page_ruling_count(page)
        var rulings: [Box] = []
        if rulingCount > 0, let r = ps_page_rulings(page) {
            rulings = UnsafeBufferPointer(start: r, count: rulingCount).map(box)
        }
        let drawn = ps_page_drawn_glyphs(page)
        var text = PageText(number: number, width: ps_page_width(page), height: ps_page_height(page),
                            glyphs: glyphs, imageCoverage: max(0, ps_page_image_coverage(page)), rulings: rulings,
                            drawnGlyphs: drawn >= 0 ? Int(drawn) : nil)
        let codedCount = ps_page_coded_glyph_count(page)
        if codedCount > 0, let coded = ps_page_coded_glyphs(page) {
            let keys = (0..<ps_page_coded_font_count(page)).map { String(cString: ps_page_coded_font_key(page, $0)) }
            text.codedGlyphs = UnsafeBufferPointer(start: coded, count: codedCount).compactMap { g in
                guard g.font_index >= 0, Int(g.font_index) < keys.count else { return nil }
                var coded = CodedGlyph(font: keys[Int(g.font_index)], code: g.code, box: box(g.box), fontSize: g.font_size, blank: g.blank != 0,
                                       outlineCharacter: g.outline_char == 0 ? nil : Unicode.Scalar(g.outline_char))
                let c = g.outline_choices
                coded.outlineChoices = [c.0, c.1, c.2, c.3].prefix { $0 != 0 }.compactMap(Unicode.Scalar.init)
                return coded
            }
        }
        return text
    }

    /// Whether poppler's process-wide tables exist now (see `ps_poppler_tables_alive`).
    static var popplerTablesAlive: Bool { ps_poppler_tables_alive() != 0 }

    private static func box(_ r: ps_rect) -> Box { Box(x0: r.x0, y0: r.y0, x1: r.x1, y1: r.y1) }

    private static func string(_ buffer: [CChar]) -> String {
        buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    private static func reason(_ code: Int32) -> String {
        switch UInt32(code) {
        case PS_ERR_NOT_FOUND.rawValue: return "not_found"
        case PS_ERR_EMPTY_FILE.rawValue: return "empty_file"
        case PS_ERR_NOT_PDF.rawValue: return "not_pdf"
        case PS_ERR_ENCRYPTED.rawValue: return "encrypted"
        default: return "damaged"
        }
    }
}
