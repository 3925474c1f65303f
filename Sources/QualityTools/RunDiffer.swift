import Foundation

/// Compares two runs' datasets.
///
/// Identity rules:
/// - Documents are keyed by source_path (a changed file gets a new doc_id but keeps its path; the
///   sha256 change is listed under "content changed", not as a value change).
/// - Report fields: every reports.csv column but doc_id, source_path and sha256.
/// - Only columns both runs have are compared; columns one run lacks are listed as added/removed.
/// - Indicator / question scores: keyed (year, indicator) / (year, code); every other column is
///   compared. A row in one run only yields one change per non-empty cell. Repeated keys are
///   numbered in file order ("2566/3 #2").
/// - Measures: the rows of a document are aligned by content (issue, indicator, measure, steps,
///   period, owner; not page or row numbers): the longest common subsequence of rows with the
///   same content stays put; between two such anchors, rows are paired in order by content
///   similarity (bigram Dice of the joined content cells, at least 0.5: a changed row), and the
///   unpaired ones are added or removed rows. Keys name the row's position in the later run
///   ("row 4 (p.12)"; removed rows: position in the earlier run).
public enum RunDiffer {
    /// Compares `a` (before) with `b` (after).
    public static func diff(_ a: RunDataset, _ b: RunDataset, labelA: String, labelB: String) -> DiffResult {
        let pa = a.documentsByPath, pb = b.documentsByPath
        func ref(_ r: [String: String]) -> DocumentRef {
            DocumentRef(sourcePath: r["source_path"] ?? "", docID: r["doc_id"] ?? "", status: r["status"] ?? "")
        }
        let pathsA = a.reports.rows.map { $0["source_path"] ?? "" }, pathsB = b.reports.rows.map { $0["source_path"] ?? "" }
        let added = unique(pathsB).filter { pa[$0] == nil }.sorted().map { ref(pb[$0]!) }
        let removed = unique(pathsA).filter { pb[$0] == nil }.sorted().map { ref(pa[$0]!) }
        let common = unique(pathsA).filter { pb[$0] != nil }.sorted()
        var content: [DocumentTransition] = [], failed: [DocumentTransition] = [], recovered: [DocumentTransition] = []
        var changes: [ValueChange] = []
        let skip: Set<String> = ["doc_id", "source_path", "sha256"]
        // Only columns both runs have are compared: the contract lets a release add columns, and a
        // new column is one schema change, not a change of every row (it is listed apart).
        func shared(_ x: CSVTable, _ y: CSVTable) -> [String] { y.header.filter { x.header.contains($0) } }
        let reportColumns = shared(a.reports, b.reports).filter { !skip.contains($0) }
        for path in common {
            let ra = pa[path]!, rb = pb[path]!
            let sa = ra["status"] ?? "", sb = rb["status"] ?? ""
            if (ra["sha256"] ?? "") != (rb["sha256"] ?? "") {
                content.append(DocumentTransition(sourcePath: path, before: ra["sha256"] ?? "", after: rb["sha256"] ?? ""))
            }
            if sa != "failed", sb == "failed" {
                failed.append(DocumentTransition(sourcePath: path, before: sa, after: sb,
                                                 reason: b.errorReasons[rb["doc_id"] ?? ""] ?? b.errorReasons[path]))
            } else if sa == "failed", sb != "failed" {
                recovered.append(DocumentTransition(sourcePath: path, before: sa, after: sb, reason: nil))
            }
            for col in reportColumns where (ra[col] ?? "") != (rb[col] ?? "") {
                changes.append(ValueChange(document: path, field: "report.\(col)", key: "",
                                           before: ra[col] ?? "", after: rb[col] ?? ""))
            }
            let ida = ra["doc_id"] ?? "", idb = rb["doc_id"] ?? ""
            changes += keyedChanges(document: path, table: "indicator_scores", keyColumns: ["year", "indicator"],
                                    a: a.rows(of: a.indicators, docID: ida), b: b.rows(of: b.indicators, docID: idb),
                                    columns: shared(a.indicators, b.indicators))
            changes += keyedChanges(document: path, table: "question_scores", keyColumns: ["year", "code"],
                                    a: a.rows(of: a.questions, docID: ida), b: b.rows(of: b.questions, docID: idb),
                                    columns: shared(a.questions, b.questions))
            changes += measureChanges(document: path, a: a.rows(of: a.measures, docID: ida),
                                      b: b.rows(of: b.measures, docID: idb),
                                      columns: shared(a.measures, b.measures))
        }
        // Group by field: report columns in header order, then the three tables, each in column order.
        var fieldOrder: [String] = reportColumns.map { "report.\($0)" }
        var columnsAdded: [String] = [], columnsRemoved: [String] = []
        for (t, x, y) in [("reports", a.reports, b.reports), ("indicator_scores", a.indicators, b.indicators),
                          ("question_scores", a.questions, b.questions), ("measures", a.measures, b.measures)] {
            if t != "reports" { fieldOrder += shared(x, y).map { "\(t).\($0)" } }
            // A table missing from a run (empty header) is not a column change.
            if !x.header.isEmpty, !y.header.isEmpty {
                columnsAdded += y.header.filter { !x.header.contains($0) }.map { "\(t).\($0)" }
                columnsRemoved += x.header.filter { !y.header.contains($0) }.map { "\(t).\($0)" }
            }
        }
        let rank = Dictionary(fieldOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { x, _ in x })
        let stable = changes.enumerated().sorted { x, y in
            let fx = rank[x.element.field] ?? Int.max, fy = rank[y.element.field] ?? Int.max
            if fx != fy { return fx < fy }
            if x.element.document != y.element.document { return x.element.document < y.element.document }
            return x.offset < y.offset  // within a document keep the natural (file) order of keys
        }.map(\.element)
        var counts: [FieldCount] = []
        for c in stable {
            if counts.last?.field == c.field { counts[counts.count - 1].changes += 1 } else {
                counts.append(FieldCount(field: c.field, changes: 1))
            }
        }
        return DiffResult(runA: labelA, runB: labelB, toolVersionA: a.toolVersion, toolVersionB: b.toolVersion,
                          documentsA: a.reports.rows.count, documentsB: b.reports.rows.count,
                          added: added, removed: removed, contentChanged: content, newlyFailed: failed,
                          recovered: recovered, columnsAdded: columnsAdded, columnsRemoved: columnsRemoved,
                          changes: stable, fieldCounts: counts, accuracy: nil,
                          documentsChanged: Set(stable.map(\.document)).count)
    }

