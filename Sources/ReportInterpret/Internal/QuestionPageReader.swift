import ITAModel
import PageLayout
import ThaiNormalise

/// One question row read from a page: its scores (one per year column, or one) and where its
/// text cell is, so that text the page break cut off can be added from the next page.
struct QuestionPrinting {
    var scores: [QuestionScore]
    /// The raw lines of the question text (after the code), top to bottom.
    var rawLines: [String]
    /// Where the row's cells lie (its `RowEdges`; the left edge of its leftmost score cell, nil
    /// when the score was glued to the text; the bottom of its text, scores and cells that start
    /// on the code's line): what the page-break join asks the layout stage about.
    var row: RowBreakEdges
}

/// Reads the question scores printed on one page (see `QuestionReader`).
struct QuestionPageReader {
    typealias Ref = QuestionPageGeometry.Ref

    let geometry: QuestionPageGeometry
    /// The page's boxes, for every geometry question (the layout stage's).
    var grid: PageGrid { geometry.grid }
    let vocabulary: QuestionTableVocabulary
    /// The normalise stage's view (a question's wrapped lines are composed here).
    let texts: NormalisedLayout
    /// The multi-year header in force for a line of the page (nil: a single-score table).
    var yearColumns: (Int) -> QuestionYearColumns? = { _ in nil }
    /// Codes `read` found with no score in a score position (quoted in a plan, a list of issues).
    private(set) var unscored: [String] = []
    /// Rows of an OCR'd page whose code was identified by their text (`QuestionTextIdentification`),
    /// by the line of the token printed for the code.
    var identified: [Int: QuestionTextIdentification.Found] = [:]
    /// Rows of an OCR'd page whose code the table's order confirmed (`QuestionCodeChain`), by the
    /// line of their token: a garbled token is read as its code; a code read as printed is marked.
    var chained: [Int: QuestionCodeChain.Found] = [:]
    /// The page's lines as the layout made them, before they were cut into cell pieces (the same
    /// lines, index for index; nil: `geometry`'s lines are uncut), and whether a word is a month:
    /// a number a table's column borders cut out of a date (`๓๐` of `๑ ต.ค. ๖๗ - ๓๐ ก.ย. ๖๘`) is no score.
    var uncut: [ReadLine]? = nil
    var isMonth: (String) -> Bool = { _ in false }
    /// Whether a word joins the parts of a period (`-`, `ถึง`): `๓๐` of `๑ ต.ค. ๖๘ - ๓๐` stands two
    /// numbers and a dash from its month.
    var linksPeriod: (String) -> Bool = { _ in false }
    /// Whether a number between two words counts a period's quarters or months (`ทุก ๖ เดือน`).
    var countsPeriod: (_ previous: String?, _ next: String?) -> Bool = { _, _ in false }

    /// A cell starting with a question code.
    private struct Anchor {
        var ref: Ref
        var code: QuestionTokens.CodePrefix
        /// A score printed before the code in the same segment ("91.20 i1 ...": a score column
        /// left of the code, run together by a narrow gap).
        var leadingScore: String? = nil
        /// The row's code found by its text, not read from its code cell.
        var identified: QuestionTextIdentification.Found? = nil
        /// The row's place in a chain of codes (`QuestionCodeChain`).
        var chained: QuestionCodeChain.Found? = nil
    }

