import ITAModel

/// The year of an OCR'd indicator table that names none, when it is the document's only one.
/// An unlabelled single-score table is the assessment year's when its weighted tool means give the
/// printed overall score (`IndicatorReader.groupYear`). On a scan OCR leaves rows unread (a garbled
/// score, a blank number cell: tune scans v000008, v000010), so that check cannot run and a right
/// table was left out whole. Where the document prints no other indicator table (no multi-year
/// table, no indicator twice among its pieces: the pieces are one table cut by unread rows) and
/// every piece is OCR'd, the table is the assessment year's when its values admit the printed
/// overall score: with each unread indicator anywhere from 0 to 100, the weighted tool means can
/// reach it. Text layers keep the strict rule: there the rows are read and the check decides.
/// Such rows say so in their provenance (`via`).
struct OnlyIndicatorTable {
    static let via = "table, the document's only indicator table"
    /// Every row of the document's single-score tables: number, score, whether its page was OCR'd.
    private let entries: [(number: Int, score: String, recognised: Bool)]
    private let multiYearPrinted: Bool

    init(groups: [[(number: Int, score: String, recognised: Bool)]], multiYearPrinted: Bool) {
        entries = groups.flatMap { $0 }
        self.multiYearPrinted = multiYearPrinted
    }

    /// The assessment year, when the rule above gives it; else nil.
    func assessmentYear(fields: ReportFields, reader: DocumentReader) -> Int? {
        guard !multiYearPrinted, !entries.isEmpty, entries.allSatisfy(\.recognised),
              Set(entries.map(\.number)).count == entries.count,
              let a = fields.assessmentYear?.value, let overall = fields.overallScore.flatMap({ Double($0.value) }),
              let w = reader.ita.weights[a] else { return nil }
        var known: [Int: Double] = [:]
        for e in entries {
            guard let s = Double(e.score), (0...100).contains(s) else { return nil }
            known[e.number] = s
        }
        guard let range = Self.weightedRange(known, w, reader.ita) else { return nil }
        let tolerance = max(reader.settings.overallWeighted(mappings: w.tolerance), reader.settings.tableYearTolerance)
        return overall >= range.lowerBound - tolerance && overall <= range.upperBound + tolerance ? a : nil
    }

    /// The least and most overall score the tool means can give with every unknown indicator
    /// from 0 to 100 (the weights of `weightedOverall`).
    static func weightedRange(_ known: [Int: Double], _ w: ITAVocabulary.Weights, _ v: ITAVocabulary) -> ClosedRange<Double>? {
        var low = 0.0, high = 0.0
        for (tool, weight) in [(Tool.iit, w.iit), (.eit, w.eit), (.oit, w.oit)] {
            guard let numbers = v.indicatorsOfTool[tool], !numbers.isEmpty else { return nil }
            let sum = numbers.compactMap { known[$0] }.reduce(0, +)
            let unknown = Double(numbers.filter { known[$0] == nil }.count)
            low += weight * sum / Double(numbers.count)
            high += weight * (sum + 100 * unknown) / Double(numbers.count)
        }
        return (low / 100)...(high / 100)
    }
}
