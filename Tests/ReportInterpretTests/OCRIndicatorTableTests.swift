import Foundation
import ITAModel
import PageLayout
@testable import ReportInterpret
import XCTest

/// An OCR'd indicator table whose number column Tesseract left blank: tune scan v000012-scan200-copy's
/// page 1 as OCR read it ("name | N | score", ten rows; only the last row's number, 10, read). The
/// rows are laid out as the layout stage found them (a ruled table of three columns) on a page
/// marked as read by OCR.
final class OCRIndicatorTableTests: XCTestCase {
    static let rows: [[String]] = [
        ["ชื่อตัวชี้วัด", "", "คะแนนปี 2567"],
        ["การปฏิบัติหน้าที่", "", "๑ฒ๓๕๑อ.อ"],
        ["การใช้งบประมาณ", "", "86.13"],
        ["การใช้อํานาจ", "", "๒๑๕๓.๑3"],
        ["การใช้ทรัพย์สินของราชการ", "", "84.19"],
        ["การแก้ไขปัญหาการทุจริต", "", "๓๕.๓๑๒"],
        ["คุณภาพการดําเนินงาน", "", "๒๑๐.๐๑"],
        ["ประสิทธิภาพการสื่อสาร", "", "58.67"],
        ["การปรับปรุงการทํางาน", "", "52.65"],
        ["การเปิดเผยข้อมูล", "", "๓๕.๕ญ"],
        ["การป้องกันการทุจริต", "10", "2๕.๐๐"],
    ]
    /// The page's lines above the table as OCR read them, under a title line naming the year (the
    /// scan's year is printed on its other pages).
    static let prose = ["ผลการประเมินคุณธรรมและความโปร่งใสในการดําเนินงานของหน่วยงานภาครัฐ ประจําปีงบประมาณ พ.ศ. 2567",
                        "การวิเคราะห์ผลการประเมินคุณธรรมและความ",
                        "โปร่งใสในการดําเนินงานของหน่วยงานภาครัฐ (ITA)",
                        "เทศบาลนครตะขบ อําเภอปักธงชัย จังหวัดนครราชสีมา",
                        "คะแนนภาพรวมของหน่วยงาน",
                        "ผการลประเมินรายตัวชีวัด"]

    /// `after`: prose lines printed below the table.
    static func layout(_ rows: [[String]], prose: [String] = prose, after: [String] = []) throws -> DocumentLayout {
        try RuledTableLayout.make(rows, columns: [60...300, 300...360, 360...520], prose: prose, after: after)
    }

