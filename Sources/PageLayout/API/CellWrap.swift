import ITAModel

/// A cell's wrapped lines, followed down the page: segments on later lines starting at about the
/// cell's x, each at most a line pitch and a bit below the last (`wrapIndentMinimum`,
/// `wrapIndentHeight`, `wrapStepPitch`). What ends the cell (a code, a score, a header word
/// starting another cell in the column) is the reader's to say (`stop`).
extension PageGrid {
    /// A wrapped line's start is within this (points) of the cell's x, for a first line `height`
    /// high.
    public func wrapIndentTolerance(height: Double) -> Double { settings.wrapIndentTolerance(height: height) }

    /// A wrapped line's start is within this (points) of the x of the cell whose first line is `r`.
    public func wrapIndentTolerance(of r: Ref) -> Double { wrapIndentTolerance(height: box(r).height) }

    /// The wrapped continuation of the cell whose first line is `start`: segments on later lines
    /// starting at about the same x (`x0`), each at most a line pitch and a bit below the last,
    /// until `stop` says a segment starts something else. Returns the continuation only.
    public func continuation(of start: Ref, x0: Double, stop: (Ref) -> Bool) -> [Ref] {
        var out: [Ref] = []
        var lastY = box(start).y0
        let tolX = wrapIndentTolerance(of: start)
        var l = start.line + 1
        while l < lines.count {
            let line = lines[l]
            if line.box.y0 - lastY > settings.wrapStepPitch * pitch { break }
            if let s = line.segments.firstIndex(where: { abs($0.x0 - x0) <= tolX }) {
                let r = Ref(line: l, segment: s)
                if stop(r) { break }
                out.append(r)
                lastY = line.segments[s].y0
            }
            l += 1
        }
        return out
    }

    /// Whether line `to` starts within a wrapped line's step (`wrapStepPitch` line pitches) of
    /// where line `from` starts, above or below it: the next line of one cell.
    public func isWrapStep(from: Int, to: Int) -> Bool {
        abs(lines[to].box.y0 - lines[from].box.y0) <= settings.wrapStepPitch * pitch
    }

    /// Whether `lower`, a line of this page (a box, for a reader's own list of the page's lines),
    /// starts at most a wrapped line's step (`wrapStepPitch` line pitches) below where `upper`
    /// starts (or anywhere above it): the next line of a cell wrapped from `upper`'s.
    public func isWrapStep(_ lower: Box, below upper: Box) -> Bool {
        lower.y0 - upper.y0 <= settings.wrapStepPitch * pitch
    }

    /// How far line `to` starts below line `from` (negative: above it).
    public func step(from: Int, to: Int) -> Double { lines[to].box.y0 - lines[from].box.y0 }

    /// The pieces of a vertically centred cell wrapped above (`step` -1) or below (+1) segment `r`,
    /// nearest first: on each line starting within `reach` of the last line that held some (the
    /// first: `r`'s), the segments over or under the pieces met so far, left to right. Another
    /// cell's lines may interleave (a header's cells are centred each on its own), so a line with
    /// nothing over the pieces is passed over, not an end.
    public func wrappedPieces(of r: Ref, step: Int, reach: Double) -> [[Ref]] {
        var out: [[Ref]] = []
        var span = box(r)
        var lastY = lines[r.line].box.y0
        var m = r.line + step
        while lines.indices.contains(m), abs(lines[m].box.y0 - lastY) <= reach {
            let segs = lines[m].segments
            let over = segs.indices.filter { segs[$0].horizontalOverlap(span) > 0 }.sorted { segs[$0].x0 < segs[$1].x0 }
            if !over.isEmpty {
                out.append(over.map { Ref(line: m, segment: $0) })
                span = over.reduce(span) { $0.union(segs[$1]) }
                lastY = lines[m].box.y0
            }
            m += step
        }
        return out
    }

    /// The continuation of the cell starting at `start`, followed down from its own x.
    public func continuation(of start: Ref, stop: (Ref) -> Bool) -> [Ref] {
        continuation(of: start, x0: box(start).x0, stop: stop)
    }
}
