import ITAModel

/// Whether a cell's horizontal extent holds an x (edges included): a year column's centre falls
/// under a year cell of another line when that cell spans it (the same column printed twice, not
/// a wrapped header's missing year).
extension Box {
    /// Whether `x` lies between this box's left and right edges, edges included.
    public func spans(x: Double) -> Bool { x0 <= x && x <= x1 }
}
