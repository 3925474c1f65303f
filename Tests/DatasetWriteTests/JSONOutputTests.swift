import Foundation
import ITAModel
import XCTest
@testable import DatasetWrite

/// reports.jsonl, errors.jsonl and manifest.json.
final class JSONOutputTests: XCTestCase {
    private func lines(_ url: URL) throws -> [[String: Any]] {
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(text.hasSuffix("\n"))
        return try text.split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    func testReportsJSONLHoldsValuesAndProvenance() throws {
        let dir = try writeDataset()
        let objects = try lines(dir.appendingPathComponent("reports.jsonl"))
        XCTAssertEqual(objects.map { $0["doc_id"] as? String }, Fixtures.all.map(\.docID))
        // Every object has the same keys, CSV names for the report values.
        let keys = Set(objects[0].keys)
        for o in objects { XCTAssertEqual(Set(o.keys), keys) }
        let csvNames = Tables.reports.columnNames.filter { !["warning_count", "error_stage", "error_reason"].contains($0) }
        XCTAssertTrue(Set(csvNames).isSubset(of: keys), "\(Set(csvNames).subtracting(keys))")

        let ok = objects[0]
        XCTAssertEqual(ok["unit_name"] as? String, "เทศบาลเมืองเพชรบูรณ์")
        XCTAssertEqual(ok["assessment_year"] as? Int, 2566)
        XCTAssertEqual(ok["overall_score"] as? String, "93.50")
        XCTAssertTrue(ok["previous_score"] is NSNull)
        let prov = try XCTUnwrap(ok["provenance"] as? [String: [String: Any]])
        XCTAssertEqual(prov["unit_name"]?["raw"] as? String, "เทศบาลเมืองเพชรบูรณ ์")
        XCTAssertEqual(prov["assessment_year"]?["raw"] as? String, "๒๕๖๖")
        XCTAssertEqual(prov["overall_score"]?["page"] as? Int, 2)
        let box = try XCTUnwrap(prov["unit_name"]?["box"] as? [String: Double])
        XCTAssertEqual(box["y0"], 100.12)
        XCTAssertNil(prov["previous_score"])
        let measures = try XCTUnwrap(ok["measures"] as? [[String: Any]])
        XCTAssertEqual(measures[0]["steps"] as? String, "1. จัดทำแผน\n2. ประกาศ\r\n3. รายงานผล")
        XCTAssertEqual((measures[0]["source"] as? [String: Any])?["raw"] as? String, "เผยแพร่")
        XCTAssertTrue(measures[1]["source"] is NSNull)
        let indicators = try XCTUnwrap(ok["indicator_scores"] as? [[String: Any]])
        XCTAssertEqual(indicators.map { $0["score"] as? String }, ["100.00", "87.5", "70.00"])
        XCTAssertEqual(indicators.map { $0["tool"] as? String }, ["IIT", "OIT", "OIT"])

        // The failed document keeps no values but its error.
        let failed = objects[2]
        XCTAssertTrue(failed["unit_name"] is NSNull)
        XCTAssertEqual((failed["indicator_scores"] as? [Any])?.count, 0)
        XCTAssertEqual((failed["error"] as? [String: String])?["reason"], "encrypted")

        // Keys are sorted, so the line is stable.
        let firstLine = try String(contentsOf: dir.appendingPathComponent("reports.jsonl"), encoding: .utf8)
            .split(separator: "\n")[0]
        XCTAssertTrue(firstLine.hasPrefix("{\"assessment_year\":2566,\"district\":"), String(firstLine.prefix(60)))
        XCTAssertTrue(firstLine.contains("\"source_path\":\"reports/2566/เพชรบูรณ์, เมือง.pdf\""))
    }

    func testErrorsJSONLHasFailedAndPartialDocuments() throws {
        let dir = try writeDataset()
        let objects = try lines(dir.appendingPathComponent("errors.jsonl"))
        XCTAssertEqual(objects.count, 2)
        let partial = objects[0], failed = objects[1]
        XCTAssertEqual(partial["doc_id"] as? String, Fixtures.partial.docID)
        XCTAssertEqual(partial["status"] as? String, "partial")
        XCTAssertEqual(partial["reason"] as? String, "ocr_pages")
        XCTAssertEqual(partial["pages"] as? Int, 3)
        XCTAssertEqual((partial["warnings"] as? [[String: Any]])?.map { $0["code"] as? String },
                       ["ocr_pages", "ocr_pages", "nothing_found", "duplicate_indicator_row"])
        XCTAssertTrue((partial["message"] as? String)?.contains("no measures table found") == true)
        XCTAssertEqual(failed["doc_id"] as? String, Fixtures.failed.docID)
        XCTAssertEqual(failed["source_path"] as? String, "broken.pdf")
        XCTAssertEqual(failed["status"] as? String, "failed")
        XCTAssertEqual(failed["stage"] as? String, "read")
        XCTAssertEqual(failed["reason"] as? String, "encrypted")
        XCTAssertEqual(failed["message"] as? String, "the PDF is encrypted")
        XCTAssertTrue(failed["pages"] is NSNull)
    }

    func testManifestCountsAndTimings() throws {
        let dir = try writeDataset()
        let data = try Data(contentsOf: dir.appendingPathComponent("manifest.json"))
        let o = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(o["schema_version"] as? String, "1")
        XCTAssertEqual(o["tool_version"] as? String, "0.1.0")
        XCTAssertEqual(o["mappings_version"] as? String, "1")
        let counts = try XCTUnwrap(o["counts"] as? [String: Int])
        XCTAssertEqual(counts, ["documents": 3, "ok": 1, "partial": 1, "failed": 1, "indicator_rows": 5,
                                "question_rows": 3, "measure_rows": 2, "warnings": 5])
        let inputs = try XCTUnwrap(o["inputs"] as? [[String: Any]])
        XCTAssertEqual(inputs.map { $0["doc_id"] as? String }, Fixtures.all.map(\.docID))
        XCTAssertEqual(inputs.map { $0["status"] as? String }, ["ok", "partial", "failed"])
        XCTAssertEqual(o["files"] as? [String], DatasetWriter.fileNames)
        let timings = try XCTUnwrap(o["timings"] as? [String: Any])
        XCTAssertNotNil(timings["started_at"] as? String)
        XCTAssertNotNil(timings["finished_at"] as? String)
        XCTAssertEqual((timings["stage_seconds"] as? [String: Double])?["extract"], 1.25)
        // It decodes back into the Swift type (QualityTools reads it).
        let m = try JSONDecoder.iso8601.decode(Manifest.self, from: data)
        XCTAssertEqual(m.counts.measureRows, 2)
        XCTAssertEqual(m.inputs.first?.bytes, 1234)
    }
}

extension JSONDecoder {
    static var iso8601: JSONDecoder { let d = JSONDecoder(); d.dateDecodingStrategy = .iso8601; return d }
}
