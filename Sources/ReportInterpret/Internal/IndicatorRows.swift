import Foundation
import ITAModel
import ThaiCharacters
import PageLayout

/// One row of text cells to read indicator scores from: a table row of the layout, or a line's
/// segments (lines outside any detected table).
struct CellRow {
    struct Cell {
        var text: String; var box: Box; var raw: String
        /// What the normalise stage changed to make `text`.
        var changes: [TextChange] = []
    }
    var cells: [Cell]
    var page: Int
    var box: Box
    /// Index of the row's first line in `DocumentReader.lines` (for "lines before" tests).
    var lineIndex: Int
    /// Index of the row's last line (a row with a wrapped cell spans several lines).
    var lastLineIndex: Int
    /// Whether the row's page was read by OCR (`PageLayoutResult.recognised`).
    var recognised = false
    /// The layout's page-furniture marks of the table row or line the row is (`TableRow.furniture`,
    /// `TextLine.furniture`).
    var furniture: PageFurniture.Marks = []
    /// An OCR'd table row with nothing in its table's number column (`IndicatorRows.numberColumns`):
    /// Tesseract left the lone digit unread, as a blank cell would show (`RecognisedIndicatorLabel`).
    var numberCellBlank = false

    func provenance(via: String) -> Provenance {
        Provenance(page: page, box: box, cells: cells.map(\.raw), via: via).with(cellChanges: cells.map(\.changes))
    }
}

/// What a row says about indicators.
enum ParsedRow {
    /// "tool | N | name | score...", "N. name | score...", "ตัวชี้วัดที่ N name | score...",
    /// "rank | ตัวชี้วัดที่ N name | score" (ranked = true: the leading number is a rank).
    case indicator(number: Int, name: String?, scores: [(String, Box)], ranked: Bool)
    /// An indicator label with no score on its line (a wrapped cell: scores on the next line).
    case label(number: Int, name: String?, ranked: Bool)
    /// Score cells only, or beside a tool cell alone (`tool`: "OIT | 86.92 | 100.00", the label
    /// cell wrapped onto the lines above and below).
    case scoresOnly([(String, Box)], tool: Tool? = nil)
    /// A header naming two or more years, with each year's column centre.
    case yearHeader([(Int, Double)])
    /// "คะแนนเฉลี่ย | s1 | s2 ..." or "ระดับการประเมิน | r1 | r2 ...".
    case average([(String, Box)])
    case rating([(Rating, Box)])
    case other
}

enum IndicatorRows {
    /// A table cell normalised once (`rows`), with the column it stands in: what `numberColumns`
    /// and the rows both read.
    struct NormalisedCell {
        var column: Int
        var span: Int
        var cell: CellRow.Cell
    }

