import Foundation
import ITAModel
import PageLayout
import ThaiNormalise

/// Reads action-plan rows ("measures / steps / period / owner" tables) from the document's line
/// segments: a header band whose wording (Mappings/ita/measure-headers.json) names the columns,
/// then body lines assigned to columns by x, split into rows by ruled table rows when the layout
/// found them, else by where every column's text starts a new block. Tables continued on the
/// next page (with or without a repeated header) continue the same plan.
enum MeasureReader {
    static func read(from reader: DocumentReader) -> [Measure] { readWithHeaders(from: reader).measures }

    /// The plan rows, and every plan header band found (page and the band's main line): a header
    /// whose rows all went unread still shows that the document holds a plan.
    /// `cellPages`: for each measure, the pages its period and owner cells come from (`MeasureRowBuilder.cellPages`).
    /// `unreadPages`: pages after the plan's first that show a plan header with a row's opening below it, none of
    /// them read into a row: the plan runs on there in a header this reader did not understand (tune seed
    /// 2630: a repeated header whose measure cell lost its last words read as no plan header), and its
    /// rows are missing. Said, never silent.
    static func readWithHeaders(from reader: DocumentReader)
        -> (measures: [Measure], headers: [(page: Int, line: ReadLine)], cellPages: [Set<Int>], unreadPages: [Int]) {
        var headers: [(page: Int, line: ReadLine)] = []
        // Pages where a plan body line was read, and pages whose plan header has lines below it.
        var bodyPages = Set<Int>()
        var headedPages = Set<Int>()
        let vocabulary = reader.measureHeaders
        let settings = reader.settings
        var builder = MeasureRowBuilder(texts: reader.normalised, indicatorNumbers: reader.ita.indicatorNumbers,
                                        indicatorWord: reader.ita.cues.indicatorWord, itemBullets: vocabulary.itemBullets,
                                        codeLetters: reader.questionTable.codeLetters, settings: settings)
        var active: MeasureHeaderBand?
        // True from a header band until its first body line: a header row can itself run over
        // a page break, leaving header word pieces at the top of the next page.
        var headerOpen = false
        var headerPage = 0
        // Where the plan's cells start, per column, over its pages so far (`MeasureCellPieces.cutAtColumns`).
        var columnStarts = ColumnCellStarts()
        var startsBand: MeasureHeaderBand?
        // The last plan header found, on this page or an earlier one.
        var lastBand: MeasureHeaderBand?
        for (page, lines) in reader.cellPiecesByPage {
            let layoutPage = reader.layoutPage(page)
            // A table does not run across a change of page orientation: a landscape plan is its own
            // section (page style) in a word processor, and a table cannot span a section break, so
            // a plan running on from a page of the other orientation has ended there (fresh tune
            // seed 1135: the portrait summary table after a landscape plan was read as its rows).
            // A header repeated on this page still starts a plan (found below).
            if active != nil, page != headerPage, layoutPage.isLandscape != reader.layoutPage(headerPage).isLandscape {
                builder.closeRow()
                active = nil
            }
            // Header bands are found on the lines with header cells the layout ran together cut apart.
            let headerLines = HeaderWordCuts.lines(lines, layoutLines: layoutPage.lines, texts: reader.normalised,
                                                   pitch: reader.cellPiecesGeometry(page: page).pitch, settings: settings,
                                                   vocabulary: vocabulary)
            let headerGeometry = reader.geometry(page: page, lines: headerLines)
            // Only ruled rows: drawn lines are certain row bounds, text-aligned ("stream") rows are not.
            let ruledTables = layoutPage.tables.filter { $0.method == .ruled }
            let tableRows = ruledTables.flatMap { $0.rows.filter { !$0.isHeader }.map(\.box) }
            // The ruled table the plan is drawn in on this page (found at its header or its first
            // body line): a line below its frame that lies in another table the layout found, with
            // other columns, is outside the plan, however small the gap. (Below the frame alone is
            // not enough: a row cut by the page break has no bottom rule, so the frame can end above
            // the plan's end, and the layout finds that row as a table of the plan's columns.)
            let pageTables = layoutPage.tables
            func holds(_ box: Box, _ line: ReadLine) -> Bool {
                box.holdsLine(line.box)
            }
            var planFrame: Table?
            func frame(around line: ReadLine) -> Table? { ruledTables.first { holds($0.box, line) } }
            // Header bands first: a band may begin above the line that names its roles.
            // Every ruled row, header rows too: the layout does not always mark a plan's header row
            // (tune seed 247's repeated header), and a row's rules bound a header band all the same.
            let ruledRows = ruledTables.flatMap { $0.rows.map(\.box) }
            func ruledRow(_ l: Int) -> [Int]? {
                ruledRows.first { holds($0, lines[l]) }.map { row in lines.indices.filter { holds(row, lines[$0]) } }
            }
            var bands: [Int: MeasureHeaderBand] = [:]
            var scan = 0
            // The last line of the page's last band: a band found below it that would reach up into it
            // is body text under that header whose pieces merely look like header words (tune seed
            // 240: `ประเด็นนี้ไม่ | กำหนดมาตรการ` under the repeated header, read as a second header
            // over the first, which cut the page's columns wrong).
            var bandEnd = -1
            // A repeated header (its main line all words of the plan's earlier header, group cells
            // included, or pieces of the vocabulary's: the earlier header may have been cut by a
            // page break, Corpus s003) ends above
            // the first line below it with a word that header lacks: in a borderless plan, the text
            // of a row cut by the page break runs on right under the header in word pieces like a
            // wrapped header's (tune seed 368: `อำนาจและ | เร่งปรับปรุง | ของผู้ที่ | ประเมินผลการ`
            // was read into the header, whose columns it merged: the page's rows became a new row).
            func lastAllowed(below main: Int) -> Int {
                guard let earlier = lastBand else { return Int.max }
                let known = earlier.wording
                func isEarlierHeader(_ k: Int) -> Bool {
                    headerLines[k].segments.allSatisfy { seg in
                        // Digits left out: a header's year (`ปี ๒๕๖๘`) is printed in other digits or cut otherwise.
                        let piece = String(scalars: QuestionTableVocabulary.squeezed(seg.text).unicodeScalars
                            .lazy.filter { ThaiNumber.digitValue($0) == nil })
                        guard !piece.isEmpty else { return MeasureHeaderBand.hasNumberOtherThanYear(seg.text) == false }
                        // A gloss (`(แนวทาง/มาตรการ)`) the earlier header lost to a page break is still its own
                        // (fresh tune seed 1159: appended to every measure under the repeated header).
                        return known.contains { CanonicalSearch.contains($0, piece) } || vocabulary.isPieceOfWording(piece)
                            || MeasureHeaderBand.isGloss(seg.text, vocabulary, settings)
                    }
                }
                guard isEarlierHeader(main) else { return Int.max }
                return ((main + 1)..<lines.count).first { !isEarlierHeader($0) }.map { $0 - 1 } ?? Int.max
            }
            // A header row's text starts under the row's top rule: a band that starts inside a ruled
            // row, below a line of that row holding a number other than a year (a list number, a
            // code, a date: body text), is a body cell's words that look like header words (fresh
            // tune seed 1001: `และรูปแบบ | มาตรการ | ส่วนเสีย | ก.ย. | ผู้รับผิดชอบ` under
            // `1. ช่องทาง | i26 | ...`, read as a second header, whose columns took the row's rest).
            func startsInsideBodyRow(_ band: MeasureHeaderBand) -> Bool {
                guard let row = ruledRow(band.firstLine) else { return false }
                return row.contains { l in
                    l < band.firstLine && lines[l].segments.contains { MeasureHeaderBand.hasNumberOtherThanYear($0.text) }
                }
            }
            while scan < lines.count {
                // The lowest line a band at `scan` may reach, worked out once for the questions below
                // (it reads the lines below; `lastBand` changes only after them).
                var allowedBelow: Int?
                func allowed() -> Int {
                    if let a = allowedBelow { return a }
                    let a = lastAllowed(below: scan)
                    allowedBelow = a
                    return a
                }
                // Both questions below start from the same lines and columns, worked out once.
                let candidate = MeasureHeaderBand.candidate(at: scan, in: headerGeometry, vocabulary: vocabulary, ruledRow: ruledRow,
                                                            lastAllowed: allowed())
                func bandOf(minimumRoles: Int?) -> MeasureHeaderBand? {
                    candidate.flatMap {
                        MeasureHeaderBand.band(from: $0, in: headerGeometry, vocabulary: vocabulary, ruledRow: ruledRow,
                                               lastAllowed: allowed(), minimumRoles: minimumRoles)
                    }
                }
                if var band = bandOf(minimumRoles: nil), band.firstLine > bandEnd, !startsInsideBodyRow(band) {
                    // A header repeated on a later page may leave a piece of its cells below the band
                    // (a wrapped word set further down): words the earlier header has in that
                    // column and this one lacks are the header's, not the first row's (tune seed
                    // 244: "ดำเนิน" of "ระยะเวลาดำเนินงาน" read into every period).
                    if let earlier = lastBand {
                        while band.lastLine + 1 < lines.count, band.isRepeatRemnant(lines[band.lastLine + 1], of: earlier) {
                            band = band.extended(with: lines[band.lastLine + 1], vocabulary: vocabulary)
                            band.lastLine += 1
                        }
                    }
                    lastBand = band
                    bands[band.firstLine] = band
                    headers.append((page, lines[scan]))
                    bandEnd = band.lastLine
                    scan = band.lastLine + 1
                } else if active == nil, bands.isEmpty,
                          var band = bandOf(minimumRoles: vocabulary.minimumRolesAtPageFoot),
                          band.firstLine > bandEnd, !startsInsideBodyRow(band),
                          lines[(band.lastLine + 1)...].allSatisfy({ !$0.furniture.isDisjoint(with: [.bottomMargin, .pageNumber, .running]) }) {
                    // A header at the page's foot naming too few roles: the page break cut its cells
                    // (fresh tune 1144: `ประเด็ | วิเคราะห์ผลการประเมิน | มาตรการ | ขั้นตอนการ | วัน เดือน | ผู้`,
                    // whose `น`, `ปี ที่ ดำเนินการ` and `ดำเนินการ` open the next page; no header was found, and
                    // the plan's first row, under it, was lost). The next page's top completes it or drops it.
                    // Only where no plan runs on: a row's words at a page's foot can name two roles
                    // (fresh tune 1324: `หน่วยงาน | และระยะเวลา | เผย รวมทั้งนำผล กิจกรรมส่งเสริม`).
                    band.awaitsRest = true
                    lastBand = band
                    bands[band.firstLine] = band
                    headers.append((page, lines[scan]))
                    bandEnd = band.lastLine
                    scan = band.lastLine + 1
                } else {
                    // Not a band the rows can be read under (an OCR'd header with stray pieces
                    // between its cells), but it shows the plan is there.
                    if Self.namesPlanColumns(lines[scan], vocabulary) { headers.append((page, lines[scan])) }
                    scan += 1
                }
            }
            // Body lines cut at the columns of the header above them (this page's, or the plan's
            // running on from the previous page); bands keep their line indices.
            let uncut = lines
            var lines = lines
            let layoutLines = layoutPage.lines
            if layoutLines.count == lines.count {
                var groups: [(band: MeasureHeaderBand?, lines: [Int])] = [(active, [])]
                var l = 0
                while l < lines.count {
                    if let band = bands[l] { groups.append((band, [])); l = band.lastLine + 1; continue }
                    groups[groups.count - 1].lines.append(l)
                    l += 1
                }
                for g in groups {
                    guard let band = g.band else { continue }
                    // A new header with other columns starts a new plan's evidence; a repeated one keeps it.
                    if let seen = startsBand, seen.columns.map(\.role) != band.columns.map(\.role) { columnStarts = ColumnCellStarts() }
                    startsBand = band
                    MeasureCellPieces.cutAtColumns(&lines, governed: g.lines, layoutLines: layoutLines, band: band, texts: reader.normalised,
                                                   settings: settings, starts: &columnStarts)
                }
            }
            // A header with a plan row's opening below it: a cell opening with a list number or a question code
            // (`๒. การ | i11 เจ้าหน้าที่`), as the plan's issues and steps do. The tail of a cut analysis cell,
            // never read, or prose after the plan (prose tune seed 2682) is no row left unread.
            let codeLetters = reader.questionTable.codeLetters
            if let lowest = headers.last(where: { $0.page == page }).flatMap({ h in uncut.firstIndex { $0.box == h.line.box } }),
               uncut[(lowest + 1)...].contains(where: { line in line.segments.contains {
                   MeasureItemMarker.starts($0.text, bullets: vocabulary.itemBullets) || QuestionTokens.codePrefix($0.text, codeLetters) != nil
               } }) {
                headedPages.insert(page)
            }
            let geometry = reader.geometry(page: page, lines: lines)
            var splitter = active.map { MeasureRowSplitter(band: $0, geometry: geometry, tableRows: tableRows) }
            var previousBody: Box?
            var l = 0
            while l < lines.count {
                if let band = bands[l] {
                    splitter?.flush(into: &builder)
                    builder.closeRow()
                    active = band
                    headerOpen = true
                    headerPage = page
                    splitter = MeasureRowSplitter(band: band, geometry: geometry, tableRows: tableRows)
                    previousBody = nil
                    planFrame = frame(around: lines[band.firstLine]) ?? frame(around: lines[band.lastLine])
                    l = band.lastLine + 1
                    continue
                }
                // Where the plan ends is told from the lines as the layout cut them (prose runs over columns).
                let line = uncut[l]
                guard let band = active else { l += 1; continue }
                // Page numbers interrupt a plan running over pages. The layout marks the whole line:
                // the plan's columns may cut `- 11 -` into pieces (tune seed 350 read two page numbers as rows).
                if line.furniture.contains(.pageNumber) { l += 1; continue }
                if headerOpen, page != headerPage, MeasureHeaderBand.isHeaderRemnant(line, vocabulary: vocabulary, settings: settings) {
                    let completed = band.extended(with: line, vocabulary: vocabulary)
                    active = completed
                    // A group cell split into its columns: a repeat of the header on a later page
                    // is told from the completed header.
                    // So is a header completed by a remnant, when no header on this page came since.
                    if completed.columns.count != band.columns.count || bands.isEmpty { lastBand = completed }
                    splitter = MeasureRowSplitter(band: completed, geometry: geometry, tableRows: tableRows)
                    l += 1
                    continue
                }
                // A header cut at a page's foot is a plan's only once the next page's top names its roles
                // (below it on its own page: the foot's furniture only).
                if band.awaitsRest {
                    guard page != headerPage else { l += 1; continue }
                    guard MeasureHeaderBand.namesRoles(band.columns, atLeast: vocabulary.minimumRoles) else {
                        active = nil; splitter = nil; headerOpen = false
                        l += 1
                        continue
                    }
                    active?.awaitsRest = false
                }
                headerOpen = false
                if planFrame == nil, previousBody == nil { planFrame = frame(around: line) }
                // A table right under the frame's last rule whose columns start in distinct columns
                // of the frame is on the plan's own grid: the plan's row the page break cut, whose
                // missing bottom rule ended the ruled frame, found as a borderless table (which
                // may run two of its columns together). Tune seed 259: rows 2-9 were lost.
                // The cut row reaches the page's foot: a table of one column, or one with text
                // below it other than the bottom margin's furniture (a signature block under the
                // plan), is not the plan's row.
                func onGrid(_ t: Table, _ f: Table) -> Bool {
                    let slack = settings.planGridSlack
                    guard Double(t.columns.count) >= settings.planGridMinColumns,
                          t.box.startsWithin(geometry.grid.distance(pitches: settings.planGridGapPitches), below: f.box) else { return false }
                    guard !lines.contains(where: { $0.box.liesBelow(t.box)
                        && !$0.furniture.contains(.bottomMargin) }) else { return false }
                    // A header column wholly beside the frame is on the plan's grid too: the frame lost
                    // the rule that closes it (fresh tune seed 1323, Chromium: the steps column right of
                    // the ruled header's last rule; the plan was taken to end at its first row).
                    let grid = f.columns + f.spansBeside(band.columns.map(\.span))
                    let homes = t.columns.map { c in grid.firstIndex { c.lowerBound >= $0.lowerBound - slack && c.lowerBound <= $0.upperBound + slack } }
                    let found = homes.compactMap { $0 }
                    return found.count == homes.count && Set(found).count == found.count
                }
                let belowFrame = planFrame.map { f in
                    line.box.middleBelow(f.box)
                        && pageTables.contains { $0.columns.count != f.columns.count && holds($0.box, line) && !onGrid($0, f) }
                } ?? false
                let gapEnds = belowFrame
                    || (previousBody.map { line.box.topBelow($0, moreThan: geometry.grid.distance(pitches: settings.planEndGapPitches)) } ?? false)
                let heading = (line.segments.first.map { vocabulary.endsTable($0.text) } ?? false)
                    || (line.segments.count == 1 && vocabulary.announcesOtherSection(line.segments[0].text))
                    // The cheap geometric test first: most plan rows sit in the plan's columns.
                    || (line.segments.contains { band.straddles($0.box, settings) } && Self.isHeadlineResult(line, reader.ita))
                // The first line of a page the plan ran onto must sit in the plan's columns: a segment
                // across two header cells is another table or prose (the plan ended with the page).
                // Not the layout's `Table.continuesPrevious`: that needs a table found on both pages
                // and lined up, where a plan runs on in its header's columns (text rows, a row cut
                // by the break). Ending the plan unless the layout marked its table continued lost
                // Corpus rows (v000261's rows 3-5, v000151's and v000056's cut cells): measures F1
                // 0.873 to 0.854. The line is taken as cut where the plan's cells start
                // (`cutAtColumns`): two cells run together across a narrow gutter (`ปรับปรุงการ ผลการ`,
                // tune seed 221) are still on the grid, where prose would need a cut at every column.
                let offGrid = page != headerPage && previousBody == nil && lines[l].segments.contains { band.straddles($0.box, settings) }
                if gapEnds || heading || offGrid || (line.segments.count == 1 && band.spansColumns(line.segments[0].box, settings)) {
                    // Prose or a heading after the table: the plan ends here.
                    splitter?.flush(into: &builder)
                    builder.closeRow()
                    active = nil; splitter = nil
                    l += 1
                    continue
                }
                splitter?.add(lineIndex: l)
                bodyPages.insert(page)
                previousBody = line.box
                l += 1
            }
            splitter?.flush(into: &builder)
        }
        let measures = builder.finish()
        let firstPlanPage = bodyPages.min() ?? Int.max
        let unread = headedPages.subtracting(bodyPages).filter { $0 > firstPlanPage }.sorted()
        return (measures, headers, builder.cellPages, unread)
    }
}

