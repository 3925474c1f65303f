import Foundation
import ITAModel
import PDFExtract
import ThaiCharacters

/// Words of an OCR'd page worth reading again by shape for where they stand, not for what Tesseract
/// read: a cell of a column whose other cells the shapes read as scores. Tesseract reads some
/// Thai-digit score cells as letters (`ตี๑.อ๐ว` for ๙๑.๑๖, `ait. ney`), which `DigitRereader.isCandidate`
/// never takes; the column's other cells say what such a cell holds. (This runs in PageOCR, before the
/// layout stage: the column is found from the OCR words' own boxes, as the re-read crops them.)
enum ScoreColumnWords {
    /// A column needs at least this many cells the shapes read as scores: two agreeing places make a
    /// column, one is a lone number.
    static let minScores = 2
    /// A word belongs to a column when at least this part of its width lies within the column's span
    /// (the union of its scores' boxes, widened by `columnPad` line heights on each side: a score
    /// Tesseract boxed with a speck is wider than its neighbours).
    static let minOverlap = 0.5, columnPad = 0.5
    /// How far above the column's first score and below its last a cell is still the column's, in
    /// the column's median row pitch: the first and last rows of a table are as often lost as any.
    static let reachRows = 1.5
    /// A cell's line height against the column's median score height: a score cell's line is one line
    /// of the same size; a heading or a speck line is not.
    static let heightRange = 0.6...1.6
    /// The most words one cell is read as (`ait. ney`: a point's gap taken for a space), and the most
    /// scalars they hold together (a score is 4-6 glyphs; OCR may give a digit as a letter and a
    /// mark). A cell Tesseract read as one letter (`a`, `ก`) is read too: it is cropped across the
    /// column's whole span, not its own box (`Cell.span`).
    static let maxWords = 3, maxScalars = 12

    /// A run of words in a column, and the column's span in x (the crop takes it all: Tesseract's box
    /// of a cell it read as letters may hold a part of the number only, and a part of a score can be
    /// a score of another value, ๘.๓๐ of ๙๘.๓๐).
    struct Cell: Equatable { var words: Range<Int>; var span: (x0: Double, x1: Double)
        static func == (a: Cell, b: Cell) -> Bool { a.words == b.words && a.span == b.span }
    }

    /// Runs of words (glyph ranges, each from `words`, consecutive on one line) standing in a column of
    /// `scores` (the boxes of the words the shapes read as scores), leaving out the words starting at
    /// an index in `skip` (already read again).
    static func find(words: [Range<Int>], glyphs: [Glyph], scores: [Box], skip: Set<Int>) -> [Cell] {
        let columns = self.columns(scores)
        guard !columns.isEmpty else { return [] }
        func box(_ w: Range<Int>) -> Box { glyphs[w].map(\.box).reduce(glyphs[w.lowerBound].box) { $0.union($1) } }
        func column(of b: Box) -> Int? {
            columns.firstIndex { c in
                let pad = columnPad * c.height
                let span = Box(x0: c.span.x0 - pad, y0: c.span.y0, x1: c.span.x1 + pad, y1: c.span.y1)
                return b.horizontalOverlap(span) >= minOverlap * b.width
                    && heightRange.contains(b.height / c.height)
                    && b.midY >= c.span.y0 - reachRows * c.pitch && b.midY <= c.span.y1 + reachRows * c.pitch
            }
        }
        var out: [Cell] = []
        var run: (range: Range<Int>, column: Int, words: Int)?
        func close() {
            if let r = run {
                let n = glyphs[r.range].reduce(0) { $0 + $1.text.unicodeScalars.count }
                if n <= maxScalars { out.append(Cell(words: r.range, span: (columns[r.column].span.x0, columns[r.column].span.x1))) }
            }
            run = nil
        }
        for w in words {
            let b = box(w)
            // Two ASCII digits or more: a number printed (partly) in ASCII digits, which the Thai
            // digits' shapes cannot read (an ASCII 1 is thinner than any Thai digit and is lost:
            // hs7 v100364's `100.๐๐` read ๐๐.๐๐, `๑๐๐.00` read ๑๐.๐๐). One among Thai digits is
            // Tesseract's misread of a Thai one (`๕8๓.๐๕`, ๘๓.๐๘), and is read.
            let asciiDigits = glyphs[w].reduce(0) { $0 + $1.text.unicodeScalars.filter { ThaiScript.isASCIIDigit($0.value) }.count }
            guard !skip.contains(w.lowerBound), asciiDigits < 2, let c = column(of: b),
                  !scores.contains(where: { $0.horizontalOverlap(b) > 0 && $0.verticalOverlap(b) > 0 }) else { close(); continue }
            if let r = run, r.column == c, r.words < maxWords, r.range.upperBound == w.lowerBound,
               glyphs[r.range.lowerBound].box.y0 == b.y0 {
                run = (r.range.lowerBound..<w.upperBound, c, r.words + 1)
            } else {
                close()
                run = (w, c, 1)
            }
        }
        close()
        return out
    }

    struct Column { var span: Box; var height: Double; var pitch: Double }

    /// The scores' boxes grouped into columns by overlap in x, each with at least `minScores`.
    static func columns(_ scores: [Box]) -> [Column] {
        var groups: [[Box]] = []
        for b in scores.sorted(by: { $0.y0 < $1.y0 }) {
            if let k = groups.firstIndex(where: { g in g.contains { $0.horizontalOverlap(b) >= minOverlap * min($0.width, b.width) } }) {
                groups[k].append(b)
            } else {
                groups.append([b])
            }
        }
        return groups.filter { $0.count >= minScores }.map { g in
            let heights = g.map(\.height).sorted()
            let steps = zip(g.dropFirst(), g).map { $0.midY - $1.midY }.filter { $0 > 0 }.sorted()
            let height = heights[heights.count / 2]
            return Column(span: Box.union(g)!, height: height, pitch: steps.isEmpty ? height : steps[steps.count / 2])
        }
    }
}
