import ITAModel
import PageLayout

/// Decides where action-plan rows start among one page's body lines and feeds them to the row
/// builder. With ruled table rows from the layout, a row is a ruled row. Without, rows are cut
/// where no column's text runs on: between two lines, every column's text either stops, starts,
/// or jumps by more than a line pitch. This holds whether cells are top-aligned or vertically
/// centred, because the tallest cell of a row fills the row and breaks only between rows.
struct MeasureRowSplitter {
    let band: MeasureHeaderBand
    let geometry: QuestionPageGeometry
    let tableRows: [Box]
    private var lineIndices: [Int] = []

    init(band: MeasureHeaderBand, geometry: QuestionPageGeometry, tableRows: [Box]) {
        self.band = band; self.geometry = geometry; self.tableRows = tableRows
    }

    private var indicatorKeyed: Bool { band.columns.contains { $0.role == .indicator } }

    /// Takes one body line of the table.
    mutating func add(lineIndex: Int) { lineIndices.append(lineIndex) }

    /// Cuts the collected lines into rows and hands them to `builder`.
    mutating func flush(into builder: inout MeasureRowBuilder) {
        defer { lineIndices = [] }
        guard !lineIndices.isEmpty else { return }
        let lines = lineIndices.map { geometry.lines[$0] }
        let assigned = lines.map { line in line.segments.map { (column: band.column(for: $0.box), segment: $0) } }
        var starts = Set<Int>()
        let ruled = lines.map { line in
            tableRows.firstIndex { $0.holdsLine(line.box) }
        }
        if ruled.allSatisfy({ $0 != nil }) {
            for i in lines.indices where i == 0 || ruled[i] != ruled[i - 1] { starts.insert(i) }
        } else {
            starts.insert(0)
            // The plan's own pitch when its lines step closer than the page's: a page may hold more
            // lines of another table or prose, set wider, than of the plan (tune seed 379: a plan
            // row and an indicator table below it, whose rows' step let two plan rows run on).
            let own = LinePitch.measured(lines.map { ($0.box, $0.segments.map(\.box)) }, geometry.layoutSettings)
            let breakGap = geometry.grid.rowBreakGap(ownPitch: own, minShare: geometry.settings.planOwnPitchMinShare,
                                                     pitches: geometry.settings.planRowBreakPitch, slack: geometry.settings.planRowBreakSlack)
            for cut in 1..<max(1, lines.count) {
                let runsOn = band.columns.indices.contains { c in
                    guard let above = (0..<cut).reversed().lazy.compactMap({ i in assigned[i].last { $0.column == c } }).first,
                          let below = (cut..<lines.count).lazy.compactMap({ i in assigned[i].first { $0.column == c } }).first
                    else { return false }
                    return above.segment.box.continues(into: below.segment.box, gap: breakGap)
                }
                if !runsOn { starts.insert(cut) }
            }
        }
        for (i, parts) in assigned.enumerated() {
            if starts.contains(i) { builder.startRow(page: geometry.page, indicatorKeyed: indicatorKeyed) }
            for (column, seg) in parts {
                guard let role = band.readRole(of: column) else { continue }
                builder.add(role: role, part: .init(page: geometry.page, box: seg.box, raw: seg.raw, text: seg.text), indicatorKeyed: indicatorKeyed)
            }
        }
    }
}
