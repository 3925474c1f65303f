/// The human-readable form of a diff: summary counts, document lists, then every changed value
/// grouped by field.
public enum DiffTextRenderer {
    /// Renders `d`.
    public static func render(_ d: DiffResult) -> String {
        var out = "Before: \(d.runA)" + (d.toolVersionA.map { " (ita-extract \($0))" } ?? "") + ", \(d.documentsA) documents\n"
        out += "After:  \(d.runB)" + (d.toolVersionB.map { " (ita-extract \($0))" } ?? "") + ", \(d.documentsB) documents\n\n"
        out += "Summary: \(d.added.count) added, \(d.removed.count) removed, \(d.contentChanged.count) with changed content, "
        out += "\(d.newlyFailed.count) newly failed, \(d.recovered.count) recovered; "
        out += "\(d.changes.count) changed values in \(d.documentsChanged) documents and \(d.fieldCounts.count) fields\n"
        func section(_ title: String, _ lines: [String]) {
            guard !lines.isEmpty else { return }
            out += "\n\(title) (\(lines.count)):\n" + lines.map { "  \($0)\n" }.joined()
        }
        section("Columns only the later run has (not compared)", d.columnsAdded)
        section("Columns only the earlier run has (not compared)", d.columnsRemoved)
        section("Added documents", d.added.map { "+ \($0.sourcePath)  [\($0.docID), \($0.status)]" })
        section("Removed documents", d.removed.map { "- \($0.sourcePath)  [\($0.docID), \($0.status)]" })
        section("Content changed (sha256)", d.contentChanged.map { "\($0.sourcePath): \($0.before.prefix(16)) → \($0.after.prefix(16))" })
        section("Newly failed", d.newlyFailed.map { "\($0.sourcePath): \($0.before) → \($0.after)" + ($0.reason.map { " (\($0))" } ?? "") })
        section("Recovered", d.recovered.map { "\($0.sourcePath): \($0.before) → \($0.after)" })
        if let acc = d.accuracy {
            section("F1 against gold (before → after)", acc.map {
                "\($0.category): \(EvalTextRenderer.fmt($0.before)) → \(EvalTextRenderer.fmt($0.after))"
            })
        }
        if d.changes.isEmpty { out += "\nNo value changed.\n"; return out }
        out += "\nChanged values by field:\n"
        var field = ""
        for c in d.changes {
            if c.field != field {
                field = c.field
                out += "\n== \(field) (\(d.fieldCounts.first { $0.field == field }?.changes ?? 0)) ==\n"
            }
            out += "  \(c.document)" + (c.key.isEmpty ? "" : " [\(c.key)]") + ": \(show(c.before)) → \(show(c.after))\n"
        }
        return out
    }

    /// A value for display: "(none)" for a row that does not exist, "(empty)" for an empty cell.
    static func show(_ v: String?) -> String {
        guard let v else { return "(none)" }
        return v.isEmpty ? "(empty)" : "\"\(v)\""
    }
}
