import Foundation
import ITAModel

/// Cross-checks on what was read, reported as warnings with the numbers (never silent fixes):
/// indicator vs the mean of its questions, overall vs the tools' weighted scores, rating vs the
/// score bands of its year, scores outside 0-100, a question printed twice with different scores.
/// (Two districts and disagreeing printings are found while reading, see ReportFieldsReader and
/// IndicatorReader.) Weights, bands and catalogues: Mappings/ita/.
enum CrossChecks {
    static func run(on result: Interpretation, reader: DocumentReader) -> [Warning] {
        run(on: result, reader: reader, checks: ScoreChecks(result: result, vocabulary: reader.ita, settings: reader.settings))
    }

    /// The warnings, with the exact indicator and overall checks already made in `checks`.
    static func run(on result: Interpretation, reader: DocumentReader, checks: ScoreChecks) -> [Warning] {
        let v = reader.ita
        var out: [Warning] = []
        let year = result.fields.assessmentYear?.value

        // Scores outside 0-100.
        func range(_ what: String, _ s: String?, _ page: Int?) {
            guard let s, let d = Double(s) else { return }
            if d < 0 || d > 100 { out.append(Warning(code: .scoreOutOfRange, message: "\(what) \(s) is outside 0-100", page: page)) }
        }
        range("overall score", result.fields.overallScore?.value, result.fields.overallScore?.source?.page)
        range("previous-year score", result.fields.previousScore?.value, result.fields.previousScore?.source?.page)
        for i in result.indicators { range("indicator \(i.indicator) (\(i.year.map(String.init) ?? "year unknown"))", i.score, i.page) }
        for q in result.questions { range("question \(q.code)", q.score, q.page) }

        // A question printed twice with different scores (every printing, not just the kept one).
        let printings = QuestionReader.allPrintings(from: reader)
        out += duplicateQuestions(printings.isEmpty ? result.questions : printings)

        // Codes quoted with no score (a plan citing its source questions): no row, a warning.
        let unscored = QuestionReader.codesWithoutScores(from: reader)
        if !unscored.isEmpty {
            out.append(Warning(code: .questionCodesWithoutScores,
                               message: "question codes printed without a score (no row written): " + unscored.map { "\($0.code) (page \($0.page))" }.joined(separator: ", "),
                               page: unscored[0].page))
        }

        // Indicator vs mean of its questions (exact, catalogue order; complete sets only).
        out += checks.meanWarnings
        out += checks.frameworkWarnings

        // Codes the year's catalogue does not list (an OCR slip such as o44, or a framework change),
        // and years with no catalogue at all, whose questions go unchecked.
        let questionYears = Set(result.questions.compactMap(\.year)).sorted()
        for y in questionYears {
            let cat = checks.catalogues[y]?.entries ?? v.catalogue(y)
            let codes = result.questions.filter { $0.year == y }
            if cat.isEmpty {
                out.append(Warning(code: .questionCatalogueMissing,
                                   message: "no question catalogue for \(y) in Mappings/ita: \(codes.count) question scores not checked against their indicators (build one: ita-extract catalogue)",
                                   page: codes.first?.page))
                continue
            }
            let unknown = codes.filter { cat[$0.code] == nil }
            if !unknown.isEmpty {
                out.append(Warning(code: .questionCodeUnknown,
                                   message: "question codes not in the \(y) catalogue: " + unknown.map { "\($0.code) (page \($0.page))" }.joined(separator: ", "),
                                   page: unknown[0].page))
            }
        }

        // Overall vs weighted tool scores, and rating vs bands.
        if let y = year {
            out += checks.overallWarnings
            let mine = result.indicators.filter { $0.year == y }
            let toolScores = toolMeans(mine.map { ($0.indicator, Double($0.score) ?? -1) }, v)
            if let bands = v.bands[y], let rating = result.fields.rating, let o = result.fields.overallScore.flatMap({ Double($0.value) }) {
                let tools = toolScores.count == 3 && !v.toolConditionUnknown.contains(y) ? toolScores.keys.sorted().map { toolScores[$0]! } : nil
                let allowed = allowedRatings(score: o, tools: tools, bands: bands, slack: reader.settings.ratingBandSlack)
                if !allowed.contains(rating.value) {
                    out.append(Warning(code: .ratingBandMismatch,
                                       message: "rating \(rating.value) does not fit score \(result.fields.overallScore!.value) in the \(y) bands (expected \(allowed.joined(separator: " or ")))",
                                       page: rating.source?.page))
                }
            }
        }
        return out
    }

    /// Mean of each tool's indicators (only tools with all their indicators; which indicators a
    /// tool has comes from indicators.json).
    static func toolMeans(_ entries: [(Int, Double)], _ v: ITAVocabulary) -> [Tool: Double] {
        var by: [Int: Double] = [:]
        for (n, s) in entries where by[n] == nil { by[n] = s }
        var out: [Tool: Double] = [:]
        for tool in Tool.allCases {
            guard let r = v.indicatorsOfTool[tool], r.allSatisfy({ by[$0] != nil }) else { continue }
            out[tool] = r.map { by[$0]! }.reduce(0, +) / Double(r.count)
        }
        return out
    }

    /// The ratings a score (and, when known, its tool scores) may carry: the first band whose
    /// range and tool condition fit; without tool scores every band whose range fits. `slack`:
    /// `InterpretSettings.ratingBandSlack`.
    static func allowedRatings(score: Double, tools: [Double]?, bands: [ITAVocabulary.Band],
                               slack: Double = InterpretSettings().ratingBandSlack) -> [String] {
        let s = (score * 100).rounded() / 100
        let fitting = bands.filter { s >= $0.min && s <= $0.max + slack }
        if let tools {
            if let b = fitting.first(where: { b in b.toolMin.map { m in tools.allSatisfy { $0 >= m } } ?? true }) { return [b.rating] }
            return []
        }
        return fitting.map(\.rating)
    }

    /// Questions printed more than once (same year and code) with different scores.
    static func duplicateQuestions(_ questions: [QuestionScore]) -> [Warning] {
        struct Key: Hashable { var year: Int?; var code: String }
        var seen: [Key: [QuestionScore]] = [:]
        var order: [Key] = []
        for q in questions {
            let k = Key(year: q.year, code: q.code)
            if seen[k] == nil { order.append(k) }
            seen[k, default: []].append(q)
        }
        var out: [Warning] = []
        for k in order {
            let list = seen[k]!
            let distinct = Set(list.compactMap { Double($0.score) })
            guard distinct.count > 1 else { continue }
            let detail = list.map { "\($0.score) (page \($0.page))" }.joined(separator: ", ")
            out.append(Warning(code: .questionPrintedTwice, message: "question \(k.code) printed with different scores: \(detail)", page: list[0].page))
        }
        return out
    }
}
