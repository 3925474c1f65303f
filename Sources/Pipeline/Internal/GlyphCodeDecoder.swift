import ITAModel
import PDFExtract
import ThaiCharacters

/// Reads again the text of fonts that have no ToUnicode map. First by outline: a glyph whose outline
/// equals a glyph of the installed font of the same name (`CodedGlyph.outlineCharacter`, found by the
/// extractor) is that character, with certainty, digits included. A page whose every inked glyph is
/// read so becomes a text-layer page. Glyphs no installed font matches are learnt from OCR of the same
/// glyphs, as follows; a page with any such glyph stays an OCR page. Such a page (LibreOffice subsets whose maps were removed) keeps exact
/// glyph positions and one exact code per glyph: only the map is missing. OCR of the page gives the
/// characters with misreads that differ from one occurrence to the next, so the map is voted over the
/// whole document: each OCR word whose coded glyphs (those drawn inside its box) are as many as its
/// characters votes code → character for every position. A page whose codes are all mapped then reads
/// like a text layer (exact boxes); a code too rare to map takes OCR's reading in place. A wrong digit
/// would make many wrong scores, and OCR misreads a font's digit the same way nearly everywhere, so no
/// digit is mapped by votes: digit glyphs keep OCR's reading and their page stays an OCR page. Other
/// codes are mapped on a clear vote, and two codes of one font never map to one consonant.
enum GlyphCodeDecoder {
    /// Thresholds, each with why.
    struct Settings: Sendable {
        /// A code is mapped with at least this many votes: one OCR word can be misread consistently
        /// (a ruled cell's border read into it), several words in several places rarely are.
        var minVotes = 3
        /// ... and when its winner holds at least this share of them: Tesseract misreads a Thai glyph
        /// in about one word in ten to twenty on these clean renders (0.94 report F1 read by OCR alone),
        /// so a right map wins by far; a split vote means the glyph is confused with another.
        var minWinnerShare = 0.75
        /// How far (in em of the glyph's font) a glyph's centre may lie outside an OCR word's box and
        /// still be drawn in it: a zero-width mark sits at the pen position, the base glyph's advance,
        /// a little past the ink that bounds the OCR word; a space is a quarter em wide, so its centre
        /// lies farther than this from either word (and a blank glyph is never a member: `CodedGlyph.blank`).
        var wordReachEm = 0.08
        /// When two codes of one font claim one consonant, the strongest keeps it only with at least
        /// this many times the runner-up's votes: a consistent misread ties (as Sawasdee's ๖ and ๕,
        /// both read ๕ ten times on fresh tune 1383); a code that is the letter and one OCR mistook
        /// for it now and then do not.
        var claimMargin = 3.0
        /// A glyph that advances the pen by nothing (a mark: a tone mark, an upper vowel) has a
        /// zero-width box at the next base's left edge, so layout would order it after that base and
        /// split the word there. It is boxed as poppler boxes a mark of a text layer: this wide (em),
        /// ending where its base ends.
        var markWidthEm = 0.02
        /// Below this width (em) a glyph's advance counts as zero: rounding only.
        var zeroAdvanceEm = 0.001
    }

    struct FontCode: Hashable, Comparable {
        let font: String
        let code: UInt32
        static func < (a: FontCode, b: FontCode) -> Bool { a.font != b.font ? a.font < b.font : a.code < b.code }
    }

    /// Votes and placements over a document.
    struct Tally {
        var votes: [FontCode: [String: Int]] = [:]
        /// Codes drawn with ink (blank ones are spaces, never voted).
        var inked: Set<FontCode> = []
        /// OCR words compared, and of them the ones whose glyph count matched.
        var words = 0, matched = 0
        /// (code, word text) pairs already voted: a word repeated on every page (a running header, a
        /// column heading) is one reading of the code, not many independent ones.
        var voted: Set<String> = []
        /// Each inked code's character by outline, where the installed font matched it.
        var outline: [FontCode: String] = [:]
        /// Codes whose outline several characters of the installed font share: those characters.
        var choices: [FontCode: [String]] = [:]
    }

    /// A learnt map: code → text (never empty).
    struct CodeMap {
        var text: [FontCode: String] = [:]
        /// Inked codes with glyphs in the document that got no map.
        var unmapped: Set<FontCode> = []
        /// Of those, codes some OCR word read as a digit: a page drawing one keeps its OCR text.
        var unmappedDigits: Set<FontCode> = []
        var votes = 0
        /// Codes mapped by outline (the rest of `text` is by votes).
        var byOutline: Set<FontCode> = []
        /// Of those, codes whose outline several characters share, chosen among them by OCR.
        var byOutlineChoice: Set<FontCode> = []
    }

    /// OCR words of a page: runs of OCR glyphs up to a space, with their union box.
    static func ocrWords(_ glyphs: [Glyph]) -> [(scalars: [Unicode.Scalar], box: Box)] {
        var out: [(scalars: [Unicode.Scalar], box: Box)] = []
        var scalars: [Unicode.Scalar] = [], box: Box?
        for g in glyphs where g.font == Glyph.recognisedFont {
            scalars += g.text.unicodeScalars.filter { !UnicodeWhitespace.contains($0) }
            box = box.map { $0.union(g.box) } ?? g.box
            if g.spaceAfter, let b = box {
                if !scalars.isEmpty { out.append((scalars, b)) }
                scalars = []; box = nil
            }
        }
        if let b = box, !scalars.isEmpty { out.append((scalars, b)) }
        return out
    }

