import ITAModel

/// A page's text as boxes: its lines top to bottom, each with its segments (or the cell pieces a
/// reader cut them into) left to right, addressed by line and segment (`Ref`), with the page's
/// line pitch (`LinePitch`) and the settings the layout was made with. A reader keeps its texts by
/// `Ref` and asks the page's geometry here (`CellWrap`, `RowBand`, `ColumnOverlap`,
/// `PageBreakCell`), so that the geometry runs in the layout stage's code with its tolerances, as
/// `CellPieces` and `LinePitch` do, and the reader never compares boxes itself.
public struct PageGrid {
    /// Index into `lines` and into that line's segments.
    public struct Ref: Hashable, Comparable {
        public var line: Int
        public var segment: Int
        public init(line: Int, segment: Int) {
            self.line = line
            self.segment = segment
        }
        public static func < (a: Ref, b: Ref) -> Bool { (a.line, a.segment) < (b.line, b.segment) }
    }

    /// The lines' boxes and their segments' boxes, top to bottom.
    public let lines: [LinePitch.Line]
    /// Typical distance between the tops of two consecutive lines of one paragraph or cell.
    public let pitch: Double
    /// What the page's layout was made with (`DocumentLayout.settings`).
    public let settings: LayoutSettings

    public init(lines: [LinePitch.Line], settings: LayoutSettings) {
        self.init(lines: lines, pitch: LinePitch.median(lines, settings), settings: settings)
    }

    /// The same lines with their pitch already measured (`LinePitch.median` of these very lines
    /// with these settings), for a reader that asks for one page's grid many times.
    public init(lines: [LinePitch.Line], pitch: Double, settings: LayoutSettings) {
        self.lines = lines
        self.pitch = pitch
        self.settings = settings
    }

    /// The lines and segments of a layout page as the layout made them.
    public init(page: PageLayoutResult, settings: LayoutSettings) {
        self.init(lines: page.lines.map { ($0.box, $0.segments.map(\.box)) }, settings: settings)
    }

    /// The box of segment `r`.
    public func box(_ r: Ref) -> Box { lines[r.line].segments[r.segment] }

    /// Every segment reference of the page, top to bottom, left to right.
    public var refs: [Ref] {
        var refs: [Ref] = []
        for (l, line) in lines.enumerated() {
            for s in line.segments.indices { refs.append(Ref(line: l, segment: s)) }
        }
        return refs
    }

    /// `refs` ordered by their tops, top first.
    public func topToBottom(_ refs: [Ref]) -> [Ref] { refs.sorted { box($0).y0 < box($1).y0 } }

    /// Whether `a` ends left of where `b` ends.
    public func endsLeft(of a: Ref, _ b: Ref) -> Bool { box(a).x1 < box(b).x1 }

    /// The smallest box holding the segments `refs` (nil: none).
    public func union(_ refs: [Ref]) -> Box? { Box.union(refs.map { box($0) }) }
}
