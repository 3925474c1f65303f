import ITAModel

/// Finds borderless tables from text alignment, as Tabula's stream mode does: runs of lines split
/// into segments, columns where no text crosses, rows where no cell's wrapped text crosses.
enum StreamTableFinder {
    /// One piece of a table line: the words of one cell (or of a cell spanning columns) on one line.
    struct Item {
        var line: Int
        var c0: Int
        var c1: Int
        var words: [Word]
        var box: Box { Box.union(words.map(\.box))! }
    }

    static func tables(page: Int, lines: [TextLine], exclude: [Box], recognised: Bool = false, _ settings: LayoutSettings) -> [Table] {
        let usable = lines.indices.filter { i in
            !exclude.contains {
                $0.verticalOverlap(lines[i].box) > settings.tableLineOverlapHeight * lines[i].box.height && $0.horizontalOverlap(lines[i].box) > 0
            }
        }
        var out: [Table] = []
        for region in regions(usable, lines, settings) {
            out.append(contentsOf: tables(page: page, region: region, lines: lines, recognised: recognised, settings))
        }
        return out
    }

    /// Lines that are tabular: two or more segments, or one segment printed beside a neighbouring
    /// line's text with no horizontal overlap (a score centred beside a wrapped question).
    static func tabular(_ usable: [Int], _ lines: [TextLine], _ settings: LayoutSettings) -> Set<Int> {
        var out = Set<Int>()
        for (k, i) in usable.enumerated() {
            if lines[i].segments.count >= 2 { out.insert(i); continue }
            for j in [k - 1, k + 1] where j >= 0 && j < usable.count {
                let a = lines[i].box, b = lines[usable[j]].box
                let gap = max(a.y0, b.y0) - min(a.y1, b.y1)
                if gap < settings.streamWrapGapHeight * max(a.height, settings.streamMinLineHeight) && a.horizontalOverlap(b) == 0
                    && abs(a.x0 - b.x0) > settings.streamBesideOffset { out.insert(i); out.insert(usable[j]) }
            }
        }
        return out
    }

