import ITAModel
import PageLayout
import PageOCR
@testable import Pipeline
import ReportInterpret
import ThaiNormalise
import XCTest

/// Scores on OCR'd pages are kept only when OCR read them in ASCII digits with a score's form; the
/// others are left empty and named in one warning. Text-layer pages are not touched. An ASCII score
/// no check confirms also needs the ASCII shapes' agreeing reading (`testAnASCIIScoreNeedsASecondReading`);
/// the tests of the other rules switch that rule off (`asciiSecondReading: false`), their rows
/// carrying no shapes' readings.
final class OCRScorePolicyTests: XCTestCase {
    /// A source whose cells are the tab-separated parts of `raw` (a table row: label, then scores).
    private func source(_ page: Int, _ raw: String) -> Provenance {
        Provenance(page: page, box: nil, cells: raw.split(separator: "\t", omittingEmptySubsequences: false).map(String.init))
    }

    func testThaiDigitsAndMalformedScoresOnOCRPagesAreDropped() {
        var r = ReportRecord(docID: "x", sourcePath: "x.pdf", sha256: "x")
        r.fields.overallScore = Traced("87.94", source: source(1, "คะแนนที่ได้ ๘๗.๙๔ คะแนน"))
        r.fields.previousScore = Traced("85.10", source: source(2, "ปี 2565 85.10"))
        r.indicators = [IndicatorScore(year: 2566, indicator: 1, tool: .iit, name: nil, score: "99.75", page: 1,
                                       source: source(1, "IIT 1 การปฏิบัติหน้าที่ 99.75")),
                        IndicatorScore(year: 2566, indicator: 2, tool: .iit, name: nil, score: "98.11", page: 3,
                                       source: source(3, "2 การใช้งบประมาณ ๙๘.๑๑"))]
        r.questions = [QuestionScore(year: 2566, code: "o37", tool: .oit, question: nil, score: "6", page: 1, source: source(1, "o37 ...\t6")),
                       QuestionScore(year: 2566, code: "o38", tool: .oit, question: "merged text", score: "100", page: 1, source: source(1, "o38 ...\t100")),
                       QuestionScore(year: 2566, code: "i1", tool: .iit, question: nil, score: "99.25", page: 1, source: source(1, "i1 ...\t9 9.25")),
                       // The ASCII form only in the question text ("ภายใน 90 วัน"), the score cell in Thai digits.
                       QuestionScore(year: 2566, code: "i2", tool: .iit, question: nil, score: "90", page: 1, source: source(1, "ภายใน 90 วัน\t๙๐"))]
        r.warnings = [Warning(code: .ratingBandMismatch, message: "rating ผ่าน does not fit score 87.94 in the 2566 bands"),
                      Warning(code: .twoDistricts, message: "ท่ากระชับ vs น้ำเกลี้ยง")]
        OCRScorePolicy.apply(to: &r, ocrPages: [1, 2], asciiSecondReading: false)
        XCTAssertNil(r.fields.overallScore, "Thai digits read by OCR")
        XCTAssertEqual(r.fields.previousScore?.value, "85.10")
        // Page 3 has a text layer: its Thai-digit score stays.
        XCTAssertEqual(r.indicators.map(\.indicator), [1, 2])
        XCTAssertEqual(r.questions.map(\.code), ["o38", "i1"])
        XCTAssertNil(r.questions[0].question, "question texts of OCR'd pages are left empty")
        // The warning about the dropped misread goes; the others stay.
        XCTAssertEqual(r.warnings.map(\.code), [.twoDistricts, .ocrScoresDropped])
        let warning = r.warnings.first { $0.code == .ocrScoresDropped }
        XCTAssertTrue(warning?.message.contains("overall score 87.94 (page 1)") == true, warning?.message ?? "")
        XCTAssertTrue(warning?.message.contains("question o37 6 (page 1)") == true, warning?.message ?? "")
        XCTAssertTrue(warning?.message.contains("question i2 90 (page 1)") == true, warning?.message ?? "")
    }

    /// A Thai-digit score read again by shape is kept only when its row's arithmetic check holds;
    /// its provenance then keeps Tesseract's text and the alternatives. Unchecked or inconsistent: dropped.
    func testShapeReadScoresNeedTheArithmetic() {
        let box = Box(x0: 100, y0: 200, x1: 500, y1: 214)
        func row(_ n: Int, _ score: String, _ thai: String, _ check: ScoreCheck?) -> IndicatorScore {
            var p = source(1, "\(n) การปฏิบัติหน้าที่\t\(thai)")
            p.box = box
            return IndicatorScore(year: 2566, indicator: n, tool: .iit, name: nil, score: score, page: 1, source: p, check: check)
        }
        var r = ReportRecord(docID: "x", sourcePath: "x.pdf", sha256: "x")
        r.indicators = [row(1, "97.13", "๙๗.๑๓", .consistent), row(2, "96.07", "๙๖.๐๗", .inconsistent), row(3, "92.79", "๙๒.๗๙", nil),
                        row(4, "98.75", "๙๘.๗๕", .consistent)]
        func reread(_ reading: String, _ ocr: String, page: Int = 1) -> DigitReread {
            DigitReread(page: page, box: Box(x0: 450, y0: 201, x1: 480, y1: 213), ocr: ocr, reading: reading, margin: 0.2,
                        alternatives: ["๙๗.๐๓"])
        }
        // Indicator 4's reading is on another page: no shape reading stands behind it.
        OCRScorePolicy.apply(to: &r, ocrPages: [1, 2], rereads: [reread("๙๗.๑๓", "ฒ่๗.๑๓"), reread("๙๖.๐๗", "ป๖.๐๗"),
                                                                  reread("๙๒.๗๙", "๙๒.๗ค"), reread("๙๘.๗๕", "๙๘.๗๕", page: 2)], asciiSecondReading: false)
        XCTAssertEqual(r.indicators.map(\.indicator), [1])
        XCTAssertEqual(r.indicators[0].source?.via, "ocr-digit-shapes")
        XCTAssertEqual(r.indicators[0].source?.ocr, "ฒ่๗.๑๓")
        XCTAssertEqual(r.indicators[0].source?.alternatives, ["97.03"])
        let warning = r.warnings.first { $0.code == .ocrScoresDropped }?.message ?? ""
        for dropped in ["indicator 2 96.07", "indicator 3 92.79", "indicator 4 98.75"] {
            XCTAssertTrue(warning.contains(dropped), warning)
        }
    }

