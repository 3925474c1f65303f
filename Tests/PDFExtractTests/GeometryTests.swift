import Foundation
import ITAModel
import PDFExtract
import XCTest

/// Glyph boxes are in points with a top-left origin and lie on the page.
final class GeometryTests: XCTestCase {
    func testGlyphBoxesLieInsideThePage() throws {
        XCTAssertFalse(Corpus.pdfs(in: "seeds").isEmpty, "no seed PDFs")
        for pdf in Corpus.cleanTextPDFs() {
            let text = try PDFExtractor.read(path: pdf.path)
            XCTAssertEqual(text.pageCount, text.pages.count)
            for page in text.pages {
                XCTAssertGreaterThan(page.width, 100); XCTAssertGreaterThan(page.height, 100)
                XCTAssertFalse(page.glyphs.isEmpty, "\(pdf.lastPathComponent) page \(page.number) has no text")
                for g in page.glyphs {
                    XCTAssertTrue(g.box.x0 >= -0.5 && g.box.y0 >= -0.5 && g.box.x1 <= page.width + 0.5
                                  && g.box.y1 <= page.height + 0.5 && g.box.x0 <= g.box.x1 && g.box.y0 <= g.box.y1,
                                  "\(pdf.lastPathComponent) p\(page.number) \(g.text) \(g.box)")
                    XCTAssertNotNil(g.fontSize)
                    // Font names come without the per-file subset tag ("BAAAAA+Laksaman" → "Laksaman").
                    let font = g.font ?? ""
                    XCTAssertFalse(font.isEmpty || (font.count > 7 && Array(font)[6] == "+"
                                                    && font.prefix(6).allSatisfy { $0.isASCII && $0.isUppercase }),
                                   "font \(font)")
                }
            }
        }
    }

    /// The first lines of each seed's source text are found on page 1 in order, each lower
    /// (greater y) than the one before, and the first near the top of the page.
    func testFirstSourceLinesComeTopToBottom() throws {
        let seeds = Corpus.pdfs(in: "seeds")
        XCTAssertFalse(seeds.isEmpty, "no seed PDFs")
        for pdf in seeds {
            let source = try String(contentsOf: pdf.deletingPathExtension().appendingPathExtension("source.txt"), encoding: .utf8)
            let wanted = source.split(separator: "\n").map { line in
                Array(line.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "#" })
            }.filter { $0.count >= 4 }.prefix(4)
            XCTAssertEqual(wanted.count, 4)
            let page = try XCTUnwrap(try PDFExtractor.read(path: pdf.path).pages.first)
            let glyphs = page.glyphs.filter { !$0.text.unicodeScalars.allSatisfy(\.properties.isWhitespace) }
            let scalars = glyphs.map { $0.text.unicodeScalars.first! }
            var from = 0
            var ys: [Double] = []
            for line in wanted {
                guard let at = find(line, in: scalars, from: from) else {
                    XCTFail("\(pdf.lastPathComponent): source line \(String(String.UnicodeScalarView(line))) not on page 1 in order")
                    break
                }
                ys.append(glyphs[at].box.midY)
                from = at + line.count
            }
            XCTAssertLessThan(ys.first ?? .infinity, page.height / 3, "first line should be near the top (top-left origin)")
            for (a, b) in zip(ys, ys.dropFirst()) { XCTAssertGreaterThan(b, a + 5, "\(pdf.lastPathComponent): lines out of order \(ys)") }
        }
    }

    /// A page with /Rotate 90 reports its displayed size, and its text lies inside it.
    func testRotatedPageSizeAndBoxes() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("rotated.pdf")
        try MiniPDF.build([MiniPDF.Page(width: 600, height: 800, content: "BT /F1 20 Tf 50 700 Td (Rotated page) Tj ET", rotate: 90)]).write(to: url)
        let page = try XCTUnwrap(try PDFExtractor.read(path: url.path).pages.first)
        XCTAssertEqual(page.width, 800, accuracy: 0.01)
        XCTAssertEqual(page.height, 600, accuracy: 0.01)
        XCTAssertEqual(page.glyphs.map(\.text).joined(), "Rotatedpage")
        for g in page.glyphs {
            XCTAssertTrue(g.box.x0 >= 0 && g.box.x1 <= 800 && g.box.y0 >= 0 && g.box.y1 <= 600, "\(g.box)")
        }
        // Text drawn at x = 50 on the unrotated page ends up 50 pt from the top once turned clockwise.
        XCTAssertEqual(page.glyphs[0].box.y0, 50, accuracy: 1)
    }

    private func find(_ needle: [Unicode.Scalar], in hay: [Unicode.Scalar], from: Int) -> Int? {
        guard !needle.isEmpty, hay.count >= needle.count, from <= hay.count - needle.count else { return nil }
        for i in from...(hay.count - needle.count) where hay[i] == needle[0] {
            if Array(hay[i..<(i + needle.count)]) == needle { return i }
        }
        return nil
    }
}
