import ITAModel
import PageLayout

/// Reads the ten indicator scores, for every year a table shows, from every form reports use:
/// tool|number|name|score tables, "N. name" rows, "ตัวชี้วัดที่ N name" rows, ranked lists (the
/// rank is not the indicator), multi-year tables (a "ปี ๒๕๖๖ ปี ๒๕๖๗ ..." header: one score per
/// year) and prose ("ตัวชี้วัดที่ ๑ ... ได้ ๙๙.๕๒ คะแนน"). One row per (year, indicator); when
/// printings disagree the main table's value is kept and a warning gives all values.
///
/// Year of a single-score table: the assessment year only when clearly that year's result: the
/// table follows the sentence giving the overall score (within 8 lines), or a caption just above it
/// names one year, or its indicators' weighted tool means give the printed overall score.
/// Otherwise the year is left nil (an unlabelled second table, e.g. another year's or another
/// unit's results, must not be filed under the assessment year).
enum IndicatorReader {
    static func read(from reader: DocumentReader) -> [IndicatorScore] {
        read(from: reader, fields: ReportFieldsReader.read(from: reader)).indicators
    }

    /// What the reader found: indicator rows, warnings, and the multi-year table's average and
    /// rating rows per year (for the report fields).
    struct Result {
        var indicators: [IndicatorScore] = []
        var warnings: [Warning] = []
        var tableAverages: [Int: (String, Provenance)] = [:]
        var tableRatings: [Int: (String, Provenance)] = [:]
    }

    /// A printing of one indicator score.
    struct Printing {
        var year: Int?
        var number: Int
        var name: String?
        var score: String
        var source: Provenance
        /// 1 plain table, 2 multi-year table, 3 ranked list, 4 prose.
        var priority: Int
        var order: Int
        /// Which table the printing came from (nil for prose): the table whose values best give
        /// the printed overall score is the main one.
        var table: Int? = nil
    }

