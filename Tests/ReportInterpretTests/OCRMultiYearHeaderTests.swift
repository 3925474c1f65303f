import Foundation
import ITAModel
import PageLayout
@testable import ReportInterpret
import XCTest

/// An OCR'd multi-year indicator table: tune scan v002200-scan150's page 4 as OCR read it (the
/// shapes' readings of Thai digits in place, as extract's layout sees them). Tesseract left a speck
/// `x` in the 2567 title cell, and the shapes read the first column's `๒๕๖๕` as `๒๕๖๔` (margin 0.00).
/// The rows are laid out as the layout stage found them (a ruled table of six columns) on a page
/// marked as read by OCR.
final class OCRMultiYearHeaderTests: XCTestCase {
    static let rows: [[String]] = [
        ["ตัวชี่วัด ม n", ", . ชื่อตัวชี้วัด", "เครื่องมือ", "คะแนนปี ๒๕๖๔", "คะแนนปี ๒๕๖๖", "x คะแนนปีิ 2567"],
        ["", "การปฏิบัติ via หน้าที", "", "85.15", "73.22", "81๒.๓"],
        ["2", "การใช้งบ ประมาณ", "", "๙๒.๓๕", "74.5 ๓", "๘๙.๐๗"],
        ["3", "การใช้ ๐ อํานาจ", "", "๙๘.๕๕", "83.17", "๘๗.๒๘"],
        ["4", "การใช้ ทรัพย์สินของ ราชการ", "IIT", "86.72", "๗๔.๖๓", "๗๘.๗๒"],
        ["5", "การแก้ไข ปัญหาการ ทุจริต", "IIT", "", "77.39", "๘๕.๓๑"],
        ["6", "คุณภาพการ จ ดําเนินงาน", "", "๘๑.๐๕", "๖๒.๑๒", "86.12"],
        ["ห", "ประสิทธิภาพ a การสอสาร", "EIT", "81.17", "78.81", "72.10"],
    ]
    static let prose = ["สรุปผลการประเมิน ITA ประจําปีงบประมาณ พ.ศ. ๒๕๖๗", "ผลคะแนนแยกตามตัวชี้วัด"]

    static func layout(_ rows: [[String]], recognised: Bool = true) throws -> DocumentLayout {
        try RuledTableLayout.make(rows, columns: [60...90, 90...200, 200...240, 240...330, 330...420, 420...520],
                                  prose: prose, recognised: recognised)
    }

