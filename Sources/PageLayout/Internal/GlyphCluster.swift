import ITAModel
import PDFExtract

/// A base glyph with the combining marks that follow it: the unit that lines and words are built from.
struct GlyphCluster {
    var text: String
    /// Box of the base glyph only: marks sit above or below and would blur line grouping.
    var baseBox: Box
    /// Box of base and marks together.
    var box: Box
    var fontSize: Double
    var spaceAfter: Bool
    /// True when the cluster starts with a mark (a mark with no base before it).
    var startsWithMark: Bool
    /// The base glyph's font name, when the PDF gives it.
    var font: String? = nil

    /// Groups `glyphs` (in text-layer order) into clusters. Whitespace-only glyphs become word breaks
    /// on the cluster before them; every other glyph's text lands in exactly one cluster.
    static func build(_ glyphs: [Glyph], _ settings: LayoutSettings) -> [GlyphCluster] {
        var out: [GlyphCluster] = []
        out.reserveCapacity(glyphs.count)
        // Marks drawn far from the cluster they follow in the text layer: attached once every base is there.
        var stray: [(mark: Glyph, follows: Int)] = []
        for g in glyphs {
            if g.text.isEmpty { continue }
            if g.text.unicodeScalars.allSatisfy(UnicodeWhitespace.contains) {
                if !out.isEmpty { out[out.count - 1].spaceAfter = true }
                continue
            }
            if ThaiMarks.isAllMarks(g.text), !out.isEmpty {
                if isStray(g, from: out[out.count - 1], settings) {
                    stray.append((g, out.count - 1))
                    continue
                }
                // Re-attach the mark to its base, ignoring any space the text layer put before it.
                let k = baseIndex(forMark: g, in: out, settings)
                out[k].text += g.text
                out[k].box = out[k].box.union(g.box)
                if k == out.count - 1 { out[k].spaceAfter = g.spaceAfter }
                continue
            }
            let size = g.fontSize ?? max(g.box.height * settings.fontSizeFromHeight, 1)
            out.append(GlyphCluster(text: g.text, baseBox: g.box, box: g.box, fontSize: size,
                                    spaceAfter: g.spaceAfter,
                                    startsWithMark: ThaiMarks.isAllMarks(g.text), font: g.font))
        }
        for (g, follows) in stray {
            // The base the mark was drawn on; none found: the cluster it followed, as before.
            let k = drawnBase(of: g, in: out, settings) ?? follows
            out[k].text += g.text
            out[k].box = out[k].box.union(g.box)
        }
        return out
    }

    /// A mark lying more than `strayMarkEm` from the cluster it follows: not that cluster's mark.
    /// So is a mark of a text layer drawn on another line than that cluster's base: the text layer
    /// can list the ์ of a word wrapped in a table cell (`ผลสัมฤทธิ์` over two lines, `มุ่งผล` /
    /// `สัมฤทธิ์ของ`) after the line above's last letter, 7 points from it (fresh tune 1501: read
    /// `มุ่งผล์` / `สัมฤทธิ`). Where no base on the mark's own line is found, it stays where it was.
    /// (An OCR'd page's marks are Tesseract's, listed with their own line: left as they are.)
    static func isStray(_ g: Glyph, from c: GlyphCluster, _ settings: LayoutSettings) -> Bool {
        let reach = settings.strayMarkEm * c.fontSize
        if g.box.midX < c.box.x0 - reach || g.box.midX > c.box.x1 + reach { return true }
        return g.font != Glyph.recognisedFont && g.box.height > 0 && c.baseBox.height > 0
            && g.box.verticalOverlap(c.baseBox) <= settings.markSameLineOverlapHeight * min(g.box.height, c.baseBox.height)
    }

    /// The cluster on the mark's line that it sits on: a mark with a width over its base's box, a
    /// zero-width mark at its base's advance (the base's right edge), within `markTouchingEm`.
    static func drawnBase(of g: Glyph, in out: [GlyphCluster], _ settings: LayoutSettings) -> Int? {
        var best: (k: Int, distance: Double)?
        for (k, c) in out.enumerated() where !c.startsWithMark {
            let sameLine = g.box.verticalOverlap(c.baseBox) > settings.markSameLineOverlapHeight * min(g.box.height, c.baseBox.height)
            guard sameLine else { continue }
            let x = g.box.midX
            let distance = g.box.width < settings.zeroWidthMark ? abs(x - c.baseBox.x1)
                : (c.baseBox.x0...c.baseBox.x1).contains(x) ? 0 : min(abs(x - c.baseBox.x0), abs(x - c.baseBox.x1))
            guard distance < settings.markTouchingEm * c.fontSize else { continue }
            if best.map({ distance < $0.distance }) ?? true { best = (k, distance) }
        }
        return best?.k
    }

    /// The cluster a mark belongs to: the last one, unless the mark is zero-width and sits at the
    /// end of the one before (poppler sorts glyphs by x, and a zero-width mark drawn at its base's
    /// advance can land after the next letter: ช ี ว ้ for ชี้ว).
    static func baseIndex(forMark g: Glyph, in out: [GlyphCluster], _ settings: LayoutSettings) -> Int {
        let last = out.count - 1
        guard last >= 1, g.box.width < settings.zeroWidthMark else { return last }
        let a = out[last - 1], b = out[last]
        let sameLine = a.baseBox.verticalOverlap(b.baseBox) > settings.markSameLineOverlapHeight * min(a.baseBox.height, b.baseBox.height)
        let touching = abs(b.baseBox.x0 - a.baseBox.x1) < settings.markTouchingEm * a.fontSize
        guard sameLine, touching, b.baseBox.width > settings.zeroWidthMark else { return last }
        let x = g.box.x0
        return abs(x - a.baseBox.x1) < abs(x - b.baseBox.x1) ? last - 1 : last
    }
}
