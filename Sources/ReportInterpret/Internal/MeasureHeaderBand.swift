import ITAModel
import PageLayout
import ThaiCharacters
import ThaiNormalise

/// An action-plan table header found on a page: its columns (x-ranges and roles) and the lines
/// it occupies (a header row's cells may wrap or be vertically centred over several lines).
struct MeasureHeaderBand {
    /// Index into the page's lines and into that line's segments (`PageGrid`).
    typealias Ref = PageGrid.Ref

    struct Column {
        var role: MeasureColumnRole?
        /// Horizontal extent of the header cell's text (the layout's, handed back to its questions).
        var extent: ColumnExtent
        var text: String
        /// The header cell's text's horizontal extent.
        var span: ClosedRange<Double> { extent.span }
    }

    /// Index (into the page's lines) of the band's first and last line.
    var firstLine: Int
    var lastLine: Int
    /// Columns left to right.
    var columns: [Column] { didSet { headerColumns = Self.headerColumns(of: columns) } }
    /// The columns' header cells, for the layout stage's questions of them (`HeaderColumns`), made
    /// once per change of `columns` (a body segment's column is asked for every segment and word).
    private(set) var headerColumns: HeaderColumns
    /// The text of every cell of the band, the columns' and the group cells', squeezed
    /// (`QuestionTableVocabulary.squeezed`): a repeat of this header on a later page, wrapped
    /// otherwise, holds only pieces of these.
    var wording: [String] = []
    /// A band at a page's foot that names fewer roles than a header must: the page break cut its
    /// cells, and only the next page's top (`extended(with:)`) shows whether it is a plan's header.
    var awaitsRest = false

    init(firstLine: Int, lastLine: Int, columns: [Column], wording: [String] = []) {
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.columns = columns
        self.headerColumns = Self.headerColumns(of: columns)
        self.wording = wording
    }

    private static func headerColumns(of columns: [Column]) -> HeaderColumns {
        HeaderColumns(extents: columns.map(\.extent))
    }

    /// Finds a header band starting at line `start`, or nil. A band is a few consecutive lines
    /// holding only header wording whose cells name at least `minimumRoles` roles, one a measure.
    /// `ruledRow` gives, for a line the layout found in a row of a ruled table, all the lines of
    /// that row (nil outside one). The band reaches down into another ruled row only when every
    /// line of the row is a header piece and two of its cells are header wording: a cut row's text
    /// right under a repeated header starts with word pieces too, and the rule above it is the
    /// evidence; the lower row of a two-row header, which the layout may take for body, is all
    /// pieces and names the columns under its group cell. The band reaches no lower than `lastAllowed`,
    /// worked out only for a line that passes the gates (it reads the lines below: most lines open no band).
    static func find(at start: Int, in geometry: QuestionPageGeometry, vocabulary: MeasureHeaderVocabulary,
                     ruledRow: (Int) -> [Int]? = { _ in nil }, lastAllowed: @autoclosure () -> Int = Int.max,
                     minimumRoles: Int? = nil) -> MeasureHeaderBand? {
        candidate(at: start, in: geometry, vocabulary: vocabulary, ruledRow: ruledRow, lastAllowed: lastAllowed()).flatMap {
            band(from: $0, in: geometry, vocabulary: vocabulary, ruledRow: ruledRow, lastAllowed: lastAllowed(), minimumRoles: minimumRoles)
        }
    }

    /// What `find` works out at a line before it asks how many roles the band must name: its lines
    /// and columns. The reader asks a line twice when no plan is open (a header, then a header cut
    /// short at the page's foot, `minimumRolesAtPageFoot`), and this part is the same both times.
    struct Candidate {
        var first: Int
        var last: Int
        var columns: [Column]
        /// Indices into `bandSegments` of the upper cells of a two-row header (`groupCells`).
        var groups: Set<Int>
        var bandSegments: [ReadSegment]
        /// How the main line opened the band (see `candidate`).
        var oneNamedLine: Bool
        var piecesLine: Bool
    }