extension MeasureReader {
    /// Column roles only a plan has: issue, indicator, question and analysis columns head score
    /// tables and findings too.
    static let planOnlyRoles: Set<MeasureColumnRole> = [.measure, .steps, .period, .owner]

    /// Whether a line is a row of the report's headline result: a label opening with an overall
    /// score or rating cue (Mappings/ita/report-cues.json) and a cell holding only the score or
    /// only a rating word (`คะแนนภาพรวมของหน่วยงาน | ๗๓.๑๔`, `ระดับผลการประเมิน | ต้องปรับปรุง`).
    /// A summary table printed right under a borderless plan is past the plan's end (fresh tune
    /// seed 505: both rows were read as plan rows). The label may come cut into pieces at the
    /// plan's columns: its segments before the value are read together. It ends a plan only off the
    /// plan's grid (a segment across two of its header cells): a line whose cells each sit in one of
    /// the plan's columns is a plan row that happens to open with such words.
    static func isHeadlineResult(_ line: ReadLine, _ ita: ITAVocabulary) -> Bool {
        let cues = ita.cues
        guard line.segments.count >= 2, let value = line.segments.last?.text else { return false }
        let label = KeyedText.keyString(line.segments.dropLast().map(\.text).joined())
        func opens(_ phrases: [String]) -> Bool { phrases.contains { label.hasPrefix(KeyedText.keyString($0)) } }
        if opens(cues.overallScoreCues), NumberTokens.wholeScore(value, decoration: ita.scoreDecoration) != nil { return true }
        let rating = KeyedText.keyString(value)
        return opens(cues.ratingCues) && Rating.allCases.contains { KeyedText.keyString($0.rawValue) == rating }
    }

    /// Whether the line's cells name two or more plan columns, one of them a column only a plan has.
    static func namesPlanColumns(_ line: ReadLine, _ vocabulary: MeasureHeaderVocabulary) -> Bool {
        guard line.segments.count >= 2 else { return false }
        let roles = Set(line.segments.compactMap { vocabulary.role(of: $0.text) })
        return roles.count >= 2 && !roles.isDisjoint(with: planOnlyRoles)
    }
}
