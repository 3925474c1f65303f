import Foundation

/// Scores a run against gold files.
///
/// Counting rules, per category:
/// - Report fields, one category per field ("report.unit_name"...), plus "report" summing them:
///   gold value found equal = TP; found different = FP + FN; gold value, run empty = FN;
///   gold `null`, run has a value = FP; gold `null`, run empty = TN (not counted). Gold keys that
///   are not reports.csv columns are ignored.
/// - indicator_scores / question_scores: items keyed (year, indicator) / (year, code); a gold year
///   of `null` matches any year. Key found with an agreeing score = TP; with a different score =
///   FP + FN; key not found = FN; a run row no gold item claims = FP; a gold item with score
///   `null` found in the run = FP. Scored only when the gold file has the key at all.
/// - measures: gold rows are paired with run rows greedily by text similarity (Dice coefficient of
///   character bigrams of the measure and issue texts, best pairs first, at least 0.2). A paired
///   row whose given fields all agree = TP, else FP + FN; an unpaired gold row = FN; an unpaired
///   run row = FP, except that when the gold lists fewer rows than its `count`, that many unpaired
///   run rows are taken to be the unlisted ones and not counted.
///   Text fields agree when equal after NFC and whitespace collapsing, or, when both are at least
///   30 characters long, when one contains the other with all whitespace removed.
///   The found row count against `count` is reported apart ("measure counts").
/// - Numbers (scores, years, page, indicator) agree within 0.005; text after NFC and whitespace collapsing.
/// - `unsure` fields are listed apart and left out: "report.X", "indicator_scores",
///   "indicator_scores.N", "indicator_scores.YEAR", "indicator_scores.YEAR.N", the same for
///   question_scores with codes, "measures", "measures.count". Run rows under an unsure key are
///   left out too (they are not false positives).
/// - Measure fields are also counted one by one (gold rows giving the field, and of them paired
///   rows that agree on it), to show which column is wrong; this breakdown is not a category.
/// - A gold file matched to no run document counts all its values as FN.
/// - P = TP/(TP+FP), R = TP/(TP+FN), F1 = 2PR/(P+R); 0 for a zero denominator; all nil when
///   TP+FP+FN = 0.
public enum Evaluator {
    /// The reports.csv columns a gold `report` object can score, in contract order.
    public static let reportFieldOrder = ["unit_name", "unit_type", "district", "province", "assessment_year",
                                          "plan_year", "overall_score", "rating"]
    /// Minimum similarity for pairing a gold measure row with a run row.
    public static let measurePairingThreshold = 0.2

