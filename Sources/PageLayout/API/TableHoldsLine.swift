import ITAModel

/// Whether a table's box holds a text line of the page: the line overlaps the table horizontally
/// and by more than `tableLineOverlapHeight` of its own height vertically. Lines the layout left
/// outside every table are read as rows of their own; a line mostly inside a table is one of its
/// rows' lines, already read with the row. A share of the line's height, not its centre
/// (`holdsLine`): a table's box is its cells' union, and a line's tall marks reach past it.
extension Box {
    /// Whether this table box holds `line` (`tableLineOverlapHeight` of the line's height).
    public func holdsTableLine(_ line: Box, settings: LayoutSettings) -> Bool {
        verticalOverlap(line) > line.height * settings.tableLineOverlapHeight && horizontalOverlap(line) > 0
    }
}
