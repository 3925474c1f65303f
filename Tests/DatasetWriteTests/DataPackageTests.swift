import Foundation
import XCTest
@testable import DatasetWrite

/// datapackage.json describes the CSV files as they are.
final class DataPackageTests: XCTestCase {
    func testEverySchemaMatchesItsCSVHeader() throws {
        let dir = try writeDataset()
        let data = try Data(contentsOf: dir.appendingPathComponent("datapackage.json"))
        let package = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(package["profile"] as? String, "tabular-data-package")
        // The gazetteer behind the *_code columns is credited (CC BY 4.0 asks for it).
        let sources = try XCTUnwrap(package["sources"] as? [[String: Any]])
        XCTAssertTrue((sources.first?["title"] as? String ?? "").contains("Department of Provincial Administration"))
        let licenses = try XCTUnwrap(package["licenses"] as? [[String: Any]])
        XCTAssertEqual(licenses.first?["name"] as? String, "CC-BY-4.0")
        let resources = try XCTUnwrap(package["resources"] as? [[String: Any]])
        XCTAssertEqual(resources.map { $0["path"] as? String },
                       ["reports.csv", "indicator_scores.csv", "question_scores.csv", "measures.csv", "panel.csv"])
        for r in resources {
            let path = try XCTUnwrap(r["path"] as? String)
            XCTAssertEqual(r["encoding"] as? String, "utf-8")
            let dialect = try XCTUnwrap(r["dialect"] as? [String: Any])
            XCTAssertEqual(dialect["delimiter"] as? String, ",")
            XCTAssertEqual(dialect["lineTerminator"] as? String, "\n")
            let schema = try XCTUnwrap(r["schema"] as? [String: Any])
            let fields = try XCTUnwrap(schema["fields"] as? [[String: Any]])
            let header = try Fixtures.readCSV(dir.appendingPathComponent(path)).header
            XCTAssertEqual(fields.map { $0["name"] as? String }, header, path)
            for f in fields { XCTAssertTrue(["string", "integer", "number"].contains(f["type"] as? String ?? "")) }
            let types = Dictionary(uniqueKeysWithValues: fields.map { ($0["name"] as! String, $0["type"] as! String) })
            let primaryKey = try XCTUnwrap(schema["primaryKey"] as? [String])
            XCTAssertTrue(Set(primaryKey).isSubset(of: Set(header)), path)
            let foreignKeys = try XCTUnwrap(schema["foreignKeys"] as? [[String: Any]])
            if path == "panel.csv" {
                XCTAssertEqual(primaryKey, ["unit_key", "assessment_year"])
                XCTAssertTrue(foreignKeys.isEmpty)
                XCTAssertEqual(types["ind_10"], "number")
            } else if path == "reports.csv" {
                XCTAssertEqual(primaryKey, ["doc_id"])
                XCTAssertTrue(foreignKeys.isEmpty)
                XCTAssertEqual(types["overall_score"], "number")
                XCTAssertEqual(types["assessment_year"], "integer")
            } else {
                XCTAssertEqual(foreignKeys.count, 1, path)
                let reference = try XCTUnwrap(foreignKeys.first?["reference"] as? [String: Any])
                XCTAssertEqual(reference["resource"] as? String, "reports")
                XCTAssertEqual(reference["fields"] as? [String], ["doc_id"])
                XCTAssertEqual(types["page"], "integer")
            }
        }
    }
}