    /// Evaluates `run` against `golds`; `runLabel` and `goldLabel` name them in the result.
    public static func evaluate(run: RunDataset, golds: [GoldFile], runLabel: String, goldLabel: String) -> EvalResult {
        let matches = GoldMatcher.match(golds: golds, reports: run.reports.rows)
        var tallies: [String: Tally] = [:]
        var documents: [DocumentEval] = []
        var unsure: [UnsureEntry] = []
        var counts: [MeasureCount] = []
        var ignored = Set<String>()
        var reportKeys = Set<String>()
        var fieldGiven: [String: Int] = [:], fieldAgreed: [String: Int] = [:]
        for (gold, row) in zip(golds, matches) {
            var doc = DocumentEval(document: gold.relativeName, sourcePath: row?["source_path"], docID: row?["doc_id"],
                                   status: row?["status"], misses: [])
            let docID = row?["doc_id"]
            var ctx = DocContext(unsure: Set(gold.unsure.map { Self.fieldPath($0.field) }), quiet: row == nil)
            unsure += gold.unsure.map { UnsureEntry(document: gold.relativeName, field: $0.field, why: $0.why) }
            if row == nil { doc.misses.append(EvalMiss(category: "document", key: "", kind: "not in run",
                                                       expected: gold.relativeName, found: nil)) }
            let report = gold.report ?? [:]
            // Contract order, then other keys sorted: misses must come out in a stable order.
            let fields = reportFieldOrder.filter { report[$0] != nil } + report.keys.filter { !reportFieldOrder.contains($0) }.sorted()
            for field in fields {
                let value = report[field]!
                guard run.reports.header.contains(field) else { ignored.insert(field); continue }
                reportKeys.insert(field)
                guard !ctx.unsure.contains("report.\(field)") else { continue }
                ctx.compare(category: "report.\(field)", key: "", gold: value, found: row?[field] ?? "",
                            containment: false)
            }
            let ind = docID.map { run.rows(of: run.indicators, docID: $0) } ?? []
            scoreItems(&ctx, name: "indicator_scores", gold: gold.indicators,
                       run: ind.map { ($0["year"] ?? "", ($0["indicator"] ?? "").trimmingCharacters(in: .whitespaces),
                                       $0["score"] ?? "") })
            let qs = docID.map { run.rows(of: run.questions, docID: $0) } ?? []
            scoreItems(&ctx, name: "question_scores", gold: gold.questions,
                       run: qs.map { ($0["year"] ?? "", GoldFile.canonicalCode($0["code"] ?? "") ?? ($0["code"] ?? ""),
                                      $0["score"] ?? "") })
            if let gm = gold.measures, !ctx.unsure.contains("measures") {
                let rows = docID.map { run.rows(of: run.measures, docID: $0) } ?? []
                if let n = gm.count, !ctx.unsure.contains("measures.count") {
                    counts.append(MeasureCount(document: gold.relativeName, expected: n, found: rows.count))
                    if n != rows.count, row != nil {
                        doc.misses.append(EvalMiss(category: "measures.count", key: "", kind: "count",
                                                   expected: String(n), found: String(rows.count)))
                    }
                }
                scoreMeasures(&ctx, gold: gm, run: rows)
            }
            for (k, t) in ctx.tallies { tallies[k, default: Tally()].add(t) }
            for (k, n) in ctx.fieldGiven { fieldGiven[k, default: 0] += n }
            for (k, n) in ctx.fieldAgreed { fieldAgreed[k, default: 0] += n }
            doc.misses += ctx.misses
            documents.append(doc)
        }
        var categories: [CategoryScore] = []
        let orderedFields = reportFieldOrder.filter { reportKeys.contains($0) }
            + reportKeys.subtracting(reportFieldOrder).sorted()
        var reportTotal = Tally()
        for f in orderedFields {
            let t = tallies["report.\(f)"] ?? Tally()
            reportTotal.add(t)
            categories.append(CategoryScore(category: "report.\(f)", tally: t))
        }
        if !orderedFields.isEmpty { categories.append(CategoryScore(category: "report", tally: reportTotal)) }
        for c in ["indicator_scores", "question_scores", "measures"] where golds.contains(where: { g in
            c == "indicator_scores" ? g.indicators != nil : c == "question_scores" ? g.questions != nil : g.measures != nil
        }) {
            categories.append(CategoryScore(category: c, tally: tallies[c] ?? Tally()))
        }
        let matchedPaths = Set(matches.compactMap { $0?["source_path"] })
        let mae = counts.isEmpty ? nil
            : CategoryScore.round(Double(counts.map { abs($0.found - $0.expected) }.reduce(0, +)) / Double(counts.count))
        let measureOrder = ["issue", "indicator", "measure", "steps", "period", "owner", "page"]
        let measureFields = (measureOrder.filter { fieldGiven[$0] != nil } + fieldGiven.keys.filter { !measureOrder.contains($0) }.sorted())
            .map { MeasureFieldScore(field: $0, given: fieldGiven[$0] ?? 0, agreed: fieldAgreed[$0] ?? 0) }
        return EvalResult(
            run: runLabel, gold: goldLabel, goldDocuments: golds.count, matchedDocuments: matches.compactMap { $0 }.count,
            missingFromRun: zip(golds, matches).filter { $0.1 == nil }.map { $0.0.relativeName },
            notInGold: run.reports.rows.compactMap { $0["source_path"] }.filter { !matchedPaths.contains($0) },
            ignoredReportKeys: ignored.sorted(), categories: categories,
            measureCounts: MeasureCountSummary(documents: counts.count, exact: counts.filter { $0.found == $0.expected }.count,
                                               meanAbsoluteError: mae, items: counts),
            measureFields: measureFields, unsure: unsure, documents: documents)
    }

