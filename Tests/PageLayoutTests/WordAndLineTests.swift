import ITAModel
import PDFExtract
import PageLayout
import XCTest

/// Words and lines on real Corpus pages.
final class WordAndLineTests: XCTestCase {
    /// Every glyph's text lands in exactly one word: the multiset of characters is preserved.
    func testNoGlyphLostOrDuplicated() throws {
        for name in ["s000-thesaban-mueang", "s002-obt", "s003-thesaban-tambon"] {
            let (pdf, layout) = try CorpusPages.seed(name)
            for (page, result) in zip(pdf.pages, layout.pages) {
                var glyphCounts: [Unicode.Scalar: Int] = [:]
                for g in page.glyphs { for s in g.text.unicodeScalars where !s.properties.isWhitespace { glyphCounts[s, default: 0] += 1 } }
                var wordCounts: [Unicode.Scalar: Int] = [:]
                for l in result.lines { for seg in l.segments { for w in seg.words {
                    for s in w.text.unicodeScalars where !s.properties.isWhitespace { wordCounts[s, default: 0] += 1 }
                } } }
                XCTAssertEqual(glyphCounts, wordCounts, "\(name) page \(page.number)")
            }
        }
    }

    /// Garuda's ์ stacked over ิ (สัมฤทธิ์) is listed by the text layer far from its base, after a
    /// letter of the line above ("มุ่งผ์ล", and the ฤทธิ์ line lost its mark); on v000015 after the
    /// row number ("๓์บริการ"). A mark more than `strayMarkEm` from the cluster it follows goes to
    /// the base it is drawn on (v000175 page 2, question i3).
    func testStrayMarkGoesToTheBaseItIsDrawnOn() throws {
        let (_, layout) = try CorpusPages.file("variants/v000175")
        let texts = layout.pages[1].lines.flatMap { $0.segments.map(\.text) }
        XCTAssertTrue(texts.contains { $0.contains("สัมฤทธิ์ของงาน") }, "the mark is back on ธิ")
        XCTAssertFalse(texts.contains { $0.contains("ผ์ล") }, "the mark left on the line above")
        // Without the re-homing (a reach wider than the page) the mark stays where the text layer lists it.
        var wide = LayoutSettings(); wide.strayMarkEm = 1000
        let (pdf, _) = try CorpusPages.file("variants/v000175")
        let old = LayoutAnalyser.analysePage(pdf.pages[1], settings: wide).lines.flatMap { $0.segments.map(\.text) }
        XCTAssertTrue(old.contains { $0.contains("ผ์ล") }, "the text layer lists the mark after ผ")
    }

    /// No word starts with a Thai combining mark: poppler's false spaces before and after marks are gone.
    func testMarksStayOnTheirBase() throws {
        for name in ["s000-thesaban-mueang", "s002-obt", "s003-thesaban-tambon"] {
            let (_, layout) = try CorpusPages.seed(name)
            for p in layout.pages { for l in p.lines { for s in l.segments { for w in s.words {
                let first = w.text.unicodeScalars.first!.value
                let mark = first == 0x0E31 || (0x0E34...0x0E3A).contains(first) || (0x0E47...0x0E4E).contains(first)
                XCTAssertFalse(mark, "\(name) p\(p.page): word \(w.text) in line \(l.text)")
            } } } }
        }
    }

    /// The cover page of seed 000 reads in order, one line per printed line, words as printed.
    func testCoverPageLinesInOrder() throws {
        let (_, layout) = try CorpusPages.seed("s000-thesaban-mueang")
        let lines = layout.pages[0].lines.map(\.text)
        let expected = ["มาตรการส่งเสริมคุณธรรมและความโปร่งใส", "ภายในหน่วยงาน", "ปีงบประมาณ พ.ศ. ๒๕๖๖",
                        "เทศบาลเมืองเพชรบูรณ์", "อําเภอเมืองเพชรบูรณ์ จังหวัดเพชรบูรณ์"]
        XCTAssertEqual(Array(lines.prefix(expected.count)), expected)
        let ys = layout.pages[0].lines.map(\.box.y0)
        XCTAssertEqual(ys, ys.sorted(), "lines top to bottom")
    }

    /// A table line is split into segments at the column gaps: tool, number, name, score.
    func testTableLineSplitsIntoSegments() throws {
        let (_, layout) = try CorpusPages.seed("s000-thesaban-mueang")
        let line = try XCTUnwrap(layout.pages[0].lines.first { $0.text.hasPrefix("IIT") })
        XCTAssertEqual(line.segments.map(\.text), ["IIT", "๑", "การปฏิบัติหน้าที่", "๑๐๐.๐๐"])
        let paragraph = try XCTUnwrap(layout.pages[0].lines.first { $0.text.contains("มีผลคะแนนเฉลี่ย") })
        XCTAssertEqual(paragraph.segments.count, 1, paragraph.text)
    }

    /// Tone marks that poppler sorts after the next letter go back to their base (ชี้วัด, not ชีว้ัด).
    func testToneMarkBackOnItsBase() throws {
        let (_, layout) = try CorpusPages.seed("s000-thesaban-mueang")
        let text = layout.pages[0].lines.map(\.text).joined(separator: "\n")
        XCTAssertTrue(text.contains("ตัวชี้วัดที่"), text)
        XCTAssertFalse(text.contains("ชีว้"), text)
    }
}
