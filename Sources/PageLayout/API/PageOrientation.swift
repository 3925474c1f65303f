/// A page's orientation. A word processor sets a landscape page in a section of its own, and a
/// table cannot run across a section break, so a table does not continue onto a page of the other
/// orientation.
extension PageLayoutResult {
    /// Whether the page is wider than tall.
    public var isLandscape: Bool { width > height }
}
