import ITAModel

/// The column of a row's text on a `PageGrid`: from its code cell (the text run into the code's
/// own cell, or the cell after it) to the row's score, each edge widened by a wrapped line's
/// indent tolerance. The row's text on the lines above and below is what starts inside it. Which
/// segment is the code's and which a score is the reader's to say.
extension PageGrid {
    /// The text column of the row whose code token is `token`: from the token's left edge (its
    /// text `glued` into the token's cell) or right edge (the text in the next cell), less
    /// `tolerance`, to the left edge of the first segment after the token on its line that
    /// `isScore`, less `tolerance` (no right edge: the line has no score there).
    public func textColumn(after token: Ref, glued: Bool, tolerance: Double, isScore: (Ref) -> Bool) -> (left: Double, right: Double) {
        let first = box(token)
        let left = glued ? first.x0 - tolerance : first.x1 - tolerance
        let right = lines[token.line].segments.indices.filter { $0 > token.segment && isScore(Ref(line: token.line, segment: $0)) }
            .map { lines[token.line].segments[$0].x0 - tolerance }.min() ?? .infinity
        return (left, right)
    }
}
