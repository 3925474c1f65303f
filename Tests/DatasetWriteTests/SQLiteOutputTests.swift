import Foundation
import GRDB
import ITAModel
import XCTest
@testable import DatasetWrite

/// dataset.sqlite: the same rows as the CSVs, typed, keyed and consistent.
final class SQLiteOutputTests: XCTestCase {
    func testTablesRowsAndTypes() throws {
        let dir = try writeDataset()
        let db = try DatabaseQueue(path: dir.appendingPathComponent("dataset.sqlite").path)
        try db.read { db in
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA journal_mode"), "delete")
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM reports"), 3)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM indicator_scores"), 5)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM question_scores"), 3)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM measures"), 2)
            XCTAssertEqual(try String.fetchAll(db, sql: "SELECT doc_id FROM errors ORDER BY rowid"),
                           [Fixtures.partial.docID, Fixtures.failed.docID])

            let ok = try XCTUnwrap(Row.fetchOne(db, sql: "SELECT * FROM reports WHERE doc_id = ?",
                                                arguments: [Fixtures.ok.docID]))
            XCTAssertEqual(ok["unit_name"] as String?, "เทศบาลเมืองเพชรบูรณ์")
            XCTAssertEqual(ok["assessment_year"] as Int?, 2566)
            XCTAssertEqual(ok["overall_score"] as String?, "93.50")
            XCTAssertEqual(ok["overall_score_value"] as Double?, 93.5)
            XCTAssertNil(ok["previous_score_value"] as Double?)
            XCTAssertEqual(try String.fetchOne(db, sql: "SELECT typeof(pages) || typeof(overall_score) || typeof(overall_score_value) FROM reports WHERE doc_id = ?", arguments: [Fixtures.ok.docID]),
                           "integertextreal")
            // Not found is NULL, never 0.
            XCTAssertEqual(try String.fetchOne(db, sql: "SELECT typeof(assessment_year) FROM reports WHERE doc_id = ?",
                                               arguments: [Fixtures.partial.docID]), "null")
            let m = try XCTUnwrap(Row.fetchOne(db, sql: "SELECT * FROM measures WHERE row_no = 1"))
            XCTAssertEqual(m["steps"] as String?, "1. จัดทำแผน\n2. ประกาศ\r\n3. รายงานผล")
            XCTAssertEqual(try Double.fetchAll(db, sql: "SELECT score_value FROM indicator_scores ORDER BY doc_id, row_no"),
                           [100, 87.5, 70, 80, 77.7])
            XCTAssertEqual(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count, 0)
        }
    }

    func testKeysAreDeclared() throws {
        let dir = try writeDataset()
        let db = try DatabaseQueue(path: dir.appendingPathComponent("dataset.sqlite").path)
        try db.read { db in
            XCTAssertEqual(try db.primaryKey("reports").columns, ["doc_id"])
            XCTAssertEqual(try db.primaryKey("errors").columns, ["doc_id"])
            for t in ["indicator_scores", "question_scores", "measures"] {
                XCTAssertEqual(try db.primaryKey(t).columns, ["doc_id", "row_no"], t)
                let fks = try db.foreignKeys(on: t)
                XCTAssertEqual(fks.map(\.destinationTable), ["reports"], t)
                XCTAssertEqual(fks.first?.mapping.map(\.origin), ["doc_id"], t)
            }
            // The natural key with a NULL year is still unique: SQLite refuses a second (doc, NULL, 2).
            XCTAssertThrowsError(try db.execute(sql: """
                INSERT INTO indicator_scores (doc_id, year, indicator, tool, score, page, row_no)
                VALUES ('e19099ab930f905d', NULL, 2, 'IIT', '1.00', 1, 99)
                """))
            // A row for an unknown document breaks the foreign key.
            XCTAssertThrowsError(try db.execute(sql: """
                INSERT INTO measures (doc_id, page, row_no) VALUES ('0000000000000000', 1, 1)
                """))
        }
    }

    /// A score still in Thai digits is written as printed, flagged, and has no REAL value.
    func testNonDecimalScoreIsKeptAndFlagged() throws {
        var r = Fixtures.ok
        r.indicators[0].score = "๙๓.๕๗"
        r.fields.overallScore = Fixtures.traced("93.5.7", page: 2, raw: "93.5.7")
        let dir = try writeDataset([r])
        let db = try DatabaseQueue(path: dir.appendingPathComponent("dataset.sqlite").path)
        try db.read { db in
            let row = try XCTUnwrap(Row.fetchOne(db, sql: "SELECT score, score_value FROM indicator_scores WHERE row_no = 1"))
            XCTAssertEqual(row["score"] as String?, "๙๓.๕๗")
            XCTAssertNil(row["score_value"] as Double?)
            XCTAssertNil(try Double.fetchOne(db, sql: "SELECT overall_score_value FROM reports"))
            XCTAssertEqual(try String.fetchOne(db, sql: "SELECT warnings FROM reports"),
                           "indicator_mean_mismatch;score_not_decimal")
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT warning_count FROM reports"), 3)
            // The other scores are untouched.
            XCTAssertEqual(try Double.fetchOne(db, sql: "SELECT score_value FROM indicator_scores WHERE row_no = 2"), 87.5)
        }
        XCTAssertTrue(RecordRows.isASCIIDecimal("100.00"))
        XCTAssertTrue(RecordRows.isASCIIDecimal("7"))
        for s in ["", ".5", "5.", "1.2.3", "๙๓.๕๗", "-1", "9 3", "1e3"] { XCTAssertFalse(RecordRows.isASCIIDecimal(s), s) }
    }
}
