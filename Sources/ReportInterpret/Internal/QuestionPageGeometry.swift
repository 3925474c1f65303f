import ITAModel

/// One page's lines with the geometry helpers the question and measure readers share: the
/// page's line pitch and "blocks" (a cell's wrapped lines followed down one x position).
struct QuestionPageGeometry {
    /// Index into `lines` and into that line's segments.
    struct Ref: Hashable, Comparable {
        var line: Int
        var segment: Int
        static func < (a: Ref, b: Ref) -> Bool { (a.line, a.segment) < (b.line, b.segment) }
    }

    let page: Int
    let lines: [ReadLine]
    /// Typical distance between the tops of two consecutive lines of one paragraph or cell.
    let pitch: Double

    init(page: Int, lines: [ReadLine]) {
        self.page = page
        self.lines = lines
        self.pitch = QuestionPageGeometry.medianPitch(lines)
    }

    func segment(_ r: Ref) -> ReadSegment { lines[r.line].segments[r.segment] }

    /// Every segment reference of the page, top to bottom, left to right.
    var allRefs: [Ref] {
        var refs: [Ref] = []
        for (l, line) in lines.enumerated() {
            for s in line.segments.indices { refs.append(Ref(line: l, segment: s)) }
        }
        return refs
    }

    /// The wrapped continuation of the cell whose first line is `start`: segments on later lines
    /// starting at about the same x (`x0`), each at most a line pitch and a bit below the last,
    /// until `stop` says a segment starts something else. Returns the continuation only.
    func continuation(of start: Ref, x0: Double, stop: (Ref) -> Bool) -> [Ref] {
        var out: [Ref] = []
        var lastY = segment(start).box.y0
        let tolX = max(4.0, 0.45 * segment(start).box.height)
        var l = start.line + 1
        while l < lines.count {
            let line = lines[l]
            if line.box.y0 - lastY > 1.3 * pitch { break }
            if let s = line.segments.firstIndex(where: { abs($0.box.x0 - x0) <= tolX }) {
                let r = Ref(line: l, segment: s)
                if stop(r) { break }
                out.append(r)
                lastY = line.segments[s].box.y0
            }
            l += 1
        }
        return out
    }

    /// Median top-to-top distance from a segment to the next one starting at the same x below it:
    /// the line pitch inside a cell or paragraph. Measured per column, because side-by-side cells
    /// that are vertically centred interleave their lines on the page.
    static func medianPitch(_ lines: [ReadLine]) -> Double {
        let heights = lines.flatMap { $0.segments.map(\.box.height) }.filter { $0 > 0 }.sorted()
        let h = heights.isEmpty ? 12 : heights[heights.count / 2]
        var diffs: [Double] = []
        for (k, line) in lines.enumerated() {
            for seg in line.segments {
                var m = k + 1
                while m < lines.count, lines[m].box.y0 - seg.box.y0 < 4.0 * h {
                    if let below = lines[m].segments.first(where: { abs($0.box.x0 - seg.box.x0) < 3 }),
                       below.box.y0 - seg.box.y0 > 0.6 * h {
                        diffs.append(below.box.y0 - seg.box.y0)
                        break
                    }
                    m += 1
                }
            }
        }
        guard !diffs.isEmpty else { return 1.3 * h }
        diffs.sort()
        return diffs[diffs.count / 2]
    }
}

extension DocumentReader {
    /// The document's lines grouped by page, in page order (pages without lines left out).
    var linesByPage: [(page: Int, lines: [ReadLine])] {
        if let done = memo.linesByPage { return done }
        var out: [(page: Int, lines: [ReadLine])] = []
        for line in lines {
            if let last = out.last, last.page == line.page {
                out[out.count - 1].lines.append(line)
            } else {
                out.append((line.page, [line]))
            }
        }
        memo.linesByPage = out
        return out
    }
}
