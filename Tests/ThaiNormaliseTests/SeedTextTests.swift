import XCTest
@testable import ThaiNormalise

/// The normaliser over the text of three real reports (Tests/Fixtures/seeds).
final class SeedTextTests: XCTestCase {
    let n = Fixture.normaliser

    func testSeedsNormaliseWithoutTouchingNumbersOrCodes() throws {
        let seeds = Fixture.seeds()
        XCTAssertEqual(seeds.count, 3)
        for seed in seeds {
            let r = n.normalise(seed.text)
            // The seed text is almost clean: a handful of repairs, never a digit changed.
            XCTAssertLessThan(r.changes.count, 60, seed.name)
            XCTAssertEqual(digits(r.text), digits(seed.text), seed.name)
            for c in r.changes { XCTAssertFalse(c.before.unicodeScalars.contains { ThaiNumber.digitValue($0) != nil }, "\(c)") }
            // Idempotent on real text.
            XCTAssertEqual(n.normalise(r.text).text, r.text, seed.name)
        }
    }

    func testSeedSaraAmSplitIsRepaired() throws {
        let seed = try XCTUnwrap(Fixture.seeds().first { $0.name.hasPrefix("000_") })
        XCTAssertTrue(seed.text.unicodeScalars.contains("\u{0E4D}"))
        let r = n.normalise(seed.text)
        XCTAssertTrue(r.text.contains("อำเภอเมืองเพชรบูรณ์ จังหวัดเพชรบูรณ์"))
        XCTAssertFalse(r.text.unicodeScalars.contains("\u{0E4D}"))
        XCTAssertTrue(r.changes.contains { $0.kind == "sara_am" && $0.before == "\u{0E4D}\u{0E32}" })
    }

    func testSeedsBrokenLikeAPDFTextLayerComeBack() throws {
        // Break the seed text the way PDF text layers do (PUA tone glyphs, SARA AM split,
        // space before marks) and check the normaliser gives the clean text back.
        for seed in Fixture.seeds() {
            let clean = n.normalise(seed.text).text
            var broken = String.UnicodeScalarView()
            for u in clean.unicodeScalars {
                switch u.value {
                case 0x0E48...0x0E4B: broken.append(Unicode.Scalar(0xF70A + u.value - 0x0E48)!)   // SD tone glyphs
                case 0x0E33: broken.append("\u{0E4D}"); broken.append("\u{0E32}")
                case 0x0E38, 0x0E39: broken.append(" "); broken.append(u)
                default: broken.append(u)
                }
            }
            let r = n.normalise(String(broken))
            XCTAssertEqual(r.text, clean, seed.name)
            XCTAssertTrue(Set(r.changes.map(\.kind)).isSuperset(of: ["pua", "sara_am", "mark_space"]))
        }
    }

    func testConcurrentUseGivesTheSameResults() {
        let texts = Fixture.seeds().map(\.text)
        let expected = texts.map { n.normalise($0) }
        var got = [NormalisedText?](repeating: nil, count: texts.count * 4)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: got.count) { i in
            let r = n.normalise(texts[i % texts.count])
            lock.lock(); got[i] = r; lock.unlock()
        }
        for (i, r) in got.enumerated() { XCTAssertEqual(r, expected[i % texts.count]) }
    }

    private func digits(_ s: String) -> [Unicode.Scalar] { s.unicodeScalars.filter { ThaiNumber.digitValue($0) != nil } }
}
