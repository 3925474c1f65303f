import ITAModel
import PageLayout
import ThaiNormalise

/// Whether a sentence of a paragraph ends with one of its lines, told from the page's geometry:
/// the next line does not go on from it. A rating word ending such a line is the rating, whatever
/// the next line opens with (`HeadlineFinder.ratings`: tune seeds 330 and 282, `ระดับผลการประเมิน
/// อยู่ที่ ผ่าน` over a heading `การนำผล...` or a title `มาตรการ...`).
enum SentenceEnd {
    /// True when the sentence ends with line `k` of `block` (an index into its `lineIndexes`): the
    /// next line starts right of it (a centred title, an indented new paragraph:
    /// `InterpretSettings.sentenceNextLineIndent`), or the line left room for the next line's first
    /// word (a wrapped sentence fills its line, as wide as the paragraph's longest line above it:
    /// the line just above may itself have wrapped early, before a long number, tune seed 384).
    /// Only inside a paragraph (not a cell block) and for a line with one before and one after it.
    static func after(line k: Int, of block: TextBlock, _ reader: DocumentReader) -> Bool {
        guard block.segmentIndex == nil, k + 1 < block.lineIndexes.count, k >= 1 else { return false }
        let line = reader.lines[block.lineIndexes[k]]
        let next = reader.lines[block.lineIndexes[k + 1]]
        // Only a next line starting further right ends it: one starting further left follows an
        // indented first line (`…ระดับคะแนนปีที่ผ่าน` / `มา …`), and the sentence goes on.
        if line.box.isIndented(next: next.box, by: reader.settings.sentenceNextLineIndent) { return true }
        guard let first = next.segments.first else { return false }
        return line.box.room(under: block.lineIndexes[..<k].map { reader.lines[$0].box }) > firstWordWidth(first)
    }

    /// How wide a segment's first word is printed: its first dictionary word (ICU's Thai word
    /// breaking, as word processors wrap Thai, which has no spaces between words: `การ` of
    /// `การนำผลการวิเคราะห์...`), as its share of the segment's spacing characters (marks above
    /// and below take no width).
    static func firstWordWidth(_ segment: ReadSegment) -> Double {
        func spacing(_ s: String) -> Int { s.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }.count }
        let text = segment.text
        let word = ThaiWords.tokens(text).first { !$0.unicodeScalars.allSatisfy(UnicodeWhitespace.contains) } ?? text
        return segment.box.widthShare(spacing(word), of: spacing(text))
    }
}
