import Foundation
import ITAModel

/// The document's own arithmetic over its scores, exactly (`ExactScore`) and in catalogue order:
/// an indicator against the mean of its printed questions (OIT: the mean of its sub-indicator
/// means), and the overall score against the weighted means of the tools. Each check gives a
/// warning when it fails and marks the scores involved for the `check` column.
struct ScoreChecks {
    /// The check result of each indicator and question row (by index into the result's arrays).
    var indicatorMarks: [Int: ScoreCheck] = [:]
    var questionMarks: [Int: ScoreCheck] = [:]
    /// The overall score against the weighted tool means (nil: not checked).
    var overallMark: ScoreCheck?
    var meanWarnings: [Warning] = []
    var overallWarnings: [Warning] = []
    /// Years whose printed codes follow another year's framework (catalogue year, codes' year).
    var frameworkWarnings: [Warning] = []
    /// The catalogue each question year was checked against.
    var catalogues: [Int: FrameworkCatalogue] = [:]

    /// An inconsistent mark is never turned back into a consistent one by another check.
    private static func mark(_ marks: inout [Int: ScoreCheck], _ i: Int, _ c: ScoreCheck) {
        if marks[i] != .inconsistent { marks[i] = c }
    }

    /// `settings`: the tolerances (the framework's own in Mappings unless `--settings` replaces them).
    /// `frameworks`: the catalogue each question year is checked against (`QuestionFrameworkChoice`);
    /// nil: the codes choose (`FrameworkCatalogue.choose`), as where no row's text or page is known.
    init(result: Interpretation, vocabulary v: ITAVocabulary, settings: InterpretSettings = InterpretSettings(),
         frameworks: QuestionFrameworkChoice? = nil) {
        let questions = result.questions
        // Which catalogue each year's questions follow.
        for y in Set(questions.compactMap(\.year)).sorted() {
            let codes = questions.filter { $0.year == y }.map(\.code)
            let chosen = frameworks.map { $0.catalogues[y] } ?? FrameworkCatalogue.choose(year: y, codes: codes, vocabulary: v)
            guard let c = chosen else { continue }
            catalogues[y] = c
            if c.year != y, !v.catalogue(y).isEmpty, !c.sameFramework(as: v.catalogue(y)) {
                frameworkWarnings.append(Warning(code: .questionFrameworkDisagrees,
                                                 message: "the \(y) question codes (\(Set(codes).count)) follow the \(c.year) framework, not the one of questions-\(y).tsv; checked against the \(c.year) catalogue",
                                                 page: questions.first { $0.year == y }?.page))
            }
        }

        // Indicator vs the mean of its questions.
        let tolerance = ExactScore.toleranceHundredths(settings.questionMean(mappings: v.questionMeanTolerance))
        for (n, ind) in result.indicators.enumerated() {
            // An undecided framework checks nothing: its guess might be the wrong one.
            guard let y = ind.year, v.questionMeanTools.contains(ind.tool), frameworks?.undecided.contains(y) != true,
                  let cat = catalogues[y] ?? FrameworkCatalogue.choose(year: y, codes: [], vocabulary: v) else { continue }
            let codes = cat.codes(ofIndicator: ind.indicator)
            guard !codes.isEmpty, let printed = ExactScore.hundredths(ind.score) else { continue }
            // The first printing of each code of the year (or of no stated year).
            var rowOf: [String: Int] = [:]
            for (i, q) in questions.enumerated() where (q.year == y || q.year == nil) && rowOf[q.code] == nil
                && ExactScore.hundredths(q.score) != nil {
                rowOf[q.code] = i
            }
            guard codes.allSatisfy({ rowOf[$0.code] != nil }) else { continue }
            func value(_ c: ITAVocabulary.QuestionInfo) -> Int { ExactScore.hundredths(questions[rowOf[c.code]!].score)! }
            let mean: ExactScore?
            if ind.tool == .oit {
                var order: [String] = []
                var groups: [String: [Int]] = [:]
                for c in codes {
                    let k = c.subindicator ?? ""
                    if groups[k] == nil { order.append(k) }
                    groups[k, default: []].append(value(c))
                }
                mean = ExactScore.mean(order.compactMap { ExactScore.mean(groups[$0]!) })
            } else {
                mean = ExactScore.mean(codes.map(value))
            }
            guard let mean else { continue }
            let ok = mean.agrees(with: printed, toleranceHundredths: tolerance)
            let c: ScoreCheck = ok ? .consistent : .inconsistent
            Self.mark(&indicatorMarks, n, c)
            for code in codes { Self.mark(&questionMarks, rowOf[code.code]!, c) }
            if !ok {
                meanWarnings.append(Warning(code: .indicatorMeanMismatch,
                                            message: "indicator \(ind.indicator) (\(y)) is printed as \(ind.score) but the mean of its \(codes.count) questions is \(mean.twoDecimals)",
                                            page: ind.page))
            }
        }

        // Overall vs the weighted tool means (the assessment year's ten indicators).
        if let y = result.fields.assessmentYear?.value, let w = v.weights[y], let overall = result.fields.overallScore,
           let o = ExactScore.hundredths(overall.value) {
            var first: [Int: Int] = [:]
            for (i, ind) in result.indicators.enumerated() where ind.year == y && first[ind.indicator] == nil {
                first[ind.indicator] = i
            }
            let values = first.mapValues { ExactScore.hundredths(result.indicators[$0].score) }
            if v.indicatorNumbers.allSatisfy({ values[$0] != nil && values[$0]! != nil }) {
                // Each tool's indicators as indicators.json assigns them (every tool has one: checked at load).
                func toolMean(_ t: Tool) -> ExactScore { ExactScore.mean(v.indicatorsOfTool[t]!.map { values[$0]!! })! }
                let parts: [(Tool, ExactScore, Double)] = [(.iit, toolMean(.iit), w.iit), (.eit, toolMean(.eit), w.eit),
                                                           (.oit, toolMean(.oit), w.oit)]
                // Weights are percent; as hundredths of a percent they are whole numbers.
                let computed = parts.map { $0.1.times(ExactScore.toleranceHundredths($0.2), over: 10_000) }
                    .dropFirst().reduce(parts[0].1.times(ExactScore.toleranceHundredths(parts[0].2), over: 10_000), +)
                let ok = computed.agrees(with: o, toleranceHundredths: ExactScore.toleranceHundredths(settings.overallWeighted(mappings: w.tolerance)))
                for n in v.indicatorNumbers { Self.mark(&indicatorMarks, first[n]!, ok ? .consistent : .inconsistent) }
                overallMark = ok ? .consistent : .inconsistent
                if !ok {
                    let detail = parts.map { "\($0.0.rawValue) \($0.1.twoDecimals) x\(Self.percent($0.2))%" }.joined(separator: ", ")
                    overallWarnings.append(Warning(code: .overallWeightedMismatch,
                                                   message: "overall score \(overall.value) (\(y)) but the tools' weighted scores give \(computed.twoDecimals) (\(detail))",
                                                   page: overall.source?.page))
                }
            }
        }
    }

    /// A weight as the warnings print it ("30", "12.5").
    private static func percent(_ w: Double) -> String { String(format: "%g", w) }

    /// The marks written into the rows.
    func apply(to result: inout Interpretation) {
        for (i, c) in indicatorMarks { result.indicators[i].check = c }
        for (i, c) in questionMarks { result.questions[i].check = c }
    }
}
