import XCTest
@testable import ThaiNormalise

/// Lexicon-checked OCR corrections and line-wrap space decisions.
final class OCRAndWrapTests: XCTestCase {
    let n = Fixture.normaliser

    func testOCRConfusionsAreCorrectedToWords() {
        let cases = ["ประซาสัมพันธ์": "ประชาสัมพันธ์", "เปีดเผย": "เปิดเผย", "ซ่องทาง": "ช่องทาง", "ซ้อซักถาม": "ข้อซักถาม",
                     "การเปีดเผยข้อมูล": "การเปิดเผยข้อมูล", "มีซ่องทางการร้องเรียน": "มีช่องทางการร้องเรียน"]
        for (raw, want) in cases.sorted(by: { $0.key < $1.key }) {
            let r = n.normalise(raw)
            XCTAssertEqual(r.text, want, raw)
            XCTAssertEqual(r.changes.map(\.kind), ["ocr"], raw)
        }
    }

    func testRealWordsAndNamesAreLeftAlone() {
        // Real words that are one confusion away from other words stay as they are.
        for s in ["ซึ่ง", "ช่วย", "ดี", "ตี", "บ้าน", "ป่า", "พัฒนา", "ฝ่าย", "ผ่าน", "ชุมชน", "ซ่อมแซม", "ข้อมูล"] {
            XCTAssertEqual(n.normalise(s).changes, [], s)
        }
        // Text after a name marker is a name: never corrected, even when it looks like a confusion.
        for s in ["นายสมซาย ใจดี", "ตำบลซ่องทาง", "บ้านเปีดเผย", "ต.ซ่องทาง", "อำเภอ ซ่องทาง"] {
            XCTAssertEqual(n.normalise(s).changes.filter { $0.kind == "ocr" }, [], s)
        }
    }

    func testWrapSpacesInsideAPhraseAreDropped() {
        let r = n.normaliseLines(["ประชาสัมพันธ์", "เผยแพร่ข้อมูล", "ข่าวสาร"])
        XCTAssertEqual(r.text, "ประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสาร")
        XCTAssertEqual(r.changes.map(\.kind), ["wrap_space", "wrap_space"])
        // Offsets index the lines joined by "\n".
        XCTAssertEqual(r.changes.map(\.offset), [13, 27])
        XCTAssertEqual(r.changes.first?.before, "\n")
    }

    func testWrapInsideAWordIsJoined() {
        XCTAssertEqual(n.normaliseLines(["การประชา", "สัมพันธ์"]).text, "การประชาสัมพันธ์")
        XCTAssertEqual(n.normaliseLines(["หน่วยงานมีการเปิ", "ดเผยข้อมูล"]).text, "หน่วยงานมีการเปิดเผยข้อมูล")
        XCTAssertEqual(n.normaliseLines(["คณะทำงานจัดทำแผน", "ปฏิบัติการ"]).text, "คณะทำงานจัดทำแผนปฏิบัติการ")
    }

    func testBreakAfterAGluedHyphenOrSlashIsJoined() {
        // Measures' periods and owners wrap after "-" or "/" inside a token.
        XCTAssertEqual(n.normaliseLines(["1 ต.ค. 67-", "30 ก.ย. 68"]).text, "1 ต.ค. 67-30 ก.ย. 68")
        XCTAssertEqual(n.normaliseLines(["๑ ต.ค. ๖๖-", "๓๐ ก.ย. ๖๗"]).text, "๑ ต.ค. ๖๖-๓๐ ก.ย. ๖๗")
        XCTAssertEqual(n.normaliseLines(["สำนักปลัด/", "ตรวจสอบภายใน"]).text, "สำนักปลัด/ตรวจสอบภายใน")
        XCTAssertEqual(n.normaliseLines(["บริการ E-", "Service"]).text, "บริการ E-Service")
        // A hyphen set off by a space was typed with spaces: the space stays.
        XCTAssertEqual(n.normaliseLines(["1 ต.ค. 67 -", "30 ก.ย. 68"]).text, "1 ต.ค. 67 - 30 ก.ย. 68")
    }

    /// A narrow cell breaks a token that does not fit it anywhere, digits too (fresh tune 1369's period
    /// cell, as its text layer gives the lines): digits glued to text at a line's end go on with the
    /// digits opening the next line; digits standing apart at a line's end keep the space.
    func testNumberGluedToTextAndBrokenByTheWrapIsJoined() {
        XCTAssertEqual(n.normaliseLines(["๑ ต.ค.๖", "๘ -", "๓๐", "ก.ย.", "๖๙"]).text, "๑ ต.ค.๖๘ - ๓๐ ก.ย. ๖๙")
        XCTAssertEqual(n.normaliseLines(["ไตรมาสที่ ๒", "๓"]).text, "ไตรมาสที่ ๒ ๓")
        XCTAssertEqual(n.normaliseLines(["คะแนน ๙๓.๕๗", "คะแนน"]).text, "คะแนน ๙๓.๕๗ คะแนน")
        // A Buddhist Era year broken so, closing a bracket (Corpus s003's periods: `พ.ศ.๒๕๖` over `๘)`).
        XCTAssertEqual(n.normaliseLines(["(ปีงบประมาณ พ.ศ.๒๕๖", "๘)"]).text, "(ปีงบประมาณ พ.ศ.๒๕๖๘)")
        // Joined digits that make no number a cell prints whole keep their space: two complete
        // two-digit years are two numbers, and a list number opens an item.
        XCTAssertEqual(n.normaliseLines(["๑ ต.ค.๖๗", "๖๘"]).text, "๑ ต.ค.๖๗ ๖๘")
        XCTAssertEqual(n.normaliseLines(["ภายในไตรมาสที่๑", "๒. ติดตามผล"]).text, "ภายในไตรมาสที่๑ ๒. ติดตามผล")
        // Digits after a decimal point or a Latin letter are no broken token: two scores, a code and a number.
        XCTAssertEqual(n.normaliseLines(["๙๓.๒๕", "๖๗.๐๐"]).text, "๙๓.๒๕ ๖๗.๐๐")
        XCTAssertEqual(n.normaliseLines(["e1", "2 ครั้ง"]).text, "e1 2 ครั้ง")
    }