    /// Runs of lines that look tabular: from a tabular line to the last such line, with wrapped
    /// single-segment lines between, no big vertical gap, no paragraph line reaching into a later column.
    static func regions(_ usable: [Int], _ lines: [TextLine], _ settings: LayoutSettings) -> [[Int]] {
        let tab = tabular(usable, lines, settings)
        let minHeight = settings.streamMinLineHeight
        var out: [[Int]] = []
        var current: [Int] = []
        var lastMulti = -1
        var extent: Box?
        var laterColumnX = Double.infinity
        // Where later columns start (segments of split lines), to spot a score glued to its text.
        var columnStarts: [Double] = []
        func close() {
            if lastMulti >= 0, let end = current.firstIndex(of: lastMulti), let ext = extent {
                var region = Array(current[...end])
                // Wrapped cell text can run above the first split line and below the last one.
                // A line of one cell: the first column's, or a later column's (a wrapped plan cell
                // runs on below the other columns' last lines), never one running across the edge.
                func fits(_ i: Int) -> Bool {
                    lines[i].segments.count == 1 && !crosses(lines[i], laterColumnX, settings) && lines[i].box.horizontalOverlap(ext) > 0
                }
                func near(_ a: Int, _ b: Int, _ f: Double) -> Bool { lines[b].box.y0 - lines[a].box.y1 <= f * max(lines[a].box.height, minHeight) }
                var k = usable.firstIndex(of: region[0])!
                // The first body line of a page may be the tail of a row broken by the page break:
                // it sits a row gap, not a wrap gap, above the next row.
                while k > 0, Double(region.count) < settings.streamMaxRegionLines, fits(usable[k - 1]),
                      near(usable[k - 1], usable[k], k - 1 == 0 && !HeaderDetector.isNumeric(lines[usable[0]].text)
                           ? settings.streamPageTopTailGapHeight : settings.streamWrapGapHeight),
                      (out.last?.last ?? -1) < usable[k - 1] { k -= 1; region.insert(usable[k], at: 0) }
                k = usable.firstIndex(of: region[region.count - 1])!
                while k + 1 < usable.count, fits(usable[k + 1]), near(usable[k], usable[k + 1], settings.streamWrapGapHeight) {
                    k += 1; region.append(usable[k])
                }
                if Double(region.filter({ tab.contains($0) }).count) >= settings.streamMinTabularLines { out.append(region) }
            }
            current = []; lastMulti = -1; extent = nil; laterColumnX = .infinity; columnStarts = []
        }
        for i in usable {
            let l = lines[i]
            let multi = tab.contains(i) || columnStarts.contains { splitsAt(l, $0, settings) }
            if let prev = current.last {
                let gap = l.box.y0 - lines[prev].box.y1
                // A paragraph line runs across the later column's edge; a cell's line stops short of
                // it (a score glued to the last words of a question still starts at the edge).
                let wide = !multi && crosses(l, laterColumnX, settings)
                if gap > settings.streamRegionBreakHeight * max(lines[prev].box.height, minHeight) || wide { close() }
            }
            if current.isEmpty && !multi { continue }
            current.append(i)
            if multi {
                lastMulti = i
                let ext = extent.map { $0.union(l.box) } ?? l.box
                extent = ext
                // Where the second column starts: no wrapped line of the first column reaches past it.
                for s in l.segments where s.box.x0 > ext.x0 + settings.streamLaterColumnOffset {
                    laterColumnX = min(laterColumnX, s.box.x0)
                    if !columnStarts.contains(where: { abs($0 - s.box.x0) <= settings.streamColumnStartTolerance }) { columnStarts.append(s.box.x0) }
                }
            }
        }
        close()
        return out
    }

    /// True when a word of `line` runs across `x` (more than a couple of points each side:
    /// `LayoutSettings.streamColumnEdgeSlack`).
    static func crosses(_ line: TextLine, _ x: Double, _ settings: LayoutSettings) -> Bool {
        guard x.isFinite else { return false }
        let slack = settings.streamColumnEdgeSlack
        return line.segments.contains { s in s.words.contains { $0.box.x0 < x - slack && $0.box.x1 > x + slack } }
    }

    /// A one-segment line whose words break cleanly at `x` with text on both sides: a cell's last
    /// line with its score glued on (the gap is narrower than a column gap).
    static func splitsAt(_ line: TextLine, _ x: Double, _ settings: LayoutSettings) -> Bool {
        guard x.isFinite, line.segments.count == 1, !crosses(line, x, settings) else { return false }
        let words = line.segments[0].words
        let right = words.filter { $0.box.x0 >= x - settings.streamColumnEdgeSlack }
        return !right.isEmpty && right.count < words.count && HeaderDetector.isNumeric(right.map(\.text).joined())
    }

