import Foundation
import ITAModel

/// The year of an OCR'd indicator table that names none, when it is the document's only one.
/// An unlabelled single-score table is the assessment year's when its weighted tool means give the
/// printed overall score (`IndicatorReader.groupYear`). On a scan OCR leaves rows unread (a garbled
/// score, a blank number cell: tune scans v000008, v000010), so that check cannot run and a right
/// table was left out whole. Where the document prints no other indicator table (no multi-year
/// table, no indicator twice among its pieces: the pieces are one table cut by unread rows, and
/// none of them dated as another year's), no prose printing disagrees with it, every piece is
/// OCR'd and at least `onlyTableMinReadShare` of the indicators were read, the table is the
/// assessment year's when its values admit the printed overall score: with each unread indicator
/// anywhere from 0 to 100, the weighted tool means can reach it. Text layers keep the strict rule:
/// there the rows are read and the check decides. Such rows say so in their provenance (`via`) and
/// in a warning (`indicator_table_year_inferred`).
struct OnlyIndicatorTable {
    static let via = "table, the document's only indicator table"
    /// One piece of the document's single-score tables: its rows (number, score, OCR'd) and the
    /// year the strict rules gave it.
    struct Piece {
        var rows: [(number: Int, score: String, recognised: Bool)]
        var year: Int?
        var page: Int
    }
    private let pieces: [Piece]
    private let multiYearPrinted: Bool
    private let prose: [IndicatorReader.Printing]

    init(pieces: [Piece], multiYearPrinted: Bool, prose: [IndicatorReader.Printing]) {
        self.pieces = pieces
        self.multiYearPrinted = multiYearPrinted
        self.prose = prose
    }

    /// The assessment year and the warning saying why, when the rule above gives it; else nil.
    func assessmentYear(fields: ReportFields, reader: DocumentReader) -> (year: Int, warning: Warning)? {
        let rows = pieces.flatMap(\.rows)
        guard !multiYearPrinted, !rows.isEmpty, rows.allSatisfy(\.recognised),
              Set(rows.map(\.number)).count == rows.count,
              let a = fields.assessmentYear?.value, pieces.allSatisfy({ $0.year == nil || $0.year == a }),
              let overallText = fields.overallScore?.value, let overall = Double(overallText),
              let w = reader.ita.weights[a] else { return nil }
        let indicators = reader.ita.indicators.count
        guard Double(rows.count) >= reader.settings.onlyTableMinReadShare * Double(indicators) else { return nil }
        var known: [Int: Double] = [:]
        for e in rows {
            guard let s = Double(e.score), (0...100).contains(s) else { return nil }
            known[e.number] = s
        }
        // The document's prose giving an indicator another value: the table may be another year's.
        for p in prose where (p.year == nil || p.year == a) {
            if let k = known[p.number], Double(p.score) != k { return nil }
        }
        guard let range = Self.weightedRange(known, w, reader.ita) else { return nil }
        let tolerance = max(reader.settings.overallWeighted(mappings: w.tolerance), reader.settings.tableYearTolerance)
        guard overall >= range.lowerBound - tolerance && overall <= range.upperBound + tolerance else { return nil }
        let warning = Warning(code: .indicatorTableYearInferred,
                              message: "an OCR'd indicator table with no year label, the document's only one, \(rows.count) of its \(indicators) indicators read, taken as the \(a) result: with the unread ones anywhere from 0 to 100 its weighted tool means range \(Self.format(range.lowerBound))-\(Self.format(range.upperBound)), which admits the printed overall score \(overallText)",
                              page: pieces.first?.page)
        return (a, warning)
    }

    private static func format(_ v: Double) -> String { String(format: "%.2f", v) }

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
