import ITAModel

/// Where a page's top and bottom margins end, as a share of the page's height: a reader that looks
/// past page furniture near a page's edges (a question row cut by a page break) says how large a
/// share (`breakPageMargin`); the page's height is the layout's.
extension PageLayoutResult {
    /// The y (points from the top) above which the top margin lies: `share` of the page's height.
    public func topMarginBottom(share: Double) -> Double { height * share }

    /// The y (points from the top) below which the bottom margin lies: `share` of the page's height
    /// up from its foot.
    public func bottomMarginTop(share: Double) -> Double { height * (1 - share) }
}