    /// A dotted abbreviation is set off from Thai before it by a space (the seeds print
    /// "ปีงบประมาณ พ.ศ. ๒๕๖๘", never "ปีงบประมาณพ.ศ."), so a wrap right before one keeps it.
    func testWrapBeforeADottedAbbreviationKeepsTheSpace() {
        XCTAssertEqual(n.normaliseLines(["ปีงบประมาณ", "พ.ศ. ๒๕๖๘"]).text, "ปีงบประมาณ พ.ศ. ๒๕๖๘")
        XCTAssertEqual(n.normaliseLines(["ไตรมาส ๑-๔ (ปีงบประมาณ", "พ.ศ.๒๕๖๙)"]).text, "ไตรมาส ๑-๔ (ปีงบประมาณ พ.ศ.๒๕๖๙)")
        // A wrap inside a word is still joined.
        XCTAssertEqual(n.normaliseLines(["การประชา", "สัมพันธ์"]).text, "การประชาสัมพันธ์")
    }

    func testRealSpacesAtLineEndsAreKept() {
        // Non-Thai on either side of the break keeps a space.
        XCTAssertEqual(n.normaliseLines(["ผลการประเมิน ITA", "ประจำปี"]).text, "ผลการประเมิน ITA ประจำปี")
        XCTAssertEqual(n.normaliseLines(["คะแนน ๙๓.๕๗", "คะแนน"]).text, "คะแนน ๙๓.๕๗ คะแนน")
        // Thai phrases that writers separate with a space (learned from the reports).
        XCTAssertEqual(n.normaliseLines(["เป็นไปตามขั้นตอนและระยะเวลา", "มากน้อยเพียงใด"]).text,
                       "เป็นไปตามขั้นตอนและระยะเวลา มากน้อยเพียงใด")
        XCTAssertEqual(n.normaliseLines(["ในการดำเนินงาน", "ทั้งนี้ เพื่อให้"]).text, "ในการดำเนินงาน ทั้งนี้ เพื่อให้")
        // An explicit space at the end of a line is not doubled.
        XCTAssertEqual(n.normaliseLines(["ข้อมูล ", "ข่าวสาร"]).text, "ข้อมูล ข่าวสาร")
    }

    func testWordTokensFromICU() {
        XCTAssertEqual(ThaiWords.tokens("ปีงบประมาณ พ.ศ. ๒๕๖๖"), ["ปีงบประมาณ", " ", "พ.ศ", ".", " ", "๒๕๖๖"])
        XCTAssertEqual(ThaiWords.tokens("การประชาสัมพันธ์").joined(), "การประชาสัมพันธ์")
        XCTAssertEqual(ThaiWords.tokens("การประชาสัมพันธ์"), ["การ", "ประชาสัมพันธ์"])
        XCTAssertGreaterThan(ThaiWords.icuDictionarySize, 20_000)
        XCTAssertTrue(ThaiWords.inICUDictionary("ประชาสัมพันธ์"))
        XCTAssertFalse(ThaiWords.inICUDictionary("ประซาสัมพันธ์"))
    }
}

/// The normaliser's memo (NormaliseMemo) returns what a fresh normaliser computes, and never
/// confuses inputs that differ only in how they are cut into lines or in canonical spelling.
final class NormaliseMemoTests: XCTestCase {
    func testMemoisedAnswersAreFreshAnswers() throws {
        let shared = Fixture.normaliser
        let inputs: [[String]] = [["ก", "ข"], ["ก\nข"], ["ประจำปี", "งบประมาณ"], ["ประจำปีงบประมาณ"], ["ชี ้", "แจง"]]
        // Warm the memo with every input, then ask again in another order.
        for lines in inputs { _ = shared.normaliseLines(lines) }
        for lines in inputs.reversed() {
            let fresh = try ThaiNormaliser(mappings: Fixture.mappings)
            XCTAssertEqual(shared.normaliseLines(lines), fresh.normaliseLines(lines), "\(lines)")
        }
        XCTAssertNotEqual(shared.normaliseLines(["ก", "ข"]).text, shared.normaliseLines(["ก\nข"]).text)
        // Canonically equivalent, different scalars: each gets its own answer.
        let a = "e\u{0301}", b = "\u{00E9}"
        _ = shared.normalise(a)
        let fresh = try ThaiNormaliser(mappings: Fixture.mappings)
        XCTAssertEqual(shared.normalise(b), fresh.normalise(b))
        XCTAssertEqual(shared.normalise(b, numeric: true), fresh.normalise(b, numeric: true))
        XCTAssertEqual(shared.normalise("๙๓.๕๗", numeric: true), fresh.normalise("๙๓.๕๗", numeric: true))
        XCTAssertNotEqual(shared.normalise("๙๓.๕๗", numeric: true), shared.normalise("๙๓.๕๗"))
    }
}
