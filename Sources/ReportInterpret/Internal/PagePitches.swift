import ITAModel
import PageLayout

/// Each page's line pitch, measured once per document. The question, plan and indicator readers
/// each asked for the geometry of the same page's lines (or cell pieces), and each measure walked
/// every segment of the page against the lines below it (`LinePitch.median`); the indicator reader
/// did it once per line row it tried to join with its wrapped cells.
extension DocumentReader {
    /// Page `page`'s geometry over its lines (`linesByPage`), the pitch measured once per document.
    func pageGeometry(page: Int) -> QuestionPageGeometry {
        let lines = linesByPage.first { $0.page == page }?.lines ?? []
        return QuestionPageGeometry(page: page, lines: lines, pitch: linePitch(page: page, lines), layoutSettings: layout.settings,
                                    settings: settings)
    }

    /// Page `page`'s geometry over its cell pieces (`cellPiecesByPage`), the pitch measured once per document.
    func cellPiecesGeometry(page: Int) -> QuestionPageGeometry {
        let lines = cellPiecesByPage.first { $0.page == page }?.lines ?? []
        let pitch: Double
        if let done = memo.cellPiecesPitch[page] { pitch = done } else {
            pitch = geometry(page: page, lines: lines).pitch
            memo.cellPiecesPitch[page] = pitch
        }
        return QuestionPageGeometry(page: page, lines: lines, pitch: pitch, layoutSettings: layout.settings, settings: settings)
    }

    /// The pitch of `lines`, which are page `page`'s `linesByPage` lines.
    private func linePitch(page: Int, _ lines: [ReadLine]) -> Double {
        if let done = memo.linePitch[page] { return done }
        let pitch = geometry(page: page, lines: lines).pitch
        memo.linePitch[page] = pitch
        return pitch
    }
}

extension QuestionPageGeometry {
    /// The geometry of `lines` with their pitch already measured (`DocumentReader.pageGeometry`).
    init(page: Int, lines: [ReadLine], pitch: Double, layoutSettings: LayoutSettings, settings: InterpretSettings) {
        self.page = page
        self.lines = lines
        self.grid = PageGrid(lines: lines.map { ($0.box, $0.segments.map(\.box)) }, pitch: pitch, settings: layoutSettings)
        self.settings = settings
    }
}
