@testable import Pipeline
import XCTest

/// The `text_layer_unusable` warning and the status rule for junk text (issue 9).
final class UnusableTextLayerTests: XCTestCase {
    /// Junk pages all read by outline leave the document `ok`; one junk page read otherwise (OCR, votes,
    /// or not at all) keeps it `partial`.
    func testJunkIsPartialUnlessEveryJunkPageReadsExactly() {
        XCTAssertFalse(UnusableTextLayer.leavesPartial(junkPages: [1, 2, 3], exactPages: [1, 2, 3]))
        XCTAssertFalse(UnusableTextLayer.leavesPartial(junkPages: [2], exactPages: [1, 2, 3]))
        XCTAssertTrue(UnusableTextLayer.leavesPartial(junkPages: [1, 2, 3], exactPages: [1, 3]))
        XCTAssertTrue(UnusableTextLayer.leavesPartial(junkPages: [4], exactPages: []))
        // A junk font with a (broken) ToUnicode map is read by no outline: its text is lost even when
        // every junk page is otherwise exact (review17: it must not leave the document `ok`).
        XCTAssertTrue(UnusableTextLayer.leavesPartial(junkPages: [1], exactPages: [1], junkFonts: ["Laksaman", "Norasi"], mapLessFonts: ["Norasi"]))
        XCTAssertFalse(UnusableTextLayer.leavesPartial(junkPages: [1], exactPages: [1], junkFonts: ["Norasi"], mapLessFonts: ["Norasi", "Norasi-Bold"]))
    }

    /// The message names every page, groups pages of one reason, and says how each page was read.
    func testMessageSaysHowEachPageWasRead() {
        var first = OutlineFirst()
        first.pages = [3, 5]
        first.glyphsByFont = ["Sawasdee": 10, "Sawasdee-Bold": 2]
        let reasons: [(page: Int, reason: String)] = [(1, UnusableTextLayer.noMap), (2, UnusableTextLayer.noMap), (3, UnusableTextLayer.noMap),
                                                      (5, UnusableTextLayer.noMap), (6, "control characters (30 of 100)")]
        let m = UnusableTextLayer.message(reasons: reasons, outlineFirst: first, decoded: ([1], [1], "summary"), ocrPages: [6],
                                          missing: [2], whyMissing: "OCR found no text")
        XCTAssertTrue(m.hasPrefix("text layer unusable on pages 1-3, 5-6 (pages 1-3, 5: glyphs in fonts without a ToUnicode map; page 6: control characters (30 of 100)); "), m)
        XCTAssertTrue(m.contains("pages 3, 5 read by glyph outline, without OCR: every glyph equals the installed font's of the same name (Sawasdee 10 glyphs, Sawasdee-Bold 2 glyphs)"), m)
        XCTAssertTrue(m.contains("page 1 read as a text layer: every glyph matched the installed font's outline"), m)
        XCTAssertTrue(m.contains("page 6 read by OCR as scans"), m)
        XCTAssertTrue(m.contains("page 2 not read (OCR found no text)"), m)
    }
}
