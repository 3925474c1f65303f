import Foundation
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
