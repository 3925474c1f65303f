import ITAModel
import PageLayout
import ThaiNormalise

/// The report's assessment and plan years, weighed from all its year evidence together (weights and
/// thresholds: Mappings/ita/year-evidence.json `assessmentVote`, `planVote`): years named with a
/// results cue or with none, score-column titles (the latest scored column of a multi-year header
/// is the year the report reads; earlier columns are comparisons), plan cues and fiscal periods
/// (the plan's year follows the assessment year) and the question codes' framework. A year inside
/// a law's or plan's name is no evidence (`YearFinder.mentions`). Each kind of evidence gives at
/// most its weight, shared between the years it names in proportion to how often it names each.
/// A year is chosen only when it is printed, strong enough and clearly ahead; otherwise it is left
/// empty with `year_unclear`. Evidence of weight for another year gives a warning naming both.
enum YearVote {
    enum Kind: CaseIterable {
        case resultsCue, noCue, scoreHeader, planCue, fiscalPeriods, framework

        var description: String {
            switch self {
            case .resultsCue: return "results cues"
            case .noCue: return "years printed with no cue"
            case .scoreHeader: return "score column titles"
            case .planCue: return "plan cues"
            case .fiscalPeriods: return "the plan's fiscal periods"
            case .framework: return "the question codes' framework"
            }
        }
    }

    /// One piece of evidence: the year printed (a plan's year for plan cues and periods).
    struct Evidence {
        var kind: Kind
        var year: Int
        var source: Provenance
    }

    struct Result {
        var assessment: Traced<Int>?
        var plan: Traced<Int>?
        var warnings: [Warning] = []
    }

    static func read(reader: DocumentReader, pages: [TextBlock]) -> Result {
        guard let e = reader.yearEvidence else { return Result() }
        let evidence = gather(reader: reader, pages: pages, e)
        var result = Result()
        let framework = FrameworkEvidence.framework(of: reader)
        let recognised = Set(reader.layout.pages.filter(\.recognised).map(\.page))
        let vote = assessment(evidence, framework: framework, e.assessmentVote, recognised: recognised,
                              era: e.assessmentEra, warnings: &result.warnings)
        result.assessment = vote.year
        // A year the assessment vote left out as a misread is no plan's year either.
        result.plan = plan(vote.voting, assessment: result.assessment?.value, e.planVote,
                           unassessed: Unassessed(era: e.planEra, framework: framework?.framework, recognised: recognised,
                                                  confirmingKinds: e.assessmentVote.ocrConfirmingKinds.value),
                           warnings: &result.warnings)
        return result
    }

    // MARK: - Evidence

    /// Every year mention as evidence of its kind, in document order. A mention in a scored
    /// column title is score-header evidence when it is the header's latest scored year and no
    /// evidence at all otherwise (an earlier year compared against).
    static func gather(reader: DocumentReader, pages: [TextBlock], _ e: YearEvidenceVocabulary) -> [Evidence] {
        let headers = ScoreHeaders.find(in: reader, minimumScores: e.scoreHeader.minimumScoresBelow.value,
                                        titleLines: e.scoreHeader.maximumTitleLines.value,
                                        firstScoreReach: e.scoreHeader.maximumLinesToFirstScore.value)
        var out: [Evidence] = []
        for m in YearFinder.mentions(in: pages, vocabulary: reader.ita, evidence: e, reader.settings) {
            let block = pages[m.block]
            let source = block.provenance(at: m.range.lowerBound, in: reader, via: "text")
            var k = 0
            while k + 1 < block.lineStarts.count, block.lineStarts[k + 1] <= m.range.lowerBound { k += 1 }
            if let h = headers[block.lineIndexes[k]], h.years.contains(m.year) {
                if m.year == h.scored.max() { out.append(Evidence(kind: .scoreHeader, year: m.year, source: source)) }
                continue
            }
            switch m.role {
            case .assessment: out.append(Evidence(kind: .resultsCue, year: m.year, source: source))
            case .plan: out.append(Evidence(kind: .planCue, year: m.year, source: source))
            case .unknown: out.append(Evidence(kind: .noCue, year: m.year, source: source))
            case .previous: continue
            }
        }
        for p in FiscalPeriodEvidence.periods(pages: pages, reader: reader) {
            out.append(Evidence(kind: .fiscalPeriods, year: p.year, source: p.source))
        }
        return out
    }

