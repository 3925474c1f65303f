import ITAModel

/// How one line stands to the next in running text: whether they start together, whether a blank
/// stands between them, whether the next is indented, and how much room a line left at its end.
/// The readers say what that means (a paragraph goes on, a sentence ends) and how far to look
/// (their settings); the boxes are compared here.
extension Box {
    /// Whether `line` starts less than `tolerance` from this line's left edge: lines of one
    /// paragraph start together.
    public func startsAligned(with line: Box, tolerance: Double) -> Bool { abs(x0 - line.x0) < tolerance }

    /// Whether `line`, a line below this one, starts further below this one's bottom than
    /// `gapHeight` times the taller of the two lines' heights (at least a point): a blank line
    /// between them.
    public func isParted(from line: Box, gapHeight: Double) -> Bool {
        let h = max(height, line.height, 1)
        let gap = line.y0 - y1
        return gap > gapHeight * h
    }

    /// Whether `next` starts more than `indent` right of this line's left edge: an indented or a
    /// centred line follows.
    public func isIndented(next: Box, by indent: Double) -> Bool { next.x0 - x0 > indent }

    /// How far short of the widest of `above` (the lines above it; itself when there are none)
    /// this line ends: the room it left at its end.
    public func room<S: Sequence>(under above: S) -> Double where S.Element == Box {
        let rightEdge = above.map(\.x1).max() ?? x1
        return rightEdge - x1
    }
}