    /// The first part of `find`: the band's lines and columns at line `start`, or nil when the line
    /// opens no band.
    static func candidate(at start: Int, in geometry: QuestionPageGeometry, vocabulary: MeasureHeaderVocabulary,
                          ruledRow: (Int) -> [Int]?, lastAllowed: @autoclosure () -> Int) -> Candidate? {
        let lines = geometry.lines
        let grid = geometry.grid
        let settings = geometry.settings
        let main = lines[start]
        // Cheap gate: the line must name at least two roles.
        let mainRoles = Set(main.segments.compactMap { vocabulary.role(of: $0.text) })
        // Narrow columns wrap a header's words so that one line may name a single role
        // ("ช่วงเวลา" beside "วิธีการนำผลการ" and "ผู้รับผิด"): such a line of three or more cells
        // may still open a band, which must then name nearly every column it holds (below).
        let oneNamedLine = mainRoles.count == 1 && Double(main.segments.count) >= settings.headerOneRoleMinCells
        // A header whose every cell wraps over several lines may have no line naming two roles at
        // all (tune seed 372: `แนวทางการ | การ | เวลา | ผู้รับผิด` over `แก้ไข | ดำเนิน | ดำเนิน | ชอบ`):
        // a line of two or more cells, all header pieces, may open a band whose cells, each read
        // over the band's lines, name their roles in header wording only (checked below).
        let piecesLine = mainRoles.count < 2 && !oneNamedLine && main.segments.count >= 2
        guard mainRoles.count >= 2 || oneNamedLine || piecesLine else { return nil }
        // The cheap test first: a word piece needs no look at the header wording.
        guard main.segments.allSatisfy({ isWordPiece($0.text, vocabulary, settings) || isHeaderCellLine($0.text, vocabulary, settings) }) else { return nil }
        // Header cells wrap and are often vertically centred: take in the neighbouring lines
        // above and below made only of header wording or word pieces (no number but a year, no
        // bullet; a bare piece never across two of the main line's cells, so a title is not).
        let reach = grid.distance(pitches: settings.headerBandLineReach)
        // A cell wrapped over two lines, its upper or lower piece across several cells of the main
        // line (the group cell `วิเคราะห์ผล` over `การประเมิน`, fresh tune seed 511; `วัน เดือน` over
        // `ปี | ที่ดำเนิน`, cut apart, tune seed 282): such a piece is header wording with the
        // nearest piece above or below it, within the band's reach, whose lines other cells'
        // lines may interleave, a phrase of the vocabulary running across the two (a title above
        // the table, `จังหวัดสุราษฎร์ธานี` over `การนำผลการวิเคราะห์ไปสู่การปฏิบัติ`, is not: tune seed
        // 305, whose measure and steps it merged).
        // The pieces above (`step` -1) or below (+1) `seg`, each line within the band's reach of the
        // last one that held some, nearest first: on each line those that lie over or under the pieces met so far
        // (a wrapped cell's pieces, each line's read left to right).
        func column(_ r: Ref, _ step: Int) -> [String] {
            grid.wrappedPieces(of: r, step: step, reach: reach).map { $0.map { geometry.segment($0).text }.joined() }
        }
        // A piece across cells is header wording with pieces of its own cell above or below it when a
        // phrase of the vocabulary runs across it and them: read with the nearest piece above or below
        // (`วิเคราะห์ผล` over `การประเมิน`), or with several when the cell wraps over three lines or
        // more (`วัน` over `เดือน` over `ปี | ที่`, fresh tune seed 1006).
        func completesAcross(_ seg: ReadSegment, _ r: Ref) -> Bool {
            let above = column(r, -1), below = column(r, 1)
            for a in 0...above.count {
                let upper = above.prefix(a).reversed().joined()
                for b in 0...below.count where a + b > 0 {
                    let lower = below.prefix(b).joined()
                    let joined = upper + seg.text + lower
                    guard isHeaderCellLine(joined, vocabulary, settings) else { continue }
                    if vocabulary.hasWordingAcross(joined, upper, seg.text + lower) || vocabulary.hasWordingAcross(joined, upper + seg.text, lower) {
                        return true
                    }
                }
            }
            return false
        }
        // A header year wrapped in a narrow cell (`ข้อค้นพบ ปี ๒๕๖` over `๖`, fresh tune 1250): a
        // piece of digits only that makes a year with the digits right above or below it in its cell.
        func wrapsYear(_ seg: ReadSegment, _ r: Ref) -> Bool {
            func digitsOnly(_ t: String) -> Bool { !t.isEmpty && t.unicodeScalars.allSatisfy { ThaiNumber.digitValue($0) != nil } }
            let t = QuestionTableVocabulary.squeezed(seg.text)
            guard digitsOnly(t) else { return false }
            let above = column(r, -1).first.map(QuestionTableVocabulary.squeezed)
            let below = column(r, 1).first.map(QuestionTableVocabulary.squeezed)
            return [above.map { $0 + t }, below.map { t + $0 }].contains { joined in
                joined.map { digitsOnly($0) && !hasNumberOtherThanYear($0) } ?? false
            }
        }
        func isPiece(_ l: Int) -> Bool {
            lines[l].segments.indices.allSatisfy { s in
                let seg = lines[l].segments[s], r = Ref(line: l, segment: s)
                let across = grid.overlapCount(of: r, onLine: start)
                // Header wording may lie across several cells: the upper cell of a two-row header
                // (`การนำผลการวิเคราะห์ไปสู่การปฏิบัติ` over measure and steps; `groupCells` keeps it
                // out of the columns).
                if across <= 1, wrapsYear(seg, r) { return true }
                guard !hasNumberOtherThanYear(seg.text) else { return false }
                return isHeaderCellLine(seg.text, vocabulary, settings)
                    || (isWordPiece(seg.text, vocabulary, settings) && (across <= 1 || completesAcross(seg, r)))
            }
        }
        var first = start
        var widestStep: Double?
        while first > 0, grid.step(from: first - 1, to: first) <= reach, isPiece(first - 1) {
            widestStep = max(widestStep ?? 0, grid.step(from: first - 1, to: first))
            first -= 1
        }
        // Downwards, no further apart than the band's own steps so far: vertically centred header
        // cells interleave their lines closer than a cell's pitch, and the gap to the first body
        // line (a cell's padding and rule) is wider than those steps though it may be within a
        // pitch (a cell's text cut by a page break, continued right under a repeated header).
        var last = start
        let lowest = lastAllowed()
        // A ruled row of word pieces is the lower row of a two-row header only when one of its
        // cells is header wording naming a column (`ข้อค้นพบ` under its group cell): a row's text
        // cut by a page break and continued under the repeated header can be all short pieces too
        // (tune seed 247: `ของหน่วย | แล้วแต่ยังไม่ | หน่วยงานให้เป็น | ...`, read into the header).
        func entersBody(_ l: Int) -> Bool {
            guard let row = ruledRow(l), row != ruledRow(l - 1) else { return false }
            guard row.allSatisfy(isPiece) else { return true }
            return !cellTexts(row.flatMap { lines[$0].segments }).contains {
                vocabulary.role(of: $0) != nil && isHeaderCellLine($0, vocabulary, settings)
            }
        }
        while last + 1 < lines.count, last + 1 <= lowest, isPiece(last + 1), !entersBody(last + 1) {
            let step = grid.step(from: last, to: last + 1)
            guard step <= min(reach, widestStep.map { settings.headerBandLineReach * $0 } ?? reach) else { break }
            widestStep = max(widestStep ?? 0, step)
            last += 1
        }
        // Cells: segments of the band grouped by horizontal overlap, leaving out the upper cells of
        // a two-row header (a group over two columns would join them into one).
        let bandSegments = (first...last).flatMap { lines[$0].segments }
        let groups = groupCells(bandSegments, lineOverlap: settings.headerGroupLineOverlap) { vocabulary.role(of: $0) != nil }
        let bandBoxes = bandSegments.map(\.box)
        let cells = joinedPieces(BandCells.leftToRight(BandCells.group(bandBoxes, skipping: groups)), bandSegments, vocabulary)
        let columns = cells.map { cell -> Column in
            let cellText = Self.text(of: BandCells.readingOrder(cell.members, bandBoxes), in: bandSegments)
            return Column(role: vocabulary.role(of: cellText), extent: cell.extent, text: cellText)
        }
        return Candidate(first: first, last: last, columns: columns, groups: groups, bandSegments: bandSegments,
                         oneNamedLine: oneNamedLine, piecesLine: piecesLine)
    }

