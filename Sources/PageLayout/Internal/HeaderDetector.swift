import ThaiCharacters

/// Flags header rows: column titles at the top, titles repeated further down (stacked sub-tables),
/// and short full-width rows that head the rows below them.
enum HeaderDetector {
    /// True for a cell text that is a number (Thai or Arabic digits, with . , % -): a score, not a title.
    static func isNumeric(_ text: String) -> Bool {
        var digit = false
        for s in text.unicodeScalars {
            if ThaiScript.isDigit(s.value) { digit = true; continue }
            switch s.value {
            case 0x2E, 0x2C, 0x25, 0x2D, 0x20: continue
            default: return false
            }
        }
        return digit
    }

    /// True for an Arabic or Thai digit.
    static func isDigit(_ s: Unicode.Scalar) -> Bool { ThaiScript.isDigit(s.value) }

    /// Could this row be a header: text only, short cells.
    static func headerLike(_ row: TableRow, _ settings: LayoutSettings) -> Bool {
        let filled = row.cells.filter { !$0.lines.isEmpty }
        guard !filled.isEmpty else { return false }
        return !filled.contains { isNumeric($0.rawText) } && filled.allSatisfy { Double($0.lines.count) <= settings.headerMaxLines }
    }

    /// A second title row under unspanned group titles (years under "score"): one-line short
    /// cells with gaps where the title above stands alone.
    static func subTitles(_ row: TableRow, _ settings: LayoutSettings) -> Bool {
        let filled = row.cells.filter { !$0.lines.isEmpty }
        return filled.count < row.cells.count
            && filled.allSatisfy { $0.lines.count == 1 && Double($0.rawText.unicodeScalars.count) <= settings.headerSubTitleMaxCharacters }
    }

    static func flag(_ t: inout Table, _ settings: LayoutSettings) {
        guard t.rows.count >= 2 else { return }
        let ncol = t.columns.count
        var titles: [Int: Set<String>] = [:]
        var top = true
        for i in t.rows.indices {
            let row = t.rows[i]
            let like = headerLike(row, settings)
            if top {
                // The top rows are titles while they look like titles; a row under a header row with
                // spanning cells (group titles) is titles too.
                let prevSpans = i > 0 && t.rows[i - 1].cells.contains { $0.columnSpan > 1 }
                if like && (i == 0 || prevSpans || subTitles(row, settings)) {
                    t.rows[i].isHeader = true
                    for c in row.cells where !c.lines.isEmpty { titles[c.column, default: []].insert(c.rawText) }
                    continue
                }
                top = false
            }
            guard like, i + 1 < t.rows.count else { continue }
            let repeats = row.cells.contains { c in c.columnSpan == 1 && titles[c.column]?.contains(c.rawText) == true }
            let sectionTitle = ncol > 1 && row.cells.count == 1 && row.cells[0].columnSpan == ncol && Double(row.cells[0].lines.count) <= settings.headerSectionTitleMaxLines
            if repeats || sectionTitle { t.rows[i].isHeader = true }
        }
    }
}
