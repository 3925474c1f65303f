import ITAModel

/// Table borders of a scanned page, from its OCR render. A scan's borders are pixels, not drawn
/// paths, so the extractor's ruling render finds none and the ruled-table finder, the segment
/// splitter and the plan reader's row bounds had nothing to work with. The runs `LineEraser` paints
/// white (dark, thin, longer than any letter stroke) are those borders: this joins them into lines,
/// independently of the text.
///
/// A scanned border is skewed (a slight rotation of the sheet) and its grey edge comes and goes, so
/// one border is many runs: a staircase of row runs a pixel apart, with small breaks. Runs a pixel
/// or two apart across, and touching or nearly so along, belong to one line; the line is the
/// least-squares fit through its runs' midpoints.
enum RasterRulings {
    struct Run: Equatable {
        var horizontal: Bool
        /// Row (horizontal) or column (vertical) of the run, pixels.
        var at: Int
        /// Extent along the run, pixels, end exclusive.
        var from: Int, to: Int
    }

    /// One border as a straight segment, pixels: from (x0, y0) to (x1, y1).
    struct Line: Equatable {
        var horizontal: Bool
        var x0: Double, y0: Double, x1: Double, y1: Double
    }

    /// Runs of one border lie at most this many pixels apart across it: the staircase of a skewed
    /// line steps one row at a time, and a border two or three pixels thick gives runs on
    /// neighbouring rows.
    static let maxStepPixels = 2
    /// Runs along one border may be this far apart (inches): JPEG noise and a light toner break a
    /// grey border's dark pixels for a few pixels; a cell's width (a break between two tables) is
    /// far more.
    static let maxBreakInches = 0.04
    /// A border is at least this long (inches): no letter stroke of body text is, nor a chain of
    /// them (`LineEraser.minimumInches`).
    static let minLengthInches = LineEraser.minimumInches

    /// The borders made of `runs` at `dpi`.
    static func lines(_ runs: [Run], dpi: Double) -> [Line] { join(runs, dpi: dpi).map(\.line) }

    /// The borders made of `runs` at `dpi`, each with the runs it is made of.
    static func join(_ runs: [Run], dpi: Double) -> [(line: Line, runs: [Run])] {
        let maxBreak = Int((maxBreakInches * dpi).rounded(.up))
        let minLength = minLengthInches * dpi
        var out: [(line: Line, runs: [Run])] = []
        for horizontal in [true, false] {
            let these = runs.filter { $0.horizontal == horizontal }.sorted { ($0.from, $0.at) < ($1.from, $1.at) }
            // Union-find over runs: two runs join when they are close across and touch along.
            var parent = Array(these.indices)
            func root(_ i: Int) -> Int {
                var i = i
                while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
                return i
            }
            for i in these.indices {
                // Sorted by start: only runs starting before i's end (plus the break) can touch it.
                var j = i + 1
                while j < these.count && these[j].from <= these[i].to + maxBreak {
                    if abs(these[j].at - these[i].at) <= maxStepPixels {
                        let a = root(i), b = root(j)
                        if a != b { parent[max(a, b)] = min(a, b) }
                    }
                    j += 1
                }
            }
            var groups: [Int: [Run]] = [:]
            for i in these.indices { groups[root(i), default: []].append(these[i]) }
            for key in groups.keys.sorted() {
                let group = groups[key]!
                let from = group.map(\.from).min()!, to = group.map(\.to).max()!
                guard Double(to - from) >= minLength else { continue }
                // at = a + b * along, weighted by run length (a long run is a surer point).
                var sw = 0.0, sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0
                for r in group {
                    let w = Double(r.to - r.from), x = Double(r.from + r.to) / 2, y = Double(r.at) + 0.5
                    sw += w; sx += w * x; sy += w * y; sxx += w * x * x; sxy += w * x * y
                }
                let mx = sx / sw, my = sy / sw
                let varX = sxx / sw - mx * mx
                let slope = varX > 1e-9 ? (sxy / sw - mx * my) / varX : 0
                let a0 = my + slope * (Double(from) - mx), a1 = my + slope * (Double(to) - mx)
                out.append((horizontal ? Line(horizontal: true, x0: Double(from), y0: a0, x1: Double(to), y1: a1)
                                       : Line(horizontal: false, x0: a0, y0: Double(from), x1: a1, y1: Double(to)), group))
            }
        }
        return out
    }

    /// Thickness (points) of the boxes the lines are handed to layout as: a drawn border's width
    /// (0.5-1 pt), well under `LayoutSettings.rulingMaxThickness`.
    static let boxThickness = 1.0

