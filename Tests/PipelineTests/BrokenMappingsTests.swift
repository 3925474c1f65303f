import Foundation
import ITAModel
import Pipeline
import XCTest

/// A broken Mappings/ file stops `extract` before the first document: exit status 2, one line
/// naming the file and key, no dataset written.
final class BrokenMappingsTests: XCTestCase {
    func brokenMappings() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("broken-mappings-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: CorpusRun.mappings, to: dir)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let cues = dir.appendingPathComponent("ita/report-cues.json")
        var obj = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: cues)) as? [String: Any])
        obj["pointsWord"] = nil
        try JSONSerialization.data(withJSONObject: obj).write(to: cues)
        return dir
    }

    func testPipelineRefusesToStart() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ita-broken-\(UUID().uuidString)")
        let options = PipelineOptions(outputDirectory: out, jobs: 1, bom: false, mappings: try brokenMappings(), toolVersion: "test")
        XCTAssertThrowsError(try ExtractionPipeline(options: options)) { error in
            XCTAssertEqual(error as? MappingsError,
                           MappingsError(file: "ita/report-cues.json", key: "pointsWord", problem: "missing"))
        }
    }

    func testExtractExitsWithStatusTwo() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ita-broken-\(UUID().uuidString)")
        let (status, message) = try BuiltTool.run(["extract", CorpusRun.corpus.appendingPathComponent("seeds").path, "--out", out.path,
                                                   "--mappings", try brokenMappings().path, "--no-ocr", "--quiet"])
        XCTAssertEqual(status, 2, message)
        XCTAssertTrue(message.contains("Mappings/ita/report-cues.json: key 'pointsWord': missing"), message)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("reports.csv").path))
    }
}
