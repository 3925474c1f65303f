/// One value that differs between two runs. `before`/`after` are nil when the row holding the
/// value exists in only one run.
public struct ValueChange: Codable, Equatable, Sendable {
    /// The document's source_path.
    public var document: String
    /// "report.overall_score", "indicator_scores.score", "question_scores.score", "measures.measure"...
    public var field: String
    /// Which item within the document: "" for report fields, "2566/3", "2566/o21", "row 4 (p.12)".
    public var key: String
    public var before: String?
    public var after: String?
}

/// A document of one run, as diff lists it.
public struct DocumentRef: Codable, Equatable, Sendable {
    public var sourcePath: String
    public var docID: String
    public var status: String
}

/// A document whose status or content changed between the runs.
public struct DocumentTransition: Codable, Equatable, Sendable {
    public var sourcePath: String
    public var before: String
    public var after: String
    /// errors.jsonl's reason in the later run (for newly failed documents), when it gives one.
    public var reason: String?
}

/// How many values changed in one field.
public struct FieldCount: Codable, Equatable, Sendable {
    public var field: String
    public var changes: Int
}

/// F1 of one eval category in both runs (diff with `--gold`).
public struct AccuracyChange: Codable, Equatable, Sendable {
    public var category: String
    public var before: Double?
    public var after: Double?
}

/// The whole outcome of `ita-extract diff RUN_A RUN_B`.
public struct DiffResult: Codable, Equatable, Sendable {
    public var runA: String
    public var runB: String
    public var toolVersionA: String?
    public var toolVersionB: String?
    public var documentsA: Int
    public var documentsB: Int
    /// Documents (by source_path) only in B / only in A.
    public var added: [DocumentRef]
    public var removed: [DocumentRef]
    /// Same source_path, different sha256 (the file itself changed).
    public var contentChanged: [DocumentTransition]
    /// Status was not `failed` in A and is in B / the reverse.
    public var newlyFailed: [DocumentTransition]
    public var recovered: [DocumentTransition]
    /// Columns ("measures.row_no") only the later / only the earlier run has; not compared.
    public var columnsAdded: [String]
    public var columnsRemoved: [String]
    /// Every changed value of documents in both runs, grouped by field (field order, then document, then key).
    public var changes: [ValueChange]
    /// Number of changes per field, in the same order.
    public var fieldCounts: [FieldCount]
    /// Per-category F1 before and after, when diff was given gold files.
    public var accuracy: [AccuracyChange]?
    /// Documents with at least one changed value.
    public var documentsChanged: Int
}