    /// The rows of the document in reading order: table rows from the layout, then every line not
    /// inside a table, sorted by page and position.
    static func rows(_ reader: DocumentReader) -> [CellRow] {
        var rows: [CellRow] = []
        var tableBoxes: [Int: [Box]] = [:]
        let recognised = Set(reader.layout.pages.filter(\.recognised).map(\.page))
        for table in reader.tables {
            tableBoxes[table.page, default: []].append(table.box)
            let pageNumbers = PageNumberCells.lines(onPage: table.page, reader)
            // A row above the table's first score is read as a header too, when its lines name
            // the year columns: the layout marks a stream table's first row as its header, and a
            // two-row header's lower row (`คะแนน 2567 | ปีงบประมาณ 2568` under `คะแนนรายตัวชี้วัด`,
            // fresh tune seed 501, its 2567 column unread) may come out as the first body row.
            var scored = false
            // A row that was only the page number is no row. Each row's cells are normalised once,
            // for the number columns and the rows alike.
            let rowsRead = table.rows.map { PageNumberCells.strip($0, pageNumbers) }.filter { !$0.cells.isEmpty }.map { row in
                (row: row, cells: row.cells.sorted { $0.column < $1.column }.map { c in
                    let n = reader.normalised.cell(c)
                    return NormalisedCell(column: c.column, span: c.columnSpan,
                                          cell: CellRow.Cell(text: n.text, box: c.box, raw: c.rawText, changes: n.changes))
                })
            }
            let numberColumns = recognised.contains(table.page) ? Self.numberColumns(rowsRead.map(\.cells), reader) : []
            for (row, normalisedCells) in rowsRead {
                let cells = normalisedCells.map(\.cell)
                let numberCellBlank = !numberColumns.isEmpty && !row.cells.contains { c in
                    numberColumns.contains(c.column) && !c.rawText.unicodeScalars.allSatisfy { CharacterSet.whitespaces.contains($0) }
                }
                let inRow: (ReadLine) -> Bool = { $0.box.sharesRow(with: row.box) }
                let li = reader.firstLine(onPage: table.page, where: inRow) ?? 0
                let last = reader.lastLine(onPage: table.page, where: inRow) ?? li
                let holdsScore = cells.contains { scoreCells($0, reader.ita, recognised: recognised.contains(table.page))?.contains { $0.0.contains(".") } ?? false }
                let aboveScores = !scored && !holdsScore
                scored = scored || holdsScore
                if row.isHeader || aboveScores, let lineRows = headerLines(li...last, cells, reader, recognised: recognised.contains(table.page)) { rows += lineRows; continue }
                rows.append(CellRow(cells: cells, page: table.page, box: row.box, lineIndex: li, lastLineIndex: last,
                                    recognised: recognised.contains(table.page), furniture: row.furniture,
                                    numberCellBlank: numberCellBlank))
            }
        }
        for (i, line) in reader.lines.enumerated() {
            if let boxes = tableBoxes[line.page], boxes.contains(where: { $0.holdsTableLine(line.box, settings: reader.layout.settings) }) { continue }
            rows.append(CellRow(cells: line.segments.map { CellRow.Cell(text: $0.text, box: $0.box, raw: $0.raw, changes: $0.changes) },
                                page: line.page, box: line.box, lineIndex: i, lastLineIndex: i, recognised: recognised.contains(line.page),
                                furniture: line.furniture))
        }
        return rows.sorted { $0.page != $1.page ? $0.page < $1.page : $0.box.readsBefore($1.box) }
    }

    /// The columns of an OCR'd table that hold indicator numbers: a column in which some row prints
    /// a number 1-10 alone, beside a name that matches that indicator's (`indicatorMatchingWithRunnerUp`,
    /// the recognised-name thresholds). Tesseract leaves most lone digits of such a column unread
    /// (tune scans v000008, v000012: one or two of ten read), and without the column's evidence a
    /// row printing only "name | score" would be a chart legend's or a summary's.
    static func numberColumns(_ rows: [[NormalisedCell]], _ reader: DocumentReader) -> Set<Int> {
        let v = reader.ita, settings = reader.settings
        var out = Set<Int>()
        for row in rows {
            let texts = row.map { (column: $0.column, span: $0.span, text: $0.cell.text) }
            for c in texts where c.span == 1 && isIndicatorNumberCell(c.text, v) {
                var k = KeyedText.keyString(c.text)
                if k.hasSuffix(".") { k.removeLast() }
                guard let number = Int(k) else { continue }
                let named = texts.contains { other in
                    guard other.column != c.column,
                          let m = v.indicatorMatchingWithRunnerUp(name: other.text, settings) else { return false }
                    return m.number == number && m.similarity >= settings.recognisedNameMinSimilarity
                        && m.runnerUp <= settings.recognisedNameMaxRunnerUp
                }
                if named { out.insert(c.column) }
            }
        }
        return out
    }

    /// A header row read line by line, when its lines name the year columns and its cells do not:
    /// the layout puts a stream table's header words in the body's columns, and a header whose cells
    /// wrap differently ("ปีงบประมาณ 2565 | คะแนน ปี พ.ศ. 2566 | คะแนนปี 2567") lands its years in the
    /// wrong cells. The lines keep each year where it is printed (`WrappedYearHeader` joins a wrapped
    /// cell's year from the next line).
    static func headerLines(_ lines: ClosedRange<Int>, _ cells: [CellRow.Cell], _ reader: DocumentReader, recognised: Bool) -> [CellRow]? {
        guard yearHeader(cells, reader.ita, specks: recognised ? Int(reader.settings.ocrHeaderSpeckMaxLetters) : nil) == nil else { return nil }
        let rows = lines.map { i in
            let line = reader.lines[i]
            return CellRow(cells: line.segments.map { CellRow.Cell(text: $0.text, box: $0.box, raw: $0.raw, changes: $0.changes) },
                           page: line.page, box: line.box, lineIndex: i, lastLineIndex: i, recognised: recognised,
                           furniture: line.furniture)
        }
        return rows.contains { yearHeader($0.cells, reader.ita) != nil } ? rows : nil
    }

