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
    /// A font with no ToUnicode map is junk on every page it draws (fresh tune seed 1224: its page 8
    /// gave 72 of 218 punctuation, under the page rule's share, and its glyph id read as `0` was
    /// written as question i5's score). Here Corpus v000059 (no ToUnicode maps): one of its soup
    /// pages keeps only the glyphs that came out as digits and letters, as when a font's glyph ids
    /// land there. Judged alone it passes; beside the pages where its fonts gave soup it does not.
    /// The same glyphs under a font drawn nowhere else pass: it is the font that decides.
    func testAPageInFontsFoundJunkElsewhereIsUnusable() throws {
        let pdf = try PDFExtractor.read(path: Corpus.root.appendingPathComponent("variants/v000059.pdf").path)
        let soup = TextLayerQuality.unusablePages(pdf).filter { $0.reason.hasPrefix("punctuation") || $0.reason.hasPrefix("control") }
        XCTAssertGreaterThanOrEqual(soup.count, 2, "\(soup)")
        let index = try XCTUnwrap(pdf.pages.indices.filter { i in soup.contains { $0.page == pdf.pages[i].number } }
            .max { pdf.pages[$0].glyphs.count < pdf.pages[$1].glyphs.count })
        var masked = pdf
        masked.pages[index].glyphs.removeAll { g in !g.text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil } }
        masked.pages[index].drawnGlyphs = nil
        let number = masked.pages[index].number
        XCTAssertGreaterThan(masked.pages[index].glyphs.count, TextLayerQuality.Settings().minCharacters)

        var alone = masked
        alone.pages = [masked.pages[index]]
        XCTAssertEqual(TextLayerQuality.unusablePages(alone).map(\.page), [], "by its own characters the page passes")

        let found = TextLayerQuality.unusablePages(masked)
        let reason = try XCTUnwrap(found.first { $0.page == number }?.reason, "\(found)")
        XCTAssertTrue(reason.contains("fonts whose text is junk"), reason)

        var renamed = masked
        for k in renamed.pages[index].glyphs.indices { renamed.pages[index].glyphs[k].font = "DrawnOnlyHere" }
        XCTAssertFalse(TextLayerQuality.unusablePages(renamed).contains { $0.page == number })

        // Glyphs with no font name are no one font: never judged together as one broken font.
        var unnamed = masked
        for p in unnamed.pages.indices { for k in unnamed.pages[p].glyphs.indices { unnamed.pages[p].glyphs[k].font = nil } }
        // (By its own characters the page passes, as above: so it is not unusable at all, whatever the wording.)
        XCTAssertFalse(TextLayerQuality.unusablePages(unnamed).contains { $0.page == number })
    }
}
