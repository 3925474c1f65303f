import Foundation
import ITAModel

/// The contents of manifest.json: what was run on what, and what came out.
/// Everything is deterministic except `timings` (one key, so a diff can drop it).
public struct Manifest: Codable, Hashable, Sendable {
    /// The output format's version: bumped when a column is renamed, dropped or re-typed.
    public static let currentSchemaVersion = "1"

    /// ita-extract's version.
    public var toolVersion: String
    /// Contents of Mappings/VERSION.
    public var mappingsVersion: String
    /// `currentSchemaVersion` when written.
    public var schemaVersion: String
    /// One entry per input file, in output order.
    public var inputs: [Input]
    /// Filled in by `DatasetWriter.finish` from what it wrote (any value given is replaced).
    public var counts: Counts
    /// Options the run used, by name (command-line flag names, values as text).
    public var options: [String: String]
    /// The files written, in a fixed order (filled in by `DatasetWriter.finish`).
    public var files: [String]
    /// Wall-clock facts: the only non-deterministic part of the manifest.
    public var timings: Timings
    /// What a corrections file did (filled in by `DatasetWriter.finish`; absent without one).
    public var corrections: CorrectionReport?

    /// A manifest; `counts` and `files` are filled in by the writer.
    public init(toolVersion: String, mappingsVersion: String, inputs: [Input] = [], options: [String: String] = [:],
                timings: Timings = Timings()) {
        self.toolVersion = toolVersion; self.mappingsVersion = mappingsVersion
        self.schemaVersion = Manifest.currentSchemaVersion; self.inputs = inputs
        self.counts = Counts(); self.options = options; self.files = []; self.timings = timings
    }

    enum CodingKeys: String, CodingKey {
        case toolVersion = "tool_version", mappingsVersion = "mappings_version", schemaVersion = "schema_version"
        case inputs, counts, options, files, timings, corrections
    }

    /// A corrections file's outcome: how many lines were applied, and each line that matched nothing.
    public struct CorrectionReport: Codable, Hashable, Sendable {
        public var file: String
        public var lines: Int
        public var applied: Int
        public var unmatched: [Unmatched]
        /// SHA-256 of the file's bytes (absent in manifests written before it was recorded): `merge`
        /// compares it with its own corrections file's.
        public var sha256: String?

        public struct Unmatched: Codable, Hashable, Sendable {
            public var line: Int
            public var sha256: String
            public var table: String
            public var key: String
            public var field: String

            /// For stderr: what the line names.
            public var description: String { "line \(line): \(table) \(key) \(field) of \(sha256.prefix(16))" }
        }
    }

    /// One input file.
    public struct Input: Codable, Hashable, Sendable {
        /// As given on the command line.
        public var path: String
        /// SHA-256 of the file's bytes, hex.
        public var sha256: String
        /// File size.
        public var bytes: Int64
        /// First 16 hex digits of `sha256`.
        public var docID: String
        /// The document's outcome.
        public var status: DocumentStatus
        /// For a failed document: the stage and reason of errors.jsonl (e.g. read / not_a_file).
        public var errorStage: String?
        public var errorReason: String?
        /// The path's bytes in hex when they are not UTF-8 (`path` then shows them as `\xHH`).
        public var pathHex: String?

        /// An input entry.
        public init(path: String, sha256: String, bytes: Int64, docID: String, status: DocumentStatus,
                    errorStage: String? = nil, errorReason: String? = nil) {
            self.path = path; self.sha256 = sha256; self.bytes = bytes; self.docID = docID; self.status = status
            self.errorStage = errorStage; self.errorReason = errorReason
        }

        /// The entry for a record whose file has `bytes` bytes.
        public init(record: ReportRecord, bytes: Int64) {
            self.init(path: record.sourcePath, sha256: record.sha256, bytes: bytes, docID: record.docID,
                      status: record.status, errorStage: record.error?.stage, errorReason: record.error?.reason)
        }

        enum CodingKeys: String, CodingKey {
            case path, sha256, bytes, docID = "doc_id", status
            case errorStage = "error_stage", errorReason = "error_reason", pathHex = "path_hex"
        }
    }

    /// Row counts of the run.
    public struct Counts: Codable, Hashable, Sendable {
        /// Documents written (reports.csv rows).
        public var documents = 0
        /// Documents by status.
        public var ok = 0, partial = 0, failed = 0
        /// Rows of indicator_scores.csv, question_scores.csv and measures.csv.
        public var indicatorRows = 0, questionRows = 0, measureRows = 0
        /// Warnings over all documents (each occurrence, not distinct codes).
        public var warnings = 0

        /// All zero.
        public init() {}

        enum CodingKeys: String, CodingKey {
            case documents, ok, partial, failed, warnings
            case indicatorRows = "indicator_rows", questionRows = "question_rows", measureRows = "measure_rows"
        }
    }

    /// When the run started and ended and how long each stage took.
    public struct Timings: Codable, Hashable, Sendable {
        /// When the run began (set by the caller).
        public var startedAt: Date?
        /// Set by `DatasetWriter.finish` when nil.
        public var finishedAt: Date?
        /// Seconds spent per stage ("extract", "normalise", ...), summed over documents.
        public var stageSeconds: [String: Double]

        /// Timings with the given values.
        public init(startedAt: Date? = nil, finishedAt: Date? = nil, stageSeconds: [String: Double] = [:]) {
            self.startedAt = startedAt; self.finishedAt = finishedAt; self.stageSeconds = stageSeconds
        }

        enum CodingKeys: String, CodingKey {
            case startedAt = "started_at", finishedAt = "finished_at", stageSeconds = "stage_seconds"
        }
    }
}
