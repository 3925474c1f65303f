import Foundation
import GRDB
import ITAModel
import XCTest
@testable import DatasetWrite

/// panel.csv and the SQLite panel view: one row per (unit_key, assessment_year), values the
/// documents agree on, conflicts flagged and left empty; the database describes itself.
final class PanelTests: XCTestCase {
    /// The fixture's full report as a second document of the same unit and year, and a third of
    /// another year, with `change` applied.
    private func copy(_ id: String, year: Int, _ change: (inout ReportRecord) -> Void = { _ in }) -> ReportRecord {
        var r = Fixtures.ok
        r.docID = id; r.sha256 = id + String(repeating: "0", count: 48); r.sourcePath = "\(id).pdf"
        r.fields.assessmentYear = Fixtures.traced(year, page: 1, raw: "\(year)")
        r.indicators = r.indicators.map { var i = $0; if i.year == 2566 { i.year = year }; return i }
        change(&r)
        return r
    }

    private func keyed(_ r: ReportRecord) -> ReportRecord {
        var r = r
        r.fields.unitKey = Traced("town-67-เพชรบูรณ์", source: nil)
        r.fields.provinceCode = Traced("67", source: nil)
        return r
    }

    func testOneRowPerUnitYearWithConflictsFlagged() throws {
        let records = [
            keyed(Fixtures.ok),
            // Same unit and year: 93.5 equals 93.50 as a number, indicator 1 differs.
            keyed(copy("1111111111111111", year: 2566) { r in
                r.fields.overallScore = Fixtures.traced("93.5", page: 2, raw: "93.5")
                r.indicators[0].score = "99.00"
            }),
            keyed(copy("2222222222222222", year: 2567)),
            Fixtures.partial,  // no unit key: not in the panel
        ]
        let dir = try writeDataset(records)
        let panel = try Fixtures.readCSV(dir.appendingPathComponent("panel.csv"))
        XCTAssertEqual(panel.header, Tables.panel.columnNames)
        XCTAssertEqual(panel.rows.count, 2)
        let first = Dictionary(uniqueKeysWithValues: zip(panel.header, panel.rows[0]))
        XCTAssertEqual(first["unit_key"], "town-67-เพชรบูรณ์")
        XCTAssertEqual(first["assessment_year"], "2566")
        XCTAssertEqual(first["overall_score"], "93.50")
        XCTAssertEqual(first["ind_1"], "")
        XCTAssertEqual(first["ind_9"], "87.5")
        XCTAssertEqual(first["doc_ids"], "1111111111111111;2aeda78c4e04438d")
        XCTAssertEqual(first["conflict"], "1")
        XCTAssertEqual(first["conflict_fields"], "ind_1")
        XCTAssertEqual(first["province_code"], "67")
        let second = Dictionary(uniqueKeysWithValues: zip(panel.header, panel.rows[1]))
        XCTAssertEqual(second["assessment_year"], "2567")
        XCTAssertEqual(second["ind_1"], "100.00")
        XCTAssertEqual(second["conflict"], "0")
        XCTAssertEqual(second["doc_ids"], "2222222222222222")

        let db = try DatabaseQueue(path: dir.appendingPathComponent("dataset.sqlite").path)
        try db.read { db in
            XCTAssertEqual(try Int.fetchOne(db, sql: "PRAGMA user_version"), Int(Manifest.currentSchemaVersion))
            XCTAssertEqual(try Int.fetchOne(db, sql: "PRAGMA application_id"), Int(SQLiteTableWriter.applicationID))
            let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'reports'")
            XCTAssertTrue(Set(indexes).isSuperset(of: ["reports_unit_key", "reports_assessment_year"]), "\(indexes)")
            let plan = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT * FROM reports WHERE unit_key = 'x'")
                .map { $0["detail"] as String? ?? "" }
            XCTAssertTrue(plan.joined().contains("reports_unit_key"), "\(plan)")
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM panel"), 2)
            XCTAssertEqual(try String.fetchOne(db, sql: "SELECT conflict_fields FROM panel WHERE assessment_year = 2566"), "ind_1")
        }
    }
}
