import ITAModel

/// Where a line or a table stands below another box, told by the edges that make a gap: a table
/// found right under a ruled frame (the frame's bottom to the table's top), text under a table (a
/// line's top, or its middle, below the table's bottom), and the step from one body line's top to
/// the next's. How wide a gap may be is the reader's to say (line pitches of its kind of table,
/// `PageGrid.distance(pitches:)`).
extension Box {
    /// Whether this box's top lies at most `gap` under `above`'s bottom (or overlaps it).
    public func startsWithin(_ gap: Double, below above: Box) -> Bool { y0 - above.y1 <= gap }

    /// Whether this box lies wholly below `above`: its top under `above`'s bottom.
    public func liesBelow(_ above: Box) -> Bool { y0 > above.y1 }

    /// Whether this box's vertical middle lies below `above`'s bottom (a line mostly under it).
    public func middleBelow(_ above: Box) -> Bool { midY > above.y1 }

    /// Whether this box's top lies more than `gap` under `above`'s top: a step between two lines'
    /// tops wider than `gap`.
    public func topBelow(_ above: Box, moreThan gap: Double) -> Bool { y0 - above.y0 > gap }
}
