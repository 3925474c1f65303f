import ITAModel

/// Builds a table from a group of ruling lines: the lines give the grid, missing line pieces merge
/// grid cells into spanning cells, and the page's words fill the cells.
enum RuledTableBuilder {
    /// A placed word: the line it is on (index into the page's lines) and the word.
    struct PlacedWord { var line: Int; var word: Word }

    static func build(page: Int, group: RulingGroup, words: [PlacedWord], _ settings: LayoutSettings) -> Table? {
        let tol = settings.rulingTolerance
        let xs = RulingGroup.positions(group.vertical.map(\.x), tol: tol)
        let ys = RulingGroup.positions(group.horizontal.map(\.y), tol: tol)
        guard xs.count >= 2, ys.count >= 2 else { return nil }
        let nr = ys.count - 1, nc = xs.count - 1

        // Does a line run along this edge of the grid cell? Covering most of the edge is enough.
        func hasV(_ x: Double, _ y0: Double, _ y1: Double) -> Bool {
            let need = settings.ruledEdgeCoverage * (y1 - y0)
            var covered = 0.0
            for l in group.vertical where abs(l.x - x) <= tol { covered += max(0, min(l.y1, y1) - max(l.y0, y0)) }
            return covered >= need
        }
        func hasH(_ y: Double, _ x0: Double, _ x1: Double) -> Bool {
            let need = settings.ruledEdgeCoverage * (x1 - x0)
            var covered = 0.0
            for l in group.horizontal where abs(l.y - y) <= tol { covered += max(0, min(l.x1, x1) - max(l.x0, x0)) }
            return covered >= need
        }
        var parent = Array(0..<(nr * nc))
        func find(_ i: Int) -> Int { var i = i; while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }; return i }
        func join(_ a: Int, _ b: Int) { let ra = find(a), rb = find(b); if ra != rb { parent[max(ra, rb)] = min(ra, rb) } }
        for r in 0..<nr {
            for c in 0..<nc {
                if c > 0 && !hasV(xs[c], ys[r], ys[r + 1]) { join(r * nc + c, r * nc + c - 1) }
                if r > 0 && !hasH(ys[r], xs[c], xs[c + 1]) { join(r * nc + c, (r - 1) * nc + c) }
            }
        }
        // Spanning cells as rectangles of grid cells.
        var span: [Int: (r0: Int, c0: Int, r1: Int, c1: Int)] = [:]
        for r in 0..<nr {
            for c in 0..<nc {
                let root = find(r * nc + c)
                if let s = span[root] {
                    span[root] = (min(s.r0, r), min(s.c0, c), max(s.r1, r), max(s.c1, c))
                } else {
                    span[root] = (r, c, r, c)
                }
            }
        }
        // Words into cells by their centre.
        var content: [Int: [(line: Int, word: Word)]] = [:]
        for pw in words {
            let mx = pw.word.box.midX, my = pw.word.box.midY
            guard mx > xs[0], mx < xs[nc], my > ys[0], my < ys[nr] else { continue }
            guard let c = index(of: mx, in: xs), let r = index(of: my, in: ys) else { continue }
            content[find(r * nc + c), default: []].append((pw.line, pw.word))
        }
        var rows: [TableRow] = []
        for r in 0..<nr {
            var cells: [Cell] = []
            for c in 0..<nc {
                let root = find(r * nc + c)
                guard let s = span[root], s.r0 == r, s.c0 == c else { continue }
                let box = Box(x0: xs[s.c0], y0: ys[s.r0], x1: xs[s.c1 + 1], y1: ys[s.r1 + 1])
                cells.append(Cell(column: c, columnSpan: s.c1 - s.c0 + 1, rowSpan: s.r1 - s.r0 + 1,
                                  lines: cellLines(content[root] ?? []), box: box))
            }
            let box = Box(x0: xs[0], y0: ys[r], x1: xs[nc], y1: ys[r + 1])
            if cells.isEmpty { continue }
            rows.append(TableRow(cells: cells, box: box))
        }
        guard !rows.isEmpty else { return nil }
        let columns = (0..<nc).map { xs[$0]...xs[$0 + 1] }
        return Table(page: page, box: Box(x0: xs[0], y0: ys[0], x1: xs[nc], y1: ys[nr]), columns: columns,
                     rows: rows, method: .ruled)
    }

    /// The interval of `edges` holding `v`.
    static func index(of v: Double, in edges: [Double]) -> Int? {
        var lo = 0, hi = edges.count - 1
        guard v >= edges[0], v <= edges[hi] else { return nil }
        while hi - lo > 1 { let m = (lo + hi) / 2; if v < edges[m] { hi = m } else { lo = m } }
        return lo
    }

    /// A cell's words as lines of text, in page line order, words left to right.
    static func cellLines(_ items: [(line: Int, word: Word)]) -> [String] {
        var out: [String] = []
        var current = -1
        for it in items.sorted(by: { ($0.line, $0.word.box.x0) < ($1.line, $1.word.box.x0) }) {
            if it.line != current { out.append(it.word.text); current = it.line } else { out[out.count - 1] += " " + it.word.text }
        }
        return out
    }
}
