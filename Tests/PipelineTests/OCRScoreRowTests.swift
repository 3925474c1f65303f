import ITAModel
import PageLayout
@testable import Pipeline
import ReportInterpret
import XCTest

/// A score OCR read beside a question row must stand beside the row's own text. The lines are
/// page 4 of `Corpus/scanned/s002-obt-scan.pdf` as OCR and the layout gave them (texts and boxes
/// from `ita-extract inspect --page 4 --svg`): OCR read e15's code as "๑15", so e15's text and its
/// score 79.74 ran into e12's row, whose own score (80.84) OCR read as "0.84".
final class OCRScoreRowTests: XCTestCase {
    private func line(_ parts: [(String, Double, Double, Double, Double)]) -> TextLine {
        TextLine(page: 4, segments: parts.map { t, x0, y0, x1, y1 in
            Segment(words: [Word(text: t, box: Box(x0: x0, y0: y0, x1: x1, y1: y1))])
        })
    }

    private var page4: [TextLine] {
        [line([("e12 วิธีการขั้๑7 นตอนการปฏิบัติหรือการให้บริการ สะดวกรวดเร็วขึ้นกว่าที่ผ่านมา มาก", 59.39, 405.52, 482.03, 433.75)]),
         line([("vg", 62.56, 428.67, 93.88, 440.39), ("0.84", 510.79, 428.67, 534.55, 440.39)]),
         line([("น้อยเพียงใด", 59.29, 434.58, 119.06, 453.06)]),
         line([("๑15 หน่วยงานมีa การปรัegบปรุงองค์6 กรใเห้หมีมีความโโปร1งiเeสมากขินณีมากน่เ อยเaพยงaเด om", 59.17, 455.36, 484.02, 484.42),
               ("79.74", 501.24, 462.78, 534.38, 484.42)])]
    }
    /// The row's box, as the question reader gave it.
    private let row = Box(x0: 59.17, y0: 405.52, x1: 534.38, y1: 484.42)
    private let e12Raw = "e12 วิธีการขั้๑7 นตอนการปฏิบัติหรือการให้บริการ สะดวกรวดเร็วขึ้นกว่าที่ผ่านมา\nvg\nน้อยเพียงใด\n๑15 หน่วยงานมีa การปรัegบปรุงองค์6 กรใเห้หมีมีความโโปร1งiเeสมากขินณีมากน่เ อยเaพยงaเด om"

    func testAScoreBesideTheNextQuestionsTextIsTheNeighbours() throws {
        let arithmetic = ScoreArithmetic(mappings: try ITAMappings(directory: CorpusRun.mappings))
        let own = try XCTUnwrap(arithmetic.catalogueTextLength(code: "e12", year: 2566))
        XCTAssertEqual(OCRScoreRow.verdict(score: "79.74", row: row, lines: page4, ownLength: own), .neighbour)
        XCTAssertEqual(OCRScoreRow.verdict(score: "0.84", row: row, lines: page4, ownLength: own), .own)
        // A score the page does not hold tells nothing.
        XCTAssertEqual(OCRScoreRow.verdict(score: "80.84", row: row, lines: page4, ownLength: own), .unknown)
    }

    /// Through the policy: e12's text confirms its code, so without the geometry e15's 79.74 was
    /// written as e12's score (main before this rule); with the page's lines it is left empty.
    func testThePolicyDropsANeighboursScore() throws {
        let arithmetic = ScoreArithmetic(mappings: try ITAMappings(directory: CorpusRun.mappings))
        func record() -> ReportRecord {
            var r = ReportRecord(docID: "x", sourcePath: "x.pdf", sha256: "x")
            r.questions = [QuestionScore(year: 2566, code: "e12", tool: .eit, question: nil, score: "79.74", page: 4,
                                         source: Provenance(page: 4, box: row, cells: [e12Raw, "79.74"]))]
            return r
        }
        var without = record()
        OCRScorePolicy.apply(to: &without, ocrPages: [4], arithmetic: arithmetic)
        XCTAssertEqual(without.questions.map(\.score), ["79.74"], "the code is confirmed: only the geometry tells")
        var with = record()
        OCRScorePolicy.apply(to: &with, ocrPages: [4], arithmetic: arithmetic, lines: [4: page4])
        XCTAssertTrue(with.questions.isEmpty)
        XCTAssertEqual(with.ocrDropped?.map(\.reason), ["it stands beside another question's text"])
    }
}
