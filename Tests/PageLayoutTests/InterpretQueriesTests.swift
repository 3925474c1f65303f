import Foundation
import ITAModel
@testable import PageLayout
import XCTest

/// The questions the indicator, prose and page-break readers ask the layout stage instead of
/// comparing boxes themselves (same row, same column, inside a table, reading order, a word's width,
/// a page's margins, a margin line's step, a wrapped line's step), on real pages of seed 000: its
/// indicator table on page 2 and its question tables with wrapped cells on page 3.
final class InterpretQueriesTests: XCTestCase {
    private func page(_ n: Int) throws -> (page: PageLayoutResult, grid: PageGrid, settings: LayoutSettings) {
        let (_, layout) = try CorpusPages.seed("s000-thesaban-mueang")
        let page = try XCTUnwrap(layout.pages.first { $0.page == n })
        return (page, PageGrid(page: page, settings: layout.settings), layout.settings)
    }

    /// A table row shares its row with the lines its cells stand on and with none a row further
    /// down; its cells share a column with the lines printed in them only.
    func testSameRowAndSameColumn() throws {
        let (page, _, _) = try page(2)
        let table = try XCTUnwrap(page.tables.first { $0.rows.count >= 3 })
        let row = table.rows[1], below = table.rows[2]
        let onRow = page.lines.filter { $0.box.sharesRow(with: row.box) }
        XCTAssertFalse(onRow.isEmpty)
        XCTAssertTrue(onRow.allSatisfy { $0.box.midY >= row.box.y0 - $0.box.height && $0.box.midY <= row.box.y1 + $0.box.height })
        XCTAssertFalse(row.box.sharesRow(with: Box(x0: row.box.x0, y0: row.box.y1, x1: row.box.x1, y1: row.box.y1 + 5)),
                       "touching edges share no row")
        XCTAssertFalse(row.box.sharesRow(with: Box(x0: row.box.x0, y0: below.box.y1 + 1, x1: row.box.x1, y1: below.box.y1 + 10)))
        let cells = row.cells.sorted { $0.box.x0 < $1.box.x0 }
        XCTAssertGreaterThanOrEqual(cells.count, 2)
        XCTAssertTrue(cells[0].box.sharesColumn(with: cells[0].box))
        XCTAssertFalse(cells[0].box.sharesColumn(with: Box(x0: cells[0].box.x1, y0: 0, x1: cells[0].box.x1 + 50, y1: 10)),
                       "touching edges share no column")
    }

    /// A table's box holds the lines of its rows; a line above the table (its title) is no line of
    /// it, nor is a line only partly overlapping it by less than `tableLineOverlapHeight`.
    func testTableHoldsItsLinesOnly() throws {
        let (page, _, settings) = try page(2)
        let table = try XCTUnwrap(page.tables.first { $0.rows.count >= 3 })
        let inside = page.lines.filter { table.box.holdsLine($0.box) }
        XCTAssertFalse(inside.isEmpty)
        XCTAssertTrue(inside.allSatisfy { table.box.holdsTableLine($0.box, settings: settings) })
        let above = try XCTUnwrap(page.lines.last { $0.box.y1 <= table.box.y0 })
        XCTAssertFalse(table.box.holdsTableLine(above.box, settings: settings))
        let line = inside[0].box
        let peeking = Box(x0: line.x0, y0: table.box.y0 - line.height * 0.9, x1: line.x1, y1: table.box.y0 + line.height * 0.1)
        XCTAssertFalse(table.box.holdsTableLine(peeking, settings: settings), "a tenth of its height inside")
        var loose = settings
        loose.tableLineOverlapHeight = 0.05
        XCTAssertTrue(table.box.holdsTableLine(peeking, settings: loose))
    }

