import ITAModel

/// Everything the interpret stage read from one document.
public struct Interpretation: Sendable {
    public var fields: ReportFields
    public var indicators: [IndicatorScore]
    public var questions: [QuestionScore]
    public var measures: [Measure]
    /// Cross-check failures and reading problems, with the numbers involved.
    public var warnings: [Warning]

    public init(fields: ReportFields = ReportFields(), indicators: [IndicatorScore] = [],
                questions: [QuestionScore] = [], measures: [Measure] = [], warnings: [Warning] = []) {
        self.fields = fields; self.indicators = indicators; self.questions = questions
        self.measures = measures; self.warnings = warnings
    }
}
