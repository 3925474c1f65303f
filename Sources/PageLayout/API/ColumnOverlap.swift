import ITAModel

/// Whether two segments of a `PageGrid` stand in one column: they overlap horizontally by more
/// than a share of the narrower one. A wrapped text cell's lines start at one edge and a number
/// cell is centred, so a share, not a shared edge, tells that they are one column. The share is
/// the reader's to say (how much overlap makes its kind of cell one column).
extension PageGrid {
    /// Whether `a` and `b` overlap horizontally by more than `share` of the narrower one.
    public func sharesColumn(_ a: Ref, _ b: Ref, share: Double) -> Bool {
        let x = box(a), y = box(b)
        return min(x.x1, y.x1) - max(x.x0, y.x0) > share * min(x.width, y.width)
    }

    /// Whether `a` and `b` overlap horizontally at all, or start within `tolerance` of each other:
    /// cells of one column (a code column's cells, centred or left-aligned).
    public func overlapsOrAligns(_ a: Ref, _ b: Ref, tolerance: Double) -> Bool {
        let x = box(a), y = box(b)
        return min(x.x1, y.x1) - max(x.x0, y.x0) > 0 || abs(x.x0 - y.x0) <= tolerance
    }

    /// Whether `a` starts within `tolerance` of segment `b` of another page's grid: a column run on
    /// over a page break (a question table's code column; both pages' boxes in points from their
    /// left edge). Edges only: what lies across the break shares no line to overlap on.
    public func startsAligned(_ a: Ref, with b: Ref, of other: PageGrid, tolerance: Double) -> Bool {
        abs(box(a).x0 - other.box(b).x0) <= tolerance
    }

    /// How many segments of line `l` overlap `r` horizontally at all: the cells of that line a
    /// segment lies over or under.
    public func overlapCount(of r: Ref, onLine l: Int) -> Int {
        let b = box(r)
        return lines[l].segments.filter { $0.horizontalOverlap(b) > 0 }.count
    }

    /// Whether a segment other than `r` that `counts` starting in the band from `top` to `bottom`
    /// shares `r`'s column (`sharesColumn`).
    public func sharesColumn(_ r: Ref, top: Double, bottom: Double, share: Double, counts: (Ref) -> Bool) -> Bool {
        for (l, line) in lines.enumerated() where line.box.y1 >= top && line.box.y0 <= bottom {
            for k in line.segments.indices {
                let o = Ref(line: l, segment: k)
                guard o != r, counts(o), starts(o, top: top, bottom: bottom) else { continue }
                if sharesColumn(r, o, share: share) { return true }
            }
        }
        return false
    }
}
