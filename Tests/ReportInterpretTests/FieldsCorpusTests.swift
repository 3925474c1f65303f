import XCTest
import ITAModel
@testable import ReportInterpret

/// Report fields and indicator scores on every Corpus PDF against its gold JSON.
final class FieldsCorpusTests: XCTestCase {
    /// Every PDF of the gold folders is there, has a gold file and reads: nothing is skipped.
    func testCorpusIsThereAndReadable() {
        XCTAssertEqual(FieldsCorpus.loaded.problems, [])
        XCTAssertGreaterThanOrEqual(FieldsCorpus.cases.count, FieldsCorpus.folders.map(\.1).reduce(0, +), "Corpus PDFs with gold files")
    }

    /// Per-field accuracy over the corpus (printed), and each field right on every seed report.
    func testReportFieldsMatchGold() {
        var right: [String: Int] = [:]
        var total = 0
        for c in FieldsCorpus.cases {
            total += 1
            let f = c.result.fields, g = c.gold.report
            let checks: [(String, Bool)] = [
                ("unit_name", f.unitName?.value == g.unit_name),
                ("unit_type", f.unitType?.value == g.unit_type),
                ("district", f.district?.value == g.district),
                ("province", f.province?.value == g.province),
                ("assessment_year", f.assessmentYear?.value == g.assessment_year),
                ("plan_year", f.planYear?.value == g.plan_year),
                ("overall_score", FieldsCorpus.scoresEqual(f.overallScore?.value, g.overall_score)),
                ("rating", f.rating?.value == g.rating),
            ]
            for (field, ok) in checks {
                if ok { right[field, default: 0] += 1 }
                else {
                    print("MISS \(c.name) \(field): got \(String(describing: value(f, field))) gold \(String(describing: gold(g, field)))")
                    if c.name.hasPrefix("seeds/") { XCTFail("\(c.name) \(field)") }
                }
            }
        }
        XCTAssertGreaterThan(total, 0, "no corpus documents")
        // Over the whole corpus, every field right on at least 3 of 4 documents (a field never
        // right counts 0, it is not left out).
        for field in ["unit_name", "unit_type", "district", "province", "assessment_year", "plan_year", "overall_score", "rating"] {
            let n = right[field] ?? 0
            print("FIELD \(field): \(n)/\(total)")
            XCTAssertGreaterThanOrEqual(Double(n), 0.75 * Double(total), field)
        }
    }

    /// Rank and previous-year score where the seeds print them (not in the gold format): seed 000
    /// "อยู่ในลำดับที่ ๙๕ ... ๒๕๖๕ ซึ่งได้คะแนนอยู่ที่ ๘๔.๖", seed 003 "พ.ศ.๒๕๖๗ ได้คะแนนผลการประเมิน ๙๗.๐๖".
    func testRankAndPreviousScoreOfSeeds() {
        let s000 = FieldsCorpus.cases.first { $0.name.hasPrefix("seeds/s000") }?.result.fields
        XCTAssertEqual(s000?.rank?.value, 95)
        XCTAssertEqual(s000?.previousScore?.value, "84.6")
        let s003 = FieldsCorpus.cases.first { $0.name.hasPrefix("seeds/s003") }?.result.fields
        XCTAssertEqual(s003?.previousScore?.value, "97.06")
        XCTAssertNil(s003?.rank)
        // Every value carries where it came from.
        XCTAssertNotNil(s000?.unitName?.source?.box)
        XCTAssertFalse(s000?.overallScore?.source?.raw.isEmpty ?? true)
    }

    /// Indicator rows (year, indicator, score): recall and precision over the corpus.
    func testIndicatorScoresMatchGold() {
        var goldRows = 0, found = 0, extra = 0
        for c in FieldsCorpus.cases {
            let gold = c.gold.indicator_scores ?? []
            goldRows += gold.count
            var mine = c.result.indicators
            for g in gold {
                if let k = mine.firstIndex(where: { $0.year == g.year && $0.indicator == g.indicator }) {
                    if FieldsCorpus.scoresEqual(mine[k].score, g.score) { found += 1 }
                    else { print("WRONG \(c.name) \(g.year.map(String.init) ?? "-") #\(g.indicator): got \(mine[k].score) gold \(g.score)") }
                    mine.remove(at: k)
                } else {
                    print("MISSING \(c.name) \(g.year.map(String.init) ?? "-") #\(g.indicator) gold \(g.score)")
                }
            }
            for m in mine { extra += 1; print("EXTRA \(c.name) \(m.year.map(String.init) ?? "-") #\(m.indicator) \(m.score) p\(m.page)") }
            if c.name.hasPrefix("seeds/") {
                XCTAssertEqual(c.result.indicators.count, gold.count, c.name)
            }
        }
        print("INDICATORS right \(found)/\(goldRows), extra \(extra)")
        XCTAssertGreaterThan(goldRows, 0, "no gold indicator rows")
        XCTAssertGreaterThanOrEqual(Double(found), 0.8 * Double(goldRows))
    }

    private func value(_ f: ReportFields, _ field: String) -> String? {
        switch field {
        case "unit_name": return f.unitName?.value
        case "unit_type": return f.unitType?.value
        case "district": return f.district?.value
        case "province": return f.province?.value
        case "assessment_year": return f.assessmentYear.map { String($0.value) }
        case "plan_year": return f.planYear.map { String($0.value) }
        case "overall_score": return f.overallScore?.value
        default: return f.rating?.value
        }
    }

    private func gold(_ g: FieldsCorpus.Gold.Report, _ field: String) -> String? {
        switch field {
        case "unit_name": return g.unit_name
        case "unit_type": return g.unit_type
        case "district": return g.district
        case "province": return g.province
        case "assessment_year": return g.assessment_year.map(String.init)
        case "plan_year": return g.plan_year.map(String.init)
        case "overall_score": return g.overall_score
        default: return g.rating
        }
    }
}
