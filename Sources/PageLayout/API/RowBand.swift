import ITAModel

/// A table row's band on a `PageGrid`: from a little above its first line to a little below its
/// cells' last lines (the cells starting on the row's line followed down, `CellWrap`), ended by
/// the next cell of the row's own column. Cells printed beside the row (a vertically centred
/// score) are looked for inside it, with nothing of another column between them and the row.
/// How far the band reaches (in line pitches or points) is the reader's to say: it knows what
/// belongs to its rows.
extension PageGrid {
    /// From `abovePitch` line pitches over the highest top of `refs` to `belowPitch` pitches under
    /// their lowest bottom: the reach of a table's rows on the page. `refs` must not be empty.
    public func span(of refs: [Ref], abovePitch: Double, belowPitch: Double) -> ClosedRange<Double> {
        let boxes = refs.map { box($0) }
        return (boxes.map(\.y0).min()! - abovePitch * pitch) ... (boxes.map(\.y1).max()! + belowPitch * pitch)
    }

    /// `abovePitch` line pitches above the top of `r`: where the band of the row starting at `r`
    /// begins.
    public func bandTop(of r: Ref, abovePitch: Double) -> Double { box(r).y0 - abovePitch * pitch }

    /// Whether the vertical centre of `r` lies in `span` (a row's band): a cell printed beside the
    /// row, vertically centred on it.
    public func centre(of r: Ref, in span: ClosedRange<Double>) -> Bool { span.contains(box(r).midY) }

    /// The bottom of the row whose cells start on line `line`: each of its segments that `skip`
    /// leaves is followed down (`continuation`, until `stop`), and the lowest of their last lines'
    /// bottoms is taken, or `floor` when that is lower.
    public func rowBottom(line: Int, floor: Double, skip: (Ref) -> Bool, stop: (Ref) -> Bool) -> Double {
        var bottom = floor
        for s in lines[line].segments.indices {
            let r = Ref(line: line, segment: s)
            if skip(r) { continue }
            let cont = continuation(of: r, x0: box(r).x0, stop: stop)
            if let last = cont.last { bottom = max(bottom, box(last).y1) }
        }
        return bottom
    }

    /// The band's bottom, `bottom` (lowered by `pitchesBelow` line pitches, when given: a score
    /// centred a little below its row's text) or higher: the first line below `line` (and above
    /// the bottom) with a segment starting within `tolerance` of one of `columnXs` (the row's own
    /// column) that `isOwn` does not claim for the row ends it `gap` points above that segment's top.
    public func bandBottom(below line: Int, from bottom: Double, pitchesBelow: Double? = nil, columnXs: [Double], tolerance: Double, gap: Double,
                           isOwn: (Ref) -> Bool) -> Double {
        var bandBottom = pitchesBelow.map { bottom + $0 * pitch } ?? bottom
        for l in (line + 1)..<lines.count {
            let next = lines[l]
            if next.box.y0 > bandBottom { break }
            if let s = next.segments.firstIndex(where: { seg in columnXs.contains { abs(seg.x0 - $0) <= tolerance } }),
               !isOwn(Ref(line: l, segment: s)) {
                bandBottom = min(bandBottom, next.segments[s].y0 - gap)
                break
            }
        }
        return bandBottom
    }

    /// Whether one of `refs` reaching into the band from `top` to `bottom` starts right of `x`
    /// and left of where `r` starts: a cell of another column between `x` and `r`.
    public func anyStarts(_ refs: [Ref], rightOf x: Double, before r: Ref, top: Double, bottom: Double) -> Bool {
        let b = box(r)
        return refs.contains { other in
            let ob = box(other)
            return ob.x0 > x && ob.x0 < b.x0 && ob.y1 >= top && ob.y0 <= bottom
        }
    }

    /// Whether one of `refs` (but `r`) reaching into the band from `top` to `bottom` starts at or
    /// right of where `s` ends and left of where `r` starts: a cell of another column between a
    /// cell `s` left of `r` and `r`.
    public func anyStarts(_ refs: [Ref], between s: Ref, and r: Ref, top: Double, bottom: Double) -> Bool {
        let b = box(s), code = box(r)
        return refs.contains { o in
            let ob = box(o)
            return o != r && ob.x0 >= b.x1 && ob.x0 < code.x0 && ob.y1 >= top && ob.y0 <= bottom
        }
    }

    /// Whether `r` comes before `other` reading a row's cells right of its text: it starts left
    /// of `other`'s column (more than `sameColumn` points), or in that column (within it) and
    /// higher up.
    public func precedes(_ r: Ref, _ other: Ref, sameColumn: Double) -> Bool {
        let b = box(r), cb = box(other)
        return b.x0 < cb.x0 - sameColumn || (abs(b.x0 - cb.x0) <= sameColumn && b.y0 < cb.y0)
    }
}
