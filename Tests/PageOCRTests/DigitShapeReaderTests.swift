import XCTest
@testable import PageOCR
import PDFExtract
import PopplerShim
import ITAModel

/// The digit reader by shape (issue 11) on real PDFs: a page is rendered at a scan's resolution and
/// each score the text layer prints in Thai digits is cut out and read; the text layer says what the
/// reading must be.
final class DigitShapeReaderTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let mappings = root.appendingPathComponent("Mappings")

    /// The text layer's words of a score's form (or `form`) in Thai digits, with their boxes, per page.
    private func thaiScores(_ pdf: PDFText, form: (String) -> Bool = DigitRereader.isScore) -> [(page: Int, box: Box, text: String)] {
        var out: [(Int, Box, String)] = []
        for p in pdf.pages {
            var word: [Glyph] = []
            for (i, g) in p.glyphs.enumerated() {
                word.append(g)
                // A word ends at a space, a line's end (the next glyph starts left of it) or a gap.
                let next = i + 1 < p.glyphs.count ? p.glyphs[i + 1] : nil
                let gap = next.map { $0.box.x0 < g.box.x0 || $0.box.x0 - g.box.x1 > 0.3 * (g.box.y1 - g.box.y0) } ?? true
                guard g.spaceAfter || gap else { continue }
                let text = word.map(\.text).joined().trimmingCharacters(in: .whitespaces)
                if form(text) {
                    out.append((p.number, word.map(\.box).reduce(word[0].box) { $0.union($1) }, text))
                }
                word = []
            }
        }
        return out
    }

    private func readAll(_ file: String, dpi: Double, form: @escaping (String) -> Bool = DigitRereader.isScore,
                         ascii: Bool = false) throws -> (right: Int, all: Int, misses: [String]) {
        let path = Self.root.appendingPathComponent(file).path
        let pdf = try PDFExtractor.read(path: path)
        let scores = thaiScores(pdf, form: form)
        let reader = DigitShapeReader(templates: try DigitTemplates(mappings: Self.mappings))
        var code: Int32 = 0
        var message = [CChar](repeating: 0, count: 512)
        let doc = try XCTUnwrap(ps_document_open(path, &code, &message, message.count))
        defer { ps_document_close(doc) }
        var right = 0
        var misses: [String] = []
        for page in Set(scores.map(\.page)).sorted() {
            let bitmap = try XCTUnwrap(ps_page_render_gray(doc, Int32(page - 1), dpi))
            defer { ps_bitmap_free(bitmap) }
            let b = bitmap.pointee
            for s in scores where s.page == page {
                // Padded as DigitRereader pads an OCR word (a text-layer box is the font's full height).
                let pad = 0.3 * (s.box.y1 - s.box.y0), k = dpi / 72
                let x0 = max(0, Int((s.box.x0 - pad) * k)), y0 = max(0, Int((s.box.y0 - pad) * k))
                let x1 = min(Int(b.width), Int((s.box.x1 + pad) * k)), y1 = min(Int(b.height), Int((s.box.y1 + pad) * k))
                var gray: [UInt8] = []
                for y in y0..<y1 { for x in x0..<x1 { gray.append(b.data[y * Int(b.stride) + x]) } }
                let r = reader.read(gray: gray, width: x1 - x0, height: y1 - y0, form: form, ascii: ascii)
                // In ASCII, the glyphs must also match ASCII digits better than Thai ones (DigitRereader's script check).
                let script = !ascii || !DigitRereader.readsBetterInThai(r, reader.read(gray: gray, width: x1 - x0, height: y1 - y0))
                if r.text == s.text, script { right += 1 } else { misses.append("p\(page) \(s.text) read \(r.text)\(script ? "" : " (Thai shapes match better)")") }
            }
        }
        return (right, scores.count, misses)
    }

    /// v000152 prints its scores in Thai digits in Umpush: rendered at 150 dpi (the coarsest scans),
    /// every one is read exactly.
    func testReadsThaiDigitScoresOfARenderedReport() throws {
        let r = try readAll("Corpus/variants/v000152.pdf", dpi: 150)
        XCTAssertGreaterThan(r.all, 10, "the report prints its scores in Thai digits")
        XCTAssertEqual(r.right, r.all, r.misses.joined(separator: "; "))
    }

    /// The second reading of a score Tesseract read in ASCII (19.33 for a printed 79.33 on tune scan
    /// v001453): the fonts' ASCII digits by shape. Reports printing ASCII scores in Laksaman (v000027),
    /// Waree (v000008), Garuda (v000175) and Norasi (v000218), rendered at 150 dpi: every score is
    /// read exactly, and matches ASCII digits better than Thai ones.
    /// The ASCII forms read again by shape: a score's two decimals, and a whole 100 as OIT items
    /// print it; not a lone 0 (one round glyph) or other whole numbers.
    func testASCIIScoreForms() {
        for t in ["79.33", "100.00", "5.05", "100"] { XCTAssertTrue(DigitRereader.isASCIIScore(t), t) }
        for t in ["0", "10", "1000", "100.0", "79.3", "๗๙.๓๓", "7a.33"] { XCTAssertFalse(DigitRereader.isASCIIScore(t), t) }
    }

    func testReadsASCIIScoresOfARenderedReport() throws {
        for file in ["Corpus/variants/v000027.pdf", "Corpus/variants/v000008.pdf", "Corpus/variants/v000175.pdf", "Corpus/variants/v000218.pdf"] {
            let r = try readAll(file, dpi: 150, form: DigitRereader.isASCIIScore, ascii: true)
            XCTAssertGreaterThan(r.all, 5, "\(file) prints ASCII scores")
            XCTAssertEqual(r.right, r.all, "\(file): " + r.misses.joined(separator: "; "))
        }
    }

    /// v000027 mixes Thai digits into a Laksaman report (the government font, whose ๙ Tesseract never reads).
    func testReadsLaksamanNines() throws {
        let r = try readAll("Corpus/variants/v000027.pdf", dpi: 200)
        XCTAssertGreaterThan(r.all, 0)
        XCTAssertEqual(r.right, r.all, r.misses.joined(separator: "; "))
    }

    /// v000151 names its year in Thai digits in titles, cues (พ.ศ., ปี) and periods (Umpush): rendered
    /// at 150 dpi, every year is read exactly (issue 11: scans' years were never found).
    func testReadsThaiDigitYearsOfARenderedReport() throws {
        let r = try readAll("Corpus/variants/v000151.pdf", dpi: 150, form: DigitRereader.isYear)
        XCTAssertGreaterThan(r.all, 5, "the report names its years in Thai digits")
        XCTAssertEqual(r.right, r.all, r.misses.joined(separator: "; "))
    }

    /// A template row cut short, or a listed font without its digits, stops the run (MappingsError).
    func testBrokenTemplatesAreLoud() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("digit-templates-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("ocr"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fonts = try String(contentsOf: Self.mappings.appendingPathComponent("ocr/digit-fonts.tsv"), encoding: .utf8)
        let rows = try String(contentsOf: Self.mappings.appendingPathComponent("ocr/digit-templates.tsv"), encoding: .utf8)
        try fonts.write(to: dir.appendingPathComponent("ocr/digit-fonts.tsv"), atomically: true, encoding: .utf8)
        try (rows + "Laksaman\t๙\t0.8\tff00\n").write(to: dir.appendingPathComponent("ocr/digit-templates.tsv"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try DigitTemplates(mappings: dir)) { XCTAssertTrue($0 is MappingsError, "\($0)") }
        try (fonts + "Tlwg Typist\n").write(to: dir.appendingPathComponent("ocr/digit-fonts.tsv"), atomically: true, encoding: .utf8)
        try rows.write(to: dir.appendingPathComponent("ocr/digit-templates.tsv"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try DigitTemplates(mappings: dir)) { XCTAssertTrue("\($0)".contains("Tlwg Typist"), "\($0)") }
    }

    /// Which OCR words are read again: a point and Thai digits, with at most a misread digit's letters.
    func testCandidates() {
        XCTAssertTrue(DigitRereader.isCandidate("๙๗.๑๓"))
        XCTAssertTrue(DigitRereader.isCandidate("ฒ่๗.๑๓"), "๙ read as ฒ่")
        XCTAssertFalse(DigitRereader.isCandidate("97.13"), "ASCII digits are read well")
        XCTAssertFalse(DigitRereader.isCandidate("ข้อ ๑."), "too few digits")
        XCTAssertFalse(DigitRereader.isCandidate("ประเมิน.๒๕๖๖"), "a word")
        XCTAssertTrue(DigitRereader.isCandidate("๒๕๖๗"), "a year")
        XCTAssertFalse(DigitRereader.isCandidate("ปีงบประมาณ๒๕๖๗"), "a word with a year in it")
        XCTAssertTrue(DigitRereader.fits("๒๕๖๗", ocr: "๒๕๖ศ"))
        XCTAssertFalse(DigitRereader.fits("๒๔๖๗", ocr: "๒๕๖ศ"), "not a year of a report")
        XCTAssertFalse(DigitRereader.fits("๒๕๖", ocr: "๒๕๖ศ"), "three digits")
        XCTAssertFalse(DigitRereader.fits("๒๕๖๗", ocr: "๒๕.๖๗"), "OCR saw a score")
        XCTAssertEqual(DigitRereader.yearTail("พ.ศ.๒๕๒๑๕"), 4..<9, "a year fused to its cue")
        XCTAssertNil(DigitRereader.yearTail("๙๗.๑๓"), "a score")
        XCTAssertEqual(DigitRereader.endingYear("๓.๒๕๖๗"), "๒๕๖๗")
        XCTAssertNil(DigitRereader.endingYear("๓.๒๕๖"))
    }
}