    /// Row 10 prints its number beside its name: the middle column is the number column, and the
    /// rows with nothing in it are named by their names (what OCR read of their scores is the
    /// pipeline's to keep or drop: `OCRScorePolicy`).
    func testABlankNumberColumnShownByAnotherRowLetsTheNamesNameTheRows() throws {
        let r = try FieldsTestLayout.interpret(layout: Self.layout(Self.rows))
        let read = Dictionary(r.indicators.map { ($0.indicator, $0.score) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(read[2], "86.13")
        XCTAssertEqual(read[4], "84.19")
        XCTAssertEqual(read[7], "58.67")
        XCTAssertEqual(read[8], "52.65")
        XCTAssertEqual(read[10], "25.00")
        XCTAssertEqual(Set(r.indicators.compactMap(\.year)), [2567])
    }

    /// Without the one row that shows the column holds numbers, a "name | score" row may be a chart's
    /// legend or a summary's: no row is named by its name alone.
    func testWithoutAnyNumberReadTheRowsAreNotTaken() throws {
        var rows = Self.rows
        rows[10][1] = ""
        let r = try FieldsTestLayout.interpret(layout: Self.layout(rows))
        XCTAssertEqual(r.indicators.map(\.indicator), [])
    }

    /// The same table with no year in its header and none in a caption, the overall score printed
    /// below it (so the table does not follow the score's sentence): it is the document's only
    /// indicator table, all OCR'd, so it is the assessment year's when its values admit the printed
    /// overall score (53.42, the report's own): with each unread indicator anywhere from 0 to 100 the
    /// weighted tool means reach it. A printed 97.00 they cannot reach: the table is left out, said.
    func testTheOnlyOCRdTableTakesTheAssessmentYearWhenItsValuesAdmitTheOverallScore() throws {
        var rows = Self.rows
        rows[0][2] = "คะแนน"
        func read(_ overall: String) throws -> Interpretation {
            try FieldsTestLayout.interpret(layout: Self.layout(rows, after: ["ได้คะแนน \(overall) คะแนน อยู่ในระดับ ต้องปรับปรุงโดยด่วน"]))
        }
        let r = try read("53.42")
        XCTAssertEqual(r.fields.overallScore?.value, "53.42")
        XCTAssertEqual(r.indicators.filter { $0.year == 2567 }.map(\.indicator), [2, 4, 7, 8, 10])
        XCTAssertEqual(Set(r.indicators.map { $0.source?.via }), [OnlyIndicatorTable.via])
        XCTAssertEqual(r.warnings.filter { $0.code == .indicatorTableYearInferred }.count, 1)
        let high = try read("97.00")
        XCTAssertEqual(high.indicators.map(\.indicator), [])
        XCTAssertTrue(high.warnings.contains { $0.code == .indicatorTableYearUnknown })
        // Four of ten read (row 8's score lost too): the range the unread six leave says nothing.
        rows[8][2] = "ส1.56"
        let few = try read("53.42")
        XCTAssertEqual(few.indicators.filter { $0.year != nil }.map(\.indicator), [])
        XCTAssertFalse(few.warnings.contains { $0.code == .indicatorTableYearInferred })
    }

    /// The only-table rule holds only where nothing else in the document dates the table: a prose
    /// sentence giving indicator 2 another value (the table may be another year's), or a multi-year
    /// table beside it, leave it out as before.
    func testProseOrAnotherTableThatDisagreesKeepsTheYearUnknown() throws {
        var rows = Self.rows
        rows[0][2] = "คะแนน"
        let overall = "ได้คะแนน 53.42 คะแนน อยู่ในระดับ ต้องปรับปรุงโดยด่วน"
        let prose = try FieldsTestLayout.interpret(layout: Self.layout(rows, after: [overall,
            "ตัวชี้วัดที่ 2 การใช้งบประมาณ ได้คะแนน 70.00 คะแนน"]))
        XCTAssertFalse(prose.warnings.contains { $0.code == .indicatorTableYearInferred })
        XCTAssertFalse(prose.indicators.contains { $0.source?.via == OnlyIndicatorTable.via })
        // The same prose giving the table's own value says nothing against it.
        let agreeing = try FieldsTestLayout.interpret(layout: Self.layout(rows, after: [overall,
            "ตัวชี้วัดที่ 2 การใช้งบประมาณ ได้คะแนน 86.13 คะแนน"]))
        XCTAssertTrue(agreeing.warnings.contains { $0.code == .indicatorTableYearInferred })
    }

    /// The rule's other refusals, each alone on the rows the table above read (2, 4, 7, 8, 10, OCR'd,
    /// under an overall score of 53.42 that their range admits): a multi-year table elsewhere in the
    /// document, a piece the strict rules dated as another year's, an indicator twice among the
    /// pieces (two tables, not one cut by unread rows), and a row from a text layer each leave the
    /// year unknown (review finding 14).
    func testAMultiYearTableADatedPieceATwiceReadIndicatorOrATextRowRefuseTheRule() throws {
        var rows = Self.rows
        rows[0][2] = "คะแนน"
        let layout = try Self.layout(rows, after: ["ได้คะแนน 53.42 คะแนน อยู่ในระดับ ต้องปรับปรุงโดยด่วน"])
        let reader = try StageRoad(mappings: FieldsTestLayout.mappings).reader(layout, mappings: FieldsTestLayout.mappings)
        let r = try FieldsTestLayout.interpret(layout: layout)
        let read = r.indicators.filter { $0.source?.via == OnlyIndicatorTable.via }
            .map { (number: $0.indicator, score: $0.score, recognised: true) }
        XCTAssertEqual(read.map(\.number), [2, 4, 7, 8, 10])
        func year(_ pieces: [OnlyIndicatorTable.Piece], multiYear: Bool = false) -> Int? {
            OnlyIndicatorTable(pieces: pieces, multiYearPrinted: multiYear, prose: [])
                .assessmentYear(fields: r.fields, reader: reader)?.year
        }
        let whole = OnlyIndicatorTable.Piece(rows: read, year: nil, page: 1)
        XCTAssertEqual(year([whole]), 2567)
        XCTAssertNil(year([whole], multiYear: true), "a multi-year table elsewhere")
        let firstTwo = OnlyIndicatorTable.Piece(rows: Array(read.prefix(2)), year: nil, page: 1)
        var rest = OnlyIndicatorTable.Piece(rows: Array(read.dropFirst(2)), year: nil, page: 2)
        XCTAssertEqual(year([firstTwo, rest]), 2567, "one table cut by unread rows")
        rest.year = 2566
        XCTAssertNil(year([firstTwo, rest]), "a piece dated as another year's")
        rest.year = 2567
        XCTAssertEqual(year([firstTwo, rest]), 2567, "a piece dated as the assessment year's")
        XCTAssertNil(year([whole, firstTwo]), "indicators 2 and 4 twice")
        var text = whole
        text.rows[0].recognised = false
        XCTAssertNil(year([text]), "a row read from a text layer")
    }
}
