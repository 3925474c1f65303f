import XCTest
@testable import QualityTools

/// The comparison rules eval documents: numbers within 0.005, text after NFC and whitespace
/// collapsing, containment only for long texts.
final class ValueMatchingTests: XCTestCase {
    func testScoresWithinTolerance() {
        XCTAssertTrue(ValueMatching.agree(expected: "93.57", found: "93.574"))
        XCTAssertFalse(ValueMatching.agree(expected: "93.57", found: "93.58"))
        XCTAssertTrue(ValueMatching.agree(expected: "๙๓.๕๗", found: "93.57"), "Thai digits in a hand-written gold")
        XCTAssertTrue(ValueMatching.agree(expected: "2566", found: "2566.0"))
    }

    func testTextCollapsesWhitespaceButKeepsIt() {
        XCTAssertTrue(ValueMatching.agree(expected: "ไตรมาส ๑-๔", found: " ไตรมาส\n  ๑-๔ "))
        XCTAssertFalse(ValueMatching.agree(expected: "ไตรมาส ๑-๔", found: "ไตรมาส๑-๔"))
        // NFC: a decomposed sequence equals its composed form (e-acute here; Thai has no canonical pairs).
        XCTAssertTrue(ValueMatching.agree(expected: "caf\u{E9}", found: "cafe\u{301}"))
    }

    func testContainmentOnlyForLongTexts() {
        let long = "จัดทำคู่มือหรือแนวทางการปฏิบัติงานหรือการให้บริการที่กำหนดผู้รับผิดชอบ ขั้นตอนและระยะเวลาที่ชัดเจน"
        XCTAssertTrue(ValueMatching.agree(expected: long, found: "- " + long.replacingOccurrences(of: " ", with: ""),
                                          allowContainment: true))
        XCTAssertFalse(ValueMatching.agree(expected: long, found: "- " + long))
        XCTAssertFalse(ValueMatching.agree(expected: "สำนักปลัด", found: "สำนักปลัด กองคลัง", allowContainment: true))
    }

    func testQuestionCodesCanonical() {
        XCTAssertEqual(GoldFile.canonicalCode("O11"), "o11")
        XCTAssertEqual(GoldFile.canonicalCode("๐๑๑"), "o11")
        XCTAssertEqual(GoldFile.canonicalCode("e๑๕"), "e15")
        XCTAssertEqual(GoldFile.canonicalCode("i01"), "i1")
        XCTAssertNil(GoldFile.canonicalCode("x3"))
    }

    func testSimilarityPairsRelatedTexts() {
        XCTAssertEqual(ValueMatching.similarity("พัฒนาระบบ E-Service", "พัฒนาระบบ E-Service"), 1)
        XCTAssertGreaterThan(ValueMatching.similarity("พัฒนาระบบ E-Service ให้ประชาชน", "- พัฒนาระบบ E- Service"), 0.6)
        XCTAssertLessThan(ValueMatching.similarity("พัฒนาระบบ E-Service", "ประกาศเจตนารมณ์การต่อต้านการทุจริต"), 0.2)
    }
}
