import ITAModel

/// Connected groups of ruling lines: each group with enough horizontal and vertical lines is a ruled table.
struct RulingGroup {
    var horizontal: [Rulings.HLine]
    var vertical: [Rulings.VLine]
    var box: Box

    /// Groups of touching lines with at least two lines each way, top to bottom.
    static func groups(_ r: Rulings, _ settings: LayoutSettings) -> [RulingGroup] {
        let tol = settings.rulingTolerance
        let h = r.horizontal, v = r.vertical
        let n = h.count + v.count
        guard h.count >= 2, v.count >= 2 else { return [] }
        var parent = Array(0..<n)
        func find(_ i: Int) -> Int { var i = i; while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }; return i }
        func join(_ a: Int, _ b: Int) { let ra = find(a), rb = find(b); if ra != rb { parent[max(ra, rb)] = min(ra, rb) } }
        // Vertical lines sorted by x: for each horizontal line, only those within its x extent are checked.
        for (i, hl) in h.enumerated() {
            var lo = 0, hi = v.count
            while lo < hi { let m = (lo + hi) / 2; if v[m].x < hl.x0 - tol { lo = m + 1 } else { hi = m } }
            var j = lo
            while j < v.count, v[j].x <= hl.x1 + tol {
                if hl.y >= v[j].y0 - tol && hl.y <= v[j].y1 + tol { join(i, h.count + j) }
                j += 1
            }
        }
        // Collinear pieces of one horizontal line (broken by the render) belong together.
        for i in h.indices.dropFirst() where abs(h[i].y - h[i - 1].y) < tol && h[i].x0 <= h[i - 1].x1 + tol { join(i, i - 1) }
        var byRoot: [Int: RulingGroup] = [:]
        var roots: [Int] = []
        for i in 0..<n {
            let root = find(i)
            if byRoot[root] == nil { byRoot[root] = RulingGroup(horizontal: [], vertical: [], box: Box(x0: .infinity, y0: .infinity, x1: -.infinity, y1: -.infinity)); roots.append(root) }
            if i < h.count {
                let l = h[i]
                byRoot[root]!.horizontal.append(l)
                byRoot[root]!.box = byRoot[root]!.box.union(Box(x0: l.x0, y0: l.y, x1: l.x1, y1: l.y))
            } else {
                let l = v[i - h.count]
                byRoot[root]!.vertical.append(l)
                byRoot[root]!.box = byRoot[root]!.box.union(Box(x0: l.x, y0: l.y0, x1: l.x, y1: l.y1))
            }
        }
        return roots.compactMap { byRoot[$0] }
            .filter { $0.horizontal.count >= 2 && $0.vertical.count >= 2 && $0.box.width > settings.ruledMinWidth && $0.box.height > settings.ruledMinHeight }
            .sorted { ($0.box.y0, $0.box.x0) < ($1.box.y0, $1.box.x0) }
    }

    /// Distinct positions (clustered within `tol`, `LayoutSettings.rulingTolerance`), ascending.
    static func positions(_ values: [Double], tol: Double) -> [Double] {
        let s = values.sorted()
        var out: [Double] = []
        var run: [Double] = []
        for x in s {
            if let last = run.last, x - last > tol {
                out.append(run.reduce(0, +) / Double(run.count)); run = []
            }
            run.append(x)
        }
        if !run.isEmpty { out.append(run.reduce(0, +) / Double(run.count)) }
        return out
    }
}