    /// The page's question rows; `year` (the assessment year) labels single-score tables.
    mutating func read(year: Int?) -> [QuestionPrinting] {
        let refs = geometry.allRefs
        var anchors: [Anchor] = []
        var scores: [Ref: String] = [:]
        for r in refs {
            let text = geometry.segment(r).text
            if let f = chained[r.line], f.segment == r.segment, !f.printed, identified[r.line] == nil {
                // A garbled token the chain reads as its code: the text after it is the row's.
                anchors.append(Anchor(ref: r, code: QuestionTokens.CodePrefix(code: f.code, tool: f.tool,
                                                                              rest: f.glued ? QuestionTokens.withoutLeadingToken(text) : ""),
                                      chained: f))
            } else if let f = identified[r.line], f.segment == r.segment {
                anchors.append(Anchor(ref: r, code: QuestionTokens.CodePrefix(code: f.code, tool: f.tool, rest: ""), identified: f))
            } else if let c = QuestionTokens.codePrefix(text, vocabulary.codeLetters) {
                let f = chained[r.line].flatMap { $0.segment == r.segment && $0.printed && $0.code == c.code ? $0 : nil }
                anchors.append(Anchor(ref: r, code: c, chained: f))
            } else if let (lead, rest) = QuestionTokens.leadingScore(text), let c = QuestionTokens.codePrefix(rest, vocabulary.codeLetters) {
                anchors.append(Anchor(ref: r, code: c, leadingScore: lead))
            } else if let s = QuestionTokens.score(text), !isPageNumber(r) {
                scores[r] = s
            }
        }
        guard !anchors.isEmpty else { return [] }
        let scoreRefs = scores.keys.sorted()
        // Whether a cell of the page is a header cell, each told once: each row's text and band is
        // followed cell by cell until something starts another cell (`startsOther`), and a cell's
        // text was matched against the header words again for every row that reached it.
        var isHeaderCell: [Ref: Bool] = [:]
        func isHeader(_ r: Ref) -> Bool {
            if let known = isHeaderCell[r] { return known }
            let header = vocabulary.isHeader(geometry.segment(r).text)
            isHeaderCell[r] = header
            return header
        }
        var used = Set<Ref>()
        var out: [(order: Int, printing: QuestionPrinting)] = []
        let order = Dictionary(uniqueKeysWithValues: anchors.enumerated().map { ($0.element.ref, $0.offset) })
        // The rows of codes read are read among themselves first, as if no row had been found by
        // its text: a found row never takes their scores or ends their text. Rows found by their
        // text then take what is left, with every row bounding them.
        func readRows(_ list: [Anchor], universe: [Anchor]) {
            guard !list.isEmpty else { return }
            let universeRefs = universe.map(\.ref)
            let anchorRefs = Set(universeRefs)
            // The question rows' reach on this page: a number column is judged by the numbers between
            // the first and the last code (and a row's score band beyond them), not by a score of
            // another table above (v000263 p. 3: an indicator score over its row numbers).
            let rowsSpan = grid.span(of: universeRefs, abovePitch: geometry.settings.scoreBandAbovePitch,
                                     belowPitch: geometry.settings.scoreBandBelowPitch)

            // Something that starts a new cell in a column: a code, a score, or a header word.
            func startsOther(_ r: Ref) -> Bool {
                anchorRefs.contains(r) || scores[r] != nil || isHeader(r)
            }
            // ... or, for the row of the code at `codeX`, any cell on a line where the next code of
            // that code's own column starts (the next question's row). With the code in a column of
            // its own and one-line rows a line pitch apart, a text cell's continuation otherwise ran
            // on through every later row's text, and one wide text (a score run into it) hid the
            // scores of all the rows above it. Codes of another column (a question table printed
            // beside this one) do not end the row.
            var codesByLine: [Int: [Ref]] = [:]
            for a in universe { codesByLine[a.ref.line, default: []].append(a.ref) }
            func startsOther(_ r: Ref, code: Ref, tolerance: Double) -> Bool {
                startsOther(r) || (codesByLine[r.line]?.contains { grid.starts($0, alignedWith: code, tolerance: tolerance) } ?? false)
            }

            for a in list {
                let aSeg = geometry.segment(a.ref)
                // The question text: after the code in the same cell, or the next cell when the code
                // has a column of its own.
                var textStart = a.ref
                var firstRaw = QuestionTokens.codePrefix(aSeg.raw, vocabulary.codeLetters)?.rest
                    ?? QuestionTokens.leadingScore(aSeg.raw).flatMap { QuestionTokens.codePrefix($0.rest, vocabulary.codeLetters)?.rest } ?? a.code.rest
                // A garbled token the chain read is no part of the question's text (the raw cells keep it).
                if let f = a.chained, !f.printed { firstRaw = f.glued ? QuestionTokens.withoutLeadingToken(aSeg.raw) : "" }
                if a.code.rest.isEmpty, let next = nextTextCell(after: a.ref, scores: scores, anchors: anchorRefs) {
                    textStart = next
                    firstRaw = geometry.segment(next).raw
                }
                let textX = grid.rowEdges(code: a.ref, textStart: textStart, text: []).textX
                let codeColumn = grid.wrapIndentTolerance(of: a.ref)
                let endsRow: (Ref) -> Bool = { startsOther($0, code: a.ref, tolerance: codeColumn) }
                var more = geometry.continuation(of: textStart, x0: textX, stop: endsRow)
                var textRefs = [textStart] + more
                if textStart != a.ref { textRefs.insert(a.ref, at: 0) }
                // A row identified by its text: that text, over the lines above and below the code's.
                if let f = a.identified {
                    textRefs = f.textRefs.contains(a.ref) ? f.textRefs : [a.ref] + f.textRefs
                    more = Array(f.textRefs.dropFirst())
                    firstRaw = f.textRefs.first.map { geometry.segment($0).raw } ?? ""
                }
                let textBoxes = textRefs.map { geometry.segment($0).box }
                let edges = grid.rowEdges(code: a.ref, textStart: textStart, text: textRefs)
                let textRight = edges.textRight

                // The row: every cell starting on the code's line, followed down (cells of one table
                // row start together); a vertically centred score sits inside it.
                let rowBottom = grid.rowBottom(line: a.ref.line, floor: edges.textBottom, skip: { scores[$0] != nil }, stop: endsRow)
                // ... but never past the next code or header in the code's own column.
                let settings = geometry.settings
                let colTol = grid.wrapIndentTolerance(of: a.ref)
                let bandBottom = grid.bandBottom(below: a.ref.line, from: rowBottom, pitchesBelow: settings.scoreBandBelowPitch,
                                                 columnXs: [edges.codeX, edges.textX], tolerance: colTol,
                                                 gap: settings.scoreBandNextCellGap, isOwn: { textRefs.contains($0) })
                let bandTop = grid.bandTop(of: a.ref, abovePitch: settings.scoreBandAbovePitch)

                // Unused scores right of the text, with no other code column between. A whole number
                // ("๖๗") must be a cell of its own: when other text of the row shares its column it is
                // a piece of a text cell (a period's year wrapped alone, a count), never a score.
                // (Two-decimal scores are kept: OCR leaves stray marks beside real score cells.)
                let candidates = scoreRefs.filter { r in
                    guard !used.contains(r) else { return false }
                    guard grid.starts(r, top: bandTop, bottom: bandBottom, atOrRightOf: edges.scoreColumnStart(slack: settings.scoreTextEdgeSlack)) else { return false }
                    if !scores[r]!.contains("."), sharesColumnWithText(r, top: bandTop, bottom: bandBottom, scores: scores) { return false }
                    if !scores[r]!.contains("."), isCutFromDate(r) { return false }
                    return !grid.anyStarts(universeRefs, rightOf: textRight, before: r, top: bandTop, bottom: bandBottom)
                }
                var rawLines = [firstRaw] + more.map { geometry.segment($0).raw }
                // A code found by its text: the token run into its segment (`id เจ้าหน้าที่...`) is no
                // part of the question's text (the raw cells keep it). Lines run as `f.textRefs`.
                if let f = a.identified, f.glued, let k = f.textRefs.firstIndex(of: a.ref) {
                    rawLines[k] = QuestionTokens.withoutLeadingToken(rawLines[k])
                }
                // How a code found by its text was found: the token printed for it, and the code.
                let codeChanges = a.identified.map {
                    [TextChange(kind: "code_from_text", offset: 0, before: $0.token, after: $0.code).inField("code")]
                } ?? a.chained.map {
                    [TextChange(kind: $0.printed ? QuestionCodeChain.inSequence : QuestionCodeChain.fromSequence,
                                offset: 0, before: $0.token, after: $0.code).inField("code")]
                } ?? []
                func normalised(_ lines: [String]) -> NormalisedText { texts.composed(lines: lines.filter { !$0.isEmpty }) }
                let textRaw = textRefs.map { geometry.segment($0).raw }.joined(separator: "\n")
                func printing(_ scores: [QuestionScore], lines: [String], scoreRefs: [Ref]) -> QuestionPrinting {
                    QuestionPrinting(scores: scores, rawLines: lines,
                                     row: RowBreakEdges(edges: edges, scoreLeft: grid.left(of: scoreRefs),
                                                        bottom: grid.bottom(of: scoreRefs, floor: rowBottom)))
                }

                // A multi-year table: one score per year column; change columns are read and left out.
                // Values in a change column are never a score, not even in the single-score fallback below.
                var changeValues = Set<Ref>()
                if let columns = yearColumns(a.ref.line) {
                    let assigned = columns.assign(candidates, on: grid)
                    for (i, column) in assigned where column.year == nil { changeValues.insert(candidates[i]) }
                    let years = assigned.filter { $0.column.year != nil }.count
                    if years >= 2 { columns.confirmation.seen = true }
                    if years >= 2 || (years == 1 && columns.confirmation.seen) {
                        let questionText = normalised(rawLines)
                        let question = questionText.text
                        var perYear: [QuestionScore] = []
                        for (i, column) in assigned {
                            used.insert(candidates[i])
                            guard let y = column.year else { continue }
                            let seg = geometry.segment(candidates[i])
                            let box = (Box.union(textBoxes) ?? aSeg.box).union(seg.box)
                            perYear.append(QuestionScore(year: y, code: a.code.code, tool: a.code.tool,
                                                         question: question.isEmpty ? nil : question, score: scores[candidates[i]]!,
                                                         page: geometry.page,
                                                         source: Provenance(page: geometry.page, box: box, cells: [textRaw, seg.raw], via: "text")
                                                            .with(changes: questionText.changes.map { $0.inField("question") } + codeChanges)))
                        }
                        out.append((order[a.ref]!, printing(perYear, lines: rawLines,
                                            scoreRefs: assigned.map { candidates[$0.index] })))
                        continue
                    }
                }

                // The nearest unused score right of the text.
                var best: Ref?
                for r in candidates where !changeValues.contains(r) {
                    if let cur = best {
                        if grid.precedes(r, cur, sameColumn: settings.scoreSameColumnTolerance) { best = r }
                    } else {
                        best = r
                    }
                }

                var lines = rawLines
                let scoreText: String
                var scoreBox: Box?
                var scoreRef: Ref?
                let scoreRaw: String
                if let best {
                    used.insert(best)
                    scoreText = scores[best]!
                    scoreBox = geometry.segment(best).box
                    scoreRef = best
                    scoreRaw = geometry.segment(best).raw
                } else if let lead = a.leadingScore {
                    scoreText = lead
                    scoreRaw = lead
                } else if let left = scoreLeftOfCode(a.ref, scores: scores, used: used)
                            ?? centredScoreLeftOfCode(a.ref, top: bandTop, bottom: bandBottom, scores: scores, used: used,
                                                      anchors: universeRefs, rows: rowsSpan),
                          scores[left]!.contains(".") || inScoreColumn(left, scores: scores, used: used, within: rowsSpan) {
                    // A score column before the code ("score | code text"): the score cell right
                    // before the code on its line, nothing between, or a score centred in the row on a
                    // line of its own (used only when no score follows). A whole number there may be
                    // the row's number ("๔๔ | o20 ... 0.0๐", or "12 | i12 ... | -" with no score):
                    // unless its column shows scores (a decimal, a score already read, a 0 or a
                    // repeat, not row numbers counting up), it is never the score.
                    used.insert(left)
                    scoreText = scores[left]!
                    scoreBox = geometry.segment(left).box
                    scoreRef = left
                    scoreRaw = geometry.segment(left).raw
                } else if case let lineRefs = textStart == a.ref ? textRefs : Array(textRefs.dropFirst()),
                          let (k, glued) = Self.gluedScore(lines, reachesPast: { k in
                              lineRefs.count == lines.count && grid.reachesPastOthers(k, of: lineRefs, slack: settings.scoreTextEdgeSlack)
                          }) {
                    // (The lines' boxes: a code in a cell of its own heads `textBoxes` but not the lines.)
                    // Code, text and score run together in one segment (narrow column gap).
                    lines[k] = glued.text
                    scoreText = glued.score
                    scoreRaw = glued.score
                } else if let (k, glued) = gluedWholeScore(lines, refs: (textStart == a.ref ? textRefs : Array(textRefs.dropFirst())),
                                                            column: scoreRefs.filter { r in
                                                                !textRefs.contains { $0.line == r.line } && grid.centre(of: r, in: rowsSpan)
                                                            },
                                                            evidence: settings.gluedScoreColumnEvidence) {
                    // A whole number run into a text line's end that stands in the page's score column.
                    lines[k] = glued.text
                    scoreText = glued.score
                    scoreRaw = glued.score
                } else {
                    // A code found by its text and printed with no score is no quoted code.
                    if a.identified == nil, a.chained?.printed ?? true { unscored.append(a.code.code) }
                    continue
                }
                var box = Box.union(textBoxes) ?? aSeg.box
                if let scoreBox { box = box.union(scoreBox) }
                let questionText = normalised(lines)
                let text = questionText.text
                out.append((order[a.ref]!, printing([QuestionScore(year: year, code: a.code.code, tool: a.code.tool,
                                                   question: text.isEmpty ? nil : text, score: scoreText,
                                                   page: geometry.page,
                                                   source: Provenance(page: geometry.page, box: box, cells: [textRaw, scoreRaw], via: "text")
                                                    .with(changes: questionText.changes.map { $0.inField("question") } + codeChanges))],
                                    lines: lines, scoreRefs: scoreRef.map { [$0] } ?? [])))
            }
        }
        readRows(anchors.filter { $0.identified == nil }, universe: anchors.filter { $0.identified == nil })
        readRows(anchors.filter { $0.identified != nil }, universe: anchors)
        return out.sorted { $0.order < $1.order }.map(\.printing)
    }

