import ITAModel
import PDFExtract
import PageOCR
@testable import Pipeline
import XCTest

/// Fonts without a ToUnicode map are decoded by votes of OCR words over their glyph codes
/// (`GlyphCodeDecoder`): a code is mapped only on a clear vote, two codes of one font never map to
/// one consonant, a blank glyph is a space, and no digit is mapped by votes: digit glyphs keep OCR's
/// reading in place and the page is not certain.
final class GlyphCodeDecoderTests: XCTestCase {
    /// One line of coded glyphs, 10 pt wide each, in words separated by blank glyphs; and the OCR
    /// glyphs of the same words (`ocr` may misread them), one word per run.
    static func line(_ words: [[UInt32]], ocr: [String], y: Double = 100, font: String = "F#1.0") -> ([CodedGlyph], [Glyph]) {
        var coded: [CodedGlyph] = [], glyphs: [Glyph] = []
        var x = 10.0
        for (w, codes) in words.enumerated() {
            let x0 = x
            for c in codes {
                coded.append(CodedGlyph(font: font, code: c, box: Box(x0: x, y0: y, x1: x + 10, y1: y + 20), fontSize: 16))
                x += 10
            }
            let scalars = Array(ocr[w].unicodeScalars)
            let step = (x - x0) / Double(max(scalars.count, 1))
            for (k, s) in scalars.enumerated() {
                glyphs.append(Glyph(text: String(s), box: Box(x0: x0 + step * Double(k) + 1, y0: y + 2, x1: x0 + step * Double(k + 1) - 1, y1: y + 18),
                                    spaceAfter: k == scalars.count - 1, font: Glyph.recognisedFont, fontSize: 12))
            }
            coded.append(CodedGlyph(font: font, code: 99, box: Box(x0: x, y0: y, x1: x + 4, y1: y + 20), fontSize: 16, blank: true))
            x += 14
        }
        return (coded, glyphs)
    }

    func testClearVotesMapAndRareCodesTakeTheirReading() {
        // Code 1 = ข read right in three words and once as ช; code 2 = ก; code 3 appears once (a rare letter).
        let (coded, ocr) = Self.line([[1, 2], [2, 1], [1], [1, 1], [2, 3]],
                                     ocr: ["ขก", "กข", "ข", "ชข", "กค"])
        var tally = GlyphCodeDecoder.Tally()
        let readings = GlyphCodeDecoder.tally(coded: coded, ocr: ocr, into: &tally)
        let map = GlyphCodeDecoder.accept(tally)
        XCTAssertEqual(map.text[.init(font: "F#1.0", code: 1)], "ข")
        XCTAssertEqual(map.text[.init(font: "F#1.0", code: 2)], "ก")
        XCTAssertNil(map.text[.init(font: "F#1.0", code: 3)], "one vote is no map")
        let page = GlyphCodeDecoder.decode(coded, map: map, readings: readings)
        // The misread ช is gone: every occurrence of code 1 reads ข; the rare code keeps OCR's ค. Read
        // by votes, the page is not certain (it stays an OCR page).
        XCTAssertEqual(page?.glyphs.map(\.text).joined(), "ขก กข ข ขข กค ")
        XCTAssertEqual(page?.certain, false)
    }

    func testTwoCodesClaimingOneConsonantAreNotBothMapped() {
        // Codes 1 and 4 both win ก by a clear share (4 votes against 3): a font draws one ก, so
        // neither is trusted.
        // (Each word has a partner glyph of its own: a word text votes once per code.)
        let (coded, ocr) = Self.line([[1, 5], [1, 6], [1, 7], [1, 8], [4, 5], [4, 6], [4, 7], [2, 5], [2, 6], [2, 7]],
                                     ocr: ["กค", "กง", "กจ", "กฉ", "กค", "กง", "กจ", "ขค", "ขง", "ขจ"])
        var tally = GlyphCodeDecoder.Tally()
        GlyphCodeDecoder.tally(coded: coded, ocr: ocr, into: &tally)
        let map = GlyphCodeDecoder.accept(tally)
        XCTAssertNil(map.text[.init(font: "F#1.0", code: 1)])
        XCTAssertNil(map.text[.init(font: "F#1.0", code: 4)])
        XCTAssertEqual(map.text[.init(font: "F#1.0", code: 2)], "ข")
        // Far stronger (3 times the votes): the strong one keeps ก, the weak one is unmapped.
        let partners = Array("คงจฉชซฌญฎ").map(String.init)
        let (coded2, ocr2) = Self.line((0..<9).map { [1, UInt32(5 + $0)] } + (0..<3).map { [4, UInt32(5 + $0)] },
                                       ocr: (0..<9).map { "ก" + partners[$0] } + (0..<3).map { "ก" + partners[$0] })
        var tally2 = GlyphCodeDecoder.Tally()
        GlyphCodeDecoder.tally(coded: coded2, ocr: ocr2, into: &tally2)
        let map2 = GlyphCodeDecoder.accept(tally2)
        XCTAssertEqual(map2.text[.init(font: "F#1.0", code: 1)], "ก")
        XCTAssertNil(map2.text[.init(font: "F#1.0", code: 4)])
    }

