import ITAModel
import PageLayout

/// A page number printed right above a table continued from the previous page falls in the
/// table's columns, and the layout takes its words into the first row's cells (`- ๗ -` as `-` over
/// `๖. คุณภาพการดำเนินงาน` and `๗ -` over `๗๕.๙๕`; `หน้า ๔` as two cells of their own, tune seeds 346
/// and 338): the row then reads as no indicator. So may a page number at the foot of the page be
/// taken into the last row. The cells' lines printed on a page-number line are not the row's.
enum PageNumberCells {
    /// The page-number lines of `page` (a whole line the layout marked a page number), years
    /// left out: a multi-year header cut by the page break prints its last year alone at the top of
    /// the next page (`๒๕๖๘`, v000142), where a page number could stand.
    static func lines(onPage page: Int, _ reader: DocumentReader) -> [Box] {
        // The layout marked each page number once (`TextLine.furniture`).
        reader.lines.filter { line in
            line.page == page && line.furniture.contains(.pageNumber)
                && !NumberTokens.find(in: KeyedText(line.segments.map(\.text).joined(separator: " "))).contains(where: \.isYear)
        }.map(\.box)
    }

    /// `row` without the lines its cells have on one of the page-number lines `numbers`: a cell
    /// whose first (or last) line lies on such a line loses that line, a cell left empty is
    /// dropped, and the row's box is its remaining cells'. A row with no cell line on a page-number
    /// line is returned as it is.
    static func strip(_ row: TableRow, _ numbers: [Box]) -> TableRow {
        guard !numbers.isEmpty else { return row }
        // The page-number line a cell's first line (`top`) or last line lies on: the number's middle
        // within one line height of the cell's top or bottom edge.
        func onNumber(_ cell: Cell, top: Bool) -> Box? {
            numbers.first { n in
                guard cell.box.horizontalOverlap(n) > 0 else { return false }
                return top ? cell.box.y0 <= n.midY && n.midY <= cell.box.y0 + n.height
                           : cell.box.y1 - n.height <= n.midY && n.midY <= cell.box.y1
            }
        }
        guard row.cells.contains(where: { onNumber($0, top: true) != nil || onNumber($0, top: false) != nil }) else { return row }
        var cells: [Cell] = []
        for cell in row.cells {
            var kept = cell
            if let n = onNumber(cell, top: true) {
                kept.lines.removeFirst()
                kept.box = Box(x0: cell.box.x0, y0: max(cell.box.y0, n.y1), x1: cell.box.x1, y1: cell.box.y1)
            } else if let n = onNumber(cell, top: false) {
                kept.lines.removeLast()
                kept.box = Box(x0: cell.box.x0, y0: cell.box.y0, x1: cell.box.x1, y1: min(cell.box.y1, n.y0))
            }
            if !kept.lines.isEmpty { cells.append(kept) }
        }
        var out = row
        out.cells = cells
        if let first = cells.first {
            out.box = cells.dropFirst().reduce(first.box) { $0.union($1.box) }
        }
        return out
    }
}