    /// The scalars as a Thai shaper draws them: SARA AM (U+0E33) as NIKHAHIT (U+0E4D) before the tone
    /// marks of its syllable and SARA AA (U+0E32) after them (HarfBuzz's Thai decomposition).
    static func drawnOrder(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard scalars.contains("\u{0E33}") else { return scalars }
        var out: [Unicode.Scalar] = []
        for s in scalars {
            guard s == "\u{0E33}" else { out.append(s); continue }
            var k = out.count
            while k > 0, (0x0E48...0x0E4B).contains(out[k - 1].value) { k -= 1 }
            out.insert("\u{0E4D}", at: k)
            out.append("\u{0E32}")
        }
        return out
    }

    /// Adds a page's votes: its coded glyphs against the OCR glyphs that now fill it. Answers what OCR
    /// read at each voting glyph (by index into `coded`): the page's own reading of a code too rare
    /// to map.
    @discardableResult
    static func tally(coded: [CodedGlyph], ocr: [Glyph], into t: inout Tally, settings: Settings = Settings()) -> [Int: String] {
        let words = ocrWords(ocr)
        var members = [[Int]](repeating: [], count: words.count)
        var readings: [Int: String] = [:]
        for (i, g) in coded.enumerated() where !g.blank {
            t.inked.insert(FontCode(font: g.font, code: g.code))
            if let c = g.outlineCharacter { t.outline[FontCode(font: g.font, code: g.code)] = String(c) }
            if !g.outlineChoices.isEmpty { t.choices[FontCode(font: g.font, code: g.code)] = g.outlineChoices.map(String.init) }
            let reach = settings.wordReachEm * max(g.fontSize, 1)
            let x = g.box.midX, y = g.box.midY
            var best: (word: Int, distance: Double)?
            for (w, word) in words.enumerated() where y >= word.box.y0 && y <= word.box.y1 {
                let d = x < word.box.x0 ? word.box.x0 - x : (x > word.box.x1 ? x - word.box.x1 : 0)
                if d <= reach, d < (best?.distance ?? .infinity) { best = (w, d) }
            }
            if let best { members[best.word].append(i) }
        }
        for (w, word) in words.enumerated() where !members[w].isEmpty {
            t.words += 1
            let drawn = drawnOrder(word.scalars)
            let scalars = drawn.count == members[w].count ? drawn : word.scalars
            guard scalars.count == members[w].count else { continue }
            t.matched += 1
            let wordText = String(String.UnicodeScalarView(scalars))
            for (k, i) in members[w].enumerated() {
                let key = FontCode(font: coded[i].font, code: coded[i].code)
                readings[i] = String(scalars[k])
                guard t.voted.insert("\(key.font)\u{0}\(key.code)\u{0}\(wordText)").inserted else { continue }
                t.votes[key, default: [:]][String(scalars[k]), default: 0] += 1
            }
        }
        return readings
    }

    /// Texts that two codes of one font may not share: a digit or a consonant is one glyph in a font,
    /// except the consonants Thai fonts also draw without their lower part (ญ, ฐ above a lower vowel).
    /// Marks and vowels have positioned variants (a tone mark lowered where no upper vowel is).
    static func mustBeUnique(_ text: String) -> Bool {
        guard let s = text.unicodeScalars.first, text.unicodeScalars.count == 1 else { return false }
        if s.properties.numericType != nil { return true }
        if s == "\u{0E0D}" || s == "\u{0E10}" { return false }
        return (0x0E01...0x0E2E).contains(s.value)
    }

    static func isDigit(_ text: String) -> Bool { text.unicodeScalars.contains { $0.properties.numericType != nil } }