    /// "Indicator_Scores . 3" → "indicator_scores.3": unsure paths compare loosely.
    static func fieldPath(_ f: String) -> String {
        f.lowercased().replacingOccurrences(of: " ", with: "")
    }

    /// Scores keyed items (indicators or questions): run items are (year, key, score) cells.
    static func scoreItems(_ ctx: inout DocContext, name: String, gold: [GoldScore]?, run: [(String, String, String)]) {
        guard let gold, !ctx.unsure.contains(name) else { return }
        func excluded(year: Int?, key: String) -> Bool {
            // Indicator numbers (1-10) and Buddhist Era years (25xx) cannot be confused.
            ctx.unsure.contains("\(name).\(key)")
                || (year.map { ctx.unsure.contains("\(name).\($0).\(key)") || ctx.unsure.contains("\(name).\($0)") } ?? false)
        }
        struct Item { var year: Int?; var key: String; var score: String; var used = false }
        var items = run.map { Item(year: ValueMatching.number($0.0).map { Int($0) }, key: $0.1, score: $0.2) }
            .filter { !excluded(year: $0.year, key: $0.key) }
        let goldItems = gold.filter { !excluded(year: $0.year, key: $0.key) }
        func label(_ year: Int?, _ key: String) -> String { "\(year.map(String.init) ?? "-")/\(key)" }
        func candidates(_ g: GoldScore) -> [Int] {
            items.indices.filter { !items[$0].used && items[$0].key == g.key && (g.year == nil || items[$0].year == g.year) }
        }
        // Agreeing pairs first, so that a wrong row cannot take the place of a right one.
        var done = Array(repeating: false, count: goldItems.count)
        for (gi, g) in goldItems.enumerated() {
            guard let s = g.score.text, !s.isEmpty else { continue }
            if let i = candidates(g).first(where: { ValueMatching.agree(expected: s, found: items[$0].score) }) {
                items[i].used = true; done[gi] = true
                ctx.count(name, Tally(tp: 1))
            }
        }
        for (gi, g) in goldItems.enumerated() where !done[gi] {
            let i = candidates(g).first
            if let i { items[i].used = true }
            let found = i.map { items[$0].score }
            ctx.compare(category: name, key: label(g.year, g.key), gold: g.score, found: found ?? "", containment: false)
        }
        for it in items where !it.used {
            ctx.count(name, Tally(fp: 1))
            ctx.miss(EvalMiss(category: name, key: label(it.year, it.key), kind: "false positive", expected: nil,
                              found: it.score))
        }
    }

