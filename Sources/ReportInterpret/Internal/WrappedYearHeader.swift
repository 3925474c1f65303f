import ITAModel
import PageLayout

/// A multi-year indicator header whose cells wrap differently: "ปีงบประมาณ 2565" and "คะแนนปี 2567"
/// fit one line while "คะแนน ปี พ.ศ. 2566" wraps, its year alone on the line below (or above), or
/// on the next page's first line when a page break cuts the header row. Read line by line, the
/// header names only 2565 and 2567, and three score columns went to two years. The wrapped cell's
/// years join the header when they stand on the header band's next line, in a column of their own
/// (a year under one of the header's year cells is a caption or a subtitle, not another column).
enum WrappedYearHeader {
    /// `parsed` with each multi-year header completed by its wrapped cells' years.
    static func join(_ parsed: [ParsedRow], _ rows: [CellRow], _ reader: DocumentReader) -> [ParsedRow] {
        var out = pairedLines(parsed, rows, reader)
        let parsed = out
        for (i, p) in parsed.enumerated() {
            guard case .yearHeader(let years) = p else { continue }
            let header = rows[i]
            // The header's own year cells: a year under one of them is not a column of its own.
            let yearCellBoxes = header.cells.filter { c in IndicatorRows.yearCells([c], reader.ita) != nil }.map(\.box)
            var joined = years
            var pieces: [Int] = []
            for j in [i - 1, i + 1] where parsed.indices.contains(j) && rows[j].page == header.page {
                let apart = j < i ? header.lineIndex - rows[j].lastLineIndex : rows[j].lineIndex - header.lastLineIndex
                if apart >= 1, Double(apart) <= reader.settings.yearHeaderWrapLines { pieces.append(j) }
            }
            if let j = nextPageStart(after: i, rows, reader) { pieces.append(j) }
            for j in pieces {
                guard case .other = parsed[j], let more = IndicatorRows.yearCells(rows[j].cells, reader.ita) else { continue }
                for (year, x) in more where !joined.contains(where: { $0.0 == year }) {
                    guard !yearCellBoxes.contains(where: { $0.spans(x: x) }) else { continue }
                    joined.append((year, x))
                }
            }
            out[i] = .yearHeader(joined.sorted { $0.1 < $1.1 })
        }
        return out
    }

    /// The first row of the next page when row `i` is the last of its page (page numbers aside):
    /// where the rest of a header row cut by the page break is printed.
    static func nextPageStart(after i: Int, _ rows: [CellRow], _ reader: DocumentReader) -> Int? {
        let page = rows[i].page
        // The layout's mark (the row or line whole); a year alone in a margin has a page
        // number's digits but is a wrapped header cell's year.
        func furniture(_ r: CellRow) -> Bool {
            r.furniture.contains(.pageNumber) && IndicatorRows.yearCells(r.cells, reader.ita) == nil
        }
        var j = i + 1
        while j < rows.count, rows[j].page == page, furniture(rows[j]) { j += 1 }
        guard j < rows.count, rows[j].page == page + 1 else { return nil }
        while j < rows.count, rows[j].page == page + 1, furniture(rows[j]) { j += 1 }
        return j < rows.count && rows[j].page == page + 1 ? j : nil
    }

    /// A header whose every year cell wraps, so that no line names two years (fresh tune seed 555:
    /// `ปีงบประมาณ | 2566` over `2565`, the first cell's year on the line below): two lines of
    /// year cells only, on one page a wrap step apart, whose years stand in columns of their own
    /// (none under the other line's year cells), are one header. The first line becomes it; the
    /// second is that header's wrapped part and pairs with no line again (three such lines would
    /// otherwise make the middle one a header too, with a subset of the years).
    static func pairedLines(_ parsed: [ParsedRow], _ rows: [CellRow], _ reader: DocumentReader) -> [ParsedRow] {
        var out = parsed
        var lowerLines = Set<Int>()
        for i in parsed.indices.dropLast() where !lowerLines.contains(i) {
            let j = i + 1
            guard case .other = parsed[i], case .other = parsed[j], rows[j].page == rows[i].page,
                  rows[j].lineIndex - rows[i].lastLineIndex >= 1,
                  Double(rows[j].lineIndex - rows[i].lastLineIndex) <= reader.settings.yearHeaderWrapLines,
                  let upper = IndicatorRows.yearCells(rows[i].cells, reader.ita),
                  let lower = IndicatorRows.yearCells(rows[j].cells, reader.ita) else { continue }
            let upperBoxes = rows[i].cells.filter { IndicatorRows.yearCells([$0], reader.ita) != nil }.map(\.box)
            let lowerBoxes = rows[j].cells.filter { IndicatorRows.yearCells([$0], reader.ita) != nil }.map(\.box)
            func apart(_ x: Double, _ boxes: [Box]) -> Bool { !boxes.contains { $0.spans(x: x) } }
            guard upper.allSatisfy({ apart($0.1, lowerBoxes) }), lower.allSatisfy({ apart($0.1, upperBoxes) }) else { continue }
            let years = (upper + lower).sorted { $0.1 < $1.1 }
            guard Set(years.map(\.0)).count == years.count, years.count >= 2 else { continue }
            out[i] = .yearHeader(years)
            lowerLines.insert(j)
        }
        return out
    }
}