    /// Each kind's weight shared between the years it names: year -> weight, for the years
    /// `keep` admits (the shares are of the admitted evidence).
    static func shares(_ evidence: [Evidence], _ weights: [Kind: Double], shift: [Kind: Int] = [:],
                       keep: (Int) -> Bool = { _ in true }) -> [Kind: [Int: Double]] {
        var out: [Kind: [Int: Double]] = [:]
        for (kind, w) in weights {
            let years = evidence.filter { $0.kind == kind }.map { $0.year + (shift[kind] ?? 0) }.filter(keep)
            guard !years.isEmpty else { continue }
            var counts: [Int: Int] = [:]
            for y in years { counts[y, default: 0] += 1 }
            out[kind] = counts.mapValues { w * Double($0) / Double(years.count) }
        }
        return out
    }

    /// The winner of `total` among `candidates` when it has `minimum` (of `support`) and leads the
    /// runner-up by `lead`; nil and the ranking otherwise.
    static func winner(_ total: [Int: Double], candidates: Set<Int>, support: [Int: Double],
                       minimum: Double, lead: Double) -> (year: Int?, ranking: [(Int, Double)]) {
        let ranking = candidates.map { ($0, total[$0] ?? 0) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        guard let best = ranking.first else { return (nil, ranking) }
        let second = ranking.dropFirst().first?.1 ?? 0
        // A small tolerance keeps sums of shares that are equal on paper a tie.
        guard (support[best.0] ?? 0) >= minimum - 1e-9, best.1 - second >= lead - 1e-9 else { return (nil, ranking) }
        return (best.0, ranking)
    }

    static func describe(_ ranking: [(Int, Double)]) -> String {
        ranking.prefix(4).map { "\($0.0) (\(String(format: "%.2f", $0.1)))" }.joined(separator: ", ")
    }

    // MARK: - Assessment year

    /// The assessment year, and the evidence left once the years OCR misread are out
    /// (`OCRYearConfirmation`), which the plan vote takes.
    static func assessment(_ evidence: [Evidence], framework: (framework: YearEvidenceVocabulary.Framework, page: Int)?,
                           _ vote: YearEvidenceVocabulary.AssessmentVote, recognised: Set<Int> = [], era: ClosedRange<Int>,
                           warnings: inout [Warning]) -> (year: Traced<Int>?, voting: [Evidence]) {
        let weights: [Kind: Double] = [.resultsCue: vote.resultsCue.weight, .noCue: vote.noCue.weight,
                                       .scoreHeader: vote.scoreHeader.weight, .planCue: vote.planCue.weight,
                                       .fiscalPeriods: vote.fiscalPeriods.weight]
        // A plan's year follows the assessment year: evidence for the year before it.
        let shift: [Kind: Int] = [.planCue: -1, .fiscalPeriods: -1]
        let byKind = shares(evidence, weights, shift: shift)
        // Years OCR alone names, that nothing confirms and other evidence contradicts, are misreads:
        // out of the vote (their evidence too), named in the warnings.
        let misread = OCRYearConfirmation.unconfirmed(evidence, weights: weights, shift: shift, framework: framework?.framework,
                                                      recognised: recognised, era: era, vote: vote)
        let voting = misread.isEmpty ? evidence : evidence.filter { misread[$0.year + (shift[$0.kind] ?? 0)] == nil }
        let votingByKind = misread.isEmpty ? byKind : shares(voting, weights, shift: shift)
        var total: [Int: Double] = [:]
        // Summed in one fixed order: reruns give the very same weights.
        for kind in Kind.allCases { for (y, w) in (votingByKind[kind] ?? [:]) { total[y, default: 0] += w } }
        let support = total
        if let f = framework { for y in f.framework.years where total[y] != nil { total[y]! += vote.framework.weight } }
        // Only a year printed as a results year can win (the plan's year minus one is never printed
        // evidence of its own).
        let printed = Set(voting.filter { [.resultsCue, .noCue, .scoreHeader].contains($0.kind) }.map(\.year))
        let (year, ranking) = winner(total, candidates: printed, support: support,
                                     minimum: vote.minimumWeight.value, lead: vote.minimumLead.value)
        let leftOut = misread.keys.sorted().map { y in
            let m = misread[y]!.evidence
            return "\(y), named by \(m.kind.description) read by OCR (\(m.year), page \(m.source.page)), was left out as a misread: "
                + misread[y]!.reason.describe(era: era)
        }
        guard let year else {
            if !ranking.isEmpty || !misread.isEmpty {
                warnings.append(Warning(code: .yearUnclear,
                                        message: (ranking.isEmpty ? "assessment year left empty: no year is left to vote for"
                                                  : "assessment year left empty: the year evidence is too weak or split (\(describe(ranking)))")
                                            + leftOut.map { "; \($0)" }.joined(),
                                        page: nil))
            }
            return (nil, voting)
        }
        // Where it is printed: its first results cue, else its score column title, else any mention.
        let mine = evidence.filter { $0.year == year }
        let source = (mine.first { $0.kind == .resultsCue } ?? mine.first { $0.kind == .scoreHeader } ?? mine.first { $0.kind == .noCue })!.source
        // A misread of weight is warned (as another year's evidence of weight is, below); a small
        // share left out (a plan cue naming the assessed year itself) changed nothing worth a look.
        for (y, left) in misread.sorted(by: { $0.key < $1.key }) where (byKind[left.evidence.kind]?[y] ?? 0) >= vote.disagreementWeight.value - 1e-9 {
            let m = left.evidence
            let why = left.reason == .outsideEra ? left.reason.describe(era: era) : "which nothing else confirms"
            warnings.append(Warning(code: .assessmentYearDisagrees,
                                    message: "assessment year \(year) (page \(source.page)) but \(m.kind.description) read by OCR name \(m.year) (page \(m.source.page))\(m.year == y ? "" : ", the plan for \(y)'s results"), \(why): left out as a misread; kept \(year)",
                                    page: m.source.page))
        }
        // Evidence of weight for another year (a year left out as a misread is warned above).
        for kind in [Kind.resultsCue, .scoreHeader, .planCue, .fiscalPeriods] {
            guard let m = byKind[kind], let top = m.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }),
                  top.key != year, misread[top.key] == nil, top.value >= vote.disagreementWeight.value else { continue }
            let shift = kind == .planCue || kind == .fiscalPeriods ? 1 : 0
            let first = evidence.first { $0.kind == kind && $0.year == top.key + shift }!.source
            let named = shift == 0 ? "name \(top.key)" : "name \(top.key + shift), the plan for \(top.key)'s results"
            warnings.append(Warning(code: .assessmentYearDisagrees,
                                    message: "assessment year \(year) (page \(source.page)) but \(kind.description) \(named) (first on page \(first.page)); kept \(year)",
                                    page: first.page))
        }
        if let f = framework, !f.framework.years.contains(year) {
            warnings.append(Warning(code: .assessmentYearDisagrees,
                                    message: "assessment year \(year) (page \(source.page)) but the question codes follow the framework of \(f.framework.years.map(String.init).joined(separator: "/")) (questions-\(f.framework.catalogue).tsv, first code on page \(f.page)); kept \(year)",
                                    page: f.page))
        }
        return (Traced(year, source: source), voting)
    }

    // MARK: - Plan year

    /// What a plan year must meet when there is no assessment year to follow (`planVote`'s about).
    struct Unassessed {
        /// The plan years of the reports' era.
        var era: ClosedRange<Int>
        var framework: YearEvidenceVocabulary.Framework?
        var recognised: Set<Int>
        /// Kinds of evidence that must name a plan year read by OCR only.
        var confirmingKinds: Int
    }

    static func plan(_ evidence: [Evidence], assessment a: Int?, _ vote: YearEvidenceVocabulary.PlanVote,
                     unassessed: Unassessed, warnings: inout [Warning]) -> Traced<Int>? {
        // After the assessment year; with none, a plan year of the reports' era.
        let inWindow: (Int) -> Bool = { y in a.map { y > $0 && y <= $0 + vote.maxYearsAfterAssessment.value } ?? unassessed.era.contains(y) }
        let weights: [Kind: Double] = [.planCue: vote.planCue.weight, .fiscalPeriods: vote.fiscalPeriods.weight,
                                       .noCue: vote.noCue.weight]
        let byKind = shares(evidence, weights, keep: inWindow)
        var total: [Int: Double] = [:]
        // Summed in one fixed order: reruns give the very same weights.
        for kind in Kind.allCases { for (y, w) in (byKind[kind] ?? [:]) { total[y, default: 0] += w } }
        if let a, total[a + 1] != nil { total[a + 1]! += vote.followsAssessment.weight }
        let (year, ranking) = winner(total, candidates: Set(total.keys), support: total,
                                     minimum: vote.minimumWeight.value, lead: vote.minimumLead.value)
        guard let year else {
            // Years with no cue alone are not a plan year's evidence worth a warning.
            if byKind[.planCue] != nil || byKind[.fiscalPeriods] != nil {
                warnings.append(Warning(code: .yearUnclear,
                                        message: "plan year left empty: the year evidence is too weak or split (\(describe(ranking)))",
                                        page: nil))
            } else if a == nil, let outside = evidence.first(where: { [.planCue, .fiscalPeriods].contains($0.kind) && !unassessed.era.contains($0.year) }) {
                // Said, not dropped silently: with no assessment year, a plan year outside the era.
                warnings.append(Warning(code: .yearUnclear,
                                        message: "plan year left empty: there is no assessment year, and \(outside.kind.description) name \(outside.year) (page \(outside.source.page)), outside the reports' plan years (\(unassessed.era.lowerBound)-\(unassessed.era.upperBound))",
                                        page: outside.source.page))
            }
            return nil
        }
        let mine = evidence.filter { $0.year == year }
        let source = (mine.first { $0.kind == .planCue } ?? mine.first { $0.kind == .fiscalPeriods } ?? mine.first { $0.kind == .noCue })!.source
        if a == nil, let unconfirmed = PlanYearConfirmation.unconfirmed(year, evidence: mine, unassessed, maxYearsAfter: vote.maxYearsAfterAssessment.value) {
            warnings.append(Warning(code: .yearUnclear, message: unconfirmed, page: source.page))
            return nil
        }
        // The plan's periods name other fiscal years only.
        let periods = evidence.filter { $0.kind == .fiscalPeriods }
        if !periods.isEmpty, !periods.contains(where: { $0.year == year }) {
            var count: [Int: Int] = [:]
            for p in periods { count[p.year, default: 0] += 1 }
            let best = count.max { ($0.value, -$0.key) < ($1.value, -$1.key) }!
            let first = periods.first { $0.year == best.key }!.source
            warnings.append(Warning(code: .planYearDisagrees,
                                    message: "plan year \(year) (page \(source.page)) but the plan's periods are fiscal \(best.key) (\(best.value) period\(best.value == 1 ? "" : "s"), first on page \(first.page)); kept \(year)",
                                    page: source.page))
        }
        // Plan cues naming another year (inside the window: outside it they name other plans).
        if let m = byKind[.planCue], let top = m.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }), top.key != year,
           top.value >= vote.minimumWeight.value {
            let first = evidence.first { $0.kind == .planCue && $0.year == top.key }!.source
            warnings.append(Warning(code: .planYearDisagrees,
                                    message: "plan year \(year) (page \(source.page)) but plan cues name \(top.key) (first on page \(first.page)); kept \(year)",
                                    page: first.page))
        }
        return Traced(year, source: source)
    }
}

