import Foundation
import XCTest
import ITAModel
import PDFExtract
import PageLayout
import ThaiNormalise
@testable import ReportInterpret

/// Multi-year question tables ("ข้อคำถาม | คะแนนปี ๒๕๖๖ | คะแนนปี ๒๕๖๗ | เพิ่มขึ้น/ลดลง"): one score
/// per (year, code) from the real generated PDF whose table prints two years and a change column
/// over several pages; single-year tables keep the assessment year; the question cross-check reads
/// the assessment year's questions.
final class QuestionMultiYearTests: XCTestCase {
    private struct GoldQuestion: Decodable { var year: Int; var code: String; var score: String }
    private struct Gold: Decodable {
        struct Report: Decodable { var assessment_year: Int? }
        var report: Report
        var question_scores: [GoldQuestion]?
        var question_years: [Int]?
    }

    private static func gold(_ c: FieldsCorpus.Case) throws -> Gold {
        let json = URL(fileURLWithPath: c.pdf).deletingPathExtension().appendingPathExtension("json")
        return try JSONDecoder().decode(Gold.self, from: Data(contentsOf: json))
    }

    /// The documents whose gold lists two or more question years (an unreadable gold file throws).
    private var multiYearCases: [FieldsCorpus.Case] {
        get throws { try FieldsCorpus.cases.filter { c in (try Self.gold(c).question_years?.count ?? 0) >= 2 } }
    }

    /// Every (year, code) of the gold is read with its score, nothing else is, and no change
    /// value (a difference between the years) is taken for a score.
    func testEveryYearColumnIsReadAndChangesAreLeftOut() throws {
        let cases = try multiYearCases
        XCTAssertFalse(cases.isEmpty, "no multi-year question document in Corpus/generated")
        for c in cases {
            let gold = try Self.gold(c)
            let want = Dictionary(uniqueKeysWithValues: (gold.question_scores ?? []).map { ("\($0.year)/\($0.code)", $0.score) })
            let got = Dictionary(c.result.questions.map { ("\($0.year.map(String.init) ?? "?")/\($0.code)", $0.score) },
                                 uniquingKeysWith: { a, _ in a })
            XCTAssertEqual(got.count, c.result.questions.count, "\(c.name): one row per (year, code)")
            XCTAssertEqual(Set(got.keys), Set(want.keys), c.name)
            for (k, s) in want {
                XCTAssertTrue(FieldsCorpus.scoresEqual(got[k], s), "\(c.name) \(k): want \(s) got \(got[k] ?? "nothing")")
            }
            XCTAssertEqual(Set(c.result.questions.compactMap(\.year)), Set(gold.question_years ?? []), c.name)
            // Each year's score has its own provenance: the score's raw text is in it.
            for q in c.result.questions {
                XCTAssertTrue(q.source?.raw.hasSuffix(q.score) ?? false, "\(c.name) \(q.year ?? 0)/\(q.code): \(q.source?.raw ?? "")")
            }
        }
    }

    /// Single-score question tables still carry the assessment year, also after a multi-year
    /// indicator table ("ปี ๒๕๖๕ | ปี ๒๕๖๖ | ปี ๒๕๖๗") on the same pages.
    func testSingleYearTablesKeepTheAssessmentYear() throws {
        var checked = 0
        let multi = Set(try multiYearCases.map(\.name))
        for c in FieldsCorpus.cases where !multi.contains(c.name) {
            guard let year = c.gold.report.assessment_year, !c.result.questions.isEmpty else { continue }
            XCTAssertEqual(Set(c.result.questions.map(\.year)), [year], c.name)
            checked += 1
        }
        XCTAssertGreaterThanOrEqual(checked, 10)
    }

    /// The indicator-vs-questions check reads each indicator year's own questions: the multi-year
    /// document is consistent, and filing the earlier year's questions under the assessment year
    /// makes the check fire.
    func testCrossCheckUsesTheAssessmentYearsQuestions() throws {
        let mappings = FieldsCorpus.mappings
        for c in try multiYearCases {
            XCTAssertFalse(c.result.warnings.contains { $0.code == .indicatorMeanMismatch },
                           "\(c.name): \(c.result.warnings.map(\.message))")
            guard let year = c.result.fields.assessmentYear?.value else { return XCTFail("\(c.name): no assessment year") }
            var swapped = c.result
            swapped.questions = c.result.questions.filter { $0.year != year }.map { q in
                var q = q; q.year = year; return q
            }
            XCTAssertFalse(swapped.questions.isEmpty, c.name)
            let pdf = try PDFExtractor.read(path: c.pdf)
            let reader = try StageRoad(mappings: mappings).reader(LayoutAnalyser.analyse(pdf, furniture: try .checkedIn()), mappings: mappings)
            let warnings = CrossChecks.run(on: swapped, reader: reader)
            XCTAssertTrue(warnings.contains { $0.code == .indicatorMeanMismatch && $0.message.contains("(\(year))") },
                          "\(c.name): \(warnings.map(\.message))")
        }
    }

