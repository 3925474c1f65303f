import Foundation

/// What `DigitShapeReader` read in a number's crop.
public struct DigitReading: Sendable, Equatable {
    public struct Choice: Sendable, Equatable {
        public var character: Character
        public var score: Double
    }

    /// Thai digits (ASCII ones when read with the ASCII templates) and the point, left to right ("" when
    /// nothing digit-like was found).
    public var text: String
    /// Per glyph, the best matches, best first (the point has one).
    public var glyphs: [[Choice]]
    /// The smallest margin of a glyph's best digit over its runner-up: how sure the weakest glyph is.
    public var margin: Double
    /// Other readings, one glyph changed to its runner-up, the closest call first.
    public var alternatives: [String]
}

/// Reads a number printed in Thai digits (or, asked, in ASCII digits) from a grey crop by shape:
/// connected components of the ink, each compared with the digit templates of `DigitTemplates`. Port of the prototype
/// `Scripts/bench/digit_shapes.py` (same steps, same settings; measured there first).
public struct DigitShapeReader: Sendable {
    public struct Settings: Sendable, Equatable {
        /// Penalty per unit of |log| of the aspect ratios' quotient: ๐ and ๑ differ mostly in width.
        public var aspectWeight = 0.25
        /// A component at least this part of the tallest is a digit (all Thai digits are as tall as ๐).
        public var digitHeight = 0.6
        /// The point: at most this part of the digit height, its bottom within `pointBase` of the
        /// baseline and its top below the upper `pointTop` of the digits.
        public var pointHeight = 0.4
        public var pointBase = 0.35
        public var pointTop = 0.4
        /// Smaller than this part of the digit height: photocopy speckle, not a point.
        public var speck = 0.12
        /// The same for ASCII digits, which stand taller over their point than Thai ones: Laksaman's
        /// ASCII point is 2 px under 18 px digits at 150 dpi (0.11); a 1 px speck (0.055) stays out.
        public var asciiSpeck = 0.07
        /// A component wider than this many digit heights may be touching digits; it is cut only if
        /// both halves then match digits better by `splitGain` (the widest single digit of the
        /// templates is 1.32 heights wide, two of the narrowest together over 1.5).
        public var touching = 1.4
        public var splitGain = 0.05
        /// A glyph at either end matching no digit better than this is a neighbouring letter.
        public var minDigit = 0.55
        /// A piece this many times longer than thick is a piece of a ruling (a digit is at most 1.3 wide).
        public var lineAspect = 3.0
        /// Two pieces overlapping in x by this part of the narrower are one glyph (a broken stroke).
        public var mergeOverlap = 0.5
        public init() {}
    }

    let templates: DigitTemplates
    public var settings: Settings

    public init(templates: DigitTemplates, settings: Settings = Settings()) {
        self.templates = templates; self.settings = settings
    }

    /// A grey crop: `width` x `height` bytes row by row, 0 black to 255 white. The better of two
    /// readings: the crop as it is, and after a 3x3 median (photocopy speckle chains digits to each
    /// other and to the crop's edge; the median breaks the chains, but also thin strokes of a clean
    /// crop). Better: of a score's form, then the weakest glyph's match (measured on tune scans at
    /// 200 dpi: 266 of 266 scores exact, against 189 without the median and 231 with it alone).
    /// `form`: the number's expected form (a score by default, or a year). `ascii`: read with the
    /// fonts' ASCII digits' templates instead of the Thai ones (a number Tesseract read in ASCII).
    public func read(gray: [UInt8], width: Int, height: Int,
                     form: (String) -> Bool = DigitRereader.isScore, ascii: Bool = false) -> DigitReading {
        guard width > 2, height > 2, gray.count >= width * height else { return readOnce(gray: gray, width: width, height: height, ascii: ascii) }
        let a = readOnce(gray: gray, width: width, height: height, ascii: ascii)
        let b = readOnce(gray: Self.median3(gray, width, height), width: width, height: height, ascii: ascii)
        return Self.quality(b, form) > Self.quality(a, form) ? b : a
    }

