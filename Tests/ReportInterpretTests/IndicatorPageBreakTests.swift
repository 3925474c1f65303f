import Foundation
import ITAModel
import XCTest
@testable import ReportInterpret

/// An indicator table cut by a page break with no header repeated on the next page (issue 9):
/// the rows at the top of that page are read as the earlier ones. Read from the committed
/// generator samples Corpus/variants, whose gold lists every indicator score as printed.
final class IndicatorPageBreakTests: XCTestCase {
    static func gold(_ name: String) throws -> [Int: String] {
        let data = try Data(contentsOf: MeasurePlanLayoutTests.variants.appendingPathComponent(name + ".json"))
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let rows = try XCTUnwrap(root["indicator_scores"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: try rows.map { (try XCTUnwrap($0["indicator"] as? Int), try XCTUnwrap($0["score"] as? String)) })
    }

    /// v000208 (LibreOffice, borderless, `N | tool | name | score`): indicator 10 stands alone at the
    /// top of page 12, outside any table the layout found, its tool cell wrapped around its line
    /// (`แบบวัดการเปิดเผย` / `๑๐ | ข้อมูลสาธารณะ | การป้องกันการทุจริต | ๖๑.๒๕` / `(OIT)`). The line held two
    /// cells of words and read as nothing; the other nine alone do not give the printed overall
    /// score, so the table's year was unknown and all ten were left out.
    func testLastRowAloneOnTheNextPageWithItsToolCellWrappedAroundIt() throws {
        let i = try CommittedSample.interpret("v000208")
        let expected = try Self.gold("v000208")
        XCTAssertEqual(expected.count, 10)
        let read = Dictionary(uniqueKeysWithValues: i.indicators.filter { $0.year == 2567 }.map { ($0.indicator, $0.score) })
        XCTAssertEqual(read, expected)
        let ten = try XCTUnwrap(i.indicators.first { $0.indicator == 10 })
        XCTAssertEqual(ten.source?.page, 12)
        XCTAssertEqual(ten.source?.cells.first { $0.contains("ข้อมูลสาธารณะ") }, "แบบวัดการเปิดเผย ข้อมูลสาธารณะ (OIT)")
        XCTAssertFalse(i.warnings.contains { $0.code == .indicatorTableYearUnknown })
    }

    /// v001495 (fresh tune 1451-1500, LibreOffice, borderless, multi-year `tool | N. name | 2566 |
    /// 2567`): indicator 10 stands alone at the top of page 7, outside any table, its label wrapped
    /// around its scores line (`10. การป้องกันการ` / `OIT | 86.92 | 100.00` / `ทุจริต`). Scores beside
    /// a tool cell read as nothing, so both years lost indicator 10. They are the label's scores
    /// above them when the tool is the indicator's own.
    func testScoresBesideAToolCellUnderTheirWrappedLabel() throws {
        let i = try CommittedSample.interpret("v001495")
        let gold = try CommittedSample.goldIndicators("v001495")
        XCTAssertEqual(gold.count, 20)
        var read: [String: String] = [:]
        for s in i.indicators { read["\(s.year.map(String.init) ?? "?")/\(s.indicator)"] = s.score }
        XCTAssertEqual(read, gold)
        XCTAssertEqual(i.indicators.first { $0.indicator == 10 }?.source?.page, 7)
        // A tool's score row ("OIT | 85.00") under a label of another tool's indicator is not its score.
        let v = try ITAVocabulary(mappings: MeasurePlanLayoutTests.mappings)
        let cells = ["OIT", "86.92", "100.00"].enumerated().map { k, t in
            CellRow.Cell(text: t, box: Box(x0: 60 + 150 * Double(k), y0: 73, x1: 200 + 150 * Double(k), y1: 89), raw: t)
        }
        guard case .scoresOnly(let scores, let tool) = IndicatorRows.parse(CellRow(cells: cells, page: 7, box: Box.union(cells.map(\.box))!, lineIndex: 0, lastLineIndex: 0), v, InterpretSettings()) else {
            return XCTFail("not read as scores beside a tool")
        }
        XCTAssertEqual(scores.map(\.0), ["86.92", "100.00"])
        XCTAssertEqual(tool, .oit)
    }

    /// v000346 (Chromium, borderless, page numbers at the top): the page number `- ๗ -` above the
    /// table continued on page 7 falls in its columns, and the layout took its pieces into the
    /// first row's cells (`-` over `๖. คุณภาพการดำเนินงาน`, `๗ -` over `๗๕.๙๕`): indicator 6 was not read.
    func testPageNumberTakenIntoTheFirstRowOfTheContinuedTable() throws {
        let i = try CommittedSample.interpret("v000346")
        let read = Dictionary(uniqueKeysWithValues: i.indicators.filter { $0.year == 2568 }.map { ($0.indicator, $0.score) })
        XCTAssertEqual(read, try Self.gold("v000346"))
        let six = try XCTUnwrap(i.indicators.first { $0.indicator == 6 })
        XCTAssertEqual(six.score, "75.95")
        XCTAssertEqual(six.source?.page, 7)
        XCTAssertFalse(six.source?.cells.contains { $0.contains("-") } ?? true, "the page number's pieces are not the row's")
    }
}
