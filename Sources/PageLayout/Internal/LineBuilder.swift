import ITAModel

/// Groups glyph clusters into visual lines by the vertical position of their base glyphs.
enum LineBuilder {
    /// Clusters of one line, left to right.
    struct RawLine {
        var clusters: [GlyphCluster]
        var midY: Double
        var height: Double
    }

    /// Lines top to bottom. A cluster joins the line above when its base's vertical centre lies
    /// within a fraction of the glyph height from the line's centre: loose enough for columns whose
    /// baselines differ by a point or two, tight enough to keep the next line apart.
    static func build(_ clusters: [GlyphCluster], _ settings: LayoutSettings) -> [RawLine] {
        let order = clusters.indices.sorted {
            let a = clusters[$0].baseBox.midY, b = clusters[$1].baseBox.midY
            return a != b ? a < b : clusters[$0].baseBox.x0 < clusters[$1].baseBox.x0
        }
        var lines: [RawLine] = []
        var current: [GlyphCluster] = []
        var sumMid = 0.0
        var refHeight = 0.0
        func close() {
            guard !current.isEmpty else { return }
            current.sort { $0.baseBox.x0 < $1.baseBox.x0 }
            let hs = current.map(\.baseBox.height).sorted()
            lines.append(RawLine(clusters: current, midY: sumMid / Double(current.count), height: hs[hs.count / 2]))
            current = []; sumMid = 0
        }
        for i in order {
            let c = clusters[i]
            let h = max(c.baseBox.height, 0.1)
            if !current.isEmpty {
                let mean = sumMid / Double(current.count)
                let tol = settings.lineCentreHeight * max(refHeight, h)
                if c.baseBox.midY - mean > tol { close() }
            }
            if current.isEmpty { refHeight = h }
            current.append(c)
            sumMid += c.baseBox.midY
        }
        close()
        return lines
    }
}