    func testADigitIsNeverMappedByVotes() {
        // Even a unanimous vote (๕ six times) maps no digit: OCR misreads a font's digit the same
        // way everywhere (v000059's ๘ read as ๕). Each glyph keeps OCR's reading in place, a glyph
        // without one is U+FFFD, and the page is not certain (its scores stay OCR scores).
        let (coded, ocr) = Self.line([[5], [5], [5], [5], [5], [5]], ocr: ["๕", "๕", "๘", "๕", "๕", "๕๕"])
        var tally = GlyphCodeDecoder.Tally()
        let readings = GlyphCodeDecoder.tally(coded: coded, ocr: ocr, into: &tally)
        let map = GlyphCodeDecoder.accept(tally)
        XCTAssertNil(map.text[.init(font: "F#1.0", code: 5)])
        XCTAssertTrue(map.unmappedDigits.contains(.init(font: "F#1.0", code: 5)))
        let page = GlyphCodeDecoder.decode(coded, map: map, readings: readings)
        XCTAssertEqual(page?.certain, false)
        XCTAssertEqual(page?.glyphs.map(\.text).joined(), "๕ ๕ ๘ ๕ ๕ \u{FFFD} ", "the last word's count did not match: no reading")
    }

    /// A code the installed font names by outline is that character whatever OCR voted (a digit
    /// included, which votes never map); a code voted to a digit an outline-read code draws is a misread
    /// and unmapped. A page read wholly by outline is certain and keeps its font's name; a page with
    /// a glyph read by votes is not, and its glyphs carry the OCR font name (interpret's OCR checks).
    func testOutlinesOverrideVotesAndOnlyAllOutlinePagesAreCertain() {
        // Code 5 draws ๘ (its outline says so) but OCR reads it ๕ every time (v000059's Norasi ๘);
        // code 6 is a ๕ by outline; code 7 has no outline match and OCR reads it ๘; code 9 is voted ค
        // in three words while code 10 is ค by outline; code 2 (no outline) is read ก in place.
        var (coded, ocr) = Self.line([[5, 2], [5, 2], [5, 2], [6], [7], [7], [7], [9, 2], [2, 9], [9], [10]],
                                     ocr: ["๕ก", "๕ก", "๕ก", "๕", "๘", "๘", "๘", "คก", "กค", "ค", "ค"])
        for k in coded.indices where coded[k].code == 5 { coded[k].outlineCharacter = "๘" }
        for k in coded.indices where coded[k].code == 6 { coded[k].outlineCharacter = "๕" }
        for k in coded.indices where coded[k].code == 10 { coded[k].outlineCharacter = "ค" }
        var tally = GlyphCodeDecoder.Tally()
        let readings = GlyphCodeDecoder.tally(coded: coded, ocr: ocr, into: &tally)
        let map = GlyphCodeDecoder.accept(tally)
        XCTAssertEqual(map.text[.init(font: "F#1.0", code: 5)], "๘")
        XCTAssertEqual(map.text[.init(font: "F#1.0", code: 6)], "๕")
        XCTAssertNil(map.text[.init(font: "F#1.0", code: 7)], "a digit voted is never mapped")
        XCTAssertNil(map.text[.init(font: "F#1.0", code: 9)], "the font's ค is code 10's by outline")
        XCTAssertEqual(map.byOutline, [.init(font: "F#1.0", code: 5), .init(font: "F#1.0", code: 6), .init(font: "F#1.0", code: 10)])
        let mixed = GlyphCodeDecoder.decode(coded, map: map, readings: readings)
        XCTAssertEqual(mixed?.certain, false)
        XCTAssertTrue(mixed?.glyphs.allSatisfy { $0.font == Glyph.recognisedFont } == true, "a page read partly by votes is an OCR page")
        XCTAssertEqual(mixed?.glyphs.map(\.text).joined(), "๘ก ๘ก ๘ก ๕ ๘ ๘ ๘ คก กค ค ค ", "codes 7, 9 and 2 keep OCR's reading in place")
        // Only outline-read codes (and blanks): certain, the PDF font's name.
        let outlined = Array(coded.prefix(while: { $0.code != 2 }))
        let page = GlyphCodeDecoder.decode(outlined, map: map, readings: readings)
        XCTAssertEqual(page?.certain, true)
        XCTAssertEqual(page?.glyphs.first?.font, "F")
    }

