import Foundation
import ITAModel
import PageLayout
import PDFExtract
import ThaiNormalise
import XCTest
@testable import ReportInterpret

/// A contents page listing the indicators with their page numbers is no indicator table (issue 9):
/// the generator's `toc` axis (tune seeds 801-850) printed `ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ | 7` ...
/// and the indicator reader took the page numbers for a table of scores; only the arithmetic check
/// against the overall score kept them out (warning `indicator_table_year_unknown`), and a caption
/// with a year above the list would have let them in. A list of that shape is a contents list when
/// its page says so (a `สารบัญ` heading above it, dotted leaders); without either it is still left
/// out, but with a warning (`indicator_table_page_numbers`): nothing is dropped silently.
final class ContentsListTests: XCTestCase {
    let settings = InterpretSettings()

    /// The page numbers of tune seed v000850's contents table, as the reader found them.
    func testRisingWholeNumbersHaveTheShapeOfAContentsList() {
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

    /// Corpus/variants v000812 (tune seed, `toc` table): its contents page lists the ten indicators
    /// beside their page numbers (`ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่ | ๗` ... `๑๐ ... | ๓๕`) under
    /// `สารบัญ`, over pages 2 and 3. The reader takes the list for a table of whole-number scores;
    /// the heading says it is a contents list: no score, no warning, and the indicators read are
    /// the gold's.
    func testTheContentsPageOfV000812IsToldByItsHeading() throws {
        let layout = try CommittedSample.layout("v000812")
        let reader = try Self.reader(layout)
        let rows = Self.contentsRows(reader)
        XCTAssertEqual(rows.map(\.score), ["7", "11", "12", "15", "22", "27", "28", "30", "31", "35"])
        XCTAssertEqual(ContentsList.verdict(rows.map(\.score), rows: rows.map { ($0.line, $0.line) }, page: 2, reader), .contents)
        XCTAssertTrue(ContentsList.headingAbove(rows[0].line, page: 2, reader), "สารบัญ above the list")
        XCTAssertFalse(ContentsList.headingAbove(rows[8].line, page: 3, reader), "page 3 has no heading: the list's first page tells")

        let interpretation = try StageRoad(mappings: MeasurePlanLayoutTests.mappings).interpret(layout)
        XCTAssertFalse(interpretation.warnings.contains { $0.code == .indicatorTablePageNumbers || $0.code == .indicatorTableYearUnknown })
        XCTAssertFalse(interpretation.indicators.contains { $0.page == 2 || $0.page == 3 }, "no score from the contents pages")
        let gold = try CommittedSample.goldIndicators("v000812")
        let read = Dictionary(uniqueKeysWithValues: interpretation.indicators.map { ("\($0.year ?? 0)/\($0.indicator)", $0.score) })
        XCTAssertEqual(read, gold)
    }

    /// The same real pages with the heading taken out (what a ranked list of whole-number scores
    /// would look like): the list has the shape but nothing confirms it is a contents list, so it
    /// is left out, with a warning naming its values; before, it was dropped silently.
    func testTheSameListWithoutItsHeadingIsLeftOutWithAWarning() throws {
        let bare = try CommittedSample.layout("v000812", without: "สารบัญ")
        let reader = try Self.reader(bare)
        let rows = Self.contentsRows(reader)
        XCTAssertEqual(rows.count, 10)
        XCTAssertEqual(ContentsList.verdict(rows.map(\.score), rows: rows.map { ($0.line, $0.line) }, page: 2, reader), .unconfirmed)

        let interpretation = try StageRoad(mappings: MeasurePlanLayoutTests.mappings).interpret(bare)
        let warning = try XCTUnwrap(interpretation.warnings.first { $0.code == .indicatorTablePageNumbers })
        XCTAssertEqual(warning.page, 2)
        XCTAssertTrue(warning.message.contains("1=7 ") && warning.message.hasSuffix("10=35"), warning.message)
        XCTAssertFalse(interpretation.indicators.contains { $0.page == 2 || $0.page == 3 }, "still no score from the list")
    }

    /// Corpus/variants v000818 (tune seed, `toc` leaders): `ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่
    /// .............................. 12`. The leaders are found on the real lines, and tell a
    /// contents list without its heading; an abbreviation's dots and an ellipsis are no leaders.
    func testDottedLeadersTellAContentsListWithoutItsHeading() throws {
        let reader = try Self.reader(try CommittedSample.layout("v000818", without: "สารบัญ"))
        let rows = Self.contentsRows(reader, page: 1)
        XCTAssertEqual(rows.map(\.score), ["12", "13", "14", "15", "16", "17", "18", "19", "23", "24"])
        XCTAssertFalse(ContentsList.headingAbove(rows[0].line, page: 1, reader))
        XCTAssertTrue(ContentsList.hasLeaders(reader.lines[rows[0].line].raw, reader))
        XCTAssertEqual(ContentsList.verdict(rows.map(\.score), rows: rows.map { ($0.line, $0.line) }, page: 1, reader), .contents)
        XCTAssertFalse(ContentsList.hasLeaders("ต.ค. ๖๖ - ก.ย. ๖๗ ...", reader), "abbreviations and an ellipsis are no leaders")
    }

    static func reader(_ layout: DocumentLayout) throws -> DocumentReader {
        try StageRoad(mappings: MeasurePlanLayoutTests.mappings).reader(layout, mappings: MeasurePlanLayoutTests.mappings)
    }

    /// The `ตัวชี้วัดที่ N name ... page` lines (on `page`, or any): line index and the page number at
    /// the line's end, in ASCII digits.
    static func contentsRows(_ reader: DocumentReader, page: Int? = nil) -> [(line: Int, score: String)] {
        reader.lines.indices.compactMap { i in
            let text = reader.lines[i].text
            guard page.map({ reader.lines[i].page == $0 }) ?? true, text.hasPrefix("ตัวชี้วัดที่"),
                  let last = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).last else { return nil }
            let ascii = ThaiNumber.asciiDigits(String(last))
            return Int(ascii) == nil ? nil : (i, ascii)
        }
    }
}
