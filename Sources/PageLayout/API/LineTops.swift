import ITAModel

/// Whether two lines stand within a reach of each other, told by their tops: a line's top is where
/// its cells start, and glyph boxes of one font share it, while their bottoms move with descenders
/// and marks. The reach is the reader's to say (line pitches of its kind of band).
extension Box {
    /// Whether this box's top lies within `reach` of `other`'s top, above or below.
    public func topWithin(_ reach: Double, of other: Box) -> Bool { abs(y0 - other.y0) <= reach }

    /// Whether this box's top lies within `pitches` line pitches (`pitch`) of `other`'s top.
    public func topWithin(pitches: Double, of other: Box, pitch: Double) -> Bool { topWithin(pitches * pitch, of: other) }
}

extension PageGrid {
    /// Whether the tops of `a` and `b` lie within `pitches` of the page's line pitches of each other:
    /// never on a page whose pitch is unknown (0).
    public func topsWithin(pitches: Double, _ a: Box, _ b: Box) -> Bool { pitch > 0 && a.topWithin(pitches * pitch, of: b) }

    /// `pitches` of the page's line pitch as a distance (0 on a page whose pitch is unknown), for a
    /// reach the reader compares the grid's own steps with (`PageGrid.step(from:to:)`).
    public func distance(pitches: Double) -> Double { pitches * pitch }
}