    /// The speck is no text of the title cell, so the header names its three years; the misread
    /// 2564 breaks the run 2566-2567 that holds the assessment year, so its column's scores are left
    /// out (said), never filed under 2564; the other two columns are read.
    func testASpeckedHeaderIsReadAndAYearOutsideItsRunIsLeftOut() throws {
        let r = try FieldsTestLayout.interpret(layout: Self.layout(Self.rows))
        XCTAssertEqual(r.fields.assessmentYear?.value, 2567)
        let read = Dictionary(r.indicators.map { ("\($0.year.map(String.init) ?? "-")/\($0.indicator)", $0.score) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(read["2567/3"], "87.28")
        XCTAssertEqual(read["2567/6"], "86.12")
        XCTAssertEqual(read["2566/3"], "83.17")
        XCTAssertEqual(read["2566/5"], "77.39")
        XCTAssertEqual(Set(r.indicators.compactMap(\.year)), [2566, 2567])
        let said = r.warnings.filter { $0.code == .indicatorTableYearUnknown && $0.message.contains("2564") }
        XCTAssertEqual(said.count, 1, "\(r.warnings.map(\.message))")
        let message = try XCTUnwrap(said.first).message
        XCTAssertTrue(message.contains("2564/3=98.55"), message)
    }

    /// The same table with every year title garbled (hs7 v100352-scan300 p. 2 reads `พ.ศ. ad dal`):
    /// no header names the columns, so a row's last score is the table's and the scores before it
    /// have no year; they are left out and said, never silently lost.
    func testScoresUnderAGarbledYearTitleAreLeftOutAndSaid() throws {
        var rows = Self.rows
        rows[0] = ["ตัวชี่วัด ม n", ", . ชื่อตัวชี้วัด", "เครื่องมือ", "คะแนนปี ad", "คะแนนปี dal", "x คะแนนปีิ"]
        let r = try FieldsTestLayout.interpret(layout: Self.layout(rows))
        let said = r.warnings.filter { $0.code == .indicatorTableYearUnknown && $0.message.contains("more than one score") }
        XCTAssertEqual(said.count, 1, "\(r.warnings.map(\.message))")
        let message = try XCTUnwrap(said.first).message
        XCTAssertTrue(message.contains("3=98.55 3=83.17"), message)
        XCTAssertTrue(message.contains("5=77.39"), message)
        XCTAssertFalse(message.contains("87.28"), "the last score is the table's: \(message)")
        XCTAssertFalse(r.indicators.contains { $0.score == "98.55" || $0.score == "83.17" })
        // The caption above names 2567, but the caption names the table, not its last column (a table
        // printed newest first would file 2566's scores under 2567): with no overall score printed to
        // confirm the column's year, nothing is written.
        XCTAssertEqual(r.indicators.map(\.score), [], "\(r.indicators.map { "\($0.year.map(String.init) ?? "-")/\($0.indicator)=\($0.score)" })")
    }

    /// The runs: a header of consecutive years (either order) is taken whole; otherwise the run that
    /// holds the assessment year stands, or with none known the one longest run.
    func testRuns() {
        XCTAssertEqual(OCRYearRun.unconfirmed([2564, 2566, 2567], assessment: 2567), [2564])
        XCTAssertEqual(OCRYearRun.unconfirmed([2565, 2566, 2567], assessment: 2567), [])
        XCTAssertEqual(OCRYearRun.unconfirmed([2567, 2566, 2565], assessment: 2567), [])
        XCTAssertEqual(OCRYearRun.unconfirmed([2565, 2566, 2569], assessment: 2567), [2565, 2566, 2569], "no run holds 2567")
        XCTAssertEqual(OCRYearRun.unconfirmed([2564, 2566, 2567], assessment: nil), [2564])
        XCTAssertEqual(OCRYearRun.unconfirmed([2562, 2566], assessment: nil), [2562, 2566])
        // A year two columns name is a misread in one of them (2564 | 2565 | 2566 with ๔ read ๕): both out.
        XCTAssertEqual(OCRYearRun.unconfirmed([2565, 2565, 2566], assessment: 2566), [2565])
        XCTAssertEqual(OCRYearRun.unconfirmed([2566, 2567, 2566], assessment: 2567), [2566])
        XCTAssertEqual(OCRYearRun.unconfirmed([2566, 2567, 2567], assessment: 2567), [2567])
        XCTAssertEqual(OCRYearRun.unconfirmed([2566, 2566], assessment: nil), [2566])
    }

    /// Two title cells read as one year: neither column's scores are filed under it (the first
    /// printing would win the merge and file another year's scores), both are said.
    func testAYearTwoColumnsNameIsLeftOutInBoth() throws {
        var rows = Self.rows
        rows[0] = ["ตัวชี่วัด ม n", ", . ชื่อตัวชี้วัด", "เครื่องมือ", "คะแนนปี ๒๕๖๖", "คะแนนปี ๒๕๖๖", "x คะแนนปีิ 2567"]
        let r = try FieldsTestLayout.interpret(layout: Self.layout(rows))
        XCTAssertEqual(Set(r.indicators.compactMap(\.year)), [2567], "\(r.indicators.map { "\($0.year ?? 0)/\($0.indicator)=\($0.score)" })")
        let said = r.warnings.filter { $0.code == .indicatorTableYearUnknown && $0.message.contains("2566/3=98.55") && $0.message.contains("2566/3=83.17") }
        XCTAssertEqual(said.count, 1, "\(r.warnings.map(\.message))")
    }

    /// An OCR'd header naming one year in two columns misread one of them (๒๕๖๖ | ๒๕๖๗ | ๒๕๖๘ with the ๘ read
    /// ๗): its latest year is no evidence of the assessment year, which would otherwise be 2567 from this
    /// header alone. A printed header is what it says.
    func testAHeaderNamingAYearTwiceIsNoYearEvidenceOnAnOCRdPage() throws {
        var rows = Self.rows
        rows[0] = ["ตัวชี่วัด ม n", ", . ชื่อตัวชี้วัด", "เครื่องมือ", "คะแนนปี ๒๕๖๖", "คะแนนปี ๒๕๖๗", "คะแนนปี ๒๕๖๗"]
        let prose = ["สรุปผลการประเมิน ITA", "ผลคะแนนแยกตามตัวชี้วัด"]
        let columns: [ClosedRange<Double>] = [60...90, 90...200, 200...240, 240...330, 330...420, 420...520]
        let ocr = try FieldsTestLayout.interpret(layout: RuledTableLayout.make(rows, columns: columns, prose: prose, recognised: true))
        XCTAssertNil(ocr.fields.assessmentYear, "\(ocr.warnings.map(\.message))")
        let printed = try FieldsTestLayout.interpret(layout: RuledTableLayout.make(rows, columns: columns, prose: prose, recognised: false))
        XCTAssertEqual(printed.fields.assessmentYear?.value, 2567)
    }

    /// A speck is a Latin letter or so with marks; punctuation alone is none, and a dash never is one:
    /// `2566 - 2567` is a range, not two year columns.
    func testSpeckWords() {
        XCTAssertTrue(IndicatorRows.isSpeckWord("x", maxLetters: 1))
        XCTAssertTrue(IndicatorRows.isSpeckWord("x,", maxLetters: 1))
        XCTAssertFalse(IndicatorRows.isSpeckWord("-", maxLetters: 1))
        XCTAssertFalse(IndicatorRows.isSpeckWord("\u{2013}", maxLetters: 1))
        XCTAssertFalse(IndicatorRows.isSpeckWord("x-", maxLetters: 1))
        XCTAssertFalse(IndicatorRows.isSpeckWord(",", maxLetters: 1))
        XCTAssertFalse(IndicatorRows.isSpeckWord("IT", maxLetters: Int(InterpretSettings().ocrHeaderSpeckMaxLetters)))
        XCTAssertFalse(IndicatorRows.isSpeckWord("ปี", maxLetters: 1))
    }
}
