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

    /// The continuation of the cell starting at `start`, followed down from its own x.
    public func continuation(of start: Ref, stop: (Ref) -> Bool) -> [Ref] {
        continuation(of: start, x0: box(start).x0, stop: stop)
    }
}
