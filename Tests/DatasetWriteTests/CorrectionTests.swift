import Foundation
import ITAModel
import XCTest
@testable import DatasetWrite

/// A corrections file changes exactly the values it names, marks them in provenance, and reports
/// the lines that match nothing.
final class CorrectionTests: XCTestCase {
    private func file(_ lines: [String]) throws -> Corrections {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("corrections-\(UUID().uuidString).jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        return try Corrections.load(path: url.path)
    }

    func testCorrectionsChangeExactlyTheNamedValues() throws {
        let sha = Fixtures.ok.sha256
        let fixes = try file([
            #"{"sha256": "\#(sha)", "table": "indicator_scores", "key": {"year": 2566, "indicator": 9}, "field": "score", "value": "88.50", "reason": "page 3 prints 88.50"}"#,
            #"{"sha256": "\#(sha)", "table": "reports", "field": "district", "value": "=เมืองเพชรบูรณ์", "reason": "test text that looks like a formula"}"#,
            #"{"sha256": "\#(sha)", "table": "measures", "key": {"row_no": 2}, "field": "owner", "value": "กองช่าง", "reason": "owner printed on page 9"}"#,
            "",
            #"{"sha256": "\#(sha)", "table": "question_scores", "key": {"year": 2566, "code": "i99"}, "field": "score", "value": "1.00", "reason": "no such question"}"#,
        ])
        let plain = try writeDataset(name: "plain")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("corrected-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let writer = try DatasetWriter(outputDirectory: dir, corrections: fixes)
        for r in Fixtures.all { try writer.write(r) }
        try writer.finish(manifest: Fixtures.manifest(Fixtures.all))

        // Every CSV cell is the same as without corrections, except the three named.
        var changed: [String] = []
        for t in ["reports", "indicator_scores", "question_scores", "measures"] {
            let a = try Fixtures.readCSV(plain.appendingPathComponent("\(t).csv"))
            let b = try Fixtures.readCSV(dir.appendingPathComponent("\(t).csv"))
            XCTAssertEqual(a.rows.count, b.rows.count, t)
            for (ra, rb) in zip(a.rows, b.rows) {
                for (i, (x, y)) in zip(ra, rb).enumerated() where x != y { changed.append("\(t).\(a.header[i]): \(x) -> \(y)") }
            }
        }
        XCTAssertEqual(changed.sorted(), [
            "indicator_scores.score: 87.5 -> 88.50",
            "measures.owner:  -> กองช่าง",
            "reports.district: เมืองเพชรบูรณ์ -> =เมืองเพชรบูรณ์",
        ])

        // Provenance: via correction, the extracted value and the reason kept.
        let line = try String(contentsOf: dir.appendingPathComponent("reports.jsonl"), encoding: .utf8)
            .split(separator: "\n").first!
        let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        let district = (o["provenance"] as! [String: Any])["district"] as! [String: Any]
        XCTAssertEqual(district["via"] as? String, "correction")
        XCTAssertEqual(district["extracted"] as? String, "เมืองเพชรบูรณ์")
        XCTAssertEqual(district["raw"] as? String, "อำเภอเมืองเพชรบูรณ์")
        let ind = (o["indicator_scores"] as! [[String: Any]])[1]["source"] as! [String: Any]
        XCTAssertEqual(ind["via"] as? String, "correction")
        XCTAssertEqual(ind["extracted"] as? String, "87.5")
        XCTAssertEqual(ind["field"] as? String, "score")
        XCTAssertEqual(ind["reason"] as? String, "page 3 prints 88.50")

        // The line that matched nothing is in the manifest.
        let m = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("manifest.json"))) as! [String: Any]
        let c = m["corrections"] as! [String: Any]
        XCTAssertEqual(c["applied"] as? Int, 3)
        XCTAssertEqual(c["lines"] as? Int, 4)
        let unmatched = c["unmatched"] as! [[String: Any]]
        XCTAssertEqual(unmatched.map { $0["line"] as? Int }, [5])
        XCTAssertEqual(writer.correctionReport?.unmatched.first?.key, "year 2566, code i99")
        // Without a corrections file the manifest has no corrections key.
        let pm = try JSONSerialization.jsonObject(with: Data(contentsOf: plain.appendingPathComponent("manifest.json"))) as! [String: Any]
        XCTAssertNil(pm["corrections"])
    }

    func testMalformedLinesAreRefusedWithTheirLineNumber() throws {
        let sha = String(repeating: "a", count: 64)
        let bad: [(String, String)] = [
            (#"{"sha256": "\#(sha)", "table": "report", "field": "district", "value": "x", "reason": "r"}"#, "unknown table"),
            (#"{"sha256": "\#(sha)", "table": "reports", "field": "status", "value": "ok", "reason": "r"}"#, "no correctable field"),
            (#"{"sha256": "\#(sha)", "table": "question_scores", "key": {"year": 2566, "code": "i1"}, "field": "score", "value": "๙๐.๐๐", "reason": "r"}"#, "ASCII digits"),
            (#"{"sha256": "\#(sha)", "table": "measures", "key": {"row_no": 1}, "field": "owner", "value": "x"}"#, "\"reason\""),
            (#"{"sha256": "abc", "table": "reports", "field": "district", "value": "x", "reason": "r"}"#, "64 hex"),
        ]
        for (text, expected) in bad {
            XCTAssertThrowsError(try file(["", text])) { e in
                let c = e as? CorrectionsError
                XCTAssertEqual(c?.line, 2, text)
                XCTAssertTrue(c?.problem.contains(expected) == true, "\(c?.problem ?? "") lacks \(expected)")
            }
        }
    }
}
