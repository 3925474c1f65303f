import ITAModel
import PageLayout
import PageOCR
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
        XCTAssertEqual(OCRScoreRow.verdict(score: "79.74", row: row, lines: page4, ownLength: own, textLength: arithmetic.textLength, InterpretSettings()), .neighbour)
        XCTAssertEqual(OCRScoreRow.verdict(score: "0.84", row: row, lines: page4, ownLength: own, textLength: arithmetic.textLength, InterpretSettings()), .own)
        // A score the page does not hold tells nothing.
        XCTAssertEqual(OCRScoreRow.verdict(score: "80.84", row: row, lines: page4, ownLength: own, textLength: arithmetic.textLength, InterpretSettings()), .unknown)
    }

    /// Through the policy: e12's text confirms its code, so without the geometry e15's 79.74 was
    /// written as e12's score (main before this rule); with the page's lines it is left empty.
    func testThePolicyDropsANeighboursScore() throws {
        let arithmetic = ScoreArithmetic(mappings: try ITAMappings(directory: CorpusRun.mappings))
        func record() -> ReportRecord { Self.record("e12", .eit, score: "79.74", page: 4, box: row, cells: [e12Raw, "79.74"]) }
        var without = record()
        OCRScorePolicy.apply(to: &without, ocrPages: [4], arithmetic: arithmetic, asciiSecondReading: false)
        XCTAssertEqual(without.questions.map(\.score), ["79.74"], "the code is confirmed: only the geometry tells")
        var with = record()
        OCRScorePolicy.apply(to: &with, ocrPages: [4], arithmetic: arithmetic, lines: [4: page4], asciiSecondReading: false)
        XCTAssertTrue(with.questions.isEmpty)
        XCTAssertEqual(with.ocrDropped?.map(\.reason), ["it stands beside another question's text"])
    }

    /// Page 4 of `Corpus/variant-scans/v000152-scan200.pdf` (a report printed in Thai digits) as OCR
    /// read its score column (`ita-extract inspect --page 4`; boxes are not used for the script).
    private var thaiPage: [TextLine] {
        ["๕๕.๓๓", "๕๓๕.๐", "๕๑.๒๕", "๑๐๐๑๐.๐๐", "๕๕.๓๐", "๓๐.๕๒", "ฒ๕๓๑.๑", "๓๕๑๕.๐"].enumerated().map { i, t in
            let y = 106 + 70 * Double(i)
            return TextLine(page: 4, segments: [Segment(words: [Word(text: "ท่านได้รับมอบหมายงาน", box: Box(x0: 106, y0: y, x1: 400, y1: y + 20))]),
                                                Segment(words: [Word(text: t, box: Box(x0: 470, y0: y, x1: 505, y1: y + 20))])])
        }
    }

    /// The page's numbers tell its printed script: s002's page 4 prints ASCII digits, v000152's Thai.
    func testAPagesNumbersTellItsScript() {
        XCTAssertFalse(OCRScoreRow.printsThaiDigits(page4, InterpretSettings()))
        XCTAssertTrue(OCRScoreRow.printsThaiDigits(thaiPage, InterpretSettings()))
        // A page mixing the scripts about half and half has no one script.
        XCTAssertFalse(OCRScoreRow.printsThaiDigits(page4 + Array(thaiPage.prefix(2)), InterpretSettings()))
    }

    /// An ASCII reading on a Thai-digit page is unchecked: Tesseract gives some Thai glyphs as ASCII
    /// digits. Written only when the arithmetic confirms it; the same value on an ASCII page stays.
    func testAnASCIIReadingOnAThaiDigitPageNeedsACheck() throws {
        let arithmetic = ScoreArithmetic(mappings: try ITAMappings(directory: CorpusRun.mappings))
        // v000152's i13 as OCR read its text (page 4), with an ASCII reading in its score cell.
        let text = "13 ท่านได้รับมอบหมายงานตามตําแหน่งหน้าที่จากผู้บังคับบัญชา\nขงท่อาน อย่างเป็นธรรม มากน้อยเพียงใด"
        func record(_ check: ScoreCheck?) -> ReportRecord {
            Self.record("i13", .iit, score: "100.00", page: 4, box: nil, cells: [text, "100.00"], check: check)
        }
        var thai = record(nil)
        OCRScorePolicy.apply(to: &thai, ocrPages: [4], arithmetic: arithmetic, lines: [4: thaiPage], asciiSecondReading: false)
        XCTAssertTrue(thai.questions.isEmpty)
        XCTAssertEqual(thai.ocrDropped?.map(\.reason), ["ASCII digits on a page printed in Thai digits"])
        var checked = record(.consistent)
        OCRScorePolicy.apply(to: &checked, ocrPages: [4], arithmetic: arithmetic, lines: [4: thaiPage], asciiSecondReading: false)
        XCTAssertEqual(checked.questions.map(\.score), ["100.00"])
        var ascii = record(nil)
        OCRScorePolicy.apply(to: &ascii, ocrPages: [4], arithmetic: arithmetic, lines: [4: page4], asciiSecondReading: false)
        XCTAssertEqual(ascii.questions.map(\.score), ["100.00"], "its text confirms i13; the page prints ASCII digits")
    }

    /// A code alone in its cell, its text set in the middle of the cell beside it: tune seed 3's scan
    /// at 150 dpi (`Scripts/corpus/scans.py`, no Corpus scan prints this layout), page 10 as OCR and
    /// the layout gave it (`ita-extract inspect --page 10 --svg`). The question reader gave i15's
    /// row the code and the score only ("i15", "99.58"); its text starts two lines above the code.
    func testACodeAloneInItsCellIsConfirmedByTheTextBesideIt() throws {
        let arithmetic = ScoreArithmetic(mappings: try ITAMappings(directory: CorpusRun.mappings))
        func seg(_ t: String, _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> TextLine {
            TextLine(page: 10, segments: [Segment(words: [Word(text: t, box: Box(x0: x0, y0: y0, x1: x1, y1: y1))])])
        }
        let lines = [seg("ผู้บังคับบัญชาของท่าน มีการคัดเลือกผู้เข้า", 163.94, 352.41, 359.42, 370.91),
                     seg(".รับการฝึกอบรม การศึกษาดู งาน หรือการ", 161.58, 370.55, 357.47, 389.76),
                     TextLine(page: 10, segments: [Segment(words: [Word(text: "i15", box: Box(x0: 60.4, y0: 383.08, x1: 74.08, y1: 391.53))]),
                                                   Segment(words: [Word(text: "99.58", box: Box(x0: 374.33, y0: 383.08, x1: 400.97, y1: 391.53))])]),
                     seg("(ให้ทุนการศึกษา อย่างเป็นธรรม มากน้อย", 161.84, 387.42, 354.08, 406.02),
                     seg("เพียงใด", 165.66, 406.18, 199.5, 422.38)]
        let row = Box(x0: 60.4, y0: 383.08, x1: 400.97, y1: 391.53)
        XCTAssertEqual(OCRScoreRow.textsBeside(row: row, lines: lines, InterpretSettings()).first,
                       "ผู้บังคับบัญชาของท่าน มีการคัดเลือกผู้เข้า .รับการฝึกอบรม การศึกษาดู งาน หรือการ (ให้ทุนการศึกษา อย่างเป็นธรรม มากน้อย เพียงใด")
        func record() -> ReportRecord { Self.record("i15", .iit, score: "99.58", page: 10, box: row, cells: ["i15", "99.58"]) }
        var without = record()
        OCRScorePolicy.apply(to: &without, ocrPages: [10], arithmetic: arithmetic, asciiSecondReading: false)
        XCTAssertEqual(without.ocrDropped?.map(\.reason), ["its printed text does not confirm its code"])
        var with = record()
        OCRScorePolicy.apply(to: &with, ocrPages: [10], arithmetic: arithmetic, lines: [10: lines], asciiSecondReading: false)
        XCTAssertEqual(with.questions.map(\.score), ["99.58"])
        // The same text does not confirm another code.
        var other = record()
        other.questions[0].code = "i14"
        OCRScorePolicy.apply(to: &other, ocrPages: [10], arithmetic: arithmetic, lines: [10: lines], asciiSecondReading: false)
        XCTAssertTrue(other.questions.isEmpty)
    }

    /// The second reading (Tesseract and the shape reader agree on every digit, the row's text
    /// confirms its code) writes a Thai-digit score no check reaches only when the score stands beside
    /// its row's own text: when its word is not found on the row (`verdict` is `.unknown`, e.g. OCR
    /// split the number) nothing tells it is not a neighbour's, and it stays empty (review finding).
    func testTheSecondReadingNeedsTheScoreBesideItsOwnText() throws {
        let arithmetic = ScoreArithmetic(mappings: try ITAMappings(directory: CorpusRun.mappings))
        // v000152's i13 as OCR read its text (page 4), its score printed in Thai digits.
        let text = "13 ท่านได้รับมอบหมายงานตามตําแหน่งหน้าที่จากผู้บังคับบัญชา"
        let label = Segment(words: [Word(text: text, box: Box(x0: 59, y0: 300, x1: 440, y1: 320))])
        let score = Segment(words: [Word(text: "๑๐๐.๐๐", box: Box(x0: 470, y0: 300, x1: 505, y1: 320))])
        let split = Segment(words: [Word(text: "๑๐", box: Box(x0: 470, y0: 300, x1: 482, y1: 320)),
                                    Word(text: "๐.๐๐", box: Box(x0: 486, y0: 300, x1: 505, y1: 320))])
        let row = Box(x0: 59, y0: 300, x1: 505, y1: 320)
        let reread = DigitReread(page: 4, box: Box(x0: 470, y0: 300, x1: 505, y1: 320), ocr: "๑๐๐.๐๐", reading: "๑๐๐.๐๐",
                                 margin: 0.2, alternatives: [])
        func record() -> ReportRecord { Self.record("i13", .iit, score: "100.00", page: 4, box: row, cells: [text, "๑๐๐.๐๐"]) }
        var own = record()
        OCRScorePolicy.apply(to: &own, ocrPages: [4], rereads: [reread], arithmetic: arithmetic,
                             lines: [4: [TextLine(page: 4, segments: [label, score])]], secondReading: true, asciiSecondReading: false)
        XCTAssertEqual(own.questions.map(\.score), ["100.00"])
        XCTAssertEqual(own.questions.first?.source?.via, "ocr-digit-shapes+tesseract")
        var unknown = record()
        OCRScorePolicy.apply(to: &unknown, ocrPages: [4], rereads: [reread], arithmetic: arithmetic,
                             lines: [4: [TextLine(page: 4, segments: [label, split])]], secondReading: true, asciiSecondReading: false)
        XCTAssertTrue(unknown.questions.isEmpty, "the score's word is not on the row: nothing tells whose it is")
        var off = record()
        OCRScorePolicy.apply(to: &off, ocrPages: [4], rereads: [reread], arithmetic: arithmetic,
                             lines: [4: [TextLine(page: 4, segments: [label, score])]], secondReading: false, asciiSecondReading: false)
        XCTAssertTrue(off.questions.isEmpty, "Thai digits no check reaches, without the second reading")
    }

    /// A report of one 2566 question row read on an OCR'd page, its provenance `cells` in `box`:
    /// what the policy is given (one builder for every test here).
    static func record(_ code: String, _ tool: Tool, score: String, page: Int, box: Box?, cells: [String],
                       check: ScoreCheck? = nil) -> ReportRecord {
        var r = ReportRecord(docID: "x", sourcePath: "x.pdf", sha256: "x")
        r.questions = [QuestionScore(year: 2566, code: code, tool: tool, question: nil, score: score, page: page,
                                     source: Provenance(page: page, box: box, cells: cells), check: check)]
        return r
    }

    /// Tune scan v001456-scan200 (2566 framework, codes centred in tall rows), page 5 as OCR and the
    /// layout gave it (texts and line tops from `ita-extract inspect --page 5`, x from its table's
    /// columns): i18's score came out as junk (`x boa ย`), so the reader took 87.99 from i19's
    /// code line; i18's code was confirmed by its place (i17 above, i19 below), and its text,
    /// which starts above its code, left the lines counted from the code short of its catalogue
    /// text's length: `verdict` found the score its own. It stands inside i19's row.
    private func p5(_ parts: [(String, Double, Double)], _ top: Double) -> TextLine {
        TextLine(page: 5, segments: parts.map { t, x0, x1 in Segment(words: [Word(text: t, box: Box(x0: x0, y0: top, x1: x1, y1: top + 18))]) })
    }
    private var v1456page5: [TextLine] {
        [p5([("i17", 60, 80), ("สิงที่ไม่ถูกต้อง หรือมีความเสียง ต่อการ", 158, 370), ("90.37", 380, 415)], 379),
         p5([("ทุจริต มากน้อยเพียงใด", 158, 300)], 402),
         p5([("การสรรหา บรรจุ แต่งตัง โยกย้าย เลื่อน", 158, 370)], 433),
         p5([("ตําแน่หง ในหน่วยงานของท่าน มีการ", 158, 360)], 458),
         p5([("i18", 60, 80), ("x", 160, 166), ("boa", 250, 270), ("ย", 380, 386)], 475),
         p5([("เอื้อประโยชน์ให้บุคคลใดบุคคลหนึ่งหรือ", 158, 370)], 481),
         p5([("พวกพ้อง มากน้อยเพียงใด", 158, 300)], 506),
         p5([("ท่านรู้แนวปฏิบัติของหน่วยงานของท่าน", 158, 370)], 537),
         p5([("i", 60, 64), ("๑4", 160, 172), ("ณ ๕6๑", 250, 280), ("al", 380, 390)], 559),
         p5([("i19", 60, 80), ("เกี่ยวกับการใช้ทรัพย์สินของราชการที", 158, 370), ("87.99", 380, 415)], 561),
         p5([("ถูกตvy อง มากน้Vv อยเพี๕ ยงใด", 158, 330)], 585),
         p5([("ขั้นตอนการขออนุญาตเพื่อยืมทรัพย์สิน", 158, 370)], 615),
         p5([("i20", 60, 80), ("ของราชการ ไปใช้ปฏิบัติงานมีความ", 158, 370), ("98.15", 380, 415)], 641),
         p5([("สะดวกมากน้อยเพียงใด", 158, 300)], 665)]
    }

    func testAScoreInsideTheNextQuestionsRowIsTheNextRows() throws {
        let i18 = Box(x0: 60.68, y0: 474.96, x1: 410.91, y1: 583.02)
        XCTAssertTrue(OCRScoreRow.insideNextRow(score: "87.99", row: i18, nextTop: 561.26, lines: v1456page5))
        // A score on the row's own lines, above the next row, is not; nor one the page does not hold.
        XCTAssertFalse(OCRScoreRow.insideNextRow(score: "87.99", row: i18, nextTop: 600, lines: v1456page5))
        XCTAssertFalse(OCRScoreRow.insideNextRow(score: "91.63", row: i18, nextTop: 561.26, lines: v1456page5))

        // Through the policy: i18's code is confirmed by its place, and its row's own lines counted
        // from its code do not pass its catalogue text; only the next row's top tells.
        let arithmetic = ScoreArithmetic(mappings: try ITAMappings(directory: CorpusRun.mappings))
        func q(_ code: String, _ score: String, _ box: Box, _ label: String) -> QuestionScore {
            QuestionScore(year: 2567, code: code, tool: .iit, question: nil, score: score, page: 5,
                          source: Provenance(page: 5, box: box, cells: [label, score], via: "text"))
        }
        var r = ReportRecord(docID: "x", sourcePath: "x.pdf", sha256: "x")
        r.questions = [q("i17", "90.37", Box(x0: 60.6, y0: 378.67, x1: 410.9, y1: 420), "i17 สิงที่ไม่ถูกต้อง หรือมีความเสียง ต่อการ\nทุจริต มากน้อยเพียงใด"),
                       q("i18", "87.99", i18, "i18\nx\nเอื้อประโยชน์ให้บุคคลใดบุคคลหนึ่งหรือ\nพวกพ้อง มากน้อยเพียงใด\nท่านรู้แนวปฏิบัติของหน่วยงานของท่าน\ni"),
                       q("i19", "98.15", Box(x0: 60.61, y0: 561.26, x1: 410.95, y1: 662.22), "i19\nเกี่ยวกับการใช้ทรัพย์สินของราชการที\nถูกตvy อง มากน้Vv อยเพี๕ ยงใด\nขั้นตอนการขออนุญาตเพื่อยืมทรัพย์สิน"),
                       q("i20", "100.00", Box(x0: 60.65, y0: 640.83, x1: 418.19, y1: 742.15), "i20\nของราชการ ไปใช้ปฏิบัติงานมีความ\nสะดวกมากน้อยเพียงใด")]
        OCRScorePolicy.apply(to: &r, ocrPages: [5], arithmetic: arithmetic, lines: [5: v1456page5], asciiSecondReading: false)
        XCTAssertFalse(r.questions.contains { $0.code == "i18" }, "\(r.questions.map { ($0.code, $0.score) })")
        let dropped = try XCTUnwrap(r.ocrDropped?.first { $0.key == "i18" })
        XCTAssertEqual(dropped.reason, "it stands inside the next question's row")
    }
}