    /// The map the votes support.
    static func accept(_ t: Tally, settings: Settings = Settings()) -> CodeMap {
        var map = CodeMap()
        var claims: [String: [(FontCode, Int)]] = [:] // font + text → codes claiming it, with votes
        for (key, votes) in t.votes {
            let total = votes.values.reduce(0, +)
            guard let (text, n) = votes.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }),
                  n >= settings.minVotes, Double(n) >= settings.minWinnerShare * Double(total) else { continue }
            // A digit is never mapped by votes: Tesseract misreads a font's digit the same way in
            // most places (v000059's Norasi ๘ read as ๕ in every score, no other code claiming ๕),
            // so a clear vote can still be wrong, and a wrong digit map makes every score wrong.
            // Digit glyphs keep OCR's reading in place (`unmappedDigits`).
            if isDigit(text) { continue }
            map.text[key] = text
            map.votes += n
            if mustBeUnique(text) { claims[key.font + "\u{0}" + text, default: []].append((key, n)) }
        }
        // A code the installed font names by outline is that character, whatever OCR voted; a code
        // voted to a digit or letter that an outline-read code of its font draws is a misread.
        for (key, text) in t.outline {
            map.text[key] = text
            map.byOutline.insert(key)
            if mustBeUnique(text) { claims[key.font + "\u{0}" + text, default: []].append((key, Int.max)) }
        }
        // A code whose outline several characters share (Sawasdee draws I and l alike) is the one of
        // them OCR read, when OCR read it as exactly one of them (at least once, never as another of
        // them): the outline has proven it is one of these, OCR only tells which, so it counts as
        // read by outline. Votes for a character outside the choices are misreads. Never a digit.
        for (key, choices) in t.choices where t.outline[key] == nil {
            map.text[key] = nil
            guard !choices.contains(where: isDigit) else { continue }
            let voted = choices.filter { (t.votes[key]?[$0] ?? 0) > 0 }
            guard voted.count == 1 else { continue }
            map.text[key] = voted[0]
            map.byOutline.insert(key)
            map.byOutlineChoice.insert(key)
        }
        for (_, codes) in claims where codes.count > 1 {
            let outlined = codes.filter { map.byOutline.contains($0.0) }
            if !outlined.isEmpty {
                for (key, _) in codes where !map.byOutline.contains(key) { map.text[key] = nil }
                continue
            }
            // The strongest keeps the text only when it is far stronger; a near tie unmaps them all.
            let sorted = codes.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            let keep = Double(sorted[0].1) >= settings.claimMargin * Double(sorted[1].1)
            for (k, (key, _)) in sorted.enumerated() where k > 0 || !keep { map.text[key] = nil }
        }
        map.unmapped = t.inked.filter { map.text[$0] == nil }
        map.unmappedDigits = map.unmapped.filter { key in t.votes[key]?.keys.contains(where: isDigit) ?? false }
        map.votes = map.text.keys.filter { !map.byOutline.contains($0) }.reduce(0) { $0 + (t.votes[$1]?[map.text[$1]!] ?? 0) }
        return map
    }

    /// What a glyph of an unmapped digit code that no OCR word read in place becomes: the replacement
    /// character, which no reader takes for a digit.
    static let unreadDigit = "\u{FFFD}"

    /// A page's glyphs read through `map`, in drawing order; a blank glyph is a space. `certain` is true
    /// only when every inked glyph was read by outline: then the glyphs carry their PDF font's name (a
    /// text layer); otherwise they carry `Glyph.recognisedFont`, so that interpret keeps every check it
    /// makes on OCR text (votes and OCR readings are OCR's characters). A code too rare
    /// to map takes what OCR read at that glyph (`readings`, from `tally`), which is what the page gave
    /// before; a digit code's glyph without a reading is `unreadDigit`. nil (the page keeps its OCR
    /// text) when another such glyph has no reading. `certain` is false
    /// when a glyph of a code OCR read as a digit without a clear map took its reading: the page's
    /// digits are then OCR's, and its scores must be treated as OCR scores.
    /// A glyph read by outline as a private-use variant (a tone mark moved left or down, as TLWG fonts
    /// map them) is given as the character it draws (`privateUse`, normalise/pua_thai.tsv): a text
    /// layer with ToUnicode maps gives that character, and the lines' wrap joins judge a line that
    /// ends in it as ending in a Thai mark (with U+F70E, 'กองยุทธศาสตร์ และงบประมาณ' on fresh tune 1426).
    static func decode(_ coded: [CodedGlyph], map: CodeMap, readings: [Int: String],
                       settings: Settings = Settings(), privateUse: [UInt32: Unicode.Scalar] = [:]) -> (glyphs: [Glyph], certain: Bool)? {
        var out: [Glyph] = []
        out.reserveCapacity(coded.count)
        var certain = true
        var base: Box? // the last inked glyph with an advance: a mark after it sits on it
        for (i, var g) in coded.enumerated() {
            if !g.blank, g.box.width < settings.zeroAdvanceEm * g.fontSize {
                if let b = base, b.y0 < g.box.y1, g.box.y0 < b.y1 {
                    g.box = Box(x0: b.x1 - settings.markWidthEm * g.fontSize, y0: g.box.y0, x1: b.x1, y1: g.box.y1)
                }
            } else if !g.blank {
                base = g.box
            }
            let key = FontCode(font: g.font, code: g.code)
            if !g.blank, !map.byOutline.contains(key) { certain = false }
            var text = g.blank ? " " : (map.text[key] ?? readings[i])
            if let t = text, t.unicodeScalars.count == 1, let s = t.unicodeScalars.first, let c = privateUse[s.value] { text = String(c) }
            if map.unmappedDigits.contains(key) {
                certain = false
                // A digit nobody read here is no digit at all: its number cannot be read (left
                // empty), never guessed.
                if text == nil { text = unreadDigit }
            }
            guard let text else { return nil }
            let name = g.font.split(separator: "#", maxSplits: 1).first.map(String.init) ?? g.font
            out.append(Glyph(text: text, box: g.box, spaceAfter: false, font: name, fontSize: g.fontSize))
        }
        if !certain { for k in out.indices { out[k].font = Glyph.recognisedFont } }
        return (out, certain)
    }
}