    /// Whether the crop's left and right edges cut a glyph: a component of digit height (`digitHeight`
    /// of the tallest one inside) touching the side and neither the top nor the bottom (a ruling, or
    /// a neighbouring line's ink, does). `readOnce` leaves such a glyph out, so a crop that cut the
    /// last digit of a year reads three (`DigitRereader` then widens the crop on that side).
    public func edgeCut(gray: [UInt8], width: Int, height: Int) -> (left: Bool, right: Bool) {
        guard width > 2, height > 2, gray.count >= width * height else { return (false, false) }
        let ink = gray.prefix(width * height).map { 255 - Float($0) }
        let img = Labels(ink: ink, width: width, height: height, threshold: Self.otsu(ink))
        let upright = img.boxes.filter { $0.y0 > 0 && $0.y1 < height }
        let inside = upright.filter { $0.x0 > 0 && $0.x1 < width }
        guard let tallest = (inside.isEmpty ? upright : inside).map(\.h).max() else { return (false, false) }
        let glyphs = upright.filter { Double($0.h) >= settings.digitHeight * Double(tallest) }
        return (glyphs.contains { $0.x0 == 0 }, glyphs.contains { $0.x1 == width })
    }

    static func quality(_ r: DigitReading, _ form: (String) -> Bool) -> (Int, Double) {
        (form(r.text) ? 1 : 0, r.glyphs.map { $0[0].score }.min() ?? -1)
    }

    /// 3x3 median, the edge repeated.
    static func median3(_ g: [UInt8], _ w: Int, _ h: Int) -> [UInt8] {
        var out = [UInt8](repeating: 255, count: w * h)
        var v = [UInt8](repeating: 0, count: 9)
        for y in 0..<h {
            for x in 0..<w {
                var k = 0
                for dy in -1...1 {
                    let yy = min(h - 1, max(0, y + dy))
                    for dx in -1...1 { v[k] = g[yy * w + min(w - 1, max(0, x + dx))]; k += 1 }
                }
                // Insertion sort of nine.
                for i in 1..<9 {
                    let t = v[i]
                    var j = i - 1
                    while j >= 0 && v[j] > t { v[j + 1] = v[j]; j -= 1 }
                    v[j + 1] = t
                }
                out[y * w + x] = v[4]
            }
        }
        return out
    }

    func readOnce(gray: [UInt8], width: Int, height: Int, ascii: Bool = false) -> DigitReading {
        let empty = DigitReading(text: "", glyphs: [], margin: 0, alternatives: [])
        guard width > 2, height > 2, gray.count >= width * height else { return empty }
        let ink = gray.prefix(width * height).map { 255 - Float($0) }
        let t = Self.otsu(ink)
        let img = Labels(ink: ink, width: width, height: height, threshold: t)
        // Components touching the crop's edge are rulings or neighbours cut by the crop.
        // Pieces far longer than thick are pieces of rulings (a JPEG scan breaks a border into pieces).
        var comps = img.boxes.filter { $0.x0 > 0 && $0.y0 > 0 && $0.x1 < width && $0.y1 < height }
            // An ASCII 1 is a thin upright (Norasi's, 7 times taller than thick): in ASCII only a
            // lying piece is a ruling's (an upright one read as 1 spells another number than
            // Tesseract's, and a reading that disagrees confirms nothing).
            .filter { ascii ? Double($0.x1 - $0.x0) <= settings.lineAspect * Double($0.h)
                : Double(max($0.h, $0.x1 - $0.x0)) <= settings.lineAspect * Double(min($0.h, $0.x1 - $0.x0)) }
        comps.sort { ($0.x0, $0.y0) < ($1.x0, $1.y0) }
        var merged: [Piece] = []
        for c in comps {
            if let k = merged.firstIndex(where: { m in
                let overlap = min(m.x1, c.x1) - max(m.x0, c.x0)
                return Double(overlap) > settings.mergeOverlap * Double(min(m.x1 - m.x0, c.x1 - c.x0))
            }) {
                merged[k] = merged[k].union(c)
            } else {
                merged.append(c)
            }
        }
        guard let tallest = merged.map(\.h).max() else { return empty }
        let digitPieces = merged.filter { Double($0.h) >= settings.digitHeight * Double(tallest) }
        guard !digitPieces.isEmpty else { return empty }
        let base = Self.median(digitPieces.map { Double($0.y1) }), top = Self.median(digitPieces.map { Double($0.y0) })
        let H = max(base - top, 1)
        var glyphs: [(x: Int, piece: Piece, point: Bool)] = []
        for c in digitPieces {
            for p in split(img, c, H, ascii: ascii) { glyphs.append((p.x0, p, false)) }
        }
        let left = glyphs.map(\.x).min()!, right = glyphs.map(\.piece.x1).max()!
        let points = merged.filter { c in
            !digitPieces.contains(c) && Double(c.h) >= (ascii ? settings.asciiSpeck : settings.speck) * H && Double(c.h) <= settings.pointHeight * H
                && Double(c.y1) >= base - settings.pointBase * H && Double(c.y0) >= top + settings.pointTop * H
                && left < c.x0 && c.x0 < right
        }
        if let p = points.max(by: { $0.area < $1.area }) { glyphs.append((p.x0, p, true)) }
        glyphs.sort { $0.x < $1.x }
        var per: [[DigitReading.Choice]] = glyphs.map { g in
            g.point ? [DigitReading.Choice(character: ".", score: 1)] : Array(classify(img, g.piece, ascii: ascii).prefix(3))
        }
        func weak(_ c: [DigitReading.Choice]) -> Bool { c[0].character != "." && c[0].score < settings.minDigit }
        while let f = per.first, weak(f) { per.removeFirst() }
        while let l = per.last, weak(l) { per.removeLast() }
        let best = per.map { $0[0].character }
        let margins = per.map { $0.count > 1 ? $0[0].score - $0[1].score : 1 }
        var alts: [(Double, String)] = []
        for (i, r) in per.enumerated() {
            for c in r.dropFirst() {
                var a = best
                a[i] = c.character
                alts.append((r[0].score - c.score, String(a)))
            }
        }
        alts.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        return DigitReading(text: String(best), glyphs: per, margin: margins.min() ?? 0, alternatives: alts.map(\.1))
    }

