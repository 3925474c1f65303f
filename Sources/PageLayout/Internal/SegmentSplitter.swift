import ITAModel

/// Splits a line's words into segments at column gaps.
enum SegmentSplitter {
    static func segments(_ words: [Word], fontSize: Double, rulings: Rulings, _ settings: LayoutSettings) -> [Segment] {
        guard !words.isEmpty else { return [] }
        var out: [Segment] = []
        var run: [Word] = [words[0]]
        for w in words.dropFirst() {
            let p = run[run.count - 1]
            let gap = w.box.x0 - p.box.x1
            let y0 = max(p.box.y0, w.box.y0), y1 = min(p.box.y1, w.box.y1)
            let ruled = !rulings.vertical.isEmpty
                && rulings.verticalBetween(p.box.x1, w.box.x0, y0: min(y0, y1), y1: max(y0, y1))
            if gap > settings.columnGapEm * fontSize || ruled {
                out.append(Segment(words: run)); run = []
            }
            run.append(w)
        }
        out.append(Segment(words: run))
        return out
    }
}