    /// Tune scan v001453's three-year indicator row as OCR read it (2565 and 2567 in ASCII, 2566 in
    /// Thai digits), no check reaching it: Tesseract read the printed 79.33 as "19.33". Its reading
    /// alone is no check: an ASCII score stands only when the ASCII digits' shapes read it alike
    /// (the shapes read 79.33 there, so no agreeing reading stands behind 19.33); 93.03, which the
    /// shapes read alike, is kept and traced as two readings' agreement.
    func testAnASCIIScoreNeedsASecondReading() {
        var p = source(1, "19.33\t๙๗.๐๕\t93.03\t๓. การใช้อํานาจ")
        p.box = Box(x0: 63.55, y0: 398.7, x1: 533.11, y1: 429.54)
        var r = ReportRecord(docID: "x", sourcePath: "x.pdf", sha256: "x")
        r.indicators = [IndicatorScore(year: 2565, indicator: 3, tool: .iit, name: "การใช้อำนาจ", score: "19.33", page: 1, source: p),
                        IndicatorScore(year: 2567, indicator: 3, tool: .iit, name: "การใช้อำนาจ", score: "93.03", page: 1, source: p)]
        let agreeing = DigitReread(page: 1, box: Box(x0: 300, y0: 405, x1: 330, y1: 420), ocr: "93.03", reading: "93.03", margin: 0.3,
                                   alternatives: ["98.03"])
        OCRScorePolicy.apply(to: &r, ocrPages: [1], rereads: [agreeing])
        XCTAssertEqual(r.indicators.map(\.score), ["93.03"])
        XCTAssertEqual(r.indicators.first?.source?.via, "ocr-digit-shapes+tesseract")
        XCTAssertEqual(r.ocrDropped?.map(\.score), ["19.33"])
        XCTAssertEqual(r.ocrDropped?.first?.reason, "ASCII digits the digits' shapes do not read alike")
        // A shapes' reading that spells another number is no agreement either.
        var other = ReportRecord(docID: "x", sourcePath: "x.pdf", sha256: "x")
        other.indicators = [IndicatorScore(year: 2565, indicator: 3, tool: .iit, name: nil, score: "19.33", page: 1, source: p)]
        OCRScorePolicy.apply(to: &other, ocrPages: [1], rereads: [DigitReread(page: 1, box: Box(x0: 70, y0: 405, x1: 100, y1: 420),
                                                                             ocr: "19.33", reading: "79.33", margin: 0.3, alternatives: [])])
        XCTAssertTrue(other.indicators.isEmpty)
    }

    /// Tune scan v001462's OCR'd page 3 states indicator 10 in prose ("ได้100.00 คะแนน") and its
    /// cover's year was not read: a score with no year is no dataset row, even with two readings
    /// agreeing. Left empty and listed.
    func testAnOCRdIndicatorWithNoYearIsLeftEmpty() {
        var p = source(3, "ตัวชี้วัดที่๑๐ การป้องกันการทุจริต ได้100.00 คะแนน ควรรักษาระดับไว้")
        p.box = Box(x0: 57.01, y0: 129.45, x1: 530.79, y1: 160.57)
        var r = ReportRecord(docID: "x", sourcePath: "x.pdf", sha256: "x")
        r.indicators = [IndicatorScore(year: nil, indicator: 10, tool: .oit, name: "การป้องกันการทุจริต", score: "100.00", page: 3, source: p)]
        let agreeing = DigitReread(page: 3, box: Box(x0: 300, y0: 135, x1: 340, y1: 155), ocr: "100.00", reading: "100.00", margin: 0.3, alternatives: [])
        OCRScorePolicy.apply(to: &r, ocrPages: [3], rereads: [agreeing])
        XCTAssertTrue(r.indicators.isEmpty)
        XCTAssertEqual(r.ocrDropped?.map(\.reason), ["no year read for it"])
    }

    /// An ASCII score OCR read stands alone in its cell, but no check reaches it: it is written only
    /// under a code its row's printed text confirms. Row texts as OCR read them on the Corpus scans
    /// of tune seed 152 (see QuestionTextConfirmationTests): EIT's e1 read as "๐1" and taken for o1.
    func testAnUncheckedQuestionScoreNeedsItsCodeConfirmedByItsText() throws {
        let arithmetic = ScoreArithmetic(mappings: try ITAMappings(directory: CorpusRun.mappings))
        let e1Text = "๐1 หน่วยงานปฏิบัติหรือให้บริการแก่ท่าน เป็นไปตามขันตอนและ\nระยะเลวา มากน้อยเพียงใ"
        var r = ReportRecord(docID: "x", sourcePath: "x.pdf", sha256: "x")
        r.questions = [QuestionScore(year: 2566, code: "o1", tool: .oit, question: nil, score: "96.50", page: 1, source: source(1, e1Text + "\t96.50")),
                       QuestionScore(year: 2566, code: "e1", tool: .eit, question: nil, score: "96.50", page: 1, source: source(1, e1Text + "\t96.50")),
                       QuestionScore(year: 2566, code: "i3", tool: .iit, question: nil, score: "91.20", page: 1,
                                     source: source(1, "13 เจ้าหนาทของหนวยงานทาน ปฏิบัติงานหรือให้บริการโดยยมุ่ง\nผลสัมฤทธิของงาน\t91.20")),
                       // A code alone in its cell: nothing confirms it.
                       QuestionScore(year: 2566, code: "i4", tool: .iit, question: nil, score: "92.00", page: 1, source: source(1, "i4\t92.00")),
                       // On a text-layer page nothing changes.
                       QuestionScore(year: 2566, code: "i5", tool: .iit, question: nil, score: "93.00", page: 2, source: source(2, "i5\t93.00"))]
        OCRScorePolicy.apply(to: &r, ocrPages: [1], arithmetic: arithmetic, asciiSecondReading: false)
        XCTAssertEqual(r.questions.map(\.code), ["e1", "i3", "i5"])
        XCTAssertEqual(r.ocrDropped?.map(\.key), ["o1", "i4"])
        XCTAssertEqual(r.ocrDropped?.first?.reason, "its printed text does not confirm its code")
    }

