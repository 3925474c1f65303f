import Foundation
import ITAModel
import ThaiCharacters
import ThaiNormalise
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

    func testHasScalarOutsideIsRemovingAll() {
        let word = KeyedText.keyString("ตัวชี้วัดที่")
        let test = { (u: Unicode.Scalar) in !(ThaiScript.isASCIIDigit(u.value) || u == ".") }
        for t in Self.texts + ["ตัวชี้วัดที่๑ตัวชี้วัดที่", "ตัวชี้วัดที่ ๑๐.", "ตัวตัวชี้วัดที่ชี้", "ตัวชี้วัดที่10.", "12.5", "ตัว"] {
            let k = KeyedText.keyString(t)
            XCTAssertEqual(KeyedText.hasScalar(outside: word, in: k, where: test), KeyedText.removingAll(word, from: k).unicodeScalars.contains(where: test), k)
            XCTAssertEqual(KeyedText.hasScalar(outside: "", in: k, where: test), k.unicodeScalars.contains(where: test), k)
        }
    }

    /// Texts around the cheap tests of the score readers: numbers, decorations, marks, spaces of
    /// several kinds, letters before and after.
    static let scoreTexts: [String] = texts + [
        "100", "100.00", "100.00.", "๙๘.๑๒", "84.6", "0.5", ".5", "5.", "93.", "1.2.3", "05.50", "-0", "+5", "101",
        "**93.57**", "(93.57)", "93.57%", "ก93.57", "93.57ก", "9\u{0E48}3", "\u{2003}93.57\u{2003}", "*\u{00A0}93.57",
        "๙๓.๕๗ คะแนน", "e11", "1 2", "12345678901234567890", "12345678901234567.5", "93.5\u{0301}", "ไ", "x",
    ]

    /// `QuestionTokens.score` with its cheap first test answers as the trimming and parsing alone do.
    func testScoreGateKeepsAnswers() {
        func reference(_ text: String) -> String? {
            let t = text.trimmingScalars(" \u{00A0}\t*")
            let listNumber = t.hasSuffix(".") && !t.dropLast().contains(".")
            guard !t.isEmpty, !listNumber, t.scalarCount <= QuestionTokens.longestScore, let s = ThaiNumber.score(t) else { return nil }
            let parts = s.split(separator: ".", omittingEmptySubsequences: false)
            guard parts[0].count <= 3, parts.count == 1 || parts[1].count <= 2, let value = Double(s), value <= 100 else { return nil }
            return s
        }
        for t in Self.scoreTexts { XCTAssertEqual(QuestionTokens.score(t), reference(t), "\(t.unicodeScalars.map(\.value))") }
    }

    /// `NumberTokens.wholeScore` with its cheap first test answers as the keyed reading alone does.
    func testWholeScoreGateKeepsAnswers() {
        for decoration in [Set<Unicode.Scalar>(["*", "(", ")", "%"]), ["*", "ก"]] {
            func reference(_ text: String) -> String? {
                let kt = KeyedText(text)
                let nums = NumberTokens.find(in: kt)
                guard nums.count == 1, nums[0].isScore else { return nil }
                let rest = kt.keyText(0..<nums[0].range.lowerBound) + kt.keyText(nums[0].range.upperBound..<kt.scalars.count)
                return rest.unicodeScalars.allSatisfy(decoration.contains) ? nums[0].text : nil
            }
            for t in Self.scoreTexts {
                XCTAssertEqual(NumberTokens.wholeScore(t, decoration: decoration), reference(t), "\(t.unicodeScalars.map(\.value))")
            }
        }
    }

    /// `ExactScore.hundredths` read by byte answers as the split into Characters does.
    func testHundredthsByByteIsCharacterSplit() {
        for t in Self.scoreTexts + ["0", "00", "007.07", "99.99", "100.0", "12.345", "", ".", ".."] {
            XCTAssertEqual(ExactScore.hundredths(t), ExactScore.hundredthsBySplit(t), t)
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
