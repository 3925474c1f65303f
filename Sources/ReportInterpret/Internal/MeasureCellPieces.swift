import ITAModel
import PageLayout
import ThaiCharacters
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
        guard let pieces = reader.normalised.pieces[page] else { return lines }
        return zip(lines, pieces).map { line, linePieces in
            guard linePieces.count == line.segments.count else { return line }
            var segments: [ReadSegment] = []
            for (seg, cut) in zip(line.segments, linePieces) {
                // An uncut segment keeps its reading (no pieces); a piece's raw text is its words' text.
                guard !cut.isEmpty else { segments.append(seg); continue }
                segments += cut.map { piece in
                    ReadSegment(text: piece.text.text, raw: piece.segment.text, box: piece.segment.box, page: seg.page,
                                changes: piece.text.changes)
                }
            }
            // Pieces are normalised again from their words: a confirmed code is confirmed again.
            let read = line.with(segments: segments)
            return layoutPage.recognised ? reader.catalogueCodes.fix(read, reader.settings) : read
        }
    }

    /// Cuts the plan's body lines where a segment runs over a column border of the header above
    /// them: in a packed borderless plan the layout's own columns can miss a narrow gutter
    /// ("ไตรมาสที่ 2- กองการเจ้า" over period and owner), while the header names the columns. A
    /// segment is cut only before a word that starts where cells of that column start on at
    /// least `planColumnStartEvidence` other lines (cell text is left-aligned): a word that merely
    /// reaches past a narrow, centred header text is no cell start. `governed` lists the lines
    /// (indices into `lines`) under `band`. `starts` holds the cell starts per column seen so far
    /// under the same plan's columns on earlier pages (a plan is cut where its cells start on any
    /// of its pages: a page may run most of its cells together); this page's are added to it.
    static func cutAtColumns(_ lines: inout [ReadLine], governed: [Int], layoutLines: [TextLine], band: MeasureHeaderBand,
                             texts: NormalisedLayout, settings: InterpretSettings, starts: inout ColumnCellStarts) {
        let columns = band.headerColumns
        // A mark alone wholly in a gutter (under no header cell) shows no column's start: a cell's
        // tail set apart there (`ตุลาคม 2566 | - | ทุก`, fresh tune 1250) would otherwise, on two
        // lines, make its x a start of the next column and keep it from rejoining its cell. A piece
        // with a letter or digit there is a short cell under a narrow, centred header (`สป.`) and
        // still shows where its column's cells start.
        for l in governed {
            for seg in lines[l].segments where !band.straddles(seg.box, settings)
                && (ThaiScript.containsLetterOrDigit(seg.text) || columns.overlapsAny(seg.box)) {
                starts.record(seg.box, in: columns)
            }
        }
        // The header cell's own text counts as a start when it starts there too (a left-aligned
        // header over left-aligned cells): a plan of one row per page has few body lines to show
        // where a column's cells start (fresh tune seed 526: `ก.ย. งาน` over period and owner).
        func startsCell(_ box: Box, column: Int) -> Bool {
            starts.startsCell(box, column: column, of: columns, tolerance: settings.planColumnStartTolerance,
                              headerEvidence: settings.planHeaderStartEvidence, evidence: settings.planColumnStartEvidence)
        }
        // A segment that starts in the gutter left of the one column it overlaps runs a cell's tail
        // into the next cell (fresh tune 1221: `ไตรมาส ๑-` reached into the gutter, `๑- สำนัก` was
        // one piece over the owner's column): its words are cut like a straddling segment's.
        func startsInGutter(_ box: Box) -> Bool { columns.startsInGutter(box, tolerance: settings.planColumnStartTolerance) }
        // A mark alone wholly in a gutter (no letter or digit, under no header cell) ends the cell
        // on its left, as it shows no column's start: the period's `-` of `ตุลาคม ๒๕๖๖ -`, run into
        // the owner `กอง` on the same baseline (fresh tune 1447), lies nearer the owner's header
        // than the period's, and was read as the owner's (`- กองคลัง`). The words after it are
        // still cut only where their column's cells start. A mark where its own column's cells
        // start is that cell's bullet (`- ...` under a centred header), never the left cell's end.
        func gutterMarkColumn(_ w: Word) -> Int? {
            guard !ThaiScript.containsLetterOrDigit(w.text), !startsCell(w.box, column: band.column(for: w.box)) else { return nil }
            return band.headerColumns.column(endingBeforeGutter: w.box)
        }
        for l in governed {
            let words = layoutLines[l].segments.flatMap(\.words)
            var segments: [ReadSegment] = []
            for seg in lines[l].segments {
                guard band.straddles(seg.box, settings) || startsInGutter(seg.box) else { segments.append(seg); continue }
                // Words whose middle lies in the segment (up to a slack either side: box rounding).
                let inside = SegmentWords.words(words, inside: seg.box, slack: settings.planWordInSegmentSlack)
                var groups: [[Word]] = []
                var column: Int?
                for w in inside {
                    let c = gutterMarkColumn(w) ?? band.column(for: w.box)
                    if let current = column, c != current, startsCell(w.box, column: c) {
                        groups.append([w]); column = c
                    } else if groups.isEmpty {
                        groups.append([w]); column = c
                    } else {
                        groups[groups.count - 1].append(w)
                    }
                }
                guard groups.count > 1 else { segments.append(seg); continue }
                for g in groups {
                    let raw = g.map(\.text).joined(separator: " ")
                    let normalised = texts.composed(words: raw)
                    segments.append(ReadSegment(text: normalised.text, raw: raw,
                                                box: Box.union(g.map(\.box)) ?? seg.box, page: seg.page, changes: normalised.changes))
                }
            }
            lines[l] = lines[l].with(segments: rejoined(segments, layoutSegments: layoutLines[l].segments))
        }

        /// Pieces of one layout segment cut apart in a gutter put together again. The layout cuts
        /// a segment at the column borders of the tables it finds on the page, and a borderless
        /// table's columns come from its words: a period running past its header's text can give a
        /// column of its own (fresh tune seed 485: `ปีงบประมาณ พ.ศ. | ๒๕๖๗`, the year then read as
        /// the owner's). A piece that overlaps no header cell and lies past the column its left
        /// neighbour (of the same layout segment) is in is that cell's tail, unless it starts where
        /// the next column's cells start.
        func rejoined(_ segments: [ReadSegment], layoutSegments: [Segment]) -> [ReadSegment] {
            func layoutSegment(holding box: Box) -> Int? {
                SegmentWords.segment(holding: box, in: layoutSegments, slack: settings.planWordInSegmentSlack)
            }
            var out: [ReadSegment] = []
            for seg in segments {
                guard let left = out.last else { out.append(seg); continue }
                let k = band.column(for: left.box)
                guard columns.liesInGutter(seg.box, after: k),
                      let own = layoutSegment(holding: seg.box), layoutSegment(holding: left.box) == own,
                      !startsCell(seg.box, column: k + 1) else { out.append(seg); continue }
                let raw = left.raw + " " + seg.raw
                let normalised = texts.composed(words: raw)
                out[out.count - 1] = ReadSegment(text: normalised.text, raw: raw, box: Box.union([left.box, seg.box]) ?? left.box,
                                                 page: left.page, changes: normalised.changes)
            }
            return out
        }
    }
}
