import ITAModel

/// Where the cells of a table's columns start, gathered from its body segments (per column of its
/// `HeaderColumns`, over its pages so far). Cell text is left-aligned, so a word that starts where
/// other cells of a column start, on enough lines, starts a cell; a word that merely reaches past a
/// narrow, centred header text does not. How close, and how many lines make the evidence, is the
/// reader's to say.
public struct ColumnCellStarts {
    /// Left edges of the cells recorded so far, per column.
    private var starts: [Int: [Double]] = [:]

    public init() {}

    /// Records a cell `box` in its column of `columns` (`HeaderColumns.column(for:)`).
    public mutating func record(_ box: Box, in columns: HeaderColumns) {
        starts[columns.column(for: box), default: []].append(box.x0)
    }

    /// Whether a cell of `column` starts where `box` starts: the recorded cells of that column
    /// starting within `tolerance` of it, plus `headerEvidence` when the column's header text starts
    /// there too (a left-aligned header over left-aligned cells), number at least `evidence`.
    public func startsCell(_ box: Box, column: Int, of columns: HeaderColumns, tolerance: Double,
                           headerEvidence: Double, evidence: Double) -> Bool {
        let x0 = box.x0
        let header = abs(columns.extents[column].x0 - x0) <= tolerance ? headerEvidence : 0
        return Double((starts[column] ?? []).filter { abs($0 - x0) <= tolerance }.count) + header >= evidence
    }
}
