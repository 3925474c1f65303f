import ITAModel
import PageLayout

/// The score columns of a multi-year question table, read from its header row ("ข้อคำถาม | คะแนนปี
/// ๒๕๖๖ | คะแนนปี ๒๕๖๗ | เพิ่มขึ้น/ลดลง"): one column per year label, plus the change columns, whose
/// numbers are differences between years and never scores. A question row's scores are matched to
/// the columns by position.
struct QuestionYearColumns {
    struct Column {
        /// The column's year; nil for a change column.
        var year: Int?
        /// Horizontal centre of the column title.
        var centre: Double
    }

    /// Whether some row under this header (on any page) had scores in two or more year columns.
    /// Until then a row with one score is read as a single-score row: a year header left over from
    /// another table (a multi-year indicator table above a single-year question table) must not
    /// give a single score another year. A class so that the header carried to the next page
    /// shares it.
    final class Confirmation { var seen = false }

    /// Left to right; at least two year columns.
    var columns: [Column]
    /// Index (into the page's lines) of the line holding the year labels.
    var line: Int
    /// Bottom of the header rows (titles wrapped below the year line included).
    var bottom: Double
    let confirmation = Confirmation()

    /// How far a score's centre may be from its column's centre: half the narrowest column spacing
    /// (with one column, of `yearColumnDefaultSpacing`).
    var reach: Double {
        let cs = columns.map(\.centre)
        let gaps = zip(cs, cs.dropFirst()).map { $1 - $0 }
        return (gaps.min() ?? defaultSpacing) / 2
    }
    /// `InterpretSettings.yearColumnDefaultSpacing` of the run.
    var defaultSpacing: Double

    /// Left edge of the score area: a header word right of it starts another score table.
    var left: Double { (columns.first?.centre ?? 0) - reach }

    /// Each score to the column nearest its centre (within `reach`); when two scores fall in one
    /// column the one nearer its centre keeps it. Returns (index into `scores`, column) pairs.
    func assign(_ scores: [PageGrid.Ref], on grid: PageGrid) -> [(index: Int, column: Column)] {
        var best: [Int: (index: Int, distance: Double)] = [:]
        let centres = columns.map(\.centre)
        for (i, r) in scores.enumerated() {
            guard let (k, d) = grid.nearestColumn(of: r, centres: centres), d <= reach else { continue }
            if let have = best[k], have.distance <= d { continue }
            best[k] = (i, d)
        }
        return best.keys.sorted().map { (best[$0]!.index, columns[$0]) }
    }

    /// The year headers of a page's multi-year question tables, top to bottom: a line with two or
    /// more year-label cells (and no score or code), with the change columns titled within two
    /// lines above or one below it.
    static func find(in g: QuestionPageGeometry, vocabulary: QuestionTableVocabulary) -> [QuestionYearColumns] {
        guard !vocabulary.yearColumnWords.isEmpty else { return [] }
        var out: [QuestionYearColumns] = []
        let grid = g.grid
        for (l, line) in g.lines.enumerated() {
            var cols: [Column] = []
            var body = false
            for (s, seg) in line.segments.enumerated() {
                if QuestionTokens.codePrefix(seg.text, vocabulary.codeLetters) != nil || QuestionTokens.score(seg.text) != nil { body = true; break }
                let years = vocabulary.yearLabel(seg.text)
                // A cell holding several years shares its width between them.
                let centres = grid.titleCentres(of: PageGrid.Ref(line: l, segment: s), count: years.count)
                for (k, y) in years.enumerated() { cols.append(Column(year: y, centre: centres[k])) }
            }
            guard !body, Set(cols.compactMap(\.year)).count >= 2 else { continue }
            // Change columns: their titles may wrap onto lines above or below the year line.
            let yearsOnly = QuestionYearColumns(columns: cols, line: l, bottom: grid.bottom(ofLine: l, with: []),
                                                defaultSpacing: g.settings.yearColumnDefaultSpacing)
            var titles: [PageGrid.Ref] = []
            for n in grid.lines(around: l, abovePitch: g.settings.yearTitleAbovePitch, belowPitch: g.settings.yearTitleBelowPitch) {
                for (s, seg) in g.lines[n].segments.enumerated() where vocabulary.isChangeLabel(seg.text) {
                    let r = PageGrid.Ref(line: n, segment: s)
                    let c = grid.centreX(of: r)
                    // A title wrapped over two lines ("เพิ่มขึ้น/" over "ลดลง") is one column.
                    if cols.contains(where: { abs($0.centre - c) < g.settings.changeTitleSameColumnShare * yearsOnly.reach }) { continue }
                    cols.append(Column(year: nil, centre: c))
                    titles.append(r)
                }
            }
            let bottom = grid.bottom(ofLine: l, with: titles)
            cols.sort { $0.centre < $1.centre }
            out.append(QuestionYearColumns(columns: cols, line: l, bottom: bottom, defaultSpacing: g.settings.yearColumnDefaultSpacing))
        }
        return out
    }

    /// True when line `l` of the page starts another score table under this header: a column title
    /// word ("คะแนน") over the score area that is not part of this header.
    func isEnded(by l: Int, in g: QuestionPageGeometry, vocabulary: QuestionTableVocabulary) -> Bool {
        guard g.grid.line(l, startsBelow: bottom) else { return false }
        return g.lines[l].segments.indices.contains { s in
            let seg = g.lines[l].segments[s]
            return g.grid.centred(PageGrid.Ref(line: l, segment: s), rightOf: left) && vocabulary.isHeader(seg.text)
                && vocabulary.yearLabel(seg.text).isEmpty && !vocabulary.isChangeLabel(seg.text) && QuestionTokens.codePrefix(seg.text, vocabulary.codeLetters) == nil
        }
    }
}
