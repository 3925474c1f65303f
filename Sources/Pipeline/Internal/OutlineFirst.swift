import ITAModel
import PDFExtract

/// Pages read by glyph outline before OCR: a page left without a usable text layer whose every inked
/// glyph in fonts without a ToUnicode map equals a glyph of the installed font of the same name
/// (`CodedGlyph.outlineCharacter`) is read from those glyphs, as certain as a ToUnicode map would make
/// it. It becomes a text-layer page then and there, so it is never rendered for OCR, and `--no-ocr`
/// reads it too. A page with any glyph no outline names (or one several characters share, which OCR
/// must choose among) is left to OCR and the vote path (`DocumentProcessor.decodeGlyphCodes`).
struct OutlineFirst {
    /// Page numbers read so, in page order.
    var pages: [Int] = []
    /// Glyphs read per font (the PDF's font name, subset tag removed): which installed fonts matched.
    var glyphsByFont: [String: Int] = [:]

    var isEmpty: Bool { pages.isEmpty }

    /// "Norasi 1520 glyphs, Norasi-Bold 310 glyphs".
    var fontSummary: String {
        glyphsByFont.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value) glyph\($0.value == 1 ? "" : "s")" }.joined(separator: ", ")
    }

    /// The PDF font name of a coded glyph's font key ("name#object.generation").
    static func fontName(_ key: String) -> String {
        key.split(separator: "#", maxSplits: 1).first.map(String.init) ?? key
    }

    /// Gives a page whose coded glyphs were read (here, or after OCR by `decodeGlyphCodes`) its
    /// glyphs: poppler's own glyphs of the coded fonts (junk) go, the decoded ones replace them, and
    /// its other fonts' glyphs stay as poppler gave them (`given`, kept before junk removal).
    static func replaceCodedFonts(of page: inout PageText, given: [Glyph], decoded: [Glyph]) {
        let codedFonts = Set(page.codedGlyphs.map { fontName($0.font) })
        page.glyphs = given.filter { !($0.font.map(codedFonts.contains) ?? false) } + decoded
    }

    /// Pages with inked glyphs in fonts without a ToUnicode map that have no usable text layer left.
    static func candidates(_ pdf: PDFText) -> [Int] {
        pdf.pages.indices.filter { pdf.pages[$0].lacksTextLayer && pdf.pages[$0].codedGlyphs.contains { !$0.blank } }
    }

    /// Reads every candidate page whose glyphs are all named by outline: its glyphs become the decoded
    /// ones plus those of its other fonts as poppler gave them (`givenGlyphs`, kept before junk removal).
    static func read(_ pdf: inout PDFText, givenGlyphs: [[Glyph]], settings: GlyphCodeDecoder.Settings,
                     privateUse: [UInt32: Unicode.Scalar]) -> OutlineFirst {
        let pages = candidates(pdf)
        guard !pages.isEmpty, givenGlyphs.count == pdf.pages.count else { return OutlineFirst() }
        // The map of outlines alone: no OCR word votes, so a code no outline names stays unmapped and
        // its page is not decoded here.
        var tally = GlyphCodeDecoder.Tally()
        for i in pages { GlyphCodeDecoder.tally(coded: pdf.pages[i].codedGlyphs, ocr: [], into: &tally, settings: settings) }
        let map = GlyphCodeDecoder.accept(tally, settings: settings)
        var out = OutlineFirst()
        for i in pages {
            guard let (text, certain) = GlyphCodeDecoder.decode(pdf.pages[i].codedGlyphs, map: map, readings: [:], settings: settings,
                                                                privateUse: privateUse), certain else { continue }
            replaceCodedFonts(of: &pdf.pages[i], given: givenGlyphs[i], decoded: text)
            out.pages.append(pdf.pages[i].number)
            for g in pdf.pages[i].codedGlyphs where !g.blank { out.glyphsByFont[fontName(g.font), default: 0] += 1 }
        }
        return out
    }
}
