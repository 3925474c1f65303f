import Foundation
import ITAModel
import PageLayout
@testable import ReportInterpret
import XCTest

/// Indicator scores printed only in sentences (`ตัวชี้วัดที่ ๒ การใช้งบประมาณ ได้ 90.03 คะแนน ...`), on two
/// samples of the fresh tune range 2600-2999 where a prose reading came out wrong with status `ok`.
final class ProseIndicatorTests: XCTestCase {
    /// v002736 (Chromium, page numbers at the top): indicator 2's line wraps at the page's foot and the
    /// next page starts with its page number `(๘)`. The line was taken for a label and the page number
    /// for its score: 8 was written for 90.03. A page number is never a score.
    func testAPageNumberAfterAWrappedLineIsNoScore() throws {
        let read = try CommittedSample.interpret("v002736")
        let gold = try CommittedSample.goldIndicators("v002736")
        XCTAssertEqual(gold.count, 10)
        let got = Dictionary(uniqueKeysWithValues: read.indicators.map { ("\($0.year.map(String.init) ?? "-")/\($0.indicator)", $0.score) })
        XCTAssertEqual(got, gold)
        // The page number is on the page, marked as one by the layout: the test would pass vacuously
        // if it were not there to be misread.
        let layout = try CommittedSample.layout("v002736")
        let page8 = try XCTUnwrap(layout.pages.first { $0.page == 8 })
        XCTAssertTrue(page8.lines.contains { $0.text == "(๘)" && $0.furniture.contains(.pageNumber) })
        // The row the page number makes is no score row.
        let v = try ITAVocabulary(mappings: CommittedSample.mappings)
        let cell = CellRow.Cell(text: "(๘)", box: Box(x0: 287, y0: 31, x1: 307, y1: 59), raw: "(๘)")
        var row = CellRow(cells: [cell], page: 8, box: cell.box, lineIndex: 0, lastLineIndex: 0)
        guard case .scoresOnly = IndicatorRows.parse(row, v, InterpretSettings()) else {
            return XCTFail("without the furniture mark the same text should read as a score (else this test shows nothing)")
        }
        row.furniture = .pageNumber
        guard case .other = IndicatorRows.parse(row, v, InterpretSettings()) else { return XCTFail("a page number was read as a score") }
    }

    /// v002992 (LibreOffice, no cover): the plan's title `มาตรการส่งเสริม...ภายในหน่วยงาน ประจำปีงบประมาณ
    /// พ.ศ.๒๕๖๙` runs into one text block with the first indicator sentences. The year printed before
    /// indicator 1 was the plan's, and indicator 1 was filed under 2569 while 2-10 went to 2568.
    func testAPlanTitlesYearIsNoResultsYear() throws {
        let read = try CommittedSample.interpret("v002992")
        XCTAssertEqual(read.fields.assessmentYear?.value, 2568)
        XCTAssertEqual(read.fields.planYear?.value, 2569)
        let gold = try CommittedSample.goldIndicators("v002992")
        XCTAssertEqual(gold.count, 10)
        let got = Dictionary(uniqueKeysWithValues: read.indicators.map { ("\($0.year.map(String.init) ?? "-")/\($0.indicator)", $0.score) })
        XCTAssertEqual(got, gold)
    }
}
