import Foundation
import ITAModel
@testable import PageLayout
import XCTest

/// The geometry interpret asks of a page through `PageGrid` (a cell's wrapped lines, a row's band,
/// columns by overlap and by title centre, a row's text column, a cell cut by a page break), on
/// real pages of seed 000, whose question tables stand two groups side by side with wrapped cells
/// and a row cut by a page break.
final class PageGridTests: XCTestCase {
    private func page(_ n: Int) throws -> (page: PageLayoutResult, grid: PageGrid) {
        let (_, layout) = try CorpusPages.seed("s000-thesaban-mueang")
        let page = try XCTUnwrap(layout.pages.first { $0.page == n })
        return (page, PageGrid(page: page, settings: layout.settings))
    }

    /// The first segment whose text starts with `prefix`.
    private func ref(_ prefix: String, on page: PageLayoutResult) throws -> PageGrid.Ref {
        for (l, line) in page.lines.enumerated() {
            if let s = line.segments.firstIndex(where: { $0.text.hasPrefix(prefix) }) { return PageGrid.Ref(line: l, segment: s) }
        }
        XCTFail("no segment starting with \(prefix) on page \(page.page)")
        throw CocoaError(.fileReadCorruptFile)
    }

    private func text(_ r: PageGrid.Ref, _ page: PageLayoutResult) -> String { page.lines[r.line].segments[r.segment].text }

