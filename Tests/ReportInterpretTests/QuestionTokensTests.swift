import XCTest
import ITAModel
@testable import ReportInterpret

/// Question codes and scores as reports print them (forms taken from the seed reports).
final class QuestionTokensTests: XCTestCase {
    func testCodesInEveryPrintedForm() {
        let cases: [(String, String, String)] = [
            ("i๑ เจ้าหน้าที่ของหน่วยงานท่าน", "i1", "เจ้าหน้าที่ของหน่วยงานท่าน"),
            ("e๑๕ หน่วยงานมีการปรับปรุงองค์กร", "e15", "หน่วยงานมีการปรับปรุงองค์กร"),
            ("๐๑๔ คู่มือหรือมาตรฐานการปฏิบัติงาน", "o14", "คู่มือหรือมาตรฐานการปฏิบัติงาน"),
            ("0๒๑ สรุปผลการจัดซื้อจัดจ้าง", "o21", "สรุปผลการจัดซื้อจัดจ้าง"),
            ("o๗ ข่าวประชาสัมพันธ์", "o7", "ข่าวประชาสัมพันธ์"),
            ("O11 แผนดำเนินงาน", "o11", "แผนดำเนินงาน"),
            ("i1๒ หน่วยงานของท่าน", "i12", "หน่วยงานของท่าน"),
            ("i ๓ เจ้าหน้าที่", "i3", "เจ้าหน้าที่"),
            ("i1 ๑ เจ้าหน้าที่", "i11", "เจ้าหน้าที่"),
            ("e4", "e4", ""),
        ]
        for (text, code, rest) in cases {
            let p = QuestionTokens.codePrefix(text, TestCodeLetters.letters)
            XCTAssertEqual(p?.code, code, text)
            XCTAssertEqual(p?.rest, rest, text)
        }
        XCTAssertEqual(QuestionTokens.codePrefix("๐๑๔ คู่มือ", TestCodeLetters.letters)?.tool, .oit)
    }

    func testNumbersAndWordsAreNotCodes() {
        for text in ["๐.๐๐", "100", "๑. กระบวนการ", "E-Service", "IIT", "ITA", "๑๐๐.๐๐", "o12.5", "i1 100.00"] {
            if text == "i1 100.00" {
                // The code stays i1: the number after it is a score, not a second digit.
                XCTAssertEqual(QuestionTokens.codePrefix(text, TestCodeLetters.letters)?.code, "i1")
            } else {
                XCTAssertNil(QuestionTokens.codePrefix(text, TestCodeLetters.letters), text)
            }
        }
    }

    func testScoresAsPrinted() {
        XCTAssertEqual(QuestionTokens.score("๙๘.๑๒"), "98.12")
        XCTAssertEqual(QuestionTokens.score("100"), "100")
        XCTAssertEqual(QuestionTokens.score("๑๐๐.๐๐"), "100.00")
        XCTAssertEqual(QuestionTokens.score(" 0.00 "), "0.00")
        XCTAssertNil(QuestionTokens.score("101.00"))
        XCTAssertNil(QuestionTokens.score("2566"))
        XCTAssertNil(QuestionTokens.score("คะแนน"))
        // A plan's list numbers ("๘.", "4.") standing alone on a line are not scores.
        XCTAssertNil(QuestionTokens.score("๘."))
        XCTAssertNil(QuestionTokens.score("4."))
        XCTAssertEqual(QuestionTokens.score("100.00."), "100.00", "a stray point after a score (OCR) keeps it")
        XCTAssertEqual(QuestionTokens.leadingScore("91.20 i1 เจ้าหน้าที่")?.score, "91.20")
        XCTAssertNil(QuestionTokens.leadingScore("1 i1 เจ้าหน้าที่"), "a row number is no score")
    }

    func testTrailingScoreNeverTakesCountsFromQuestionText() {
        XCTAssertEqual(QuestionTokens.trailingScore("รายงานผลการดำเนินงานประจำปี ๑๐๐.๐๐")?.score, "100.00")
        XCTAssertNil(QuestionTokens.trailingScore("รายงานการกำกับติดตาม รอบ 6 เดือน"))
        XCTAssertNil(QuestionTokens.trailingScore("ในช่วง 1 ปี"))
    }
}
