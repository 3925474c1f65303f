import XCTest
import ITAModel
@testable import ReportInterpret

/// The cross-check rules on built inputs: each warning fires with its numbers, and not otherwise.
final class CrossCheckRulesTests: XCTestCase {
    private func table(_ scores: [String]) -> String {
        let names = ["การปฏิบัติหน้าที่", "การใช้งบประมาณ", "การใช้อำนาจ", "การใช้ทรัพย์สินของราชการ", "การแก้ไขปัญหาการทุจริต",
                     "คุณภาพการดำเนินงาน", "ประสิทธิภาพการสื่อสาร", "การปรับปรุงการทำงาน", "การเปิดเผยข้อมูล", "การป้องกันการทุจริต"]
        return (0..<10).map { "\($0 + 1)\t\(names[$0])\t\(scores[$0])" }.joined(separator: "\n")
    }

    private func report(overall: String, rating: String, scores: [String]) throws -> Interpretation {
        try FieldsTestLayout.interpret("""
        เทศบาลตำบลนาดี อำเภอนาดี จังหวัดปราจีนบุรี
        ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ มีผลคะแนนเฉลี่ย \(overall) คะแนน ระดับผลการประเมินอยู่ที่ \(rating)
        ตัวชี้วัดที่\tรายละเอียดตัวชี้วัด\tคะแนน
        \(table(scores))
        """)
    }

    // Seed 000's real numbers: 93.57, ผ่านดี, consistent.
    private let seed000 = ["100.00", "99.67", "100.00", "99.67", "100.00", "94.02", "90.35", "91.77", "80.00", "100.00"]

    func testConsistentReportHasNoScoreWarnings() throws {
        let r = try report(overall: "93.57", rating: "ผ่านดี", scores: seed000)
        XCTAssertEqual(r.indicators.count, 10)
        XCTAssertEqual(r.warnings.map(\.code.rawValue).filter { ["overall_weighted_mismatch", "rating_band_mismatch", "score_out_of_range"].contains($0) }, [])
    }

    func testOverallAgainstWeightedTools() throws {
        let r = try report(overall: "95.57", rating: "ผ่านดี", scores: seed000)
        let w = r.warnings.first { $0.code == .overallWeightedMismatch }
        XCTAssertNotNil(w)
        XCTAssertTrue(w?.message.contains("93.57") ?? false, w?.message ?? "")
    }

    func testRatingAgainstBands() throws {
        // 93.57 with every tool at 85 or more is ผ่านดี, not ผ่าน.
        let r = try report(overall: "93.57", rating: "ผ่าน", scores: seed000)
        XCTAssertEqual(r.warnings.filter { $0.code == .ratingBandMismatch }.count, 1)
        // Seed 002: 87.33 with OIT at 78.13 is ผ่าน (the tool condition).
        let s002 = ["99.75", "98.11", "98.37", "96.35", "99.38", "88.41", "87.62", "89.60", "95.00", "61.25"]
        let ok = try report(overall: "87.33", rating: "ผ่าน", scores: s002)
        XCTAssertFalse(ok.warnings.contains { $0.code == .ratingBandMismatch || $0.code == .overallWeightedMismatch })
    }

    func testScoreOutOfRange() throws {
        let r = try Interpretation(fields: {
            var f = ReportFields(); f.overallScore = Traced("193.57", source: nil); return f
        }())
        let reader = try FieldsTestLayout.reader("")
        let w = CrossChecks.run(on: r, reader: reader)
        XCTAssertEqual(w.map(\.code), [.scoreOutOfRange])
    }

    func testQuestionPrintedTwiceAndIndicatorMean() throws {
        var i = Interpretation()
        i.fields.assessmentYear = Traced(2566, source: nil)
        i.indicators = [IndicatorScore(year: 2566, indicator: 1, tool: .iit, name: nil, score: "99.00", page: 1, source: nil)]
        i.questions = (1...6).map { QuestionScore(year: 2566, code: "i\($0)", tool: .iit, question: nil, score: "100.00", page: 2, source: nil) }
        i.questions.append(QuestionScore(year: 2566, code: "i3", tool: .iit, question: nil, score: "96.90", page: 5, source: nil))
        let w = CrossChecks.run(on: i, reader: try FieldsTestLayout.reader(""))
        let twice = w.filter { $0.code == .questionPrintedTwice }
        XCTAssertEqual(twice.count, 1)
        XCTAssertTrue(twice.first?.message.contains("96.90") ?? false)
        let mean = w.filter { $0.code == .indicatorMeanMismatch }
        XCTAssertEqual(mean.count, 1)
        XCTAssertTrue(mean.first?.message.contains("100.00") ?? false, mean.first?.message ?? "")
    }
}