    /// The tables of one region: one table, or one per column group when groups of columns are
    /// separate lists printed side by side (each group's rows found on their own).
    static func tables(page: Int, region: [Int], lines: [TextLine], recognised: Bool = false, _ settings: LayoutSettings) -> [Table] {
        guard let (columns, items) = columnsAndItems(region: region, lines: lines, settings),
              var whole = table(page: page, items: items, columns: columns, lines: lines, minRows: settings.streamMinRows,
                                recognised: recognised, settings)
        else { return [] }
        HeaderDetector.flag(&whole, settings)
        guard let groups = ColumnGroupSplitter.groups(whole) ?? StreamGroups.periodic(whole, items: items, lines: lines, settings)
        else { return [whole] }
        // The groups share one wrap pitch: a group alone may have too few wrapped cells to show it.
        let pitch = RowGrouper.pitch(items, lines: lines, settings)
        // One title per group on the top line ("ประเด็น...IIT | ประเด็น...OIT"): each heads its whole
        // group, even when it is too short to reach across into the group's score column.
        let titled = whole.rows.first.map { r in
            r.isHeader && groups.allSatisfy { g in r.cells.filter { g.contains($0.column) && !$0.lines.isEmpty }.count == 1 }
        } ?? false
        var out: [Table] = []
        for (gi, g) in groups.enumerated() {
            let sub = StreamGroups.items(items, in: g)
            guard var t = table(page: page, items: sub, columns: Array(columns[g]), lines: lines, minRows: 1, pitch: pitch,
                                recognised: recognised, settings)
            else { continue }
            HeaderDetector.flag(&t, settings)
            if titled, let top = t.rows.first, top.isHeader, let title = top.cells.first, title.column == 0,
               top.cells.dropFirst().allSatisfy({ $0.lines.isEmpty }) {
                var cell = title
                cell.columnSpan = t.columns.count
                t.rows[0].cells = [cell]
            }
            // Groups share the table's top and bottom so that page-break logic sees them as one family.
            t.box = Box(x0: columns[g.lowerBound].lowerBound, y0: whole.box.y0, x1: columns[g.upperBound].upperBound, y1: whole.box.y1)
            t.sideBySideGroup = gi
            out.append(t)
        }
        return out.count >= 2 ? out : [whole]
    }

    /// Column ranges and the region's items (segments or words placed in columns), or nil when the
    /// region has no column gap.
    static func columnsAndItems(region: [Int], lines: [TextLine], _ settings: LayoutSettings) -> (columns: [ClosedRange<Double>], items: [Item])? {
        let words = region.flatMap { i in lines[i].segments.flatMap(\.words) }
        guard let box = Box.union(words.map(\.box)) else { return nil }
        // Coverage of each point of x by words; a gap may be crossed by a few lines (spanning titles).
        let x0 = Int(box.x0.rounded(.down)), n = Int(box.x1.rounded(.up)) - x0 + 1
        var cover = [Int](repeating: 0, count: n)
        for i in region {
            var seen = [Bool](repeating: false, count: n)
            for w in lines[i].segments.flatMap(\.words) {
                // The whole points a word covers: a 6-point gap between columns stays 6 points.
                let a = max(0, Int(w.box.x0.rounded(.up)) - x0), b = min(n - 1, Int(w.box.x1.rounded(.down)) - x0)
                if a <= b { for k in a...b where !seen[k] { seen[k] = true; cover[k] += 1 } }
            }
        }
        let allowed = Int(Double(region.count) / settings.streamLinesPerGapCrossing)
        func gapsIn(_ cover: [Int]) -> [ClosedRange<Double>] {
            var gaps: [ClosedRange<Double>] = []
            var k = 0
            while k < n {
                if cover[k] <= allowed && k > 0 {
                    let s = k
                    while k < n && cover[k] <= allowed { k += 1 }
                    if k < n && Double(k - s) >= settings.streamMinColumnGap { gaps.append(Double(s + x0)...Double(k - 1 + x0)) }
                } else { k += 1 }
            }
            return gaps
        }
        var gaps = gapsIn(cover)
        // Group titles on the first lines span their groups' columns: in a short region they hide
        // the gaps under them. A gap found without them that they cover whole is kept (they become
        // spans); where they only narrow a gap, the narrower one stands.
        // Titles may wrap (a short title on one line, the long ones on two): up to three lines with
        // no numbers, one of them holding two or more titles.
        var titleLines = 0
        while Double(titleLines) < min(settings.streamMaxTitleLines, Double(region.count) - settings.streamMinLinesBelowTitles),
              !hasDigit(lines[region[titleLines]]) { titleLines += 1 }
        if !region[..<titleLines].contains(where: { lines[$0].segments.count >= 2 }) { titleLines = 0 }
        if titleLines > 0 {
            for i in region[..<titleLines] {
                var seen = [Bool](repeating: false, count: n)
                for w in lines[i].segments.flatMap(\.words) {
                    let a = max(0, Int(w.box.x0.rounded(.up)) - x0), b = min(n - 1, Int(w.box.x1.rounded(.down)) - x0)
                    if a <= b { for k in a...b where !seen[k] { seen[k] = true; cover[k] -= 1 } }
                }
            }
            let hidden = gapsIn(cover).filter { g in !gaps.contains { $0.overlaps(g) } }
            gaps = (gaps + hidden).sorted { $0.lowerBound < $1.lowerBound }
        }
        guard !gaps.isEmpty else { return nil }
        var columns: [ClosedRange<Double>] = []
        var left = box.x0
        for g in gaps { columns.append(left...g.lowerBound); left = g.upperBound }
        columns.append(left...box.x1)
        func column(_ x: Double) -> Int {
            var c = 0
            while c < gaps.count && x > gaps[c].lowerBound { c += 1 }
            return c
        }
        // Items: a segment with a word lying across a gap spans; otherwise its words go to their columns.
        var items: [Item] = []
        for i in region {
            for s in lines[i].segments {
                // Only a word reaching right across a gap makes a spanning cell: titles wider than
                // their column often reach into the gap, and that is not a span.
                let crossing = s.words.contains { w in gaps.contains { w.box.x0 < $0.lowerBound && w.box.x1 > $0.upperBound } }
                if crossing {
                    items.append(Item(line: i, c0: column(s.box.x0 + settings.streamSpanEdgeInset), c1: column(s.box.x1 - settings.streamSpanEdgeInset),
                                      words: s.words))
                } else {
                    var byCol: [Int: [Word]] = [:]
                    for w in s.words { byCol[column(w.box.midX), default: []].append(w) }
                    for c in byCol.keys.sorted() { items.append(Item(line: i, c0: c, c1: c, words: byCol[c]!)) }
                }
            }
        }
        return (columns, items)
    }

