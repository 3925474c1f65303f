import ITAModel
import PageLayout

/// One page's lines with the layout stage's geometry of them (`PageGrid`: the page's line pitch,
/// a cell's wrapped lines followed down one x, rows and columns) and the readers' tolerances. The
/// texts are the readers', by `Ref`; every box question is the grid's.
struct QuestionPageGeometry {
    /// Index into `lines` and into that line's segments.
    typealias Ref = PageGrid.Ref

    let page: Int
    let lines: [ReadLine]
    /// The lines' boxes as the layout stage reads them.
    let grid: PageGrid
    /// The readers' tolerances (`extract --settings`).
    let settings: InterpretSettings

    /// Typical distance between the tops of two consecutive lines of one paragraph or cell.
    var pitch: Double { grid.pitch }
    /// What the page's layout was made with, for measuring the pitch of some of its lines.
    var layoutSettings: LayoutSettings { grid.settings }

    /// `layoutSettings`: what the page's layout was made with (`DocumentLayout.settings`), for its pitch.
    init(page: Int, lines: [ReadLine], layoutSettings: LayoutSettings = LayoutSettings(),
         settings: InterpretSettings = InterpretSettings()) {
        self.page = page
        self.lines = lines
        self.grid = PageGrid(lines: lines.map { ($0.box, $0.segments.map(\.box)) }, settings: layoutSettings)
        self.settings = settings
    }

    func segment(_ r: Ref) -> ReadSegment { lines[r.line].segments[r.segment] }

    /// Every segment reference of the page, top to bottom, left to right.
    var allRefs: [Ref] { grid.refs }

    /// The wrapped continuation of the cell whose first line is `start` (`CellWrap`).
    func continuation(of start: Ref, x0: Double, stop: (Ref) -> Bool) -> [Ref] {
        grid.continuation(of: start, x0: x0, stop: stop)
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
