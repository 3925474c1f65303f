import Foundation
import PDFExtract
import XCTest

/// Not one Thai character may be lost between the rendered source text and the extracted glyphs.
final class ThaiCharacterCountTests: XCTestCase {
    func testEverySeedKeepsEveryThaiCharacter() throws {
        XCTAssertFalse(Corpus.pdfs(in: "seeds").isEmpty, "no seed PDFs under \(Corpus.root.path)/seeds")
        // The generated reports have clean text layers too (their damaged copies live in degraded/).
        for pdf in Corpus.cleanTextPDFs() {
            let sourceURL = pdf.deletingPathExtension().appendingPathExtension("source.txt")
            let source = try String(contentsOf: sourceURL, encoding: .utf8)
            let expected = thaiCounts(source.unicodeScalars)
            XCTAssertGreaterThan(expected.values.reduce(0, +), 1000, "\(sourceURL.lastPathComponent) holds little Thai")
            let text = try PDFExtractor.read(path: pdf.path)
            let got = thaiCounts(text.pages.flatMap(pageScalars))
            for code in Set(expected.keys).union(got.keys).sorted() {
                XCTAssertEqual(got[code, default: 0], expected[code, default: 0],
                               "\(pdf.lastPathComponent): count of U+\(String(code, radix: 16, uppercase: true))")
            }
        }
    }

    func testGlyphsAreSingleScalars() throws {
        let seeds = Corpus.pdfs(in: "seeds")
        XCTAssertFalse(seeds.isEmpty, "no seed PDFs")
        guard let pdf = seeds.first else { return }
        let text = try PDFExtractor.read(path: pdf.path)
        let glyphs = text.pages.flatMap(\.glyphs)
        XCTAssertFalse(glyphs.isEmpty)
        for g in glyphs { XCTAssertEqual(g.text.unicodeScalars.count, 1, "glyph \(g.text.debugDescription)") }
        // Combining marks stay glyphs of their own (U+0E49 is never merged into its base letter).
        XCTAssertTrue(glyphs.contains { $0.text == "\u{0E49}" })
    }
}