    /// The second part of `find`: the band a candidate makes when its columns name `minimumRoles`
    /// (the vocabulary's minimum when nil), or nil.
    static func band(from c: Candidate, in geometry: QuestionPageGeometry, vocabulary: MeasureHeaderVocabulary,
                     ruledRow: (Int) -> [Int]?, lastAllowed: @autoclosure () -> Int, minimumRoles: Int?) -> MeasureHeaderBand? {
        let lines = geometry.lines
        let settings = geometry.settings
        let (first, last, columns, groups, bandSegments) = (c.first, c.last, c.columns, c.groups, c.bandSegments)
        let (oneNamedLine, piecesLine) = (c.oneNamedLine, c.piecesLine)
        guard Self.namesRoles(columns, atLeast: minimumRoles ?? vocabulary.minimumRoles) else { return nil }
        if piecesLine {
            guard last > first, columns.allSatisfy({ $0.role == nil || isHeaderCellLine($0.text, vocabulary, settings) }) else { return nil }
        }
        if oneNamedLine || piecesLine {
            guard Double(columns.filter({ $0.role == nil }).count) <= settings.headerOneRoleMaxUnnamedColumns else { return nil }
            // A band with a line naming two roles is found from that line, as before, when that line opens
            // one: a two-row header whose upper row wraps its cells and names one role per line may have a
            // lower row naming two (`มาตรการ | วิธีดำเนินการ` under the group cell `แนวทางการดำเนินงาน`) whose
            // own band does not reach up over the wrapped cells and names too few roles (tune seed 2634,
            // Chromium, a plan per page: no band on seven of its nine pages, their rows lost silently).
            if let named = (first...last).first(where: { l in Set(lines[l].segments.compactMap { vocabulary.role(of: $0.text) }).count >= 2 }),
               find(at: named, in: geometry, vocabulary: vocabulary, ruledRow: ruledRow, lastAllowed: lastAllowed(), minimumRoles: minimumRoles) != nil {
                return nil
            }
        }
        let wording = (columns.map(\.text) + groups.map { bandSegments[$0].text }).map(QuestionTableVocabulary.squeezed)
        return MeasureHeaderBand(firstLine: first, lastLine: last, columns: columns, wording: wording)
    }

