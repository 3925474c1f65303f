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
        /// Per question year with codes: the whole section of the framework its codes follow.
        public var questions: [Int: QuestionSection] = [:]
        /// Every framework's question count (catalogue year → count) and the frameworks each
        /// year's reports may follow (`question-frameworks.json`): a year whose scores all left
        /// (OCR's checks) or were found later still has a whole to count against.
        public var frameworkCounts: [Int: Int] = [:]
        public var frameworksOfYear: [Int: [Int]] = [:]
        /// Each framework's codes (catalogue year → codes).
        public var frameworkCodes: [Int: Set<String>] = [:]
        public init() {}

        /// The whole question section of `year`: its codes' framework, else the smallest framework
        /// the year may follow (any framework with no year read) that lists every one of `codes`
        /// (the codes kept and those OCR's checks left empty; a code no catalogue lists rules
        /// nothing out): nothing proves which, so "mostly not read" must hold for each.
        public func questions(of year: Int?, codes: Set<String> = []) -> QuestionSection? {
            if let year, let known = questions[year] { return known }
            let listed = codes.filter { c in frameworkCodes.values.contains { $0.contains(c) } }
            let candidates = (year.flatMap { frameworksOfYear[$0] } ?? Array(frameworkCounts.keys))
                .filter { listed.isSubset(of: frameworkCodes[$0] ?? []) }
            return candidates.compactMap { y in frameworkCounts[y].map { QuestionSection(catalogue: y, count: $0, proven: candidates.count == 1) } }
                .min { ($0.count, $0.catalogue) < ($1.count, $1.catalogue) }
        }
    }

    /// How many question scores a whole section holds, and of which catalogue. `proven` false: the
    /// codes fit more than one framework the year may follow; `count` is then the smallest.
    public struct QuestionSection: Sendable, Equatable {
        public var catalogue: Int
        public var count: Int
        public var proven: Bool
        public init(catalogue: Int, count: Int, proven: Bool) {
            self.catalogue = catalogue; self.count = count; self.proven = proven
        }
    }

    public init(fields: ReportFields = ReportFields(), indicators: [IndicatorScore] = [],
                questions: [QuestionScore] = [], measures: [Measure] = [], warnings: [Warning] = []) {
        self.fields = fields; self.indicators = indicators; self.questions = questions
        self.measures = measures; self.warnings = warnings
    }
}
