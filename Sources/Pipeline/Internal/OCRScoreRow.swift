import ITAModel
import PageLayout
import ReportInterpret
import ThaiCharacters

/// Whether a score OCR read beside a question row is the row's own, by where it stands on the page.
/// Why: OCR misreads a question code ("[14" for i4), the next question's text then runs into the
/// row above, and so does its score: the row takes its neighbour's number (the photocopied scan of
/// tune seed 250: i3 and e2 took i4's and e3's 100.00). Its code, checked against its text, still
/// holds. The score's own row is told by geometry: the row's own text is as long as its code's
/// catalogue text, and a score that stands beside lines past it stands beside another question.
enum OCRScoreRow {
    enum Verdict: Equatable { case own, neighbour, unknown }

    /// `score` (ASCII) read on an OCR'd page whose layout lines are `lines`, in a row spanning `row`,
    /// whose code's catalogue text holds `ownLength` key characters (a line's text measured with
    /// `textLength`, `ScoreArithmetic.textLength`; tolerances from `settings`, `ocr…`). `own` when the score stands
    /// beside the row's own lines, `neighbour` when it stands beside lines past them, `unknown` when
    /// the score's word or the row's lines are not found (nothing is told).
    static func verdict(score: String, row: Box, lines: [TextLine], ownLength: Int, textLength: (String) -> Int,
                        _ settings: InterpretSettings) -> Verdict {
        let inRow = lines.filter { l in
            let c = (l.box.y0 + l.box.y1) / 2
            return c >= row.y0 && c <= row.y1
        }
        let scoreWords = inRow.flatMap { l in l.segments.flatMap(\.words) }.filter { w in
            OCRScorePolicy.ascii(w.text) == score || OCRScorePolicy.ascii(w.raw) == score
        }
        guard !scoreWords.isEmpty, ownLength > 0 else { return .unknown }
        // The label's lines: the row's segments holding Thai letters that do not stand over the score.
        var label: [(box: Box, text: String)] = []
        for l in inRow.sorted(by: { $0.box.y0 < $1.box.y0 }) {
            let segs = l.segments.filter { s in
                OCRScorePolicy.hasThaiLetters(s.text) && !scoreWords.contains { w in w.box.x0 < s.box.x1 && s.box.x0 < w.box.x1 }
            }
            guard !segs.isEmpty else { continue }
            label.append((Box.union(segs.map(\.box)) ?? l.box, segs.map(\.text).joined(separator: " ")))
        }
        guard !label.isEmpty else { return .unknown }
        // The row's own text: its first lines, as long as together they are no longer than the
        // catalogue text (with `ocrOwnTextSlack`); the first always.
        var total = 0, lastOwn = label.count - 1
        for (i, l) in label.enumerated() {
            total += textLength(l.text)
            if i > 0, Double(total) > settings.ocrOwnTextSlack * Double(ownLength) { lastOwn = i - 1; break }
        }
        guard lastOwn < label.count - 1 else { return .own }
        // A score stands beside the label line nearest to it (by vertical centres).
        func nearest(_ w: Word) -> Int {
            let y = (w.box.y0 + w.box.y1) / 2
            return label.indices.min { a, b in
                abs((label[a].box.y0 + label[a].box.y1) / 2 - y) < abs((label[b].box.y0 + label[b].box.y1) / 2 - y)
            } ?? 0
        }
        return scoreWords.contains { nearest($0) <= lastOwn } ? .own : .neighbour
    }

    /// Whether the score OCR read for a row stands inside the next question row of its table:
    /// every word reading `score` among the row's lines has its vertical centre below `nextTop`, the
    /// top of the row just below it on the page. A row's own score stands beside its code or its
    /// text, above the next row; one further down was taken from the next row when the row's own
    /// came out garbled or empty (tune scan v001456's i18, its code centred in a tall row, took
    /// i19's 87.99 from i19's code line: its text's first lines stand above its code, so the row's
    /// own lines counted from the code reach into i19's and `verdict` finds the score its own).
    /// No catalogue text is needed (2568's has none). False when no word reads the score.
    static func insideNextRow(score: String, row: Box, nextTop: Double, lines: [TextLine]) -> Bool {
        let words = lines.filter { l in
            let c = (l.box.y0 + l.box.y1) / 2
            return c >= row.y0 && c <= row.y1
        }.flatMap { $0.segments.flatMap(\.words) }.filter { w in
            OCRScorePolicy.ascii(w.text) == score || OCRScorePolicy.ascii(w.raw) == score
        }
        return !words.isEmpty && words.allSatisfy { ($0.box.y0 + $0.box.y1) / 2 > nextTop }
    }

    /// The texts that may be printed beside a row whose label cell holds its code alone (the
    /// question reader gave the row no text cell): the page's text column beside the row's band,
    /// read from each of its lines within `ocrBesideReachLines` line heights above the band (a text
    /// set in the middle of its cell starts above its code) down to as far below. Each is a
    /// candidate for the code's confirmation, which alone decides (`textConfirms`).
    static func textsBeside(row: Box, lines: [TextLine], _ settings: InterpretSettings) -> [String] {
        let all = lines.flatMap(\.segments).filter { OCRScorePolicy.hasThaiLetters($0.text) && $0.box.x0 > row.x0 }
        // The segment on the row's band: sharing at least `ocrBesideOverlap` of the lower height.
        guard let band = all.filter({ s in
            min(s.box.y1, row.y1) - max(s.box.y0, row.y0) >= settings.ocrBesideOverlap * min(s.box.y1 - s.box.y0, row.y1 - row.y0)
        }).min(by: { $0.box.x0 < $1.box.x0 }) else { return [] }
        let reach = settings.ocrBesideReachLines * (band.box.y1 - band.box.y0)
        let column = all.filter { s in
            s.box.x0 < band.box.x1 && band.box.x0 < s.box.x1 && s.box.y0 >= band.box.y0 - reach && s.box.y1 <= band.box.y1 + reach
        }.sorted { ($0.box.y0, $0.box.x0) < ($1.box.y0, $1.box.x0) }
        let starts = column.indices.filter { column[$0].box.y0 <= band.box.y0 }
        return starts.map { i in column[i...].map(\.text).joined(separator: " ") }
    }

    /// Whether the numbers of an OCR'd page are printed in Thai digits: at least
    /// `ocrThaiDigitPageMinimum` of its score-shaped numbers are read in Thai digits, and they are at
    /// least `ocrThaiDigitPageShare` of them. On such a page Tesseract gives some Thai glyphs as ASCII
    /// digits (๐ as 0, ๑ as 1), so an ASCII reading there is no independent reading of the print.
    static func printsThaiDigits(_ lines: [TextLine], _ settings: InterpretSettings) -> Bool {
        var thai = 0, ascii = 0
        for w in lines.flatMap({ $0.segments.flatMap(\.words) }) {
            let s = w.raw.unicodeScalars
            guard s.allSatisfy({ ThaiScript.isDigit($0.value) || $0 == "." }),
                  OCRScorePolicy.scoreShaped(OCRScorePolicy.ascii(w.raw)) else { continue }
            if s.contains(where: { ThaiScript.isThaiDigit($0.value) }) { thai += 1 } else { ascii += 1 }
        }
        return Double(thai) >= settings.ocrThaiDigitPageMinimum && Double(thai) >= settings.ocrThaiDigitPageShare * Double(thai + ascii)
    }
}
