import ITAModel
@testable import PageLayout
import XCTest

/// The geometry the plan reader asks of a header band (`BandCells`, `HeaderColumns`), on the real
/// boxes of page 2 of generated tune seed 82 (LibreOffice, ruled; the same lines as
/// `MeasurePlanLayoutTests.testTwoRowHeaderGroupCellAboveTheRoles`): a two-row header whose upper
/// cell `การนำผลการวิเคราะห์ไปสู่การปฏิบัติ` spans measure and steps, beside the vertically centred
/// `ระยะ เวลา ดำเนิน งาน` and `ผู้รับผิด ชอบ`, then the first body line.
final class HeaderBandCellsTests: XCTestCase {
    private typealias Piece = (text: String, box: Box)

    /// The band's segments, line by line, left to right.
    private let band: [Piece] = [
        ("การนำผลการวิเคราะห์ไปสู่การปฏิบัติ", Box(x0: 137.0, y0: 529.7, x1: 317.3, y1: 545.3)),
        ("ระยะ", Box(x0: 487.1, y0: 529.7, x1: 512.2, y1: 545.3)),
        ("ผู้รับผิด", Box(x0: 436.6, y0: 550.3, x1: 472.8, y1: 565.9)),
        ("เวลา", Box(x0: 487.1, y0: 550.3, x1: 510.9, y1: 565.9)),
        ("ประเด็น", Box(x0: 59.8, y0: 560.5, x1: 98.7, y1: 576.1)),
        ("มาตรการ/กิจกรรม", Box(x0: 137.0, y0: 573.8, x1: 228.4, y1: 589.4)),
        ("ขั้นตอน/วิธีปฏิบัติ", Box(x0: 286.8, y0: 573.8, x1: 373.6, y1: 589.4)),
        ("ชอบ", Box(x0: 436.6, y0: 570.8, x1: 459.2, y1: 586.4)),
        ("ดำเนิน", Box(x0: 487.1, y0: 570.8, x1: 519.8, y1: 586.4)),
        ("งาน", Box(x0: 487.1, y0: 591.4, x1: 506.7, y1: 607.0)),
    ]
    /// The first body line: issue, measure, steps and owner cells.
    private let body: [Piece] = [
        ("i2 เจ้าหน้าที่", Box(x0: 59.8, y0: 618.0, x1: 117.5, y1: 633.6)),
        ("จัดทำมาตรการป้องกันและมี", Box(x0: 137.0, y0: 618.0, x1: 270.1, y1: 633.6)),
        ("1. วิเคราะห์และประเมินความ", Box(x0: 286.8, y0: 618.0, x1: 427.0, y1: 633.6)),
        ("สำนัก", Box(x0: 436.6, y0: 618.0, x1: 462.0, y1: 633.6)),
    ]
    /// The title above the table, across every column.
    private let title = Box(x0: 56.8, y0: 491.7, x1: 508.9, y1: 512.5)

    private func texts(_ members: [Int]) -> String { members.map { band[$0].text }.joined(separator: " ") }

    /// The upper cell over measure and steps is a group cell when the cells under it name columns,
    /// and only then; the centred cells beside it, whose wrapped lines make one cell each, are not.
    func testTheUpperCellOverTwoNamedCellsIsAGroup() {
        let boxes = band.map(\.box)
        XCTAssertEqual(BandCells.groupCells(boxes, lineOverlap: 0.3) { _ in true }, [0])
        XCTAssertEqual(BandCells.groupCells(boxes, lineOverlap: 0.3) { _ in false }, [])
        // Named columns are only measure and steps: still a group; steps alone: no group.
        XCTAssertEqual(BandCells.groupCells(boxes, lineOverlap: 0.3) { self.texts($0).contains("/") }, [0])
        XCTAssertEqual(BandCells.groupCells(boxes, lineOverlap: 0.3) { self.texts($0).hasPrefix("ขั้นตอน") }, [])
    }

