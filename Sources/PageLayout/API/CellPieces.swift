import ITAModel

/// Segments cut into cell pieces. In tables with narrow gutters the column-gap split
/// (`SegmentSplitter`) can run two cells together ("ชอบ ขั้นตอน ... 30 ก.ย."); the gap between two
/// cells is still wider than a space inside a cell, so a segment is cut where two words stand
/// further apart than `pieceGapFactor` times the page's median space between words, or where a
/// column boundary of a table found on the page (ruled or borderless) falls between two words: in
/// a packed borderless plan the gap between a measure and its steps can be no wider than a space.
/// Asked of a finished page (tables marked over page breaks included), so it runs after
/// `LayoutAnalyser.analyse`.
public enum CellPieces {
    /// The segment among `segments` (a line's, uncut) a piece was cut out of: the first whose span
    /// overlaps the piece's (`Box.horizontalOverlap`); nil when none does.
    public static func source(of piece: Box, among segments: [Box]) -> Int? {
        segments.firstIndex { $0.horizontalOverlap(piece) > 0 }
    }

    /// For each line of `page`, for each of its segments, the pieces it is cut into: the segment
    /// itself, alone, when it is not cut.
    public static func pieces(of page: PageLayoutResult, _ settings: LayoutSettings) -> [[[Segment]]] {
        var spaces: [Double] = []
        for l in page.lines {
            for seg in l.segments where seg.words.count > 1 {
                for k in 1..<seg.words.count { spaces.append(seg.words[k].box.x0 - seg.words[k - 1].box.x1) }
            }
        }
        spaces.sort()
        let space = spaces.isEmpty ? settings.pieceDefaultSpace : spaces[spaces.count / 2]
        let gap = max(settings.pieceMinGap, settings.pieceGapFactor * space)
        return page.lines.map { line in
            let overlapNeeded = settings.tableLineOverlapHeight * line.box.height
            // Column boundaries of the tables this line lies in, except those a spanning cell of the
            // line's row covers (a title across columns is one cell).
            let bounds = page.tables.filter { $0.box.verticalOverlap(line.box) > overlapNeeded }
                .flatMap { t -> [Double] in
                    let row = t.rows.first { $0.box.verticalOverlap(line.box) > overlapNeeded }
                    return (0..<max(0, t.columns.count - 1)).compactMap { c -> Double? in
                        let spanned = row?.cells.contains { $0.columnSpan > 1 && $0.column <= c && $0.column + $0.columnSpan - 1 >= c + 1 } ?? false
                        return spanned ? nil : (t.columns[c].upperBound + t.columns[c + 1].lowerBound) / 2
                    }
                }
            return line.segments.map { pieces($0, gap: gap, bounds: bounds, settings) }
        }
    }

    private static func pieces(_ seg: Segment, gap: Double, bounds: [Double], _ settings: LayoutSettings) -> [Segment] {
        let words = seg.words
        guard words.count > 1 else { return [seg] }
        let slack = settings.pieceBoundarySlack
        var groups: [[Word]] = [[words[0]]]
        for w in words.dropFirst() {
            let last = groups[groups.count - 1].last!
            let wide = w.box.x0 - last.box.x1 > gap
            let crosses = bounds.contains { b in last.box.x1 <= b + slack && w.box.x0 >= b - slack }
            if wide || crosses { groups.append([w]) } else { groups[groups.count - 1].append(w) }
        }
        guard groups.count > 1 else { return [seg] }
        return groups.map { Segment(words: $0) }
    }
}