    /// Column titles of multi-year tables as reports print them.
    func testYearAndChangeColumnTitles() throws {
        let v = try QuestionTableVocabulary.load(mappings: FieldsCorpus.mappings, codeLetters: TestCodeLetters.letters)
        XCTAssertEqual(v.yearLabel("ปี ๒๕๖๖"), [2566])
        XCTAssertEqual(v.yearLabel("คะแนนปี 2567"), [2567])
        XCTAssertEqual(v.yearLabel("ปีงบประมาณ พ.ศ. ๒๕๖๖"), [2566])
        XCTAssertEqual(v.yearLabel("๒๕๖๕"), [2565])
        XCTAssertEqual(v.yearLabel("ปี ๒๕๖๖ ปี ๒๕๖๗"), [2566, 2567])
        // Short Buddhist years only right after a year word.
        XCTAssertEqual(v.yearLabel("ปี 66"), [2566])
        XCTAssertEqual(v.yearLabel("คะแนนปี ๖๗"), [2567])
        XCTAssertEqual(v.yearLabel("พ.ศ. 65"), [2565])
        XCTAssertEqual(v.yearLabel("66"), [])
        XCTAssertEqual(v.yearLabel("คะแนน 95"), [])
        XCTAssertEqual(v.yearLabel("ปี 12"), [])
        // Prose and scores are not column titles.
        XCTAssertEqual(v.yearLabel("ปี 2566 เทศบาลได้คะแนน"), [])
        XCTAssertEqual(v.yearLabel("๙๘.๑๒"), [])
        XCTAssertEqual(v.yearLabel("คะแนน"), [])
        for t in ["เพิ่มขึ้น/ลดลง", "เพิ่มขึ้น/", "ลดลง", "ผลต่าง", "+/-"] { XCTAssertTrue(v.isChangeLabel(t), t) }
        for t in ["คะแนนปี ๒๕๖๗", "ข้อคำถาม", "คะแนน"] { XCTAssertFalse(v.isChangeLabel(t), t) }
        // An ordinal title word is a title only with its number.
        XCTAssertTrue(v.isHeader("ประเด็นที่ ๒ การให้บริการ"))
        XCTAssertFalse(v.isHeader("ประเด็นที่เกี่ยวกับการใช้ทรัพย์สินของทางราชการ)"))
        XCTAssertTrue(v.isHeader("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่"))
    }

    private static let heading = "ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ ของเทศบาลตำบลขุนแก้ว มีผลคะแนนเฉลี่ย ๙๖.๗๓ คะแนน\n"

    /// A header with two year columns and a change column: two scores per question, the change
    /// (printed without a sign, so it reads like a score) left out.
    func testYearColumnsWithChangeColumn() throws {
        let reader = try FieldsTestLayout.reader(Self.heading + """
        ข้อคำถาม\tคะแนนปี ๒๕๖๖\tคะแนนปี ๒๕๖๗\tเพิ่มขึ้น/ลดลง
        i๑ เจ้าหน้าที่ของหน่วยงานท่าน\t๙๘.๐๐\t๙๙.๒๕\t๑.๒๕
        i๒ เจ้าหน้าที่ของหน่วยงานท่าน\t๙๗.๕๐\t๙๖.๐๐\t-๑.๕๐
        """)
        let qs = QuestionReader.read(from: reader)
        XCTAssertEqual(qs.map { "\($0.year ?? 0)/\($0.code)=\($0.score)" },
                       ["2566/i1=98.00", "2566/i2=97.50", "2567/i1=99.25", "2567/i2=96.00"])
    }

    /// A multi-year indicator table's year header above a single-score question table with no
    /// header of its own: the single scores stay the assessment year's, even where they sit
    /// under an earlier year's column.
    func testLeftoverYearHeaderDoesNotRelabelSingleScores() throws {
        let reader = try FieldsTestLayout.reader(Self.heading + """
        ตัวชี้วัด\tปี ๒๕๖๖\tปี ๒๕๖๗
        ๑. การปฏิบัติหน้าที่\t๙๕.๑๐\t๙๖.๒๐
        ๒. การใช้งบประมาณ\t๙๔.๐๐\t๙๓.๕๐
        i๑ เจ้าหน้าที่ของหน่วยงานท่าน\t๙๘.๐๐
        i๒ เจ้าหน้าที่ของหน่วยงานท่าน\t๙๗.๕๐
        """)
        let qs = QuestionReader.read(from: reader)
        XCTAssertEqual(qs.map { "\($0.year ?? 0)/\($0.code)=\($0.score)" }, ["2567/i1=98.00", "2567/i2=97.50"])
    }
}
