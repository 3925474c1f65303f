import ITAModel

/// The gutters between a table's header columns (`HeaderColumns`): a body segment that overlaps no
/// header cell lies in one, and a segment starting in one left of the column it reaches into runs a
/// cell's tail into the next cell. A packed borderless plan's layout columns can miss a narrow
/// gutter the header shows; the reader cuts such a segment, asking here where it lies.
extension HeaderColumns {
    /// Whether `box` overlaps the header text of any column horizontally.
    public func overlapsAny(_ box: Box) -> Bool {
        extents.contains { min($0.x1, box.x1) - max($0.x0, box.x0) > 0 }
    }

    /// Whether `box` starts in the gutter left of its column (`column(for:)`), more than
    /// `tolerance` left of the column's header text and right of the previous column's, and
    /// overlaps its column's header text.
    public func startsInGutter(_ box: Box, tolerance: Double) -> Bool {
        let k = column(for: box)
        return k > 0 && box.x0 < extents[k].x0 - tolerance
            && box.x0 > extents[k - 1].x1 && min(extents[k].x1, box.x1) - max(extents[k].x0, box.x0) > 0
    }

    /// Whether `box` lies wholly in the gutter right of column `k`: it overlaps no column's header
    /// text, and lies between column `k`'s and the next column's.
    public func liesInGutter(_ box: Box, after k: Int) -> Bool {
        !overlapsAny(box) && k + 1 < extents.count && box.x0 > extents[k].x1 && box.x1 < extents[k + 1].x0
    }
}