    /// Splits a cell holding only scores ("๑๐๐.๐๐ ๑๐๐.๐๐ ๙๑.๒๕") into its scores, or nil. On an
    /// OCR'd page (`recognised`) a word of specks alone (`ocrScoreSpecks`: "96.68 .", "89.37 : .",
    /// tune scan v000008, whose score column was left unread for them) is passed over at the
    /// cell's ends only; it still holds its place in the cell's width. A speck between two numbers
    /// may be a point OCR split off (`100 . 00`): such a cell is no score cell, as before.
    static func scoreCells(_ cell: CellRow.Cell, _ v: ITAVocabulary, recognised: Bool = false) -> [(String, Box)]? {
        let parts = cell.text.splitOnSeparators(.spaceOrTab)
        guard !parts.isEmpty else { return nil }
        var out: [(String, Box)] = []
        let shares = cell.box.sharedWidth(parts.count)
        let isSpecks = { (p: String) in recognised && p.unicodeScalars.allSatisfy(v.ocrScoreSpecks.contains) }
        let first = parts.firstIndex { !isSpecks($0) } ?? parts.endIndex
        let last = parts.lastIndex { !isSpecks($0) } ?? parts.startIndex
        for (k, p) in parts.enumerated() {
            if isSpecks(p), k < first || k > last { continue }
            guard let s = NumberTokens.wholeScore(p, decoration: v.scoreDecoration) else { return nil }
            out.append((s, shares[k]))
        }
        return out.isEmpty ? nil : out
    }

