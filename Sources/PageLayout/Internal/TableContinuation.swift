import ITAModel

/// Marks tables that continue a table on the previous page: the old table is the last thing on its
/// page, the new one the first thing on the next, and their columns line up. A table continuing
/// side-by-side column groups is split the same way.
enum TableContinuation {
    /// Marks the continuations in `pages` (the tolerances: `LayoutSettings.continuation...`).
    static func mark(_ pages: inout [PageLayoutResult], _ settings: LayoutSettings) {
        guard pages.count >= 2 else { return }
        for p in 1..<pages.count {
            let prev = pages[p - 1]
            guard pages[p].page == prev.page + 1, let firstIndex = topTableIndex(pages[p]) else { continue }
            let first = pages[p].tables[firstIndex]
            guard nothingAbove(first, in: pages[p], settings) else { continue }
            let family = bottomTables(prev, settings)
            guard !family.isEmpty, family.allSatisfy({ nothingBelow($0, in: prev, settings) }) else { continue }
            let nextFamily = topTables(pages[p], settings)
            let grouped = family.count >= 2 && family.allSatisfy({ $0.sideBySideGroup != nil })
            if grouped, nextFamily.count == family.count, nextFamily.allSatisfy({ pages[p].tables[$0].sideBySideGroup != nil }),
               zip(family, nextFamily).allSatisfy({
                   sameColumns($0.columns, pages[p].tables[$1].columns, stream: isStream($0, pages[p].tables[$1]), settings)
               }) {
                // Both pages split into the same groups: each group goes on in its own column range.
                for (prevT, k) in zip(family, nextFamily) {
                    pages[p].tables[k].continuesPrevious = true
                    pages[p].tables[k].sideBySideGroup = prevT.sideBySideGroup
                    pages[p].tables[k].firstRowContinuesPrevious = brokenRow(prevT, &pages[p].tables[k])
                }
            } else if grouped, family.allSatisfy({ $0.method == .stream }),
                      var subs = StreamContinuation.rebuild(family, page: pages[p], tables: nextFamily, settings) {
                // Borderless groups going on: the page's top rows rebuilt in the groups' columns
                // (a group that has ended leaves some columns empty, so the page alone cannot show them).
                for i in subs.indices {
                    if let prevT = family.first(where: { $0.sideBySideGroup == subs[i].sideBySideGroup }) {
                        subs[i].firstRowContinuesPrevious = brokenRow(prevT, &subs[i])
                    }
                }
                let drop = Set(nextFamily)
                pages[p].tables = pages[p].tables.indices.filter { !drop.contains($0) }.map { pages[p].tables[$0] }
                pages[p].tables.append(contentsOf: subs)
                pages[p].tables.sort { ($0.box.y0, $0.box.x0) < ($1.box.y0, $1.box.x0) }
            } else if grouped {
                let union = family.flatMap(\.columns)
                guard sameColumns(union, first.columns, stream: isStream(family[0], first), settings) else { continue }
                var ranges: [ClosedRange<Int>] = []
                var start = 0
                for t in family { ranges.append(start...(start + t.columns.count - 1)); start += t.columns.count }
                var subs = ranges.enumerated().map { ColumnGroupSplitter.subTable(first, $1, index: $0) }
                for i in subs.indices { subs[i].continuesPrevious = true }
                subs.removeAll { $0.rows.isEmpty }
                for i in subs.indices {
                    if let prevT = family.first(where: { $0.sideBySideGroup == subs[i].sideBySideGroup }) {
                        subs[i].firstRowContinuesPrevious = brokenRow(prevT, &subs[i])
                    }
                }
                pages[p].tables.replaceSubrange(firstIndex...firstIndex, with: subs)
            } else if family.count == 1, sameColumns(family[0].columns, first.columns, stream: isStream(family[0], first), settings) {
                pages[p].tables[firstIndex].continuesPrevious = true
                pages[p].tables[firstIndex].firstRowContinuesPrevious = brokenRow(family[0], &pages[p].tables[firstIndex])
            }
        }
    }