    static func read(from reader: DocumentReader, fields: ReportFields) -> Result {
        let v = reader.ita
        var result = Result()
        var printings: [Printing] = []
        let assessment = fields.assessmentYear?.value
        let (rows, parsed) = WrappedIndicatorRow.join(IndicatorRows.rows(reader), reader)

        // Groups of single-score rows (a table), and multi-year rows under a year header.
        var header: (years: [(Int, Double)], at: Int, id: Int)?
        // Year columns of an OCR'd header its run of consecutive years does not confirm
        // (`OCRYearRun`), and the scores left out under them, by header.
        var unconfirmed: Set<Int> = []
        var leftOut: [Int: (years: [Int], page: Int, values: [String])] = [:]
        var group: [(row: CellRow, number: Int, name: String?, score: String, ranked: Bool)] = []
        var groups: [[(row: CellRow, number: Int, name: String?, score: String, ranked: Bool)]] = []
        var pendingLabel: (index: Int, number: Int, name: String?, ranked: Bool)?
        // Scores left of a single-score table's kept one, by the group they fall in.
        var unyeared: [Int: (page: Int, values: [String])] = [:]
        func closeGroup() { if !group.isEmpty { groups.append(group); group = [] } }

        func handleIndicator(_ i: Int, _ number: Int, _ name: String?, _ scores: [(String, Box)], _ ranked: Bool) {
            let row = rows[i]
            if let h = header, scores.count >= 2 || (h.years.count >= 2 && Double(i - h.at) <= reader.settings.yearHeaderReachRows) {
                // Multi-year table: each score to the year column nearest its centre (in order when counts agree).
                let assign = assignYears(scores, h.years)
                for (score, year) in assign {
                    if let y = year, unconfirmed.contains(y) {
                        leftOut[h.id, default: (unconfirmed.sorted(), row.page, [])].values.append("\(y)/\(number)=\(score)")
                        continue
                    }
                    printings.append(Printing(year: year, number: number, name: name, score: score,
                                              source: row.provenance(via: "table"), priority: 2, order: printings.count,
                                              table: 1000 + h.id))
                }
                header = (h.years, i, h.id)
                return
            }
            // A new table: a repeated number, or more than `indicatorTableGapLines` lines below the
            // previous row's last line (its last, not first: a row with a wrapped tool cell is 4-5
            // lines tall).
            if group.contains(where: { $0.number == number }) || (group.last.map { Double(row.lineIndex - $0.row.lastLineIndex) > reader.settings.indicatorTableGapLines || row.page != $0.row.page && row.page != $0.row.page + 1 } ?? false) {
                closeGroup()
            }
            group.append((row, number, name, scores[scores.count - 1].0, ranked))
            // A single-score table keeps a row's last score; scores before it (a multi-year table whose
            // year title OCR garbled: hs7 v100352 p. 2) have no year to go under: left out, but said.
            if scores.count >= 2 {
                unyeared[groups.count, default: (row.page, [])].values += scores.dropLast().map { "\(number)=\($0.0)" }
            }
        }

        for (i, p) in parsed.enumerated() {
            switch p {
            case .yearHeader(let years):
                closeGroup(); header = (years, i, i); pendingLabel = nil
                unconfirmed = rows[i].recognised ? OCRYearRun.unconfirmed(years.map(\.0), assessment: assessment) : []
            case .indicator(let number, let name, let scores, let ranked):
                pendingLabel = nil
                handleIndicator(i, number, name, scores, ranked)
            case .label(let number, let name, let ranked):
                pendingLabel = (i, number, name, ranked)
            case .scoresOnly(let scores, let tool):
                // A wrapped label cell: the scores sit on their own line next to the label. Beside a
                // tool cell, only under the label it wraps from, and of that indicator's tool (a
                // table of tool scores, "OIT | 85.00", names no indicator).
                if let l = pendingLabel, l.index >= 0, Double(rows[i].lineIndex - rows[l.index].lineIndex) <= reader.settings.labelScoreLines,
                   tool.map({ v.tool(ofIndicator: l.number) == $0 }) ?? true {
                    handleIndicator(i, l.number, l.name, scores, l.ranked)
                    pendingLabel = nil
                } else if tool == nil, i + 1 < parsed.count, case .label(let number, let name, let ranked) = parsed[i + 1],
                          Double(rows[i + 1].lineIndex - rows[i].lineIndex) <= reader.settings.labelScoreLines {
                    handleIndicator(i, number, name, scores, ranked)
                    pendingLabel = (-100, 0, nil, false)
                }
            case .average(let scores):
                if let h = header {
                    for (score, year) in assignYears(scores, h.years) {
                        if let y = year, !unconfirmed.contains(y), result.tableAverages[y] == nil { result.tableAverages[y] = (score, rows[i].provenance(via: "table")) }
                    }
                }
            case .rating(let ratings):
                if let h = header {
                    let asStrings = ratings.map { ($0.0.rawValue, $0.1) }
                    for (r, year) in assignYears(asStrings, h.years) {
                        if let y = year, !unconfirmed.contains(y), result.tableRatings[y] == nil { result.tableRatings[y] = (r, rows[i].provenance(via: "table")) }
                    }
                }
                header = nil
            case .other:
                // Prose ends a multi-year table; short cells (wrapped names, tool labels) do not.
                if let h = header, Double(i - h.at) > reader.settings.yearHeaderProseRows { header = nil }
                if pendingLabel.map({ $0.index >= 0 && Double(i - $0.index) > reader.settings.labelScoreLines }) ?? false { pendingLabel = nil }
            }
        }
        closeGroup()
        for (_, l) in leftOut.sorted(by: { $0.key < $1.key }) {
            result.warnings.append(Warning(code: .indicatorTableYearUnknown,
                                           message: "an OCR'd multi-year header's year column\(l.years.count == 1 ? "" : "s") \(l.years.map(String.init).joined(separator: ", ")) named by two columns or not in its run of consecutive years\(assessment.map { " with the assessment year \($0)" } ?? ""): a misread year title, so its scores were left out: \(l.values.joined(separator: " "))",
                                           page: l.page))
        }
        // Year of each single-score group.
        let scoreLine: Int? = fields.overallScore?.source.flatMap { s in
            reader.lines.firstIndex { line in line.page == s.page && (s.box.map { b in line.box.sharesRow(with: b) } ?? false) }
        }
        let verdicts = groups.map { g in
            ContentsList.verdict(g.map(\.score), rows: g.map { ($0.row.lineIndex, $0.row.lastLineIndex) }, page: g[0].row.page, reader)
        }
        let strictYears: [Int?] = groups.indices.map { gi in
            let g = groups[gi]
            return verdicts[gi] == .scores ? groupYear(g.map { ($0.number, $0.score) }, firstLine: g[0].row.lineIndex, reader: reader,
                                           fields: fields, scoreLine: scoreLine, multiScore: unyeared[gi] != nil) : nil
        }
        let prose = ProseIndicators.find(reader, assessment: assessment)
        let pieces = groups.indices.filter { verdicts[$0] == .scores }.map { i in
            OnlyIndicatorTable.Piece(rows: groups[i].map { ($0.number, $0.score, $0.row.recognised) }, year: strictYears[i], page: groups[i][0].row.page)
        }
        // A multi-year header whose every column was left out as misread was still printed: no other table is then the only one.
        let inferred = OnlyIndicatorTable(pieces: pieces, multiYearPrinted: !printings.isEmpty || !leftOut.isEmpty, prose: prose)
            .assessmentYear(fields: fields, reader: reader)
        var inferredSaid = false
        for (gi, g) in groups.enumerated() {
            if verdicts[gi] != .contents, let u = unyeared[gi] {
                result.warnings.append(Warning(code: .indicatorTableYearUnknown,
                                               message: "an indicator table's rows print more than one score and no year title over them was read (a multi-year table whose header is lost): the last score of each row was taken as the table's, and kept only where the printed overall score confirms its year; the ones before it were left out: \(u.values.joined(separator: " "))",
                                               page: u.page))
            }
            switch verdicts[gi] {
            case .scores: break
            case .contents: continue  // a contents page's page numbers: no scores, nothing left out
            case .unconfirmed:
                let values = g.map { "\($0.number)=\($0.score)" }.joined(separator: " ")
                result.warnings.append(Warning(code: .indicatorTablePageNumbers,
                                               message: "an indicator list whose values are whole numbers rising down the list, as a contents page's page numbers are, with no contents heading or leaders, was left out: \(values)",
                                               page: g[0].row.page))
                continue
            }
            var via = "table"
            var year = strictYears[gi]
            // A lost multi-year header's last column takes a year from the arithmetic only (`groupYear`).
            if year == nil, unyeared[gi] == nil, let inferred {
                year = inferred.year
                via = OnlyIndicatorTable.via
                if !inferredSaid { result.warnings.append(inferred.warning); inferredSaid = true }
            }
            guard let year else {
                // Not clearly any year's result: not a dataset row, but nothing is dropped silently.
                let values = g.map { "\($0.number)=\($0.score)" }.joined(separator: " ")
                result.warnings.append(Warning(code: .indicatorTableYearUnknown,
                                               message: "an indicator table with no year label that is not the assessment year's result (its tool means do not give the printed overall score) was left out: \(values)",
                                               page: g[0].row.page))
                continue
            }
            for e in g {
                printings.append(Printing(year: year, number: e.number, name: e.name, score: e.score,
                                          source: e.row.provenance(via: via), priority: e.ranked ? 3 : 1, order: printings.count,
                                          table: gi))
            }
        }
        printings += prose.enumerated().map { k, p in
            var q = p; q.order = printings.count + k; return q
        }
        merge(printings, into: &result, fit: tableFit(printings, fields: fields, v), v)
        return result
    }