    static func parse(_ row: CellRow, _ v: ITAVocabulary, _ settings: InterpretSettings) -> ParsedRow {
        // Same as "trimmed of .whitespaces is not empty", without building the trimmed string.
        var cells = row.cells.filter { !$0.text.unicodeScalars.allSatisfy { CharacterSet.whitespaces.contains($0) } }
        guard !cells.isEmpty else { return .other }
        // Year header: two or more cells (or words) that are years, nothing else but year words.
        if let header = yearHeader(cells, v, specks: row.recognised ? Int(settings.ocrHeaderSpeckMaxLetters) : nil) { return .yearHeader(header) }
        // A page number (the layout's furniture mark) is never a score: `(๘)` at the top of the page
        // after a prose indicator line that wraps (`ตัวชี้วัดที่ ๒ ... ได้ 90.03 คะแนน ควรพัฒนาและ`)
        // was read as that indicator's score 8 (fresh tune 2736). Table rows are stripped of page
        // numbers already (`PageNumberCells`); this is the lines outside tables.
        if row.furniture.contains(.pageNumber) { return .other }
        let r = row.recognised
        // A row with no digit in any cell (most lines of prose: every line of the document comes
        // here) holds no score, year or indicator number, so of what follows only a rating row
        // (words alone) can be it. A page read by OCR goes on: `RecognisedIndicatorLabel` reads a
        // name whose number cell OCR left blank.
        if !r, !cells.contains(where: { $0.text.unicodeScalars.contains(where: isDigit) }) {
            return ratingRow(cells, labelKey: KeyedText.keyString(cells.map(\.text).joined(separator: " ")), v) ?? .other
        }
        var scores: [(String, Box)] = []
        while let last = cells.last, let s = scoreCells(last, v, recognised: r) {
            // The number column may come last or after the scores ("name | score | N",
            // "name | N | score"): a cell holding only a whole number 1-10 is the indicator's
            // number, not a score, when no other cell of the row could hold that number.
            if isIndicatorNumberCell(last.text, v), !s[0].0.contains("."),
               !cells.dropLast().contains(where: { c in scoreCells(c, v, recognised: r)?.allSatisfy({ $0.0.contains(".") }) != true && c.text.unicodeScalars.contains(where: isDigit) }) {
                break
            }
            // The number cell run into the score cell ("๑ 96.03" after the name): a leading whole
            // number 1-10 before decimal scores is the indicator's number, kept as a label cell.
            // Only when no other cell of the row holds a number: a weight column run into the score
            // ("name | 6 96.03") must not renumber the row.
            if s.count >= 2, !s[0].0.contains("."), isIndicatorNumberCell(s[0].0, v), s.dropFirst().allSatisfy({ $0.0.contains(".") }),
               !cells.dropLast().contains(where: { c in c.text.unicodeScalars.contains(where: isDigit) }) {
                scores.insert(contentsOf: s.dropFirst(), at: 0)
                cells[cells.count - 1].text = s[0].0
                cells[cells.count - 1].box = s[0].1
                break
            }
            scores.insert(contentsOf: s, at: 0); cells.removeLast()
        }
        // Score cells before or between the label cells (columns in any order: "score | N name",
        // "IIT | 98.02 | 75.19 | N name"): only numbers with decimals, so that the indicator's
        // own number cell ("๑") is never taken for a score.
        if scores.isEmpty {
            var kept: [CellRow.Cell] = []
            for c in cells {
                if let s = scoreCells(c, v, recognised: r), s.allSatisfy({ $0.0.contains(".") }) { scores += s } else { kept.append(c) }
            }
            if !scores.isEmpty && !kept.isEmpty { cells = kept } else { scores = [] }
        }
        // A score glued to the end of the last label cell ("การใช้อำนาจ ๑๐๐.๐๐"), or of the cell
        // before a tool column that closes the row ("การปฏิบัติหน้าที่ 94.31 | IIT": the columns
        // "N | name | score | tool", name and score run together by the layout, fresh tune 1407).
        if scores.isEmpty, let g = cells.lastIndex(where: { Self.toolCell($0.text) == nil }) {
            let kt = KeyedText(cells[g].text)
            if let n = NumberTokens.find(in: kt).last, n.isScore, n.hasFraction, n.range.upperBound == kt.scalars.count,
               n.range.lowerBound > 0, KeyedText.isSpace(kt.scalars[n.range.lowerBound - 1]) {
                scores = [(n.text, cells[g].box)]
                cells[g].text = kt.text(0..<n.range.lowerBound).trimmingCharacters(in: .whitespaces)
            }
        }
        // A score glued to the start of the first label cell ("๙๖.๕๖ ๑. การปฏิบัติหน้าที่": a score
        // column before the label, run together by a narrow gutter). One score only: several in a
        // row are a multi-year table's, whose columns a shared cell box cannot tell apart.
        if scores.isEmpty, let first = cells.first {
            let kt = KeyedText(first.text)
            let nums = NumberTokens.find(in: kt)
            // The label must then start with the indicator's number ("๑." / "1"), and the score have a
            // score's two decimals: a numbered heading ("๒.๓ การใช้อำนาจ", "1.1 ...") is no score.
            func startsNumbered(after n: NumberToken) -> Bool {
                let rest = kt.text(n.range.upperBound..<kt.scalars.count).trimmingCharacters(in: .whitespaces)
                return rest.split(separator: " ").first.map { isIndicatorNumberCell(String($0), v) } ?? false
            }
            if let n = nums.first, n.isScore, n.hasFraction, n.range.lowerBound == 0, n.range.upperBound < kt.scalars.count,
               n.text.split(separator: ".", omittingEmptySubsequences: false).last?.count == 2, startsNumbered(after: n),
               KeyedText.isSpace(kt.scalars[n.range.upperBound]), !(nums.dropFirst().first.map { $0.isScore && $0.hasFraction } ?? false) {
                scores = [(n.text, first.box)]
                cells[0].text = kt.text(n.range.upperBound..<kt.scalars.count).trimmingCharacters(in: .whitespaces)
            }
        }
        if cells.isEmpty { return scores.isEmpty ? .other : .scoresOnly(scores) }
        // A tool cell alone beside the scores: the row's label cell wrapped onto the lines around
        // it (`10. การป้องกันการ` / `OIT | 86.92 | 100.00` / `ทุจริต` at a page's top, fresh tune 1495).
        if !scores.isEmpty, cells.count == 1, let tool = Self.toolCell(cells[0].text) { return .scoresOnly(scores, tool: tool) }
        let labelKey = KeyedText.keyString(cells.map(\.text).joined(separator: " "))
        if !scores.isEmpty, v.rowCueKeys.tableAverageRows.contains(where: { labelKey.hasPrefix($0) }), cells.count == 1 {
            return .average(scores)
        }
        if scores.isEmpty, let rating = ratingRow(cells, labelKey: labelKey, v) { return rating }
        // On an OCR'd page a misread number cell leaves the name to say which indicator it is. Only
        // a blank cell left of the name stands for the number: one right of it (remarks, another
        // year's column) says nothing of a number, unless other rows show it is the table's number
        // column (`numberColumns`: "name | N | score", tune scan v000012).
        func blankCellsBeforeName() -> Int {
            guard let name = cells.last, let k = row.cells.firstIndex(where: { $0.box == name.box }) else { return 0 }
            return row.cells[..<k].filter { $0.text.unicodeScalars.allSatisfy { CharacterSet.whitespaces.contains($0) } }.count
                + (row.numberCellBlank ? 1 : 0)
        }
        guard let (number, name, ranked) = indicatorLabel(cells, v, settings)
                ?? (row.recognised ? RecognisedIndicatorLabel.label(cells, v, settings, blankCells: blankCellsBeforeName()).map { ($0.0, $0.1, false) } : nil) else { return .other }
        return scores.isEmpty ? .label(number: number, name: name, ranked: ranked)
                              : .indicator(number: number, name: name, scores: scores, ranked: ranked)
    }

