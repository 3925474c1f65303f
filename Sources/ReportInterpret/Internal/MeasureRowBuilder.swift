import Foundation
import ITAModel
import ThaiNormalise

/// Collects action-plan body lines into rows and turns rows into `Measure`s: an empty issue cell
/// repeats the issue above (merged cells); a row with no issue, owner and period continues the
/// measure before it (a cell run over a page break or a paragraph gap).
struct MeasureRowBuilder {
    /// One line of one cell.
    struct Part {
        var page: Int
        var box: Box
        var raw: String
        /// Normalised text (bullets and digits repaired), for reading item markers.
        var text: String
    }

    struct Row {
        var page: Int
        /// Raw cell lines per role, top to bottom.
        var parts: [MeasureColumnRole: [Part]] = [:]
        /// True when the issue column is keyed by indicator number.
        var indicatorKeyed = false

        func has(_ role: MeasureColumnRole) -> Bool { !(parts[role] ?? []).isEmpty }
    }

    /// The normalise stage's view (a field's lines over rows and pages are composed here).
    let texts: NormalisedLayout
    private(set) var rows: [Row] = []
    private var open: Row?
    /// Page of the last row piece closed that had an issue, owner or period (merged or not): the
    /// first such piece on a page may be the rest of the row the page break cut.
    private var lastPage: Int?

    /// The indicator numbers there are (indicators.json), for `MeasureIndicator`.
    let indicatorNumbers: ClosedRange<Int>
    /// The word an issue names an indicator with (report-cues.json's `indicatorWord`), for `MeasureIndicator`.
    let indicatorWord: String
    /// The marks a list item opens with (measure-headers.json's `itemBullets`), for `MeasureItemMarker`.
    let itemBullets: Set<Unicode.Scalar>
    /// `InterpretSettings.planIndicatorWordMaxOffset`, for `MeasureIndicator`.
    let indicatorWordMaxOffset: Int
    /// The question codes' letters (a plan cell opening with a code is a list item).
    let codeLetters: QuestionCodeLetters

    init(texts: NormalisedLayout, indicatorNumbers: ClosedRange<Int>, indicatorWord: String, itemBullets: Set<Unicode.Scalar>,
         codeLetters: QuestionCodeLetters, settings: InterpretSettings) {
        self.codeLetters = codeLetters
        self.texts = texts
        self.indicatorWordMaxOffset = Int(settings.planIndicatorWordMaxOffset)
        self.indicatorNumbers = indicatorNumbers
        self.indicatorWord = indicatorWord
        self.itemBullets = itemBullets
    }

    /// Starts a new row on `page`.
    mutating func startRow(page: Int, indicatorKeyed: Bool) {
        closeRow()
        open = Row(page: page, indicatorKeyed: indicatorKeyed)
    }

    /// Adds one cell line to the open row (starting one when none is open).
    mutating func add(role: MeasureColumnRole, part: Part, indicatorKeyed: Bool) {
        if open == nil { open = Row(page: part.page, indicatorKeyed: indicatorKeyed) }
        open!.parts[role, default: []].append(part)
    }

    /// Closes the open row, merging it into the previous one when it only continues it.
    mutating func closeRow() {
        guard let row = open else { return }
        open = nil
        let lead: [MeasureColumnRole] = [.issue, .indicator, .owner, .period]
        let hasAny = row.parts.values.contains { !$0.isEmpty }
        guard hasAny else { return }
        // The first row of a page is the rest of the row the page break cut when its measure does
        // not open with an item marker and it has no issue, or an issue piece without the
        // number (or quoted question code) the plan's issues start with. "First" counts rows of
        // their own: pieces merged into the row above (a cell's tail) do not end the test.
        func marked(_ role: MeasureColumnRole, _ r: Row) -> Bool? {
            (r.parts[role]?.first).map { MeasureItemMarker.starts($0.text, bullets: itemBullets) || QuestionTokens.codePrefix($0.text, codeLetters) != nil }
        }
        var continues = false
        let leads = lead.contains(where: row.has)
        defer { if leads { lastPage = row.page } }
        if let previous = rows.last, let lastPage, lastPage != row.page, marked(.measure, row) != true {
            let issue = marked(.issue, row) ?? marked(.indicator, row)
            let previousIssue = marked(.issue, previous) ?? marked(.indicator, previous)
            continues = issue == nil || (issue == false && previousIssue == true)
        }
        if (!leads || continues), !rows.isEmpty {
            for (role, parts) in row.parts { rows[rows.count - 1].parts[role, default: []] += parts }
            return
        }
        rows.append(row)
    }

