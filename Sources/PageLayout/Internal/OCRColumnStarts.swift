import Foundation
import ITAModel

/// Splits an OCR'd page's lines at the columns its words start in.
///
/// A text layer's cell gap is an em or more, so `SegmentSplitter` parts columns by gap width. OCR's
/// word boxes are ink-tight and Tesseract's line text joins neighbouring cells with one space, so on
/// a scan two cells of a row often stand closer than a column gap (tune scan v001460 p. 7: a plan's
/// measure and steps cells 0.5 em apart, one segment). What a scan keeps is alignment: a column's
/// cells start at one x down the table, and no word of the lines beside them runs across that x
/// (the column before wraps). Such a start, held by several lines and crossed by none, parts every
/// line of its reach before the word that starts there.
enum OCRColumnStarts {
    static func split(_ lines: [TextLine], _ settings: LayoutSettings) -> [TextLine] {
        let words = lines.map { $0.segments.flatMap(\.words) }
        let spread = settings.ocrColumnStartSpread
        // A column's starts lie in [x, x + spread] from its leftmost start x.
        func within(_ w: Word, _ x: Double) -> Bool { w.box.x0 >= x && w.box.x0 <= x + spread }
        let minLines = Int(settings.ocrColumnStartMinLines)
        // Only lines the gap splitter already parted are table lines: a paragraph's words can line up by chance.
        let tabular = Set(lines.indices.filter { lines[$0].segments.count >= 2 })
        // Candidate starts: a word after a gap a column could leave, not a line's first (nothing to split).
        func opens(_ ws: [Word], _ k: Int, _ line: Int) -> Bool {
            k > 0 && ws[k].box.x0 - ws[k - 1].box.x1 >= settings.ocrColumnStartMinGapHeight * lines[line].box.height
        }
        var anchors: [Double] = []
        for l in tabular { for k in words[l].indices where opens(words[l], k, l) { anchors.append(words[l][k].box.x0) } }
        // Starts held by the most lines first; a weaker one within the spread of a kept one is the same column.
        var scored: [(x: Double, lines: [Int])] = anchors.map { x in
            (x, tabular.filter { l in words[l].contains { within($0, x) } }.sorted())
        }
        scored.sort { $0.lines.count != $1.lines.count ? $0.lines.count > $1.lines.count : $0.x < $1.x }
        var starts: [(x: Double, from: Int, to: Int, held: [Int])] = []
        for s in scored where s.lines.count >= minLines {
            guard !starts.contains(where: { abs($0.x - s.x) <= spread }) else { continue }
            // The start's reach: its lines' run, cut where a line's word crosses it (prose above or
            // below the table, a title spanning the columns).
            for run in runs(of: s.lines, crossing: { l in crosses(words[l], s.x, spread) })
            where run.held >= minLines {
                starts.append((s.x, run.from, run.to, s.lines.filter { run.from <= $0 && $0 <= run.to }))
            }
        }
        func cut(_ l: Int, at cuts: [Double]) -> [Segment] {
            var segments: [Segment] = []
            for seg in lines[l].segments {
                var run: [Word] = [], used = Set<Int>()
                for w in seg.words {
                    // One cut per start on a line: at the first word that starts there after a gap.
                    let ws = words[l], at = ws.firstIndex(of: w) ?? 0
                    if !run.isEmpty, opens(ws, at, l),
                       let c = cuts.indices.first(where: { !used.contains($0) && within(w, cuts[$0]) }) {
                        used.insert(c)
                        segments.append(Segment(words: run)); run = []
                    }
                    run.append(w)
                }
                segments.append(Segment(words: run))
            }
            return segments
        }
        func cuts(_ l: Int, _ starts: [(x: Double, from: Int, to: Int, held: [Int])]) -> [Double] {
            tabular.contains(l) ? starts.filter { $0.from <= l && l <= $0.to }.map(\.x) : []
        }
        // A plan's table: its starts part rows into many cells of text. A score table's code | text |
        // score (two or three), or its scores read as specks and letters ("2 a", "oT ae", "ร ๆ" on
        // tune scan v100350 p. 3), is left to the gap splitter as on a text layer.
        func isText(_ s: Segment) -> Bool {
            Double(s.text.unicodeScalars.filter(OCRColumnStarts.isThaiLetter).count)
                >= settings.ocrColumnStartMinCellLetters
        }
        let wide = Set(lines.indices.filter {
            Double(cut($0, at: cuts($0, starts)).filter(isText).count) >= settings.ocrColumnStartMinColumns
        })
        starts = starts.filter { s in s.held.filter { wide.contains($0) }.count >= minLines }
        guard !starts.isEmpty else { return lines }
        return lines.indices.map { l in
            let c = cuts(l, starts)
            guard !c.isEmpty else { return lines[l] }
            let segments = cut(l, at: c)
            guard segments.count != lines[l].segments.count else { return lines[l] }
            var line = TextLine(page: lines[l].page, segments: segments)
            line.furniture = lines[l].furniture
            return line
        }
    }

    /// A Thai letter that takes a place of its own: a consonant, a vowel written beside one, ๆ; not a
    /// mark above or below (general category Mn), a digit, or a Latin letter (OCR reads specks as "ae", "is").
    static func isThaiLetter(_ s: Unicode.Scalar) -> Bool {
        (0x0E01...0x0E5B).contains(s.value) && s.properties.isAlphabetic && s.properties.generalCategory != .nonspacingMark
    }

    /// Whether a word of `words` runs across a column's starts `x...x + spread`: starts before and ends after them
    /// (OCR's box of the column before's longest word may end a point or two inside them).
    static func crosses(_ words: [Word], _ x: Double, _ spread: Double) -> Bool {
        words.contains { $0.box.x0 < x && $0.box.x1 > x + spread }
    }

    /// The runs of consecutive lines between `held`'s lines that no line crosses, with how many held lines each has.
    static func runs(of held: [Int], crossing: (Int) -> Bool) -> [(from: Int, to: Int, held: Int)] {
        guard let first = held.first, let last = held.last else { return [] }
        let heldSet = Set(held)
        var out: [(from: Int, to: Int, held: Int)] = []
        var from: Int?, to = first, count = 0
        for l in first...last {
            if crossing(l) {
                if let f = from { out.append((f, to, count)) }
                from = nil; count = 0
                continue
            }
            if heldSet.contains(l) {
                if from == nil { from = l }
                to = l; count += 1
            }
        }
        if let f = from { out.append((f, to, count)) }
        return out
    }
}
