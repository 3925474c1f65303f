import ITAModel

/// A table row without the lines its cells have on some whole lines of the page (a page number
/// printed right above a table continued from the previous page, or at the page's foot, falls in
/// the table's columns and the layout takes its words into the first or last row's cells). A cell
/// line lies on such a line when that line's middle is within one line height of the cell's top
/// (its first line) or bottom (its last line). Which lines are to go is the reader's to say.
extension TableRow {
    /// This row without the lines its cells have on one of `lines`: a cell whose first (or last)
    /// line lies on such a line loses that line, a cell left empty is dropped, and the row's box is
    /// its remaining cells'. A row with no cell line on one of them is returned as it is.
    public func removingCellLines(on lines: [Box]) -> TableRow {
        guard !lines.isEmpty else { return self }
        // The line a cell's first line (`top`) or last line lies on.
        func onLine(_ cell: Cell, top: Bool) -> Box? {
            lines.first { n in
                guard cell.box.horizontalOverlap(n) > 0 else { return false }
                return top ? cell.box.y0 <= n.midY && n.midY <= cell.box.y0 + n.height
                           : cell.box.y1 - n.height <= n.midY && n.midY <= cell.box.y1
            }
        }
        guard self.cells.contains(where: { onLine($0, top: true) != nil || onLine($0, top: false) != nil }) else { return self }
        var cells: [Cell] = []
        for cell in self.cells {
            var kept = cell
            if let n = onLine(cell, top: true) {
                kept.lines.removeFirst()
                kept.box = Box(x0: cell.box.x0, y0: max(cell.box.y0, n.y1), x1: cell.box.x1, y1: cell.box.y1)
            } else if let n = onLine(cell, top: false) {
                kept.lines.removeLast()
                kept.box = Box(x0: cell.box.x0, y0: cell.box.y0, x1: cell.box.x1, y1: min(cell.box.y1, n.y0))
            }
            if !kept.lines.isEmpty { cells.append(kept) }
        }
        var out = self
        out.cells = cells
        if let first = cells.first {
            out.box = cells.dropFirst().reduce(first.box) { $0.union($1.box) }
        }
        return out
    }
}
