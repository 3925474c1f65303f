import Foundation
import ITAModel
import PageLayout
import XCTest
@testable import ReportInterpret

/// The assessment year of OCR'd documents (issue 11): a year OCR split in two words is joined, and
/// a year OCR alone names that nothing confirms and other evidence contradicts is a misread, out of
/// the vote. The lines are Tesseract's (with the digit shapes read again) of tune documents, which
/// are not committed.
final class OCRYearEvidenceTests: XCTestCase {
    /// The layout of `text` (see `FieldsTestLayout`) with every page read by OCR, or not.
    static func interpret(_ text: String, recognised: Bool) throws -> Interpretation {
        let pages = try FieldsTestLayout.layout(text).pages.map { p -> PageLayoutResult in
            var page = p
            page.recognised = recognised
            return page
        }
        return try StageRoad(mappings: FieldsTestLayout.mappings).interpret(DocumentLayout(pages: pages, furniture: try .checkedIn()))
    }

    /// Tune scan v000003-scan150, page 2: the indicator table's year title `ปี ๒๕๖๖` came out as
    /// `ปี ๒๕ 66`, and the only other year is the plan's (2567) in the title. The document had no
    /// assessment year, so no catalogue and no year for its scores.
    static let splitYearPage = """
    มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน
    ประจําปีงบประมาณ พ.ศ.2567
    การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการ
    ดําเนินงานของหน่วยงานภาครัฐ (ITA)
    องค์การบริหารส่วนตําบลพรหมนิมิต อําเภอตาคลี จังหวัดนครสวรรค์
    ผลคะแนนแยกตามตัวชี้วัด
    คะแนน
    -\tตัวชี้วัด
    ปี ๒๕ 66
    98.8๒\t๒. การใช้งบประมาณ
    99.73\t3. การใช้อํานาจ
    97.65\tอ. คุณภาพการดําเนินงาน
    100.00\t9. การเปิดเผยข้อมูล
    100.00\t๑๐. การป้องกันการทุจริต
    คะแนนภาพรวมของหน่วยงาน\t99.14
    """

    func testAYearOCRSplitInTwoWordsIsJoined() throws {
        let r = try Self.interpret(Self.splitYearPage, recognised: true)
        XCTAssertEqual(r.fields.assessmentYear?.value, 2566, r.warnings.map(\.message).joined(separator: "\n"))
        // Traceable: the raw text as OCR read it, and the join as a change.
        let source = try XCTUnwrap(r.fields.assessmentYear?.source)
        XCTAssertTrue(source.raw.contains("๒๕ 66"), source.raw)
        XCTAssertTrue(source.changes?.contains { $0.kind == OCRSplitYear.changeKind && $0.before == "๒๕ 66" && $0.after == "๒๕66" } ?? false,
                      "\(source.changes ?? [])")
        XCTAssertEqual(r.fields.planYear?.value, 2567)
        // A text layer's words are as printed: two numbers there are not joined.
        XCTAssertNil(try Self.interpret(Self.splitYearPage, recognised: false).fields.assessmentYear)
    }

    /// Only a split right after a year word, into a year of the reports' era, with nothing glued on.
    func testOnlyASplitYearAfterAYearWordIsJoined() throws {
        let words = try QuestionTableVocabulary.load(mappings: FieldsTestLayout.mappings).shortYearWords
        XCTAssertEqual(OCRSplitYear.join("ปี ๒๕ 66", yearWords: words)?.0, "ปี ๒๕66")
        XCTAssertEqual(OCRSplitYear.join("ประจําปีงบประมาณ พ.ศ. ๒๕๖ 8", yearWords: words)?.0, "ประจําปีงบประมาณ พ.ศ. ๒๕๖8")
        XCTAssertEqual(OCRSplitYear.join("แผนการยกระดับผลการประเมิน ITA ประจําปีงบประมาณ พ.ศ.๒ 569", yearWords: words)?.0,
                       "แผนการยกระดับผลการประเมิน ITA ประจําปีงบประมาณ พ.ศ.๒569")
        XCTAssertNil(OCRSplitYear.join("ผู้ตอบ ๒๕ 66 คน", yearWords: words), "no year word before it")
        XCTAssertNil(OCRSplitYear.join("ปี ๒๕ 66.50", yearWords: words), "a score glued after it")
        XCTAssertNil(OCRSplitYear.join("ปี ๑๒ 34", yearWords: words), "no year of the reports")
        XCTAssertNil(OCRSplitYear.join("ปี ๒๕๖๖", yearWords: words), "nothing split")
    }
}
