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
                             texts: NormalisedLayout, settings: InterpretSettings, starts: inout [Int: [Double]]) {
        for l in governed {
            for seg in lines[l].segments where !band.straddles(seg.box, settings) {
                starts[band.column(for: seg.box), default: []].append(seg.box.x0)
            }
        }
        func startsCell(_ w: Word, column: Int) -> Bool {
            Double((starts[column] ?? []).filter { abs($0 - w.box.x0) <= settings.planColumnStartTolerance }.count)
                >= settings.planColumnStartEvidence
        }
        for l in governed {
            let words = layoutLines[l].segments.flatMap(\.words)
            var segments: [ReadSegment] = []
            for seg in lines[l].segments {
                guard band.straddles(seg.box, settings) else { segments.append(seg); continue }
                // Words whose middle lies in the segment (up to a slack either side: box rounding).
                let slack = settings.planWordInSegmentSlack
                let inside = words.filter { seg.box.x0 - slack <= $0.box.midX && $0.box.midX <= seg.box.x1 + slack }
                var groups: [[Word]] = []
                var column: Int?
                for w in inside {
                    let c = band.column(for: w.box)
                    if let current = column, c != current, startsCell(w, column: c) {
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
            lines[l] = lines[l].with(segments: segments)
        }
    }
}
