import ITAModel

/// The edges of a question row a reader has read on a `PageGrid`: where its code and its text cell
/// start, how far its text lines reach right and down, where its score cells start and end. A row
/// cut by a page break is continued on the next page by these edges (the text's column, the score
/// column right of it), so the reader keeps them; what counts as continuing is the reader's to say.
public struct RowEdges: Sendable, Equatable {
    /// Left edge of the code cell.
    public var codeX: Double
    /// Left edge of the text cell (of the code cell when code and text share a cell).
    public var textX: Double
    /// Right edge of the widest text line.
    public var textRight: Double
    /// Bottom of the lowest text line.
    public var textBottom: Double
    /// Right edge of the text's last line (near `textRight` when the text fills its cell to the end).
    public var lastLineRight: Double
}

extension PageGrid {
    /// The edges of the row whose code is `code`, whose text cell starts at `textStart` and whose
    /// text is `text` (its lines top to bottom; when empty, the code's own box bounds it).
    public func rowEdges(code: Ref, textStart: Ref, text: [Ref]) -> RowEdges {
        let codeBox = box(code)
        let boxes = text.map { box($0) }
        let right = boxes.map(\.x1).max() ?? codeBox.x1
        return RowEdges(codeX: codeBox.x0, textX: box(textStart).x0, textRight: right,
                        textBottom: boxes.map(\.y1).max() ?? codeBox.y1, lastLineRight: boxes.last?.x1 ?? right)
    }

    /// The leftmost left edge of `refs` (nil: none).
    public func left(of refs: [Ref]) -> Double? { refs.map { box($0).x0 }.min() }

    /// The lowest bottom of `refs`, or `floor` when that is lower (or `refs` is empty).
    public func bottom(of refs: [Ref], floor: Double) -> Double { max(floor, refs.map { box($0).y1 }.max() ?? floor) }

    /// The right edge of each of `refs`, in order: how far each of a cell's lines reaches.
    public func rights(of refs: [Ref]) -> [Double] { refs.map { box($0).x1 } }

    /// Whether line `k` of `refs` (a cell's lines) ends more than `slack` right of every other
    /// line's right edge.
    public func reachesPastOthers(_ k: Int, of refs: [Ref], slack: Double) -> Bool {
        let rights = rights(of: refs)
        return rights.indices.allSatisfy { $0 == k || rights[k] > rights[$0] + slack }
    }

    /// Whether `r` starts within `tolerance` of where `other` starts: cells of one column.
    public func starts(_ r: Ref, alignedWith other: Ref, tolerance: Double) -> Bool {
        abs(box(r).x0 - box(other).x0) <= tolerance
    }

    /// Whether line `k` of a cell's `lines` reaches over a column of other rows' cells (`column`):
    /// at least `evidence` of them start inside its span, and every other line of the cell ends
    /// left of the leftmost of those (a score run into that line by a narrow gutter).
    public func reachesColumn(_ k: Int, of lines: [Ref], column: [Ref], evidence: Double) -> Bool {
        let boxes = lines.map { box($0) }
        let under = column.map { box($0) }.filter { $0.x0 > boxes[k].x0 && $0.x0 < boxes[k].x1 }
        guard Double(under.count) >= evidence, let left = under.map(\.x0).min() else { return false }
        return boxes.indices.allSatisfy { $0 == k || boxes[$0].x1 < left }
    }
}
