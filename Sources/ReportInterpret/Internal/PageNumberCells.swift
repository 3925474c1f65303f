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

    /// `row` without the lines its cells have on one of the page-number lines `numbers`
    /// (`TableRow.removingCellLines`).
    static func strip(_ row: TableRow, _ numbers: [Box]) -> TableRow { row.removingCellLines(on: numbers) }
}
