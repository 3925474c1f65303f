import ITAModel
import PageLayout

/// A stretch of text read as one unit: a paragraph (consecutive one-segment lines of a page, the
/// wrapped lines of a sentence) or one segment of a multi-column line (a table cell's line).
/// Shared helper for both interpret parts.
struct TextBlock {
    /// Normalised text, lines joined with a space.
    var text: String
    var keyed: KeyedText
    var page: Int
    /// The lines (indexes into `DocumentReader.lines`) and where each starts in `keyed.scalars`.
    var lineIndexes: [Int]
    var lineStarts: [Int]
    /// The segment's index in its line for a cell block; nil for a paragraph.
    var segmentIndex: Int?

    /// Provenance of the line holding scalar position `pos`.
    func provenance(at pos: Int, in reader: DocumentReader, via: String) -> Provenance {
        var k = 0
        while k + 1 < lineStarts.count, lineStarts[k + 1] <= pos { k += 1 }
        let line = reader.lines[lineIndexes[k]]
        if let s = segmentIndex {
            let seg = line.segments[s]
            return seg.provenance(via: via)
        }
        return line.provenance(via: via)
    }

    /// Provenance of the line holding scalar position `pos`, with the further lines up to the one
    /// holding scalar `end - 1` as its `continuation` (a value read across a line break: the rating
    /// `ต้อง` / `ปรับปรุง`, Corpus v000022), each with its own box and raw text.
    func provenance(at pos: Int, through end: Int?, in reader: DocumentReader, via: String) -> Provenance {
        var p = provenance(at: pos, in: reader, via: via)
        guard segmentIndex == nil, let end, end - 1 > pos else { return p }
        func lineOf(_ q: Int) -> Int {
            var k = 0
            while k + 1 < lineStarts.count, lineStarts[k + 1] <= q { k += 1 }
            return k
        }
        let first = lineOf(pos), last = lineOf(end - 1)
        guard last > first else { return p }
        p.continuation = lineIndexes[(first + 1)...last].map { reader.lines[$0].provenance(via: via) }
        return p
    }

    var firstLine: Int { lineIndexes.first ?? 0 }
}

extension DocumentReader {
    /// The document's text blocks in reading order (see `TextBlock`). With `wholeLines`, a
    /// multi-column line also gives one block of all its cells (a "label | value" row).
    func textBlocks(wholeLines: Bool = false) -> [TextBlock] {
        if let done = memo.textBlocks[wholeLines] { return done }
        // Both kinds at once: the fields reader asks for both, and they share every paragraph and
        // cell block (keying each segment twice was 1.3% of a run's CPU).
        let (plain, whole) = textBlocksUncached()
        memo.textBlocks[false] = plain
        memo.textBlocks[true] = whole
        return wholeLines ? whole : plain
    }

    /// One block of whole lines (`indexes`, one page), each line's segments joined with a space
    /// and the lines with one more.
    private func block(joining indexes: [Int]) -> TextBlock {
        var text = ""
        var starts: [Int] = []
        // A running scalar count: counting the whole text again for each line was quadratic in a
        // block's length (a page block holds a whole page).
        var count = 0
        for (n, i) in indexes.enumerated() {
            if n > 0 { text += " "; count += 1 }
            starts.append(count)
            let piece = lines[i].segments.map(\.text).joined(separator: " ")
            text += piece
            count += piece.scalarCount
        }
        return TextBlock(text: text, keyed: KeyedText(text), page: lines[indexes[0]].page,
                         lineIndexes: indexes, lineStarts: starts, segmentIndex: nil)
    }

    /// The blocks without (`plain`) and with (`whole`) the whole-line blocks, in one pass.
    private func textBlocksUncached() -> (plain: [TextBlock], whole: [TextBlock]) {
        var blocks: [TextBlock] = []
        var whole: [TextBlock] = []
        var para: [Int] = []
        func flush() {
            guard !para.isEmpty else { return }
            let b = block(joining: para)
            blocks.append(b); whole.append(b)
            para = []
        }
        for (i, line) in lines.enumerated() {
            // A justified prose line the layout split at a wide word gap still belongs to its
            // paragraph: it starts where the paragraph's lines start and holds no score cell.
            let proseLike = line.segments.count == 1 || para.first.map { first in
                let start = lines[first]
                return start.page == line.page && start.box.startsAligned(with: line.box, tolerance: settings.paragraphIndentTolerance)
                    && Double(line.segments.count) <= settings.paragraphMaxSegments
                    && !line.segments.contains { NumberTokens.wholeScore($0.text, decoration: ita.scoreDecoration) != nil }
            } ?? false
            if proseLike {
                if let last = para.last {
                    let prev = lines[last]
                    if prev.page != line.page || prev.box.isParted(from: line.box, gapHeight: settings.paragraphGapHeight) { flush() }
                }
                para.append(i)
            } else {
                flush()
            }
            if line.segments.count > 1 {
                let text = line.segments.map(\.text).joined(separator: " ")
                whole.append(TextBlock(text: text, keyed: KeyedText(text), page: line.page,
                                       lineIndexes: [i], lineStarts: [0], segmentIndex: nil))
                for (s, seg) in line.segments.enumerated() {
                    let b = TextBlock(text: seg.text, keyed: KeyedText(seg.text), page: line.page,
                                      lineIndexes: [i], lineStarts: [0], segmentIndex: s)
                    blocks.append(b); whole.append(b)
                }
            }
        }
        flush()
        return (blocks, whole)
    }

    /// One block per page: every line of the page joined (segments with a space), for tests that
    /// need the words around a value whatever the columns (what a year printed on a cover means).
    func pageBlocks() -> [TextBlock] {
        if let done = memo.pageBlocks { return done }
        let out = pageBlocksUncached()
        memo.pageBlocks = out
        return out
    }

    private func pageBlocksUncached() -> [TextBlock] {
        var out: [TextBlock] = []
        var current: [Int] = []
        func flush() {
            guard !current.isEmpty else { return }
            out.append(block(joining: current))
            current = []
        }
        for (i, line) in lines.enumerated() {
            if let last = current.last, lines[last].page != line.page { flush() }
            current.append(i)
        }
        flush()
        return out
    }
}
