import ITAModel
import PageLayout

/// An indicator row printed on a line of its own, outside any table the layout found (the last
/// row of a table, alone at the top of the next page: tune seed 208), whose cells wrap onto the
/// lines just above and below its own: `แบบวัดการเปิดเผย` / `๑๐ | ข้อมูลสาธารณะ | การป้องกันการทุจริต |
/// ๖๑.๒๕` / `(OIT)`, the tool cell centred on the row. The line alone holds two cells of words and
/// reads as no indicator. A line next to it, a wrap step away, whose every segment lies over one
/// cell of the row and over no other is that cell's wrapped text; the row is read again with it.
enum WrappedIndicatorRow {
    /// The rows parsed (`IndicatorRows.parse`, then `WrappedYearHeader.join`), each line row that
    /// reads as nothing (`.other`) read again with its cells' wrapped pieces from the lines around
    /// it, kept when that reads as an indicator (the row then holds the joined cells: text, raw
    /// text and box).
    static func join(_ rows: [CellRow], _ reader: DocumentReader) -> ([CellRow], [ParsedRow]) {
        var rows = rows
        var parsed = WrappedYearHeader.join(rows.map { IndicatorRows.parse($0, reader.ita, reader.settings) }, rows, reader)
        for i in rows.indices {
            guard case .other = parsed[i], let joined = joined(rows[i], reader) else { continue }
            let p = IndicatorRows.parse(joined, reader.ita, reader.settings)
            if case .indicator = p { rows[i] = joined; parsed[i] = p }
        }
        return (rows, parsed)
    }

    /// The row with its cells' wrapped pieces from the lines above and below, or nil when it is
    /// no line row of two cells or more with a number, or no line around it holds such pieces.
    static func joined(_ row: CellRow, _ reader: DocumentReader) -> CellRow? {
        let li = row.lineIndex
        guard row.cells.count >= 2, li == row.lastLineIndex, li < reader.lines.count,
              reader.lines[li].box == row.box, row.cells.contains(where: { hasDigit($0.text) }) else { return nil }
        let page = reader.lines[li].page
        // The page's grid (its pitch measured once per document, not once per row) says what lies
        // a wrap step away.
        let grid = reader.pageGeometry(page: page).grid
        // The row's cells, each with the raw lines above and below it.
        var above = [[String]](repeating: [], count: row.cells.count)
        var below = above
        var boxes = row.cells.map(\.box)
        var found = false
        // The cell each segment of a line lies over, or nil when one lies over none or several.
        func cells(of line: ReadLine) -> [Int]? {
            var out: [Int] = []
            for seg in line.segments {
                guard !hasDigit(seg.text) else { return nil }
                let over = row.cells.indices.filter { row.cells[$0].box.sharesColumn(with: seg.box) }
                guard over.count == 1 else { return nil }
                out.append(over[0])
            }
            return out.isEmpty ? nil : out
        }
        // A page number is no cell's piece (a running title lies over several cells, a wrapped cell
        // may reach into the top margin: v000208's `แบบวัดการเปิดเผย`).
        func isBody(_ line: ReadLine) -> Bool { !line.furniture.contains(.pageNumber) }
        var last = reader.lines[li].box
        var k = li - 1
        while k >= 0, reader.lines[k].page == page, isBody(reader.lines[k]), grid.isWrapStep(last, below: reader.lines[k].box),
              let over = cells(of: reader.lines[k]) {
            for (seg, c) in zip(reader.lines[k].segments, over) { above[c].insert(seg.raw, at: 0); boxes[c] = boxes[c].union(seg.box) }
            last = reader.lines[k].box; found = true; k -= 1
        }
        last = reader.lines[li].box
        k = li + 1
        while k < reader.lines.count, reader.lines[k].page == page, isBody(reader.lines[k]), grid.isWrapStep(reader.lines[k].box, below: last),
              let over = cells(of: reader.lines[k]) {
            for (seg, c) in zip(reader.lines[k].segments, over) { below[c].append(seg.raw); boxes[c] = boxes[c].union(seg.box) }
            last = reader.lines[k].box; found = true; k += 1
        }
        guard found else { return nil }
        var out = row
        for c in row.cells.indices where !above[c].isEmpty || !below[c].isEmpty {
            let raws = above[c] + [row.cells[c].raw] + below[c]
            let n = reader.normalised.composed(lines: raws)
            out.cells[c] = CellRow.Cell(text: n.text, box: boxes[c], raw: raws.joined(separator: " "), changes: n.changes)
        }
        out.box = boxes.dropFirst().reduce(boxes[0]) { $0.union($1) }
        return out
    }

    private static func hasDigit(_ text: String) -> Bool { text.unicodeScalars.contains(where: IndicatorRows.isDigit) }
}
