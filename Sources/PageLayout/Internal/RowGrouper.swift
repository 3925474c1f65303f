import ITAModel

/// Groups a stream table's items into logical rows. Within one column, lines closer than the
/// table's wrap pitch are one cell's wrapped text; a row ends where no cell's text runs on across
/// it. Vertically centred scores beside a wrapped question thus land in the question's row.
enum RowGrouper {
    /// The rows of `items`; `pitch` is the wrap pitch when known from a wider set of items (the
    /// whole table when grouping one side-by-side group's rows), else it is measured on `items`.
    /// `recognised`: the page was read by OCR (see `splitBelowColumnText`).
    static func rows(_ items: [StreamTableFinder.Item], lines: [TextLine], pitch known: Double? = nil,
                     recognised: Bool = false, _ settings: LayoutSettings) -> [[StreamTableFinder.Item]] {
        guard !items.isEmpty else { return [] }
        var byCol: [Int: [Int]] = [:]
        for (k, it) in items.enumerated() { byCol[it.c0, default: []].append(k) }
        let pitch = known ?? self.pitch(items, lines: lines, settings)
        let limit = pitch * settings.rowWrapPitchFactor
        // Blocks: runs of one column's items no further apart than the wrap pitch.
        var blocks: [(y0: Double, y1: Double, items: [Int])] = []
        for c in byCol.keys.sorted() {
            let ks = byCol[c]!.sorted { items[$0].line < items[$1].line }
            var cur: [Int] = []
            func flush() {
                guard !cur.isEmpty else { return }
                blocks.append((lines[items[cur.first!].line].box.y0, lines[items[cur.last!].line].box.y1, cur)); cur = []
            }
            for k in ks {
                if let last = cur.last, items[last].line != items[k].line,
                   lines[items[k].line].box.y0 - lines[items[last].line].box.y0 > limit { flush() }
                cur.append(k)
            }
            flush()
        }
        blocks.sort { $0.y0 < $1.y0 }
        var groups: [[Int]] = []
        var end = -Double.infinity
        for b in blocks {
            if groups.isEmpty || b.y0 >= end - settings.rowOverlapSlack { groups.append(b.items); end = b.y1 } else { groups[groups.count - 1] += b.items; end = max(end, b.y1) }
        }
        if recognised { groups = groups.flatMap { splitBelowColumnText($0, items, lines, settings) } }
        // A row holding two scores in one column is several single-line rows printed without padding.
        var out: [[StreamTableFinder.Item]] = []
        for g in groups {
            let its = g.map { items[$0] }
            // Only scores (numbers with decimals) count: a wrapped period ("ตุลาคม / ๒๕๖๘ - /
            // กันยายน / ๒๕๖๙") has number lines too, and is one cell.
            var numericPerCol: [Int: Int] = [:]
            for it in its where isDecimal(it.words.map(\.text).joined()) { numericPerCol[it.c0, default: 0] += 1 }
            if numericPerCol.values.contains(where: { $0 >= 2 }) {
                for l in Set(its.map(\.line)).sorted() { out.append(its.filter { $0.line == l }) }
            } else {
                out.append(its)
            }
        }
        return out
    }

    /// On an OCR'd page, a row is cut above the first line that holds a score (a number with
    /// decimals) in a column where a line above it in the row has words that are not a score, lying
    /// at least `recognisedScoreSplitHeight` line heights above. Why: OCR's line boxes are ink-tight
    /// and move with the marks above and below each line, so row distances jitter by a tenth of the
    /// pitch (tune seed 21, page 13: 29.3-34.4 pt), and the smallest row distance taken for the wrap
    /// pitch lets a borderless table's header row and its first data row group as one (the scores'
    /// own rule, two scores in one column, cuts the other rows). A cell's own text never stands above
    /// its score in the score's column; a header's words do. Text-layer pages keep their rows.
    static func splitBelowColumnText(_ group: [Int], _ items: [StreamTableFinder.Item], _ lines: [TextLine],
                                     _ settings: LayoutSettings) -> [[Int]] {
        func text(_ k: Int) -> String { items[k].words.map(\.text).joined() }
        let lineIndexes = Set(group.map { items[$0].line }).sorted()
        for l in lineIndexes.dropFirst() {
            let box = lines[l].box
            let cut = group.contains { s in
                items[s].line == l && isDecimal(text(s)) && group.contains { k in
                    items[k].line < l && items[k].c0 <= items[s].c0 && items[s].c0 <= items[k].c1 && !isDecimal(text(k))
                        && !HeaderDetector.isNumeric(text(k))
                        && box.y0 - lines[items[k].line].box.y0 >= settings.recognisedScoreSplitHeight * box.height
                }
            }
            if cut { return [group.filter { items[$0].line < l }, group.filter { items[$0].line >= l }] }
        }
        return [group]
    }

    /// The wrap pitch of `items`: from the distances between consecutive lines of one column.
    /// Not `LinePitch` (the page's median step, which the readers follow text with): on a table of
    /// single-line rows the median step is the row pitch, and rows would join. Measured with
    /// `LinePitch.median` of the page here instead, Corpus values stayed the same but `inspect --gold`
    /// GriTS-Con fell on Corpus/tables' borderless tables (g08 0.999 to 0.889, g09 0.988 to 0.822).
    static func pitch(_ items: [StreamTableFinder.Item], lines: [TextLine], _ settings: LayoutSettings) -> Double {
        var byCol: [Int: [Int]] = [:]
        for (k, it) in items.enumerated() { byCol[it.c0, default: []].append(k) }
        var pitches: [Double] = []
        for c in byCol.keys.sorted() {
            let ks = byCol[c]!.sorted { items[$0].line < items[$1].line }
            for (a, b) in zip(ks, ks.dropFirst()) where items[a].line != items[b].line {
                pitches.append(lines[items[b].line].box.y0 - lines[items[a].line].box.y0)
            }
        }
        return wrapPitch(pitches, lineHeights: items.map { lines[$0.line].box.height }, settings)
    }

    /// The wrap pitch: the smallest distance between two lines of one column that is at least
    /// nearly a line high (lines of other columns printed half a line lower are not wraps). Rows
    /// are further apart than their cells' wrapped lines, so a few wrapped cells among many
    /// single-line rows still give it.
    static func wrapPitch(_ pitches: [Double], lineHeights: [Double], _ settings: LayoutSettings) -> Double {
        let hs = lineHeights.sorted()
        let floor = hs.isEmpty ? 0 : settings.rowMinWrapPitchHeight * hs[hs.count / 2]
        if let p = pitches.filter({ $0 >= floor }).min() { return p }
        let ps = pitches.sorted()
        guard !ps.isEmpty else { return 0 }
        return ps[max(0, min(ps.count - 1, Int(Double(ps.count) * settings.rowFallbackPitchQuantile)))]
    }

    /// A number with decimals ("๙๕.๓๓", "100.00"): a score.
    static func isDecimal(_ text: String) -> Bool {
        guard HeaderDetector.isNumeric(text) else { return false }
        let scalars = Array(text.unicodeScalars)
        return scalars.indices.contains { i in scalars[i] == "." && i + 1 < scalars.count && HeaderDetector.isDigit(scalars[i + 1]) }
    }
}
