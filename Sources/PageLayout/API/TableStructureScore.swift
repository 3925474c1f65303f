/// Table structure accuracy: GriTS-Con (Smock et al., 2022, "GriTS: Grid table similarity metric
/// for table structure recognition"), factored form. Cells compare by the longest common
/// subsequence of their text with whitespace removed; a spanning cell fills every grid slot it covers.
public enum TableStructureScore {
    /// GriTS-Con between a true and a predicted grid of cell texts (rows of equal length): 1 when equal.
    public static func gritsCon(_ truth: [[String]], _ pred: [[String]]) -> Double {
        let t = truth.map { $0.map(squeeze) }, p = pred.map { $0.map(squeeze) }
        let tn = t.reduce(0) { $0 + $1.count }, pn = p.reduce(0) { $0 + $1.count }
        guard tn + pn > 0 else { return 1 }
        guard tn > 0, pn > 0 else { return 0 }
        let tc = t.map(\.count).max() ?? 0, pc = p.map(\.count).max() ?? 0
        func cell(_ g: [[[Unicode.Scalar]]], _ r: Int, _ c: Int) -> [Unicode.Scalar] { c < g[r].count ? g[r][c] : [] }
        // Every pairwise cell reward once.
        var reward = [[Double]](repeating: [], count: t.count * tc)
        for r in 0..<t.count { for c in 0..<tc {
            let a = cell(t, r, c)
            var row = [Double](repeating: 0, count: p.count * pc)
            for r2 in 0..<p.count { for c2 in 0..<pc { row[r2 * pc + c2] = similarity(a, cell(p, r2, c2)) } }
            reward[r * tc + c] = row
        } }
        func rw(_ r: Int, _ c: Int, _ r2: Int, _ c2: Int) -> Double { reward[r * tc + c][r2 * pc + c2] }
        // Rows aligned by the best column alignment of each row pair, and columns likewise.
        let rows = align(t.count, p.count) { i, j in align(tc, pc) { rw(i, $0, j, $1) }.score }.pairs
        let cols = align(tc, pc) { i, j in align(t.count, p.count) { rw($0, i, $1, j) }.score }.pairs
        var score = 0.0
        for (i, j) in rows { for (a, b) in cols { score += rw(i, a, j, b) } }
        return 2 * score / Double(t.count * tc + p.count * pc)
    }

    /// The best order-preserving alignment of 0..<n with 0..<m under `s`, and its total.
    static func align(_ n: Int, _ m: Int, _ s: (Int, Int) -> Double) -> (score: Double, pairs: [(Int, Int)]) {
        guard n > 0, m > 0 else { return (0, []) }
        var dp = [[Double]](repeating: [Double](repeating: 0, count: m + 1), count: n + 1)
        for i in 1...n { for j in 1...m {
            dp[i][j] = max(dp[i - 1][j], dp[i][j - 1], dp[i - 1][j - 1] + s(i - 1, j - 1))
        } }
        var pairs: [(Int, Int)] = []
        var i = n, j = m
        while i > 0 && j > 0 {
            if dp[i][j] == dp[i - 1][j] { i -= 1 } else if dp[i][j] == dp[i][j - 1] { j -= 1 } else { pairs.append((i - 1, j - 1)); i -= 1; j -= 1 }
        }
        return (dp[n][m], pairs.reversed())
    }

    /// 2·LCS / (|a| + |b|); two empty cells are equal.
    static func similarity(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        if a.isEmpty || b.isEmpty { return 0 }
        if a == b { return 1 }
        var prev = [Int](repeating: 0, count: b.count + 1), cur = prev
        for x in a {
            for (j, y) in b.enumerated() { cur[j + 1] = x == y ? prev[j] + 1 : max(prev[j + 1], cur[j]) }
            swap(&prev, &cur)
        }
        return 2 * Double(prev[b.count]) / Double(a.count + b.count)
    }

    static func squeeze(_ s: String) -> [Unicode.Scalar] { s.unicodeScalars.filter { !$0.properties.isWhitespace } }

