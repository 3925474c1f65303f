import ITAModel
import ThaiNormalise

/// Splits one line's clusters into words where the horizontal gap is as wide as a space.
enum WordBuilder {
    /// A gap wider than this fraction of the font size is a space between words.
    static let spaceFraction = 0.17

    static func words(_ clusters: [GlyphCluster]) -> [Word] {
        var words: [Word] = []
        var text = ""
        var box: Box?
        var prev: GlyphCluster?
        for c in clusters {
            if let p = prev, breaksWord(p, c) {
                if let b = box { words.append(Word(text: text, box: b)) }
                text = ""; box = nil
            }
            text += c.text
            box = box.map { $0.union(c.box) } ?? c.box
            prev = c
        }
        if let b = box { words.append(Word(text: text, box: b)) }
        return words
    }

    /// Geometry decides: poppler's false spaces after Thai marks leave gaps under 0.13 em, real
    /// spaces 0.2 em or more (measured on LibreOffice/Laksaman pages).
    static func breaksWord(_ a: GlyphCluster, _ b: GlyphCluster) -> Bool {
        let size = max(min(a.fontSize, b.fontSize), 1)
        // A zero-width mark hides its advance (up to about 0.25 em): the pen moved on past the box.
        if let last = a.text.unicodeScalars.last, ThaiMark.isCombining(last), b.baseBox.x0 - a.box.x1 <= 0.27 * size { return false }
        // From the end of the marks too: a mark with an advance (น้ำ drawn as น ้ ำ) pushes the next base on.
        let gap = b.baseBox.x0 - a.box.x1
        if gap > spaceFraction * size { return true }
        if a.spaceAfter && !b.startsWithMark && gap > 0.15 * size { return true }
        return false
    }
}
