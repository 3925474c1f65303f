import Foundation
import PDFExtract
import ThaiNormalise
import XCTest

/// Text layers that cannot be right (issue 9): a LibreOffice PDF whose fonts' ToUnicode maps were
/// renamed away (Tests/Fixtures/unseen/make.sh) extracts as punctuation; every page is found. The
/// Corpus's real text layers, including the Private-Use and split-SARA-AM ones that normalisation
/// repairs, are never flagged.
final class TextLayerQualityTests: XCTestCase {
    static let fixtures = Corpus.root.deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/unseen")
    static let mappings = Corpus.root.deletingLastPathComponent().appendingPathComponent("Mappings")

    func testNoToUnicodePagesAreUnusable() throws {
        let pdf = try PDFExtractor.read(path: Self.fixtures.appendingPathComponent("u03-no-tounicode.pdf").path)
        XCTAssertTrue(pdf.pagesWithoutText.isEmpty, "the pages do have glyphs")
        let bad = TextLayerQuality.unusablePages(pdf)
        XCTAssertEqual(bad.map(\.page), [1, 2, 3], "\(bad)")
        var cleared = pdf
        TextLayerQuality.discardText(of: bad.map(\.page), in: &cleared)
        XCTAssertEqual(cleared.pagesWithoutText, [1, 2, 3])
        // The same document with its maps is fine.
        let good = try PDFExtractor.read(path: Self.fixtures.appendingPathComponent("u01-split-year-quoted-codes.pdf").path)
        XCTAssertEqual(TextLayerQuality.unusablePages(good).map(\.page), [])
    }

    func testCorpusTextLayersAreUsable() throws {
        let normaliser = try ThaiNormaliser(mappings: Self.mappings)
        let pdfs = Corpus.cleanTextPDFs() + Corpus.pdfs(in: "degraded")
        XCTAssertGreaterThan(pdfs.count, 15)
        for url in pdfs {
            let pdf = try PDFExtractor.read(path: url.path)
            let bad = TextLayerQuality.unusablePages(pdf) { u in
                !normaliser.normalise(String(u)).text.unicodeScalars.contains { (0xE000...0xF8FF).contains($0.value) }
            }
            XCTAssertEqual(bad.map(\.page), [], "\(url.lastPathComponent): \(bad)")
        }
    }

    /// poppler's render counts the glyphs each page draws (issue 14): on a sound report they match
    /// the text layer's characters closely; when the text layer loses most of them (here: the same
    /// pages with 19 of every 20 glyphs taken out, as a ToUnicode map sending them to nothing does),
    /// the page is unusable, whatever is left of it.
    func testPagesGivingFarFewerCharactersThanTheyDrawAreUnusable() throws {
        let url = Corpus.root.appendingPathComponent("seeds/s002-obt.pdf")
        let pdf = try PDFExtractor.read(path: url.path)
        for page in pdf.pages {
            let drawn = try XCTUnwrap(page.drawnGlyphs, "page \(page.number): not counted")
            let chars = page.glyphs.filter { !$0.text.allSatisfy(\.isWhitespace) }.count
            XCTAssertGreaterThanOrEqual(Double(chars), 0.8 * Double(drawn), "page \(page.number): \(chars) characters, \(drawn) glyphs")
            XCTAssertLessThanOrEqual(Double(chars), 1.2 * Double(drawn), "page \(page.number): \(chars) characters, \(drawn) glyphs")
        }
        var lost = pdf
        for i in lost.pages.indices { lost.pages[i].glyphs = lost.pages[i].glyphs.enumerated().filter { $0.offset % 20 == 0 }.map(\.element) }
        let bad = TextLayerQuality.unusablePages(lost)
        let judged = pdf.pages.filter { ($0.drawnGlyphs ?? 0) >= TextLayerQuality.Settings().minDrawnGlyphs }.map(\.number)
        XCTAssertFalse(judged.isEmpty)
        XCTAssertEqual(bad.map(\.page), judged, "\(bad)")
        XCTAssertTrue(bad.allSatisfy { $0.reason.contains("glyphs but its text layer gives") }, "\(bad)")
    }
}
