import ITAModel
import ThaiCharacters

/// Splits one line's clusters into words where the horizontal gap is as wide as a space.
enum WordBuilder {
    static func words(_ clusters: [GlyphCluster], _ settings: LayoutSettings) -> [Word] {
        var words: [Word] = []
        var text = "", raw = ""
        var box: Box?
        var prev: GlyphCluster?
        for c in clusters {
            if let p = prev {
                if breaksWord(p, c, settings) {
                    if let b = box { words.append(Word(text: text, box: b, raw: raw)) }
                    text = ""; raw = ""; box = nil
                } else if p.spaceAfter && joinsDigits(p, c, settings) {
                    // Provenance keeps the space the text layer put inside the number.
                    raw += " "
                }
            }
            text += c.text
            raw += c.text
            box = box.map { $0.union(c.box) } ?? c.box
            prev = c
        }
        if let b = box { words.append(Word(text: text, box: b, raw: raw)) }
        return words
    }

    /// Digits of one number split by a font change: the first cluster ends in a digit, the second
    /// starts with a digit or a decimal point, the fonts differ, both sit on one baseline and the
    /// gap is no real space (the gaps: `LayoutSettings.wordFontChange...`).
    static func joinsDigits(_ a: GlyphCluster, _ b: GlyphCluster, _ settings: LayoutSettings) -> Bool {
        guard let fa = a.font, let fb = b.font, fa != fb,
              let last = a.text.unicodeScalars.last, ThaiScript.digitValue(last) != nil,
              let first = b.text.unicodeScalars.first, ThaiScript.digitValue(first) != nil || first == "." else { return false }
        let size = max(min(a.fontSize, b.fontSize), 1)
        let gap = b.baseBox.x0 - a.baseBox.x1
        return gap >= -settings.wordFontChangeOverlapEm * size && gap <= settings.wordFontChangeDigitGapEm * size
            && abs(a.baseBox.y1 - b.baseBox.y1) <= settings.wordFontChangeBaselineEm * size
    }

    /// Geometry decides (the gaps: `LayoutSettings`).
    static func breaksWord(_ a: GlyphCluster, _ b: GlyphCluster, _ settings: LayoutSettings) -> Bool {
        if joinsDigits(a, b, settings) { return false }
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
