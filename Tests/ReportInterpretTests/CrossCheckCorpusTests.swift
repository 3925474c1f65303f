import XCTest
import ITAModel
@testable import ReportInterpret

/// Cross-check warnings on the Corpus PDFs: the known faults of the seed reports are reported with
/// their numbers, and clean reports raise no score warnings.
final class CrossCheckCorpusTests: XCTestCase {
    private func warnings(_ prefix: String) -> [Warning] {
        FieldsCorpus.cases.first { $0.name.hasPrefix(prefix) }?.result.warnings ?? []
    }

    func testPrintsEveryWarning() {
        for c in FieldsCorpus.cases {
            for w in c.result.warnings { print("WARNING \(c.name) \(w.code): \(w.message)") }
        }
        XCTAssertFalse(FieldsCorpus.cases.isEmpty)
    }

    /// Seed 002 names two districts for itself (cover ท่ากระชับ, body น้ำเกลี้ยง twice).
    func testTwoDistrictsInSeed002() {
        let w = warnings("seeds/s002").filter { $0.code == .twoDistricts }
        XCTAssertEqual(w.count, 1)
        XCTAssertTrue(w.first?.message.contains("ท่ากระชับ") ?? false)
        XCTAssertTrue(w.first?.message.contains("น้ำเกลี้ยง") ?? false)
    }

    /// Seed 002's second, unlabelled indicator table is not filed under 2566, and says so.
    func testUnlabelledTableInSeed002IsReported() {
        let w = warnings("seeds/s002").filter { $0.code == .indicatorTableYearUnknown }
        XCTAssertEqual(w.count, 1)
        XCTAssertTrue(w.first?.message.contains("1=91.22") ?? false, w.first?.message ?? "")
    }

    /// Seed 003 prints indicators 6, 7 and 8 of 2568 with different values in different places.
    func testDisagreeingPrintingsInSeed003() {
        let w = warnings("seeds/s003").filter { $0.code == .indicatorPrintingsDisagree }
        let text = w.map(\.message).joined(separator: "\n")
        XCTAssertTrue(text.contains("indicator 7 2568: kept 94.38"), text)
        XCTAssertTrue(text.contains("97.38"), text)
        XCTAssertTrue(text.contains("indicator 6 2568: kept 97.61"), text)
    }

    /// Seeds 000 and 002: the printed overall score is the weighted tool means, the rating fits.
    func testConsistentSeedsRaiseNoScoreWarnings() {
        for prefix in ["seeds/s000", "seeds/s002"] {
            let codes = warnings(prefix).map(\.code.rawValue)
            XCTAssertFalse(codes.contains("overall_weighted_mismatch"), prefix)
            XCTAssertFalse(codes.contains("rating_band_mismatch"), prefix)
            XCTAssertFalse(codes.contains("score_out_of_range"), prefix)
        }
    }
}
