import ITAModel
import PDFExtract
@testable import Pipeline
import XCTest

/// Fonts without a ToUnicode map are decoded by votes of OCR words over their glyph codes
/// (`GlyphCodeDecoder`): a code is mapped only on a clear vote, two codes of one font never map to
/// one digit, a blank glyph is a space, and a code OCR read as a digit without a clear map leaves
/// the page's digits to OCR (not certain).
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
        // Code 1 = ๑ read right four times and once as ๗; code 2 = ก; code 3 appears once (a rare letter).
        let (coded, ocr) = Self.line([[1, 2], [1, 2], [1, 2], [1, 2], [1, 2], [3, 2]],
                                     ocr: ["๑ก", "๑ก", "๗ก", "๑ก", "๑ก", "ขก"])
        var tally = GlyphCodeDecoder.Tally()
        let readings = GlyphCodeDecoder.tally(coded: coded, ocr: ocr, into: &tally)
        let map = GlyphCodeDecoder.accept(tally)
        XCTAssertEqual(map.text[.init(font: "F#1.0", code: 1)], "๑")
        XCTAssertEqual(map.text[.init(font: "F#1.0", code: 2)], "ก")
        XCTAssertNil(map.text[.init(font: "F#1.0", code: 3)], "one vote is no map")
        let page = GlyphCodeDecoder.decode(coded, map: map, readings: readings)
        // The misread ๗ is gone: every occurrence of code 1 reads ๑; the rare code keeps OCR's ข.
        XCTAssertEqual(page?.glyphs.map(\.text).joined(), "๑ก ๑ก ๑ก ๑ก ๑ก ขก ")
        XCTAssertEqual(page?.certain, true)
    }

    func testTwoCodesClaimingOneDigitAreNotBothMapped() {
        // Codes 1 and 4 both win ๖ by a clear share (4 votes against 3): a font draws one ๖, so
        // neither is trusted; their pages keep OCR.
        let (coded, ocr) = Self.line([[1], [1], [1], [1], [4], [4], [4], [2], [2], [2]],
                                     ocr: ["๖", "๖", "๖", "๖", "๖", "๖", "๖", "ก", "ก", "ก"])
        var tally = GlyphCodeDecoder.Tally()
        let readings = GlyphCodeDecoder.tally(coded: coded, ocr: ocr, into: &tally)
        let map = GlyphCodeDecoder.accept(tally)
        XCTAssertNil(map.text[.init(font: "F#1.0", code: 1)])
        XCTAssertNil(map.text[.init(font: "F#1.0", code: 4)])
        XCTAssertEqual(map.text[.init(font: "F#1.0", code: 2)], "ก")
        XCTAssertTrue(map.unmappedDigits.contains(.init(font: "F#1.0", code: 1)))
        // The page reads its digits as OCR read each one, and says it is not certain (its scores stay OCR scores).
        XCTAssertEqual(GlyphCodeDecoder.decode(coded, map: map, readings: readings)?.certain, false)
        // Far stronger (3 times the votes): the strong one keeps ๖, the weak one is unmapped.
        let (coded2, ocr2) = Self.line([[1], [1], [1], [1], [1], [1], [1], [1], [1], [4], [4], [4]],
                                       ocr: ["๖", "๖", "๖", "๖", "๖", "๖", "๖", "๖", "๖", "๖", "๖", "๖"])
        var tally2 = GlyphCodeDecoder.Tally()
        GlyphCodeDecoder.tally(coded: coded2, ocr: ocr2, into: &tally2)
        let map2 = GlyphCodeDecoder.accept(tally2)
        XCTAssertEqual(map2.text[.init(font: "F#1.0", code: 1)], "๖")
        XCTAssertNil(map2.text[.init(font: "F#1.0", code: 4)])
    }

    func testASplitVoteOnADigitIsNoMap() {
        // ๘ 4 votes, ๕ 2 (Norasi's ๘ and ๕ confused by OCR): under the winner share, unmapped.
        let (coded, ocr) = Self.line([[5], [5], [5], [5], [5], [5]], ocr: ["๘", "๘", "๕", "๘", "๕", "๘"])
        var tally = GlyphCodeDecoder.Tally()
        GlyphCodeDecoder.tally(coded: coded, ocr: ocr, into: &tally)
        let map = GlyphCodeDecoder.accept(tally)
        XCTAssertNil(map.text[.init(font: "F#1.0", code: 5)])
        XCTAssertTrue(map.unmappedDigits.contains(.init(font: "F#1.0", code: 5)))
    }

    func testSaraAmIsComparedAsTheShaperDrawsIt() {
        XCTAssertEqual(String(String.UnicodeScalarView(GlyphCodeDecoder.drawnOrder(Array("น้ำ".unicodeScalars)))),
                       "น\u{0E4D}\u{0E49}\u{0E32}")
    }
}
