/// Plain-text views of layout results, for `ita-extract inspect` and for reading test failures.
public enum LayoutText {
    /// The page's lines, one per row, segments separated by " | "; a line the layout marked as the
    /// page's number (`TextLine.furniture`) says so at its end.
    /// Running header and footer lines (`PageLayoutResult.running`) are shown in place, marked.
    public static func lines(_ page: PageLayoutResult) -> String {
        (page.running.isEmpty ? page.lines : (page.lines + page.running).sorted { $0.box.y0 < $1.box.y0 }).map { l in
            "\(pad(String(Int(l.box.y0.rounded())), 4))  " + l.segments.map(\.text).joined(separator: " | ")
                + (l.furniture.contains(.pageNumber) ? "    (page number)" : "")
                + (l.furniture.contains(.running) ? "    (running header or footer)" : "")
        }.joined(separator: "\n")
    }

    /// A table as a text grid: one block per row, each cell's lines in its column, header rows marked.
    public static func grid(_ t: Table, columnWidth: Int = 28) -> String {
        var title = "table on page \(t.page), \(t.method), \(t.columns.count) columns, \(t.rows.count) rows"
        if let g = t.sideBySideGroup { title += ", side-by-side group \(g + 1)" }
        if t.continuesPrevious { title += ", continues previous page" }
        let n = t.columns.count
        let rule = "+" + Array(repeating: String(repeating: "-", count: columnWidth + 2), count: n).joined(separator: "+") + "+"
        var out = [title, rule]
        for row in t.rows {
            var cols = Array(repeating: [String](), count: n)
            for c in row.cells where c.column < n {
                var text = c.lines
                if c.columnSpan > 1 { text.insert("<span \(c.columnSpan) cols>", at: 0) }
                if c.rowSpan > 1 { text.insert("<span \(c.rowSpan) rows>", at: 0) }
                cols[c.column] = text.flatMap { wrap($0, columnWidth) }
            }
            let height = max(1, cols.map(\.count).max() ?? 1)
            for i in 0..<height {
                out.append("| " + cols.map { pad(i < $0.count ? $0[i] : "", columnWidth) }.joined(separator: " | ") + " |"
                           + (i == 0 && row.isHeader ? " header" : ""))
            }
            out.append(rule)
        }
        return out.joined(separator: "\n")
    }

    /// Pieces of `s` no wider than `width` characters (grapheme clusters, so Thai marks stay on their base).
    static func wrap(_ s: String, _ width: Int) -> [String] {
        var out: [String] = []
        var cur = ""
        for ch in s {
            if cur.count >= width { out.append(cur); cur = "" }
            cur.append(ch)
        }
        out.append(cur)
        return out
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }
}
