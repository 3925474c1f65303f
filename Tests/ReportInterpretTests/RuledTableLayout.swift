import ITAModel
import PageLayout

/// One page laid out as the layout stage gives an OCR'd (or printed) ruled table: prose lines, then a
/// table with one text line per row (first row the header), then prose below. Words are 5 pt a scalar
/// with 3 pt between them, lines 30 pt apart and rows 22 pt: the geometry the readers' settings expect.
enum RuledTableLayout {
    static func make(_ rows: [[String]], columns: [ClosedRange<Double>], prose: [String], after: [String] = [],
                     recognised: Bool = true) throws -> DocumentLayout {
        var lines: [TextLine] = []
        var tableRows: [TableRow] = []
        var y = 60.0
        func words(_ text: String, from x0: Double) -> [Word] {
            var x = x0 + 4, out: [Word] = []
            for w in text.split(separator: " ") {
                let width = 5.0 * Double(w.unicodeScalars.count)
                out.append(Word(text: String(w), box: Box(x0: x, y0: y, x1: x + width, y1: y + 14)))
                x += width + 3
            }
            return out
        }
        for p in prose {
            lines.append(TextLine(page: 1, segments: [Segment(words: words(p, from: 60))]))
            y += 30
        }
        let top = y - 4
        for (k, row) in rows.enumerated() {
            var segments: [Segment] = []
            var cells: [Cell] = []
            for (c, text) in row.enumerated() {
                let box = Box(x0: columns[c].lowerBound, y0: y - 4, x1: columns[c].upperBound, y1: y + 18)
                guard !text.isEmpty else { continue }
                segments.append(Segment(words: words(text, from: columns[c].lowerBound)))
                cells.append(Cell(column: c, lines: [text], box: box))
            }
            lines.append(TextLine(page: 1, segments: segments))
            tableRows.append(TableRow(cells: cells, box: Box(x0: 60, y0: y - 4, x1: 520, y1: y + 18), isHeader: k == 0))
            y += 22
        }
        let table = Table(page: 1, box: Box(x0: 60, y0: top, x1: 520, y1: y - 4), columns: columns, rows: tableRows, method: .ruled)
        y += 10
        for p in after {
            lines.append(TextLine(page: 1, segments: [Segment(words: words(p, from: 60))]))
            y += 30
        }
        let page = PageLayoutResult(page: 1, width: 595, height: 842, lines: lines, tables: [table], recognised: recognised)
        return DocumentLayout(pages: [page], furniture: try .checkedIn())
    }
}