    /// Whether header columns name a measure and at least `n` roles read into a row (analysis and
    /// question columns aside).
    static func namesRoles(_ columns: [Column], atLeast n: Int) -> Bool {
        let roles = Set(columns.compactMap(\.role)).subtracting([.analysis, .question])
        return roles.contains(.measure) && roles.count >= n
    }

    /// Header cells side by side whose words are one cell's, cut apart: the layout cuts lines at
    /// the column borders of the borderless tables it finds, whose columns come from the words, so
    /// that a body text reaching past its header's text can cut the header too (`วัน เดือน ปี | ที่`
    /// over `1 ต.ค.67 - | 30`, tune seed 306: the `30` fell in a column of no role and was lost;
    /// `ผู้รับผิดชอบ/ | ผู้ที่`, fresh tune seed 526). Two neighbouring cells are joined when one names no
    /// role and is a piece of header wording, a line holds the left one's words right before the
    /// right one's, and their words read together name a role, the named one's if either names one,
    /// in a phrase or header word of the vocabulary that runs across the two.
    /// `cells` are `BandCells` of `segments`, left to right.
    static func joinedPieces(_ cells: [BandCells.Cell], _ segments: [ReadSegment],
                             _ vocabulary: MeasureHeaderVocabulary) -> [BandCells.Cell] {
        let boxes = segments.map(\.box)
        func text(_ members: [Int]) -> String { Self.text(of: BandCells.readingOrder(members, boxes), in: segments) }
        var out = cells
        // Each cell's text, read once (sorting and joining its parts was a share of this function).
        var texts = cells.map { text($0.members) }
        var k = 0
        while k + 1 < out.count {
            let a = out[k], b = out[k + 1]
            let textA = texts[k], textB = texts[k + 1]
            let roleA = vocabulary.role(of: textA), roleB = vocabulary.role(of: textB)
            let pieceA = roleA == nil && vocabulary.isPieceOfWording(QuestionTableVocabulary.squeezed(textA))
            let pieceB = roleB == nil && vocabulary.isPieceOfWording(QuestionTableVocabulary.squeezed(textB))
            // Parts of one line share its top (the band's segments are its lines' pieces).
            let sharedLine = BandCells.sharesLine(a, before: b, boxes)
            let joined = a.joined(with: b)
            // A year standing as a cell of its own right after a cell's words on their line qualifies
            // that cell: no plan column holds only a year (`ข้อค้นพบ ปี | ๒๕๖๘`, cut apart by the
            // layout before the year, fresh tune seed 1182: every analysis line below reached over the
            // year's column, and the plan was taken to end at the top of its next page).
            if roleB == nil, sharedLine, isYearOnly(textB) {
                out[k] = joined
                texts[k] = text(joined.members)
                out.remove(at: k + 1)
                texts.remove(at: k + 1)
                continue
            }
            guard pieceA || pieceB, sharedLine else { k += 1; continue }
            let joinedText = text(joined.members)
            let role = vocabulary.role(of: joinedText)
            if let role, roleA == nil || roleA == role, roleB == nil || roleB == role,
               vocabulary.hasWordingAcross(joinedText, textA, textB) {
                out[k] = joined
                texts[k] = joinedText
                out.remove(at: k + 1)
                texts.remove(at: k + 1)
            } else {
                k += 1
            }
        }
        return out
    }

