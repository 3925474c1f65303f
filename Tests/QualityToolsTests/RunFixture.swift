import Foundation

/// Writes run output directories and gold files the way the dataset contract (DATASET.md) lays
/// them out, into a fresh temporary folder.
struct RunFixture {
    static let reportColumns = ["doc_id", "source_path", "sha256", "pages", "text_source", "unit_name", "unit_type",
                                "district", "province", "assessment_year", "plan_year", "overall_score", "rating",
                                "status", "warnings"]
    static let indicatorColumns = ["doc_id", "year", "indicator", "tool", "name", "score", "page"]
    static let questionColumns = ["doc_id", "year", "code", "tool", "question", "score", "page"]
    static let measureColumns = ["doc_id", "issue", "indicator", "measure", "steps", "period", "owner", "page"]

    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("qt-fixture-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// One run: rows as column → value maps (missing columns are empty cells).
    struct Run {
        var reports: [[String: String]] = []
        var indicators: [[String: String]] = []
        var questions: [[String: String]] = []
        var measures: [[String: String]] = []
        var errors: [[String: String]] = []
        var toolVersion = "0.1.0"
        /// Columns appended to measures.csv (a later release adding a column).
        var extraMeasureColumns: [String] = []
        /// Write a UTF-8 BOM at the start of each CSV (the writer's Excel option).
        var bom = false
    }

    /// Writes `run` into `root/name` and returns the folder.
    @discardableResult
    func write(_ run: Run, as name: String) throws -> URL {
        let dir = root.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        func csv(_ file: String, _ columns: [String], _ rows: [[String: String]]) throws {
            var text = run.bom ? "\u{FEFF}" : ""
            text += columns.joined(separator: ",") + "\n"
            for r in rows { text += columns.map { Self.quote(r[$0] ?? "") }.joined(separator: ",") + "\n" }
            try text.write(to: dir.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        try csv("reports.csv", Self.reportColumns, run.reports)
        try csv("indicator_scores.csv", Self.indicatorColumns, run.indicators)
        try csv("question_scores.csv", Self.questionColumns, run.questions)
        try csv("measures.csv", Self.measureColumns + run.extraMeasureColumns, run.measures)
        let errors = try run.errors.map { e -> String in
            String(decoding: try JSONSerialization.data(withJSONObject: e, options: [.sortedKeys]), as: UTF8.self)
        }
        try (errors.joined(separator: "\n") + (errors.isEmpty ? "" : "\n"))
            .write(to: dir.appendingPathComponent("errors.jsonl"), atomically: true, encoding: .utf8)
        let manifest = ["tool_version": run.toolVersion, "mappings_version": "1", "schema_version": "1"]
        try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys])
            .write(to: dir.appendingPathComponent("manifest.json"))
        return dir
    }

    /// Writes a gold JSON file at `root/gold/relativePath`.
    func writeGold(_ json: String, at relativePath: String) throws {
        let url = root.appendingPathComponent("gold").appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try json.write(to: url, atomically: true, encoding: .utf8)
    }

    var goldDirectory: URL { root.appendingPathComponent("gold") }

    /// RFC 4180 quoting: cells with a comma, quote or line break are quoted, quotes doubled.
    static func quote(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A 16-hex doc_id and the 64-hex sha256 it starts, from one repeated digit.
    static func ids(_ digit: Character) -> (docID: String, sha: String) {
        (String(repeating: digit, count: 16), String(repeating: digit, count: 64))
    }
}
