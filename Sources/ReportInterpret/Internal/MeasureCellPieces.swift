import ITAModel
import PageLayout
import ThaiNormalise

/// Splits line segments at wide word gaps. In tables with narrow gutters the layout's column-gap
/// split can run two cells together ("ชอบ ขั้นตอน ... 30 ก.ย."); the gap between two cells is
/// still wider than a space inside a cell, so a segment is cut where two words stand further
/// apart than `gapFactor` times the page's median space between words, or where a column boundary
/// of a table the layout found on the page (ruled or borderless) falls between two words: in a
/// packed borderless plan the gap between a measure and its steps can be no wider than a space.
enum MeasureCellPieces {
    static let gapFactor = 1.45

    /// The page's lines with every segment cut into cell pieces (segments kept as they are when
    /// the layout's words for the page cannot be matched to the lines).
    static func lines(of page: Int, _ lines: [ReadLine], reader: DocumentReader) -> [ReadLine] {
        guard let layoutPage = reader.layout.pages.first(where: { $0.page == page }) else { return lines }
        let layoutLines = layoutPage.lines
        guard layoutLines.count == lines.count else { return lines }
        var spaces: [Double] = []
        for l in layoutLines {
            for seg in l.segments where seg.words.count > 1 {
                for k in 1..<seg.words.count { spaces.append(seg.words[k].box.x0 - seg.words[k - 1].box.x1) }
            }
        }
        spaces.sort()
        let space = spaces.isEmpty ? 4.0 : spaces[spaces.count / 2]
        let gap = max(6.0, gapFactor * space)
        return zip(lines, layoutLines).map { line, layoutLine in
            guard layoutLine.segments.count == line.segments.count else { return line }
            var segments: [ReadSegment] = []
            // Column boundaries of the tables this line lies in, except those a spanning cell of the
            // line's row covers (a title across columns is one cell).
            let bounds = layoutPage.tables.filter { $0.box.verticalOverlap(line.box) > 0.5 * line.box.height }
                .flatMap { t -> [Double] in
                    let row = t.rows.first { $0.box.verticalOverlap(line.box) > 0.5 * line.box.height }
                    return (0..<max(0, t.columns.count - 1)).compactMap { c -> Double? in
                        let spanned = row?.cells.contains { $0.columnSpan > 1 && $0.column <= c && $0.column + $0.columnSpan - 1 >= c + 1 } ?? false
                        return spanned ? nil : (t.columns[c].upperBound + t.columns[c + 1].lowerBound) / 2
                    }
                }
            for (seg, lseg) in zip(line.segments, layoutLine.segments) {
                segments += pieces(seg, words: lseg.words, gap: gap, bounds: bounds, normaliser: reader.normaliser)
            }
            // Pieces are normalised again from their words: a confirmed code is confirmed again.
            return reader.catalogueCodes.fix(ReadLine(page: line.page, box: line.box, segments: segments))
        }
    }

    private static func pieces(_ seg: ReadSegment, words: [Word], gap: Double, bounds: [Double], normaliser: ThaiNormaliser) -> [ReadSegment] {
        guard words.count > 1 else { return [seg] }
        var groups: [[Word]] = [[words[0]]]
        for w in words.dropFirst() {
            let last = groups[groups.count - 1].last!
            let wide = w.box.x0 - last.box.x1 > gap
            let crosses = bounds.contains { b in last.box.x1 <= b + 1 && w.box.x0 >= b - 1 }
            if wide || crosses { groups.append([w]) } else { groups[groups.count - 1].append(w) }
        }
        guard groups.count > 1 else { return [seg] }
        return groups.map { g in
            let raw = g.map(\.text).joined(separator: " ")
            return ReadSegment(text: normaliser.normalise(raw).text, raw: raw, box: Box.union(g.map(\.box)) ?? seg.box, page: seg.page)
        }
    }
}
