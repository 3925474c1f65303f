import ITAModel
import PageLayout

/// One page's lines with the geometry helpers the question and measure readers share: the
/// page's line pitch (measured by the layout stage's `LinePitch`) and "blocks" (a cell's wrapped
/// lines followed down one x position), with the readers' tolerances.
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
    /// The readers' tolerances (`extract --settings`).
    let settings: InterpretSettings
    /// What the page's layout was made with, for measuring the pitch of some of its lines.
    let layoutSettings: LayoutSettings

    /// `layoutSettings`: what the page's layout was made with (`DocumentLayout.settings`), for its pitch.
    init(page: Int, lines: [ReadLine], layoutSettings: LayoutSettings = LayoutSettings(),
         settings: InterpretSettings = InterpretSettings()) {
        self.page = page
        self.lines = lines
        self.pitch = LinePitch.median(lines.map { ($0.box, $0.segments.map(\.box)) }, layoutSettings)
        self.settings = settings
        self.layoutSettings = layoutSettings
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
        let tolX = settings.wrapIndentTolerance(height: segment(start).box.height)
        var l = start.line + 1
        while l < lines.count {
            let line = lines[l]
            if line.box.y0 - lastY > settings.wrapStepPitch * pitch { break }
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
}

extension DocumentReader {
    /// Page `page`'s geometry over `lines` (its lines or their cell pieces): the layout's pitch,
    /// measured with the layout's settings, and this run's reader tolerances.
    func geometry(page: Int, lines: [ReadLine]) -> QuestionPageGeometry {
        QuestionPageGeometry(page: page, lines: lines, layoutSettings: layout.settings, settings: settings)
    }

    /// The layout of page `page`. Readers ask only for pages their lines came from, and every
    /// line comes from a layout page, so there is always one (no page size is guessed).
    func layoutPage(_ page: Int) -> PageLayoutResult {
        layout.pages.first { $0.page == page }!
    }

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
