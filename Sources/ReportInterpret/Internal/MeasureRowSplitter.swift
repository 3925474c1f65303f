import ITAModel

/// Decides where action-plan rows start on one page and feeds body lines to the row builder.
/// With ruled table rows from the layout, a row is a ruled row. Without, a line starts a new
/// row when its issue or measure cell starts a new block (cells are top-aligned, so a row's
/// cells begin together) and none of its other cells continues a block from the line above.
struct MeasureRowSplitter {
    let band: MeasureHeaderBand
    let geometry: QuestionPageGeometry
    let tableRows: [Box]
    /// Per column: the top of its last line in the current row.
    private var lastY: [Int: Double] = [:]
    private var currentTableRow: Int?
    private var started = false

    init(band: MeasureHeaderBand, geometry: QuestionPageGeometry, tableRows: [Box]) {
        self.band = band; self.geometry = geometry; self.tableRows = tableRows
    }

    private var indicatorKeyed: Bool { band.columns.contains { $0.role == .indicator } }

    mutating func feed(lineIndex: Int, into builder: inout MeasureRowBuilder) {
        let line = geometry.lines[lineIndex]
        let assigned = line.segments.map { (column: band.column(for: $0.box), segment: $0) }
        if startsRow(line: line, assigned: assigned) {
            builder.startRow(page: geometry.page, indicatorKeyed: indicatorKeyed)
            lastY = [:]
        }
        started = true
        for (column, seg) in assigned {
            lastY[column] = seg.box.y0
            guard let role = band.columns[column].role, role != .analysis else { continue }
            builder.add(role: role, part: .init(page: geometry.page, box: seg.box, raw: seg.raw), indicatorKeyed: indicatorKeyed)
        }
    }

    private mutating func startsRow(line: ReadLine, assigned: [(column: Int, segment: ReadSegment)]) -> Bool {
        if let k = tableRows.firstIndex(where: { $0.y0 <= line.box.midY && line.box.midY <= $0.y1 && $0.horizontalOverlap(line.box) > 0 }) {
            defer { currentTableRow = k }
            return !started || k != currentTableRow
        }
        guard started else { return true }
        let breakGap = 1.08 * geometry.pitch + 0.5
        func startsBlock(_ column: Int, _ seg: ReadSegment) -> Bool {
            guard let y = lastY[column] else { return true }
            return seg.box.y0 - y > breakGap
        }
        let leadRoles: Set<MeasureColumnRole> = [.issue, .indicator, .measure]
        let lead = assigned.filter { band.columns[$0.column].role.map(leadRoles.contains) ?? false }
        guard !lead.isEmpty, lead.allSatisfy({ startsBlock($0.column, $0.segment) }) else { return false }
        // Another column still running on from the line above means the row goes on.
        return assigned.allSatisfy { lastY[$0.column] == nil || startsBlock($0.column, $0.segment) }
    }
}
