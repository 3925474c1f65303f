import Foundation

/// One extraction run read back from its output directory through the CSV files (the public
/// contract in DATASET.md), plus errors.jsonl and manifest.json when present.
public struct RunDataset: Sendable {
    /// The output directory.
    public var directory: URL
    /// reports.csv: one row per input document, in file order.
    public var reports: CSVTable
    /// indicator_scores.csv.
    public var indicators: CSVTable
    /// question_scores.csv.
    public var questions: CSVTable
    /// measures.csv.
    public var measures: CSVTable
    /// errors.jsonl lines, keyed by doc_id and by source_path (whichever a line gives).
    public var errorReasons: [String: String]
    /// manifest.json's tool version, when it gives one.
    public var toolVersion: String?

    /// Reads the run in `directory`. reports.csv is required; a missing table file reads as empty
    /// (an older or partial run), so that eval and diff can still say what they can.
    public static func load(_ directory: URL) throws -> RunDataset {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: directory.path, isDirectory: &isDir), isDir.boolValue else {
            throw QualityError.missing(directory.path)
        }
        func table(_ name: String, required: Bool = false) throws -> CSVTable {
            let url = directory.appendingPathComponent(name)
            if !required, !fm.fileExists(atPath: url.path) { return CSVTable(header: [], rows: []) }
            return try CSVTable.read(url)
        }
        var run = RunDataset(directory: directory,
                             reports: try table("reports.csv", required: true),
                             indicators: try table("indicator_scores.csv"),
                             questions: try table("question_scores.csv"),
                             measures: try table("measures.csv"),
                             errorReasons: [:], toolVersion: nil)
        run.errorReasons = Self.readErrors(directory.appendingPathComponent("errors.jsonl"))
        run.toolVersion = Self.readToolVersion(directory.appendingPathComponent("manifest.json"))
        return run
    }

    /// The reports.csv rows keyed by source_path (the identity of a document across runs: a
    /// changed file keeps its path but gets a new doc_id).
    public var documentsByPath: [String: [String: String]] {
        var out: [String: [String: String]] = [:]
        for row in reports.rows { out[row["source_path"] ?? ""] = row }
        return out
    }

    /// Rows of `table` belonging to `docID`, in file order.
    public func rows(of table: CSVTable, docID: String) -> [[String: String]] {
        table.rows.filter { $0["doc_id"] == docID }
    }

    private static func readErrors(_ url: URL) -> [String: String] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
        var out: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let data = line.data(using: .utf8),
                  let obj = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { continue }
            // The error may sit at top level or under "error"; take what is there.
            let inner = obj["error"] as? [String: Any] ?? obj
            let reason = [inner["stage"] as? String, inner["reason"] as? String, inner["message"] as? String]
                .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            guard !reason.isEmpty else { continue }
            if let id = obj["doc_id"] as? String { out[id] = reason }
            if let path = obj["source_path"] as? String { out[path] = reason }
        }
        return out
    }

    private static func readToolVersion(_ url: URL) -> String? {
        guard let data = try? Data(contentsOf: url),
              let obj = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return nil }
        for key in ["tool_version", "toolVersion", "version"] {
            if let v = obj[key] as? String { return v }
        }
        if let tool = obj["tool"] as? [String: Any], let v = tool["version"] as? String { return v }
        return nil
    }
}