    /// Indices of the segments that are upper cells of a two-row header: a segment above two or
    /// more side-by-side header cells that each name a column (`names`, the vocabulary's roles;
    /// a cell's wrapped lines are read together). The cells under it are the columns; its own words
    /// (`วิเคราะห์ผลการประเมิน`, `การนำผลการวิเคราะห์ไปสู่การปฏิบัติ`) only group them. A header
    /// cell whose own lower line is cut in two (`ข้อค้นพบ` over `ปี` and `๒๕๖๘`, a year set apart)
    /// has nothing that names a column under it, and stays a column. A lower line may reach up
    /// into the group line by `lineOverlap` of its height (`InterpretSettings.headerGroupLineOverlap`).
    static func groupCells(_ segments: [ReadSegment], lineOverlap: Double, names: (String) -> Bool) -> Set<Int> {
        BandCells.groupCells(segments.map(\.box), lineOverlap: lineOverlap) { names(Self.text(of: $0, in: segments)) }
    }

    /// The texts of the cells that `segments` make: segments grouped by horizontal overlap, each
    /// cell's read top to bottom (a cell's wrapped lines together).
    static func cellTexts(_ segments: [ReadSegment]) -> [String] {
        BandCells.cells(segments.map(\.box)).map { Self.text(of: $0, in: segments) }
    }

    /// The text of a cell whose members (indices into `segments`, in reading order) `BandCells` gave.
    private static func text(of cell: [Int], in segments: [ReadSegment]) -> String {
        cell.map { segments[$0].text }.joined(separator: " ")
    }

    /// The band with a remnant line's words added to the header cells they sit under (a header
    /// row cut by a page break), roles re-read from the completed cell texts.
    /// A two-row header whose rows a page break parted (tune seed 426: `การนำผลการวิเคราะห์ไปสู่การปฏิบัติ`
    /// at a page's foot, `มาตรการ/กิจกรรม | ขั้นตอน/วิธีปฏิบัติ` under it at the next page's top):
    /// the upper cell was taken for one column; when the remnant holds several cells under it that
    /// each name a role of their own, one no other column has, it was a group cell, and those cells
    /// become its columns (`groupCells`, for a header printed on one page).
    func extended(with line: ReadLine, vocabulary: MeasureHeaderVocabulary) -> MeasureHeaderBand {
        var copy = self
        var under: [Int: [ReadSegment]] = [:]
        for seg in line.segments { under[column(for: seg.box), default: []].append(seg) }
        var groups: [Int: [Column]] = [:]
        for (k, segs) in under where segs.count >= 2 {
            let roles = segs.compactMap { vocabulary.role(of: $0.text) }
            let elsewhere = Set(columns.indices.filter { $0 != k }.compactMap { columns[$0].role })
            guard roles.count == segs.count, Set(roles).count == roles.count, elsewhere.isDisjoint(with: roles) else { continue }
            groups[k] = segs.sorted { $0.box.startsLeft(of: $1.box) }
                .map { Column(role: vocabulary.role(of: $0.text), extent: $0.box.columnExtent, text: $0.text) }
        }
        var completed = Set<Int>()
        for seg in line.segments {
            let k = column(for: seg.box)
            guard groups[k] == nil else { continue }
            copy.columns[k].text += " " + seg.text
            copy.columns[k].role = vocabulary.role(of: copy.columns[k].text)
            completed.insert(k)
        }
        // The completed cells are the header's wording too: a repeat of the header on a later page
        // is told by it (fresh tune 1261: the analysis cell `ผลการวิเคราะห์การ` ran on over the page
        // break as `ประเมิน / ข้อ / บกพร่อง/ / ข้อ / ปรับปรุง`; each repeated band, not knowing
        // `บกพร่อง/`, ended above it, and the owner's and period's last words went into every row).
        copy.wording += completed.sorted().map { QuestionTableVocabulary.squeezed(copy.columns[$0].text) }
        // Right to left, so the indices of the columns still to replace hold.
        for k in groups.keys.sorted(by: >) {
            copy.wording += ([columns[k].text] + groups[k]!.map(\.text)).map(QuestionTableVocabulary.squeezed)
            copy.columns.replaceSubrange(k...k, with: groups[k]!)
        }
        return copy
    }

