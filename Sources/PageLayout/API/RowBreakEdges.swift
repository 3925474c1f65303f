import ITAModel

/// A question row cut by a page break, by its edges on the old page (`RowEdges`, with where its
/// score cells start and how low the row reaches): which rows end each text column, which column
/// lies right of a row's, whether its text stopped mid-line in a narrow cell, and how far its rest
/// may reach on the new page. The geometry is the layout stage's; how far to look (points, shares
/// of the page) are the reader's settings, passed in.
public struct RowBreakEdges: Sendable, Equatable {
    public var edges: RowEdges
    /// Left edge of the row's score cells (nil: the row has none beside it).
    public var scoreLeft: Double?
    /// Bottom of the row, its score cells included.
    public var bottom: Double

    public init(edges: RowEdges, scoreLeft: Double?, bottom: Double) {
        self.edges = edges; self.scoreLeft = scoreLeft; self.bottom = bottom
    }

    /// The lowest row of each text column among `rows` (in reading order), as indices in the
    /// order the columns are met: a row joins the first column whose lowest row so far starts its
    /// text within `tolerance` of the row's, and becomes its lowest when it reaches lower.
    public static func lowestOfEachColumn(_ rows: [RowBreakEdges], tolerance: Double) -> [Int] {
        var lowest: [Int] = []
        for (i, row) in rows.enumerated() {
            if let k = lowest.firstIndex(where: { abs(rows[$0].edges.textX - row.edges.textX) <= tolerance }) {
                if row.bottom > rows[lowest[k]].bottom { lowest[k] = i }
            } else {
                lowest.append(i)
            }
        }
        return lowest
    }

    /// Where the nearest text column right of this row's starts, among `columnStarts` (sorted
    /// left to right): the first more than `tolerance` right of the row's text; infinity when
    /// none is.
    public func nextColumnStart(among columnStarts: [Double], tolerance: Double) -> Double {
        columnStarts.first { $0 > edges.textX + tolerance } ?? .infinity
    }

    /// Whether the row's text stopped mid-line in a narrow cell: the cell, from the code's left
    /// edge to the text's right edge, is narrower than `narrowShare` of the page's text `span`,
    /// and the text's last line reaches within `lastLineShare` of that width of its right edge
    /// (a finished text ends short; prose would run the page's width).
    public func stopsMidLineInNarrowCell(span: (left: Double, right: Double), narrowShare: Double, lastLineShare: Double) -> Bool {
        let width = edges.textRight - edges.codeX
        return width < narrowShare * (span.right - span.left) && edges.lastLineRight >= edges.textRight - lastLineShare * width
    }

    /// How far right the rest of the row's text may end on the new page: `overrun` past its
    /// widest line, or up to `slack` before its score column when that lies further right.
    public func continuedTextReach(overrun: Double, slack: Double) -> Double {
        max(edges.textRight + overrun, (scoreLeft ?? 0) - slack)
    }

    /// The row's column, from its code's left edge to its text's right edge, `slack` wider on
    /// either side.
    public func column(slack: Double) -> (left: Double, right: Double) {
        (edges.codeX - slack, edges.textRight + slack)
    }

    /// The x from which a segment beside the row's text starts its score column: `slack` left of
    /// the text's right edge.
    public func scoreColumnStart(slack: Double) -> Double { edges.scoreColumnStart(slack: slack) }
}

extension RowEdges {
    /// The x from which a segment beside the row's text starts its score column: `slack` left of
    /// the text's right edge (a score's box may overlap the text's by a glyph's overshoot).
    public func scoreColumnStart(slack: Double) -> Double { textRight - slack }
}
