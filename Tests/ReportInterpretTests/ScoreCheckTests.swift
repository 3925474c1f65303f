import Foundation
import ITAModel
import XCTest
@testable import ReportInterpret

/// Exact score arithmetic and the `check` marks (issue 9 / issue 14: a mean printed 89.86 in one
/// run and 89.87 in another, from summing in dictionary order).
final class ScoreCheckTests: XCTestCase {
    func testHundredthsParse() {
        XCTAssertEqual(ExactScore.hundredths("89.86"), 8986)
        XCTAssertEqual(ExactScore.hundredths("100"), 10000)
        XCTAssertEqual(ExactScore.hundredths("84.6"), 8460)
        XCTAssertNil(ExactScore.hundredths("84.666"))
        XCTAssertNil(ExactScore.hundredths("๘๔.๖"))
        XCTAssertNil(ExactScore.hundredths("-"))
    }

    /// A mean exactly halfway between two printed values rounds up, whatever the order of terms.
    func testMeanIsExactAndOrderFree() {
        let values = [8986, 8987, 8986, 8987, 8986, 8987]  // mean 89.865
        let a = ExactScore.mean(values)!, b = ExactScore.mean(values.reversed())!
        XCTAssertEqual(a.reduced, b.reduced)
        XCTAssertEqual(a.twoDecimals, "89.87")
        XCTAssertTrue(a.agrees(with: 8987, toleranceHundredths: 1))
        XCTAssertFalse(a.agrees(with: 8980, toleranceHundredths: 2))
        // Mean of sub-indicator means: (100 + 50) / 2 and (90) → (75 + 90) / 2 = 82.50.
        let m = ExactScore.mean([ExactScore.mean([10000, 5000])!, ExactScore.mean([9000])!])!
        XCTAssertEqual(m.twoDecimals, "82.50")
    }

