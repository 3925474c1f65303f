import ITAModel

/// One record cut into the rows of every table, after the writer's two rules:
/// a failed document keeps only its file facts (no values, no score or measure rows), and a
/// repeated (year, indicator) or (year, code) keeps its first row and adds a warning.
struct RecordRows {
    /// The record as written to reports.jsonl (rules applied).
    let record: ReportRecord
    let report: [Cell]
    let indicators: [[Cell]]
    let questions: [[Cell]]
    let measures: [[Cell]]
    /// The errors.jsonl line, for failed and partial documents.
    let error: ErrorLine?

    init(_ input: ReportRecord) {
        var r = input
        if r.status == .failed {
            r.fields = ReportFields(); r.indicators = []; r.questions = []; r.measures = []
        }
        r.indicators = RecordRows.firstOfEach(r.indicators, key: { IndexKey(year: $0.year, id: String($0.indicator)) },
                                             what: "indicator", code: .duplicateIndicatorRow, warnings: &r.warnings)
        r.questions = RecordRows.firstOfEach(r.questions, key: { IndexKey(year: $0.year, id: $0.code) },
                                            what: "question", code: .duplicateQuestionRow, warnings: &r.warnings)
        RecordRows.checkScores(r, warnings: &r.warnings)
        record = r

        let f = r.fields
        let id = Cell(r.docID)
        report = [
            id, Cell(r.sourcePath), Cell(r.sha256), Cell(r.pages), Cell(r.textSource?.rawValue),
            Cell(f.unitName?.value), Cell(f.unitType?.value), Cell(f.district?.value), Cell(f.province?.value),
            Cell(f.assessmentYear?.value), Cell(f.planYear?.value), Cell(f.overallScore?.value), Cell(f.rating?.value),
            Cell(r.status.rawValue), Cell(RecordRows.warningCodes(r.warnings)),
            Cell(f.rank?.value), Cell(f.previousScore?.value), Cell(r.warnings.count),
            Cell(r.error?.stage), Cell(r.error?.reason),
            Cell(f.provinceCode?.value), Cell(f.districtCode?.value), Cell(f.subdistrictCode?.value), Cell(f.unitKey?.value),
        ]
        indicators = r.indicators.enumerated().map { i, s in
            [id, Cell(s.year), Cell(s.indicator), Cell(s.tool.rawValue), Cell(s.name), Cell(s.score), Cell(s.page),
             Cell(i + 1), Cell(s.check?.rawValue)]
        }
        questions = r.questions.enumerated().map { i, q in
            [id, Cell(q.year), Cell(q.code), Cell(q.tool.rawValue), Cell(q.question), Cell(q.score), Cell(q.page),
             Cell(i + 1), Cell(q.check?.rawValue)]
        }
        measures = r.measures.enumerated().map { i, m in
            [id, Cell(m.issue), Cell(m.indicator), Cell(m.measure), Cell(m.steps), Cell(m.period), Cell(m.owner),
             Cell(m.page), Cell(i + 1)]
        }
        error = ErrorLine(record: r)
    }

    /// The distinct warning codes, first seen first, `;`-separated; nil when none.
    static func warningCodes(_ warnings: [ITAModel.Warning]) -> String? {
        var seen = Set<String>(), codes: [String] = []
        for w in warnings where seen.insert(w.code.rawValue).inserted { codes.append(w.code.rawValue) }
        return codes.isEmpty ? nil : codes.joined(separator: ";")
    }

    /// True for an ASCII decimal as the contract writes scores: digits, at most one `.` inside.
    static func isASCIIDecimal(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { p in !p.isEmpty && p.utf8.allSatisfy { (0x30...0x39).contains($0) } }
    }

    /// A score that is not an ASCII decimal (Thai digits left, a stray mark) is written as it is, but
    /// flagged: the Table Schema says `number`, and `score_value` stays NULL for it.
    private static func checkScores(_ r: ReportRecord, warnings: inout [ITAModel.Warning]) {
        var bad: [(String, String, Int?)] = []
        if let s = r.fields.overallScore, !isASCIIDecimal(s.value) { bad.append(("overall_score", s.value, s.source?.page)) }
        if let s = r.fields.previousScore, !isASCIIDecimal(s.value) { bad.append(("previous_score", s.value, s.source?.page)) }
        for i in r.indicators where !isASCIIDecimal(i.score) { bad.append(("indicator \(i.indicator)", i.score, i.page)) }
        for q in r.questions where !isASCIIDecimal(q.score) { bad.append(("question \(q.code)", q.score, q.page)) }
        for (what, value, page) in bad {
            warnings.append(ITAModel.Warning(code: .scoreNotDecimal, message: "\(what): score \"\(value)\" is not an ASCII decimal",
                                             page: page))
        }
    }

    private struct IndexKey: Hashable { let year: Int?; let id: String }

    /// Keeps the first row of each key; a dropped row becomes a `duplicate_<what>_row` warning.
    private static func firstOfEach<T>(_ rows: [T], key: (T) -> IndexKey, what: String, code: WarningCode,
                                       warnings: inout [ITAModel.Warning]) -> [T] where T: ScoreRow {
        var seen = [IndexKey: T](), kept: [T] = []
        for row in rows {
            let k = key(row)
            if let first = seen[k] {
                let same = first.score == row.score ? "same score" : "first kept \(first.score), dropped \(row.score)"
                warnings.append(ITAModel.Warning(
                    code: code,
                    message: "\(what) \(k.id) year \(k.year.map(String.init) ?? "-") appears twice (\(same))",
                    page: row.page))
            } else {
                seen[k] = row; kept.append(row)
            }
        }
        return kept
    }
}

/// A score row, for the duplicate check.
protocol ScoreRow { var score: String { get }; var page: Int { get } }
extension IndicatorScore: ScoreRow {}
extension QuestionScore: ScoreRow {}
