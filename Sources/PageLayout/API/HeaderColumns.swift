import ITAModel

/// A table's columns told by its header cells: each column the horizontal extent of its header
/// cell's text, left to right. A body cell's text lies inside its column and a header cell's text
/// inside that cell, so a body segment belongs to the header cell it overlaps, and a segment over
/// several of them crosses a cell border (a heading, prose, cells the layout ran together). How
/// many columns make a crossing, and how much of a column a heading covers, is the reader's to say.
public struct HeaderColumns {
    /// Each column's left and right edge, left to right.
    public let extents: [(x0: Double, x1: Double)]

    public init(_ extents: [(x0: Double, x1: Double)]) { self.extents = extents }

    /// The columns of header cells whose text boxes are `boxes`, left to right.
    public init(boxes: [Box]) { self.init(boxes.map { (x0: $0.x0, x1: $0.x1) }) }

    /// The column a body segment belongs to: the only header cell it overlaps; when it overlaps
    /// several, the one whose stretch (between midpoints of neighbouring header cells) holds its
    /// left edge (cell text is left-aligned); when none, that stretch alone.
    public func column(for box: Box) -> Int {
        let columns = extents
        var startColumn = columns.count - 1
        for k in columns.indices {
            let hi = k == columns.count - 1 ? Double.infinity : (columns[k].x1 + columns[k + 1].x0) / 2
            if box.x0 < hi { startColumn = k; break }
        }
        let overlaps = columns.indices.map { k in min(columns[k].x1, box.x1) - max(columns[k].x0, box.x0) }
        let overlapping = columns.indices.filter { overlaps[$0] > 0 }
        if overlapping.count == 1 { return overlapping[0] }
        if overlapping.contains(startColumn) || overlapping.isEmpty { return startColumn }
        return overlapping.max { overlaps[$0] < overlaps[$1] }!
    }

    /// The column whose header text `box` overlaps most (the first of equally overlapped ones; nil:
    /// it overlaps none).
    public func mostOverlapped(by box: Box) -> Int? {
        let overlaps = extents.indices.map { min(extents[$0].x1, box.x1) - max(extents[$0].x0, box.x0) }
        guard let k = overlaps.indices.max(by: { overlaps[$0] < overlaps[$1] }), overlaps[k] > 0 else { return nil }
        return k
    }

    /// The column whose header text ends left of `box`, when `box` lies in a gutter: it overlaps no
    /// column's header text and starts right of some column's (nil otherwise). What lies there is
    /// the tail of that column's cell, unless a reader has evidence it starts the next one.
    public func column(endingBeforeGutter box: Box) -> Int? {
        guard overlapCount(box) == 0 else { return nil }
        return extents.indices.last { extents[$0].x1 <= box.x0 }
    }

    /// How many columns' header text `box` overlaps horizontally.
    public func overlapCount(_ box: Box) -> Int {
        extents.filter { min($0.x1, box.x1) - max($0.x0, box.x0) > 0 }.count
    }

    /// How many columns `box` covers by more than `share` of their width, a column's width counted
    /// up to `narrow` (a narrow column is covered by a heading running over it, a wide one by most of
    /// it).
    public func coveredCount(_ box: Box, share: Double, narrow: Double) -> Int {
        extents.filter { c in
            let o = min(c.x1, box.x1) - max(c.x0, box.x0)
            return o > share * min(c.x1 - c.x0, narrow)
        }.count
    }
}