    /// True when every segment of `line` is header wording that `earlier` (the same plan's header
    /// on an earlier page, same column roles) has in the segment's column and this band lacks.
    /// A column of this band may name no role yet where its text is a piece of the earlier
    /// header's cell: the remnant completes it (tune seed 345: `ผู้รับ | ผิด` over `ชอบ` below the
    /// band, all the page's owner cells lost).
    func isRepeatRemnant(_ line: ReadLine, of earlier: MeasureHeaderBand) -> Bool {
        guard earlier.columns.count == columns.count, !line.segments.isEmpty else { return false }
        let sameColumns = zip(earlier.columns, columns).allSatisfy { was, now in
            was.role == now.role || (now.role == nil && was.role != nil
                && QuestionTableVocabulary.squeezed(was.text).contains(QuestionTableVocabulary.squeezed(now.text)))
        }
        guard sameColumns else { return false }
        return line.segments.allSatisfy { seg in
            let k = column(for: seg.box)
            let piece = QuestionTableVocabulary.squeezed(seg.text)
            return !piece.isEmpty && QuestionTableVocabulary.squeezed(earlier.columns[k].text).contains(piece)
                && !QuestionTableVocabulary.squeezed(columns[k].text).contains(piece)
        }
    }

    /// True when a line holds only header wording or word pieces: the rest of a header row
    /// that ran over a page break. A word piece opening a gloss (`(แนวทาง/มาตรก` of the measure
    /// header's `(แนวทาง/มาตรการ)`, fresh tune seed 1159: read as a plan row) is the header's too.
    static func isHeaderRemnant(_ line: ReadLine, vocabulary: MeasureHeaderVocabulary, settings: InterpretSettings) -> Bool {
        line.segments.allSatisfy { isHeaderCellLine($0.text, vocabulary, settings) || isShortPiece($0.text, settings) || isGloss($0.text, vocabulary, settings) }
    }

    /// A header cell's own gloss, or its first piece: a word piece opening with a gloss bracket.
    static func isGloss(_ text: String, _ vocabulary: MeasureHeaderVocabulary, _ settings: InterpretSettings) -> Bool {
        guard let f = QuestionTableVocabulary.squeezed(text).unicodeScalars.first, vocabulary.headerGlossOpeners.contains(f) else { return false }
        return isWordPiece(text, vocabulary, settings)
    }

    /// True when the text is one year alone: four digits making a year of the era as printed
    /// (`๒๕๖๘`, `2568`; `BuddhistEraYear.printedYears`, the one year predicate), spaces aside.
    static func isYearOnly(_ text: String) -> Bool {
        BuddhistEraYear.isYear(QuestionTableVocabulary.squeezed(text), in: BuddhistEraYear.printedYears)
    }

    /// True when the text holds a number that is not a year (a run of four digits that is a year
    /// of the era, `BuddhistEraYear.printedYears`, as `isYearOnly` asks): a header cell wraps its
    /// year onto a line of its own ("ข้อค้นพบ ปี" over "๒๕๖๗"), while list numbers, scores and dates
    /// mark a body line.
    static func hasNumberOtherThanYear(_ text: String) -> Bool {
        var digits: [Int] = []
        for u in text.unicodeScalars {
            if let d = ThaiNumber.digitValue(u) { digits.append(d); continue }
            if !digits.isEmpty && !BuddhistEraYear.isYear(digits: digits, in: BuddhistEraYear.printedYears) { return true }
            digits.removeAll(keepingCapacity: true)
        }
        return !digits.isEmpty && !BuddhistEraYear.isYear(digits: digits, in: BuddhistEraYear.printedYears)
    }