    /// A table as a grid of cell texts: a spanning cell's text in every slot it covers.
    public static func grid(_ t: Table) -> [[String]] {
        let n = max(t.columns.count, t.rows.flatMap(\.cells).map { $0.column + $0.columnSpan }.max() ?? 0)
        var g = [[String]](repeating: [String](repeating: "", count: n), count: t.rows.count)
        for (r, row) in t.rows.enumerated() { for c in row.cells {
            for rr in r..<min(t.rows.count, r + c.rowSpan) { for cc in c.column..<min(n, c.column + c.columnSpan) { g[rr][cc] = c.rawText } }
        } }
        return g
    }

    /// The document's tables with page continuations joined (a title row repeated on the next page
    /// dropped), as grids, in reading order. A table goes on over the break when it ends the page
    /// (within `settings.logicalTableBottomTolerance` of the lowest table end).
    public static func logicalTables(_ doc: DocumentLayout, settings: LayoutSettings = LayoutSettings()) -> [[[String]]] {
        let near = settings.logicalTableBottomTolerance
        var out: [[[String]]] = []
        var open: [Int?: Int] = [:]   // side-by-side group -> index in `out` of the table ending the previous page
        for page in doc.pages {
            var next: [Int?: Int] = [:]
            let bottom = page.tables.map(\.box.y1).max() ?? 0
            for t in page.tables {
                var g = grid(t)
                if t.continuesPrevious, let k = open[t.sideBySideGroup] {
                    while let first = g.first, t.rows[t.rows.count - g.count].isHeader, out[k].contains(first) { g.removeFirst() }
                    if t.firstRowContinuesPrevious, !g.isEmpty, var last = out[k].popLast() {
                        // Join the broken row's two halves cell by cell.
                        for c in 0..<min(last.count, g[0].count) where !g[0][c].isEmpty {
                            last[c] = last[c].isEmpty ? g[0][c] : last[c] + " " + g[0][c]
                        }
                        out[k].append(last); g.removeFirst()
                    }
                    out[k] += g
                    if abs(t.box.y1 - bottom) < near { next[t.sideBySideGroup] = k }
                } else if t.rows.allSatisfy(\.isHeader), let k = out.indices.last, out[k].first?.count == g.first?.count,
                          g.allSatisfy({ out[k].contains($0) }) {
                    // Only the title row repeated at the foot of a page: the table goes on below it.
                    if abs(t.box.y1 - bottom) < near { next[t.sideBySideGroup] = k }
                } else {
                    out.append(g)
                    if abs(t.box.y1 - bottom) < near { next[t.sideBySideGroup] = out.count - 1 }
                }
            }
            open = next
        }
        return out
    }
}

extension TableStructureScore {
    /// For each true grid, GriTS-Con against the best of the predicted grids. With `candidates`, only
    /// that many predicted grids most alike in characters (Dice over character counts) are scored.
    public static func bestScores(truth: [[[String]]], predicted: [[[String]]], candidates: Int = .max) -> [Double] {
        func chars(_ g: [[String]]) -> [Unicode.Scalar: Int] {
            var d: [Unicode.Scalar: Int] = [:]
            for r in g { for c in r { for s in c.unicodeScalars where !s.properties.isWhitespace { d[s, default: 0] += 1 } } }
            return d
        }
        let pc = predicted.map(chars)
        let pn = pc.map { $0.values.reduce(0, +) }
        return truth.map { g in
            let gc = chars(g)
            let gn = gc.values.reduce(0, +)
            let dice = pc.indices.map { i -> Double in
                let common = gc.reduce(0) { $0 + min($1.value, pc[i][$1.key] ?? 0) }
                return 2 * Double(common) / Double(max(1, gn + pn[i]))
            }
            let best = predicted.indices.sorted { (dice[$0], -$0) > (dice[$1], -$1) }.prefix(candidates)
            return best.map { gritsCon(g, predicted[$0]) }.max() ?? 0
        }
    }
}
