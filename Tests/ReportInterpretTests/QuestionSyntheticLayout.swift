import ITAModel
import PageLayout

/// Lays out seed text (one table row per line, tab = cell boundary) as a `DocumentLayout` the way
/// a PDF table would print it: cells in fixed columns, long cells wrapped over several lines,
/// rows running over page breaks. Used until the corpus PDFs exist, and to vary layouts
/// (vertically centred scores, narrow columns) that the corpus does not cover.
struct QuestionSyntheticLayout {
    /// Width in points of a text column and of a number-only column.
    var textColumnWidth = 170.0
    var numberColumnWidth = 45.0
    /// Characters that fit on one line of a text column.
    var charactersPerLine = 38
    /// Vertical placement of number-only cells inside a taller row.
    var centreNumbers = false
    var pitch = 20.0
    var glyphHeight = 16.0
    var rowPadding = 5.0
    var pageHeight = 842.0
    var margin = 50.0
    /// Repeat the last header row at the top of a continued page.
    var repeatHeader = false

    func layout(_ text: String) -> DocumentLayout {
        var pages: [PageLayoutResult] = []
        var current: [TextLine] = []
        var page = 1
        var y = margin
        var lastHeader: [String]?
        func newPage() {
            pages.append(PageLayoutResult(page: page, width: 595, height: pageHeight, lines: current, tables: []))
            current = []; page += 1; y = margin
        }
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine)
            if line.trimmingCharacters(in: .whitespaces).isEmpty { y += pitch; continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if cells.count > 2, cells.allSatisfy({ $0.count < 60 }) { lastHeader = cells }
            let wrapped = cells.map { wrap($0) }
            let height = wrapped.map(\.count).max() ?? 1
            var xs: [Double] = []
            var x = 40.0
            for c in cells { xs.append(x); x += isNumber(c) ? numberColumnWidth : textColumnWidth }
            var rowLines: [[Segment]] = Array(repeating: [], count: height)
            for (k, w) in wrapped.enumerated() {
                let offset = centreNumbers && isNumber(cells[k]) ? (height - 1) / 2 : 0
                for (i, piece) in w.enumerated() where !piece.isEmpty {
                    rowLines[i + offset].append(segment(piece, x: xs[k] + 3))
                }
            }
            y += rowPadding
            for segs in rowLines {
                if y + pitch > pageHeight - margin {
                    newPage()
                    if repeatHeader, let h = lastHeader {
                        var hx = 40.0
                        var hs: [Segment] = []
                        for c in h { if !c.isEmpty { hs.append(segment(c, x: hx + 3)) }; hx += isNumber(c) ? numberColumnWidth : textColumnWidth }
                        place(hs, y: y, page: page, into: &current)
                        y += pitch + rowPadding
                    }
                }
                place(segs, y: y, page: page, into: &current)
                y += pitch
            }
            y += rowPadding
        }
        newPage()
        return DocumentLayout(pages: pages)
    }

    private func place(_ segs: [Segment], y: Double, page: Int, into lines: inout [TextLine]) {
        guard !segs.isEmpty else { return }
        let moved = segs.map { s in
            Segment(words: s.words.map { Word(text: $0.text, box: Box(x0: $0.box.x0, y0: y, x1: $0.box.x1, y1: y + glyphHeight)) })
        }
        lines.append(TextLine(page: page, segments: moved))
    }

    private func segment(_ text: String, x: Double) -> Segment {
        var words: [Word] = []
        var cx = x
        for w in text.split(separator: " ") {
            let width = Double(w.unicodeScalars.count) * 4.2
            words.append(Word(text: String(w), box: Box(x0: cx, y0: 0, x1: cx + width, y1: glyphHeight)))
            cx += width + 3
        }
        return Segment(words: words)
    }

    private func isNumber(_ cell: String) -> Bool {
        let t = cell.trimmingCharacters(in: .whitespaces)
        return !t.isEmpty && t.count <= 7 && t.unicodeScalars.allSatisfy {
            $0 == "." || (0x30...0x39).contains($0.value) || (0x0E50...0x0E59).contains($0.value)
        }
    }

    /// Splits a cell at spaces into lines of at most `charactersPerLine` characters.
    private func wrap(_ cell: String) -> [String] {
        var out: [String] = []
        var cur = ""
        for w in cell.split(separator: " ") {
            if !cur.isEmpty, cur.count + 1 + w.count > charactersPerLine { out.append(cur); cur = "" }
            cur += cur.isEmpty ? String(w) : " " + w
        }
        if !cur.isEmpty || out.isEmpty { out.append(cur) }
        return out
    }
}