    /// The next page's first row is the tail of a row broken by the page: it has text but no number,
    /// and is empty in every column where the last row before the break has its number. It answers
    /// only for tables found and lined up on both pages: interpret's question join
    /// (`QuestionPageBreak`) takes it as one piece of evidence among its own, and the plan reader
    /// (`MeasureReader`) follows its header's columns over the break (measured there).
    static func brokenRow(_ prev: Table, _ next: inout Table) -> Bool {
        // Title rows on the new page count only when they repeat the old page's titles.
        let titles = Set(prev.rows.filter(\.isHeader).map { $0.cells.map(\.rawText) })
        for i in next.rows.indices {
            guard next.rows[i].isHeader else { break }
            if !titles.contains(next.rows[i].cells.map(\.rawText)) { next.rows[i].isHeader = false } else { break }
        }
        guard let last = prev.rows.last, !last.isHeader, let first = next.rows.first, !first.isHeader else { return false }
        // A number is a new row's score, unless it goes on a text cell broken above it (the year
        // ending a wrapped period "ตุลาคม ๒๕๖๘ - กันยายน / ๒๕๖๙").
        func brokenText(_ column: Int) -> Bool {
            guard let c = last.cell(at: column), !c.lines.isEmpty else { return false }
            return !HeaderDetector.isNumeric(c.rawText)
        }
        if first.cells.contains(where: { HeaderDetector.isNumeric($0.rawText) && !brokenText($0.column) }) { return false }
        // A tail with an empty first cell under a row whose first cell is filled (plans, long texts).
        if first.cell(at: 0)?.lines.isEmpty ?? true, !(last.cell(at: 0)?.lines.isEmpty ?? true),
           first.cells.contains(where: { !$0.lines.isEmpty }) { return true }
        let numericCols = last.cells.filter { HeaderDetector.isNumeric($0.rawText) }.map(\.column)
        guard !numericCols.isEmpty, first.cells.contains(where: { !$0.lines.isEmpty }) else { return false }
        return numericCols.allSatisfy { first.cell(at: $0)?.lines.isEmpty ?? true }
    }

    static func topTableIndex(_ page: PageLayoutResult) -> Int? {
        page.tables.indices.min { page.tables[$0].box.y0 < page.tables[$1].box.y0 }
    }

    /// The tables ending lowest on the page (several when side-by-side groups), left to right.
    static func bottomTables(_ page: PageLayoutResult, _ settings: LayoutSettings) -> [Table] {
        guard let maxY = page.tables.map(\.box.y1).max() else { return [] }
        return page.tables.filter { abs($0.box.y1 - maxY) <= settings.continuationFamilyEdgeTolerance }.sorted { $0.box.x0 < $1.box.x0 }
    }

    /// No body line above the table (lines in the top margin, such as page numbers, do not count).
    static func nothingAbove(_ t: Table, in page: PageLayoutResult, _ settings: LayoutSettings) -> Bool {
        !page.lines.contains { $0.box.y1 <= t.box.y0 + settings.continuationEdgeSlack && !PageFurniture.inTopMargin($0.box, pageHeight: page.height, settings) }
    }

    /// No body line below the table.
    static func nothingBelow(_ t: Table, in page: PageLayoutResult, _ settings: LayoutSettings) -> Bool {
        !page.lines.contains { $0.box.y0 >= t.box.y1 - settings.continuationEdgeSlack && !PageFurniture.inBottomMargin($0.box, pageHeight: page.height, settings) }
    }

    /// Columns line up: every boundary within the tolerance. Borderless columns end where their
    /// text ends, which differs from page to page, so there each gap between two columns need only
    /// overlap the other table's gap.
    static func sameColumns(_ a: [ClosedRange<Double>], _ b: [ClosedRange<Double>], stream: Bool = false,
                            _ settings: LayoutSettings) -> Bool {
        let tolerance = settings.continuationColumnTolerance
        guard a.count == b.count else { return false }
        if stream {
            guard a.count >= 2 else { return abs(a[0].lowerBound - b[0].lowerBound) <= settings.continuationStreamLeftEdgeTolerance }
            return (0..<(a.count - 1)).allSatisfy { i in
                let ga = a[i].upperBound...max(a[i].upperBound, a[i + 1].lowerBound)
                let gb = b[i].upperBound...max(b[i].upperBound, b[i + 1].lowerBound)
                return ga.lowerBound <= gb.upperBound + tolerance && gb.lowerBound <= ga.upperBound + tolerance
            }
        }
        return zip(a, b).allSatisfy { abs($0.lowerBound - $1.lowerBound) <= tolerance && abs($0.upperBound - $1.upperBound) <= tolerance }
    }

    /// Either table was found from text alignment.
    static func isStream(_ a: Table, _ b: Table) -> Bool { a.method == .stream || b.method == .stream }

    /// Indexes of the tables starting highest on the page (several when side-by-side groups), left to right.
    static func topTables(_ page: PageLayoutResult, _ settings: LayoutSettings) -> [Int] {
        guard let minY = page.tables.map(\.box.y0).min() else { return [] }
        return page.tables.indices.filter { abs(page.tables[$0].box.y0 - minY) <= settings.continuationFamilyEdgeTolerance }.sorted { page.tables[$0].box.x0 < page.tables[$1].box.x0 }
    }
}