    /// The other segments make five cells, left to right, each read top to bottom; the owner's and
    /// the period's pieces stand side by side on one line.
    func testTheBandsCellsReadTopToBottom() {
        let boxes = band.map(\.box)
        let cells = BandCells.leftToRight(BandCells.group(boxes, skipping: [0]))
        XCTAssertEqual(cells.map { texts(BandCells.readingOrder($0.members, boxes)) },
                       ["ประเด็น", "มาตรการ/กิจกรรม", "ขั้นตอน/วิธีปฏิบัติ", "ผู้รับผิด ชอบ", "ระยะ เวลา ดำเนิน งาน"])
        XCTAssertEqual(cells[4].x0, 487.1)
        XCTAssertEqual(cells[4].x1, 519.8)
        XCTAssertTrue(BandCells.sharesLine(cells[3], before: cells[4], boxes))
        XCTAssertFalse(BandCells.sharesLine(cells[4], before: cells[3], boxes), "the period's pieces stand right of the owner's")
        XCTAssertFalse(BandCells.sharesLine(cells[0], before: cells[1], boxes), "no line holds both")
        let joined = cells[3].joined(with: cells[4])
        XCTAssertEqual(joined.x0, 436.6)
        XCTAssertEqual(joined.x1, 519.8)
        XCTAssertEqual(texts(BandCells.readingOrder(joined.members, boxes)), "ระยะ ผู้รับผิด เวลา ชอบ ดำเนิน งาน")
    }

    /// Each body cell falls in the column over it; the title crosses every column; a piece in the
    /// gutter between steps and owner goes to the column whose stretch holds its left edge.
    func testBodyCellsFallInTheirHeaderColumns() {
        let boxes = band.map(\.box)
        let cells = BandCells.leftToRight(BandCells.group(boxes, skipping: [0]))
        let columns = HeaderColumns(cells.map { (x0: $0.x0, x1: $0.x1) })
        XCTAssertEqual(body.map { columns.column(for: $0.box) }, [0, 1, 2, 3])
        XCTAssertEqual(body.map { columns.mostOverlapped(by: $0.box) }, [0, 1, 2, 3])
        XCTAssertEqual(body.map { columns.overlapCount($0.box) }, [1, 1, 1, 1])
        XCTAssertEqual(columns.overlapCount(title), 5)
        XCTAssertEqual(columns.coveredCount(title, share: 0.5, narrow: 40), 5)
        XCTAssertEqual(columns.coveredCount(body[1].box, share: 0.5, narrow: 40), 1)
        let gutter = Box(x0: 400, y0: 640, x1: 420, y1: 655)
        XCTAssertNil(columns.mostOverlapped(by: gutter))
        XCTAssertEqual(columns.column(for: gutter), 2, "left of the midpoint between steps and owner")
        XCTAssertEqual(columns.column(for: Box(x0: 410, y0: 640, x1: 440, y1: 655)), 3, "overlapping owner's text only")
    }

    /// A cell holding two values a space apart shares its width: two halves, their centres at a
    /// quarter and three quarters.
    func testASharedCellsWidthInEqualParts() {
        let owner = body[3].box
        let halves = owner.sharedWidth(2)
        XCTAssertEqual(halves.count, 2)
        XCTAssertEqual(halves[0].x0, owner.x0)
        XCTAssertEqual(halves[1].x1, owner.x1, accuracy: 1e-9)
        XCTAssertEqual(halves[0].x1, owner.midX, accuracy: 1e-9)
        XCTAssertEqual(halves[1].y0, owner.y0)
        XCTAssertEqual(owner.sharedWidthCentres(2)[1], owner.x0 + 0.75 * owner.width, accuracy: 1e-9)
        XCTAssertEqual(owner.sharedWidth(0), [])
    }

    /// The gutters between the header's columns: a piece wholly between steps and owner lies in
    /// the gutter after steps and overlaps no column; a piece starting there and reaching into the
    /// owner's text starts in the owner's gutter; body cells lie in no gutter.
    func testGuttersBetweenHeaderColumns() {
        let boxes = band.map(\.box)
        let columns = HeaderColumns(BandCells.leftToRight(BandCells.group(boxes, skipping: [0])).map { (x0: $0.x0, x1: $0.x1) })
        let gutter = Box(x0: 400, y0: 640, x1: 420, y1: 655)
        XCTAssertFalse(columns.overlapsAny(gutter))
        XCTAssertTrue(columns.liesInGutter(gutter, after: 2))
        XCTAssertFalse(columns.liesInGutter(gutter, after: 3), "right of the owner's text is no gutter after it")
        XCTAssertTrue(body.allSatisfy { columns.overlapsAny($0.box) })
        XCTAssertFalse(body.contains { columns.liesInGutter($0.box, after: 2) })
        let tail = Box(x0: 380, y0: 640, x1: 450, y1: 655)
        XCTAssertTrue(columns.startsInGutter(tail, tolerance: 2))
        XCTAssertFalse(columns.startsInGutter(body[3].box, tolerance: 2), "the owner's cell starts at its header's text")
        XCTAssertFalse(columns.startsInGutter(Box(x0: 435, y0: 640, x1: 450, y1: 655), tolerance: 2), "within the tolerance")
    }

