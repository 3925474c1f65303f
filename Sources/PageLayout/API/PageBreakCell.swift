import ITAModel

/// A cell cut by a page break, seen on the `PageGrid`s of the two pages: on the old page nothing
/// of the body lies below the cut row; on the new page the cell's column opens with its text's
/// rest, followed down (`CellWrap`), and the next cell of the column below says whether the row
/// was a table's. The column's x positions and how far to look (in points, line pitches or a
/// share of the page) are the reader's to say; which text starts a cell too (`skip`, `counts`).
extension PageGrid {
    /// Whether a line other than those `skip` names starts more than `pitches` line pitches below
    /// `y` and ends above `foot`: the body goes on below a row that ends at `y`.
    public func hasLine(below y: Double, pitches: Double, above foot: Double, skip: (Int) -> Bool) -> Bool {
        lines.indices.contains { l in
            lines[l].box.y0 > y + pitches * pitch && lines[l].box.y1 < foot && !skip(l)
        }
    }

    /// Of blocks of text (top and bottom) at the top of a page: their order top down, how many
    /// of the first in that order lie in the highest one's row, and that row's bottom. Each block
    /// that starts within a line pitch below the row's bottom so far is of the row and extends it
    /// (the pieces of one cut row overlap down the page: side-by-side groups each hold one, a
    /// vertically centred cell's starts lower). Nil when there is no block.
    public func oneRow(_ blocks: [(top: Double, bottom: Double)]) -> (order: [Int], count: Int, bottom: Double)? {
        let order = blocks.indices.sorted { blocks[$0].top < blocks[$1].top }
        guard var bottom = order.first.map({ blocks[$0].bottom }) else { return nil }
        var count = 0
        for b in order.map({ blocks[$0] }) where b.top <= bottom + pitch {
            bottom = max(bottom, b.bottom)
            count += 1
        }
        return (order, count, bottom)
    }

    /// The highest top and the lowest bottom of `refs` (not empty).
    public func extent(of refs: [Ref]) -> (top: Double, bottom: Double) {
        let boxes = refs.map { box($0) }
        return (boxes.map(\.y0).min()!, boxes.map(\.y1).max()!)
    }

    /// The left edge of the page's text and its right edge (0 when the page has no line).
    public var textSpan: (left: Double, right: Double) {
        (lines.map(\.box.x0).min() ?? 0, lines.map(\.box.x1).max() ?? 0)
    }

    /// The first segment, top to bottom and left to right, on a line reaching below `top` that
    /// `skip` leaves, overlapping the column from `left` to `right` (exclusive): where a column
    /// opens on a page, below its top margin.
    public func firstInColumn(left: Double, right: Double, below top: Double, skip: (Int) -> Bool) -> Ref? {
        for (l, line) in lines.enumerated() {
            if line.box.y1 < top || skip(l) { continue }
            if let k = line.segments.firstIndex(where: { $0.x1 > left && $0.x0 < right }) { return Ref(line: l, segment: k) }
        }
        return nil
    }

    /// Whether every one of `refs` ends at or left of `x`.
    public func allEnd(_ refs: [Ref], atOrLeftOf x: Double) -> Bool { refs.allSatisfy { box($0).x1 <= x } }

    /// Whether one of `boxes` (a table's rows) shares height with `r` and overlaps the column from
    /// `left` to `right` (exclusive).
    public func anyBox(_ boxes: [Box], besideOf r: Ref, left: Double, right: Double) -> Bool {
        let first = box(r)
        return boxes.contains { $0.verticalOverlap(first) > 0 && $0.x1 > left && $0.x0 < right }
    }

    /// The first segment below line `line` starting within `tolerance` of one of `columnXs`, on a
    /// line starting at most `pitches` line pitches below `y`: the next cell of the column.
    public func nextStart(below line: Int, within pitches: Double, of y: Double, columnXs: [Double], tolerance: Double) -> Ref? {
        guard line + 1 < lines.count else { return nil }
        for l in (line + 1)..<lines.count {
            let next = lines[l]
            if next.box.y0 - y > pitches * pitch { break }
            if let k = next.segments.firstIndex(where: { seg in columnXs.contains { abs(seg.x0 - $0) <= tolerance } }) {
                return Ref(line: l, segment: k)
            }
        }
        return nil
    }

    /// The segments on lines overlapping the band of `block` (from its first segment's top to its
    /// lowest bottom) that start at or right of `from` and left of `before`: what stands beside a
    /// cell's lines.
    public func segments(besideOf block: [Ref], from: Double, before: Double) -> [Ref] {
        let top = box(block[0]).y0, bottom = block.map { box($0).y1 }.max() ?? top
        var out: [Ref] = []
        for (l, line) in lines.enumerated() where line.box.y1 > top && line.box.y0 < bottom {
            for (k, seg) in line.segments.enumerated() where seg.x0 >= from && seg.x0 < before { out.append(Ref(line: l, segment: k)) }
        }
        return out
    }
}
