import Foundation
import ITAModel
import XCTest
@testable import ReportInterpret

/// The scalar-level text helpers that replaced Character and Foundation calls in hot loops must
/// give exactly what those calls give, on Thai text with marks in the awkward places.
final class TextHelperEquivalenceTests: XCTestCase {
    static let texts: [String] = [
        "", " ", "\t", "๑๐๐.๐๐ ๑๐๐.๐๐ ๙๑.๒๕", "  การใช้อำนาจ  IIT ", "a\tb  c",
        "ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่", "ชี ้ เปิ ดเผย",           // a space before a tone mark or vowel
        "x \u{0E31}y", "\t\u{0E48}z", " \u{0E33}", "e\u{0301} f", "a \u{0301}b",  // separator + mark
        "ผ่านดี ผ่าน", "\u{00A0}๙๘.๑๒\u{00A0}", "*93.57*", " \t* ๙๓.๕๗ *\t ",
    ]

    func testSplitOnSeparatorsIsCharacterSplit() {
        for t in Self.texts {
            XCTAssertEqual(t.splitOnSeparators(.spaceOrTab), t.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init), "\(t.unicodeScalars.map(\.value))")
            XCTAssertEqual(t.splitOnSeparators(.space), t.split(separator: " ").map(String.init), "\(t.unicodeScalars.map(\.value))")
        }
    }

    /// The slices the ASCII split cuts are the very scalars of the scalar-by-scalar split (String
    /// equality alone would let a canonically equivalent spelling pass).
    func testSplitOnSeparatorsKeepsScalars() {
        for t in Self.texts + ["ชี ้ ๑๐๐.๐๐\t\t๙๑.๒๕ ", "e\u{0301} \u{00E9}"] {
            let expected = t.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { Array($0.unicodeScalars) }
            XCTAssertEqual(t.splitOnSeparators(.spaceOrTab).map { Array($0.unicodeScalars) }, expected, "\(t.unicodeScalars.map(\.value))")
        }
    }

    /// The table-free whitespace test is Unicode's White_Space property on every scalar of the BMP,
    /// and `squeezed` drops exactly those scalars.
    func testSqueezedDropsUnicodeWhitespace() {
        for v in UInt32(0)...0xFFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            XCTAssertEqual(QuestionTableVocabulary.isWhitespace(u), u.properties.isWhitespace, "U+\(String(v, radix: 16))")
        }
        for t in Self.texts + ["ผล\u{2003}การ\u{3000}ประเมิน\u{200B}", "\u{0085}ปี\u{000B}๒๕๖๖"] {
            let expected = Array(t.unicodeScalars.filter { !$0.properties.isWhitespace })
            XCTAssertEqual(Array(QuestionTableVocabulary.squeezed(t).unicodeScalars), expected, "\(t.unicodeScalars.map(\.value))")
        }
    }

    func testTrimmingScalarsIsFoundationTrimming() {
        for t in Self.texts {
            for set in [" \u{00A0}\t", " \u{00A0}\t*"] {
                XCTAssertEqual(Array(t.trimmingScalars(set).unicodeScalars),
                               Array(t.trimmingCharacters(in: CharacterSet(charactersIn: set)).unicodeScalars), "\(t.unicodeScalars.map(\.value))")
            }
        }
    }

    func testRemovingAllIsReplacingOccurrencesOnKeys() {
        let word = KeyedText.keyString("ตัวชี้วัดที่")
        for t in Self.texts + ["ตัวชี้วัดที่๑ตัวชี้วัดที่", "ตัวชี้วัดที่ ๑๐.", "ตัวตัวชี้วัดที่ชี้"] {
            let k = KeyedText.keyString(t)
            XCTAssertEqual(KeyedText.removingAll(word, from: k), k.replacingOccurrences(of: word, with: ""), k)
        }
    }

    /// The bounded Character count of MeasureHeaderBand is `count <= n`, at and around each limit it
    /// is used with, on Thai text whose Characters are several scalars each (a base and its marks).
    func testHasAtMostIsCharacterCount() {
        let thai = "วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ (แนวทาง/มาตรการ) ปี ๒๕๖๖ ชี้แจ้งที่นั้น"
        var texts = Self.texts
        for k in 0...thai.count { texts.append(String(thai.prefix(k))) }
        for t in texts {
            for n in [0, 1, 10, 30, 60] {
                XCTAssertEqual(MeasureHeaderBand.hasAtMost(n, charactersIn: t), t.count <= n, "\(n) \(t)")
            }
        }
    }

    /// The phrase lengths and Thai scalar sets kept per rule are those of the phrases, also after the
    /// phrases are replaced, and loading from Mappings/ fills them.
    func testMeasureRulePhraseDataFollowsPhrases() throws {
        var rule = MeasureHeaderVocabulary.Rule(role: .measure, phrases: ["มาตรการ", "แนวทางการดำเนินการ"])
        XCTAssertEqual(rule.phraseLengths, rule.phrases.map(\.count))
        rule.phrases = ["ขั้นตอน", "วิธีการนำผลวิเคราะห์ไปสู่การปฏิบัติ", "x"]
        XCTAssertEqual(rule.phraseLengths, rule.phrases.map(\.count))
        XCTAssertEqual(rule.phraseScalars.map(\.low), rule.phrases.map { ThaiScalarSet($0).low })
        XCTAssertEqual(rule.phraseScalars.map(\.high), rule.phrases.map { ThaiScalarSet($0).high })
        let mappings = try XCTUnwrap(MappingsDirectory.forSourceFile(#filePath))
        let v = try MeasureHeaderVocabulary.load(mappings: mappings)
        XCTAssertFalse(v.rules.isEmpty)
        for r in v.rules { XCTAssertEqual(r.phraseLengths, r.phrases.map(\.count)) }
        // A header phrase's role is found through the kept data as through the phrases themselves.
        for r in v.rules { for p in r.phrases { XCTAssertNotNil(v.role(of: p), p) } }
    }

    /// The memoised phrase key is the key a new KeyedText computes, also for a second, canonically
    /// equivalent spelling (memo keyed by bytes, not String equality).
    func testPhraseKeysAreFreshKeys() {
        let a = "e\u{0301}tude", b = "\u{00E9}tude"  // equal as Strings, different scalars
        XCTAssertEqual(KeyedText.phraseKey(a), KeyedText(a).key)
        XCTAssertEqual(KeyedText.phraseKey(b), KeyedText(b).key)
        XCTAssertNotEqual(KeyedText.phraseKey(a), KeyedText.phraseKey(b))
        XCTAssertEqual(KeyedText.keyString(a), String(String.UnicodeScalarView(KeyedText(a).key)))
        XCTAssertEqual(Array(KeyedText.keyString(b).unicodeScalars), KeyedText(b).key)
    }
}