    /// A code whose outline two characters share (Sawasdee's I and l) is the one OCR read, when it read
    /// only one of them (once is enough: the outline has narrowed it to these); with both read, or
    /// none, it has no map.
    func testOCRChoosesAmongTheCharactersAnOutlineIsShared() {
        var (coded, ocr) = Self.line([[1, 2, 3], [4, 5], [4], [6]], ocr: ["ITA", "lI", "I", "Z"])
        for k in coded.indices where [1, 4, 6].contains(coded[k].code) { coded[k].outlineChoices = ["I", "l"] }
        for k in coded.indices where coded[k].code == 5 { coded[k].outlineChoices = ["I", "l"] }
        var tally = GlyphCodeDecoder.Tally()
        let readings = GlyphCodeDecoder.tally(coded: coded, ocr: ocr, into: &tally)
        let map = GlyphCodeDecoder.accept(tally)
        XCTAssertEqual(map.text[.init(font: "F#1.0", code: 1)], "I")
        XCTAssertTrue(map.byOutline.contains(.init(font: "F#1.0", code: 1)))
        XCTAssertNil(map.text[.init(font: "F#1.0", code: 4)], "read l once and I once: no choice")
        XCTAssertEqual(map.text[.init(font: "F#1.0", code: 5)], "I")
        XCTAssertNil(map.text[.init(font: "F#1.0", code: 6)], "read as neither")
        XCTAssertEqual(GlyphCodeDecoder.decode(coded, map: map, readings: readings)?.certain, false, "codes 2, 3 by votes alone")
    }

    /// A word repeated on every page (a running header) votes once per code, not once per copy.
    func testARepeatedWordVotesOnce() {
        let (coded, ocr) = Self.line(Array(repeating: [3, 2], count: 6) + [[1, 2], [2, 1], [1]],
                                     ocr: Array(repeating: "คก", count: 6) + ["ขก", "กข", "ข"])
        var tally = GlyphCodeDecoder.Tally()
        GlyphCodeDecoder.tally(coded: coded, ocr: ocr, into: &tally)
        XCTAssertEqual(tally.votes[.init(font: "F#1.0", code: 3)], ["ค": 1])
        XCTAssertEqual(tally.votes[.init(font: "F#1.0", code: 2)], ["ก": 3], "คก, ขก, กข")
        let map = GlyphCodeDecoder.accept(tally)
        XCTAssertNil(map.text[.init(font: "F#1.0", code: 3)], "six copies of one header are one vote")
        XCTAssertEqual(map.text[.init(font: "F#1.0", code: 1)], "ข")
    }

    /// A mark (zero advance) is boxed on its base, as a text layer boxes it, not at the next base.
    func testAMarkSitsOnItsBase() {
        let coded = [CodedGlyph(font: "F#1.0", code: 1, box: Box(x0: 10, y0: 0, x1: 20, y1: 20), fontSize: 10, outlineCharacter: "น"),
                     CodedGlyph(font: "F#1.0", code: 2, box: Box(x0: 20, y0: 0, x1: 20, y1: 20), fontSize: 10, outlineCharacter: "\u{0E49}"),
                     CodedGlyph(font: "F#1.0", code: 3, box: Box(x0: 20, y0: 0, x1: 27, y1: 20), fontSize: 10, outlineCharacter: "า")]
        var tally = GlyphCodeDecoder.Tally()
        GlyphCodeDecoder.tally(coded: coded, ocr: [], into: &tally)
        let page = GlyphCodeDecoder.decode(coded, map: GlyphCodeDecoder.accept(tally), readings: [:])
        XCTAssertEqual(page?.certain, true)
        XCTAssertEqual(page?.glyphs[1].box.x0 ?? 0, 19.8, accuracy: 1e-9)
        XCTAssertEqual(page?.glyphs[1].box.x1, 20)
    }

