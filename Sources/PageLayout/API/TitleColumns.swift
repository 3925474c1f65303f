import ITAModel

/// A table's columns told by where their titles stand in its header (`PageGrid`): a column by its
/// title's horizontal centre (a title cell naming several columns shares its width among them),
/// a title wrapped onto the lines around the header's line, and a cell below taken for the column
/// whose centre is nearest its own. How far a title may wrap and a cell lie from its column's
/// centre is the reader's to say (it knows its titles' wording and spacing).
extension PageGrid {
    /// The centres of `count` columns whose titles share the cell `r`, left to right: its width cut
    /// into `count` equal parts (one part, the cell's centre, for a count under 2).
    public func titleCentres(of r: Ref, count: Int) -> [Double] { box(r).sharedWidthCentres(count) }

    /// The horizontal centre of `r`.
    public func centreX(of r: Ref) -> Double { box(r).midX }

    /// Whether the horizontal centre of `r` lies right of `x`.
    public func centred(_ r: Ref, rightOf x: Double) -> Bool { box(r).midX > x }

    /// The lines starting between `abovePitch` line pitches above the top of line `l` and
    /// `belowPitch` pitches below its bottom, top to bottom: where a title of line `l`'s header may
    /// wrap.
    public func lines(around l: Int, abovePitch: Double, belowPitch: Double) -> [Int] {
        let top = lines[l].box.y0 - abovePitch * pitch, low = lines[l].box.y1 + belowPitch * pitch
        return lines.indices.filter { lines[$0].box.y0 >= top && lines[$0].box.y0 <= low }
    }

    /// The lowest bottom of line `l` and of `refs`: the bottom of a header on that line with titles
    /// wrapped below it.
    public func bottom(ofLine l: Int, with refs: [Ref]) -> Double {
        refs.reduce(lines[l].box.y1) { max($0, box($1).y1) }
    }

    /// Whether line `l` starts below `y`.
    public func line(_ l: Int, startsBelow y: Double) -> Bool { lines[l].box.y0 > y }

    /// The column whose centre (`centres`) is nearest the centre of `r`, with that distance (the
    /// first of equally near ones; nil: no column).
    public func nearestColumn(of r: Ref, centres: [Double]) -> (index: Int, distance: Double)? {
        let mid = box(r).midX
        return centres.indices.map { ($0, abs(centres[$0] - mid)) }.min(by: { $0.1 < $1.1 }).map { (index: $0.0, distance: $0.1) }
    }
}

/// A cell shared by several columns (a title naming two years, a cell holding two scores a space
/// apart) shares its width among them in equal parts, left to right.
extension Box {
    /// This box's width cut into `count` equal parts, left to right, each of the box's height (none
    /// for a count under 1).
    public func sharedWidth(_ count: Int) -> [Box] {
        let w = width / Double(max(1, count))
        return (0..<max(0, count)).map { k in Box(x0: x0 + w * Double(k), y0: y0, x1: x0 + w * Double(k + 1), y1: y1) }
    }

    /// The horizontal centres of those parts, left to right.
    public func sharedWidthCentres(_ count: Int) -> [Double] {
        let w = width / Double(max(1, count))
        return (0..<max(0, count)).map { k in x0 + w * (Double(k) + 0.5) }
    }
}

/// Cells paired with the columns whose titles stand over them, by their boxes.
public enum TitleColumnPairing {
    /// Pairs `cells` (a value and its box) with `titles` (a column's key and its title's centre):
    /// left to right in order when there are as many cells as titles, else each cell with the
    /// title whose centre is nearest its own (nil: no title).
    public static func pair<T, K>(_ cells: [(T, Box)], titles: [(K, Double)]) -> [(T, K?)] {
        let sorted = titles.sorted { $0.1 < $1.1 }
        if cells.count == sorted.count {
            return zip(cells.sorted { $0.1.midX < $1.1.midX }, sorted).map { ($0.0, $1.0) }
        }
        return cells.map { s in (s.0, sorted.min { abs($0.1 - s.1.midX) < abs($1.1 - s.1.midX) }?.0) }
    }
}
