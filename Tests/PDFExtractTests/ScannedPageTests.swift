import Foundation
import PDFExtract
import XCTest

/// An image-only page is a scan: no text layer, nearly all of the page covered by one image.
final class ScannedPageTests: XCTestCase {
    func testImageOnlyPageLacksTextLayer() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A gray "scan" drawn over the whole page, then a normal text page.
        let (w, h) = (85, 110)
        let pixels = (0..<(w * h)).map { i in UInt8(200 + (i % 7) * 5) }
        let scan = MiniPDF.Page(content: "q 612 0 0 792 0 0 cm /Im1 Do Q", image: (w, h, pixels))
        let text = MiniPDF.Page(content: "BT /F1 12 Tf 72 700 Td (Some real text) Tj ET")
        let url = dir.appendingPathComponent("scan.pdf")
        try MiniPDF.build([scan, text]).write(to: url)
        let pdf = try PDFExtractor.read(path: url.path)
        XCTAssertTrue(pdf.pages[0].lacksTextLayer)
        XCTAssertGreaterThan(pdf.pages[0].imageCoverage, 0.8)
        XCTAssertFalse(pdf.pages[1].lacksTextLayer)
        XCTAssertEqual(pdf.pages[1].imageCoverage, 0)
        XCTAssertEqual(pdf.pagesWithoutText, [1])
        XCTAssertEqual(pdf.textSource, .mixed)
    }

    /// A Tesseract-style sandwich (page image plus invisible GlyphLessFont text) also lacks a text layer.
    func testGlyphLessSandwichLacksTextLayer() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (w, h) = (60, 80)
        let page = MiniPDF.Page(content: "q 612 0 0 792 0 0 cm /Im1 Do Q BT 3 Tr /F1 12 Tf 72 700 Td (OCR words here) Tj ET",
                                image: (w, h, [UInt8](repeating: 230, count: w * h)))
        let url = dir.appendingPathComponent("sandwich.pdf")
        try MiniPDF.build([page], fontName: "GlyphLessFont").write(to: url)
        let p = try XCTUnwrap(try PDFExtractor.read(path: url.path).pages.first)
        XCTAssertFalse(p.glyphs.isEmpty)
        XCTAssertTrue(p.glyphs.allSatisfy { $0.font == "GlyphLessFont" }, "\(Set(p.glyphs.compactMap(\.font)))")
        XCTAssertTrue(p.lacksTextLayer)
        XCTAssertGreaterThan(p.imageCoverage, 0.8)
    }

    /// Committed scans (Corpus/scanned) have no usable text layer on any page and are page-sized images.
    func testCorpusScans() throws {
        let scans = Corpus.pdfs(in: "scanned")
        XCTAssertFalse(scans.isEmpty, "no PDFs under Corpus/scanned")
        for url in scans {
            let pdf = try PDFExtractor.read(path: url.path)
            for page in pdf.pages {
                XCTAssertTrue(page.lacksTextLayer, "\(url.lastPathComponent) p\(page.number)")
                XCTAssertGreaterThan(page.imageCoverage, 0.8, "\(url.lastPathComponent) p\(page.number)")
            }
        }
    }

    func testSeedPagesHaveTextAndNoScanImage() throws {
        let seeds = Corpus.pdfs(in: "seeds")
        XCTAssertFalse(seeds.isEmpty, "no seed PDFs")
        for url in seeds {
            let pdf = try PDFExtractor.read(path: url.path)
            XCTAssertEqual(pdf.textSource, .native, url.lastPathComponent)
            for page in pdf.pages { XCTAssertLessThan(page.imageCoverage, 0.8, "\(url.lastPathComponent) p\(page.number)") }
        }
    }
}
