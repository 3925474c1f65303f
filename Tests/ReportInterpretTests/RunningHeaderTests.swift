import Foundation
import ITAModel
import PageLayout
import PDFExtract
import XCTest
@testable import ReportInterpret

/// Running headers and footers (a print date, a title, `เอกสารประกอบการประเมิน o36`, printed on every
/// page by the word processor) are told by their repetition across the document, set apart by the
/// layout before it finds tables, and read by no reader (issue 9; page furniture marked once,
/// issue 10). Both samples are tune seeds of the generator's `running` axis.
final class RunningHeaderTests: XCTestCase {
    /// v000728 (LibreOffice, ruled, page numbers `(๔)` at the top, the footer `พิมพ์เมื่อ ๑๒ ม.ค. ๒๕๖๗`
    /// a year after the assessment): the footer was read as a 2567 year column over the next page's
    /// number, and indicator 3 was written for 2567 with the score 4 (the page number), 9 with 7.
    /// Now the footer is running text on every page, and every indicator is the gold's.
    func testAFooterYearNeverHeadsAScoreColumn() throws {
        let layout = try Self.layout("v000728")
        let pages = layout.pages.filter { !$0.running.isEmpty }
        XCTAssertEqual(pages.count, layout.pages.count, "the footer is printed on every page")
        for page in layout.pages {
            XCTAssertTrue(page.running.allSatisfy { $0.furniture.contains(.running) })
            XCTAssertFalse(page.lines.contains { $0.text.hasPrefix("พิมพ์เมื่อ") }, "page \(page.page)")
            for table in page.tables {
                XCTAssertFalse(table.rows.contains { $0.cells.contains { $0.lines.joined().contains("พิมพ์เมื่อ") } }, "page \(page.page)")
            }
        }
        let interpretation = try StageRoad(mappings: MeasurePlanLayoutTests.mappings).interpret(layout)
        let gold = try Self.goldIndicators("v000728")
        let read = Dictionary(uniqueKeysWithValues: interpretation.indicators.map { ("\($0.year ?? 0)/\($0.indicator)", $0.score) })
        XCTAssertEqual(read, gold)
        XCTAssertFalse(interpretation.indicators.contains { $0.year == 2567 }, "no score column under the footer's year")
        XCTAssertEqual(interpretation.fields.assessmentYear?.value, 2566)
    }

    /// v000733 (LibreOffice, borderless, the header `ข้อมูล ณ วันที่ 25 ธ.ค. 2568`): a borderless table
    /// took the header for its header row, and the plan's last issue cell went on into the next
    /// page's header (`4. การปรับปรุงการทำงานข้อมูล ณ วันที่`). Now no table holds the header, and
    /// the plan is the gold's, row for row.
    func testAHeaderIsNoTableRowAndNoCellGoesOnIntoIt() throws {
        let layout = try Self.layout("v000733")
        // Page 1 is the cover: the header is printed from page 2 on.
        XCTAssertEqual(layout.pages[0].running.map { $0.text }, [])
        for page in layout.pages.dropFirst() {
            XCTAssertEqual(page.running.map { $0.text }, ["ข้อมูล ณ วันที่ 25 ธ.ค. 2568"], "page \(page.page)")
            for table in page.tables {
                XCTAssertFalse(table.rows.contains { $0.cells.contains { $0.lines.joined().contains("ข้อมูล ณ วันที่") } },
                               "page \(page.page)")
            }
        }
        let interpretation = try StageRoad(mappings: MeasurePlanLayoutTests.mappings).interpret(layout)
        let gold = try MeasurePlanLayoutTests.gold("v000733")
        XCTAssertEqual(interpretation.measures.count, gold.count)
        for (row, want) in zip(interpretation.measures, gold.rows) {
            XCTAssertEqual(MeasurePlanLayoutTests.squeeze(row.issue), MeasurePlanLayoutTests.squeeze(want["issue"]))
        }
        XCTAssertEqual(interpretation.fields.assessmentYear?.value, 2567, "not the header's 2568")
        XCTAssertEqual(interpretation.indicators.first { $0.indicator == 10 }?.year, 2567)
    }

    /// A table header row repeated at the top of every page of a long table is repeated text in the
    /// top margin too, but it is where the body starts, as a page of prose starts there: it is no
    /// running text. v000513 (a plan's two-row header over 3 pages, a wide band under it) and
    /// v000514 (`ประเด็นข้อคำถาม | คะแนน` over 6 pages) were taken for running text by an earlier rule
    /// (a blank band under the line 1.5 times its height), and their plans and question texts
    /// changed; v000152 (a question table over 8 pages), v000436 and v000426 (plans over pages).
    /// No seed report has running text either.
    func testRepeatedTableHeadersAreNotRunningText() throws {
        for name in ["v000513", "v000514", "v000152", "v000436", "v000426", "v000056", "v000234"] {
            let layout = try Self.layout(name)
            XCTAssertEqual(layout.pages.flatMap(\.running).map(\.text), [], name)
        }
        let seeds = MeasurePlanLayoutTests.variants.deletingLastPathComponent().appendingPathComponent("seeds")
        for name in ["s000-thesaban-mueang", "s002-obt", "s003-thesaban-tambon"] {
            let pdf = try PDFExtractor.read(path: seeds.appendingPathComponent(name + ".pdf").path)
            let layout = LayoutAnalyser.analyse(pdf, furniture: try .checkedIn())
            XCTAssertEqual(layout.pages.flatMap(\.running).map(\.text), [], name)
        }
    }

    /// Repetition, not position alone: the key leaves out digits and white space (a page number or
    /// a date inside a running line changes from page to page), and nothing else.
    func testTheRepetitionKeyLeavesOutDigitsOnly() {
        XCTAssertEqual(PageFurniture.runningKey("หน้า ๓ จาก 12"), PageFurniture.runningKey("หน้า 4 จาก ๑๒"))
        XCTAssertEqual(PageFurniture.runningKey("พิมพ์เมื่อ 12 ม.ค. 2567"), PageFurniture.runningKey("พิมพ์เมื่อ  ๑๒ ม.ค.  ๒๕๖๘"))
        XCTAssertNotEqual(PageFurniture.runningKey("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่"), PageFurniture.runningKey("ตัวชี้วัดที่ 2 การใช้งบประมาณ"))
        XCTAssertNotEqual(PageFurniture.runningKey("เอกสารประกอบ ข้อ o36"), PageFurniture.runningKey("เอกสารประกอบ ข้อ o40"),
                          "a code's digits stay")
        XCTAssertEqual(PageFurniture.runningKey("เอกสารประกอบ o36 หน้า 3"), PageFurniture.runningKey("เอกสารประกอบ o36 หน้า 4"))
    }

    // MARK: - support

    static func layout(_ name: String) throws -> DocumentLayout {
        let pdf = try PDFExtractor.read(path: MeasurePlanLayoutTests.variants.appendingPathComponent(name + ".pdf").path)
        return LayoutAnalyser.analyse(pdf, furniture: try .checkedIn())
    }

    /// The gold's indicator scores, "year/indicator" → score.
    static func goldIndicators(_ name: String) throws -> [String: String] {
        let data = try Data(contentsOf: MeasurePlanLayoutTests.variants.appendingPathComponent(name + ".json"))
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let list = try XCTUnwrap(root["indicator_scores"] as? [[String: Any]])
        var out: [String: String] = [:]
        for i in list {
            out["\(try XCTUnwrap(i["year"] as? Int))/\(try XCTUnwrap(i["indicator"] as? Int))"] = try XCTUnwrap(i["score"] as? String)
        }
        return out
    }
}
