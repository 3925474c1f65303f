import ITAModel

/// Where a segment of a `PageGrid` starts (its left edge, its top): in a row's band, in a text
/// column, at or right of an x, at a column's x. A cell's text is left-aligned and its first line is
/// its top, so a reader tells a cell's row and column by where it starts; the band, the column and
/// the tolerance are the reader's to say.
extension PageGrid {
    /// Whether `r`'s top lies in the band from `top` to `bottom`.
    public func starts(_ r: Ref, top: Double, bottom: Double) -> Bool {
        let b = box(r)
        return b.y0 >= top && b.y0 <= bottom
    }

    /// Whether `r` starts in the band from `top` to `bottom` and at or right of `x`.
    public func starts(_ r: Ref, top: Double, bottom: Double, atOrRightOf x: Double) -> Bool {
        let b = box(r)
        return b.y0 >= top && b.y0 <= bottom && b.x0 >= x
    }

    /// Whether `r` starts in the band from `top` to `bottom` and ends at or left of where `of`
    /// starts.
    public func starts(_ r: Ref, top: Double, bottom: Double, leftOf of: Ref) -> Bool {
        let b = box(r)
        return b.y0 >= top && b.y0 <= bottom && b.x1 <= box(of).x0
    }

    /// Whether `r` starts in the column from `left` (inclusive) to `right`.
    public func starts(_ r: Ref, inColumn column: (left: Double, right: Double)) -> Bool {
        let x0 = box(r).x0
        return x0 >= column.left && x0 < column.right
    }

    /// Whether `r` starts at or right of `x`.
    public func starts(_ r: Ref, atOrRightOf x: Double) -> Bool { box(r).x0 >= x }

    /// Whether `r` starts within `tolerance` of `x`.
    public func starts(_ r: Ref, at x: Double, tolerance: Double) -> Bool { abs(box(r).x0 - x) <= tolerance }
}