    /// Pairs scores with header years: in order when the counts agree, else by nearest column
    /// centre (the layout stage's `TitleColumnPairing`, on the scores' boxes and the years' centres).
    static func assignYears<T>(_ scores: [(T, Box)], _ years: [(Int, Double)]) -> [(T, Int?)] {
        TitleColumnPairing.pair(scores, titles: years)
    }

    /// `multiScore`: the group's rows print more than one score with no year title read over them (a
    /// multi-year table whose header is lost): its place and caption name the table's year, not the
    /// column's, so only the arithmetic (3.) may give the last column's year.
    static func groupYear(_ entries: [(Int, String)], firstLine: Int, reader: DocumentReader, fields: ReportFields,
                          scoreLine: Int?, multiScore: Bool = false) -> Int? {
        guard let a = fields.assessmentYear?.value else { return nil }
        if multiScore { return confirmedByOverall(entries, a, reader: reader, fields: fields) ? a : nil }
        // 1. Right after the sentence giving the overall score.
        if let s = scoreLine, firstLine > s, Double(firstLine - s) <= reader.settings.tableAfterScoreLines { return a }
        // 2. A caption just above naming one year (not an earlier-year comparison).
        let from = max(0, firstLine - Int(reader.settings.tableCaptionLines))
        if from < firstLine {
            var years = Set<Int>()
            for li in from..<firstLine {
                let kt = KeyedText(reader.lines[li].text)
                for n in NumberTokens.find(in: kt) where n.isYear {
                    if YearFinder.classify(n.range, in: kt, cues: reader.ita.cues, reader.settings) != .previous { years.insert(Int(n.value)) }
                }
            }
            if years.count == 1 { return years.first }
        }
        // 3. Its tool means, weighted, give the printed overall score.
        return confirmedByOverall(entries, a, reader: reader, fields: fields) ? a : nil
    }

