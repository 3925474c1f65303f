import ITAModel

/// Borderless side-by-side groups going on over a page break, found again on the new page in the
/// columns of the groups above the break: the old page's titles anchor the columns, and each
/// group's rows are grouped on their own.
enum StreamContinuation {
    /// The new page's top tables (`tables`, indexes into `page.tables`) rebuilt as the continuation
    /// of `family` (the old page's bottom groups, left to right), or nil when their text does not
    /// sit in the groups' columns.
    static func rebuild(_ family: [Table], page: PageLayoutResult, tables: [Int], _ settings: LayoutSettings) -> [Table]? {
        let tops = tables.map { page.tables[$0] }
        guard !tops.isEmpty, tops.allSatisfy({ $0.method == .stream }), let union = Box.union(tops.map(\.box)) else { return nil }
        let region = page.lines.indices.filter { i in
            let b = page.lines[i].box
            return union.verticalOverlap(b) > settings.tableLineOverlapHeight * b.height && union.horizontalOverlap(b) > 0
        }
        let words = region.flatMap { page.lines[$0].segments.flatMap(\.words) }
        guard !words.isEmpty else { return nil }
        // Nearly every word must sit in one of the old columns (a little slack for wider text).
        let columns = family.flatMap(\.columns)
        let slack = settings.continuationColumnSlack
        let inside = words.filter { w in columns.contains { $0.lowerBound - slack <= w.box.midX && w.box.midX <= $0.upperBound + slack } }.count
        guard Double(inside) >= settings.continuationWordsInColumnsShare * Double(words.count) else { return nil }
        var perGroup: [[StreamTableFinder.Item]] = []
        for (gi, prevT) in family.enumerated() {
            let lo = gi == 0 ? -Double.infinity : (family[gi - 1].box.x1 + prevT.box.x0) / 2
            let hi = gi == family.count - 1 ? Double.infinity : (prevT.box.x1 + family[gi + 1].box.x0) / 2
            // Column edges: the middle of each gap between the old columns.
            let edges = zip(prevT.columns, prevT.columns.dropFirst()).map { ($0.upperBound + $1.lowerBound) / 2 }
            var items: [StreamTableFinder.Item] = []
            for i in region {
                var byCol: [Int: [Word]] = [:]
                for w in page.lines[i].segments.flatMap(\.words) where w.box.midX >= lo && w.box.midX < hi {
                    byCol[edges.filter { w.box.midX > $0 }.count, default: []].append(w)
                }
                for c in byCol.keys.sorted() { items.append(.init(line: i, c0: c, c1: c, words: byCol[c]!)) }
            }
            perGroup.append(items)
        }
        // One wrap pitch for all groups, as on the page before.
        var all: [StreamTableFinder.Item] = []
        for (gi, items) in perGroup.enumerated() {
            let offset = family[..<gi].reduce(0) { $0 + $1.columns.count }
            all += items.map { var it = $0; it.c0 += offset; it.c1 += offset; return it }
        }
        let pitch = RowGrouper.pitch(all, lines: page.lines, settings)
        var out: [Table] = []
        for (prevT, items) in zip(family, perGroup) {
            guard var t = StreamTableFinder.table(page: page.page, items: items, columns: prevT.columns, lines: page.lines, minRows: 1,
                                                  pitch: pitch, recognised: page.recognised, settings)
            else { continue }
            HeaderDetector.flag(&t, settings)
            t.box = Box(x0: prevT.box.x0, y0: union.y0, x1: prevT.box.x1, y1: union.y1)
            t.sideBySideGroup = prevT.sideBySideGroup
            t.continuesPrevious = true
            out.append(t)
        }
        return out.isEmpty ? nil : out
    }
}