    /// A question code (`i ๓`, `e ๔`) or a score (`๑๐๐.๐๐`) starts another cell.
    private func startsCell(_ t: String) -> Bool {
        t.range(of: #"^[ioe] ?[0-9๐-๙]"#, options: .regularExpression) != nil
            || t.range(of: #"^[0-9๐-๙]+[.][0-9๐-๙]+$"#, options: .regularExpression) != nil
    }

    /// Question i2's cell on page 3 wraps over four more lines in its column, beside the e column's
    /// cells, and ends where i3 starts; with no wrapped step allowed it has no continuation.
    func testCellWrapFollowsAQuestionCellDownItsColumn() throws {
        let (page, grid) = try page(3)
        let i2 = try ref("i ๒", on: page)
        let cont = grid.continuation(of: i2) { self.startsCell(self.text($0, page)) }
        XCTAssertEqual(cont.map { text($0, page) }, ["งานท่านปฏิบัติหรือให้", "บริการแก่บุคคล", "ภายนอกอย่างเท่าเทียม", "กันมากน้อยเพียงใด"])
        // e2's cell, in the column beside i2's, interleaves its lines with i2's: followed down its own
        // x it takes its own lines and none of i2's.
        let e2 = try ref("e ๒", on: page)
        XCTAssertEqual(grid.continuation(of: e2) { self.startsCell(self.text($0, page)) }.map { text($0, page) },
                       ["ให้บริการแก่ท่านอย่าง", "เป็นธรรมและไม่เลือก", "ปฏิบัติ มากน้อยเพียงใด"])
        var tight = grid.settings
        tight.wrapStepPitch = 0
        let none = PageGrid(page: page, settings: tight).continuation(of: i2) { self.startsCell(self.text($0, page)) }
        XCTAssertEqual(none, [])
    }

    /// i2's row band on page 3: its own cell's wrapped lines start at its x, so it ends above the
    /// first of them unless they are the row's own; they are, and it ends right above the next
    /// cell of i2's column (i3's code), the gap below it. A row's span over several codes covers
    /// each of them.
    func testRowBandEndsAtTheNextCellOfTheColumn() throws {
        let (page, grid) = try page(3)
        let i2 = try ref("i ๒", on: page), i3 = try ref("i ๓", on: page)
        let wrapped = grid.continuation(of: i2) { self.startsCell(self.text($0, page)) }
        let first = try XCTUnwrap(wrapped.first)
        func bottom(_ own: [PageGrid.Ref]) -> Double {
            grid.bandBottom(below: i2.line, from: .infinity, columnXs: [grid.box(i2).x0],
                            tolerance: grid.wrapIndentTolerance(of: i2), gap: 0.5, isOwn: { own.contains($0) })
        }
        XCTAssertEqual(bottom([]), grid.box(first).y0 - 0.5, "a line starting at i2's x ends the band")
        XCTAssertEqual(bottom(wrapped), grid.box(i3).y0 - 0.5, "past i2's own lines, i3's code ends it")
        XCTAssertEqual(grid.bandBottom(below: i2.line, from: grid.box(first).y0 - 1, columnXs: [grid.box(i2).x0],
                                       tolerance: 1, gap: 0.5, isOwn: { _ in false }), grid.box(first).y0 - 1,
                       "a band ending above the next line keeps its end")
        let span = grid.span(of: [i2, i3], abovePitch: 0, belowPitch: 0)
        XCTAssertTrue(span.contains(grid.box(i2).y0) && span.contains(grid.box(i3).y1))
        XCTAssertTrue(grid.starts(i3, top: span.lowerBound, bottom: span.upperBound))
        XCTAssertFalse(grid.starts(i3, top: span.lowerBound, bottom: grid.box(i3).y0 - 1))
    }

    /// Codes of one column share it; a code and the score right of it do not; a score left of a
    /// code in a band is found left of it, with the other group's code between them or not.
    func testColumnsByOverlap() throws {
        let (page, grid) = try page(3)
        let i2 = try ref("i ๒", on: page), i3 = try ref("i ๓", on: page), e3 = try ref("e ๓", on: page)
        XCTAssertTrue(grid.sharesColumn(i2, i3, share: 0.5))
        XCTAssertTrue(grid.overlapsOrAligns(i2, i3, tolerance: 0))
        XCTAssertFalse(grid.sharesColumn(i2, e3, share: 0.5), "the e group stands beside the i group")
        XCTAssertFalse(grid.overlapsOrAligns(i2, e3, tolerance: 1))
        XCTAssertTrue(grid.precedes(i2, e3, sameColumn: 2), "i's column is left of e's")
        XCTAssertFalse(grid.precedes(e3, i2, sameColumn: 2))
        XCTAssertTrue(grid.precedes(i2, i3, sameColumn: 2), "one column: the upper first")
    }

    /// A header cell naming two columns shares its width: their centres are at a quarter and
    /// three quarters of it; a score is nearest the column over it.
    func testTitleCentresAndTheNearestColumn() throws {
        let (page, grid) = try page(3)
        let i2 = try ref("i ๒", on: page)
        let b = grid.box(i2)
        let two = grid.titleCentres(of: i2, count: 2)
        XCTAssertEqual(two[0], b.x0 + b.width / 4, accuracy: 1e-9)
        XCTAssertEqual(two[1], b.x0 + 3 * b.width / 4, accuracy: 1e-9)
        XCTAssertEqual(grid.titleCentres(of: i2, count: 1), [grid.centreX(of: i2)])
        let nearest = try XCTUnwrap(grid.nearestColumn(of: i2, centres: [b.midX + 100, b.midX - 3, b.midX + 2]))
        XCTAssertEqual(nearest.index, 2)
        XCTAssertEqual(nearest.distance, 2, accuracy: 1e-9)
        XCTAssertTrue(grid.lines(around: i2.line, abovePitch: 0, belowPitch: 0).contains(i2.line))
        XCTAssertFalse(grid.lines(around: i2.line, abovePitch: 0, belowPitch: 0).contains(i2.line + 3))
    }

    /// The text column after e11's code on page 3 ends before its score (`๙๘.๑๒`); the e text's
    /// wrapped lines below start in it, the i group's do not.
    func testTextColumnFromTheCodeToTheScore() throws {
        let (page, grid) = try page(3)
        let e11 = try ref("e ๑๑", on: page)
        let column = grid.textColumn(after: PageGrid.Ref(line: e11.line, segment: e11.segment), glued: true, tolerance: 4,
                                     isScore: { self.startsCell(self.text($0, page)) && !self.text($0, page).hasPrefix("e") })
        let score = try XCTUnwrap(page.lines[e11.line].segments.lastIndex { $0.text.hasPrefix("๙๘") })
        XCTAssertEqual(column.right, grid.box(PageGrid.Ref(line: e11.line, segment: score)).x0 - 4, accuracy: 1e-9)
        let wrapped = try ref("ให้บริการของเจ้าหน้าที่", on: page), i5wrap = try ref("งานท่านมีการรับเงิน", on: page)
        XCTAssertTrue(grid.starts(wrapped, inColumn: column))
        XCTAssertFalse(grid.starts(i5wrap, inColumn: column))
    }

    /// Page 3's last line lies below every other; nothing lies below it; the extent of two
    /// segments runs from the upper's top to the lower's bottom.
    func testPageBreakCellQuestions() throws {
        let (page, grid) = try page(3)
        let last = page.lines.count - 1
        XCTAssertTrue(grid.hasLine(below: page.lines[0].box.y1, pitches: 0, above: .infinity, skip: { _ in false }))
        XCTAssertFalse(grid.hasLine(below: page.lines[last].box.y0, pitches: 0, above: .infinity, skip: { _ in false }))
        XCTAssertFalse(grid.hasLine(below: page.lines[0].box.y1, pitches: 0, above: .infinity, skip: { _ in true }))
        let i2 = try ref("i ๒", on: page), i3 = try ref("i ๓", on: page)
        let extent = grid.extent(of: [i3, i2])
        XCTAssertEqual(extent.top, grid.box(i2).y0)
        XCTAssertEqual(extent.bottom, grid.box(i3).y1)
        // The text runs from inside the left margin to inside the right one, over most of the width.
        let span = grid.textSpan
        XCTAssertGreaterThan(span.left, 0)
        XCTAssertLessThan(span.right, page.width)
        XCTAssertGreaterThan(span.right - span.left, page.width / 2)
        XCTAssertLessThanOrEqual(span.left, grid.box(i2).x0)
        // The column of i2 opens at i2 below the page's top, and i3 follows it as the next cell.
        let first = try XCTUnwrap(grid.firstInColumn(left: grid.box(i2).x0 - 1, right: grid.box(i2).x1, below: grid.box(i2).y0, skip: { _ in false }))
        XCTAssertEqual(first, i2)
        XCTAssertTrue(grid.starts(first, at: grid.box(i2).x0, tolerance: 0))
        // After i2's wrapped lines, the next cell of its column is i3's code.
        let lastWrapped = try XCTUnwrap(grid.continuation(of: i2) { self.startsCell(self.text($0, page)) }.last)
        let next = grid.nextStart(below: lastWrapped.line, within: 10, of: grid.box(lastWrapped).y1, columnXs: [grid.box(i2).x0], tolerance: 1)
        XCTAssertEqual(next, i3)
        XCTAssertNil(grid.nextStart(below: i2.line, within: 0, of: grid.box(i2).y0, columnXs: [grid.box(i2).x0], tolerance: 1))
    }

    /// The page-break join's questions of a row's edges (`RowBreakEdges`, `reachesPastOthers`,
    /// `oneRow`, `CellPieces.source`), on i2's row of page 3 and the e column beside it.
    func testRowBreakEdgesOfAQuestionRow() throws {
        let (page, grid) = try page(3)
        let i2 = try ref("i ๒", on: page), i3 = try ref("i ๓", on: page), e3 = try ref("e ๓", on: page)
        let text = [i2] + grid.continuation(of: i2) { self.startsCell(self.text($0, page)) }
        let edges = grid.rowEdges(code: i2, textStart: i2, text: text)
        let row = RowBreakEdges(edges: edges, scoreLeft: nil, bottom: edges.textBottom)
        // i2 and i3 share a text column, the lower of them ends it; e3's is a column of its own.
        let i3Row = RowBreakEdges(edges: grid.rowEdges(code: i3, textStart: i3, text: [i3]), scoreLeft: nil, bottom: grid.box(i3).y1)
        let e3Row = RowBreakEdges(edges: grid.rowEdges(code: e3, textStart: e3, text: [e3]), scoreLeft: nil, bottom: grid.box(e3).y1)
        XCTAssertEqual(RowBreakEdges.lowestOfEachColumn([row, e3Row, i3Row], tolerance: 4), [2, 1])
        XCTAssertEqual(row.nextColumnStart(among: [edges.textX, grid.box(e3).x0], tolerance: 4), grid.box(e3).x0)
        XCTAssertEqual(e3Row.nextColumnStart(among: [edges.textX, grid.box(e3).x0], tolerance: 4), .infinity)
        // i2's cell is narrow beside a page's text span, not beside a hundredth of it.
        XCTAssertTrue(row.stopsMidLineInNarrowCell(span: grid.textSpan, narrowShare: 0.6, lastLineShare: 1))
        XCTAssertFalse(row.stopsMidLineInNarrowCell(span: grid.textSpan, narrowShare: 0.01, lastLineShare: 1))
        XCTAssertEqual(row.continuedTextReach(overrun: 8, slack: 2), edges.textRight + 8)
        XCTAssertEqual(RowBreakEdges(edges: edges, scoreLeft: edges.textRight + 50, bottom: 0).continuedTextReach(overrun: 8, slack: 2), edges.textRight + 48)
        XCTAssertEqual(row.column(slack: 2).left, edges.codeX - 2)
        XCTAssertEqual(row.column(slack: 2).right, edges.textRight + 2)
        // The widest of i2's lines reaches past the others; no line reaches a page width past them.
        let widest = try XCTUnwrap(text.indices.max { grid.box(text[$0]).x1 < grid.box(text[$1]).x1 })
        XCTAssertTrue(grid.reachesPastOthers(widest, of: text, slack: 0))
        XCTAssertFalse(grid.reachesPastOthers(widest, of: text, slack: 1000))
        XCTAssertFalse(grid.reachesPastOthers(text.count - 1 == widest ? 0 : text.count - 1, of: text, slack: 0))
        // Blocks overlapping down the page are one row, top down; one a page lower is not.
        let b = grid.box(i2)
        let blocks = [(top: b.y0 + 1000, bottom: b.y1 + 1000), (top: b.y0 + 2, bottom: b.y1 + 2), (top: b.y0, bottom: b.y1)]
        let one = try XCTUnwrap(grid.oneRow(blocks))
        XCTAssertEqual(one.order, [2, 1, 0])
        XCTAssertEqual(one.count, 2)
        XCTAssertEqual(one.bottom, b.y1 + 2)
        XCTAssertNil(grid.oneRow([]))
        // A piece cut from a segment is found in the segments of its line by its span.
        let segs = page.lines[i2.line].segments.map(\.box)
        XCTAssertEqual(CellPieces.source(of: grid.box(i2), among: segs), i2.segment)
        XCTAssertNil(CellPieces.source(of: Box(x0: -20, y0: b.y0, x1: -10, y1: b.y1), among: segs))
    }

    /// Lines of running text on page 3 of seed 000 (`LineSteps`): the question rows' lines start
    /// together; a line a page below is parted from one above; i2's wrapped lines end short of
    /// the widest.
    func testLineStepsOfRealLines() throws {
        let (page, grid) = try page(3)
        let i2 = try ref("i ๒", on: page)
        let text = [i2] + grid.continuation(of: i2) { self.startsCell(self.text($0, page)) }
        let boxes = text.map { grid.box($0) }
        XCTAssertTrue(boxes[1].startsAligned(with: boxes[2], tolerance: 1))
        XCTAssertFalse(boxes[0].startsAligned(with: Box(x0: boxes[0].x0 + 30, y0: 0, x1: 0, y1: 0), tolerance: 1))
        XCTAssertFalse(boxes[1].isParted(from: boxes[2], gapHeight: 1), "wrapped lines of one cell")
        XCTAssertTrue(boxes[1].isParted(from: Box(x0: boxes[1].x0, y0: boxes[1].y1 + 100, x1: boxes[1].x1, y1: boxes[1].y1 + 110), gapHeight: 1))
        XCTAssertTrue(boxes[1].isIndented(next: Box(x0: boxes[1].x0 + 20, y0: 0, x1: 0, y1: 0), by: 10))
        XCTAssertFalse(boxes[1].isIndented(next: boxes[2], by: 10))
        let widest = boxes.map(\.x1).max()!
        XCTAssertEqual(boxes.last!.room(under: boxes), widest - boxes.last!.x1)
        XCTAssertEqual(boxes[0].room(under: [Box]()), 0, "no line above: no room")
    }

    /// Scores paired with year columns (`TitleColumnPairing`): in order when as many as titles,
    /// else by the nearest title centre.
    func testScoresPairedWithYearTitles() {
        func box(_ x: Double) -> Box { Box(x0: x - 10, y0: 0, x1: x + 10, y1: 10) }
        let titles = [(2567, 300.0), (2566, 200.0)]
        XCTAssertEqual(TitleColumnPairing.pair([("b", box(310)), ("a", box(190))], titles: titles).map { "\($0.0)\($0.1!)" }, ["a2566", "b2567"])
        XCTAssertEqual(TitleColumnPairing.pair([("c", box(290))], titles: titles).map { $0.1 }, [2567])
        XCTAssertEqual(TitleColumnPairing.pair([("c", box(290))], titles: [(Int, Double)]()).map { $0.1 }, [nil])
    }

    /// i2's row on page 3: its code cell holds its text's first line, its wrapped lines below; the
    /// edges are those of its boxes. i3's code is aligned with i2's, e3's is not; the score cells
    /// right of e11's text start left of it.
    func testRowEdgesOfAQuestionRow() throws {
        let (page, grid) = try page(3)
        let i2 = try ref("i ๒", on: page), i3 = try ref("i ๓", on: page), e3 = try ref("e ๓", on: page)
        let text = [i2] + grid.continuation(of: i2) { self.startsCell(self.text($0, page)) }
        let edges = grid.rowEdges(code: i2, textStart: i2, text: text)
        XCTAssertEqual(edges.codeX, grid.box(i2).x0)
        XCTAssertEqual(edges.textX, grid.box(i2).x0)
        XCTAssertEqual(edges.textRight, text.map { grid.box($0).x1 }.max())
        XCTAssertEqual(edges.textBottom, grid.box(text.last!).y1)
        XCTAssertEqual(edges.lastLineRight, grid.box(text.last!).x1)
        XCTAssertEqual(grid.rights(of: text), text.map { grid.box($0).x1 })
        XCTAssertEqual(grid.rowEdges(code: i2, textStart: i2, text: []).textRight, grid.box(i2).x1, "no text: the code bounds it")
        XCTAssertEqual(grid.left(of: [e3, i3]), grid.box(i3).x0)
        XCTAssertNil(grid.left(of: []))
        XCTAssertEqual(grid.bottom(of: [i2, i3], floor: 0), grid.box(i3).y1)
        XCTAssertEqual(grid.bottom(of: [], floor: 7), 7)
        XCTAssertTrue(grid.starts(i3, alignedWith: i2, tolerance: 0.5))
        XCTAssertFalse(grid.starts(e3, alignedWith: i2, tolerance: 0.5))
        XCTAssertFalse(grid.reachesColumn(0, of: [i2], column: [e3], evidence: 1), "i2's line ends before the e column")
        // A text line run into the score column: two scores of other rows start under its end, the
        // question's other line ends left of them; one score is too little evidence for two.
        func line(_ y: Double, _ x0: Double, _ x1: Double) -> (Box, [Box]) {
            (Box(x0: x0, y0: y, x1: x1, y1: y + 10), [Box(x0: x0, y0: y, x1: x1, y1: y + 10)])
        }
        let glued = PageGrid(lines: [line(0, 50, 300), line(12, 50, 200), line(24, 250, 280), line(36, 252, 280)], settings: grid.settings)
        let rows = [PageGrid.Ref(line: 0, segment: 0), PageGrid.Ref(line: 1, segment: 0)]
        let column = [PageGrid.Ref(line: 2, segment: 0), PageGrid.Ref(line: 3, segment: 0)]
        XCTAssertTrue(glued.reachesColumn(0, of: rows, column: column, evidence: 2))
        XCTAssertFalse(glued.reachesColumn(0, of: rows, column: column, evidence: 3))
        XCTAssertFalse(glued.reachesColumn(1, of: rows, column: column, evidence: 1), "the line ending before the column")
    }
}
