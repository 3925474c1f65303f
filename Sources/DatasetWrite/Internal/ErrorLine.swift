import ITAModel

/// One line of errors.jsonl (and one row of the SQLite `errors` table): a document that failed or
/// was only partly read. For a partial document the warnings are what made it partial.
struct ErrorLine: Encodable {
    let docID: String
    let sourcePath: String
    let status: DocumentStatus
    let stage: String
    let reason: String
    let message: String
    let pages: Int?
    let warnings: [ITAModel.Warning]

    /// The line for `record`, or nil when the record is ok.
    init?(record r: ReportRecord) {
        guard r.status != .ok else { return nil }
        docID = r.docID; sourcePath = r.sourcePath; status = r.status; pages = r.pages; warnings = r.warnings
        if let e = r.error {
            stage = e.stage; reason = e.reason; message = e.message
        } else if r.status == .partial {
            // Partial means read but with sections the interpreter could not use: its stage, and the
            // first warning as the machine-readable reason (all of them are in `warnings`).
            stage = "interpret"
            reason = r.warnings.first?.code.rawValue ?? "partial"
            message = r.warnings.isEmpty ? "partly read, no warning recorded"
                : r.warnings.map { w in w.page.map { "\(w.code) (page \($0)): \(w.message)" } ?? "\(w.code): \(w.message)" }
                    .joined(separator: "; ")
        } else {
            stage = "unknown"; reason = "failed"; message = "failed, no error recorded"
        }
    }

    /// The SQLite row, in `Tables.errors` column order.
    var cells: [Cell] {
        [Cell(docID), Cell(sourcePath), Cell(status.rawValue), Cell(stage), Cell(reason), Cell(message), Cell(pages),
         Cell(RecordRows.warningCodes(warnings))]
    }

    enum CodingKeys: String, CodingKey {
        case docID = "doc_id", sourcePath = "source_path", status, stage, reason, message, pages, warnings
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(docID, forKey: .docID); try c.encode(sourcePath, forKey: .sourcePath)
        try c.encode(status, forKey: .status); try c.encode(stage, forKey: .stage)
        try c.encode(reason, forKey: .reason); try c.encode(message, forKey: .message)
        try c.encode(pages, forKey: .pages); try c.encode(warnings.map(WarningJSON.init), forKey: .warnings)
    }
}

/// A warning as JSON, with `page: null` written out so every object has the same keys.
struct WarningJSON: Encodable {
    let w: ITAModel.Warning
    enum CodingKeys: String, CodingKey { case code, message, page }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(w.code, forKey: .code); try c.encode(w.message, forKey: .message); try c.encode(w.page, forKey: .page)
    }
}
