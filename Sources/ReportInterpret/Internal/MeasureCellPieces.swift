import ITAModel
import PageLayout
import ThaiNormalise

/// Splits line segments at wide word gaps. In tables with narrow gutters the layout's column-gap
/// split can run two cells together ("ชอบ ขั้นตอน ... 30 ก.ย."); the gap between two cells is
/// still wider than a space inside a cell, so a segment is cut where two words stand further
/// apart than `gapFactor` times the page's median space between words.
enum MeasureCellPieces {
    static let gapFactor = 1.45

    /// The page's lines with every segment cut into cell pieces (segments kept as they are when
    /// the layout's words for the page cannot be matched to the lines).
    static func lines(of page: Int, _ lines: [ReadLine], reader: DocumentReader) -> [ReadLine] {
        guard let layoutLines = reader.layout.pages.first(where: { $0.page == page })?.lines,
              layoutLines.count == lines.count else { return lines }
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
            for (seg, lseg) in zip(line.segments, layoutLine.segments) {
                segments += pieces(seg, words: lseg.words, gap: gap, normaliser: reader.normaliser)
            }
            return ReadLine(page: line.page, box: line.box, segments: segments)
        }
    }

    private static func pieces(_ seg: ReadSegment, words: [Word], gap: Double, normaliser: ThaiNormaliser) -> [ReadSegment] {
        guard words.count > 1 else { return [seg] }
        var groups: [[Word]] = [[words[0]]]
        for w in words.dropFirst() {
            if w.box.x0 - groups[groups.count - 1].last!.box.x1 > gap { groups.append([w]) } else { groups[groups.count - 1].append(w) }
        }
        guard groups.count > 1 else { return [seg] }
        return groups.map { g in
            let raw = g.map(\.text).joined(separator: " ")
            return ReadSegment(text: normaliser.normalise(raw).text, raw: raw, box: Box.union(g.map(\.box)) ?? seg.box, page: seg.page)
        }
    }
}
