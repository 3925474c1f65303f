import Foundation
import ITAModel
import XCTest
@testable import ReportInterpret

/// Scores come only from score positions (issue 9), on tune documents committed in Corpus/variants.
final class QuestionScorePositionTests: XCTestCase {
    /// v000218 (Chromium, "score | code text"): o40's `๐` stands before its code on the page's last
    /// row, and the page number `7` below the row was read as its score, a wrong value.
    func testPageNumberIsNoScore() throws {
        try assertQuestionsEqualGold("v000218")
    }

    /// v000263 (Chromium, "no | code text | score"): o20's score `0.0๐` is run into the end of its
    /// text; the row number `๔๔` left of the code was read as the score (44), a wrong value.
    func testRowNumberLeftOfTheCodeIsNoScore() throws {
        try assertQuestionsEqualGold("v000263")
    }

    /// v000257 (LibreOffice, "score | code text"): o30's `100` is centred in its row on a line of its
    /// own, at the top of a page; no row of that column was read yet and it holds no decimal, so it
    /// was left unread. A column of whole numbers that repeats one (or holds a 0) is a score column.
    func testCentredWholeScoreAtTheTopOfAPage() throws {
        try assertQuestionsEqualGold("v000257")
    }

    private func assertQuestionsEqualGold(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let gold = try QuestionCentredScoreTests.goldQuestions(name)
        let result = try MeasurePlanLayoutTests.interpret(name)
        let read = Dictionary(result.questions.map { ("\($0.year ?? 0)/\($0.code)", $0.score) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(result.questions.count, gold.count, "\(name): one row per printed question, none extra", file: file, line: line)
        for (key, score) in gold.sorted(by: { $0.key < $1.key }) { XCTAssertEqual(read[key], score, "\(name) \(key)", file: file, line: line) }
    }
}