    /// Reading order: the page's lines come top to bottom, and on one top left to right.
    func testReadingOrder() throws {
        let (page, _, _) = try page(2)
        let boxes = page.lines.flatMap { $0.segments.map(\.box) }
        let sorted = boxes.shuffled().sorted { $0.readsBefore($1) }
        XCTAssertEqual(sorted.map { [$0.y0, $0.x0] }, boxes.map { [$0.y0, $0.x0] }.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) })
        let a = Box(x0: 10, y0: 5, x1: 20, y1: 9), b = Box(x0: 5, y0: 5, x1: 20, y1: 9)
        XCTAssertTrue(b.readsBefore(a)); XCTAssertFalse(a.readsBefore(b)); XCTAssertFalse(a.readsBefore(a))
    }

    /// A word's share of a segment's width, and a page's margins as a share of its height.
    func testWidthShareAndMargins() throws {
        let (page, _, _) = try page(2)
        let seg = try XCTUnwrap(page.lines.first?.segments.first).box
        XCTAssertEqual(seg.widthShare(1, of: 4), seg.width / 4, accuracy: 1e-9)
        XCTAssertEqual(seg.widthShare(3, of: 0), seg.width * 3, accuracy: 1e-9, "no spacing character: a whole")
        XCTAssertEqual(page.topMarginBottom(share: 0.05), page.height * 0.05, accuracy: 1e-9)
        XCTAssertEqual(page.bottomMarginTop(share: 0.05), page.height * 0.95, accuracy: 1e-9)
    }

    /// Lines of i2's wrapped cell on page 3 follow each other within a line pitch: within a wrap
    /// step below, within a margin step of each other; a line far below is neither, and neither is
    /// anything on a grid without a pitch.
    func testWrapAndMarginSteps() throws {
        let (page, grid, settings) = try page(3)
        let l = try XCTUnwrap(page.lines.firstIndex { $0.segments.contains { $0.text.hasPrefix("i ๒") } })
        let i2 = page.lines[l].box, next = page.lines[l + 1].box
        XCTAssertTrue(grid.isWrapStep(next, below: i2))
        XCTAssertTrue(grid.isWrapStep(i2, below: next), "above: any distance")
        let far = Box(x0: i2.x0, y0: i2.y0 + 3 * grid.pitch, x1: i2.x1, y1: i2.y1 + 3 * grid.pitch)
        XCTAssertFalse(grid.isWrapStep(far, below: i2))
        XCTAssertTrue(grid.topsWithin(pitches: 1.3, i2, next))
        XCTAssertTrue(grid.topsWithin(pitches: 1.3, next, i2))
        XCTAssertFalse(grid.topsWithin(pitches: 1.3, far, i2))
        XCTAssertTrue(i2.topWithin(pitches: 1.3, of: next, pitch: grid.pitch))
        XCTAssertFalse(i2.topWithin(pitches: 1.3, of: far, pitch: grid.pitch))
        let flat = PageGrid(lines: grid.lines, pitch: 0, settings: settings)
        XCTAssertFalse(flat.topsWithin(pitches: 1.3, i2, i2), "no pitch: no step")
    }

    /// The plan on page 17 of seed 000: a ruled frame under a two-line title. Where a plan ends is
    /// asked of `FrameGaps`: the frame's lines lie in it (not below it), the title above it; a table
    /// found right under the frame starts within a pitch of it, one further down does not; a row's
    /// wrapped lines step less than a pitch, the gap between two rows more.
    func testPlanFrameGaps() throws {
        let (page, grid, _) = try page(17)
        let frame = try XCTUnwrap(page.tables.first { $0.method == .ruled }).box
        let inside = page.lines.filter { frame.holdsLine($0.box) }
        XCTAssertGreaterThan(inside.count, 10)
        XCTAssertTrue(inside.allSatisfy { !$0.box.liesBelow(frame) && !$0.box.middleBelow(frame) })
        let title = try XCTUnwrap(page.lines.last { $0.segments.contains { $0.text.hasPrefix("ปีงบประมาณ") } }).box
        XCTAssertTrue(frame.liesBelow(title), "the frame starts under its title")
        XCTAssertFalse(title.liesBelow(frame))
        XCTAssertGreaterThan(grid.pitch, 0)
        func shifted(_ b: Box, by dy: Double) -> Box { Box(x0: b.x0, y0: b.y0 + dy, x1: b.x1, y1: b.y1 + dy) }
        let line = inside[0].box
        let rightUnder = shifted(line, by: frame.y1 - line.y0 + grid.pitch / 2)
        let further = shifted(line, by: frame.y1 - line.y0 + 2 * grid.pitch)
        XCTAssertTrue(rightUnder.liesBelow(frame) && rightUnder.middleBelow(frame))
        XCTAssertTrue(rightUnder.startsWithin(grid.distance(pitches: 1), below: frame))
        XCTAssertFalse(further.startsWithin(grid.distance(pitches: 1), below: frame))
        XCTAssertTrue(title.startsWithin(grid.distance(pitches: 1), below: frame), "above the frame: within any gap")
        // A line half inside the frame's bottom: its middle below, its top not.
        let straddling = shifted(line, by: frame.y1 - line.y0 - line.height / 4)
        XCTAssertTrue(straddling.middleBelow(frame)); XCTAssertFalse(straddling.liesBelow(frame))
        // Row 1's steps `๑. จัดทำคู่มือ/แนวทางการ` wraps onto the next line; row 2 starts a row gap below row 1's last line.
        let wrapped = try XCTUnwrap(inside.firstIndex { $0.segments.contains { $0.text.hasPrefix("๑. จัดทำคู่มือ") } })
        let a = inside[wrapped].box, b = inside[wrapped + 1].box
        XCTAssertFalse(b.topBelow(a, moreThan: grid.distance(pitches: 1.5)), "a wrapped line's step")
        XCTAssertTrue(b.topBelow(a, moreThan: 0))
        XCTAssertFalse(a.topBelow(b, moreThan: 0), "above: no step down")
        let rowTwo = try XCTUnwrap(inside.firstIndex { $0.segments.contains { $0.text.hasPrefix("- จัดกิจกรรมสร้าง") } })
        XCTAssertTrue(inside[rowTwo].box.topBelow(inside[rowTwo - 1].box, moreThan: b.y0 - a.y0), "a row gap: wider than a wrap step")
        // No step inside the plan is as wide as the plan's end gap (`InterpretSettings.planEndGapPitches`, 3 pitches).
        XCTAssertFalse(zip(inside, inside.dropFirst()).contains { $1.box.topBelow($0.box, moreThan: grid.distance(pitches: 3)) })
        XCTAssertTrue(shifted(line, by: 4 * grid.pitch).topBelow(line, moreThan: grid.distance(pitches: 3)))
    }

    /// The plan header's columns on page 17 of seed 000 keep the layout's extents of their cells
    /// (`ColumnExtent`): the columns made from them place every body segment as those made from the
    /// cells' edges, and a segment's extent is its own edges; side-by-side boxes order by their left edges.
    func testHeaderColumnExtents() throws {
        let (page, _, _) = try page(17)
        let top = try XCTUnwrap(page.lines.firstIndex { $0.segments.contains { $0.text.hasPrefix("ผู้รับผิด") } })
        let bottom = try XCTUnwrap(page.lines.firstIndex { $0.segments.contains { $0.text == "ง" } })
        let band = page.lines[top...bottom].flatMap { $0.segments.map(\.box) }
        let cells = BandCells.leftToRight(BandCells.group(band))
        XCTAssertGreaterThanOrEqual(cells.count, 4)
        XCTAssertTrue(cells.allSatisfy { $0.extent.x0 == $0.x0 && $0.extent.x1 == $0.x1 && $0.extent.span == $0.x0...$0.x1 })
        let byExtent = HeaderColumns(extents: cells.map(\.extent))
        let byEdges = HeaderColumns(cells.map { (x0: $0.x0, x1: $0.x1) })
        let body = page.lines[(bottom + 1)...].flatMap { $0.segments.map(\.box) }
        XCTAssertFalse(body.isEmpty)
        XCTAssertEqual(body.map { byExtent.column(for: $0) }, body.map { byEdges.column(for: $0) })
        XCTAssertEqual(Set(body.map { byExtent.column(for: $0) }).count, cells.count, "every column holds body text")
        XCTAssertTrue(band.allSatisfy { $0.columnExtent == ColumnExtent(x0: $0.x0, x1: $0.x1) })
        XCTAssertEqual(band.shuffled().sorted { $0.startsLeft(of: $1) }.map(\.x0), band.map(\.x0).sorted())
        XCTAssertFalse(band[0].startsLeft(of: band[0]))
    }
}
