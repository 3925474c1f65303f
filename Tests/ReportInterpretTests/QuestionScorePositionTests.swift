import Foundation
import ITAModel
import PDFExtract
import PageLayout
import ThaiNormalise
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

    /// v000263 again with the printed scores of three questions erased (their glyphs taken out of
    /// the page, as a report leaves a score blank): the row number left of each code (`๑`, `๒`, ...,
    /// counting up) is no score, so the rows give no score at all; every other question still
    /// equals gold. (A whole number right before a code used to be taken as its score.)
    func testRowNumberOfARowWithoutScoreIsNoScore() throws {
        let name = "v000263"
        let pdfPath = MeasurePlanLayoutTests.variants.appendingPathComponent(name + ".pdf").path
        let pdf = try PDFExtractor.read(path: pdfPath)
        let road = try StageRoad(mappings: MeasurePlanLayoutTests.mappings)
        let before = road.interpret(LayoutAnalyser.analyse(pdf, furniture: try .checkedIn()))
        // Three questions whose score is a cell of its own at the right end of the row (the row's
        // box in provenance spans code, text and score; raw is "text<TAB>score").
        let erased = Array(before.questions.filter { $0.source?.raw.split(separator: "\t").count == 2 }.prefix(3))
        XCTAssertEqual(erased.count, 3, "v000263 prints scores in a column of their own")
        var blanked = pdf
        for q in erased {
            let box = try XCTUnwrap(q.source?.box)
            let printed = try XCTUnwrap(q.source?.raw.split(separator: "\t").last).count
            let i = try XCTUnwrap(blanked.pages.firstIndex { $0.number == q.page })
            // The score's glyphs: digits and the point at the right end of the row's box.
            let isScoreGlyph = { (g: Glyph) in
                g.box.x0 >= box.x1 - 45 && g.box.x1 <= box.x1 + 1 && g.box.y0 >= box.y0 - 1 && g.box.y1 <= box.y1 + 1
                    && g.text.unicodeScalars.allSatisfy { ThaiNumber.digitValue($0) != nil || $0 == "." }
            }
            XCTAssertEqual(blanked.pages[i].glyphs.filter(isScoreGlyph).count, printed, "\(q.code): the score's glyphs")
            blanked.pages[i].glyphs.removeAll(where: isScoreGlyph)
        }
        let after = road.interpret(LayoutAnalyser.analyse(blanked, furniture: try .checkedIn()))
        let read = Dictionary(after.questions.map { ("\($0.year ?? 0)/\($0.code)", $0.score) }, uniquingKeysWith: { a, _ in a })
        let gone = Set(erased.map { "\($0.year ?? 0)/\($0.code)" })
        for key in gone.sorted() { XCTAssertNil(read[key], "\(key): its score was erased; the row number is no score") }
        let gold = try CommittedSample.goldQuestions(name)
        for (key, score) in gold.sorted(by: { $0.key < $1.key }) where !gone.contains(key) {
            XCTAssertEqual(read[key], score, "\(name) \(key)")
        }
    }

    /// v000996 (fresh tune 971-1050, LibreOffice, borderless plan with a question column, no
    /// question table): the period `๑ ต.ค. ๖๗ - ๓๐ ก.ย. ๖๘` was cut at the columns the plan's words
    /// made, and its day `๓๐`, a piece right of e2's quoted text, was written as e2's score (a
    /// false positive). A number that stands next to a month in its layout segment is a date.
    func testDayOfAPeriodCutOutByTableColumnsIsNoScore() throws {
        try assertQuestionsEqualGold("v000996")
        let result = try CommittedSample.interpret("v000996")
        XCTAssertTrue(result.warnings.contains { $0.code == .questionCodesWithoutScores && $0.message.contains("e2") },
                      "e2 is quoted without a score")
        // The period itself is read whole, day included.
        XCTAssertTrue(result.measures.contains { MeasurePlanLayoutTests.squeeze($0.period) == MeasurePlanLayoutTests.squeeze("๑ ต.ค. ๖๗ - ๓๐ ก.ย. ๖๘") })
    }

    /// v000407 and v000453 (fresh tune 401-460, Chromium, borderless, mixed digits): a whole-number
    /// score run into its question's text by a narrow gutter, at the end of the first of two lines
    /// (`... ประจำ 0` over `ปี รอบ 6 เดือน`, o12) or of the only line (`... การจัดหาพัสดุ 10๐`, o20),
    /// gave no row (only two-decimal numbers were taken from a text's end). The line reaches over
    /// the page's score column, where other rows' score cells start, and no other line does.
    func testWholeScoreRunIntoTheTextInTheScoreColumn() throws {
        try assertQuestionsEqualGold("v000407")
        try assertQuestionsEqualGold("v000453")
    }

    /// v001161 (fresh tune 1131-1210, LibreOffice, borderless plan with a question column, then the
    /// question table): the plan quotes `i5 ท่านเคย...` beside the period `1 ต.ค. 68 - 30`, whose
    /// `ก.ย. 69` wrapped onto the next line; the day `30`, cut out at the plan's columns, was written
    /// as i5's score over the table's real 86.36. A number reaching a month over other numbers and a
    /// dash in its layout segment is a date.
    func testDayOfAPeriodWrappedFromItsMonthIsNoScore() throws {
        try assertQuestionsEqualGold("v001161")
        let result = try CommittedSample.interpret("v001161")
        XCTAssertEqual(result.questions.first { $0.code == "i5" }?.score, "86.36")
    }

    /// v000436 (tune, plan with quoted codes): the plan's periods `1 ต.ค.67 - 30` / `ก.ย. 68` left
    /// their days `30` beside i2, i11 and e2, each taken for a second printing of the question with
    /// another score (`question_printed_twice`, three false warnings; the table's scores were kept).
    /// The day reaches its month over a dash, the month with its year run on (`ต.ค.67`).
    func testDaysOfPeriodsAreNoSecondPrinting() throws {
        try assertQuestionsEqualGold("v000436")
        let result = try CommittedSample.interpret("v000436")
        XCTAssertEqual(result.warnings.filter { $0.code == .questionPrintedTwice }.map(\.message), [])
    }

    /// v001313 (fresh tune 1291-1370, LibreOffice, borderless landscape plan quoting codes in its
    /// issue column): the period `ทุก 6 เดือน` of the rows quoting i3 and e4 was cut at the plan's
    /// columns into `ทุก | 6 | เดือน`, and the count `6` was written as i3's and e4's score over the
    /// question table's 96.23 and 91.78. A number after `ทุก` or a quarter word, or before `เดือน`
    /// (plan-cells.json everyWords, quarterWords, monthCountWords), counts a period: no score.
    func testCountOfAPeriodCutAtThePlansColumnsIsNoScore() throws {
        try assertQuestionsEqualGold("v001313")
        let result = try CommittedSample.interpret("v001313")
        XCTAssertEqual(result.questions.first { $0.code == "i3" }?.score, "96.23")
        XCTAssertEqual(result.questions.first { $0.code == "e4" }?.score, "91.78")
    }

    private func assertQuestionsEqualGold(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let gold = try CommittedSample.goldQuestions(name)
        let result = try CommittedSample.interpret(name)
        let read = Dictionary(result.questions.map { ("\($0.year ?? 0)/\($0.code)", $0.score) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(result.questions.count, gold.count, "\(name): one row per printed question, none extra", file: file, line: line)
        for (key, score) in gold.sorted(by: { $0.key < $1.key }) { XCTAssertEqual(read[key], score, "\(name) \(key)", file: file, line: line) }
    }
}
