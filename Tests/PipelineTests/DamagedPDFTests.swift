import Foundation
import ITAModel
import PDFExtract
import PageLayout
@testable import Pipeline
import XCTest

/// Damaged files never come back as a bare `ok`: poppler's messages and junk fonts are reported.
final class DamagedPDFTests: XCTestCase {
    private let sample = CorpusRun.repoRoot.appendingPathComponent("Scripts/hostile/sample")

    func testPopplerWordingIsReadFromMappings() throws {
        let rules = try PDFDamage(mappings: CorpusRun.mappings)
        XCTAssertNil(rules.warning(PopplerMessages()))
        // Font substitution at render time is not damage.
        XCTAssertNil(rules.warning(PopplerMessages(messages: ["error: Couldn't find a font for 'Angsana New', subst: Helvetica"])))
        let w = try XCTUnwrap(rules.warning(PopplerMessages(messages: [
            "error (60137): Bad block header in flate stream", "error (812): Bad ToUnicode CMap", "error: Couldn't find a font for 'X'"])))
        XCTAssertEqual(w.code, .pdfDamaged)
        XCTAssertTrue(w.message.contains("1 syntax error and 1 about fonts or CMaps"), w.message)
        XCTAssertTrue(w.message.contains("Bad block header in flate stream | error (812): Bad ToUnicode CMap"), w.message)
        XCTAssertFalse(w.message.contains("Couldn't find a font"), w.message)
    }

    /// The committed sample: one flipped byte in a ToUnicode stream that poppler decodes without a
    /// word. The font's text is glyph-id junk: found, left out, and no Corpus font is taken for it.
    func testJunkFontIsFoundAndCleanFontsAreNot() throws {
        var pdf = try PDFExtractor.read(path: sample.appendingPathComponent("tounicode-flip.pdf").path)
        XCTAssertEqual(pdf.messages, PopplerMessages())
        let found = UnreadableFonts.find(pdf, settings: LayoutSettings())
        XCTAssertEqual(found.map(\.font), ["Laksaman"])
        let w = try XCTUnwrap(UnreadableFonts.remove(from: &pdf, settings: LayoutSettings()))
        XCTAssertEqual(w.code, .fontTextUnreadable)
        XCTAssertFalse(pdf.pages.contains { $0.glyphs.contains { $0.font == "Laksaman" } })
        XCTAssertTrue(pdf.pages.contains { $0.glyphs.contains { $0.font == "Laksaman-Bold" } })
        // The thresholds are LayoutSettings': a font must be more than this share junk.
        var lenient = LayoutSettings()
        lenient.unreadableFontJunkShare = 1
        XCTAssertEqual(UnreadableFonts.find(pdf, settings: lenient).map(\.font), [])
        for folder in ["seeds", "generated", "degraded"] {
            let dir = CorpusRun.corpus.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() where name.hasSuffix(".pdf") {
                let clean = try PDFExtractor.read(path: dir.appendingPathComponent(name).path, options: .text)
                XCTAssertEqual(UnreadableFonts.find(clean, settings: LayoutSettings()).map(\.font), [], name)
            }
        }
    }
}