    /// For each measure `finish` returned, the pages its period and owner cells were read from: a
    /// row cut by a page break may take them from an OCR'd page after a text page
    /// (`RecognisedPlanCells.checked`).
    private(set) var cellPages: [Set<Int>] = []

    /// The measures of every row read so far.
    mutating func finish() -> [Measure] {
        closeRow()
        var out: [Measure] = []
        cellPages = []
        var lastIssue: String?
        var lastIndicator: Int?
        for row in rows {
            var changes: [TextChange] = []
            func text(_ roles: [MeasureColumnRole], field: String) -> String? {
                let lines = roles.flatMap { row.parts[$0] ?? [] }.map(\.raw).filter { !$0.isEmpty }
                guard !lines.isEmpty else { return nil }
                let normalised = texts.composed(lines: lines)
                let t = normalised.text.trimmingCharacters(in: .whitespaces)
                if !t.isEmpty { changes += normalised.changes.map { $0.inField(field) } }
                return t.isEmpty ? nil : t
            }
            var issue = text([.issue, .indicator], field: "issue")
            var indicator: Int? = nil
            if let issue {
                indicator = MeasureIndicator.number(in: issue, keyed: row.has(.indicator) || row.indicatorKeyed, numbers: indicatorNumbers,
                                                       word: indicatorWord, wordMaxOffset: indicatorWordMaxOffset)
            }
            if issue == nil { issue = lastIssue; indicator = lastIndicator }
            lastIssue = issue; lastIndicator = indicator
            let measure = text([.measure], field: "measure"), steps = text([.steps], field: "steps")
            let period = text([.period], field: "period"), owner = text([.owner], field: "owner")
            guard measure != nil || steps != nil || period != nil || owner != nil else { continue }
            let all = row.parts.keys.sorted { $0.rawValue < $1.rawValue }.flatMap { row.parts[$0]! }
            let onFirstPage = all.filter { $0.page == row.page }
            let raw = [MeasureColumnRole.issue, .indicator, .measure, .owner, .steps, .period]
                .compactMap { role in row.parts[role].map { $0.map(\.raw).joined(separator: "\n") } }
                .joined(separator: "\t")
            cellPages.append(Set([MeasureColumnRole.period, .owner].flatMap { (row.parts[$0] ?? []).map(\.page) }))
            out.append(Measure(issue: issue, indicator: indicator, measure: measure, steps: steps, period: period,
                               owner: owner, page: row.page,
                               source: Provenance(page: row.page, box: Box.union(onFirstPage.map(\.box)), raw: raw,
                                                  via: "table").with(changes: changes)))
        }
        return out
    }
}

/// The indicator number an action-plan row's issue names.
enum MeasureIndicator {
    /// "ตัวชี้วัดที่ ๑ ..." (`word`: report-cues.json's `indicatorWord`) anywhere at the start; or, in
    /// an indicator-keyed plan, a leading item number ("๑. การปฏิบัติหน้าที่", "(1)"). Only one of
    /// `numbers` (indicators.json's). The word starts at most `wordMaxOffset` characters in
    /// (`InterpretSettings.planIndicatorWordMaxOffset`).
    static func number(in issue: String, keyed: Bool, numbers: ClosedRange<Int>, word: String, wordMaxOffset: Int) -> Int? {
        let squeezed = QuestionTableVocabulary.squeezed(issue)
        let marker = QuestionTableVocabulary.squeezed(word)
        if let r = squeezed.range(of: marker), squeezed.distance(from: squeezed.startIndex, to: r.lowerBound) <= wordMaxOffset {
            return leadingNumber(String(squeezed[r.upperBound...]), numbers)
        }
        guard keyed else { return nil }
        let trimmed = squeezed.drop { $0 == "(" || $0 == "<" }
        return leadingNumber(String(trimmed), numbers)
    }

    private static func leadingNumber(_ s: String, _ numbers: ClosedRange<Int>) -> Int? {
        var n = 0, digits = 0
        for u in s.unicodeScalars {
            guard let d = ThaiNumber.digitValue(u) else { break }
            n = n * 10 + d; digits += 1
            if digits > 2 { return nil }
        }
        return digits > 0 && numbers.contains(n) ? n : nil
    }
}
