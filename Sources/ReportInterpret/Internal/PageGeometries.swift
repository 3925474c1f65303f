import ITAModel
import PageLayout

/// Each page's geometry, made once per document. The question, plan and indicator readers each
/// asked for the geometry of the same page's lines (or cell pieces), and each made its grid anew
/// (every line's boxes mapped) and measured its pitch (`LinePitch.median` walks every segment of
/// the page against the lines below it); the indicator reader did it once per line row it tried
/// to join with its wrapped cells.
extension DocumentReader {
    /// Page `page`'s geometry over its lines (`linesByPage`), made once per document.
    func pageGeometry(page: Int) -> QuestionPageGeometry {
        if let done = memo.pageGeometry[page] { return done }
        let made = geometry(page: page, lines: linesByPage.first { $0.page == page }?.lines ?? [])
        memo.pageGeometry[page] = made
        return made
    }

    /// Page `page`'s geometry over its cell pieces (`cellPiecesByPage`), made once per document.
    func cellPiecesGeometry(page: Int) -> QuestionPageGeometry {
        if let done = memo.cellPiecesGeometry[page] { return done }
        let made = geometry(page: page, lines: cellPiecesByPage.first { $0.page == page }?.lines ?? [])
        memo.cellPiecesGeometry[page] = made
        return made
    }
}