/// Column titles that are years with scores under them (`YearVote`'s score-header evidence).
enum ScoreHeaders {
    struct Line {
        /// Every year the line's title cells name.
        var years: Set<Int>
        /// The years whose column has scores under it (the header is scored when one column has
        /// the minimum; a later column with fewer still counts: a single-score table under a
        /// multi-year header can fill an earlier year's column with its scores).
        var scored: [Int]
    }

    /// The document's scored year-title lines, by index into `DocumentReader.lines`. A title cell
    /// is nothing but years and year words (`QuestionTableVocabulary.yearLabel`) on a line with no
    /// score or code, in a table (a line of two or more cells, or inside a table the layout found:
    /// a wrapped title line "ปีงบประมาณ พ.ศ. ๒๕๖๘" is neither); its column is scored when at least
    /// `minimumScores` scores with decimals below it overlap it horizontally, on its page or the
    /// next (a table split by a page break), down to the next title line after a score or
    /// `titleLines` lines below it. The first score must come within `firstScoreReach` lines of the
    /// header's lowest title line (a title line with another title line of its header below it
    /// reaches its scores through that one): a header sits right over its body, so a year cell of a plan row does not reach the
    /// scores of a table further down. Title lines over the same first score row are one header
    /// (titles wrap: "๒๕๖๔ | ปีงบประมาณ | พ.ศ. ๒๕๖๖" over "2565").
    static func find(in reader: DocumentReader, minimumScores: Int, titleLines: Int, firstScoreReach: Int) -> [Int: Line] {
        // Titles from whole segments (a cell piece may hold "คะแนนปี" without its "2566"), scores
        // from cell pieces (cells run together by a narrow gutter are cut apart). Both index the
        // document's lines in order.
        var titles: [[(year: Int, box: Box)]?] = []
        var scores: [[Box]] = []
        var pageNumber: [Int] = []
        // Title lines of OCR'd pages naming one year in two columns: one of them is misread and
        // nothing says which, so the header's latest year is no evidence (`OCRYearRun` leaves both
        // columns' scores out for the same reason). A header that truly names a year twice (a score and
        // a rating column of one year) then gives none either: a value left empty, never a wrong one.
        // Looked for within one title line (a header wrapped over two lines is not caught).
        var misread: Set<Int> = []
        for ((page, lines), (_, pieces)) in zip(reader.linesByPage, reader.cellPiecesByPage) {
            let layoutPage = reader.layout.pages.first { $0.page == page }
            let tables = layoutPage?.tables.map(\.box) ?? []
            let layoutLines = layoutPage.map(\.lines).flatMap { $0.count == lines.count ? $0 : nil }
            for (i, (line, cut)) in zip(lines, pieces).enumerated() {
                let words = layoutLines.flatMap { ls in ls[i].segments.count == line.segments.count ? ls[i].segments.map(\.words) : nil }
                var cols = titleColumns(line, words: words, reader.questionTable)
                let inTable = line.segments.count >= 2 || (cols ?? []).contains { c in
                    tables.contains { t in t.holds(c.box, onLine: line.box) }
                }
                if !inTable, cols != nil { cols = [] }
                if layoutPage?.recognised == true, let c = cols, Set(c.map(\.year)).count < c.count { misread.insert(titles.count) }
                titles.append(cols)
                scores.append(cut.segments.filter { QuestionTokens.score($0.text)?.contains(".") ?? false }.map(\.box))
                pageNumber.append(page)
            }
        }
        // Header lines grouped by their first score row: lines, years, years with a score, and
        // whether a column has the minimum.
        var groups: [Int: (lines: [Int], years: Set<Int>, scored: Set<Int>, confirmed: Bool, misread: Bool)] = [:]
        for l in titles.indices {
            guard let cols = titles[l], !cols.isEmpty else { continue }
            var counts = [Int](repeating: 0, count: cols.count)
            let header = HeaderColumns(boxes: cols.map(\.box))
            var firstScoreLine: Int?
            var m = l + 1
            // The header's lowest title line so far: a title wrapped over several lines reaches its
            // scores from there ("คะแนนปี 2567" over "2565 | ๒๕๖๖" over the tool cell's wrapped lines).
            var lastTitle = l
            while m < titles.count, pageNumber[m] <= pageNumber[l] + 1 {
                if let t = titles[m], !t.isEmpty {
                    if firstScoreLine != nil || m - l >= titleLines { break }
                    lastTitle = m
                }
                if firstScoreLine == nil, m - lastTitle > firstScoreReach { break }
                for box in scores[m] {
                    // The column the score overlaps most.
                    if let k = header.mostOverlapped(by: box) {
                        counts[k] += 1
                        if firstScoreLine == nil { firstScoreLine = m }
                    }
                }
                m += 1
            }
            guard let first = firstScoreLine else { continue }
            var g = groups[first] ?? ([], [], [], false, false)
            g.misread = g.misread || misread.contains(l)
            g.lines.append(l); g.years.formUnion(cols.map(\.year))
            g.scored.formUnion(cols.indices.filter { counts[$0] > 0 }.map { cols[$0].year })
            g.confirmed = g.confirmed || counts.contains { $0 >= minimumScores }
            groups[first] = g
        }
        var out: [Int: Line] = [:]
        for g in groups.values where g.confirmed {
            // A misread header's lines stay headers (their years are no cue either), with no year scored.
            for l in g.lines { out[l] = Line(years: g.years, scored: g.misread ? [] : g.scored.sorted()) }
        }
        return out
    }