    /// The glyphs of one component: itself, or, when wider than `touching` heights, its best cut
    /// into two (then each again) if the weaker half matches better than the whole by `splitGain`.
    private func split(_ img: Labels, _ c: Piece, _ H: Double, ascii: Bool) -> [Piece] {
        guard Double(c.x1 - c.x0) > settings.touching * H else { return [c] }
        let whole = classify(img, c, ascii: ascii).first?.score ?? -1
        var best: (Double, Piece, Piece)?
        let margin = Int(0.3 * H)
        var j = c.x0 + margin
        while j < c.x1 - margin {
            let a = c.clipped(x0: c.x0, x1: j), b = c.clipped(x0: j, x1: c.x1)
            let s = min(classify(img, a, ascii: ascii).first?.score ?? -1, classify(img, b, ascii: ascii).first?.score ?? -1)
            if best == nil || s > best!.0 { best = (s, a, b) }
            j += 1
        }
        guard let best, best.0 >= whole + settings.splitGain else { return [c] }
        return split(img, best.1, H, ascii: ascii) + split(img, best.2, H, ascii: ascii)
    }

    /// Each digit's best score over the fonts, best first (ASCII digits' templates with `ascii`).
    func classify(_ img: Labels, _ p: Piece, ascii: Bool = false) -> [DigitReading.Choice] {
        guard let (g, aspect) = img.shrink(p, grid: DigitTemplates.grid), let v = DigitTemplates.unit(g) else {
            return [DigitReading.Choice(character: "?", score: -1)]
        }
        var best: [Character: Double] = [:]
        for t in ascii ? templates.asciiTemplates : templates.templates {
            let dot = v.withUnsafeBufferPointer { a in
                t.vector.withUnsafeBufferPointer { b in
                    var d: Float = 0
                    for k in 0..<a.count { d += a[k] * b[k] }
                    return d
                }
            }
            let s = Double(dot) - settings.aspectWeight * abs(log(t.aspect / aspect))
            if s > best[t.digit] ?? -9 { best[t.digit] = s }
        }
        return best.map { DigitReading.Choice(character: $0.key, score: $0.value) }
            .sorted { ($0.score, String($1.character)) > ($1.score, String($0.character)) }
    }

    /// Otsu's threshold of the ink over 64 bins of 0-255 (the prototype's).
    static func otsu(_ ink: [Float]) -> Float {
        let bins = 64
        var hist = [Double](repeating: 0, count: bins)
        for v in ink { hist[min(bins - 1, max(0, Int(v / 255 * Float(bins))))] += 1 }
        let width = 255.0 / Double(bins)
        let total = hist.reduce(0, +)
        var cum = 0.0, cumMean = 0.0
        let allMean = hist.enumerated().reduce(0.0) { $0 + $1.element * (Double($1.offset) + 0.5) * width }
        var best = -1.0, t = 128.0
        for k in 0..<(bins - 1) {
            cum += hist[k]; cumMean += hist[k] * (Double(k) + 0.5) * width
            guard k >= 1 else { continue }
            let w0 = cum, w1 = total - cum
            guard w0 > 0, w1 > 0 else { continue }
            let m0 = cumMean / w0, m1 = (allMean - cumMean) / w1
            let v = w0 * w1 * (m0 - m1) * (m0 - m1)
            if v > best { best = v; t = Double(k + 1) * width }
        }
        return Float(t)
    }

    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}

