import ITAModel

/// A header column's horizontal extent: the left and right edge of its header cell's text, as the
/// layout measured them (a cell's members' extent, or one segment's). A reader keeps it with the
/// column it names and hands it back to the layout's questions (`HeaderColumns`, `Table.spansBeside`)
/// without reading its edges.
public struct ColumnExtent: Sendable, Equatable {
    public var x0: Double
    public var x1: Double

    public init(x0: Double, x1: Double) { self.x0 = x0; self.x1 = x1 }

    /// The extent as a range of x (`Table.spansBeside`).
    public var span: ClosedRange<Double> { x0...x1 }
}

extension Box {
    /// This box's horizontal extent, for a header column made of one segment.
    public var columnExtent: ColumnExtent { ColumnExtent(x0: x0, x1: x1) }

    /// Whether this box's left edge lies left of `other`'s: side-by-side cells ordered left to right.
    public func startsLeft(of other: Box) -> Bool { x0 < other.x0 }
}

extension BandCells.Cell {
    /// The cell's horizontal extent (its members').
    public var extent: ColumnExtent { ColumnExtent(x0: x0, x1: x1) }
}

extension HeaderColumns {
    /// The columns of header cells whose extents are `extents`, left to right.
    public init(extents: [ColumnExtent]) { self.init(extents.map { (x0: $0.x0, x1: $0.x1) }) }
}