    /// "ระดับการประเมิน | r1 | r2 ...": the row's ratings after its label (`labelKey`: its cells'
    /// text, keyed), or nil.
    static func ratingRow(_ cells: [CellRow.Cell], labelKey: String, _ v: ITAVocabulary) -> ParsedRow? {
        guard v.rowCueKeys.tableRatingRows.contains(where: { labelKey.hasPrefix($0) }) else { return nil }
        let ratings = ratingCells(Array(cells.dropFirst()))
        return ratings.isEmpty ? nil : .rating(ratings)
    }

    static func ratingCells(_ cells: [CellRow.Cell]) -> [(Rating, Box)] {
        var out: [(Rating, Box)] = []
        for c in cells {
            let parts = c.text.splitOnSeparators(.space)
            let shares = c.box.sharedWidth(parts.count)
            for (k, p) in parts.enumerated() {
                let key = KeyedText.keyString(p)
                guard let r = Rating.allCases.first(where: { KeyedText.keyString($0.rawValue) == key }) else { return [] }
                out.append((r, shares[k]))
            }
        }
        return out
    }

    static func yearHeader(_ cells: [CellRow.Cell], _ v: ITAVocabulary, specks: Int? = nil) -> [(Int, Double)]? {
        yearCells(cells, v, specks: specks).flatMap { $0.count >= 2 ? $0 : nil }
    }

    /// A word OCR made of a speck or a broken glyph: no Thai letter and no digit, one to `maxLetters`
    /// Latin letters and the rest punctuation (`x` beside a header cell's title on tune scan v002200:
    /// `x คะแนนปีิ 2567`). Punctuation alone is no speck, and a dash never is part of one: a
    /// spaced dash joins two years into a range (`2566 - 2567`), which is no two-column header.
    static func isSpeckWord(_ word: Substring, maxLetters: Int) -> Bool {
        var letters = 0
        for u in word.unicodeScalars {
            if ThaiScript.isThaiDigit(u.value) || ThaiScript.isASCIIDigit(u.value) || ThaiScript.isThaiLetterOrSign(u.value) { return false }
            if u.properties.generalCategory == .dashPunctuation { return false }
            if CharacterSet.letters.contains(u) { letters += 1 } else if !CharacterSet.punctuationCharacters.contains(u) { return false }
        }
        return letters >= 1 && letters <= maxLetters
    }

    /// The years a row of header cells names, each with its column centre (nil when a cell holds
    /// anything but years and year words): one year is a wrapped piece of a multi-year header.
    /// `specks` (an OCR'd row: `InterpretSettings.ocrHeaderSpeckMaxLetters`): a cell's speck words
    /// (`isSpeckWord`) are no text of it.
    static func yearCells(_ cells: [CellRow.Cell], _ v: ITAVocabulary, specks: Int? = nil) -> [(Int, Double)]? {
        var years: [(Int, Double)] = []
        let keys = v.rowCueKeys
        for c in cells {
            // A cell without a digit has no number: every branch below passes over it (every row
            // of the document comes here, most cells are words).
            if !c.text.unicodeScalars.contains(where: isDigit) { continue }
            let kt = KeyedText(c.text)
            let nums = NumberTokens.find(in: kt)
            let ys = nums.filter(\.isYear)
            if ys.isEmpty {
                if years.isEmpty { continue } // a leading label cell ("เครื่องมือ", "ตัวชี้วัด")
                if keys.yearColumnWords.contains(KeyedText.keyString(c.text)) { continue }
                // Label columns after the score columns ("ปี ๒๕๖๕ | ปี ๒๕๖๖ | ชื่อตัวชี้วัด"): words only.
                if nums.isEmpty { continue }
                return nil
            }
            guard ys.count == nums.count else { return nil }
            // The text around the years must be year words only.
            var rest = KeyedText.keyString(specks.map { m in c.text.split(separator: " ").filter { !isSpeckWord($0, maxLetters: m) }.joined(separator: " ") } ?? c.text)
            for y in ys { rest = CanonicalSearch.replacing(y.text, with: "", in: rest) }
            for wd in keys.yearColumnWordsByWordLength { rest = CanonicalSearch.replacing(wd, with: "", in: rest) }
            // A merged two-line header cell ("คะแนน ปี ๒๕๖๗") keeps its column title.
            for wd in keys.yearColumnWordsByKeyLength { rest = CanonicalSearch.replacing(wd, with: "", in: rest) }
            guard rest.isEmpty else { return nil }
            let centres = c.box.sharedWidthCentres(ys.count)
            for (k, y) in ys.enumerated() { years.append((Int(y.value), centres[k])) }
        }
        return years.isEmpty ? nil : years
    }

