import Foundation
import ITAModel
import XCTest
@testable import ReportInterpret

/// A question table with the score column before the code (`score | code text`) from LibreOffice,
/// which centres each cell vertically in its row: where a question wraps over two or more lines,
/// its score sits on a line of its own between the text lines, not on the code's line (issue 9;
/// tune seed 8, committed as Corpus/variants/v000008). Every one of the 88 printed scores was left
/// unread before (question_codes_without_scores for all of them).
final class QuestionCentredScoreTests: XCTestCase {
    func testEveryCentredScoreIsReadWithItsOwnCode() throws {
        let gold = try CommittedSample.goldQuestions("v000008")
        let result = try CommittedSample.interpret("v000008")
        let read = Dictionary(result.questions.map { ("\($0.year ?? 0)/\($0.code)", $0) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(result.questions.count, gold.count, "one row per printed question, none extra")
        for (key, score) in gold {
            let q = try XCTUnwrap(read[key], key)
            XCTAssertEqual(q.score, score, key)
            // Traceable: the score's own cell is among the raw cells, and the box spans text and score.
            XCTAssertEqual(q.source?.cells.last.map { $0.split(whereSeparator: \.isWhitespace).joined() }, score, key)
            XCTAssertEqual(q.source?.page, q.page, key)
        }
        XCTAssertFalse(result.warnings.contains { $0.code == .questionCodesWithoutScores },
                       result.warnings.filter { $0.code == .questionCodesWithoutScores }.map(\.message).joined())
    }
}
