import XCTest
import ThaiCharacters
@testable import ThaiNormalise

/// The one matching-key rule (`MatchingKey`, what interpret's `KeyedText` matches cues on), on
/// text as Corpus text layers print it.
final class MatchingKeyTests: XCTestCase {
    /// g10's text layer types SARA AM as nikhahit + aa and the wrap leaves a space: "อําเภอ ตาคลี"
    /// keys as "อำเภอตาคลี"; the key's SARA AM points at the nikhahit, the letters after it at
    /// their own positions.
    func testSplitSaraAmSpacesAndMarks() {
        let k = MatchingKey("อ\u{0E4D}\u{0E32}เภอ ตาคลี")
        XCTAssertEqual(String(String.UnicodeScalarView(k.key)), "อ\u{0E33}เภอตาคล")
        XCTAssertEqual(k.map, [0, 1, 3, 4, 5, 7, 8, 9, 10])
        // A tone between nikhahit and aa ("ต่ํา" typed ต ่ ํ า) still makes SARA AM.
        XCTAssertEqual(MatchingKey.string("ต\u{0E48}\u{0E4D}\u{0E32}"), "ต\u{0E33}")
    }

    /// Thai digits become ASCII one for one (positions kept), ASCII capitals lower case.
    func testDigitsAndCase() {
        let k = MatchingKey("ITA ปี ๒๕๖๗")
        XCTAssertEqual(String(String.UnicodeScalarView(k.scalars)), "ITA ปี 2567")
        XCTAssertEqual(String(String.UnicodeScalarView(k.key)), "itaป2567")
    }

    /// The ASCII capitals are A-Z only (`ThaiScript.isASCIIUppercase`): the characters either side
    /// of them (`@`, `[`) and the lower case are none, and a key lowers exactly the capitals.
    func testASCIICapitals() {
        XCTAssertEqual("@AZ[az".unicodeScalars.map { ThaiScript.isASCIIUppercase($0.value) }, [false, true, true, false, false, false])
        XCTAssertEqual(MatchingKey.string("No Gift @[Q]"), "nogift@[q]")
    }
}
