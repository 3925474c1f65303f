import ITAModel

/// Whether a box of a table (a ruled row, a table's frame) holds a text line: the line's vertical
/// centre lies within the box's height, and the two overlap horizontally. The centre, not the
/// line's edges: a cell's tall marks and descenders may reach over its rules.
extension Box {
    /// Whether the vertical centre of `line` lies within this box's height and the two overlap
    /// horizontally.
    public func holdsLine(_ line: Box) -> Bool {
        y0 <= line.midY && line.midY <= y1 && horizontalOverlap(line) > 0
    }

    /// Whether this box (a table's frame) holds `cell` horizontally, edges included, on a line whose
    /// vertical centre lies within its height: a title cell printed inside the table, not a
    /// heading reaching past it.
    public func holds(_ cell: Box, onLine line: Box) -> Bool {
        x0 <= cell.x0 && cell.x1 <= x1 && y0 <= line.midY && line.midY <= y1
    }
}
