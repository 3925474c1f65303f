import ITAModel
import PageLayout
import ThaiNormalise

/// A question cell cut by a page break: the question row is the last thing on its page and the
/// next page opens with the rest of its text (no code, no score) in the same column. That text is
/// appended to the question, with normal wrap joining, and named in the provenance
/// (`Provenance.continuation`).
struct QuestionPageBreak {
    typealias Ref = QuestionPageGeometry.Ref

    let vocabulary: QuestionTableVocabulary
    /// The normalise stage's view (the question's lines with those after the break are composed here).
    let texts: NormalisedLayout

    /// One side of the break.
    struct Side {
        var geometry: QuestionPageGeometry
        /// The page's layout: where its margins lie (page furniture near the edges is ignored).
        var layoutPage: PageLayoutResult
        /// First rows of the page's tables that the layout marked as the rest of a row broken by
        /// the page break (`Table.firstRowContinuesPrevious`).
        var brokenRows: [Box] = []
    }

    /// Appends the continued text found at the top of `next` to the last question rows of
    /// `previous` (one per text column: side-by-side groups each continue).
    func join(_ printings: inout [QuestionPrinting], previous: Side, next: Side) {
        guard next.geometry.page == previous.geometry.page + 1, !printings.isEmpty else { return }
        let g = next.geometry
        let s = g.settings
        // The last row of each text column, when it is the last thing on its page.
        let lastOfColumn = RowBreakEdges.lowestOfEachColumn(printings.map(\.row), tolerance: s.breakColumnTolerance)
        let columnXs = lastOfColumn.map { printings[$0].row.edges.textX }.sorted()
        var blocks: [(printing: Int, refs: [Ref], top: Double, bottom: Double)] = []
        for i in lastOfColumn {
            let p = printings[i]
            let old = previous.geometry
            let below = old.grid.hasLine(below: p.row.bottom, pitches: s.breakBelowPitch, above: previous.layoutPage.bottomMarginTop(share: s.breakPageMargin),
                                         skip: { old.lines[$0].furniture.contains(.pageNumber) })
            guard !below, let refs = continuedText(of: p.row, on: next, columnXs: columnXs) else { continue }
            let extent = g.grid.extent(of: refs)
            blocks.append((i, refs, extent.top, extent.bottom))
        }
        // The blocks of one cut row overlap down the page (side-by-side groups each hold a piece of
        // it; a vertically centred cell's piece starts lower).
        guard let (order, inRow, rowBottom) = g.grid.oneRow(blocks.map { ($0.top, $0.bottom) }) else { return }
        blocks = Array(order.prefix(inRow).map { blocks[$0] })
        // Confirmed as a table row cut by the break: the layout marked the page's first row as the
        // rest of a broken row; or in some column the next cell down is a question code; or the
        // question sits in a narrow column whose last line on the old page runs to the cell's
        // edge (unfinished) and whose new lines stay inside the cell (prose would run wider).
        // The layout's mark (`TableContinuation.brokenRow`) alone is not enough: it needs a table
        // found on both pages, lined up, whose first row has no number, where a question cell's
        // text runs on in its column whether or not a table was found. With it alone, Corpus lost
        // the continued text of 11 questions read right (s000 i20 and o35, g02 e11, g08 i24, g09 i10,
        // e7 and o17, g12 o42, v000151 e4); it also dropped 11 wrong joins (v000152's repeated
        // header word "ประเด็นข้อคำถาม" added to 9 questions, v000079's "รหัส"), which remain to fix.
        let page = previous.geometry.grid.textSpan
        let confirmed = blocks.contains { b in
            let p = printings[b.printing].row
            if p.stopsMidLineInNarrowCell(span: page, narrowShare: s.breakNarrowColumnShare, lastLineShare: s.breakLastLineShare),
               g.grid.allEnd(b.refs, atOrLeftOf: p.continuedTextReach(overrun: s.breakCellOverrun, slack: s.breakCellEdgeSlack)) {
                return true
            }
            let column = p.column(slack: s.breakCellEdgeSlack)
            if g.grid.anyBox(next.brokenRows, besideOf: b.refs[0], left: column.left, right: column.right) {
                return true
            }
            if let r = g.grid.nextStart(below: b.refs.last!.line, within: s.breakCodeSearchPitches, of: rowBottom,
                                        columnXs: [p.edges.codeX, p.edges.textX], tolerance: s.breakColumnTolerance) {
                return QuestionTokens.codePrefix(g.segment(r).text, vocabulary.codeLetters) != nil
            }
            return false
        }
        guard confirmed else { return }
        for b in blocks {
            let raws = b.refs.map { g.segment($0).raw }
            printings[b.printing].rawLines += raws
            let joined = texts.composed(lines: printings[b.printing].rawLines.filter { !$0.isEmpty })
            let text = joined.text
            let piece = Provenance(page: g.page, box: g.grid.union(b.refs),
                                   raw: raws.joined(separator: "\n"), via: "text")
            for k in printings[b.printing].scores.indices {
                var q = printings[b.printing].scores[k]
                q.question = text.isEmpty ? nil : text
                if var source = q.source {
                    source.continuation = (source.continuation ?? []) + [piece]
                    // The question's text is read again over the break: its changes with it.
                    source.changes = source.changes?.filter { $0.field != "question" }
                    if source.changes?.isEmpty == true { source.changes = nil }
                    source = source.with(changes: joined.changes.map { $0.inField("question") })
                    q.source = source
                }
                printings[b.printing].scores[k] = q
            }
        }
    }

    /// The segments at the top of `next` in the question's text column that carry on its text:
    /// nothing above them in the column but page furniture and a repeated table header, no code,
    /// score or title among them, and no score beside them in the question's group.
    private func continuedText(of p: RowBreakEdges, on next: Side, columnXs: [Double]) -> [Ref]? {
        let g = next.geometry
        let s = g.settings
        let tol = s.breakColumnTolerance
        let columnRight = p.nextColumnStart(among: columnXs, tolerance: tol)
        func isTitle(_ t: String) -> Bool {
            vocabulary.isHeader(t) || !vocabulary.yearLabel(t).isEmpty || vocabulary.isChangeLabel(t)
        }
        func isOther(_ r: Ref) -> Bool {
            let t = g.segment(r).text
            return QuestionTokens.codePrefix(t, vocabulary.codeLetters) != nil || QuestionTokens.score(t) != nil || isTitle(t)
        }
        // The top-most segment of the column (the question's, from its code to its text's end,
        // boxes overshooting) must start at the text's x. Page furniture and a table header
        // repeated on the new page are passed.
        let column = p.column(slack: s.breakCellEdgeSlack)
        guard let start = g.grid.firstInColumn(left: column.left, right: column.right,
                                               below: next.layoutPage.topMarginBottom(share: s.breakPageMargin),
                                               skip: { l in g.lines[l].furniture.contains(.pageNumber) || g.lines[l].segments.allSatisfy { isTitle($0.text) } }),
              g.grid.starts(start, at: p.edges.textX, tolerance: tol), !isOther(start) else { return nil }
        let block = [start] + g.continuation(of: start, x0: p.edges.textX, stop: isOther)
        // No score in the question's group on the block's lines: the row there is text only. (A lone
        // digit is the wrapped tail of a score printed on the previous page: "๑๐๐.๐" + "๐".)
        for r in g.grid.segments(besideOf: block, from: p.scoreColumnStart(slack: s.scoreTextEdgeSlack), before: columnRight) {
            let text = g.segment(r).text
            if QuestionTokens.score(text) != nil, text.unicodeScalars.count > 1 { return nil }
        }
        return block
    }

}
