import ITAModel
import PDFExtract
import PageLayout
import XCTest

/// Borderless tables, found from text alignment.
final class StreamTableTests: XCTestCase {
    /// A borderless indicator table: four columns, one row per indicator, the title row flagged.
    func testBorderlessIndicatorTable() throws {
        let (_, layout) = try CorpusPages.file("generated/g08-obj-2566-sidebyside-borderless")
        let table = try XCTUnwrap(layout.pages.flatMap(\.tables).first { t in t.rows.contains { $0.cell(at: 0)?.rawText == "IIT" } })
        XCTAssertEqual(table.method, .stream)
        XCTAssertEqual(table.columns.count, 4)
        XCTAssertTrue(table.rows[0].isHeader)
        let data = table.rows.filter { !$0.isHeader }
        XCTAssertEqual(data.count, 10, "one row per indicator")
        for row in data {
            XCTAssertTrue(HeaderLikeNumber.isScore(row.cell(at: 3)?.rawText ?? ""), "score in the last column: \(row.cells.map(\.rawText))")
        }
    }

    /// A score printed between the wrapped lines of its question (vertically centred) is in the
    /// question's row, and the question's lines are one cell.
    func testCentredScoreJoinsItsWrappedQuestion() throws {
        let (_, layout) = try CorpusPages.file("generated/g09-tambon-2568-multiyear-borderless")
        let rows = layout.pages.flatMap(\.tables).filter { $0.method == .stream }.flatMap(\.rows)
        let row = try XCTUnwrap(rows.first { $0.cell(at: 0)?.rawText.hasPrefix("i ๑๒") == true })
        let question = try XCTUnwrap(row.cell(at: 0))
        XCTAssertGreaterThanOrEqual(question.lines.count, 2)
        XCTAssertTrue(CorpusPages.squeezed(question.rawText).contains("อย่างถูกต้องมากน้อยเพียงใด"), question.rawText)
        XCTAssertEqual(row.cell(at: 1)?.rawText, "๙๔.๘๒")
    }

    /// A page of prose has no table.
    func testProseHasNoStreamTable() throws {
        let (_, layout) = try CorpusPages.seed("s000-thesaban-mueang")
        XCTAssertTrue(layout.pages[1].tables.allSatisfy { $0.method == .ruled })
        XCTAssertTrue(layout.pages.flatMap(\.tables).allSatisfy { $0.method == .ruled }, "seed 000 draws every table")
    }
}