    /// A code's text is checked against its framework's catalogue only (`ScoreArithmetic.frameworkProof`).
    /// Tune scan v000009-scan150, a 2568-framework report under 2567, prints only codes 2568 lists
    /// too, with 2566's texts under 2568's numbers: its e5 row (89.92) carries the text 2567's
    /// catalogue gives e7, so a code misread as e7 was confirmed. Unproven, it is dropped; with a
    /// code only 2566's framework lists (i20) printed too, the same row is confirmed.
    func testATextConfirmsACodeOnlyUnderItsProvenFramework() throws {
        let arithmetic = ScoreArithmetic(mappings: try ITAMappings(directory: CorpusRun.mappings))
        let row = "e7\nหน่วยงานมีการเผยแพร่ข้อมูลข่าวสารที่ประชาชนหรือผู้รับ\nบริการควรได้รับทราบอย่างชัดเจน มากน้อยเพียงใด\t89.92"
        func record(_ codes: [String]) -> ReportRecord {
            var r = ReportRecord(docID: "x", sourcePath: "x.pdf", sha256: "x")
            // The other codes OCR read, on a text-layer page (not touched): the evidence of the framework.
            r.questions = codes.map { QuestionScore(year: 2567, code: $0, tool: $0.hasPrefix("i") ? .iit : $0.hasPrefix("e") ? .eit : .oit,
                                                    question: nil, score: "90.00", page: 2, source: source(2, "\($0)\t90.00")) }
                + [QuestionScore(year: 2567, code: "e7", tool: .eit, question: nil, score: "89.92", page: 1, source: source(1, row))]
            return r
        }
        let v9Codes = ["i3", "e2", "e3", "o1", "o2", "o4", "o5", "o13", "o14", "o15", "o16", "o19", "o20", "o21", "o22", "o23", "o24", "o25"]
        var unproven = record(v9Codes)
        OCRScorePolicy.apply(to: &unproven, ocrPages: [1], arithmetic: arithmetic, asciiSecondReading: false)
        XCTAssertFalse(unproven.questions.contains { $0.code == "e7" })
        XCTAssertEqual(unproven.ocrDropped?.map(\.key), ["e7"])
        XCTAssertEqual(unproven.ocrDropped?.first?.reason, "its printed text does not confirm its code")
        var proven = record(v9Codes + ["i20"])
        OCRScorePolicy.apply(to: &proven, ocrPages: [1], arithmetic: arithmetic, asciiSecondReading: false)
        XCTAssertEqual(proven.questions.filter { $0.code == "e7" }.map(\.score), ["89.92"])
    }