    /// A private-use variant read by outline is given as the character it draws, from the table given.
    func testAPrivateUseVariantIsGivenAsItsCharacter() {
        let coded = [CodedGlyph(font: "F#1.0", code: 1, box: Box(x0: 10, y0: 0, x1: 20, y1: 20), fontSize: 10, outlineCharacter: "ร"),
                     CodedGlyph(font: "F#1.0", code: 2, box: Box(x0: 20, y0: 0, x1: 20, y1: 20), fontSize: 10, outlineCharacter: "\u{F70E}")]
        var tally = GlyphCodeDecoder.Tally()
        GlyphCodeDecoder.tally(coded: coded, ocr: [], into: &tally)
        let map = GlyphCodeDecoder.accept(tally)
        XCTAssertEqual(GlyphCodeDecoder.decode(coded, map: map, readings: [:], privateUse: [0xF70E: "\u{0E4C}"])?.glyphs.map(\.text), ["ร", "\u{0E4C}"])
        XCTAssertEqual(GlyphCodeDecoder.decode(coded, map: map, readings: [:])?.glyphs.map(\.text), ["ร", "\u{F70E}"])
    }

    func testSaraAmIsComparedAsTheShaperDrawsIt() {
        XCTAssertEqual(String(String.UnicodeScalarView(GlyphCodeDecoder.drawnOrder(Array("น้ำ".unicodeScalars)))),
                       "น\u{0E4D}\u{0E49}\u{0E32}")
    }
}

/// On a real PDF: v000059's fonts have no ToUnicode map; OCR of its pages votes a map under which
/// the unit's name and rating read from the glyph codes, and no digit is mapped.
final class GlyphCodeDecoderPDFTests: XCTestCase {
    func testV000059CodesDecodeByOCRVotes() throws {
        let path = CorpusRun.repoRoot.appendingPathComponent("Corpus/variants/v000059.pdf").path
        var pdf = try PDFExtractor.read(path: path)
        // Votes alone: the outlines the installed fonts give are set aside.
        let coded = pdf.pages.map { $0.codedGlyphs.map { var g = $0; g.outlineCharacter = nil; return g } }
        for i in pdf.pages.indices { pdf.pages[i].glyphs = [] } // read as the pipeline does: by OCR
        let filled = try PageOCR.fill(&pdf, path: path, options: OCROptions())
        XCTAssertEqual(filled, [1, 2, 3])
        var tally = GlyphCodeDecoder.Tally()
        var readings: [[Int: String]] = []
        for (i, page) in pdf.pages.enumerated() { readings.append(GlyphCodeDecoder.tally(coded: coded[i], ocr: page.glyphs, into: &tally)) }
        let map = GlyphCodeDecoder.accept(tally)
        XCTAssertGreaterThan(map.text.count, 60, "most codes mapped")
        XCTAssertFalse(map.text.values.contains(where: GlyphCodeDecoder.isDigit), "no digit is mapped by votes")
        XCTAssertFalse(map.unmappedDigits.isEmpty, "the digit codes are left to OCR's reading in place")
        // Page 1 names the unit (เทศบาลตำบลแม่แฝกใหม่): its codes read through the map alone (a code
        // without a map as "?") give the name (SARA AM drawn as NIKHAHIT + SARA AA, joined later by
        // the normaliser).
        _ = readings
        let text = coded[0].map { $0.blank ? " " : map.text[.init(font: $0.font, code: $0.code)] ?? "?" }.joined()
        // ศ and ฝ are rare here (two votes, under the minimum), so the name's other letters are checked.
        XCTAssertTrue(text.contains("บาลต\u{0E4D}\u{0E32}บลแม่แ"), text)
        XCTAssertTrue(text.contains("ผ่านดีเยี่ยม"), "the rating reads from the codes: \(text)")
    }
}
