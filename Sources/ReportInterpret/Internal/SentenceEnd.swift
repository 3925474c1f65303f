import ITAModel

/// Whether a sentence of a paragraph ends with one of its lines, told from the page's geometry:
/// the next line does not go on from it. A rating word ending such a line is the rating, whatever
/// the next line opens with (`HeadlineFinder.ratings`: tune seeds 330 and 282, `ระดับผลการประเมิน
/// อยู่ที่ ผ่าน` over a heading `การนำผล...` or a title `มาตรการ...`).
enum SentenceEnd {
    /// True when the sentence ends with line `k` of `block` (an index into its `lineIndexes`): the
    /// next line starts right of it (a centred title, an indented new paragraph:
    /// `InterpretSettings.sentenceNextLineIndent`), or the line left room for the next line's first
    /// word (a wrapped sentence fills its line, as wide as the line before it). Only inside a
    /// paragraph (not a cell block) and for a line with one before and one after it.
    static func after(line k: Int, of block: TextBlock, _ reader: DocumentReader) -> Bool {
        guard block.segmentIndex == nil, k + 1 < block.lineIndexes.count, k >= 1 else { return false }
        let previous = reader.lines[block.lineIndexes[k - 1]], line = reader.lines[block.lineIndexes[k]]
        let next = reader.lines[block.lineIndexes[k + 1]]
        // Only a next line starting further right ends it: one starting further left follows an
        // indented first line (`…ระดับคะแนนปีที่ผ่าน` / `มา …`), and the sentence goes on.
        if next.box.x0 - line.box.x0 > reader.settings.sentenceNextLineIndent { return true }
        guard let first = next.segments.first else { return false }
        let scalars = first.text.unicodeScalars
        let word = scalars.prefix { !UnicodeWhitespace.contains($0) }.count
        let wordWidth = first.box.width * Double(word) / Double(max(1, scalars.count))
        return previous.box.x1 - line.box.x1 > wordWidth
    }
}
