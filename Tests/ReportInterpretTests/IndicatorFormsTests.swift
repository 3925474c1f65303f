import XCTest
import ITAModel
@testable import ReportInterpret

/// Indicator scores from each printed form, on built layouts.
final class IndicatorFormsTests: XCTestCase {
    private let header = """
    เทศบาลตำบลนาดี อำเภอนาดี จังหวัดปราจีนบุรี
    ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ มีผลคะแนนเฉลี่ย ๙๐.๑๐ คะแนน ระดับผลการประเมินอยู่ที่ ผ่านดี
    """

    /// A ranked list: the leading number is the rank, "ตัวชี้วัดที่ N" the indicator.
    func testRankedListUsesIndicatorNumberNotRank() throws {
        let r = try FieldsTestLayout.interpret(header + """

        ลำดับที่\tตัวชี้วัด/รายละเอียดตัวชี้วัด\tคะแนน
        ๑\tตัวชี้วัดที่ ๓ การใช้อำนาจ\t๑๐๐.๐๐
        ๒\tตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต\t๙๘.๐๐
        ๓\tตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่\t๙๕.๕๐
        """)
        let byNumber = Dictionary(r.indicators.map { ($0.indicator, $0.score) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(byNumber[3], "100.00")
        XCTAssertEqual(byNumber[10], "98.00")
        XCTAssertEqual(byNumber[1], "95.50")
        XCTAssertNil(byNumber[2])
        XCTAssertTrue(r.indicators.allSatisfy { $0.year == 2566 })
        XCTAssertEqual(r.indicators.first { $0.indicator == 10 }?.tool, .oit)
    }

    /// A multi-year table: one row per year, its average/rating rows for the fields.
    func testMultiYearTable() throws {
        let r = try FieldsTestLayout.interpret("""
        เทศบาลตำบลนาดี อำเภอนาดี จังหวัดปราจีนบุรี
        รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๘
        เครื่องมือ\tตัวชี้วัด\tคะแนน
        \t\tปี ๒๕๖๗\tปี ๒๕๖๘
        IIT\t๑. การปฏิบัติหน้าที่\t๙๘.๖๓\t๙๙.๕๒
        \t๒. การใช้งบประมาณ\t๙๙.๑๘\t๙๙.๘๑
        คะแนนเฉลี่ย\t\t๙๗.๐๖\t๙๖.๗๓
        ระดับการประเมิน\t\tผ่านดี\tผ่านดี
        """)
        XCTAssertEqual(r.indicators.filter { $0.year == 2567 }.map(\.score), ["98.63", "99.18"])
        XCTAssertEqual(r.indicators.filter { $0.year == 2568 }.map(\.score), ["99.52", "99.81"])
        XCTAssertEqual(r.fields.overallScore?.value, "96.73")
        XCTAssertEqual(r.fields.rating?.value, "ผ่านดี")
        XCTAssertEqual(r.fields.previousScore?.value, "97.06")
    }

    /// Prose scores; a prose value that disagrees with the table keeps the table's and warns.
    func testProseAndDisagreement() throws {
        let r = try FieldsTestLayout.interpret(header + """

        ตัวชี้วัดที่\tรายละเอียดตัวชี้วัด\tคะแนน
        ๖\tคุณภาพการดำเนินงาน\t๙๗.๖๑

        ผลการประเมินฯ ประจำปีงบประมาณ ๒๕๖๖ ตัวชี้วัดที่ ๖ คุณภาพการดำเนินงาน ของเทศบาลตำบลนาดี ได้ ๙๗.๖๐ คะแนน
        ผลการประเมินฯ ประจำปีงบประมาณ ๒๕๖๖ ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร ของเทศบาลตำบลนาดี ได้ ๙๔.๓๘ คะแนน
        """)
        XCTAssertEqual(r.indicators.first { $0.indicator == 6 }?.score, "97.61")
        XCTAssertEqual(r.indicators.first { $0.indicator == 7 }?.score, "94.38")
        XCTAssertEqual(r.indicators.first { $0.indicator == 7 }?.source?.via, "text")
        let w = r.warnings.filter { $0.code == .indicatorPrintingsDisagree }
        XCTAssertEqual(w.count, 1)
        XCTAssertTrue(w[0].message.contains("97.61") && w[0].message.contains("97.60"), w[0].message)
    }

    /// A question row naming an indicator and a code is not an indicator row.
    func testQuestionTableHeaderIsNotAnIndicatorRow() throws {
        let r = try FieldsTestLayout.interpret(header + """

        ตัวชี้วัดที่ ๕ การแก้ไขปัญหาการทุจริต\tคะแนน\t๐๔๐ การขับเคลื่อนจริยธรรม\t๐.๐๐
        """)
        XCTAssertTrue(r.indicators.isEmpty, "\(r.indicators)")
    }
}