    /// The indicator a row's label cells name: (number, printed name, ranked).
    static func indicatorLabel(_ cellsIn: [CellRow.Cell], _ v: ITAVocabulary, _ settings: InterpretSettings) -> (Int, String?, Bool)? {
        // A label names its indicator by number (`label` needs one): a row with no digit in any
        // cell, as most lines of prose, is none.
        guard cellsIn.contains(where: { $0.text.unicodeScalars.contains(where: isDigit) }) else { return nil }
        // A leading category cell (a tool's name, wrapped: "แบบวัดการเปิดเผย") may sit before the label.
        for drop in 0..<min(Int(settings.labelMaxLeadingCells) + 1, cellsIn.count) {
            if let r = label(Array(cellsIn.dropFirst(drop)), v, settings) { return r }
        }
        return nil
    }

    private static func label(_ cellsIn: [CellRow.Cell], _ v: ITAVocabulary, _ settings: InterpretSettings) -> (Int, String?, Bool)? {
        let cues = v.cues
        var cells = cellsIn
        // Drop a tool cell ("IIT", "แบบวัด ... (EIT)"): first, or a cell of its own anywhere
        // (tables print the columns in any order: "ตัวชี้วัดที่ | ชื่อตัวชี้วัด | เครื่องมือ | คะแนน").
        var statedTool: Tool?
        if let first = cells.first {
            let k = KeyedText.keyString(first.text)
            if toolKeys.contains(k) || (toolSuffixes.contains { k.hasSuffix($0.1) } && cells.count > 1) {
                cells.removeFirst()
            }
        }
        if cells.count > 1, let i = cells.indices.dropFirst().first(where: { isToolCell(cells[$0].text, cues) }) {
            statedTool = toolCell(cells[i].text)
            cells.remove(at: i)
        }
        // A tool run into the end of the name cell ("การใช้อำนาจ IIT"): a stated tool, not the name.
        if statedTool == nil, let last = cells.last {
            let words = last.text.splitOnSeparators(.space)
            if words.count > 1, let t = toolNamed(words.last!) {
                statedTool = t
                cells[cells.count - 1].text = words.dropLast().joined(separator: " ")
            }
        }
        // A number cell of its own after the name cell ("name | N"): read as "N name".
        if cells.count == 2, Self.isIndicatorNumberCell(cells[1].text, v), !Self.isIndicatorNumberCell(cells[0].text, v) {
            cells = [cells[1], cells[0]]
        }
        guard !cells.isEmpty else { return nil }
        // Only one cell may hold words (the name): a row that runs on into other text
        // ("ตัวชี้วัดที่ ๕ ... | คะแนน | ๐๔๐ ...") is a header of another kind of table.
        let word = v.rowCueKeys.indicatorWord
        let wordy = cells.filter { c in
            KeyedText.hasScalar(outside: word, in: KeyedText.keyString(c.text)) { !(ThaiScript.isASCIIDigit($0.value) || $0 == ".") }
        }
        guard wordy.count <= 1 else { return nil }
        let label = cells.map(\.text).joined(separator: " ")
        let kt = KeyedText(label)
        var ranked = false
        var numberTok: NumberToken?
        var nameStart = 0
        let nums = NumberTokens.find(in: kt)
        guard let firstNum = nums.first else { return nil }
        let beforeFirst = kt.keyText(0..<firstNum.range.lowerBound)
        if beforeFirst == word || beforeFirst == v.rowCueKeys.indicatorShortWord {
            numberTok = firstNum
        } else if beforeFirst.isEmpty {
            // "N name", "N. name" or "rank ตัวชี้วัดที่ N name"
            let afterFirst = kt.keyText(firstNum.range.upperBound..<kt.scalars.count)
            let afterDot = afterFirst.hasPrefix(".") ? String(afterFirst.dropFirst()) : afterFirst
            if afterDot.hasPrefix(word), nums.count >= 2 {
                let between = kt.keyText(firstNum.range.upperBound..<nums[1].range.lowerBound)
                if between == word || between == "." + word { numberTok = nums[1]; ranked = true }
            }
            if numberTok == nil { numberTok = firstNum }
        }
        guard let n = numberTok, !n.hasFraction || n.text.hasSuffix(".") , let number = Int(n.text), v.tool(ofIndicator: number) != nil else { return nil }
        nameStart = n.range.upperBound
        var name = kt.text(nameStart..<kt.scalars.count).trimmingCharacters(in: CharacterSet(charactersIn: " .\t"))
        // "N." as printed may leave the point in the number token's tail.
        if name.hasPrefix(".") { name = String(name.dropFirst()).trimmingCharacters(in: .whitespaces) }
        if name.isEmpty { return beforeFirst == word ? (number, nil, ranked) : nil }
        guard let match = v.indicatorMatching(name: name, settings), match.number == number, match.similarity >= settings.labelMinNameSimilarity else { return nil }
        // A tool cell must name the indicator's own tool.
        if let t = statedTool, v.tool(ofIndicator: number) != t { return nil }
        return (number, name, ranked)
    }

