import ITAModel

/// Everything the interpret stage read from one document.
public struct Interpretation: Sendable {
    public var fields: ReportFields
    public var indicators: [IndicatorScore]
    public var questions: [QuestionScore]
    public var measures: [Measure]
    /// Cross-check failures and reading problems, with the numbers involved.
    public var warnings: [Warning]
    /// How many scores a complete section holds: the indicators of `indicators.json`, and per
    /// question year the questions of the catalogue its codes were checked against (the framework
    /// they follow). The run compares what it kept with these (`SectionCompleteness`).
    public var sectionSizes = SectionSizes()

    public struct SectionSizes: Sendable, Equatable {
        public var indicators = 0
        public var questions: [Int: (catalogue: Int, count: Int)] = [:]
        public init() {}
        public static func == (a: SectionSizes, b: SectionSizes) -> Bool {
            a.indicators == b.indicators && a.questions.mapValues { [$0.catalogue, $0.count] } == b.questions.mapValues { [$0.catalogue, $0.count] }
        }
    }

    public init(fields: ReportFields = ReportFields(), indicators: [IndicatorScore] = [],
                questions: [QuestionScore] = [], measures: [Measure] = [], warnings: [Warning] = []) {
        self.fields = fields; self.indicators = indicators; self.questions = questions
        self.measures = measures; self.warnings = warnings
    }
}
