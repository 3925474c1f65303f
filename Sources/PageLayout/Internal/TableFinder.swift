import ITAModel

/// Finds the tables of one page: ruled ones from drawn lines first, then stream ones from text alignment.
enum TableFinder {
    /// `recognised`: the page's text was read by OCR (its rows are grouped with OCR's line boxes in mind).
    static func tables(page: Int, lines: [TextLine], rulings: Rulings, width: Double, height: Double,
                       recognised: Bool = false, _ settings: LayoutSettings) -> [Table] {
        var placed: [RuledTableBuilder.PlacedWord] = []
        for (i, l) in lines.enumerated() { for s in l.segments { for w in s.words { placed.append(.init(line: i, word: w)) } } }
        var tables: [Table] = []
        for g in RulingGroup.groups(rulings, settings) {
            guard var t = RuledTableBuilder.build(page: page, group: g, words: placed, settings) else { continue }
            // A box drawn round a paragraph (one cell) is a frame, not a table.
            if t.columns.count < 2 && t.rows.count < 2 { continue }
            HeaderDetector.flag(&t, settings)
            tables.append(contentsOf: ColumnGroupSplitter.split(t))
        }
        tables += StreamTableFinder.tables(page: page, lines: lines, exclude: tables.map(\.box), recognised: recognised, settings)
        return tables.sorted { ($0.box.y0, $0.box.x0) < ($1.box.y0, $1.box.x0) }
    }
}