    /// A cell starts where other cells of its column start, on enough lines, the header's own text
    /// counting when it starts there too; a word starting elsewhere in the column does not.
    func testCellStartsNeedEvidence() {
        let boxes = band.map(\.box)
        let columns = HeaderColumns(BandCells.leftToRight(BandCells.group(boxes, skipping: [0])).map { (x0: $0.x0, x1: $0.x1) })
        var starts = ColumnCellStarts()
        let word = Box(x0: 437.5, y0: 660, x1: 460, y1: 675)
        XCTAssertFalse(starts.startsCell(word, column: 3, of: columns, tolerance: 2, headerEvidence: 1, evidence: 2))
        starts.record(body[3].box, in: columns)
        XCTAssertTrue(starts.startsCell(word, column: 3, of: columns, tolerance: 2, headerEvidence: 1, evidence: 2),
                      "one body cell and the header's text start there")
        XCTAssertFalse(starts.startsCell(word, column: 3, of: columns, tolerance: 2, headerEvidence: 0, evidence: 2))
        XCTAssertFalse(starts.startsCell(Box(x0: 445, y0: 660, x1: 460, y1: 675), column: 3, of: columns, tolerance: 2,
                                         headerEvidence: 1, evidence: 1), "inside the column, where no cell starts")
        XCTAssertFalse(starts.startsCell(word, column: 2, of: columns, tolerance: 2, headerEvidence: 1, evidence: 1),
                       "a start is its own column's")
    }

    /// A cut piece's words are those whose middle lies in it, up to the slack; the layout segment
    /// holding a piece is found the same way.
    func testSegmentWordsByTheirMiddles() {
        let words = [Word(text: "ก", box: Box(x0: 10, y0: 0, x1: 20, y1: 10)), Word(text: "ข", box: Box(x0: 22, y0: 0, x1: 30, y1: 10)),
                     Word(text: "ค", box: Box(x0: 40, y0: 0, x1: 50, y1: 10))]
        XCTAssertEqual(SegmentWords.words(words, inside: Box(x0: 15.5, y0: 0, x1: 26, y1: 10), slack: 0.5).map(\.text), ["ก", "ข"])
        XCTAssertEqual(SegmentWords.words(words, inside: Box(x0: 15.6, y0: 0, x1: 26, y1: 10), slack: 0.5).map(\.text), ["ข"])
        let segments = [Segment(words: Array(words[0...1])), Segment(words: [words[2]])]
        XCTAssertEqual(SegmentWords.segment(holding: Box(x0: 21.6, y0: 0, x1: 30.4, y1: 10), in: segments, slack: 0.5), 0)
        XCTAssertEqual(SegmentWords.segment(holding: Box(x0: 39.5, y0: 0, x1: 50, y1: 10), in: segments, slack: 0.5), 1)
        XCTAssertNil(SegmentWords.segment(holding: Box(x0: 25, y0: 0, x1: 45, y1: 10), in: segments, slack: 0.5))
    }

    /// A table's frame holds a title cell inside it on a line through it; the title above the
    /// table, reaching past the frame's edges, is no cell of it. Columns made from the cells' boxes
    /// are those made from their edges.
    func testAFrameHoldsItsTitleCells() {
        let frame = Box(x0: 56, y0: 525, x1: 525, y1: 640)
        XCTAssertTrue(frame.holds(body[1].box, onLine: body[1].box))
        XCTAssertFalse(frame.holds(title, onLine: title), "above the frame")
        XCTAssertFalse(frame.holds(Box(x0: 50, y0: 618, x1: 117.5, y1: 633.6), onLine: body[0].box), "reaching past its left edge")
        XCTAssertTrue(body[3].box.spans(x: body[3].box.x0), "edges included")
        XCTAssertTrue(body[3].box.spans(x: body[3].box.midX))
        XCTAssertFalse(body[3].box.spans(x: body[2].box.midX), "another column's centre")
        let columns = HeaderColumns(boxes: body.map(\.box))
        XCTAssertEqual(columns.extents.map(\.x0), body.map(\.box.x0))
        XCTAssertEqual(columns.extents.map(\.x1), body.map(\.box.x1))
    }
}
