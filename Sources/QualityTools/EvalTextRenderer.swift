import Foundation

/// The human-readable form of an eval result: a table per category, measure counts, unsure
/// items, then the misses of each document.
public enum EvalTextRenderer {
    /// Renders `r`; with floors, ends with the categories below them.
    public static func render(_ r: EvalResult, floor: Double? = nil, perCategory: [String: Double] = [:]) -> String {
        var out = "Evaluation of \(r.run)\nagainst gold files in \(r.gold)\n"
        out += "Documents: \(r.goldDocuments) gold, \(r.matchedDocuments) matched, \(r.missingFromRun.count) missing from the run, "
        out += "\(r.notInGold.count) run documents without gold (not scored)\n\n"
        let width = max(20, (r.categories.map { $0.category.count }.max() ?? 0) + 2)
        out += pad("category", width) + lpad("P", 7) + lpad("R", 7) + lpad("F1", 7) + lpad("TP", 6) + lpad("FP", 6) + lpad("FN", 6) + "\n"
        for c in r.categories {
            out += pad(c.category, width) + lpad(fmt(c.precision), 7) + lpad(fmt(c.recall), 7) + lpad(fmt(c.f1), 7)
            out += lpad(String(c.tp), 6) + lpad(String(c.fp), 6) + lpad(String(c.fn), 6) + "\n"
        }
        let m = r.measureCounts
        if m.documents > 0 {
            out += "\nMeasure row counts: \(m.exact) of \(m.documents) documents exact"
            out += m.meanAbsoluteError.map { " (mean absolute error \(fmt($0, digits: 2)) rows)" } ?? ""
            out += "\n"
        }
        if !r.measureFields.isEmpty {
            out += "Measure fields right (of gold rows giving them): "
            out += r.measureFields.map { "\($0.field) \($0.agreed)/\($0.given)" }.joined(separator: ", ") + "\n"
        }
        if !r.skippedFiles.isEmpty {
            out += "\nJSON files skipped (not gold files): \(r.skippedFiles.joined(separator: ", "))\n"
        }
        if !r.ignoredReportKeys.isEmpty {
            out += "\nGold report keys that are not reports.csv columns (ignored): \(r.ignoredReportKeys.joined(separator: ", "))\n"
        }
        if !r.unsure.isEmpty {
            out += "\nUnsure in the gold (not scored):\n"
            for u in r.unsure { out += "  \(u.document): \(u.field)" + (u.why.isEmpty ? "" : " (\(u.why))") + "\n" }
        }
        if !r.notInGold.isEmpty {
            out += "\nRun documents without gold: \(r.notInGold.joined(separator: ", "))\n"
        }
        let withMisses = r.documents.filter { !$0.misses.isEmpty }
        out += "\nMisses per document (\(withMisses.count) of \(r.documents.count) documents):\n"
        for d in withMisses {
            out += "\n\(d.document)" + (d.sourcePath.map { "  [\($0), status \(d.status ?? "?")]" } ?? "  [not in the run]") + "\n"
            for miss in d.misses {
                var line = "  \(miss.category)" + (miss.key.isEmpty ? "" : " \(miss.key)") + ": \(miss.kind)"
                if let e = miss.expected { line += "; expected \(quote(e))" }
                if let f = miss.found { line += "; found \(quote(f))" }
                out += line + "\n"
            }
        }
        if floor != nil || !perCategory.isEmpty {
            let below = r.categories(below: floor, perCategory: perCategory)
            let rule = (floor.map { ["F1 \(fmt($0))"] } ?? []) + perCategory.keys.sorted().map { "\($0) \(fmt(perCategory[$0]))" }
            out += "\n" + (below.isEmpty ? "All categories at or above their floor (\(rule.joined(separator: ", "))).\n"
                : "Below the F1 floor (\(rule.joined(separator: ", "))): "
                    + below.map { "\($0.category) (\(fmt($0.f1)))" }.joined(separator: ", ") + "\n")
        }
        return out
    }

    static func fmt(_ x: Double?, digits: Int = 3) -> String {
        guard let x else { return "n/a" }
        return String(format: "%.\(digits)f", x)
    }

    static func quote(_ s: String) -> String { "\"\(ValueMatching.normalise(s))\"" }
    static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
    static func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? " " + s : String(repeating: " ", count: n - s.count) + s }
}
