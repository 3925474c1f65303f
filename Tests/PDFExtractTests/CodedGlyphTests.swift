import Foundation
import ITAModel
import PDFExtract
import XCTest

/// Glyphs of fonts without a ToUnicode map keep their character codes (`PageText.codedGlyphs`), the
/// material `GlyphCodeDecoder` learns a map for; fonts with maps cost nothing.
final class CodedGlyphTests: XCTestCase {
    /// v000059 (LibreOffice, maps removed: two simple TrueType subsets and one CID subset of Norasi)
    /// draws its whole text in such fonts: every visible glyph is a coded glyph, fonts are told apart by
    /// object (two share the name Norasi), boxes sit on the page, and the space glyph is blank.
    func testNoToUnicodeGlyphsKeepTheirCodes() throws {
        let pdf = try PDFExtractor.read(path: Corpus.root.appendingPathComponent("variants/v000059.pdf").path)
        XCTAssertEqual(pdf.pages.count, 3)
        for page in pdf.pages {
            let coded = page.codedGlyphs
            let inked = coded.filter { !$0.blank }
            XCTAssertGreaterThan(inked.count, 100, "page \(page.number)")
            // Every glyph the render counts as drawn is a coded glyph (the render leaves out one-byte
            // spaces, and counts blank glyphs of other codes), and every inked one is drawn.
            if let drawn = page.drawnGlyphs {
                XCTAssertGreaterThanOrEqual(coded.count, drawn, "page \(page.number)")
                XCTAssertLessThanOrEqual(inked.count, drawn, "page \(page.number)")
            }
            XCTAssertTrue(coded.contains { $0.blank }, "the space glyph is blank, page \(page.number)")
            for g in coded {
                XCTAssertTrue(g.box.x0 >= 0 && g.box.x1 <= page.width && g.box.y0 >= 0 && g.box.y1 <= page.height, "\(g)")
                XCTAssertGreaterThan(g.fontSize, 4)
            }
            let fonts = Set(coded.map(\.font))
            XCTAssertTrue(fonts.allSatisfy { $0.hasPrefix("Norasi") && $0.contains("#") }, "\(fonts)")
            XCTAssertGreaterThanOrEqual(Set(fonts.filter { $0.hasPrefix("Norasi#") }).count, 2, "two subsets named Norasi stay apart")
        }
    }

    /// A text layer with maps (a Corpus seed) has no coded glyphs.
    func testFontsWithMapsGiveNoCodedGlyphs() throws {
        let seed = try XCTUnwrap(Corpus.pdfs(in: "seeds").first)
        let pdf = try PDFExtractor.read(path: seed.path)
        XCTAssertEqual(pdf.pages.reduce(0) { $0 + $1.codedGlyphs.count }, 0)
    }
}

/// Glyphs of fonts without a ToUnicode map are named by outline where the installed font of the same
/// name has the identical glyph (`CodedGlyph.outlineCharacter`), digits included.
final class CodedGlyphOutlineTests: XCTestCase {
    /// v000059 is set in Norasi (fonts-thai-tlwg, installed by Scripts/install-deps.sh): every inked glyph
    /// is matched, and page 1 reads its overall score (99.25 in the gold) and rating by outline alone.
    func testV000059ReadsByOutline() throws {
        let pdf = try PDFExtractor.read(path: Corpus.root.appendingPathComponent("variants/v000059.pdf").path)
        let inked = pdf.pages.flatMap(\.codedGlyphs).filter { !$0.blank }
        XCTAssertEqual(inked.filter { $0.outlineCharacter == nil }.count, 0)
        // Tone marks are drawn as private-use variants (the normaliser maps them): left out here.
        let text = String(String.UnicodeScalarView(pdf.pages[0].codedGlyphs.map { $0.blank ? " " : $0.outlineCharacter ?? "?" }
                                                   .filter { !(0xE000...0xF8FF).contains($0.value) }))
        XCTAssertTrue(text.contains("ไดคะแนน ๙๙.๒๕ คะแนน"), text)
        XCTAssertTrue(text.contains("ตัวชี้วัดที่ ๙ การเปิดเผยขอมูล ได ๑๐๐.๐๐ คะแนน"), text)
        // The same code is always the same character (a font draws one glyph per code).
        var seen: [String: Unicode.Scalar] = [:]
        for g in inked { XCTAssertEqual(seen.updateValue(g.outlineCharacter!, forKey: "\(g.font) \(g.code)") ?? g.outlineCharacter, g.outlineCharacter) }
    }
}

/// Type 1 programs are read, and an embedded font is matched to the installed one whose name is the
/// same once hyphens, spaces and case are set aside: fresh tune seed 1409 (LibreOffice, maps removed)
/// draws question codes in a Type 1 subset named `NimbusRomanRegular`, a copy of URW's installed
/// `NimbusRoman-Regular` (fonts-urw-base35). Every inked glyph of it is named by outline.
final class CodedGlyphType1Tests: XCTestCase {
    func testV001409Type1SubsetReadsByOutline() throws {
        let pdf = try PDFExtractor.read(path: Corpus.root.appendingPathComponent("variants/v001409.pdf").path)
        let type1 = pdf.pages.flatMap(\.codedGlyphs).filter { !$0.blank && $0.font.hasPrefix("NimbusRomanRegular#") }
        XCTAssertGreaterThan(type1.count, 20, "the Type 1 subset's glyphs are coded glyphs")
        XCTAssertEqual(type1.filter { $0.outlineCharacter == nil }.map(\.code), [], "every glyph matched by outline")
        // The subset draws the ASCII digits of mixed-font numbers (and their points), in drawing order.
        let text = String(String.UnicodeScalarView(type1.compactMap(\.outlineCharacter)))
        XCTAssertEqual(text, "5661.517.10...00.125.366.730.00.7.836.690.380.796.00000000")
    }
}
