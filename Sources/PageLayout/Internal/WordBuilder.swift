import ITAModel
import PDFExtract
import ThaiCharacters

/// Splits one line's clusters into words where the horizontal gap is as wide as a space.
enum WordBuilder {
    static func words(_ clusters: [GlyphCluster], _ settings: LayoutSettings) -> [Word] {
        var words: [Word] = []
        var text = ""
        // The raw text only once it differs from `text` (a space kept inside a number): building
        // both strings glyph by glyph was most of this function.
        var raw: String?
        var box: Box?
        var prev: GlyphCluster?
        for (i, c) in clusters.enumerated() {
            if let p = prev {
                let joins = joinsDigits(clusters, at: i, settings)
                if !joins && breaksWord(p, c, settings) {
                    if let b = box { words.append(Word(text: text, box: b, raw: raw ?? text)) }
                    text = ""; raw = nil; box = nil
                } else if p.spaceAfter && joins {
                    // Provenance keeps the space the text layer put inside the number.
                    raw = (raw ?? text) + " "
                }
            }
            text += c.text
            raw? += c.text
            box = box.map { $0.union(c.box) } ?? c.box
            prev = c
        }
        if let b = box { words.append(Word(text: text, box: b, raw: raw ?? text)) }
        return words
    }

    /// Digits of one number split by a font change, meeting between clusters `i - 1` and `i`: the
    /// first ends in a digit, the second starts with a digit or a decimal point, both sit on one
    /// baseline, the gap is no real space (the gaps: `LayoutSettings.wordFontChange...`), and the
    /// two digit runs meeting there are not all in one font. The font may change a glyph after the
    /// gap: a Thai digit set in a font that has none is printed in the paragraph's font (`8` | `๖`
    /// in Loma, `.๓๖` in DejaVu Sans, tune seed 216). Where the second font has no glyph for the
    /// digit either, the fallback prints both runs in one font and only the digits' script tells the
    /// two runs apart: the digits meeting at the gap in two scripts (Thai and ASCII) join too when
    /// the second run is the first's decimals (`88.2` | `๑` and `92.0` | `๓` in Loma, fresh tune
    /// 1163). A whole number split so (`1` | `๐๐`, tune 216's o6) stays apart: two numbers a real
    /// space apart look the same.
    static func joinsDigits(_ clusters: [GlyphCluster], at i: Int, _ settings: LayoutSettings) -> Bool {
        guard i >= 1, i < clusters.count else { return false }
        let a = clusters[i - 1], b = clusters[i]
        guard let last = a.text.unicodeScalars.last, ThaiScript.digitValue(last) != nil,
              let first = b.text.unicodeScalars.first, ThaiScript.digitValue(first) != nil || first == "." else { return false }
        let size = max(min(a.fontSize, b.fontSize), 1)
        let gap = b.baseBox.x0 - a.baseBox.x1
        guard gap >= -settings.wordFontChangeOverlapEm * size && gap <= settings.wordFontChangeDigitGapEm * size
            && abs(a.baseBox.y1 - b.baseBox.y1) <= settings.wordFontChangeBaselineEm * size else { return false }
        // The fonts and texts of the two runs of number glyphs (digits and points) meeting at the
        // gap, each run's glyphs set close (no space flagged, no word gap).
        func isNumber(_ c: GlyphCluster) -> Bool {
            c.text.unicodeScalars.allSatisfy { ThaiScript.digitValue($0) != nil || $0 == "." }
        }
        func close(_ x: GlyphCluster, _ y: GlyphCluster) -> Bool {
            !x.spaceAfter && y.baseBox.x0 - x.box.x1 <= settings.wordSpaceEm * max(min(x.fontSize, y.fontSize), 1)
        }
        var fonts = Set<String>()
        var before = "", after = ""
        var k = i - 1
        while k >= 0, isNumber(clusters[k]) || k == i - 1, k == i - 1 || close(clusters[k], clusters[k + 1]) {
            guard let f = clusters[k].font else { return false }
            fonts.insert(f); before = clusters[k].text + before; k -= 1
        }
        k = i
        while k < clusters.count, isNumber(clusters[k]) || k == i, k == i || close(clusters[k - 1], clusters[k]) {
            guard let f = clusters[k].font else { return false }
            fonts.insert(f); after += clusters[k].text; k += 1
        }
        if fonts.count >= 2 { return true }
        // One font: only the script change tells the runs apart, and two numbers one real space
        // apart (a row number `๑` before a score `0.00`, `2` before `๕.๐๐`) change script as well.
        // So the second run must be the first's decimals (the first has its point, the second none:
        // `88.2` | `๑`), and never on an OCR'd page, whose glyphs are all one font by construction.
        guard a.font != Glyph.recognisedFont,
              let next = b.text.unicodeScalars.first(where: { ThaiScript.digitValue($0) != nil }),
              ThaiScript.isThaiDigit(last.value) != ThaiScript.isThaiDigit(next.value) else { return false }
        return before.contains(".") && !after.contains(".")
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
