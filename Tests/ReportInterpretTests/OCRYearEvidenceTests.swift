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
        // A text layer's words are as printed: two numbers of one script there are not joined. Two
        // scripts inside one year are a font change (`font_split_year`, fresh tune 1458), joined.
        XCTAssertNil(try Self.interpret(Self.splitYearPage.replacingOccurrences(of: "ปี ๒๕ 66", with: "ปี ๒๕ ๖๖"), recognised: false).fields.assessmentYear)
        let printed = try XCTUnwrap(try Self.interpret(Self.splitYearPage, recognised: false).fields.assessmentYear)
        XCTAssertEqual(printed.value, 2566)
        XCTAssertTrue(printed.source?.changes?.contains { $0.kind == OCRSplitYear.scriptChangeKind && $0.before == "๒๕ 66" } ?? false)
    }

    /// Only a split right after a year word, into a year of the reports' era, with nothing glued on.
    func testOnlyASplitYearAfterAYearWordIsJoined() throws {
        let words = try QuestionTableVocabulary.load(mappings: FieldsTestLayout.mappings, codeLetters: TestCodeLetters.letters).shortYearWords
        XCTAssertEqual(OCRSplitYear.join("ปี ๒๕ 66", yearWords: words)?.0, "ปี ๒๕66")
        XCTAssertEqual(OCRSplitYear.join("ประจําปีงบประมาณ พ.ศ. ๒๕๖ 8", yearWords: words)?.0, "ประจําปีงบประมาณ พ.ศ. ๒๕๖8")
        XCTAssertEqual(OCRSplitYear.join("แผนการยกระดับผลการประเมิน ITA ประจําปีงบประมาณ พ.ศ.๒ 569", yearWords: words)?.0,
                       "แผนการยกระดับผลการประเมิน ITA ประจําปีงบประมาณ พ.ศ.๒569")
        XCTAssertNil(OCRSplitYear.join("ผู้ตอบ ๒๕ 66 คน", yearWords: words), "no year word before it")
        XCTAssertNil(OCRSplitYear.join("ปี ๒๕ 66.50", yearWords: words), "a score glued after it")
        XCTAssertNil(OCRSplitYear.join("ปี ๑๒ 34", yearWords: words), "no year of the reports")
        XCTAssertNil(OCRSplitYear.join("ปี ๒๕๖๖", yearWords: words), "nothing split")
        // A cell that is the split number alone, in two scripts (v100364-scan300's header cell
        // under `ปีงบประมาณ`): a year title; in one script, or with anything else, it stays apart.
        XCTAssertEqual(OCRSplitYear.join("๒ 566", yearWords: words, alone: true)?.0, "๒566")
        XCTAssertNil(OCRSplitYear.join("2 566", yearWords: words, alone: true), "one script, no year word")
        XCTAssertNil(OCRSplitYear.join("๒ 566 คน", yearWords: words, alone: true), "something after it")
        XCTAssertNil(OCRSplitYear.join("๒ 566", yearWords: words, scriptChangeOnly: true, alone: true), "a text layer's needs its year word")
        XCTAssertNil(OCRSplitYear.join("๒ 566", yearWords: words), "no year word above it: a count (๒,560 read without its comma)")
        // On a line: joined under a cell of the line above holding a year word, over its column only.
        func line(_ cells: [(String, Double, Double)], y: Double) -> ReadLine {
            let segs = cells.map { t, x0, x1 in ReadSegment(text: t, raw: t, box: Box(x0: x0, y0: y, x1: x1, y1: y + 14), page: 4) }
            return ReadLine(page: 4, box: Box.union(segs.map(\.box))!, segments: segs, furniture: [])
        }
        // v100364-scan300 p. 4 as OCR read it: `ปีงบประมาณ` two lines over `๒ 566`, a wrapped title between.
        let title = line([("ย 4", 60, 90), ("ปีงบประมาณ", 300, 380)], y: 146)
        let wrapped = line([("ว วัดที", 60, 100)], y: 158)
        let years = line([("๒ 566", 300, 340), ("๒ 560", 400, 440)], y: 169)
        XCTAssertEqual(OCRSplitYear.join(years, yearWords: words, above: [title, wrapped]).segments.map(\.text), ["๒566", "๒ 560"])
        XCTAssertEqual(OCRSplitYear.join(years, yearWords: words).segments.map(\.text), ["๒ 566", "๒ 560"])
        // A cell above holding ป in another word (ประเด็น) is no year word: a count under it stays apart.
        let issue = line([("ประเด็นการประเมิน", 300, 380)], y: 146)
        XCTAssertEqual(OCRSplitYear.join(years, yearWords: words, above: [issue]).segments.map(\.text), ["๒ 566", "๒ 560"])
        // A text layer's: only a year whose two runs are in two scripts.
        XCTAssertEqual(OCRSplitYear.join("ประจำปีงบประมาณ พ.ศ. 2 ๕๖๗", yearWords: words, scriptChangeOnly: true)?.0, "ประจำปีงบประมาณ พ.ศ. 2๕๖๗")
        XCTAssertNil(OCRSplitYear.join("ประจำปีงบประมาณ พ.ศ. 25 67", yearWords: words, scriptChangeOnly: true), "one script")
        XCTAssertNil(OCRSplitYear.join("ปี ๒ ๕๖๗", yearWords: words, scriptChangeOnly: true), "one script")
    }

    /// Tune document v000127 (fonts without ToUnicode, read by OCR), pages 2 and 6 as the pipeline
    /// reads them (Tesseract's lines with the digit shapes read again): the results cue and the
    /// plan's title name 2566 and 2567, but the indicator table's header `ปี ๒๕๖๕ | ปี ๒๕๖๖` came
    /// out as `ปี ๒๕๖๕ | ๒๕๒2๒๐`, so the past year's column looked like the latest scored one and
    /// outvoted the rest (2565 was written, every score under the wrong year).
    static let pastColumnPages = """
    รายงานผลการวิเคราะห์การประเมิน ITA
    องค์การบริหารส่วนตําบลบ้านพรุ อําเภอหาดใหญ่ จังหวัดสงขลา
    จากผลการประเมินคุณธรรมและความโปร่งใสในการดําเนินงานของหน่วยงาน
    ภาครัฐ ประจําปีงบประมาณ พ.ศ.๒๕๖๖» ขององค์การบริหารส่วนตําบลบ้านพรุ

    การนําผลการวิเคราะห์ไปสู่การปฏิบัติ ประจําปีงบประมาณ พ.ศ.๒๕๖๗
    \u{0C}ผลการประเมินรายตัวชีวัด
    ตัวชีวัดที\tชื่อตัวชีวัด
    \tปี ๒๕๖๕\t๒๕๒2๒๐
    ๒\t๙๐.๑๔\t๗๓.๔๘\tการใช้งบประมาณ
    ๓\t๘๖.๘๖\t๗๙.๙๐\tการใช้อํานาจ
    ๕\t๘๖.๓๔\t๗๔.๖๖\tการแก้ไขปัญหาการทุจริต
    ๒\t๘๕.๕๗\t๘๔.๓๖\tคุณภาพการดําเนินงาน
    a\t๘๕.๑๖\t๗๒.๙๒\tประสิทธิภาพการสือสาร
    ส\t๘๙.๐๕\t๖๘.๒๑\tการปรับปรุงการทํางาน
    """

    func testAnOCRdYearNothingConfirmsAndOtherEvidenceContradictsIsLeftOut() throws {
        let r = try Self.interpret(Self.pastColumnPages, recognised: true)
        XCTAssertEqual(r.fields.assessmentYear?.value, 2566, r.warnings.map(\.message).joined(separator: "\n"))
        XCTAssertEqual(r.fields.assessmentYear?.source?.page, 1)
        XCTAssertEqual(r.fields.planYear?.value, 2567)
        // The year left out is named, with where OCR read it.
        let w = try XCTUnwrap(r.warnings.first { $0.code == .assessmentYearDisagrees && $0.message.contains("misread") })
        XCTAssertTrue(w.message.contains("2565") && w.message.contains("score column titles") && w.page == 2, w.message)
        // A text layer's column title is as printed: there it outweighs the cues, as before.
        XCTAssertEqual(try Self.interpret(Self.pastColumnPages, recognised: false).fields.assessmentYear?.value, 2565)
    }

    /// Tune scan v000201-scan150: the summary's year came out as `พ.ศ. ๒๕95`, the only results year
    /// of the document; the plan's title names 2567. 2595 is outside the reports' era: a misread,
    /// out of the vote, so the year is left empty (2595 was written). It contradicts nothing, so the
    /// plan's 2567 stays evidence; but with no assessment year a plan year read by OCR needs two
    /// kinds of evidence, and only the plan's title names it: the plan year is left empty too.
    func testAnOCRdYearOutsideTheEraAloneLeavesTheYearsEmpty() throws {
        let text = """
        การนําผลการวิเคราะห์ไปสู่การปฏิบัติ ประจําปีงบประมาณ พ.ศ. ๒๕๖๗
        \u{0C}สรุปผลการประเมิน ITA ประจําปีงบประมาณ พ.ศ. ๒๕95
        """
        let r = try Self.interpret(text, recognised: true)
        XCTAssertNil(r.fields.assessmentYear)
        let w = try XCTUnwrap(r.warnings.first { $0.code == .yearUnclear && $0.message.contains("2595") })
        XCTAssertTrue(w.message.contains("misread") && w.message.contains("era"), w.message)
        XCTAssertFalse(w.message.contains("2566,"), "the plan's year is no misread: \(w.message)")
        XCTAssertNil(r.fields.planYear)
        let p = try XCTUnwrap(r.warnings.first { $0.code == .yearUnclear && $0.message.hasPrefix("plan year left empty") })
        XCTAssertTrue(p.message.contains("2567") && p.message.contains("plan cues"), p.message)
        // A text layer's years are as printed.
        XCTAssertEqual(try Self.interpret(text, recognised: false).fields.assessmentYear?.value, 2595)
    }
    /// The held-out failure's kind on tune lines: tune scan v000201-scan150's plan title
    /// (`การนําผลการวิเคราะห์ไปสู่การปฏิบัติ ประจําปีงบประมาณ พ.ศ. ๒๕๖๗`, page 2) carrying the misread
    /// its summary got on page 10 (`๒๕95`), and no results year: with no assessment year the plan
    /// vote had no window, and 2595 was written as the plan year. It is outside the reports' plan
    /// years: the plan year is left empty, with a warning naming 2595.
    func testAPlanYearFarOutsideTheEraIsNotWrittenWhenTheAssessmentYearIsEmpty() throws {
        let text = """
        การนําผลการวิเคราะห์ไปสู่การปฏิบัติ ประจําปีงบประมาณ พ.ศ. ๒๕95
        """
        let r = try Self.interpret(text, recognised: true)
        XCTAssertNil(r.fields.assessmentYear)
        XCTAssertNil(r.fields.planYear, r.warnings.map(\.message).joined(separator: "\n"))
        XCTAssertTrue(r.warnings.contains { $0.code == .yearUnclear && $0.message.contains("2595") && $0.message.contains("era") },
                      r.warnings.map(\.message).joined(separator: "\n"))
        // On a text layer too: a plan year with no assessment year is a plan year of the era.
        let t = try Self.interpret(text, recognised: false)
        XCTAssertNil(t.fields.planYear)
        XCTAssertTrue(t.warnings.contains { $0.code == .yearUnclear && $0.message.contains("2595") }, t.warnings.map(\.message).joined(separator: "\n"))
    }

    /// A year the assessment vote leaves out as a misread is no plan year. Tune OCR'd lines: a
    /// question row of v000008-scan200-copy (page 7: `e15 ...`, a code only the 2566 framework has,
    /// so the report's year is 2566 or 2567) and a plan title of v000010-scan200 (page 8: `...
    /// ประจําปีงบประมาณ พ.ศ. 2569`), standing for a plan title OCR misread: no plan of a 2566 or
    /// 2567 report. Only that title names 2569; the framework rules its assessment year (2568) out,
    /// so it leaves the assessment vote. The plan vote would still have written it (a plan cue, and
    /// the framework holds 2567, a year the plan can follow): now it leaves that vote too.
    func testAMisreadYearLeftOutOfTheAssessmentVoteIsNoPlanYear() throws {
        let text = """
        e15 หน่วยงานมีการปรับปรุงองค์กรให้มีความโปร่งใส\t78.53
        \u{0C}แผนการยกระดับผลการประเมิน ITA ประจําปีงบประมาณ พ.ศ. 2569
        """
        let r = try Self.interpret(text, recognised: true)
        XCTAssertNil(r.fields.assessmentYear)
        XCTAssertNil(r.fields.planYear, "a misread is no plan year: " + r.warnings.map(\.message).joined(separator: "\n"))
        XCTAssertTrue(r.warnings.contains { $0.code == .yearUnclear && $0.message.contains("2569") && $0.message.contains("misread") && $0.message.contains("framework") },
                      r.warnings.map(\.message).joined(separator: "\n"))
        // On a text layer the title is as printed: 2569 is the plan year.
        XCTAssertEqual(try Self.interpret(text, recognised: false).fields.planYear?.value, 2569)
    }
}
