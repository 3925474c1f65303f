import ITAModel

/// One character of a page's text layer with its box, as the PDF draws it.
public struct Glyph: Hashable, Sendable {
    /// The font name OCR gives the glyphs it reads (`PageOCR`): later stages tell recognised pages
    /// from text-layer pages by it.
    public static let recognisedFont = "OCR"
    /// The character's text: usually one Unicode scalar (a Thai combining mark is its own glyph).
    public var text: String
    /// The glyph's box in points, top-left origin.
    public var box: Box
    /// True when the text layer puts a space (or a word break) after this glyph.
    public var spaceAfter: Bool
    /// Font name as the PDF names it (e.g. "Laksaman", "GlyphLessFont"), when known.
    public var font: String?
    /// Font size in points, when known.
    public var fontSize: Double?

    public init(text: String, box: Box, spaceAfter: Bool, font: String? = nil, fontSize: Double? = nil) {
        self.text = text; self.box = box; self.spaceAfter = spaceAfter; self.font = font; self.fontSize = fontSize
    }
}

/// One glyph drawn in a font that has no ToUnicode map: the character code the PDF shows and its box.
/// The text layer's character for it is only poppler's guess; the code is exact, so a map learnt
/// elsewhere (OCR of the same glyphs, `GlyphCodeDecoder`) can read it again.
public struct CodedGlyph: Hashable, Sendable {
    /// The font's identity in the document, "name#object.generation" (two subsets may share a name).
    public var font: String
    /// The character code (a byte of a simple font, the CID of an Identity-H font).
    public var code: UInt32
    /// The glyph's box in points, top-left origin (advance by ascent to descent).
    public var box: Box
    /// Font size in points.
    public var fontSize: Double
    /// True when the font draws nothing for this code (a space glyph).
    public var blank: Bool
    /// The character whose glyph in the installed font of the same name has exactly this glyph's
    /// outline (certain, digits included); nil when no installed font matches it.
    public var outlineCharacter: Unicode.Scalar?
    /// When that outline is drawn by several characters of the installed font (Sawasdee's I and l):
    /// the characters it may be (empty otherwise).
    public var outlineChoices: [Unicode.Scalar] = []

    public init(font: String, code: UInt32, box: Box, fontSize: Double, blank: Bool = false,
                outlineCharacter: Unicode.Scalar? = nil) {
        self.font = font; self.code = code; self.box = box; self.fontSize = fontSize; self.blank = blank
        self.outlineCharacter = outlineCharacter
    }
}

/// One page's text layer: its size and every glyph, in the order the PDF gives them.
public struct PageText: Sendable {
    /// 1-based page number.
    public var number: Int
    public var width: Double
    public var height: Double
    public var glyphs: [Glyph]
    /// Fraction (0...1) of the page area covered by its largest image: near 1 on a scanned page.
    public var imageCoverage: Double
    /// Drawn ruling lines (table borders) as thin boxes in points, top-left origin: horizontal ones
    /// are wide and flat, vertical ones tall and narrow. Empty when none were found.
    public var rulings: [Box]
    /// Glyphs the page draws where they can be seen (spaces aside), as poppler's render counts them;
    /// nil when not counted. Far more than `glyphs` means the text layer lost text that the page
    /// shows (an empty or broken ToUnicode map): see `TextLayerQuality`.
    public var drawnGlyphs: Int?
    /// On a scanned page OCR read, the slope (dy/dx) of the page's skew that its glyphs and rulings
    /// were turned back by, about the page's centre; 0 when nothing was turned. Whoever reads the
    /// page's pixels again (the digit re-read) turns a glyph box forward by it to find its ink.
    public var recognisedSkew: Double = 0
    /// Glyphs in fonts without a ToUnicode map, in drawing order (empty when every font has one).
    public var codedGlyphs: [CodedGlyph] = []

    public init(number: Int, width: Double, height: Double, glyphs: [Glyph], imageCoverage: Double,
                rulings: [Box] = [], drawnGlyphs: Int? = nil) {
        self.number = number; self.width = width; self.height = height; self.glyphs = glyphs
        self.imageCoverage = imageCoverage; self.rulings = rulings; self.drawnGlyphs = drawnGlyphs
    }

    /// True when the page has no usable text layer: no glyphs with visible text, or only a
    /// Tesseract "GlyphLessFont" layer (which must never be read through poppler).
    public var lacksTextLayer: Bool {
        let visible = glyphs.contains { !$0.text.allSatisfy(\.isWhitespace) }
        if !visible { return true }
        return glyphs.allSatisfy { $0.font?.contains("GlyphLess") == true }
    }
}

/// poppler's error messages about a file (syntax errors, broken fonts or CMaps, unreadable
/// streams), which poppler works around as best it can: the text it gives may then be missing or
/// wrong. Empty for a sound file.
public struct PopplerMessages: Hashable, Sendable {
    /// Distinct messages in order of arrival, as poppler words them (each names its byte offset, so
    /// two flaws give two messages).
    public var messages: [String]
    /// True when there were more than poppler_shim.h's cap (4096) and the rest were dropped.
    public var capped: Bool

    public init(messages: [String] = [], capped: Bool = false) {
        self.messages = messages; self.capped = capped
    }
}

/// The text layer of a whole document.
public struct PDFText: Sendable {
    public var pageCount: Int
    public var pages: [PageText]
    /// What poppler said about the file while reading it.
    public var messages = PopplerMessages()

    public init(pageCount: Int, pages: [PageText]) {
        self.pageCount = pageCount; self.pages = pages
    }

    /// 1-based numbers of pages without a usable text layer.
    public var pagesWithoutText: [Int] { pages.filter(\.lacksTextLayer).map(\.number) }

    /// `native` when every page has text, `none` when no page has, `mixed` otherwise.
    public var textSource: TextSource {
        let missing = pagesWithoutText.count
        if missing == 0 { return .native }
        if missing == pages.count { return .none }
        return .mixed
    }
}
