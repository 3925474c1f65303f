/// True positives, false positives and false negatives of one category.
public struct Tally: Codable, Equatable, Sendable {
    public var tp = 0
    public var fp = 0
    public var fn = 0

    public init(tp: Int = 0, fp: Int = 0, fn: Int = 0) { self.tp = tp; self.fp = fp; self.fn = fn }

    /// Adds another tally.
    public mutating func add(_ o: Tally) { tp += o.tp; fp += o.fp; fn += o.fn }
}

/// Precision, recall and F1 of one category. All three are nil when the category has nothing to
/// count (TP+FP+FN = 0); otherwise a ratio with a zero denominator is 0 (like scikit-learn's
/// `zero_division=0`).
public struct CategoryScore: Codable, Equatable, Sendable {
    /// "report.unit_name" ..., "report" (all report fields), "indicator_scores", "question_scores", "measures".
    public var category: String
    public var tp: Int
    public var fp: Int
    public var fn: Int
    public var precision: Double?
    public var recall: Double?
    public var f1: Double?

    public init(category: String, tally t: Tally) {
        self.category = category; tp = t.tp; fp = t.fp; fn = t.fn
        guard t.tp + t.fp + t.fn > 0 else { return }
        let p = t.tp + t.fp == 0 ? 0 : Double(t.tp) / Double(t.tp + t.fp)
        let r = t.tp + t.fn == 0 ? 0 : Double(t.tp) / Double(t.tp + t.fn)
        precision = Self.round(p); recall = Self.round(r)
        f1 = Self.round(p + r == 0 ? 0 : 2 * p * r / (p + r))
    }

    /// Four decimals, so that JSON output is short and stable.
    static func round(_ x: Double) -> Double { (x * 10000).rounded() / 10000 }
}

/// One disagreement between gold and run.
public struct EvalMiss: Codable, Equatable, Sendable {
    /// "report.unit_name", "indicator_scores", "question_scores", "measures", "measures.count", "document".
    public var category: String
    /// Which item: "" for report fields, "2566/3" (year/indicator, "-" for no year), "2566/o21", "gold row 2"...
    public var key: String
    /// "wrong value" (FP+FN), "not found" (FN), "false positive" (FP), "not in run", "count".
    public var kind: String
    public var expected: String?
    public var found: String?
}

/// What eval found for one gold file.
public struct DocumentEval: Codable, Equatable, Sendable {
    /// The gold file's relative name without ".json".
    public var document: String
    /// The matched reports.csv row's source_path, doc_id and status (nil when not in the run).
    public var sourcePath: String?
    public var docID: String?
    public var status: String?
    public var misses: [EvalMiss]
}

/// Found measure-row count against the gold's `count` for one document.
public struct MeasureCount: Codable, Equatable, Sendable {
    public var document: String
    public var expected: Int
    public var found: Int
}

/// Summary of the measure-row counts.
public struct MeasureCountSummary: Codable, Equatable, Sendable {
    /// Documents whose gold gives a count.
    public var documents: Int
    /// Of those, documents whose run has exactly that many rows.
    public var exact: Int
    /// Mean of |found − expected| (nil with no documents).
    public var meanAbsoluteError: Double?
    public var items: [MeasureCount]
}

/// One measure field over all gold rows: how many give it, and in how many the paired run row agrees.
public struct MeasureFieldScore: Codable, Equatable, Sendable {
    public var field: String
    public var given: Int
    public var agreed: Int
}

/// An `unsure` entry of a gold file, listed apart and left out of the scores.
public struct UnsureEntry: Codable, Equatable, Sendable {
    public var document: String
    public var field: String
    public var why: String
}

/// The whole outcome of `ita-extract eval`.
public struct EvalResult: Codable, Equatable, Sendable {
    public var run: String
    public var gold: String
    /// Gold files read, and of them the ones matched to a run document.
    public var goldDocuments: Int
    public var matchedDocuments: Int
    /// Gold files with no (or no single) run document; their values count as false negatives.
    public var missingFromRun: [String]
    /// source_path of run documents no gold file describes (not scored).
    public var notInGold: [String]
    /// JSON files in the gold folder that are not gold files (none of the gold keys), skipped.
    public var skippedFiles: [String] = []
    /// Gold `report` keys that are not reports.csv columns (ignored).
    public var ignoredReportKeys: [String]
    public var categories: [CategoryScore]
    public var measureCounts: MeasureCountSummary
    /// Measure fields one by one (not categories: no floor applies).
    public var measureFields: [MeasureFieldScore]
    public var unsure: [UnsureEntry]
    public var documents: [DocumentEval]

    /// Categories whose F1 is below `floor`, or below their own floor in `perCategory` (which
    /// overrides `floor`); categories with nothing to count are never below.
    public func categories(below floor: Double?, perCategory: [String: Double] = [:]) -> [CategoryScore] {
        categories.filter { c in
            guard let f = perCategory[c.category] ?? floor else { return false }
            return (c.f1 ?? 1) < f
        }
    }
}