/// A set of components within a box (pixels, x1/y1 exclusive).
struct Piece: Equatable {
    var x0: Int, y0: Int, x1: Int, y1: Int
    /// Its components' labels (a handful: an array is faster to search than a set).
    var labels: [Int32]
    var h: Int { y1 - y0 }
    var area: Int { (x1 - x0) * (y1 - y0) }

    func union(_ o: Piece) -> Piece {
        Piece(x0: min(x0, o.x0), y0: min(y0, o.y0), x1: max(x1, o.x1), y1: max(y1, o.y1), labels: labels + o.labels.filter { !labels.contains($0) })
    }

    func clipped(x0 a: Int, x1 b: Int) -> Piece { Piece(x0: a, y0: y0, x1: b, y1: y1, labels: labels) }
}

/// The 8-connected components of a crop's ink above a threshold.
struct Labels {
    let ink: [Float]
    let width: Int, height: Int
    var label: [Int32]
    var boxes: [Piece] = []

    init(ink: [Float], width: Int, height: Int, threshold: Float) {
        self.ink = ink; self.width = width; self.height = height
        label = [Int32](repeating: 0, count: width * height)
        var next: Int32 = 0
        var stack: [Int] = []
        for start in 0..<(width * height) where ink[start] > threshold && label[start] == 0 {
            next += 1
            label[start] = next
            stack.append(start)
            var x0 = width, y0 = height, x1 = 0, y1 = 0
            while let i = stack.popLast() {
                let x = i % width, y = i / width
                x0 = min(x0, x); y0 = min(y0, y); x1 = max(x1, x + 1); y1 = max(y1, y + 1)
                for dy in -1...1 {
                    for dx in -1...1 where dx != 0 || dy != 0 {
                        let nx = x + dx, ny = y + dy
                        guard nx >= 0, ny >= 0, nx < width, ny < height else { continue }
                        let j = ny * width + nx
                        if label[j] == 0 && ink[j] > threshold { label[j] = next; stack.append(j) }
                    }
                }
            }
            boxes.append(Piece(x0: x0, y0: y0, x1: x1, y1: y1, labels: [next]))
        }
    }

    /// The piece's ink (its own components only) in its tight box, scaled to `grid` x `grid` by area
    /// averaging; and the box's aspect (width / height). Nil when the piece holds no ink.
    func shrink(_ p: Piece, grid: Int) -> ([Float], Double)? {
        var bx0 = width, by0 = height, bx1 = 0, by1 = 0
        let pw = p.x1 - p.x0
        var inside = [Bool](repeating: false, count: pw * (p.y1 - p.y0))
        for y in p.y0..<p.y1 {
            for x in p.x0..<p.x1 {
                let l = label[y * width + x]
                guard l != 0, p.labels.contains(l) else { continue }
                inside[(y - p.y0) * pw + x - p.x0] = true
                bx0 = min(bx0, x); by0 = min(by0, y); bx1 = max(bx1, x + 1); by1 = max(by1, y + 1)
            }
        }
        guard bx1 > bx0, by1 > by0 else { return nil }
        let w = bx1 - bx0, h = by1 - by0
        let my = Self.area(h, grid), mx = Self.area(w, grid)
        var out = [Float](repeating: 0, count: grid * grid)
        for y in 0..<h {
            for x in 0..<w {
                guard inside[(by0 + y - p.y0) * pw + bx0 + x - p.x0] else { continue }
                let v = ink[(by0 + y) * width + bx0 + x]
                for (gy, wy) in my[y] {
                    for (gx, wx) in mx[x] { out[gy * grid + gx] += wy * wx * v }
                }
            }
        }
        return (out, Double(w) / Double(h))
    }

    /// For each of `n` input pixels, the grid cells it falls in and its weight there: cell i averages
    /// the input span [i*n/grid, (i+1)*n/grid).
    static func area(_ n: Int, _ grid: Int) -> [[(Int, Float)]] {
        var m = [[(Int, Float)]](repeating: [], count: n)
        for i in 0..<grid {
            let a = Double(i) * Double(n) / Double(grid), b = Double(i + 1) * Double(n) / Double(grid)
            var j = Int(a.rounded(.down))
            let span = b - a
            while j < min(n, Int(b.rounded(.up))) {
                let w = min(b, Double(j + 1)) - max(a, Double(j))
                if w > 0 { m[j].append((i, Float(w / span))) }
                j += 1
            }
        }
        return m
    }
}
