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
}