    /// The year columns a line's title cells name (nil when the line holds a score or a code: a
    /// table body row). A cell naming several years shares its width between them. A segment that
    /// ran two title cells together ("เครื่องมือ คะแนนปี ๒๕๖๗") gives the year cell its words
    /// ends with ("คะแนนปี ๒๕๖๗"): `words` are the layout's words of each segment, when known.
    private static func titleColumns(_ line: ReadLine, words: [[Word]]?, _ v: QuestionTableVocabulary) -> [(year: Int, box: Box)]? {
        var cols: [(year: Int, box: Box)] = []
        for (s, seg) in line.segments.enumerated() {
            if QuestionTokens.codePrefix(seg.text, v.codeLetters) != nil || QuestionTokens.score(seg.text) != nil { return nil }
            var years = v.yearLabel(seg.text)
            var box = seg.box
            // Only in a row of cells: a heading's words end with a year too ("... ในปีงบประมาณ พ.ศ. 2568").
            if years.isEmpty, line.segments.count >= 2, let words = words?[s], words.count > 1 {
                // A year label holds two digits or more (`yearLabel`'s own first test): a run of
                // words with fewer is not joined and read (most cells hold no digit at all).
                let digits = words.map { w in w.text.unicodeScalars.lazy.filter { ThaiNumber.digitValue($0) != nil }.count }
                var digitsFrom = digits
                for i in stride(from: digits.count - 2, through: 0, by: -1) { digitsFrom[i] += digitsFrom[i + 1] }
                for start in 1..<words.count where digitsFrom[start] >= 2 {
                    let tail = words[start...]
                    let found = v.yearLabel(tail.map(\.text).joined(separator: " "))
                    if !found.isEmpty, let b = Box.union(tail.map(\.box)) { years = found; box = b; break }
                }
                // Or begins with them: the year cell run into the next title cell ("ผลการประเมินปี ๒๕๖๗
                // ตัวชี้วัด ที่", fresh tune 1500; the 2567 column unread, its 2566 column was taken for
                // the latest one and the assessment year). The longest such head.
                if years.isEmpty {
                    for end in stride(from: words.count - 1, through: 1, by: -1) where digitsFrom[0] - digitsFrom[end] >= 2 {
                        let head = words[..<end]
                        let found = v.yearLabel(head.map(\.text).joined(separator: " "))
                        if !found.isEmpty, let b = Box.union(head.map(\.box)) { years = found; box = b; break }
                    }
                }
            }
            let shares = box.sharedWidth(years.count)
            for (k, y) in years.enumerated() {
                cols.append((y, shares[k]))
            }
        }
        return cols
    }
}
