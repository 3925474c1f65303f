import XCTest
import ITAModel
import ThaiCharacters
@testable import ThaiNormalise

/// Numbers in any digit mix, and question codes in every printed form.
final class NumberAndCodeTests: XCTestCase {
    static let letters: QuestionCodeLetters = try! QuestionCodeLetters.load(mappings: Fixture.mappings)

    func testScoresComeOutAsPrintedInASCII() {
        let cases = ["๙๓.๕๗": "93.57", "94.00": "94.00", "๑๐๐": "100", "๙๘.0๘": "98.08", "100.": "100",
                     "๑๐๐.๐๐": "100.00", " ๘๔.๖ ": "84.6", "0.00": "0.00", "๐.๐๐": "0.00"]
        for (raw, want) in cases.sorted(by: { $0.key < $1.key }) { XCTAssertEqual(ThaiNumber.score(raw), want, raw) }
    }

    func testNonNumbersAreNotScores() {
        for raw in ["", ".", "93.5.7", "ก๙", "i๒๔", "12a", ".5", "๙๓,๕๗", "-", "๑๐๐ คะแนน", "00.00", "๐๕.๕๐"] {
            XCTAssertNil(ThaiNumber.score(raw), raw)
        }
    }

    /// One Buddhist Era year predicate for every stage: four digits of any script naming a year of
    /// the ITA era; a count, a fraction, a spaced or longer number is none.
    func testBuddhistEraYears() {
        for year in ["๒๕๖๘", "2568", "๒๕6๘", "2550", "๒๖๐๐"] { XCTAssertTrue(BuddhistEraYear.isYear(year), year) }
        for other in ["2549", "2601", "1234", "๒๕๖", "๒๕๖๘๑", "2568.", "๒๕ ๖๘", "พ.ศ.๒๕๖๘", "", "25.68"] {
            XCTAssertFalse(BuddhistEraYear.isYear(other), other)
        }
        XCTAssertTrue(BuddhistEraYear.isYear(digits: [2, 5, 6, 7]))
        XCTAssertFalse(BuddhistEraYear.isYear(digits: [2, 5, 6]))
        XCTAssertFalse(BuddhistEraYear.isYear(digits: [1, 2, 3, 4]))
    }

    /// The three ranges of the one predicate: a report's years, any printed year of the era (a
    /// law's ๒๕๔๐ too), and a shape reading's (Thai digits only, from 2540: a misread tens digit
    /// such as `๒๕๐๗` is no year).
    func testBuddhistEraYearRanges() {
        XCTAssertFalse(BuddhistEraYear.isYear("๒๕๔๐"))
        XCTAssertTrue(BuddhistEraYear.isYear("๒๕๔๐", in: BuddhistEraYear.printedYears))
        XCTAssertTrue(BuddhistEraYear.isYear("2500", in: BuddhistEraYear.printedYears))
        XCTAssertFalse(BuddhistEraYear.isYear("2600", in: BuddhistEraYear.printedYears))
        XCTAssertFalse(BuddhistEraYear.isYear("1234", in: BuddhistEraYear.printedYears))
        for year in ["๒๕๔๐", "๒๕๖๘", "๒๕๙๙"] {
            XCTAssertTrue(BuddhistEraYear.isThaiDigitYear(year, in: BuddhistEraYear.shapeReadYears), year)
        }
        for other in ["๒๕๓๙", "๒๕๐๗", "๒๖๐๐", "2568", "๒๕6๘", "๒๕๖", "๒๕๖๘๑"] {
            XCTAssertFalse(BuddhistEraYear.isThaiDigitYear(other, in: BuddhistEraYear.shapeReadYears), other)
        }
    }

    func testIntegers() {
        XCTAssertEqual(ThaiNumber.integer("๒๕๖8"), 2568)
        XCTAssertEqual(ThaiNumber.integer("2566"), 2566)
        XCTAssertEqual(ThaiNumber.integer("๒๕๖๖"), 2566)
        XCTAssertEqual(ThaiNumber.integer("1,250"), 1250)
        XCTAssertEqual(ThaiNumber.integer("๙๕."), 95)
        XCTAssertNil(ThaiNumber.integer("12,34"))
        XCTAssertNil(ThaiNumber.integer("93.57"))
        XCTAssertNil(ThaiNumber.integer("พ.ศ."))
    }

    func testAsciiDigitsKeepsEverythingElse() {
        XCTAssertEqual(ThaiNumber.asciiDigits("พ.ศ. ๒๕๖๖ คะแนน ๙๓.๕๗"), "พ.ศ. 2566 คะแนน 93.57")
    }

    func testQuestionCodesInEveryForm() {
        let anywhere: [String: String] = ["i๒๔": "i24", "e๑๒": "e12", "i1๒": "i12", "o๗": "o7", "O11": "o11",
                                          "I๑": "i1", "e๑๕.": "e15", "i๒๙:": "i29", "(e๑๔)": "e14", "o21": "o21"]
        for (raw, want) in anywhere.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(QuestionCode.canonical(raw, letters: Self.letters), want, raw)
            XCTAssertEqual(QuestionCode.canonical(raw, letters: Self.letters, context: .codePosition), want, raw)
        }
        let zeroLed: [String: String] = ["๐๑๑": "o11", "0๒๑": "o21", "๐๔": "o4", "๐๓๐": "o30", "๐๑๐": "o10", "0๗": "o7"]
        for (raw, want) in zeroLed.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(QuestionCode.canonical(raw, letters: Self.letters, context: .codePosition), want, raw)
            XCTAssertNil(QuestionCode.parse(raw, letters: Self.letters), "\(raw) read as a code outside a code position")
        }
        let p = QuestionCode.parse("i๒๔", letters: Self.letters)
        XCTAssertEqual(p?.tool, .iit); XCTAssertEqual(p?.number, 24)
        XCTAssertEqual(QuestionCode.parse("0๒๑", letters: Self.letters, context: .codePosition)?.tool, .oit)
    }

    func testPlainNumbersAreNeverCodes() {
        for raw in ["๑๐๐", "2566", "๒๕๖๖", "๙๓.๕๗", "0.00", "๐", "0", "๐๐", "๐๐๐", "๐๑๒๓", "i", "e๑๒๓๔", "ic๓", "x๑", "i๐"] {
            XCTAssertNil(QuestionCode.parse(raw, letters: Self.letters, context: .codePosition), raw)
            XCTAssertNil(QuestionCode.parse(raw, letters: Self.letters), raw)
        }
    }

    func testEveryCodeTokenOfTheSeedsParses() throws {
        // The seed reports print codes as i๑, e๑๕, ๐๑๑ ... (ic๓ is a typo and must not parse).
        var seen = 0
        for seed in Fixture.seeds() {
            for token in seed.text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "(" || $0 == ")" || $0 == "," || $0 == "-" }) {
                let t = String(token)
                guard let f = t.unicodeScalars.first, "ieoIEO".unicodeScalars.contains(f),
                      t.unicodeScalars.count >= 2, t.unicodeScalars.dropFirst().allSatisfy({ ThaiNumber.digitValue($0) != nil }) else { continue }
                let code = try XCTUnwrap(QuestionCode.parse(t, letters: Self.letters), t)
                XCTAssertEqual(code.number, ThaiNumber.integer(String(String.UnicodeScalarView(t.unicodeScalars.dropFirst()))))
                seen += 1
            }
        }
        XCTAssertGreaterThan(seen, 100)
    }
}
