import ITAModel
import PageLayout

/// A rating the page break parted from its cue (tune seed 389: `...ระดับผลการประเมินอยู่ที่` at a
/// page's foot, the rating `ผ่านดี` at the top of the next page). Readers look here only for a rating
/// that no single page gave, and only where the break plainly cut the sentence: the page's text ends
/// with a whole rating phrase (`ratingSentenceCues`, never the bare ระดับ of `...ทุกระดับ` or
/// `...ออกเป็น ๗ ระดับ`), followed by nothing but `ratingCueFollowers` ("อยู่ที่", "คือ"); the next
/// page's text opens with a rating word standing as a word of its own (not `ผ่านช่องทาง...`); and
/// neither line is a row of columns (a legend row `ผ่านดีเยี่ยม | 95.00-100` is no sentence).
/// Page furniture is looked past: page numbers, and margin lines that stand apart from the page's
/// text (a running header or footer); a margin line in the text's line step is text.
enum PageBreakSentence {
    struct Carried {
        var rating: Rating
        /// The two lines joined (the cue's, the rating's), for the provenance.
        var block: TextBlock
        /// The cue's start and the rating word's end, scalar positions in `block`'s text.
        var pos: Int
        var end: Int
        /// The year printed before the cue on its line, if any.
        var year: Int?
    }

    /// The ratings carried over the document's page breaks, in page order.
    static func ratings(_ reader: DocumentReader, _ cues: ITAVocabulary.Cues) -> [Carried] {
        let sentenceCues = cues.ratingSentenceCues.map { KeyedText.keyString($0) }
        let followers = cues.ratingCueFollowers.map { KeyedText.keyString($0) }
        // Longest spelling first: ผ่านดีเยี่ยม before ผ่านดี before ผ่าน.
        let words = Rating.allCases.map { ($0, KeyedText.keyString($0.rawValue)) }.sorted { $0.1.count > $1.1.count }
        var out: [Carried] = []
        let pages = Set(reader.lines.map(\.page)).sorted()
        for (page, next) in zip(pages, pages.dropFirst()) where next == page + 1 {
            guard let last = reader.lastLine(onPage: page, where: { _ in true }),
                  let first = reader.firstLine(onPage: next, where: { _ in true }),
                  let upper = bodyLine(from: last, step: -1, reader),
                  let lower = bodyLine(from: first, step: 1, reader) else { continue }
            let up = reader.lines[upper], down = reader.lines[lower]
            // A row of columns on either side is a table's, not a sentence's.
            guard up.segments.count == 1, down.segments.count == 1 else { continue }
            // The cue ends the page's text.
            var tail = KeyedText.keyString(up.text)
            var stripped = true
            while stripped {
                stripped = false
                for f in followers where !f.isEmpty && tail.hasSuffix(f) && !sentenceCues.contains(where: { tail.hasSuffix($0) }) {
                    tail = String(tail.dropLast(f.count)); stripped = true; break
                }
            }
            guard let cue = sentenceCues.filter({ tail.hasSuffix($0) }).max(by: { $0.count < $1.count }) else { continue }
            // The rating word is the next page's first word, whole.
            let lowerText = down.text
            let firstWord = lowerText.split(whereSeparator: { $0.isWhitespace }).first.map(String.init) ?? ""
            let wordKey = KeyedText.keyString(String(String.UnicodeScalarView(firstWord.unicodeScalars.filter { !$0.properties.isPunctuationLike })))
            guard let (rating, _) = words.first(where: { $0.1 == wordKey }) else { continue }
            let joined = block(upper: up.text, lower: lowerText, lines: [upper, lower], reader)
            let kt = KeyedText(up.text)
            // Where the cue starts in the upper line: the last occurrence of the cue found at its end.
            let cueStart = kt.occurrences(of: cue).last?.lowerBound ?? 0
            let numbers = NumberTokens.find(in: kt)
            let year = YearFinder.yearBefore(cueStart, among: numbers, maxScalars: Int(reader.settings.headlineYearWindow)).map { Int($0.value) }
            let wordStart = lowerText.unicodeScalars.prefix { $0.properties.isWhitespace }.count
            out.append(Carried(rating: rating, block: joined, pos: cueStart,
                               end: joined.lineStarts[1] + wordStart + firstWord.unicodeScalars.count, year: year))
        }
        return out
    }

    /// From line `i` (a page's last line, `step` -1, or its first, `step` 1), the first line going
    /// into the page that is its text: page numbers are passed, and so is a line in the page's
    /// margin that stands apart from its neighbour further in (more than `marginLineStepPitch` of the
    /// page's line pitches): a running header or footer. A margin line in the text's line step is
    /// the text's (v000389's rating, at the top of page 2 in its top margin).
    private static func bodyLine(from i: Int, step: Int, _ reader: DocumentReader) -> Int? {
        let page = reader.lines[i].page
        let pageLines = reader.lines.indices.filter { reader.lines[$0].page == page }
        let grid = reader.pageGeometry(page: page).grid
        var k = i
        while pageLines.contains(k) {
            let line = reader.lines[k]
            if line.furniture.contains(.pageNumber) { k += step; continue }
            if line.furniture.isEmpty { return k }
            // A margin line: text only if the line further in follows it at the text's step.
            let inner = k + step
            guard pageLines.contains(inner) else { return nil }
            if grid.topsWithin(pitches: reader.settings.marginLineStepPitch, reader.lines[inner].box, line.box) { return k }
            k += step
        }
        return nil
    }

    /// A paragraph block of the two lines, composed as `DocumentReader.textBlocks` composes one.
    private static func block(upper: String, lower: String, lines: [Int], _ reader: DocumentReader) -> TextBlock {
        let text = upper + " " + lower
        return TextBlock(text: text, keyed: KeyedText(text), page: reader.lines[lines[0]].page,
                         lineIndexes: lines, lineStarts: [0, upper.unicodeScalars.count + 1], segmentIndex: nil)
    }
}

private extension Unicode.Scalar.Properties {
    /// Punctuation a word may carry against it ("ผ่านดี," "(ผ่านดี)").
    var isPunctuationLike: Bool {
        switch generalCategory {
        case .openPunctuation, .closePunctuation, .otherPunctuation, .initialPunctuation, .finalPunctuation,
             .dashPunctuation, .connectorPunctuation: return true
        default: return false
        }
    }
}
