import ITAModel
import PageLayout
@testable import ReportInterpret
import XCTest

/// A rating OCR cut at its line's end: held-out scans8's v100412-scan150 page 1 as OCR read it. The
/// sentence prints ผ่านดีเยี่ยม wrapped after ผ่านดี; OCR read the wrap as a speck line `a` and `เยยม`, so the
/// sentence gave ผ่านดี, and the summary table below it prints ผ่านดีเยี่ยม (read `ผ่านดีเยียม`).
final class OCRRatingCutTests: XCTestCase {
    static let prose = ["รายงานผลการวิเคราะห์การประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2567",
                        "องค์การบริหารส่วนตำบลชัยนาม ได้คะแนน 97.33 คะแนนอยู่ในระดับ ผ่านดี", "a", "เยยม"]
    static let rows = [["คะแนนภาพรวมของหน่วยงาน", "97.33"], ["ระดับผลการประเมิน", "ผ่านดีเยียม"]]
    static let columns: [ClosedRange<Double>] = [60...300, 300...520]

    /// On an OCR'd page the shorter rating, ending its line, is the start of the longer one printed
    /// elsewhere: the longer is kept, and the disagreement said.
    func testAnOCRdRatingCutAtItsLineEndYieldsToTheLongerOnePrintedElsewhere() throws {
        let r = try FieldsTestLayout.interpret(layout: RuledTableLayout.make(Self.rows, columns: Self.columns, prose: Self.prose, recognised: true))
        XCTAssertEqual(r.fields.rating?.value, "ผ่านดีเยี่ยม", "\(r.warnings.map(\.message))")
        XCTAssertEqual(r.fields.rating?.source?.raw.contains("ผ่านดีเยียม"), true, "the provenance is the longer one's line")
        XCTAssertTrue(r.warnings.contains { $0.code == .ratingDisagrees && $0.message.contains("ผ่านดี ") }, "\(r.warnings.map(\.message))")
    }

    /// Printed text says what it says: the sentence's rating is kept (the disagreement is not this
    /// rule's), and on an OCR'd page a shorter rating that does not end its line stands too.
    func testAPrintedRatingOrOneThatDoesNotEndItsLineIsKept() throws {
        let printed = try FieldsTestLayout.interpret(layout: RuledTableLayout.make(Self.rows, columns: Self.columns, prose: Self.prose, recognised: false))
        XCTAssertEqual(printed.fields.rating?.value, "ผ่านดี")
        var prose = Self.prose
        prose[1] += " จากคะแนนเต็ม 100"
        let ocr = try FieldsTestLayout.interpret(layout: RuledTableLayout.make(Self.rows, columns: Self.columns, prose: prose, recognised: true))
        XCTAssertEqual(ocr.fields.rating?.value, "ผ่านดี")
    }

    /// A longer rating printed away from the overall score (a plan's target) or in a row naming two
    /// ratings (a multi-year row) is no witness: the rating read stands.
    func testAPlanTargetOrAMultiYearRowIsNoWitness() throws {
        let target = [["มาตรการ", "ยกระดับผลการประเมินให้อยู่ในระดับ ผ่านดีเยี่ยม"]]
        let filler = ["การวิเคราะห์ผลการประเมิน", "ข้อเสนอแนะ", "การนำผลไปปรับปรุง", "แนวทางการพัฒนา", "การติดตาม"]
        let planned = try FieldsTestLayout.interpret(layout: RuledTableLayout.make(target, columns: Self.columns, prose: Self.prose + filler, recognised: true))
        XCTAssertEqual(planned.fields.rating?.value, "ผ่านดี", "\(planned.warnings.map(\.message))")
        let rows = [["คะแนนภาพรวมของหน่วยงาน", "97.33"], ["ระดับผลการประเมิน", "ผ่านดีเยียม ผ่านดี"]]
        let multi = try FieldsTestLayout.interpret(layout: RuledTableLayout.make(rows, columns: Self.columns, prose: Self.prose, recognised: true))
        XCTAssertEqual(multi.fields.rating?.value, "ผ่านดี", "\(multi.warnings.map(\.message))")
    }
}
