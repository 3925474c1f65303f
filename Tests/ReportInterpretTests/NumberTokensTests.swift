import XCTest
@testable import ReportInterpret

/// A number touching U+FFFD (a glyph nobody could read: GlyphCodeDecoder's undecoded digit) is no
/// number: its readable digits alone would be a wrong value ("๙\u{FFFD}.๒๕" read as 9 or .25).
final class NumberTokensTests: XCTestCase {
    func testANumberTouchingTheReplacementCharacterIsNoNumber() {
        for text in ["ได้ ๙\u{FFFD}.๒๕ คะแนน", "ได้ \u{FFFD}๙.๒๕ คะแนน", "ได้ ๙๙.\u{FFFD}๕ คะแนน", "ได้ ๙๙\u{FFFD} คะแนน", "\u{FFFD}.๒๕"] {
            XCTAssertEqual(NumberTokens.find(in: text).map(\.text), [], text)
            XCTAssertNil(NumberTokens.wholeScore(text.split(separator: " ").dropFirst().first.map(String.init) ?? text, decoration: []), text)
        }
        // Beside it, other numbers read as before.
        XCTAssertEqual(NumberTokens.find(in: "ตัวชี้วัดที่ ๓ ได้ ๙๙.๒๕ คะแนน \u{FFFD} ข้อ ๑๒").map(\.text), ["3", "99.25", "12"])
        XCTAssertEqual(NumberTokens.wholeScore("๙๙.๒๕", decoration: []), "99.25")
    }
}
