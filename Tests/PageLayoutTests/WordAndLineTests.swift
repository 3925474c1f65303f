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