    /// Whether the entries' tool means, weighted for year `a`, give the printed overall score.
    static func confirmedByOverall(_ entries: [(Int, String)], _ a: Int, reader: DocumentReader, fields: ReportFields) -> Bool {
        guard let overall = fields.overallScore.flatMap({ Double($0.value) }), let w = reader.ita.weights[a],
              let computed = weightedOverall(entries.map { ($0.0, Double($0.1) ?? -1) }, w, reader.ita) else { return false }
        return abs(computed - overall) <= max(reader.settings.overallWeighted(mappings: w.tolerance), reader.settings.tableYearTolerance)
    }

    /// Sum of weight x mean of each tool's indicators (nil unless every indicator is there).
    static func weightedOverall(_ entries: [(Int, Double)], _ w: ITAVocabulary.Weights, _ v: ITAVocabulary) -> Double? {
        let means = CrossChecks.toolMeans(entries, v)
        guard let i = means[.iit], let e = means[.eit], let o = means[.oit] else { return nil }
        return (w.iit * i + w.eit * e + w.oit * o) / 100
    }

    /// One row per (year, indicator): the best-priority printing, a warning when others disagree.
    /// For the assessment year: how far each table's weighted tool means are from the printed
    /// overall score (tables with all ten indicators only).
    static func tableFit(_ printings: [Printing], fields: ReportFields, _ v: ITAVocabulary) -> [Int: Double] {
        guard let a = fields.assessmentYear?.value, let w = v.weights[a],
              let overall = fields.overallScore.flatMap({ Double($0.value) }) else { return [:] }
        var byTable: [Int: [(Int, Double)]] = [:]
        for p in printings where p.year == a { if let t = p.table { byTable[t, default: []].append((p.number, Double(p.score) ?? -1)) } }
        var fit: [Int: Double] = [:]
        for (t, entries) in byTable { if let c = weightedOverall(entries, w, v) { fit[t] = abs(c - overall) } }
        return fit
    }

    static func merge(_ printings: [Printing], into result: inout Result, fit: [Int: Double], _ v: ITAVocabulary) {
        struct Key: Hashable { var year: Int?; var number: Int }
        var byKey: [Key: [Printing]] = [:]
        for p in printings { byKey[Key(year: p.year, number: p.number), default: []].append(p) }
        let keys = byKey.keys.sorted { a, b in
            let ya = a.year ?? Int.max, yb = b.year ?? Int.max
            return ya != yb ? ya < yb : a.number < b.number
        }
        for k in keys {
            func f(_ p: Printing) -> Double { p.table.flatMap { fit[$0] }.map { ($0 * 1000).rounded() } ?? .infinity }
            let list = byKey[k]!.sorted { (f($0), $0.priority, $0.order) < (f($1), $1.priority, $1.order) }
            let main = list[0]
            guard let tool = v.tool(ofIndicator: main.number) else { continue }
            let name = list.first { $0.name != nil }?.name
            result.indicators.append(IndicatorScore(year: main.year, indicator: main.number, tool: tool, name: name,
                                                    score: main.score, page: main.source.page, source: main.source))
            let others = list.dropFirst().filter { Double($0.score) != Double(main.score) }
            if !others.isEmpty {
                let detail = others.map { "\($0.score) (page \($0.source.page), \(kind($0.priority)))" }.joined(separator: ", ")
                result.warnings.append(Warning(code: .indicatorPrintingsDisagree,
                                               message: "indicator \(main.number) \(k.year.map(String.init) ?? "year unknown"): kept \(main.score) (page \(main.source.page), \(kind(main.priority))); also printed as \(detail)",
                                               page: main.source.page))
            }
        }
    }

    static func kind(_ priority: Int) -> String {
        switch priority { case 1: return "table"; case 2: return "multi-year table"; case 3: return "ranked list"; default: return "prose" }
    }
}