    /// A 2567 report of the 2566 framework whose OCR'd codes are all in 2568's catalogue too: its
    /// rows' printed texts prove the framework (`ScoreArithmetic.frameworkProof`), and each row's
    /// text confirms its code against it. Rows as OCR read them on tune scan v000942-scan300 (code
    /// as the reader took it, label cell, score cell); composed: the rows beyond 2568's ranges left out.
    func testTheOtherRowsTextsProveTheFrameworkARowsTextIsCheckedAgainst() throws {
        let arithmetic = ScoreArithmetic(mappings: try ITAMappings(directory: CorpusRun.mappings))
        let rows = [("i10", "110 หน่วยงานของท่าน ใช้จ่ายงบประมาณเพื่อประโยชน์ส่วนตัว กลุ่ม หรือ\nพวกพ้อง มากน้อยเพียงใด", "97.38"),
                    ("i13", "113 ท่านได้รับมอบหมายงานตามตําแหน่งหน้าที่จากผู้บังคับบัญชาของท่าน\nอย่1 างเซ์ป็นธรรม มากน้vyอยเพีa ยงใด", "99.19"),
                    ("o26", "๐26 รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจําปี", "100.00"),
                    ("o27", "๐27 แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "100.00"),
                    ("o28", "๐28 ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "100.00")]
        func record(_ rows: [(String, String, String)]) -> ReportRecord {
            var r = ReportRecord(docID: "x", sourcePath: "x.pdf", sha256: "x")
            r.questions = rows.map { QuestionScore(year: 2567, code: $0.0, tool: $0.0.hasPrefix("i") ? .iit : .oit, question: nil,
                                                   score: $0.2, page: 1, source: source(1, "\($0.1)\t\($0.2)")) }
            return r
        }
        var r = record(rows)
        OCRScorePolicy.apply(to: &r, ocrPages: [1], arithmetic: arithmetic, asciiSecondReading: false)
        XCTAssertEqual(r.questions.map(\.code), ["i10", "i13", "o26", "o27", "o28"])
        XCTAssertEqual(r.questions.map(\.score), ["97.38", "99.19", "100.00", "100.00", "100.00"])
        XCTAssertTrue(r.warnings.contains { $0.code == .questionFrameworkEvidence && $0.message.contains("framework of catalogue 2567 proven") })
        // Two rows are too few: neither is proven by the other alone (`frameworkMinTextRows`).
        var two = record(Array(rows.prefix(2)))
        OCRScorePolicy.apply(to: &two, ocrPages: [1], arithmetic: arithmetic, asciiSecondReading: false)
        XCTAssertTrue(two.questions.isEmpty)
        XCTAssertEqual(two.ocrDropped?.map(\.reason), Array(repeating: "its printed text does not confirm its code", count: 2))
    }

    func testNothingHappensWithoutOCRPages() {
        var r = ReportRecord(docID: "x", sourcePath: "x.pdf", sha256: "x")
        r.fields.overallScore = Traced("87.94", source: source(1, "๘๗.๙๔"))
        OCRScorePolicy.apply(to: &r, ocrPages: [], asciiSecondReading: false)
        XCTAssertEqual(r.fields.overallScore?.value, "87.94")
        XCTAssertTrue(r.warnings.isEmpty)
    }

    /// Tune seed 84's multi-year table: Tesseract read ASCII 61.81 as "00.81".
    func testALeadingZeroIsNoScoresForm() {
        XCTAssertFalse(OCRScorePolicy.scoreShaped("00.81"))
        XCTAssertFalse(OCRScorePolicy.scoreShaped("061.81"))
        XCTAssertTrue(OCRScorePolicy.scoreShaped("0.00"))
        XCTAssertTrue(OCRScorePolicy.scoreShaped("61.81"))
    }

    func testAScoreStandsAloneUnlessRunIntoALongerNumber() {
        XCTAssertTrue(OCRScorePolicy.standsAlone("100.00", in: "100.00."))
        XCTAssertTrue(OCRScorePolicy.standsAlone("90", in: "ภายใน90วัน"))
        XCTAssertFalse(OCRScorePolicy.standsAlone("90", in: "990"))
        XCTAssertFalse(OCRScorePolicy.standsAlone("90", in: "90.5"))
        XCTAssertFalse(OCRScorePolicy.standsAlone("0.00", in: "10.00"))
    }

    /// Tune scan v000010 prints its indicator table score first ("score | N. name | tool"); OCR read
    /// 90.13 alone in the row's first cell, which is the score's cell, not a label: kept. A first
    /// cell holding the score inside a label is still the label's, and a score found only there
    /// is dropped as before.
    func testAScoreAloneInTheRowsFirstCellStandsAlone() {
        var r = ReportRecord(docID: "x", sourcePath: "x.pdf", sha256: "x")
        r.indicators = [IndicatorScore(year: 2568, indicator: 5, tool: .iit, name: "การแก้ไขปัญหาการทุจริต", score: "90.13", page: 7,
                                       source: source(7, "90.13\t๕. การแก้ไขปัญหาการทุจริต\tแบบวัดการรับรู้")),
                        IndicatorScore(year: 2568, indicator: 6, tool: .eit, name: "คุณภาพการดำเนินงาน", score: "90.25", page: 7,
                                       source: source(7, "๒. คุณภาพการดำเนินงาน 90.25\tแบบวัดการรับรู้"))]
        OCRScorePolicy.apply(to: &r, ocrPages: [7], asciiSecondReading: false)
        XCTAssertEqual(r.indicators.map(\.indicator), [5])
        XCTAssertEqual(r.ocrDropped?.map(\.reason), ["not standing alone in a score cell"])
    }

    /// Tune scan v000013's three-year table (2565-2567) as OCR read it, in ASCII digits, with no
    /// check reaching it (the year's overall score is not read): every row is kept, the table's
    /// scores all of one form. The same rows with 2565's 95.52 of indicator 8 read as "9.52" (a digit
    /// lost): that score has fewer whole digits than every other of its
    /// year and of its row, and it alone is left out, with its reason (`OCRLostDigit`).
    func testAnUncheckedScoreThatLostADigitIsLeftOut() {
        let rows = ["mT\t98.02\t75.19\t93.24\t1. การปฏิบัติหน้าที่", "IIT\t95.78\t87.00\t85.05\t2. การใช้งบประมาณ",
                    "IT\t94.19\t83.03\t77.78\t3. การใช้อํานาจ", "IT\t97.01\t79.41\t82.39\t4. การใช้ทรัพย์สินของราชการ",
                    "แหต\t99.46\t84.10\t82.80\t5. การแก้ไขปัญหาการทุจริต", "EIT\t96.12\t71.36\t93.24\t6. คุณภาพการดําเนินงาน",
                    "EIT\t90.84\t68.97\t73.02\t7. ประสิทธิภาพการสื่อสาร", "EIT\t95.52\t72.13\t70.18\t8. การปรับปรุงการทํางาน",
                    "OIT\t95.74\t87.34\t47.86\t9. การเปิดเผยข้อมูล", "OIT\t97.87\t88.06\t81.25\t10. การป้องกันการทุจริต"]
        func record(_ rows: [String]) -> ReportRecord {
            var r = ReportRecord(docID: "x", sourcePath: "x.pdf", sha256: "x")
            for (k, raw) in rows.enumerated() {
                let cells = raw.split(separator: "\t").map(String.init)
                for (y, year) in [2565, 2566, 2567].enumerated() {
                    r.indicators.append(IndicatorScore(year: year, indicator: k + 1, tool: k < 5 ? .iit : k < 8 ? .eit : .oit, name: nil,
                                                       score: cells[y + 1], page: 2, source: source(2, raw)))
                }
            }
            return r
        }
        var all = record(rows)
        OCRScorePolicy.apply(to: &all, ocrPages: [2], asciiSecondReading: false)
        XCTAssertEqual(all.indicators.count, 30)
        XCTAssertNil(all.ocrDropped)
        var lost = rows
        lost[7] = "EIT\t9.52\t72.13\t70.18\t8. การปรับปรุงการทํางาน"
        var r = record(lost)
        OCRScorePolicy.apply(to: &r, ocrPages: [2], asciiSecondReading: false)
        XCTAssertEqual(r.indicators.count, 29)
        XCTAssertFalse(r.indicators.contains { $0.year == 2565 && $0.indicator == 8 })
        XCTAssertEqual(r.ocrDropped?.map(\.score), ["9.52"])
        XCTAssertEqual(r.ocrDropped?.first?.reason, "fewer digits than every other score of its year and row (a digit OCR lost)")
        // A score the arithmetic confirmed is not second-guessed by its form.
        var checked = record(lost)
        for i in checked.indicators.indices where checked.indicators[i].year == 2565 { checked.indicators[i].check = .consistent }
        OCRScorePolicy.apply(to: &checked, ocrPages: [2], asciiSecondReading: false)
        XCTAssertEqual(checked.indicators.count, 30)
    }

    /// A zero is no lost digit's form: an OIT item not met prints 0.00 among 100.00s (tune scan
    /// v000008's o-questions). Nor is a score below a column of 100.00s (tune scan v000011's right
    /// 96.93 among its year's question scores of 100.00): the ceiling is no table's form. Fewer
    /// decimals than every peer printed with decimals is one ("95.5"). One other says nothing.
    func testTheFormOfALostDigit() {
        let minPeers = InterpretSettings().ocrLostDigitMinPeers
        let oit = ["100.00", "100.00", "0.00", "100.00", "100.00"]
        XCTAssertFalse(OCRLostDigit.lostDigit("0.00", peers: oit, minPeers: minPeers))
        XCTAssertFalse(OCRLostDigit.lostDigit("0", peers: oit, minPeers: minPeers))
        XCTAssertFalse(OCRLostDigit.lostDigit("96.93", peers: oit, minPeers: minPeers))
        // v000013's indicator 8 row and 2565 column, 95.52 read as 9.52 or 95.5.
        let peers = ["98.02", "95.78", "96.12", "90.84", "95.74", "72.13", "70.18"]
        XCTAssertTrue(OCRLostDigit.lostDigit("9.52", peers: peers, minPeers: minPeers))
        XCTAssertTrue(OCRLostDigit.lostDigit("95.5", peers: peers + ["100"], minPeers: minPeers))
        XCTAssertFalse(OCRLostDigit.lostDigit("95.52", peers: peers + ["100.00"], minPeers: minPeers))
        XCTAssertFalse(OCRLostDigit.lostDigit("9.52", peers: ["98.02"], minPeers: minPeers))
        XCTAssertFalse(OCRLostDigit.lostDigit("9.52", peers: peers + ["8.33"], minPeers: minPeers))
        // Corpus seed s000 prints ๑๐๐.๐ among scores of two decimals: the ceiling is not judged.
        XCTAssertFalse(OCRLostDigit.lostDigit("100.0", peers: peers, minPeers: minPeers))
    }

    /// Review17: a shape reading is matched to its own cell, one to one. Corpus v000513's OIT row
    /// prints 100.00 in two years' columns ("การป้องกันการทุจริต | 10 | 100.00 | 100.00"); both
    /// scores share the row's box. With one agreeing reading (one cell's shapes read 100.00 as
    /// Tesseract did, the other cell's did not) it is unknown which cell it is: neither stands. With
    /// a reading for each cell, both stand, each traced to its own.
    func testOneAgreeingReadingConfirmsOneCellOnly() {
        var p = source(7, "การป้องกันการทุจริต\t10\t100.00\t100.00")
        p.box = Box(x0: 60, y0: 400, x1: 530, y1: 420)
        func record() -> ReportRecord {
            var r = ReportRecord(docID: "x", sourcePath: "x.pdf", sha256: "x")
            r.indicators = [IndicatorScore(year: 2564, indicator: 10, tool: .oit, name: nil, score: "100.00", page: 7, source: p),
                            IndicatorScore(year: 2565, indicator: 10, tool: .oit, name: nil, score: "100.00", page: 7, source: p)]
            return r
        }
        func reading(_ x0: Double) -> DigitReread {
            DigitReread(page: 7, box: Box(x0: x0, y0: 403, x1: x0 + 40, y1: 417), ocr: "100.00", reading: "100.00", margin: 0.3, alternatives: [])
        }
        var one = record()
        OCRScorePolicy.apply(to: &one, ocrPages: [7], rereads: [reading(420)])
        XCTAssertTrue(one.indicators.isEmpty, "one reading confirmed \(one.indicators.count) cells")
        XCTAssertEqual(one.ocrDropped?.map(\.reason), Array(repeating: "ASCII digits the digits' shapes do not read alike", count: 2))
        var two = record()
        OCRScorePolicy.apply(to: &two, ocrPages: [7], rereads: [reading(480), reading(420)])
        XCTAssertEqual(two.indicators.map(\.year), [2564, 2565])
        XCTAssertEqual(two.indicators.map { $0.source?.via }, Array(repeating: "ocr-digit-shapes+tesseract", count: 2))
        // Each value took its own reading: the left one by 2564 (the record's order is the columns').
        let order = OCRReadingAssignment.assign(two.indicators.map { .init(key: OCRReadingAssignment.key($0), value: $0.score, page: 7, box: p.box) },
                                                [reading(480), reading(420)])
        XCTAssertEqual(order[OCRReadingAssignment.key(two.indicators[0])]?.box.x0, 420)
        XCTAssertEqual(order[OCRReadingAssignment.key(two.indicators[1])]?.box.x0, 480)
    }

    /// The reasons of ASCII drops: an ASCII score the two readings agreed on, dropped on a page
    /// printed in Thai digits, is not given the Thai-digit reason (its `ocr` holds Tesseract's ASCII
    /// text); with `--no-digit-shapes` an ASCII score's reason says no shape reading ran. Row of tune
    /// scan v001453 as OCR read it (see `testAnASCIIScoreNeedsASecondReading`).
    func testASCIIDropsGiveTheirOwnReason() throws {
        var p = source(1, "19.33\t๙๗.๐๕\t93.03\t๓. การใช้อํานาจ")
        p.box = Box(x0: 63.55, y0: 398.7, x1: 533.11, y1: 429.54)
        func record() -> ReportRecord {
            var r = ReportRecord(docID: "x", sourcePath: "x.pdf", sha256: "x")
            r.indicators = [IndicatorScore(year: 2567, indicator: 3, tool: .iit, name: "การใช้อำนาจ", score: "93.03", page: 1, source: p)]
            return r
        }
        let agreeing = DigitReread(page: 1, box: Box(x0: 300, y0: 405, x1: 330, y1: 420), ocr: "93.03", reading: "93.03", margin: 0.3,
                                   alternatives: [])
        // Page 1's lines print Thai digits (a line of Thai-digit scores).
        let thai = TextLine(page: 1, segments: [Segment(words: [Word(text: "๙๗.๐๕", box: Box(x0: 200, y0: 405, x1: 230, y1: 420)),
                                                                Word(text: "๙๘.๑๐", box: Box(x0: 240, y0: 405, x1: 270, y1: 420)),
                                                                Word(text: "๙๖.๒๐", box: Box(x0: 280, y0: 405, x1: 310, y1: 420))])])
        var onThai = record()
        OCRScorePolicy.apply(to: &onThai, ocrPages: [1], rereads: [agreeing], lines: [1: [thai]])
        XCTAssertTrue(onThai.indicators.isEmpty)
        XCTAssertEqual(onThai.ocrDropped?.map(\.reason), ["ASCII digits on a page printed in Thai digits"])
        var noShapes = record()
        OCRScorePolicy.apply(to: &noShapes, ocrPages: [1], shapesRan: false)
        XCTAssertEqual(noShapes.ocrDropped?.map(\.reason), ["ASCII digits no check confirms, and no shape reading ran (--no-digit-shapes)"])
    }

    /// Tune scan v002200-scan150's overall score 75.05 as OCR read it: "ฒ5.05" (๗ read as ฒ). A
    /// Thai letter glued to the digits may be a misread digit: no clean 5.05, left empty even with
    /// no second reading asked for. A mark ending a word before the digits ("ได้93.75", tune scan
    /// v001457's indicator 10) is no such edge.
    func testALetterGluedToTheDigitsIsNoCleanNumber() {
        var r = ReportRecord(docID: "x", sourcePath: "x.pdf", sha256: "x")
        r.fields.overallScore = Traced("5.05", source: source(4, "คะแนนภาพรวมของหน่วยงาน\tฒ5.05"))
        OCRScorePolicy.apply(to: &r, ocrPages: [4], asciiSecondReading: false)
        XCTAssertNil(r.fields.overallScore)
        XCTAssertEqual(r.ocrDropped?.map(\.reason), ["a Thai letter glued to its digits (it may be a misread digit)"])
        XCTAssertFalse(OCRScorePolicy.standsClean("5.05", in: "ฒ5.05"))
        XCTAssertFalse(OCRScorePolicy.standsClean("75.0", in: "75.0ฒ"))
        XCTAssertTrue(OCRScorePolicy.standsClean("93.75", in: "การป้องกันการทุจริต ได้93.75 คะแนน"))
        XCTAssertTrue(OCRScorePolicy.standsClean("100.00", in: "100.00."))
        XCTAssertTrue(OCRScorePolicy.standsAlone("5.05", in: "ฒ5.05"), "the warnings' match is unchanged")
    }

    /// Tune scan v001452-scan200's indicator 10 of 2567 as OCR read it (page 2), in Thai digits, no
    /// check reaching it: Tesseract read "๑๐๐.๐๐" and the shapes read the same. Two independent
    /// readings agree: kept, traced as their agreement. Tesseract's text spelling another number
    /// (its usual misreads of Thai digits) leaves it empty as before.
    func testAThaiIndicatorTwoReadingsAgreeOnStands() {
        var p = source(2, "๑๐\t๑๐๐.๐๐\tOIT\tการป้องกันการทุจริต")
        p.box = Box(x0: 60.82, y0: 374.5, x1: 477.71, y1: 390.67)
        func record() -> ReportRecord {
            var r = ReportRecord(docID: "x", sourcePath: "x.pdf", sha256: "x")
            r.indicators = [IndicatorScore(year: 2567, indicator: 10, tool: .oit, name: "การป้องกันการทุจริต", score: "100.00", page: 2, source: p)]
            return r
        }
        func reading(ocr: String) -> DigitReread {
            DigitReread(page: 2, box: Box(x0: 120, y0: 376, x1: 170, y1: 389), ocr: ocr, reading: "๑๐๐.๐๐", margin: 0.2,
                        alternatives: ["๑๐๑.๐๐", "๐๐๐.๐๐"])
        }
        var agreeing = record()
        OCRScorePolicy.apply(to: &agreeing, ocrPages: [2], rereads: [reading(ocr: "๑๐๐.๐๐")])
        XCTAssertEqual(agreeing.indicators.map(\.score), ["100.00"])
        XCTAssertEqual(agreeing.indicators.first?.source?.via, "ocr-digit-shapes+tesseract")
        XCTAssertNil(agreeing.ocrDropped)
        var other = record()
        OCRScorePolicy.apply(to: &other, ocrPages: [2], rereads: [reading(ocr: "๑๐๕.๐๐")])
        XCTAssertTrue(other.indicators.isEmpty)
        XCTAssertEqual(other.ocrDropped?.map(\.reason), ["Thai digits no arithmetic check reaches"])
        // Tesseract's word in mixed scripts is no independent reading of Thai digits (review18).
        var mixed = record()
        OCRScorePolicy.apply(to: &mixed, ocrPages: [2], rereads: [reading(ocr: "๑0๐.00")])
        XCTAssertTrue(mixed.indicators.isEmpty)
        XCTAssertEqual(mixed.ocrDropped?.count, 1)
    }

    /// Two OIT rows printing 100.00 whose boxes touch (one row's bottom is the next one's top), listed
    /// lower row first: each takes the reading centred in its own box, not the one touching its edge.
    func testAReadingGoesToTheRowItIsCentredIn() {
        let upper = Box(x0: 60, y0: 400, x1: 530, y1: 420), lower = Box(x0: 60, y0: 420, x1: 530, y1: 440)
        let rUpper = DigitReread(page: 3, box: Box(x0: 480, y0: 404, x1: 520, y1: 420), ocr: "100.00", reading: "100.00", margin: 0.3, alternatives: [])
        let rLower = DigitReread(page: 3, box: Box(x0: 480, y0: 424, x1: 520, y1: 438), ocr: "100.00", reading: "100.00", margin: 0.3, alternatives: [])
        let got = OCRReadingAssignment.assign([.init(key: "o5", value: "100.00", page: 3, box: lower), .init(key: "o4", value: "100.00", page: 3, box: upper)],
                                              [rUpper, rLower])
        XCTAssertEqual(got["o4"], rUpper)
        XCTAssertEqual(got["o5"], rLower)
    }

    /// Review18: values of one box (a two-year row's cells) take readings in the record's order, not
    /// the columns'. Corpus v000513's OIT row printing 100.00 in both years' columns, one cell's
    /// word read by Tesseract as the shapes read it, the other's not: which reading is which cell's
    /// is unknown, so neither stands on its reading (else a cell could stand on the other's).
    func testCellsOfOneBoxStandOnlyOnReadingsThatSayTheSame() {
        let box = Box(x0: 60, y0: 400, x1: 530, y1: 420)
        let slots: [OCRReadingAssignment.Slot] = [.init(key: "2564", value: "100.00", page: 7, box: box),
                                                  .init(key: "2565", value: "100.00", page: 7, box: box)]
        func reading(_ x0: Double, ocr: String) -> DigitReread {
            DigitReread(page: 7, box: Box(x0: x0, y0: 403, x1: x0 + 40, y1: 417), ocr: ocr, reading: "100.00", margin: 0.3, alternatives: [])
        }
        XCTAssertTrue(OCRReadingAssignment.assign(slots, [reading(420, ocr: "100.00"), reading(480, ocr: "1๐0.00")]).isEmpty)
        XCTAssertEqual(OCRReadingAssignment.assign(slots, [reading(420, ocr: "100.00"), reading(480, ocr: "100.00")]).count, 2)
        // Through the policy: neither cell is kept on the one agreeing reading.
        var p = source(7, "การป้องกันการทุจริต\t10\t100.00\t100.00")
        p.box = box
        var r = ReportRecord(docID: "x", sourcePath: "x.pdf", sha256: "x")
        r.indicators = [IndicatorScore(year: 2564, indicator: 10, tool: .oit, name: nil, score: "100.00", page: 7, source: p),
                        IndicatorScore(year: 2565, indicator: 10, tool: .oit, name: nil, score: "100.00", page: 7, source: p)]
        OCRScorePolicy.apply(to: &r, ocrPages: [7], rereads: [reading(420, ocr: "100.00"), reading(480, ocr: "1๐0.00")])
        XCTAssertTrue(r.indicators.isEmpty)
    }

    /// The glued-letter rule with the normaliser's lexicon: a Thai letter glued to a score's digits
    /// is a misread digit when it stands alone (tune scans: v002200-scan150's `ฒ5.05` for 75.05,
    /// v001455-scan150's `ต๐.๕๑` and `ส๕๒.๒๒`, v001452-scan200's `ฒ๑๓๕.24`) or ends no lexicon word;
    /// a letter ending a word the score is run into is the word's: fresh tune scan v003554-scan150
    /// (generator seed 3554 through `Scripts/corpus/scans.py`, 150 dpi) page 1's summary as OCR read
    /// it, `คะแนนเฉลี่ย95.74 คะแนน` (gold 95.74; a held-out scan lost 97.08 so read).
    func testALetterEndingAWordIsNoMisreadDigit() throws {
        let normaliser = try ThaiNormaliser(mappings: MappingsDirectory.forSourceFile(#filePath)!)
        let isWord = normaliser.isKnownWord
        XCTAssertFalse(OCRScorePolicy.standsClean("5.05", in: "คะแนนภาพรวมของหน่วยงาน\tฒ5.05", isWord: isWord))
        XCTAssertFalse(OCRScorePolicy.standsClean("0.51", in: "ต0.51", isWord: isWord))
        XCTAssertFalse(OCRScorePolicy.standsClean("52.22", in: "ส52.22 | ล", isWord: isWord))
        XCTAssertFalse(OCRScorePolicy.standsClean("135.24", in: "6 ๑๕ หน่วยงานเปิดโอกาสให้บุคคลภายนอกได้เข้าไปมีส่วน ฒ135.24", isWord: isWord))
        let prose = "คะแนนเฉลี่ย95.74 คะแนน ระดับผลการประเมินอยู่ที่ผ่านดี"
        XCTAssertTrue(OCRScorePolicy.standsClean("95.74", in: prose, isWord: isWord))
        XCTAssertFalse(OCRScorePolicy.standsClean("95.74", in: prose), "no lexicon: every glued letter counts")
        // A run that ends in no word (`เฉลี่ยฒ`: a letter after the word) is a misread digit.
        XCTAssertFalse(OCRScorePolicy.standsClean("5.74", in: "คะแนนเฉลี่ยฒ5.74 คะแนน", isWord: isWord))
        // After the digits: a word the score runs into (`คะแนน`) is the word's.
        XCTAssertTrue(OCRScorePolicy.standsClean("95.74", in: "คะแนนเฉลี่ย 95.74คะแนน", isWord: isWord))
        XCTAssertFalse(OCRScorePolicy.standsClean("75.0", in: "75.0ฒ", isWord: isWord))
        // Through the policy: the overall score kept with the lexicon, dropped without it.
        func record() -> ReportRecord {
            var r = ReportRecord(docID: "x", sourcePath: "x.pdf", sha256: "x")
            r.fields.overallScore = Traced("95.74", source: source(1, prose))
            return r
        }
        var kept = record()
        OCRScorePolicy.apply(to: &kept, ocrPages: [1], asciiSecondReading: false, isWord: isWord)
        XCTAssertEqual(kept.fields.overallScore?.value, "95.74")
        var dropped = record()
        OCRScorePolicy.apply(to: &dropped, ocrPages: [1], asciiSecondReading: false)
        XCTAssertNil(dropped.fields.overallScore)
    }

    /// An OIT item scores 0 or 100 only (tool-weights.json `itemScores`): such a score read on an OCR'd
    /// page is confirmed by it where no check reaches it. Rows of tune scan hoscans8 v100401-scan200
    /// as the pipeline read them (pp. 3 and 6, 2566): o3's ๑๐๐.๐๐, which Tesseract read `๑๐๐๑๐.๐๐`
    /// and the shapes 100.00, its code confirmed by the code column's chain, was left empty
    /// ("Thai digits no arithmetic check reaches"); it is kept, traced. The IIT row i19 (same
    /// readings; indicator 4 unread, so no mean check reaches it) is still left empty, as is o3
    /// when the shapes read a next reading (100.10), no item score.
    func testAnOITItemScoreReadAsZeroOrHundredIsConfirmedByItsItemsScores() throws {
        let arithmetic = ScoreArithmetic(mappings: try ITAMappings(directory: CorpusRun.mappings))
        var o3 = source(6, "03\nอํานาจหน้าที\t๑๐๐.๐๐")
        o3.box = Box(x0: 66.31, y0: 285.76, x1: 499.07, y1: 303.47)
        o3.changes = [TextChange(kind: "code_in_sequence", offset: 0, before: "03", after: "o3")]
        o3.changes?[0].field = "code"
        var i19 = source(3, "i19\nท่านรู้แนวปฏิบัติของหน่วยงานของท่าน เกี่ยวกับการใช้ทรัพย์สินของ\nราชการที่a ถูกต้vy อง มากน้vyอยเพีa ยงใด\t๑๐๐.๐๐")
        i19.box = Box(x0: 66.46, y0: 605.83, x1: 499.17, y1: 653.56)
        i19.changes = [TextChange(kind: "code_in_sequence", offset: 0, before: "i19", after: "i19")]
        i19.changes?[0].field = "code"
        func record() -> ReportRecord {
            var r = ReportRecord(docID: "x", sourcePath: "x.pdf", sha256: "x")
            r.questions = [QuestionScore(year: 2566, code: "i19", tool: .iit, question: nil, score: "100.00", page: 3, source: i19),
                           QuestionScore(year: 2566, code: "o3", tool: .oit, question: nil, score: "100.00", page: 6, source: o3)]
            return r
        }
        func reading(_ page: Int, _ y0: Double, _ reading: String) -> DigitReread {
            DigitReread(page: page, box: Box(x0: 440, y0: y0, x1: 490, y1: y0 + 12), ocr: "๑๐๐๑๐.๐๐", reading: reading, margin: 0.2,
                        alternatives: ["๑๐๐.๑๐", "๑๐๐.๐๑"])
        }
        var r = record()
        OCRScorePolicy.apply(to: &r, ocrPages: [3, 6], rereads: [reading(3, 620, "๑๐๐.๐๐"), reading(6, 288, "๑๐๐.๐๐")], arithmetic: arithmetic)
        XCTAssertEqual(r.questions.map(\.code), ["o3"])
        XCTAssertNil(r.questions.first?.check)
        XCTAssertEqual(r.questions.first?.source?.via, "ocr-digit-shapes")
        XCTAssertEqual(r.questions.first?.source?.ocr, "๑๐๐๑๐.๐๐")
        XCTAssertTrue(r.questions.first?.source?.arithmetic?.contains("0 or 100") ?? false, r.questions.first?.source?.arithmetic ?? "none")
        XCTAssertEqual(r.ocrDropped?.map(\.key), ["i19"])
        XCTAssertEqual(r.ocrDropped?.first?.reason, "Thai digits no arithmetic check reaches")
        // The shapes read a next reading: no item score, left empty.
        var next = record()
        next.questions[1].score = "100.10"
        OCRScorePolicy.apply(to: &next, ocrPages: [3, 6], rereads: [reading(6, 288, "๑๐๐.๑๐")], arithmetic: arithmetic)
        XCTAssertFalse(next.questions.contains { $0.code == "o3" })
    }

    /// A lost glyph makes an item's 0 from its 100 (`OCRScorePolicy.reachedByLostGlyphs`): Corpus
    /// s002-obt-scan p. 14 prints o31 100.00, which Tesseract read `๐.00` (no shapes' reading), so a
    /// 0 needs two readings agreeing. hs7 v100352-scan300 p. 6's o4 (printed ๐.๐๐, Tesseract
    /// `๐.๐๐`, the shapes 0.00) is kept; s002's o31 is still left empty.
    func testAnOITZeroNeedsTwoReadingsAgreeing() throws {
        let arithmetic = ScoreArithmetic(mappings: try ITAMappings(directory: CorpusRun.mappings))
        func chained(_ p: inout Provenance, _ printed: String, _ code: String) {
            p.changes = [TextChange(kind: "code_in_sequence", offset: 0, before: printed, after: code)]
            p.changes?[0].field = "code"
        }
        var o31 = source(14, "๐31 ประกาศเจตนารมณ์นโยบาย No GiftPolicy จากการปฏิบัติหน้าที่.\t๐.00")
        o31.box = Box(x0: 59.21, y0: 134.6, x1: 525.8, y1: 167.06)
        chained(&o31, "๐31", "o31")
        var o4 = source(6, "04 แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน\t๐.๐๐")
        o4.box = Box(x0: 104.65, y0: 439.63, x1: 488.41, y1: 455.66)
        chained(&o4, "04", "o4")
        var r = ReportRecord(docID: "x", sourcePath: "x.pdf", sha256: "x")
        r.questions = [QuestionScore(year: 2566, code: "o31", tool: .oit, question: nil, score: "0.00", page: 14, source: o31),
                       QuestionScore(year: 2567, code: "o4", tool: .oit, question: nil, score: "0.00", page: 6, source: o4)]
        let reading = DigitReread(page: 6, box: Box(x0: 440, y0: 442, x1: 480, y1: 454), ocr: "๐.๐๐", reading: "๐.๐๐", margin: 0.2,
                                  alternatives: ["๑.๐๐", "๐.๐๑"])
        OCRScorePolicy.apply(to: &r, ocrPages: [6, 14], rereads: [reading], arithmetic: arithmetic)
        XCTAssertEqual(r.questions.map(\.code), ["o4"])
        XCTAssertEqual(r.ocrDropped?.map(\.key), ["o31"])
        XCTAssertTrue(OCRScorePolicy.reachedByLostGlyphs(0, [0, 100]))
        XCTAssertFalse(OCRScorePolicy.reachedByLostGlyphs(100, [0, 100]))
    }
}