    /// A line with a digit in it (a row of data, not titles).
    static func hasDigit(_ line: TextLine) -> Bool { line.text.unicodeScalars.contains { HeaderDetector.isDigit($0) } }

    /// The table of `items` in `columns`: rows grouped, cells built; nil with fewer than `minRows`
    /// rows (a whole region: `LayoutSettings.streamMinRows`; a group: 1).
    static func table(page: Int, items: [Item], columns: [ClosedRange<Double>], lines: [TextLine], minRows: Double,
                      pitch: Double? = nil, recognised: Bool = false, _ settings: LayoutSettings) -> Table? {
        guard let box = Box.union(items.map(\.box)) else { return nil }
        let rows = RowGrouper.rows(items, lines: lines, pitch: pitch, recognised: recognised, settings)
        guard Double(rows.count) >= minRows else { return nil }
        var tableRows: [TableRow] = []
        for r in rows {
            var cells: [Cell] = []
            var byStart: [Int: [Item]] = [:]
            for it in r { byStart[it.c0, default: []].append(it) }
            for c in byStart.keys.sorted() {
                let its = byStart[c]!.sorted { ($0.line, $0.box.x0) < ($1.line, $1.box.x0) }
                var textLines: [String] = []
                var lastLine = -1
                for it in its {
                    let t = it.words.map(\.text).joined(separator: " ")
                    if it.line == lastLine { textLines[textLines.count - 1] += " " + t } else { textLines.append(t); lastLine = it.line }
                }
                let span = (its.map(\.c1).max() ?? c) - c + 1
                cells.append(Cell(column: c, columnSpan: span, lines: textLines, box: Box.union(its.map(\.box))!))
            }
            tableRows.append(TableRow(cells: cells, box: Box.union(r.map(\.box))!))
        }
        return Table(page: page, box: box, columns: columns, rows: tableRows, method: .stream)
    }
}