    /// A piece of a wrapped header word ("ระยะ", "ดำเนิน", "ชอบ"): a few letters, no number but a
    /// year: a header cell wraps its year onto a line of its own (`ข้อค้นพบ ปี` over `2566`, cut
    /// from it by a page break, fresh tune seed 1169: `2566 | งาน` was read as a plan row).
    private static func isShortPiece(_ text: String, _ settings: InterpretSettings) -> Bool {
        let t = QuestionTableVocabulary.squeezed(text)
        return hasAtMost(Int(settings.headerShortPieceMaxCharacters), charactersIn: t) && !hasNumberOtherThanYear(t)
    }

    /// A wrapped header line ("วิธีการนำผลวิเคราะห์ไปสู่การ"): short, no number, no list bullet
    /// (`vocabulary`'s item and header-piece bullets).
    private static func isWordPiece(_ text: String, _ vocabulary: MeasureHeaderVocabulary, _ settings: InterpretSettings) -> Bool {
        let t = QuestionTableVocabulary.squeezed(text)
        // A bracket opens a header's own gloss ("(แนวทาง/มาตรการ)"); only "(1)" is a list item.
        guard let f = t.unicodeScalars.first, !vocabulary.headerPieceBullets.contains(f),
              !MeasureItemMarker.starts(t, bullets: vocabulary.itemBullets) else { return false }
        return hasAtMost(Int(settings.headerWordPieceMaxCharacters), charactersIn: t) && !hasNumberOtherThanYear(t)
    }

    /// A header line's cell: short, and only header wording.
    private static func isHeaderCellLine(_ text: String, _ vocabulary: MeasureHeaderVocabulary, _ settings: InterpretSettings) -> Bool {
        hasAtMost(Int(settings.headerCellMaxCharacters), charactersIn: QuestionTableVocabulary.squeezed(text)) && vocabulary.isHeaderWording(text, coverage: settings.headerWordingCoverage)
    }

    /// `t.count <= n`, without counting past n + 1 Characters (grapheme breaking of a long body line
    /// was a large part of finding header bands): a String has no more Characters than scalars.
    static func hasAtMost(_ n: Int, charactersIn t: String) -> Bool {
        if t.scalarCount <= n { return true }
        var k = 0
        for _ in t {
            k += 1
            if k > n { return false }
        }
        return true
    }

    /// The column a body segment belongs to: the only header cell it overlaps; when it overlaps
    /// several, the one whose stretch (between midpoints of neighbouring header cells) holds its
    /// left edge (cell text is left-aligned); when none, that stretch alone.
    func column(for box: Box) -> Int { headerColumns.column(for: box) }

    /// The role column `k`'s text is read as in a measure row, nil when it is not read (analysis;
    /// a question column, unless the plan has no issue column, when the question is the issue).
    func readRole(of k: Int) -> MeasureColumnRole? {
        guard let role = columns[k].role else { return nil }
        if role == .question, !columns.contains(where: { $0.role == .issue || $0.role == .indicator }) { return .issue }
        return role.isRead ? role : nil
    }

    /// True when a segment overlaps the header text of two columns: it crosses a cell border
    /// (a body cell lies inside its column, and a header cell's text inside that cell):
    /// `straddleMinColumns` of them.
    func straddles(_ box: Box, _ settings: InterpretSettings) -> Bool {
        Double(headerColumns.overlapCount(box)) >= settings.straddleMinColumns
    }

    /// True when a segment runs across several columns' header cells (prose, a heading):
    /// `headingMinColumns` or more, each covered by `headingColumnCoverShare` of its width (up to
    /// `headingNarrowColumn`).
    func spansColumns(_ box: Box, _ settings: InterpretSettings) -> Bool {
        let covered = headerColumns.coveredCount(box, share: settings.headingColumnCoverShare, narrow: settings.headingNarrowColumn)
        return Double(covered) >= settings.headingMinColumns
    }
}
