import ITAModel

/// Where a borderless table's row ends: the next line of a column continues the cell above while its
/// top lies within a gap of that cell's last line; past it a new row starts. The gap is a number of
/// line pitches (the reader's setting) plus a slack, at the table's own pitch when its lines step
/// closer than the page's (a page may hold prose or another table set wider), never below a share
/// of the page's pitch (a table of two lines measures no pitch of its own worth trusting).
extension PageGrid {
    /// The row-break gap for a table whose lines measured `own` (nil: not measurable) on this page.
    public func rowBreakGap(ownPitch own: Double?, minShare: Double, pitches: Double, slack: Double) -> Double {
        let pitch = min(self.pitch, max(own ?? self.pitch, minShare * self.pitch))
        return pitches * pitch + slack
    }
}

extension Box {
    /// Whether `below`'s top lies at most `gap` under this box's top (or above it).
    public func continues(into below: Box, gap: Double) -> Bool { below.y0 - y0 <= gap }
}
