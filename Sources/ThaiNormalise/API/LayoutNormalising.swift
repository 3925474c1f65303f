import ITAModel
import PageLayout

extension ThaiNormaliser {
    /// The normalise stage: every text unit of `layout` that interpret reads, normalised once (see
    /// `NormalisedLayout`). It runs after layout, not on the glyphs before it: SARA AM typed as two
    /// glyphs, marks split from their base and wrap joins are repairs of joined text, which only
    /// exists once layout has grouped glyphs into words, lines and cells (Sources/README.md, step 3).
    public func normalise(_ layout: DocumentLayout) -> NormalisedLayout {
        var segments: [[[NormalisedText]]] = []
        var pieces: [Int: [[[NormalisedPiece]]]] = [:]
        var cells: [ByteKey: NormalisedText] = [:]
        segments.reserveCapacity(layout.pages.count)
        for page in layout.pages {
            segments.append(page.lines.map { line in line.segments.map { normalise($0.text) } })
            if pieces[page.page] == nil {
                // An uncut segment is read as the segment itself: only cuts of two or more pieces
                // are texts of their own.
                pieces[page.page] = CellPieces.pieces(of: page, layout.settings).map { line in
                    line.map { cut in
                        cut.count > 1 ? cut.map { NormalisedPiece(segment: $0, text: normalise($0.text)) } : []
                    }
                }
            }
            for table in page.tables {
                for row in table.rows {
                    for cell in row.cells {
                        let key = NormalisedLayout.key(cell.lines)
                        if cells[key] == nil { cells[key] = normaliseLines(cell.lines) }
                    }
                }
            }
        }
        return NormalisedLayout(layout: layout, segments: segments, pieces: pieces, cells: cells, normaliser: self)
    }
}
