import ITAModel
import PDFExtract
import PageLayout
import XCTest

/// Tables on real Corpus pages: ruled grids, wrapped cells, side-by-side groups, page continuations.
final class TableTests: XCTestCase {
    /// The grid of a ruled table is the drawn lines: one column per gap between vertical rulings,
    /// one row per gap between horizontal ones (seed 003, multi-year comparison).
    func testRuledGridMatchesDrawnLines() throws {
        let (pdf, layout) = try CorpusPages.seed("s003-thesaban-tambon")
        let page = try XCTUnwrap(layout.pages.first { p in p.tables.contains { $0.rows.contains { $0.cells.contains { $0.rawText == "ปี ๒๕๖๗" } } } })
        let table = try XCTUnwrap(page.tables.first { $0.rows.contains { $0.cells.contains { $0.rawText == "ปี ๒๕๖๗" } } })
        let rulings = pdf.pages[page.page - 1].rulings.filter {
            $0.x0 >= table.box.x0 - 4 && $0.x1 <= table.box.x1 + 4 && $0.y0 >= table.box.y0 - 4 && $0.y1 <= table.box.y1 + 4
        }
        let verticalXs = Set(rulings.filter { $0.height > 3 * $0.width }.map { Int($0.midX.rounded()) })
        let horizontalYs = Set(rulings.filter { $0.width > 3 * $0.height }.map { Int($0.midY.rounded()) })
        XCTAssertEqual(table.columns.count, verticalXs.count - 1)
        XCTAssertEqual(table.rows.count, horizontalYs.count - 1)
        for c in table.columns {
            XCTAssertTrue(verticalXs.contains { abs(Double($0) - c.lowerBound) <= 2 }, "column edge \(c)")
        }
        // One score per indicator per year, the years as header cells.
        XCTAssertTrue(table.rows.prefix(2).allSatisfy(\.isHeader))
        let row = try XCTUnwrap(table.rows.first { $0.cell(at: 1)?.rawText.contains("การใช้อำนาจ") == true })
        XCTAssertEqual((2...4).compactMap { row.cell(at: $0)?.rawText }.count, 3)
        XCTAssertTrue((2...4).allSatisfy { row.cell(at: $0).map { HeaderLikeNumber.isScore($0.rawText) } == true })
    }

    /// A question cell wrapped over several printed lines is one cell, beside its score.
    func testWrappedCellIsOneCell() throws {
        let (_, layout) = try CorpusPages.seed("s000-thesaban-mueang")
        let cells = layout.pages.flatMap(\.tables).flatMap(\.rows).flatMap(\.cells)
        let cell = try XCTUnwrap(cells.first { $0.rawText.hasPrefix("i ๒ ") || $0.rawText.hasPrefix("i๒ ") })
        XCTAssertGreaterThan(cell.lines.count, 2)
        XCTAssertTrue(CorpusPages.squeezed(cell.rawText).contains("อย่างเท่าเทียมกันมากน้อยเพียงใด"), cell.rawText)
    }

    /// The IIT | EIT | OIT groups printed side by side are read as three tables, each with its own cells.
    func testSideBySideGroupsAreSeparateTables() throws {
        let (_, layout) = try CorpusPages.seed("s000-thesaban-mueang")
        let page = try XCTUnwrap(layout.pages.first { $0.tables.contains { $0.sideBySideGroup != nil } })
        let groups = page.tables.filter { $0.sideBySideGroup != nil }.sorted { $0.box.x0 < $1.box.x0 }
        XCTAssertEqual(groups.count, 3)
        for (i, tool) in ["IIT", "EIT", "OIT"].enumerated() {
            XCTAssertEqual(groups[i].columns.count, 2)
            XCTAssertTrue(groups[i].rows[0].isHeader)
            XCTAssertTrue(groups[i].rows[0].cells[0].rawText.hasSuffix(tool), groups[i].rows[0].cells[0].rawText)
            // No cell of one group holds text from the next group's column.
            for row in groups[i].rows { for c in row.cells {
                XCTAssertGreaterThanOrEqual(c.box.x0, groups[i].box.x0 - 1)
                XCTAssertLessThanOrEqual(c.box.x1, groups[i].box.x1 + 1)
            } }
        }
        let eitQuestion = try XCTUnwrap(groups[1].rows.first { $0.cells.first?.rawText.hasPrefix("e") == true })
        XCTAssertTrue(HeaderLikeNumber.isScore(eitQuestion.cell(at: 1)?.rawText ?? ""))
    }

    /// A table broken by a page break is flagged on the next page, and side-by-side groups keep
    /// their split there (seed 000); a single table too (seed 003); a new table after a title is not.
    func testTableAcrossPageBreakIsFlagged() throws {
        let (_, s000) = try CorpusPages.seed("s000-thesaban-mueang")
        let top = s000.pages[1].tables.sorted { $0.box.y0 < $1.box.y0 }[0]
        XCTAssertTrue(top.continuesPrevious, "seed 000 page 2 starts with the end of page 1's table")
        let split = s000.pages[2].tables.filter(\.continuesPrevious)
        XCTAssertEqual(split.compactMap(\.sideBySideGroup).sorted(), [0, 1, 2])
        XCTAssertTrue(s000.pages[0].tables.allSatisfy { !$0.continuesPrevious })
        let (_, s003) = try CorpusPages.seed("s003-thesaban-tambon")
        let continued = s003.pages.flatMap(\.tables).filter(\.continuesPrevious)
        XCTAssertFalse(continued.isEmpty)
        for t in continued {
            let prev = try XCTUnwrap(s003.pages[t.page - 2].tables.max { $0.box.y1 < $1.box.y1 })
            XCTAssertEqual(prev.columns.count, t.columns.count)
        }
    }

    // Layout speed (400 pages against poppler's extraction) is measured by Scripts/bench-layout.sh.
}

/// Scores in cells: digits with a decimal point, Thai or Arabic.
enum HeaderLikeNumber {
    static func isScore(_ s: String) -> Bool {
        let t = s.trimmingCharacters(in: .whitespaces)
        return !t.isEmpty && t.unicodeScalars.allSatisfy { (0x30...0x39).contains($0.value) || (0x0E50...0x0E59).contains($0.value) || $0 == "." }
    }
}