    /// Adds per-category F1 of both runs against the same gold files.
    public static func withAccuracy(_ d: DiffResult, before: EvalResult, after: EvalResult) -> DiffResult {
        var out = d
        let cats = unique(before.categories.map(\.category) + after.categories.map(\.category))
        out.accuracy = cats.map { c in
            AccuracyChange(category: c, before: before.categories.first { $0.category == c }?.f1,
                           after: after.categories.first { $0.category == c }?.f1)
        }
        return out
    }

    static func unique(_ xs: [String]) -> [String] {
        var seen = Set<String>()
        return xs.filter { seen.insert($0).inserted }
    }

    /// Changes between two documents' rows of a keyed table.
    static func keyedChanges(document: String, table: String, keyColumns: [String], a: [[String: String]],
                             b: [[String: String]], columns: [String]) -> [ValueChange] {
        let valueColumns = columns.filter { $0 != "doc_id" && !keyColumns.contains($0) }
        func keyed(_ rows: [[String: String]]) -> [(String, [String: String])] {
            var seen: [String: Int] = [:]
            return rows.map { r in
                let base = keyColumns.map { k in (r[k] ?? "").isEmpty ? "-" : r[k]! }.joined(separator: "/")
                seen[base, default: 0] += 1
                return (seen[base]! == 1 ? base : "\(base) #\(seen[base]!)", r)
            }
        }
        let ka = keyed(a), kb = keyed(b)
        let mapA = Dictionary(ka, uniquingKeysWith: { x, _ in x }), mapB = Dictionary(kb, uniquingKeysWith: { x, _ in x })
        var out: [ValueChange] = []
        // Keys in B's order, then keys only A has, in A's order.
        for key in unique(kb.map(\.0) + ka.map(\.0)) {
            out += rowChanges(document: document, table: table, key: key, a: mapA[key], b: mapB[key], columns: valueColumns)
        }
        return out
    }

    /// Changes between two versions of one row (either may be missing).
    static func rowChanges(document: String, table: String, key: String, a: [String: String]?, b: [String: String]?,
                           columns: [String]) -> [ValueChange] {
        columns.compactMap { c in
            let va = a.map { $0[c] ?? "" }, vb = b.map { $0[c] ?? "" }
            if let va, let vb { return va == vb ? nil : ValueChange(document: document, field: "\(table).\(c)", key: key, before: va, after: vb) }
            if (va ?? vb ?? "").isEmpty { return nil }
            return ValueChange(document: document, field: "\(table).\(c)", key: key, before: va, after: vb)
        }
    }

