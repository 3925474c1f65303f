import Foundation
@testable import ITAModel
@testable import ThaiNormalise
import XCTest

/// The shortcuts taken for speed answer exactly as the slow paths they stand in for, on real
/// report text (the seed fixtures) and on the edge cases the reasoning behind each relies on.
final class TextFastPathTests: XCTestCase {
    /// Every Unicode scalar: the table-free answer for ASCII, Latin-1 and Thai is White_Space.
    func testWhitespaceAgreesWithTheUnicodePropertyForEveryScalar() {
        var checked = 0
        for v in UInt32(0)...0x10FFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            if UnicodeWhitespace.contains(u) != u.properties.isWhitespace {
                XCTFail(String(format: "U+%04X: fast path %@, property %@", v, "\(UnicodeWhitespace.contains(u))", "\(u.properties.isWhitespace)"))
            }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 1_000_000)
    }

    /// Text the quick check calls NFC is byte for byte its NFC (Foundation's); text in another
    /// order or with other scripts is left to the normaliser.
    func testNFCQuickCheckOnlyPassesTextThatIsItsOwnNFC() {
        var passed = 0
        for (_, text) in Fixture.seeds() {
            for line in text.split(separator: "\n").map(String.init) where NFCQuickCheck.isNFC(line.unicodeScalars) {
                XCTAssertEqual(Array(line.utf8), Array(line.precomposedStringWithCanonicalMapping.utf8), line)
                passed += 1
            }
        }
        XCTAssertGreaterThan(passed, 100, "the seed reports' lines should mostly take the fast path")
        // A tone mark (class 107) typed before SARA U (class 103): NFC reorders them.
        let misordered = String(scalars: 0x0E01, 0x0E48, 0x0E38)
        XCTAssertFalse(NFCQuickCheck.isNFC(misordered.unicodeScalars))
        XCTAssertNotEqual(Array(misordered.utf8), Array(misordered.precomposedStringWithCanonicalMapping.utf8))
        XCTAssertTrue(NFCQuickCheck.isNFC(String(scalars: 0x0E01, 0x0E38, 0x0E48).unicodeScalars))
        // e + COMBINING ACUTE composes to é: outside ASCII and Thai, never taken as NFC.
        XCTAssertFalse(NFCQuickCheck.isNFC(String(scalars: 0x65, 0x0301).unicodeScalars))
    }

    /// A provenance's raw text split at its tabs on bytes gives the Character split's pieces,
    /// a tab before a combining mark and a CR LF included.
    func testProvenanceCellsSplitAsCharacters() {
        var raws: [String] = ["", "\t", "a\t\tb", "\t\u{0E31}x", "ก\r\n\tข", "\u{0E49}\t\u{0E49}"]
        for (_, text) in Fixture.seeds() {
            let lines = text.split(separator: "\n").map(String.init)
            for k in stride(from: 0, to: lines.count - 3, by: 3) { raws.append(lines[k..<(k + 3)].joined(separator: "\t")) }
        }
        XCTAssertGreaterThan(raws.count, 50)
        for raw in raws {
            let slow = raw.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let fast = Provenance.cells(raw: raw)
            XCTAssertEqual(fast.map { Array($0.utf8) }, slow.map { Array($0.utf8) }, raw)
        }
    }

    /// `scalarCount` (UTF-8 bytes that are no continuation byte) is `unicodeScalars.count`: every seed
    /// line, empty, small (inline) and large strings, 2-, 3- and 4-byte scalars, a lone combining mark,
    /// CR LF, and a string bridged from NSString (no contiguous UTF-8: the scalar view's count).
    func testScalarCountIsTheScalarViewsCount() {
        var texts: [String] = ["", "a", "ก", "\r\n", "\u{0E49}", "é", "e\u{0301}", "😀x", "ผู้ใหญ่บ้าน 🇹🇭 ๑๒๓", String(repeating: "ก่", count: 40)]
        texts.append(NSString(string: "ผู้รับผิดชอบ e\u{0301} 😀") as String)
        for (_, text) in Fixture.seeds() { texts += text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init); texts.append(text) }
        XCTAssertGreaterThan(texts.count, 100)
        for t in texts { XCTAssertEqual(t.scalarCount, t.unicodeScalars.count, t) }
    }

    /// The OCR repair's memo of runs answers as a fresh search, whatever order the flags come in:
    /// every Thai run of the seed reports, each of the eight flag settings.
    func testOCRRunMemoAnswersAsAFreshSearch() {
        let memoised = Fixture.normaliser.ocr
        var runs = Set<[UInt16]>()
        for (_, text) in Fixture.seeds() {
            var run: [UInt16] = []
            for u in text.unicodeScalars {
                if (0x0E01...0x0E4E).contains(u.value) { run.append(UInt16(u.value)) } else {
                    if run.count >= 2 { runs.insert(run) }
                    run = []
                }
            }
        }
        XCTAssertGreaterThan(runs.count, 100)
        // OCR misreadings (OCRAndWrapTests), so that some runs have corrections, and ซ่วยเหลือ
        // (ช่วยเหลือ with ซ/ช swapped), whose correction of its first token a cut start forbids
        // (a run cut at the start of its text trusts domain words only there).
        let misread = ["ประซาสัมพันธ์", "เปีดเผย", "ซ่องทาง", "ซ้อซักถาม", "การเปีดเผยข้อมูล", "มีซ่องทางการร้องเรียน",
                       "ซุมซน", "ซ่วยเหลือ"]
        var fixed = 0
        // For each flag, the runs whose corrections change when that flag alone is flipped: a memo
        // that left the flag out of its key would hand such a run the other setting's answer, and
        // the comparison above fails for it. Without such a run the flag's place in the key is untested.
        let names = ["cutStart", "cutEnd", "whole"]
        var sensitive = [0, 0, 0]
        for run in misread.map({ Array($0.utf16) }) + runs.sorted(by: { $0.lexicographicallyPrecedes($1) }).prefix(400) {
            var answers: [[[UInt16]]] = []
            var ranges: [[Range<Int>]] = []
            for flags in 0..<8 {
                let (s, e, w) = (flags & 1 != 0, flags & 2 != 0, flags & 4 != 0)
                let fresh = memoised.computeFixes(run, cutStart: s, cutEnd: e, whole: w)
                let viaMemo = memoised.fixesIn(run, cutStart: s, cutEnd: e, whole: w)
                XCTAssertEqual(viaMemo.map(\.range), fresh.map(\.range))
                XCTAssertEqual(viaMemo.map(\.to), fresh.map(\.to))
                fixed += fresh.count
                answers.append(fresh.map(\.to))
                ranges.append(fresh.map(\.range))
            }
            for bit in 0..<3 {
                let flips = (0..<8).contains { f in
                    let g = f ^ (1 << bit)
                    return answers[f] != answers[g] || ranges[f] != ranges[g]
                }
                if flips { sensitive[bit] += 1 }
            }
        }
        XCTAssertGreaterThan(fixed, 0)
        for bit in 0..<3 {
            XCTAssertGreaterThan(sensitive[bit], 0, "no run whose corrections depend on \(names[bit]) alone: the memo's key is not tested for it")
        }
    }

    /// Strings built from scalars through UTF-8 are byte for byte the unicode-scalar view's, for
    /// every piece of the seed reports' lines (Thai, digits, marks, spaces) and for scalars of every
    /// UTF-8 length.
    func testStringFromScalarsIsTheScalarViewsString() {
        var checked = 0
        for (_, text) in Fixture.seeds() {
            for line in text.split(separator: "\n").prefix(60) {
                let s = Array(line.unicodeScalars)
                for start in stride(from: 0, to: s.count, by: 7) {
                    for end in [start, min(s.count, start + 1), min(s.count, start + 13), s.count] {
                        let piece = s[start..<end]
                        XCTAssertEqual(Array(String(scalars: piece).utf8), Array(String(String.UnicodeScalarView(piece)).utf8))
                        checked += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 1000)
        let widths = [Unicode.Scalar(0x41)!, Unicode.Scalar(0xE9)!, Unicode.Scalar(0x0E01)!, Unicode.Scalar(0x1F600)!, Unicode.Scalar(0x10FFFF)!]
        XCTAssertEqual(Array(String(scalars: widths).utf8), Array(String(String.UnicodeScalarView(widths)).utf8))
        XCTAssertEqual(String(scalars: [Unicode.Scalar]()), "")
    }

    /// The plain-text test's table of Thai combining classes is Unicode's, and no ASCII or Thai
    /// scalar has a canonical decomposition: what the byte answer of `CanonicalSearch` rests on.
    func testPlainTextHasOneSpelling() {
        for v in UInt32(0)...0x0E7F where v < 0x80 || v >= 0x0E00 {
            guard let u = Unicode.Scalar(v) else { continue }
            let marked = (0x0E38...0x0E3A).contains(v) || (0x0E48...0x0E4B).contains(v)
            XCTAssertEqual(u.properties.canonicalCombiningClass.rawValue != 0, marked, String(format: "U+%04X", v))
            XCTAssertEqual(String(u).decomposedStringWithCanonicalMapping.unicodeScalars.map(\.value), [v], String(format: "U+%04X", v))
        }
        func plain(_ s: String) -> Bool { var s = s; return s.withUTF8 { CanonicalSearch.isPlain($0) } }
        XCTAssertTrue(plain("ปีงบประมาณ พ.ศ. 2567"))
        XCTAssertTrue(plain(String(scalars: 0x0E01, 0x0E38, 0x0E01, 0x0E48)))
        XCTAssertFalse(plain(String(scalars: 0x0E01, 0x0E38, 0x0E48)), "two marks in a row can be reordered")
        XCTAssertFalse(plain(String(scalars: 0x65, 0x0301)), "e + combining acute composes to é")
        XCTAssertFalse(plain("café"))
    }

    /// Two Characters of plain texts (`CanonicalSearch.isPlain(_: String)`) are equal exactly when
    /// their bytes are: what the plan header's coverage count compares by (`MeasureHeaderVocabulary`).
    /// Checked on every distinct Character of the seed reports' lines, pair by pair, and on texts
    /// that are not plain, whose Characters can be equal with other bytes.
    func testPlainCharactersAreEqualExactlyWhenTheirBytesAre() {
        var chars = Set<[UInt8]>()
        for (_, text) in Fixture.seeds() {
            for line in text.split(separator: "\n") where CanonicalSearch.isPlain(String(line)) {
                for c in line { chars.insert(Array(c.utf8)) }
            }
        }
        let plain = chars.sorted { $0.lexicographicallyPrecedes($1) }.map { Character(String(decoding: $0, as: UTF8.self)) }
        XCTAssertGreaterThan(plain.count, 80)
        XCTAssertGreaterThan(plain.filter { $0.unicodeScalars.count > 1 }.count, 10, "Thai letters with their marks")
        for a in plain {
            for b in plain { XCTAssertEqual(a == b, a.utf8.elementsEqual(b.utf8), "\(a) \(b)") }
        }
        XCTAssertTrue(CanonicalSearch.isPlain("ระยะเวลาดำเนินการ"))
        // A vowel below and a tone in a row (ู้) could be reordered: not plain, compared as Characters.
        XCTAssertFalse(CanonicalSearch.isPlain("ผู้รับผิดชอบ"))
        // Not plain: a mark pair in the other order, é spelt in two ways; equal Characters, other bytes.
        let swapped = String(scalars: 0x0E01, 0x0E48, 0x0E38), ordered = String(scalars: 0x0E01, 0x0E38, 0x0E48)
        XCTAssertFalse(CanonicalSearch.isPlain(swapped))
        XCTAssertEqual(Character(swapped), Character(ordered))
        XCTAssertFalse(Character(swapped).utf8.elementsEqual(Character(ordered).utf8))
        XCTAssertFalse(CanonicalSearch.isPlain("cafe\u{0301}"))
        XCTAssertEqual(Character("e\u{0301}"), Character("é"))
    }

    /// `CanonicalSearch` answers as Foundation's `contains` and `replacingOccurrences` for every
    /// word of the seed reports searched in their lines, present or not, and for texts that are not
    /// plain (where only Foundation knows).
    func testCanonicalSearchAnswersAsFoundation() {
        var lines: [String] = [], words = Set<String>()
        for (_, text) in Fixture.seeds() {
            for line in text.split(separator: "\n").prefix(40) {
                lines.append(String(line))
                for w in line.split(separator: " ").prefix(6) where w.unicodeScalars.count <= 12 { words.insert(String(w)) }
            }
        }
        XCTAssertGreaterThan(lines.count, 100)
        let needles = words.sorted().prefix(150) + ["ปี", "2567", " ", ".", "คะแนน", "e", "é", String(scalars: 0x0E01, 0x0E48, 0x0E38)]
        lines += ["café", "cafe\u{0301}", String(scalars: 0x0E01, 0x0E38, 0x0E48, 0x0E01)]
        var found = 0, skipped = 0
        for line in lines.prefix(160) {
            for needle in needles {
                let foundation = line.contains(needle)
                XCTAssertEqual(CanonicalSearch.contains(line, needle), foundation, "\(needle) in \(line)")
                XCTAssertEqual(CanonicalSearch.contains(line, plain: CanonicalSearch.isPlain(line), needle, plain: CanonicalSearch.isPlain(needle)),
                               foundation, "\(needle) in \(line), plainness given")
                XCTAssertEqual(Array(CanonicalSearch.replacing(needle, with: "|", in: line).utf8),
                               Array(line.replacingOccurrences(of: needle, with: "|").utf8), "\(needle) in \(line)")
                if foundation { found += 1 }
                if CanonicalSearch.surelyAbsent(needle, in: line) { skipped += 1 }
            }
        }
        XCTAssertGreaterThan(found, 100)
        XCTAssertGreaterThan(skipped, 1000, "the byte answer should take most absent words")
        // Equivalent spellings are Foundation's to find: é as one scalar and as e + combining acute.
        XCTAssertEqual(CanonicalSearch.contains("cafe\u{0301}", "é"), "cafe\u{0301}".contains("é"))
        XCTAssertEqual(CanonicalSearch.contains(String(scalars: 0x0E01, 0x0E48, 0x0E38), String(scalars: 0x0E01, 0x0E38, 0x0E48)),
                       String(scalars: 0x0E01, 0x0E48, 0x0E38).contains(String(scalars: 0x0E01, 0x0E38, 0x0E48)))
    }
}
