import Foundation
import PageLayout
import ReportInterpret
import XCTest

/// A `--settings` file that cannot be used stops `extract` and `inspect` through the real command
/// line before any document is read: exit status 2, one line naming the file, the key, the value
/// and the valid range, no dataset written. One test per kind of error.
final class SettingsFileTests: XCTestCase {
    /// Runs `command` on a Corpus seed with a settings file holding `json`; the exit status, stderr,
    /// and whether `extract` wrote a dataset.
    func run(_ command: String, settings json: String, pdf name: String = "seeds/s002-obt.pdf") throws -> (status: Int32, stderr: String, wrote: Bool) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ita-settings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("s.json")
        try Data(json.utf8).write(to: file)
        let out = dir.appendingPathComponent("run")
        let pdf = CorpusRun.corpus.appendingPathComponent(name).path
        let args = command == "extract"
            ? ["extract", pdf, "--out", out.path, "--settings", file.path, "--mappings", CorpusRun.mappings.path, "--no-ocr", "--quiet"]
            : ["inspect", pdf, "--settings", file.path, "--mappings", CorpusRun.mappings.path, "--no-ocr"]
        let (status, stderr) = try BuiltTool.run(args)
        return (status, stderr, FileManager.default.fileExists(atPath: out.appendingPathComponent("reports.csv").path))
    }

    /// A negative count (it would trap where the readers make it an Int) and a share above 1.
    func testAValueOutsideItsRangeStopsTheRun() throws {
        let count = try run("extract", settings: #"{"interpret": {"headingMinColumns": -1}}"#)
        XCTAssertEqual(count.status, 2, count.stderr)
        XCTAssertTrue(count.stderr.contains("interpret setting 'headingMinColumns' = -1 is outside its range 0...10000 (a whole count)"), count.stderr)
        XCTAssertFalse(count.wrote)
        let share = try run("inspect", settings: #"{"layout": {"ruledEdgeCoverage": 1.5}}"#)
        XCTAssertEqual(share.status, 2, share.stderr)
        XCTAssertTrue(share.stderr.contains("layout setting 'ruledEdgeCoverage' = 1.5 is outside its range 0...1 (a fraction)"), share.stderr)
    }

    func testAValueOfTheWrongTypeStopsTheRun() throws {
        let text = try run("extract", settings: #"{"layout": {"columnGapEm": "wide"}}"#)
        XCTAssertEqual(text.status, 2, text.stderr)
        XCTAssertTrue(text.stderr.contains(#"layout setting 'columnGapEm' must be a number in 0...1000 (a multiple), not "wide""#), text.stderr)
        XCTAssertFalse(text.wrote)
        let flag = try run("inspect", settings: #"{"interpret": {"ocrOwnTextSlack": true}}"#)
        XCTAssertEqual(flag.status, 2, flag.stderr)
        XCTAssertTrue(flag.stderr.contains("interpret setting 'ocrOwnTextSlack' must be a number in 0...1000 (a multiple), not true"), flag.stderr)
    }

    func testAnUnknownKeyOrSectionStopsTheRun() throws {
        let key = try run("extract", settings: #"{"interpret": {"headingMinColumn": 3}}"#)
        XCTAssertEqual(key.status, 2, key.stderr)
        XCTAssertTrue(key.stderr.contains("unknown interpret setting 'headingMinColumn'"), key.stderr)
        XCTAssertFalse(key.wrote)
        let section = try run("inspect", settings: #"{"interpet": {}}"#)
        XCTAssertEqual(section.status, 2, section.stderr)
        XCTAssertTrue(section.stderr.contains("unknown section 'interpet'"), section.stderr)
    }

    /// A file the JSON parser refuses says why, not only that it is no object: a number too large
    /// for a Double (`1e999`) and a missing brace.
    func testUnreadableJSONSaysWhy() throws {
        let huge = try run("extract", settings: #"{"layout": {"columnGapEm": 1e999}}"#)
        XCTAssertEqual(huge.status, 2, huge.stderr)
        XCTAssertTrue(huge.stderr.contains("not readable as JSON ("), huge.stderr)
        XCTAssertTrue(huge.stderr.contains("1e999"), huge.stderr)
        XCTAssertFalse(huge.wrote)
        let cut = try run("inspect", settings: #"{"layout": {"columnGapEm": 1.2}"#)
        XCTAssertEqual(cut.status, 2, cut.stderr)
        XCTAssertTrue(cut.stderr.contains("not readable as JSON ("), cut.stderr)
        let list = try run("inspect", settings: #"[1, 2]"#)
        XCTAssertEqual(list.status, 2, list.stderr)
        XCTAssertTrue(list.stderr.contains("not a JSON object"), list.stderr)
    }

    /// No value inside a setting's range stops a run: each layout and interpret setting alone at its
    /// lowest and at its highest value, `inspect` (layout and interpret, every reader) of a Corpus
    /// report with ruled and borderless tables ends with status 0. A range that lets a setting
    /// divide by zero or overflow an `Int` fails here: `streamLinesPerGapCrossing` = 0, which the
    /// range allowed until 2026-12-06, trapped on this document (status 132).
    func testEveryValueInARangeRuns() throws {
        var failed: [String] = []
        let all = LayoutSettings.ranges.map { ("layout", $0.key, $0.value) } + InterpretSettings.ranges.map { ("interpret", $0.key, $0.value) }
        XCTAssertGreaterThan(all.count, 100)
        for (section, key, range) in all.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
            for bound in [range.bounds.lowerBound, range.bounds.upperBound] {
                let r = try run("inspect", settings: #"{"\#(section)": {"\#(key)": \#(SettingRange.shown(bound))}}"#,
                                pdf: "generated/g02-obt-2567-ascii-longthead.pdf")
                if r.status != 0 { failed.append("\(section).\(key) = \(bound): status \(r.status) \(r.stderr.suffix(200))") }
            }
        }
        XCTAssertEqual(failed, [])
    }

    /// A file within every range is used: the run goes on and writes its dataset.
    func testAValidFileIsUsed() throws {
        let ok = try run("extract", settings: #"{"layout": {"columnGapEm": 1}, "interpret": {"headingMinColumns": 3, "ocrThaiDigitPageShare": 0.75}}"#)
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(ok.wrote)
    }
}
