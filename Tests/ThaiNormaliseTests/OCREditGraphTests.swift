import XCTest
@testable import ThaiNormalise

/// OCR corrections through the edit graph of Mappings/normalise/ocr_confusions.tsv: several
/// confusions in one word, vowels, doubled letters; a correction only when one word is reachable at
/// the lowest cost, and the original kept in the change.
final class OCREditGraphTests: XCTestCase {
    let n = Fixture.normaliser

    func testWordsWithMoreThanOneConfusionAreCorrected() {
        let cases = ["ซุมซน": "ชุมชน",            // two swaps in one word
                     "บระซุม": "ประชุม",
                     "บระโยซน์": "ประโยชน์",
                     "ตีดตาม": "ติดตาม",          // a vowel
                     "ตีดต่อ": "ติดต่อ",
                     "ดำเนินนงาน": "ดำเนินงาน",    // a doubled letter
                     "ดำเนินนการ": "ดำเนินการ",
                     "ซ้อมูล": "ข้อมูล",            // across consonant classes
                     "การตีดตามผล": "การติดตามผล"]
        for (raw, want) in cases.sorted(by: { $0.key < $1.key }) {
            let r = n.normalise(raw)
            XCTAssertEqual(r.text, want, raw)
            let ocr = r.changes.filter { $0.kind == "ocr" }
            XCTAssertFalse(ocr.isEmpty, raw)
            // The original stays beside the correction.
            XCTAssertTrue(ocr.allSatisfy { raw.contains($0.before) && want.contains($0.after) }, "\(raw): \(ocr)")
        }
    }

    func testTwoWordsAreJoinedOnlyIntoADomainWord() {
        // ซักซวน reads as two dictionary words (ซัก|ซวน): prose of known words is never rewritten into
        // another word on the dictionary's say-so, only into a domain word (report vocabulary).
        XCTAssertEqual(n.normalise("ซักซวน").text, "ซักซวน")
        let data = try! NormaliseMappings(mappings: Fixture.mappings)
        let withWord = OCRRepair(lexicon: Lexicon(domain: ["ชักชวน"]), confusionClasses: data.confusions,
                                 doubled: data.doubled, nameMarkers: data.nameMarkers)
        let fixes = withWord.fixesIn(Array("ซักซวน".utf16), whole: true)
        XCTAssertEqual(fixes.map { String(decoding: $0.to, as: UTF16.self) }, ["ชักชวน"])
    }

    func testAmbiguousWordsRealWordsAndNamesStay() {
        // ตีด is ติด (a vowel) or ดีด (a consonant) at the same cost: left alone.
        XCTAssertEqual(n.normalise("ตีด").text, "ตีด")
        // Real words, some with a letter twice, are never edited.
        for s in ["ดำเนินนโยบาย", "ชักชวน", "ติดตาม", "ข้อมูล", "ดำเนินงาน", "คนนั้น", "ซักซ้อม"] {
            XCTAssertEqual(n.normalise(s).changes.filter { $0.kind == "ocr" }, [], s)
        }
        // Names after a marker stay, however close to a word.
        for s in ["นายซุมซน ใจดี", "ตำบลตีดตาม", "บ้านดำเนินนงาน", "จังหวัดซ้อมูล", "อำเภอ บระซุม"] {
            XCTAssertEqual(n.normalise(s).changes.filter { $0.kind == "ocr" }, [], s)
        }
    }

    func testSearchIsBoundedByCost() {
        let repair = n.ocr
        // Three swaps away (ซ→ช twice and ี→ิ) is past maximumCost: nothing reachable.
        let far = Array("ซุมซนตีด".utf16)
        let near = repair.reachable(far[...]) { $0 == Array("ชุมชนติด".utf16) }
        XCTAssertTrue(near.isEmpty, "\(near)")
        let two = repair.reachable(Array("ซุมซน".utf16)[...]) { $0 == Array("ชุมชน".utf16) }
        XCTAssertEqual(two.values.first, 2)
    }
}
