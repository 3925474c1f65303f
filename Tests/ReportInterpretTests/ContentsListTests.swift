import XCTest
@testable import ReportInterpret

/// A contents page listing the indicators with their page numbers is no indicator table (issue 9):
/// the generator's `toc` axis (tune seeds 801-850) printed `ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ | 7` ...
/// and the indicator reader took the page numbers for a table of scores; only the arithmetic check
/// against the overall score kept them out (warning `indicator_table_year_unknown`), and a caption
/// with a year above the list would have let them in.
final class ContentsListTests: XCTestCase {
    let settings = InterpretSettings()

    /// The page numbers of tune seed v000850's contents table, as the reader found them.
    func testRisingWholeNumbersAreAContentsList() {
        XCTAssertTrue(ContentsList.isPageNumbers(["7", "11", "12", "15", "18", "22", "24", "25", "28", "31"], settings))
    }

    /// Scores are not: Corpus/variants v000728's 2566 indicators (decimals), OIT scores printed
    /// without decimals (`100`, `0`), whole numbers that do not rise, and a list too short to tell.
    func testScoresAreNot() {
        XCTAssertFalse(ContentsList.isPageNumbers(["81.87", "79.48", "80.26", "64.34", "69.54", "71.41", "76.81", "71.32", "43.50", "30.00"], settings))
        XCTAssertFalse(ContentsList.isPageNumbers(["100", "0"], settings))
        XCTAssertFalse(ContentsList.isPageNumbers(["88", "100", "100"], settings))
        XCTAssertFalse(ContentsList.isPageNumbers(["3", "5"], settings))
        XCTAssertFalse(ContentsList.isPageNumbers(["3", "5.50", "9"], settings))
    }
}
