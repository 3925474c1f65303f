import ITAModel
import ThaiNormalise

/// Splits one line's clusters into words where the horizontal gap is as wide as a space.
enum WordBuilder {
    static func words(_ clusters: [GlyphCluster], _ settings: LayoutSettings) -> [Word] {
        var words: [Word] = []
        var text = ""
        var box: Box?
        var prev: GlyphCluster?
        for c in clusters {
            if let p = prev, breaksWord(p, c, settings) {
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

    /// Geometry decides (the gaps: `LayoutSettings`).
    static func breaksWord(_ a: GlyphCluster, _ b: GlyphCluster, _ settings: LayoutSettings) -> Bool {
        let size = max(min(a.fontSize, b.fontSize), 1)
        // A zero-width mark hides its advance (up to about 0.25 em): the pen moved on past the box.
        if let last = a.text.unicodeScalars.last, ThaiMark.isCombining(last), b.baseBox.x0 - a.box.x1 <= settings.wordAfterMarkEm * size { return false }
        // From the end of the marks too: a mark with an advance (น้ำ drawn as น ้ ำ) pushes the next base on.
        let gap = b.baseBox.x0 - a.box.x1
        if gap > settings.wordSpaceEm * size { return true }
        if a.spaceAfter && !b.startsWithMark && gap > settings.wordSpaceFlaggedEm * size { return true }
        return false
    }
}
