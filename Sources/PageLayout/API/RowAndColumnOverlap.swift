import ITAModel

/// Whether two boxes stand on one row or in one column by any overlap at all: a table row and the
/// lines of its cells, a value's box and the line it was read from, a wrapped cell's piece and the
/// cell it lies over. Any overlap, not a share: a row's box is the union of its cells' lines, and a
/// line of the row may be shorter or taller than the row. A reader that needs a share asks
/// `ColumnOverlap` (`PageGrid.sharesColumn(_:_:share:)`).
extension Box {
    /// Whether this box and `other` overlap vertically at all (edges touching is no overlap).
    public func sharesRow(with other: Box) -> Bool { verticalOverlap(other) > 0 }

    /// Whether this box and `other` overlap horizontally at all (edges touching is no overlap).
    public func sharesColumn(with other: Box) -> Bool { horizontalOverlap(other) > 0 }
}