    /// Scores the measure rows of one document (see the type's doc comment for the rules).
    static func scoreMeasures(_ ctx: inout DocContext, gold: GoldMeasures, run: [[String: String]]) {
        let textFields = ["measure", "issue"]
        func pairingText(_ g: [String: GoldValue]) -> [String] {
            let main = textFields.filter { g[$0]?.text?.isEmpty == false }
            return main.isEmpty ? g.keys.filter { g[$0]?.text?.isEmpty == false }.sorted() : main
        }
        var pairs: [(sim: Double, g: Int, r: Int)] = []
        for (gi, g) in gold.rows.enumerated() {
            let fields = pairingText(g)
            guard !fields.isEmpty else { continue }
            let gt = fields.map { g[$0]?.text ?? "" }.joined(separator: " ")
            for (ri, r) in run.enumerated() {
                let s = ValueMatching.similarity(gt, fields.map { r[$0] ?? "" }.joined(separator: " "))
                if s >= measurePairingThreshold { pairs.append((s, gi, ri)) }
            }
        }
        pairs.sort { ($0.sim, -$0.g, -$0.r) > ($1.sim, -$1.g, -$1.r) }
        var gPair = [Int: Int](), rTaken = Set<Int>()
        for p in pairs where gPair[p.g] == nil && !rTaken.contains(p.r) { gPair[p.g] = p.r; rTaken.insert(p.r) }
        func describe(_ cells: [(String, String)]) -> String {
            cells.filter { !$0.1.isEmpty }.map { "\($0.0)=\(ValueMatching.normalise($0.1))" }.joined(separator: "; ")
        }
        for (gi, g) in gold.rows.enumerated() {
            let given = g.keys.sorted()
            for f in given { ctx.fieldGiven[f, default: 0] += 1 }
            guard let ri = gPair[gi] else {
                ctx.count("measures", Tally(fn: 1))
                ctx.miss(EvalMiss(category: "measures", key: "gold row \(gi + 1)", kind: "not found",
                                  expected: describe(given.map { ($0, g[$0]?.text ?? "null") }), found: nil))
                continue
            }
            let r = run[ri]
            let wrong = given.filter { f in
                let found = (r[f] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                guard let e = g[f]?.text, !e.isEmpty else { return !found.isEmpty }
                return !ValueMatching.agree(expected: e, found: found, allowContainment: true)
            }
            for f in given where !wrong.contains(f) { ctx.fieldAgreed[f, default: 0] += 1 }
            if wrong.isEmpty { ctx.count("measures", Tally(tp: 1)); continue }
            ctx.count("measures", Tally(fp: 1, fn: 1))
            ctx.miss(EvalMiss(category: "measures", key: "gold row \(gi + 1) ~ run row \(ri + 1)", kind: "wrong value",
                              expected: describe(wrong.map { ($0, g[$0]?.text ?? "null") }),
                              found: describe(wrong.map { ($0, r[$0] ?? "") })))
        }
        let unpaired = run.indices.filter { !rTaken.contains($0) }
        let unlisted = max(0, (gold.count ?? gold.rows.count) - gold.rows.count)
        let extra = max(0, unpaired.count - unlisted)
        guard extra > 0 else { return }
        ctx.count("measures", Tally(fp: extra))
        if unlisted == 0 {
            for ri in unpaired {
                ctx.miss(EvalMiss(category: "measures", key: "run row \(ri + 1)", kind: "false positive", expected: nil,
                                  found: describe(["issue", "measure", "owner", "page"].map { ($0, run[ri][$0] ?? "") })))
            }
        } else {
            ctx.miss(EvalMiss(category: "measures", key: "", kind: "false positive", expected: "\(gold.count ?? 0) rows",
                              found: "\(extra) unpaired run rows beyond the gold count"))
        }
    }
}

/// Per-document scratch state of the evaluator: tallies, misses and the unsure paths.
struct DocContext {
    var unsure: Set<String>
    /// A document missing from the run gets one "not in run" line instead of a line per value.
    var quiet: Bool
    var tallies: [String: Tally] = [:]
    var misses: [EvalMiss] = []
    /// Measure fields: gold rows giving each, and paired rows agreeing on it.
    var fieldGiven: [String: Int] = [:]
    var fieldAgreed: [String: Int] = [:]

    init(unsure: Set<String>, quiet: Bool) { self.unsure = unsure; self.quiet = quiet }

    mutating func count(_ category: String, _ t: Tally) { tallies[category, default: Tally()].add(t) }
    mutating func miss(_ m: EvalMiss) { if !quiet { misses.append(m) } }

    /// One gold value against one found cell, by the report-field rule.
    mutating func compare(category: String, key: String, gold: GoldValue, found raw: String, containment: Bool) {
        let found = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        switch (gold.text.flatMap { $0.isEmpty ? nil : $0 }, found.isEmpty) {
        case (nil, true): return  // TN
        case (nil, false):
            count(category, Tally(fp: 1))
            miss(EvalMiss(category: category, key: key, kind: "false positive", expected: nil, found: found))
        case (let e?, true):
            count(category, Tally(fn: 1))
            miss(EvalMiss(category: category, key: key, kind: "not found", expected: e, found: nil))
        case (let e?, false):
            if ValueMatching.agree(expected: e, found: found, allowContainment: containment) {
                count(category, Tally(tp: 1))
            } else {
                count(category, Tally(fp: 1, fn: 1))
                miss(EvalMiss(category: category, key: key, kind: "wrong value", expected: e, found: found))
            }
        }
    }
}
