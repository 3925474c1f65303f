import ITAModel
@testable import Pipeline
import XCTest

/// Scores on OCR'd pages are kept only when OCR read them in ASCII digits with a score's form; the
/// others are left empty and named in one warning. Text-layer pages are not touched.
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
        OCRScorePolicy.apply(to: &r, ocrPages: [1, 2])
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

    func testNothingHappensWithoutOCRPages() {
        var r = ReportRecord(docID: "x", sourcePath: "x.pdf", sha256: "x")
        r.fields.overallScore = Traced("87.94", source: source(1, "๘๗.๙๔"))
        OCRScorePolicy.apply(to: &r, ocrPages: [])
        XCTAssertEqual(r.fields.overallScore?.value, "87.94")
        XCTAssertTrue(r.warnings.isEmpty)
    }

    func testAScoreStandsAloneUnlessRunIntoALongerNumber() {
        XCTAssertTrue(OCRScorePolicy.standsAlone("100.00", in: "100.00."))
        XCTAssertTrue(OCRScorePolicy.standsAlone("90", in: "ภายใน90วัน"))
        XCTAssertFalse(OCRScorePolicy.standsAlone("90", in: "990"))
        XCTAssertFalse(OCRScorePolicy.standsAlone("90", in: "90.5"))
        XCTAssertFalse(OCRScorePolicy.standsAlone("0.00", in: "10.00"))
    }
}
