import ITAModel

/// A sentence a page break cut: the paragraph that ends a page's text read on with the paragraph
/// that opens the next page's, page numbers left out (tune seed 389: `...ระดับผลการประเมินอยู่ที่`
/// at a page's foot, the rating `ผ่านดี` at the top of the next page). Readers look here only for
/// a value that no single page gave, and keep it only when it lies on the next page's part.
enum PageBreakSentence {
    struct Joined {
        var block: TextBlock
        /// Scalar position in `block`'s text where the next page's lines start.
        var nextPageStart: Int
    }

    /// One joined block per page break with a paragraph on both sides (`blocks` are the document's
    /// text blocks in reading order, `DocumentReader.textBlocks`).
    static func blocks(_ blocks: [TextBlock], _ reader: DocumentReader) -> [Joined] {
        let paragraphs = blocks.filter { $0.segmentIndex == nil }
        func body(_ l: Int) -> Bool { !reader.lines[l].furniture.contains(.pageNumber) }
        var out: [Joined] = []
        let pages = Set(reader.lines.map(\.page)).sorted()
        for (page, next) in zip(pages, pages.dropFirst()) where next == page + 1 {
            guard let last = reader.lastLine(onPage: page, where: { !$0.furniture.contains(.pageNumber) }),
                  let first = reader.firstLine(onPage: next, where: { !$0.furniture.contains(.pageNumber) }),
                  let before = paragraphs.last(where: { $0.lineIndexes.contains(last) }),
                  let after = paragraphs.first(where: { $0.lineIndexes.contains(first) }) else { continue }
            let upper = before.lineIndexes.filter(body), lower = after.lineIndexes.filter(body)
            guard !upper.isEmpty, !lower.isEmpty else { continue }
            let joined = block(lines: upper + lower, reader)
            out.append(Joined(block: joined, nextPageStart: joined.lineStarts[upper.count]))
        }
        return out
    }

    /// A paragraph block of these lines, composed as `DocumentReader.textBlocks` composes one.
    private static func block(lines: [Int], _ reader: DocumentReader) -> TextBlock {
        var text = ""
        var starts: [Int] = []
        var count = 0
        for (n, i) in lines.enumerated() {
            if n > 0 { text += " "; count += 1 }
            starts.append(count)
            let piece = reader.lines[i].segments.map(\.text).joined(separator: " ")
            text += piece
            count += piece.unicodeScalars.count
        }
        return TextBlock(text: text, keyed: KeyedText(text), page: reader.lines[lines[0]].page,
                         lineIndexes: lines, lineStarts: starts, segmentIndex: nil)
    }
}