    /// A two-decimal score run into the end of one of the question's text lines: the last line's,
    /// or else the one line of the row that ends in one (a score printed at the top of its row
    /// runs into the first line, and the question wraps on below it: "... รอบ ๑๐๐.00" over
    /// "6 เดือน"). Two lines ending in such a number: no telling which is the score, none is.
    /// A line other than the last must also reach past every other line's right edge (`reachesPast`,
    /// the layout's question of the lines' boxes: `PageGrid.reachesPastOthers`): a score ran into
    /// it from the score column, where a number the question quotes ("... ร้อยละ 80.00" wrapping
    /// on) stays inside the text column.
    static func gluedScore(_ lines: [String], reachesPast: (Int) -> Bool) -> (Int, (text: String, score: String))? {
        guard let last = lines.indices.last else { return nil }
        if let g = QuestionTokens.trailingScore(lines[last]) { return (last, g) }
        let found = lines.indices.compactMap { k in QuestionTokens.trailingScore(lines[k]).map { (k, $0) } }
        guard found.count == 1 else { return nil }
        return reachesPast(found[0].0) ? found[0] : nil
    }

    /// A whole-number score run into the end of one of the question's text lines by a narrow gutter
    /// (`... ประจำ 0` over `ปี รอบ 6 เดือน`, tune seed 407; `... การจัดหาพัสดุ 10๐`, 453): only where
    /// the line's segment reaches over the page's score column, two or more score cells of other
    /// rows (`column`, at least `gluedScoreColumnEvidence`) starting inside its span, while every other line of the question ends left
    /// of that column. A number the question quotes stays inside the text column; `gluedScore`
    /// keeps to two-decimal numbers, which need no column. One such line, else none.
    func gluedWholeScore(_ lines: [String], refs: [Ref], column: [Ref], evidence: Double) -> (Int, (text: String, score: String))? {
        guard refs.count == lines.count else { return nil }
        let found = lines.indices.compactMap { k -> (Int, (text: String, score: String))? in
            let trimmed = lines[k].trimmingScalars(" \u{00A0}\t")
            guard let space = trimmed.lastIndex(of: " ") else { return nil }
            let last = String(trimmed[trimmed.index(after: space)...])
            guard !last.contains("."), let score = QuestionTokens.score(last) else { return nil }
            // The text before it ends in a letter: `10 ๐` (a score's digits set apart, tune seed 216)
            // is no question text with a score run into it.
            let text = String(trimmed[..<space]).trimmingScalars(" \u{00A0}\t")
            guard let end = text.unicodeScalars.last, end.properties.isAlphabetic || ThaiMark.isCombining(end.value) else { return nil }
            guard grid.reachesColumn(k, of: refs, column: column, evidence: evidence) else { return nil }
            return (k, (text, score))
        }
        return found.count == 1 ? found[0] : nil
    }