    /// The lines as the thin boxes a text layer's rulings are (points, top-left origin), after
    /// `deskew`: a horizontal line is flat at its mean height, a vertical one upright at its mean x.
    static func boxes(_ lines: [Line], scale: Double, deskew: Deskew) -> [Box] {
        lines.map { l in
            let a = deskew.apply(x: l.x0, y: l.y0), b = deskew.apply(x: l.x1, y: l.y1)
            let half = boxThickness / 2
            if l.horizontal {
                let y = (a.y + b.y) / 2 * scale
                return Box(x0: min(a.x, b.x) * scale, y0: y - half, x1: max(a.x, b.x) * scale, y1: y + half)
            }
            let x = (a.x + b.x) / 2 * scale
            return Box(x0: x - half, y0: min(a.y, b.y) * scale, x1: x + half, y1: max(a.y, b.y) * scale)
        }
    }
}

/// The rotation that undoes a scanned page's skew, about the page's centre (pixels). A sheet
/// scanned a fraction of a degree off turns a table row's cells into lines at different heights
/// (0.6 degrees over a 500 pt row is 5 pt, a line-grouping tolerance) and every line's box taller by
/// its slope times its width; words and borders are turned back together so that they stay in
/// register. Provenance boxes of OCR'd pages are in the turned frame: at most a few points from the
/// scan's pixels.
struct Deskew: Equatable {
    /// Slope of the page's text lines (dy/dx, pixels; positive: right end lower).
    var slope: Double
    var centreX: Double, centreY: Double

    static let none = Deskew(slope: 0, centreX: 0, centreY: 0)

    /// Skews below this slope are left alone: 0.05 degrees moves a point by under half a point
    /// across an A4 page, less than a glyph box's rounding matters to layout.
    static let minSlope = 0.000_9
    /// Only lines at least this wide (inches) vote for the page's skew: a short cell's baseline
    /// slope is a pixel over a few dozen, noise.
    static let minLineInches = 1.0

    /// The page's skew from its text lines' baselines: the median slope, each line counted once per
    /// inch of its width (long lines are surer); `.none` when no line is long enough or the skew is
    /// negligible. The same baseline points for every word of a line: a line counts once.
    static func estimate(words: [OCRWord], width: Double, height: Double, dpi: Double) -> Deskew {
        var seen = Set<Int>()
        var votes: [(slope: Double, weight: Int)] = []
        for w in words {
            guard let b = w.baseline, !seen.contains(w.line) else { continue }
            seen.insert(w.line)
            let dx = b.x1 - b.x0
            guard dx >= minLineInches * dpi else { continue }
            votes.append(((b.y1 - b.y0) / dx, Int(dx / dpi)))
        }
        guard !votes.isEmpty else { return .none }
        votes.sort { $0.slope < $1.slope }
        let total = votes.reduce(0) { $0 + $1.weight }
        var acc = 0
        var median = votes[0].slope
        for v in votes {
            acc += v.weight
            if 2 * acc >= total { median = v.slope; break }
        }
        guard abs(median) >= minSlope else { return .none }
        return Deskew(slope: median, centreX: width / 2, centreY: height / 2)
    }

    /// The point turned back by the skew.
    func apply(x: Double, y: Double) -> (x: Double, y: Double) { turn(x: x, y: y, sign: 1) }

    /// The point `apply` turned back, turned forward again (where it lies in the scan's pixels).
    func unapply(x: Double, y: Double) -> (x: Double, y: Double) { turn(x: x, y: y, sign: -1) }

    /// The rotation by the skew's angle about the centre: back (`sign` 1) or forward (-1).
    private func turn(x: Double, y: Double, sign: Double) -> (x: Double, y: Double) {
        guard slope != 0 else { return (x, y) }
        let norm = (1 + slope * slope).squareRoot()
        let c = 1 / norm, s = sign * slope / norm
        let dx = x - centreX, dy = y - centreY
        return (centreX + dx * c + dy * s, centreY - dx * s + dy * c)
    }

    /// The word with its box turned back: the box keeps its size and moves with its centre (a word
    /// is short, so its own slant is a pixel or so), and its baseline points turn with it.
    func apply(_ w: OCRWord) -> OCRWord {
        guard slope != 0 else { return w }
        var out = w
        let c = apply(x: (w.x0 + w.x1) / 2, y: (w.y0 + w.y1) / 2)
        let hw = (w.x1 - w.x0) / 2, hh = (w.y1 - w.y0) / 2
        out.x0 = c.x - hw; out.x1 = c.x + hw; out.y0 = c.y - hh; out.y1 = c.y + hh
        if let b = w.baseline {
            let p = apply(x: b.x0, y: b.y0), q = apply(x: b.x1, y: b.y1)
            out.baseline = OCRWord.Baseline(x0: p.x, y0: p.y, x1: q.x, y1: q.y)
        }
        return out
    }
}