    /// Two changed measure rows are the same row when their content is at least this similar.
    public static let rowSimilarityThreshold = 0.5

    /// Order-keeping pairing of two runs of changed rows that maximises the summed similarity
    /// (bigram Dice of the joined cells) over pairs at least `rowSimilarityThreshold` alike; the
    /// rest come out unpaired (removed: (i, nil), added: (nil, j)), everything in row order.
    static func pairBySimilarity(_ a: [[String]], _ b: [[String]]) -> [(Int?, Int?)] {
        let n = a.count, m = b.count
        if n == 0 || m == 0 { return (0..<n).map { ($0, nil) } + (0..<m).map { (nil, $0) } }
        var sim = Array(repeating: Array(repeating: 0.0, count: m), count: n)
        for i in 0..<n { for j in 0..<m { sim[i][j] = ValueMatching.similarity(a[i].joined(separator: " "), b[j].joined(separator: " ")) } }
        var best = Array(repeating: Array(repeating: 0.0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                var v = max(best[i + 1][j], best[i][j + 1])
                if sim[i][j] >= rowSimilarityThreshold { v = max(v, sim[i][j] + best[i + 1][j + 1]) }
                best[i][j] = v
            }
        }
        var out: [(Int?, Int?)] = []
        var i = 0, j = 0
        while i < n, j < m {
            if sim[i][j] >= rowSimilarityThreshold, abs(best[i][j] - (sim[i][j] + best[i + 1][j + 1])) < 1e-12 {
                out.append((i, j)); i += 1; j += 1
            } else if best[i + 1][j] >= best[i][j + 1] {
                out.append((i, nil)); i += 1
            } else {
                out.append((nil, j)); j += 1
            }
        }
        out += (i..<n).map { ($0, nil) } + (j..<m).map { (nil, $0) }
        return out
    }

    /// The measures.csv columns that say what a row is (not where it is).
    public static let measureContentColumns: Set<String> = ["issue", "indicator", "measure", "steps", "period", "owner"]

    /// Changes between two documents' measure rows, aligned by content (see the type's comment).
    static func measureChanges(document: String, a: [[String: String]], b: [[String: String]],
                               columns: [String]) -> [ValueChange] {
        let cols = columns.filter { $0 != "doc_id" }
        // Rows are identified by their content columns only: page and row numbers shift when a row
        // is inserted above, and must not break the alignment (their changes are still reported).
        let contentColumns = cols.filter { measureContentColumns.contains($0) }
        let identity = contentColumns.isEmpty ? cols : contentColumns
        let sa = a.map { r in identity.map { r[$0] ?? "" } }, sb = b.map { r in identity.map { r[$0] ?? "" } }
        // Longest common subsequence of identical rows.
        var lcs = Array(repeating: Array(repeating: 0, count: sb.count + 1), count: sa.count + 1)
        for i in stride(from: sa.count - 1, through: 0, by: -1) {
            for j in stride(from: sb.count - 1, through: 0, by: -1) {
                lcs[i][j] = sa[i] == sb[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var anchors: [(Int, Int)] = []
        var i = 0, j = 0
        while i < sa.count, j < sb.count {
            if sa[i] == sb[j] { anchors.append((i, j)); i += 1; j += 1 } else if lcs[i + 1][j] >= lcs[i][j + 1] { i += 1 } else { j += 1 }
        }
        anchors.append((sa.count, sb.count))
        func key(_ index: Int, _ row: [String: String]) -> String {
            let page = row["page"] ?? ""
            return page.isEmpty ? "row \(index + 1)" : "row \(index + 1) (p.\(page))"
        }
        var out: [ValueChange] = []
        var pi = 0, pj = 0
        for (ai, bj) in anchors {
            let gapA = Array(pi..<ai), gapB = Array(pj..<bj)
            for (x, y) in pairBySimilarity(gapA.map { sa[$0] }, gapB.map { sb[$0] }) {
                let ra = x.map { a[gapA[$0]] }, rb = y.map { b[gapB[$0]] }
                let k = y.map { key(gapB[$0], rb!) } ?? key(gapA[x!], ra!)
                out += rowChanges(document: document, table: "measures", key: k, a: ra, b: rb, columns: cols)
            }
            if ai < a.count, bj < b.count {  // same content: only positional columns can differ
                out += rowChanges(document: document, table: "measures", key: key(bj, b[bj]), a: a[ai], b: b[bj], columns: cols)
            }
            pi = ai + 1; pj = bj + 1
        }
        return out
    }
}