    /// True when the whole number `r` is a cell piece cut out of a layout segment in which it stands
    /// next to a month (`๓๐` of `๑ ต.ค. ๖๗ - ๓๐ ก.ย. ๖๘`, fresh tune seed 996: a borderless plan's
    /// period cut at the columns its words made, the day read as the quoted code's score), or reaches
    /// one over other numbers and period links only (`30` of `1 ต.ค. 68 - 30`, its `ก.ย. 69` wrapped
    /// onto the next line, fresh tune seed 1161: read as i5's score), a month's year run on to it
    /// included (`30` of `1 ต.ค.67 - 30`, tune v000436: e2 printed twice), or counts a period's
    /// months or quarters (`6` of `ทุก 6 เดือน`, fresh tune seed 1313: a borderless plan's period cut
    /// at its words, read as the quoted i3's and e4's score): a day, a year or a count of a period,
    /// never a score.
    private func isCutFromDate(_ r: Ref) -> Bool {
        guard let uncut, uncut.indices.contains(r.line) else { return false }
        let piece = geometry.segment(r)
        guard let k = CellPieces.source(of: piece.box, among: uncut[r.line].segments.map(\.box)),
              case let whole = uncut[r.line].segments[k], whole.text != piece.text else { return false }
        let number = piece.text.trimmingScalars(" \u{00A0}\t")
        let words = whole.text.split(whereSeparator: { QuestionTableVocabulary.isWhitespace($0.unicodeScalars.first!) }).map(String.init)
        func isNumber(_ w: String) -> Bool { w.unicodeScalars.allSatisfy { ThaiNumber.digitValue($0) != nil } }
        func reachesMonth(from k: Int, step: Int) -> Bool {
            var j = k + step
            while words.indices.contains(j) {
                if isMonth(words[j]) { return true }
                guard isNumber(words[j]) || linksPeriod(words[j]) else { return false }
                j += step
            }
            return false
        }
        return words.indices.contains { k in
            words[k] == number && (reachesMonth(from: k, step: -1) || reachesMonth(from: k, step: 1)
                || countsPeriod(k > 0 ? words[k - 1] : nil, k + 1 < words.count ? words[k + 1] : nil))
        }
    }

