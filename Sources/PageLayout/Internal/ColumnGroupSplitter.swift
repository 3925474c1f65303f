import ITAModel

/// Splits a table whose top header row groups the columns (IIT | EIT | OIT, each title spanning
/// its own columns) into one table per group: the groups are separate lists printed side by side.
enum ColumnGroupSplitter {
    /// Column ranges of the groups, or nil when the top row does not partition the columns into
    /// two or more spanning groups.
    static func groups(_ t: Table) -> [ClosedRange<Int>]? {
        guard let first = t.rows.first, first.isHeader, first.cells.count >= 2 else { return nil }
        var next = 0
        var out: [ClosedRange<Int>] = []
        for c in first.cells.sorted(by: { $0.column < $1.column }) {
            guard c.column == next, c.columnSpan >= 2, c.rowSpan == 1 else { return nil }
            out.append(c.column...(c.column + c.columnSpan - 1))
            next = c.column + c.columnSpan
        }
        return next == t.columns.count ? out : nil
    }

    static func split(_ t: Table) -> [Table] {
        guard let gs = groups(t) else { return [t] }
        return gs.enumerated().map { gi, g in subTable(t, g, index: gi) }
    }

    /// The part of `t` in columns `g`, columns renumbered from 0; rows with nothing in the group dropped.
    static func subTable(_ t: Table, _ g: ClosedRange<Int>, index: Int) -> Table {
        var rows: [TableRow] = []
        for row in t.rows {
            let cells = row.cells.filter { g.contains($0.column) }.map { c -> Cell in
                var c = c
                c.columnSpan = min(c.columnSpan, g.upperBound - c.column + 1)
                c.column -= g.lowerBound
                return c
            }
            guard !cells.isEmpty, row.isHeader || cells.contains(where: { !$0.lines.isEmpty }) else { continue }
            let box = Box(x0: t.columns[g.lowerBound].lowerBound, y0: row.box.y0,
                          x1: t.columns[g.upperBound].upperBound, y1: row.box.y1)
            rows.append(TableRow(cells: cells, box: box, isHeader: row.isHeader))
        }
        let box = Box(x0: t.columns[g.lowerBound].lowerBound, y0: t.box.y0, x1: t.columns[g.upperBound].upperBound, y1: t.box.y1)
        var sub = Table(page: t.page, box: box, columns: Array(t.columns[g]), rows: rows, method: t.method,
                        continuesPrevious: t.continuesPrevious)
        sub.sideBySideGroup = index
        return sub
    }
}
