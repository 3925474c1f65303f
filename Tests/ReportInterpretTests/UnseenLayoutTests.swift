import Foundation
import ITAModel
import PDFExtract
import PageLayout
import ThaiNormalise
import XCTest
@testable import ReportInterpret

/// Reports laid out unlike any Corpus document (issue 9), rendered with LibreOffice from the HTML
/// in Tests/Fixtures/unseen (make.sh): a year split by a font change with laws' years at the end,
/// a plan quoting question codes with no score, an indicator table in another column order.
final class UnseenLayoutTests: XCTestCase {
    static let mappings = MappingsDirectory.forSourceFile(#filePath)!
    static let fixtures = mappings.deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/unseen")

    static func interpret(_ name: String) throws -> (Interpretation, DocumentLayout) {
        let normaliser = try ThaiNormaliser(mappings: mappings)
        let pdf = try PDFExtractor.read(path: fixtures.appendingPathComponent(name).path)
        let layout = LayoutAnalyser.analyse(pdf)
        return (ReportInterpreter(mappings: mappings, normaliser: normaliser).interpret(layout), layout)
    }

    /// The cover's year is printed `๒๕๖` + `7` in another font and the last page cites two laws
    /// (พ.ศ. ๒๕๖๒, ๒๕๖๐): the year is 2567, never a law's year.
    func testYearSplitByFontChangeAndLawYearsIgnored() throws {
        let (r, layout) = try Self.interpret("u01-split-year-quoted-codes.pdf")
        XCTAssertEqual(r.fields.assessmentYear?.value, 2567)
        // The joined word keeps the text layer's split in its raw text.
        let words = layout.pages.flatMap(\.lines).flatMap(\.segments).flatMap(\.words)
        let year = try XCTUnwrap(words.first { $0.text.hasSuffix("๒๕๖7") })
        XCTAssertTrue(year.raw.hasSuffix("๒๕๖ 7"), year.raw)
        // Two real numbers a space apart stay two words.
        XCTAssertFalse(words.contains { $0.text.contains("๒๕๖๒๒") })
    }

    /// The plan quotes i24 and e5 as its issues, with periods `๑ ต.ค.๖๗ - ๓๐ ก.ย. ๖๘` beside them
    /// and no score: no question row (the period's `๖๘` is not a score), a warning listing the codes,
    /// and the periods give the plan year (fiscal 2568).
    func testQuotedCodesGiveNoScoresAndPeriodsGivePlanYear() throws {
        let (r, _) = try Self.interpret("u01-split-year-quoted-codes.pdf")
        XCTAssertEqual(r.questions.map(\.code), [])
        let w = try XCTUnwrap(r.warnings.first { $0.code == "question_codes_without_scores" })
        XCTAssertTrue(w.message.contains("i24") && w.message.contains("e5"), w.message)
        XCTAssertEqual(r.fields.planYear?.value, 2568)
        XCTAssertEqual(r.fields.planYear?.source?.via, "period")
        // Overall score and rating from one sentence.
        XCTAssertEqual(r.fields.overallScore?.value, "85.86")
        XCTAssertEqual(r.fields.rating?.value, "ผ่าน")
    }

    /// `ตัวชี้วัดที่ | ชื่อตัวชี้วัด | เครื่องมือ | คะแนนปี ๒๕๖๗`: the tool column after the name.
    func testIndicatorTableInAnotherColumnOrder() throws {
        let (r, _) = try Self.interpret("u02-indicator-columns.pdf")
        XCTAssertEqual(r.indicators.map(\.indicator), Array(1...10))
        XCTAssertEqual(r.indicators.map(\.score), ["92.15", "88.40", "90.00", "86.72", "87.11", "89.33", "85.08", "84.60", "81.25", "75.00"])
        XCTAssertTrue(r.indicators.allSatisfy { $0.year == 2567 })
        XCTAssertEqual(r.indicators.map(\.tool), [.iit, .iit, .iit, .iit, .iit, .eit, .eit, .eit, .oit, .oit])
    }
}
