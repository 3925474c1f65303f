import ITAModel
import PageLayout
import ThaiNormalise

/// A page's lines with every segment cut into the cell pieces the layout stage finds
/// (`PageLayout.CellPieces`: cells a narrow gutter ran together, cut at wide word gaps and at the
/// column boundaries of the page's tables), each piece's text normalised.
enum MeasureCellPieces {
    /// The page's lines with every segment cut into cell pieces (segments kept as they are when
    /// the layout's lines for the page do not match the lines).
    static func lines(of page: Int, _ lines: [ReadLine], reader: DocumentReader) -> [ReadLine] {
        let layoutPage = reader.layoutPage(page)
        guard layoutPage.lines.count == lines.count else { return lines }
        let pieces = CellPieces.pieces(of: layoutPage, reader.layout.settings)
        return zip(lines, pieces).map { line, linePieces in
            guard linePieces.count == line.segments.count else { return line }
            var segments: [ReadSegment] = []
            for (seg, cut) in zip(line.segments, linePieces) {
                // An uncut segment keeps its reading; a piece's raw text is its words' text.
                guard cut.count > 1 else { segments.append(seg); continue }
                segments += cut.map { piece in
                    ReadSegment(text: reader.normaliser.normalise(piece.text).text, raw: piece.text, box: piece.box, page: seg.page)
                }
            }
            return ReadLine(page: line.page, box: line.box, segments: segments)
        }
    }
}