    /// The tool a cell of its own names: "IIT", or a tool's printed name ending in its
    /// abbreviation ("แบบวัดการรับรู้ผู้มีส่วนได้ส่วนเสียภายใน (IIT)").
    static func toolCell(_ text: String) -> Tool? {
        let k = KeyedText.keyString(text)
        if let t = toolNamed(k) { return t }
        for (t, suffix) in toolSuffixes where k.hasSuffix(suffix) { return t }
        return nil
    }

    /// The tool a word is the abbreviation of ("iit", "IIT"): `Tool(rawValue: word.uppercased())`.
    /// Uppercasing never makes a text shorter (a scalar's uppercase is one to three scalars), so a
    /// word of more scalars than the longest abbreviation names no tool and is not uppercased (asked
    /// of every row's last word, uppercasing was 0.4% of a run's CPU).
    static func toolNamed(_ word: String) -> Tool? {
        // A scalar is at most 4 UTF-8 bytes; the byte count is known without walking the text.
        guard word.utf8.count <= 4 * toolNameMaxScalars, word.unicodeScalars.count <= toolNameMaxScalars else { return nil }
        return Tool(rawValue: word.uppercased())
    }

    private static let toolNameMaxScalars = Tool.allCases.map(\.rawValue.unicodeScalars.count).max() ?? 0
    /// What a tool's printed name ends in, in key form: "(iit)".
    private static let toolSuffixes = Tool.allCases.map { ($0, "(" + $0.rawValue.lowercased() + ")") }
    /// The tools' abbreviations as keys (`iit`): a first cell that is one names the row's tool.
    private static let toolKeys = Set(Tool.allCases.map { $0.rawValue.lowercased() })

    /// A tool column's cell: one naming a tool, or beginning as tool names do ("แบบวัดการเปิด",
    /// a tool name cut by a page break, states no tool).
    static func isToolCell(_ text: String, _ cues: ITAVocabulary.Cues) -> Bool {
        if toolCell(text) != nil { return true }
        let k = KeyedText.keyString(text)
        return cues.toolCellStarts.contains { k.hasPrefix(KeyedText.keyString($0)) }
    }

    /// Any digit, Thai or ASCII.
    static func isDigit(_ u: Unicode.Scalar) -> Bool {
        ThaiScript.isDigit(u.value)
    }

    /// A cell holding only an indicator number ("๙", "10.") of indicators.json.
    static func isIndicatorNumberCell(_ text: String, _ v: ITAVocabulary) -> Bool {
        var k = KeyedText.keyString(text)
        if k.hasSuffix(".") { k.removeLast() }
        return Int(k).map { v.indicatorNumbers.contains($0) } ?? false
    }
}
