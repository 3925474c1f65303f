import Foundation
import ITAModel
import XCTest
@testable import ReportInterpret

/// A question table "code | text | score" with one-line rows a line pitch apart (issue 9; tune seed
/// 153, Chromium, borderless, committed as Corpus/variants/v000153). The code has a column of its
/// own, so the next row's text cell did not start with a code, and each text cell ran on through
/// every later row's text: o3's question held the whole OIT list, and o12's text, with its score
/// run into it ("... รอบ ๑๐๐.00" over "6 เดือน"), reached into the score column and hid the scores
/// of o3-o12 (10 codes without scores). A row now ends where the next code's line begins, and a
/// score run into the one text line that ends in a score is read.
final class QuestionRowEndTests: XCTestCase {
    func testEveryRowEndsAtTheNextCode() throws {
        let gold = try CommittedSample.goldQuestions("v000153")
        let result = try CommittedSample.interpret("v000153")
        let read = Dictionary(result.questions.map { ("\($0.year ?? 0)/\($0.code)", $0) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(result.questions.count, gold.count, "one row per printed question, none extra")
        for (key, score) in gold { XCTAssertEqual(read[key]?.score, score, key) }
        XCTAssertFalse(result.warnings.contains { $0.code == .questionCodesWithoutScores },
                       result.warnings.filter { $0.code == .questionCodesWithoutScores }.map(\.message).joined())
        // Each question's text is its own row's only.
        XCTAssertEqual(read["2567/o3"]?.question, "อำนาจหน้าที่")
        XCTAssertEqual(read["2567/o4"]?.question, "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน")
        XCTAssertEqual(read["2567/o12"]?.question, "รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณประจำปี รอบ 6 เดือน")
    }

    /// Whether line k's right edge lies more than a point past every other's (the rule of
    /// `PageGrid.reachesPastOthers`, on the lines' right edges).
    static func reaches(_ rights: [Double]) -> (Int) -> Bool {
        { k in rights.indices.allSatisfy { $0 == k || rights[k] > rights[$0] + 1 } }
    }

    /// The score run into a text line: the last line's, else the only line ending in a two-decimal
    /// number; two such lines give none (no telling which is the score).
    func testGluedScoreOnTheOneLineThatEndsInAScore() {
        // Right edges of the lines' boxes: the first line ran into the score column, past the rest.
        XCTAssertEqual(QuestionPageReader.gluedScore(["รายงาน รอบ ๑๐๐.00", "6 เดือน"], reachesPast: Self.reaches([420, 300])).map { [String($0.0), $0.1.text, $0.1.score] },
                       ["0", "รายงาน รอบ", "100.00"])
        XCTAssertEqual(QuestionPageReader.gluedScore(["ข้อความ", "ต่อ 91.25"], reachesPast: Self.reaches([380, 300])).map { $0.0 }, 1)
        XCTAssertNil(QuestionPageReader.gluedScore(["ร้อยละ 80.00", "ต่อ 91.25", "รอบ 6 เดือน"], reachesPast: Self.reaches([420, 380, 300])), "two lines end in a score")
        XCTAssertNil(QuestionPageReader.gluedScore(["รอบ 6", "เดือน"], reachesPast: Self.reaches([420, 300])), "a whole number is no score")
        // A number the question quotes, inside the text column (a line below reaches as far): no score.
        XCTAssertNil(QuestionPageReader.gluedScore(["ให้ได้ร้อยละ 80.00", "ของผู้รับบริการทั้งหมด ภายในปีงบประมาณ", "ต่อไป"], reachesPast: Self.reaches([380, 381, 200])),
                     "a quoted number inside the text column is no score")
    }
}

/// A rating word ruled out by what follows it (tune seed 113: "อยู่ใน / ระดับ ผ่านดี" with the next
/// line's heading "การนำผลการวิเคราะห์..." run on in the paragraph, and "ผ่าน" followed by "การ" is the
/// verb "pass", not a rating) must not fall back to a shorter rating inside it: ผ่าน was read from
/// ผ่านดี, a wrong value (rating_band_mismatch at 94.76). Not found is left for the other readers.
final class RatingPrefixTests: XCTestCase {
    func testShorterRatingInsideARuledOutOneIsNoReading() throws {
        let v = try ITAVocabulary(mappings: MeasurePlanLayoutTests.mappings)
        func ratings(_ text: String) -> [Rating] {
            let block = TextBlock(text: text, keyed: KeyedText(text), page: 1, lineIndexes: [0], lineStarts: [0], segmentIndex: nil)
            return HeadlineFinder.ratings([block], v.cues, InterpretSettings()).map(\.value)
        }
        XCTAssertEqual(ratings("ได้คะแนน ๙๔.76 คะแนน อยู่ใน ระดับ ผ่านดี การนำผลการวิเคราะห์ไปสู่การปฏิบัติ"), [])
        XCTAssertEqual(ratings("ได้คะแนน ๙๔.76 คะแนน อยู่ในระดับ ผ่านดี"), [.good])
        XCTAssertEqual(ratings("ได้คะแนน 72.55 คะแนน อยู่ในระดับ ผ่าน"), [.pass])
    }
}
