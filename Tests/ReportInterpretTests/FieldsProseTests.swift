import XCTest
import ITAModel
@testable import ReportInterpret

/// Report fields from prose and abbreviations, on built layouts (wordings not in the corpus).
final class FieldsProseTests: XCTestCase {
    /// อบต./อ./จ. abbreviations, rank and previous-year score in one sentence, years from cues.
    func testAbbreviationsRankAndPreviousScore() throws {
        let r = try FieldsTestLayout.interpret("""
        รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๗
        อบต.หนองบัว อ.เมืองยาง จ.นครราชสีมา
        ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ ของ อบต.หนองบัว ได้คะแนนเท่ากับ ๘๘.๑๒ คะแนน อยู่ในระดับ ผ่านดี
        อยู่ในลำดับที่ ๑๒๐ ของหน่วยงานประเภทองค์การบริหารส่วนตำบล (เพิ่มขึ้นจากปีงบประมาณ พ.ศ. ๒๕๖๖ ซึ่งได้คะแนน ๘๐.๐๕ คะแนน)
        เพื่อยกระดับผลการประเมินในปีงบประมาณ พ.ศ. ๒๕๖๘ อบต.หนองบัว จึงกำหนดมาตรการ
        """)
        let f = r.fields
        XCTAssertEqual(f.unitName?.value, "องค์การบริหารส่วนตำบลหนองบัว")
        XCTAssertEqual(f.unitType?.value, "องค์การบริหารส่วนตำบล")
        XCTAssertEqual(f.district?.value, "เมืองยาง")
        XCTAssertEqual(f.province?.value, "นครราชสีมา")
        XCTAssertEqual(f.assessmentYear?.value, 2567)
        XCTAssertEqual(f.planYear?.value, 2568)
        XCTAssertEqual(f.overallScore?.value, "88.12")
        XCTAssertEqual(f.rating?.value, "ผ่านดี")
        XCTAssertEqual(f.rank?.value, 120)
        XCTAssertEqual(f.previousScore?.value, "80.05")
        // Provenance: the page and the raw line the score came from.
        XCTAssertEqual(f.overallScore?.source?.page, 1)
        XCTAssertTrue(f.overallScore?.source?.raw.contains("๘๘.๑๒") ?? false)
    }

    /// A threshold ("๘๕ คะแนนขึ้นไป") and a count are not the overall score; a key-value row is.
    func testThresholdIsNotAScore() throws {
        let r = try FieldsTestLayout.interpret("""
        เทศบาลเมืองบ้านไร่ อำเภอบ้านไร่ จังหวัดอุทัยธานี
        หน่วยงานต้องมีคะแนนเฉลี่ย ๘๕ คะแนนขึ้นไป จึงจะผ่านเกณฑ์ การประเมินคุณธรรมและความโปร่งใส ปี ๒๕๖๖
        คะแนนภาพรวมของหน่วยงาน\t๙๑.๐๔
        ระดับผลการประเมิน\tผ่านดี
        """)
        XCTAssertEqual(r.fields.overallScore?.value, "91.04")
        XCTAssertEqual(r.fields.rating?.value, "ผ่านดี")
        XCTAssertEqual(r.fields.unitName?.value, "เทศบาลเมืองบ้านไร่")
    }

    /// ทต. expanded, "ได้ร้อยละ" as the score cue, a plan year only in the plan's period column.
    func testOtherWordings() throws {
        let r = try FieldsTestLayout.interpret("""
        ทต.บางเสาธง อำเภอบางเสาธง จังหวัดสมุทรปราการ
        ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ปี พ.ศ. 2566
        ทต.บางเสาธง ได้ร้อยละ 92.10 อยู่ในระดับ ผ่านดี
        มาตรการ\tขั้นตอน\tระยะเวลาดำเนินการ\tผู้รับผิดชอบ
        จัดทำคู่มือ\tประชุมชี้แจง\tไตรมาส 1-4 ปีงบประมาณ 2567\tสำนักปลัด
        """)
        XCTAssertEqual(r.fields.unitName?.value, "เทศบาลตำบลบางเสาธง")
        XCTAssertEqual(r.fields.unitType?.value, "เทศบาลตำบล")
        XCTAssertEqual(r.fields.assessmentYear?.value, 2566)
        XCTAssertEqual(r.fields.planYear?.value, 2567)
        XCTAssertEqual(r.fields.overallScore?.value, "92.10")
        XCTAssertEqual(r.fields.rating?.value, "ผ่านดี")
        XCTAssertTrue(r.warnings.filter { $0.code == .twoDistricts }.isEmpty)
    }

    /// A unit whose own name holds a stop word ("ที่") keeps it when every printing has it.
    func testNameContainingAStopWord() throws {
        let r = try FieldsTestLayout.interpret("""
        องค์การบริหารส่วนตำบลท่าที่ยาง อำเภอท่ายาง จังหวัดเพชรบุรี
        ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ๒๕๖๖ ขององค์การบริหารส่วนตำบลท่าที่ยาง มีผลคะแนนเฉลี่ย ๘๙.๐๐ คะแนน
        องค์การบริหารส่วนตำบลท่าที่ยาง จึงกำหนดมาตรการ ในปีงบประมาณ พ.ศ. ๒๕๖๗
        """)
        XCTAssertEqual(r.fields.unitName?.value, "องค์การบริหารส่วนตำบลท่าที่ยาง")
    }
}
