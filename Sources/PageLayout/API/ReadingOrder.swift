import ITAModel

/// The reading order of boxes on one page: top to bottom by their tops, then left to right by their
/// left edges (rows of one table and lines outside it, merged into one list).
extension Box {
    /// Whether this box comes before `other` in reading order on one page.
    public func readsBefore(_ other: Box) -> Bool { (y0, x0) < (other.y0, other.x0) }
}
