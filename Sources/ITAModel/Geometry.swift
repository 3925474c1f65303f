/// A rectangle on a PDF page in points, origin at the top-left corner, y growing downwards
/// (the orientation poppler's text boxes use).
public struct Box: Codable, Hashable, Sendable {
    public var x0: Double
    public var y0: Double
    public var x1: Double
    public var y1: Double

    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = x0; self.y0 = y0; self.x1 = x1; self.y1 = y1
    }

    public var width: Double { x1 - x0 }
    public var height: Double { y1 - y0 }
    public var midX: Double { (x0 + x1) / 2 }
    public var midY: Double { (y0 + y1) / 2 }

    /// The smallest box holding both.
    public func union(_ other: Box) -> Box {
        Box(x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
    }

    /// The smallest box holding all of `boxes`, or nil for none.
    public static func union<S: Sequence>(_ boxes: S) -> Box? where S.Element == Box {
        var it = boxes.makeIterator()
        guard var acc = it.next() else { return nil }
        while let b = it.next() { acc = acc.union(b) }
        return acc
    }

    /// Length of the overlap of the two boxes' vertical extents (0 when apart).
    public func verticalOverlap(_ other: Box) -> Double { max(0, min(y1, other.y1) - max(y0, other.y0)) }
    /// Length of the overlap of the two boxes' horizontal extents (0 when apart).
    public func horizontalOverlap(_ other: Box) -> Double { max(0, min(x1, other.x1) - max(x0, other.x0)) }

    /// The box with coordinates rounded to 0.01 pt, so that output is stable across runs.
    public var rounded: Box {
        func r(_ v: Double) -> Double { (v * 100).rounded() / 100 }
        return Box(x0: r(x0), y0: r(y0), x1: r(x1), y1: r(y1))
    }
}