    static let mappings = MappingsDirectory.forSourceFile(#filePath)!

    func question(_ code: String, _ score: String, year: Int = 2568) -> QuestionScore {
        QuestionScore(year: year, code: code, tool: TestCodeLetters.letters.tool(ofCode: code)!, question: nil, score: score, page: 1, source: nil)
    }

    /// 2568 catalogue (i1-i15, three per indicator): indicator 1 = mean of i1-i3 is consistent,
    /// indicator 2 printed off its questions' mean is inconsistent, with a warning.
    func testChecksMarkIndicatorsAndQuestions2568() throws {
        let v = try ITAVocabulary(mappings: Self.mappings)
        var r = Interpretation()
        r.questions = [question("i1", "90.00"), question("i2", "80.00"), question("i3", "70.00"),
                       question("i4", "100.00"), question("i5", "100.00"), question("i6", "97.00")]
        r.indicators = [IndicatorScore(year: 2568, indicator: 1, tool: .iit, name: nil, score: "80.00", page: 1, source: nil),
                        IndicatorScore(year: 2568, indicator: 2, tool: .iit, name: nil, score: "95.00", page: 1, source: nil)]
        let checks = ScoreChecks(result: r, vocabulary: v)
        checks.apply(to: &r)
        XCTAssertEqual(r.indicators.map(\.check), [.consistent, .inconsistent])
        XCTAssertEqual(r.questions.map(\.check), [.consistent, .consistent, .consistent, .inconsistent, .inconsistent, .inconsistent])
        XCTAssertEqual(checks.meanWarnings.map(\.code), [.indicatorMeanMismatch])
        XCTAssertTrue(checks.meanWarnings[0].message.contains("99.00"), checks.meanWarnings[0].message)
        XCTAssertEqual(checks.catalogues[2568]?.year, 2568)
    }

    /// A document's own codes decide its catalogue: i16-i30 under 2568 follow the 2566 framework.
    func testCodesBeyondTheYearsFrameworkChooseAnotherCatalogue() throws {
        let v = try ITAVocabulary(mappings: Self.mappings)
        var r = Interpretation()
        r.questions = (1...30).map { question("i\($0)", "90.00") }
        let checks = ScoreChecks(result: r, vocabulary: v)
        XCTAssertNotEqual(checks.catalogues[2568]?.year, 2568)
        XCTAssertEqual(checks.catalogues[2568]?.entries["i30"]?.indicator, 5)
        XCTAssertEqual(checks.frameworkWarnings.map(\.code), [.questionFrameworkDisagrees])
        // The 2568 catalogue as the framework defines it.
        let c = v.catalogue(2568)
        XCTAssertEqual(c.count, 15 + 9 + 35)
        XCTAssertEqual(c["i13"]?.indicator, 5)
        XCTAssertEqual(c["e7"]?.indicator, 8)
        XCTAssertEqual(c["o25"]?.indicator, 9)
        XCTAssertEqual(c["o26"]?.subindicator, "10.1")
        XCTAssertEqual(c["o34"]?.subindicator, "10.2")
        XCTAssertTrue(c.values.allSatisfy { $0.name.isEmpty })
    }

    /// A 2567 document printing every tool complete up to the 2568 framework's last codes (i15, e9,
    /// o35) follows that framework; one printing only i1-i10 keeps its year's catalogue.
    func testCompleteToolsDecideTheFramework() throws {
        let v = try ITAVocabulary(mappings: Self.mappings)
        var r = Interpretation()
        r.questions = (1...15).map { question("i\($0)", "90.00", year: 2567) } + (1...9).map { question("e\($0)", "90.00", year: 2567) }
            + (1...35).map { question("o\($0)", "90.00", year: 2567) }
        XCTAssertEqual(ScoreChecks(result: r, vocabulary: v).catalogues[2567]?.year, 2568)
        r.questions = (1...10).map { question("i\($0)", "90.00", year: 2567) }
        let partial = ScoreChecks(result: r, vocabulary: v)
        XCTAssertEqual(partial.catalogues[2567]?.year, 2567)
        XCTAssertEqual(partial.frameworkWarnings.count, 0)
    }

    /// A year with no catalogue: codes that are only a subset of another framework prove nothing
    /// (left unchecked); every tool printed complete up to another catalogue's last codes does.
    func testYearWithoutCatalogueNeedsCompleteTools() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("unseen-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.mappings.appendingPathComponent("ita"), to: dir.appendingPathComponent("ita"))
        try "code\ttool\tindicator\tsubindicator\tname\n".write(to: dir.appendingPathComponent("ita/questions-2568.tsv"),
                                                              atomically: true, encoding: .utf8)
        let v = try ITAVocabulary(mappings: dir)
        var r = Interpretation()
        r.questions = (1...15).map { question("i\($0)", "90.00") }
        XCTAssertNil(ScoreChecks(result: r, vocabulary: v).catalogues[2568])
        r.questions = (1...30).map { question("i\($0)", "90.00") } + (1...15).map { question("e\($0)", "90.00") }
            + (1...43).map { question("o\($0)", "90.00") }
        XCTAssertEqual(ScoreChecks(result: r, vocabulary: v).catalogues[2568]?.entries.count, 88)
    }

    /// Overall against the weighted tools: the ten indicators are marked by it.
    func testOverallCheckMarksIndicators() throws {
        let v = try ITAVocabulary(mappings: Self.mappings)
        var r = Interpretation()
        r.fields.assessmentYear = Traced(2566, source: nil)
        // IIT mean 90, EIT mean 80, OIT mean 70: 0.3*90 + 0.3*80 + 0.4*70 = 79.00.
        let scores = ["90.00", "90.00", "90.00", "90.00", "90.00", "80.00", "80.00", "80.00", "70.00", "70.00"]
        r.indicators = scores.enumerated().map { i, s in
            IndicatorScore(year: 2566, indicator: i + 1, tool: v.tool(ofIndicator: i + 1)!, name: nil, score: s, page: 1, source: nil)
        }
        r.fields.overallScore = Traced("79.00", source: nil)
        var ok = r
        ScoreChecks(result: ok, vocabulary: v).apply(to: &ok)
        XCTAssertTrue(ok.indicators.allSatisfy { $0.check == .consistent })
        r.fields.overallScore = Traced("79.50", source: nil)
        let bad = ScoreChecks(result: r, vocabulary: v)
        XCTAssertEqual(bad.overallWarnings.map(\.code), [.overallWeightedMismatch])
        XCTAssertTrue(bad.overallWarnings[0].message.contains("give 79.00"), bad.overallWarnings[0].message)
    }
}