    /// True when a segment other than scores overlaps `r`'s column between `top` and `bottom`:
    /// `r` is then a piece of a text cell (a wrapped period's year), not a score cell.
    private func sharesColumnWithText(_ r: Ref, top: Double, bottom: Double, scores: [Ref: String]) -> Bool {
        grid.sharesColumn(r, top: top, bottom: bottom, share: geometry.settings.scoreColumnOverlapShare, counts: { scores[$0] == nil })
    }

    /// The unused score cell immediately before the code cell `r` on its line (the segment right
    /// before it), if that segment is a score.
    private func scoreLeftOfCode(_ r: Ref, scores: [Ref: String], used: Set<Ref>) -> Ref? {
        guard r.segment > 0 else { return nil }
        let prev = Ref(line: r.line, segment: r.segment - 1)
        guard scores[prev] != nil, !used.contains(prev) else { return nil }
        return prev
    }

    /// Whether the whole number `s` stands in a column of scores: the column (the page's numbers
    /// overlapping it) holds a decimal or a score already read, or, being whole numbers, a 0 or a
    /// repeat ("100", "0", "100") that row numbers never show, unless top to bottom they count up
    /// by one in runs (row numbers restarting per tool: 1 2 3 1 2 3).
    private func inScoreColumn(_ s: Ref, scores: [Ref: String], used: Set<Ref>, within rows: ClosedRange<Double>) -> Bool {
        let column = scores.filter { o, _ in
            grid.centre(of: o, in: rows) && grid.sharesColumn(s, o, share: geometry.settings.scoreColumnOverlapShare)
        }
        if column.contains(where: { o, text in o != s && (text.contains(".") || used.contains(o)) }) { return true }
        let ordered = grid.topToBottom(Array(column.keys))
        let values = ordered.map { Int(ThaiNumber.asciiDigits(scores[$0]!)) }
        let countsUp = zip(values, values.dropFirst()).allSatisfy { a, b in
            guard let a, let b else { return false }
            return b == a + 1 || b == 1
        }
        if values.count > 1, countsUp, !values.contains(0) { return false }
        return values.contains(0) || Set(values).count < values.count
    }

