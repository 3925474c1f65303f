import ITAModel

/// A header band's cells: its segments (over the band's lines) grouped by horizontal overlap, a
/// cell's wrapped or vertically centred lines together, read top to bottom; and the upper cells of a
/// two-row header, which stand over several cells of the row below. Which cells name a column is
/// the reader's to say (it knows the header's wording).
public enum BandCells {
    /// One cell: the segments that overlap one another's extent.
    public struct Cell {
        /// The cell's left and right edge: its members' extent.
        public var x0: Double
        public var x1: Double
        /// Its segments, indices into the boxes it was made from, in the order met.
        public var members: [Int]

        /// This cell and `other` as one cell: both cells' members, the extent over both.
        public func joined(with other: Cell) -> Cell {
            Cell(x0: min(x0, other.x0), x1: max(x1, other.x1), members: members + other.members)
        }
    }

    /// `boxes` (but those `skipped`) grouped into cells, first fit in the order given: a box joins
    /// the first cell whose extent it overlaps horizontally, widening it, or opens a cell. The cells
    /// in the order opened.
    public static func group(_ boxes: [Box], skipping skipped: Set<Int> = []) -> [Cell] {
        var cells: [Cell] = []
        for (i, b) in boxes.enumerated() where !skipped.contains(i) {
            if let c = cells.firstIndex(where: { min($0.x1, b.x1) > max($0.x0, b.x0) }) {
                cells[c].x0 = min(cells[c].x0, b.x0); cells[c].x1 = max(cells[c].x1, b.x1)
                cells[c].members.append(i)
            } else {
                cells.append(Cell(x0: b.x0, x1: b.x1, members: [i]))
            }
        }
        return cells
    }

    /// `cells` ordered by their left edges, leftmost first.
    public static func leftToRight(_ cells: [Cell]) -> [Cell] { cells.sorted { $0.x0 < $1.x0 } }

    /// `members` (indices into `boxes`) in reading order: top to bottom, then left to right.
    public static func readingOrder(_ members: [Int], _ boxes: [Box]) -> [Int] {
        members.sorted { (boxes[$0].y0, boxes[$0].x0) < (boxes[$1].y0, boxes[$1].x0) }
    }

    /// Whether a line (a common top) holds a member of `a` and, right of it, a member of `b`: the
    /// two cells' words stand side by side on one line.
    public static func sharesLine(_ a: Cell, before b: Cell, _ boxes: [Box]) -> Bool {
        a.members.contains { p in b.members.contains { boxes[$0].y0 == boxes[p].y0 && boxes[$0].x0 > boxes[p].x0 } }
    }

    /// `boxes` grouped into cells (`group`), each cell's members in reading order.
    public static func cells(_ boxes: [Box]) -> [[Int]] {
        group(boxes).map { readingOrder($0.members, boxes) }
    }

    /// Indices of the boxes that are upper cells of a two-row header: a box above two or more
    /// side-by-side cells (`cells`) that each `namesColumn` (given the cell's members, indices into
    /// `boxes`, in reading order). A lower line may reach up into the upper line by `lineOverlap` of
    /// its height.
    public static func groupCells(_ boxes: [Box], lineOverlap: Double, namesColumn: ([Int]) -> Bool) -> Set<Int> {
        var out = Set<Int>()
        for (k, g) in boxes.enumerated() {
            let under = boxes.indices.filter { s in
                boxes[s].y0 >= g.y1 - lineOverlap * g.height && boxes[s].horizontalOverlap(g) > 0
            }
            if cells(under.map { boxes[$0] }).filter({ namesColumn($0.map { under[$0] }) }).count >= 2 { out.insert(k) }
        }
        return out
    }
}