    /// A score cell left of the code cell `r` that its row centres vertically on a line of its own
    /// (LibreOffice centres cells of a taller row): a decimal score ("93.68"), or a whole number
    /// ("100") in a column holding decimal scores or scores already read for other rows (a whole
    /// number alone left of a code may be a row number), within the row's band, right of no other code on those
    /// lines. The band ends at the next code in the code's column, so a centred score belongs to
    /// one row. The nearest such cell to the code's column.
    private func centredScoreLeftOfCode(_ r: Ref, top: Double, bottom: Double, scores: [Ref: String], used: Set<Ref>,
                                        anchors: [Ref], rows rowsSpan: ClosedRange<Double>) -> Ref? {
        let found = scores.keys.filter { s in
            // The band first: `inScoreColumn` looks at every score of the page, and most are outside it.
            guard s.line != r.line, !used.contains(s), grid.starts(s, top: top, bottom: bottom, leftOf: r) else { return false }
            guard scores[s]!.contains(".") || inScoreColumn(s, scores: scores, used: used, within: rowsSpan) else { return false }
            // No code cell between the score and this code (the score would be that column's).
            return !grid.anyStarts(anchors, between: s, and: r, top: top, bottom: bottom)
        }
        return found.sorted().max { grid.endsLeft(of: $0, $1) }
    }

    /// True when `r` is on the page's number (its line, whole, is a number in a margin: the
    /// layout's mark, `TextLine.furniture`): a row's last line above the page's foot must not take
    /// it for the row's score (tune seed 218: `o40`'s score `๐` printed before the code, `7` read after it).
    private func isPageNumber(_ r: Ref) -> Bool {
        geometry.lines[r.line].furniture.contains(.pageNumber)
    }

    /// The first cell right of `r` on its line that is neither a score nor a code.
    private func nextTextCell(after r: Ref, scores: [Ref: String], anchors: Set<Ref>) -> Ref? {
        let line = geometry.lines[r.line]
        guard r.segment + 1 < line.segments.count else { return nil }
        let n = Ref(line: r.line, segment: r.segment + 1)
        if scores[n] != nil || anchors.contains(n) { return nil }
        return n
    }
}
