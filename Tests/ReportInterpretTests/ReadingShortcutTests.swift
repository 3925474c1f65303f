import Foundation
import ITAModel
import ThaiNormalise
import XCTest
@testable import ReportInterpret

/// Shortcuts the row and header readers take for speed answer as the longer way they stand for,
/// on the Corpus seeds' text (`*.source.txt`) and on the edge cases their reasoning relies on.
final class ReadingShortcutTests: XCTestCase {
    static let mappings = MappingsDirectory.forSourceFile(#filePath)!

    /// Every word of the seed reports' lines, as `splitOnSeparators(.space)` cuts a row's last cell.
    static func seedWords() throws -> [String] {
        let seeds = mappings.deletingLastPathComponent().appendingPathComponent("Corpus/seeds")
        var words: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted() where name.hasSuffix(".source.txt") {
            let text = try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(separator: "\n") { words += String(line).splitOnSeparators(.space) }
        }
        return words
    }

    /// `IndicatorRows.toolNamed` skips uppercasing words longer than a tool's abbreviation: it must
    /// name the tool `Tool(rawValue: word.uppercased())` names, for every seed word and for words
    /// whose uppercase changes length or reaches ASCII from elsewhere (dotless ı uppercases to I).
    func testToolNamedIsTheUppercasedRawValue() throws {
        var words = try Self.seedWords()
        XCTAssertGreaterThan(words.count, 1000)
        words += ["iit", "IIT", "Eit", "oIt", "ııt", "oıt", "ıit ", "ｉｉｔ", "iit.", "(iit)", "", "ß", "ŉit", "ﬁt", "i\u{0307}it"]
        var named = 0
        for w in words {
            XCTAssertEqual(IndicatorRows.toolNamed(w), Tool(rawValue: w.uppercased()), w)
            if IndicatorRows.toolNamed(w) != nil { named += 1 }
        }
        XCTAssertGreaterThanOrEqual(named, 5, "the plain abbreviations and the dotless-i spellings name tools")
    }

    /// `isHeaderWording` finds a header word by its bytes when the text is plain, and compares other
    /// spellings as Strings: each header word is header wording as listed and with its marks typed in
    /// the other order (ผู้ with the tone before SARA UU: canonically the same word, not plain).
    func testHeaderWordsAreHeaderWordingInEverySpelling() throws {
        let v = try MeasureHeaderVocabulary.load(mappings: Self.mappings)
        XCTAssertFalse(v.headerWords.isEmpty)
        var swapped = 0
        for word in v.headerWords {
            XCTAssertTrue(v.isHeaderWording(word), word)
            var scalars = Array(word.unicodeScalars)
            if let k = scalars.indices.dropLast().first(where: { scalars[$0] == "\u{0E39}" && scalars[$0 + 1] == "\u{0E49}" }) {
                scalars.swapAt(k, k + 1)
                let other = String(String.UnicodeScalarView(scalars))
                XCTAssertNotEqual(Array(other.utf8), Array(word.utf8))
                XCTAssertEqual(other, word, "canonically equivalent")
                XCTAssertTrue(v.isHeaderWording(other), "\(word) with its marks swapped")
                swapped += 1
            }
        }
        XCTAssertGreaterThan(swapped, 0, "some header word has ผู้ (ผู้รับผิดชอบ)")
        // A seed word that is a header word reads as one; one that is not a header word and names no role does not.
        for w in try Self.seedWords() where !w.isEmpty {
            let t = QuestionTableVocabulary.squeezed(w)
            guard !t.isEmpty else { continue }
            if v.headerWords.contains(t) { XCTAssertTrue(v.isHeaderWording(w), w) }
            if !v.headerWords.contains(t) && v.role(of: w) == nil { XCTAssertFalse(v.isHeaderWording(w), w) }
        }
    }

    /// The header vocabulary's answers are remembered for the whole process (`MeasureRoleMemo`), by the
    /// text's bytes: on every seed word and line, in both mark orders, asked twice (the second from the
    /// memo), `role(of:)`, `isPieceOfWording` and `isHeaderWording` answer as the uncached readers.
    func testRememberedHeaderAnswersAreTheReadersAnswers() throws {
        let v = try MeasureHeaderVocabulary.load(mappings: Self.mappings)
        let seeds = Self.mappings.deletingLastPathComponent().appendingPathComponent("Corpus/seeds")
        var texts = try Self.seedWords()
        // The first lines of each seed (the uncached coverage count walks each line against every phrase).
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted() where name.hasSuffix(".source.txt") {
            texts += try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8).split(separator: "\n").prefix(150).map(String.init)
        }
        // Each text also with ผู้'s marks in the other order: canonically the same, other bytes.
        texts += texts.compactMap { t in
            var scalars = Array(t.unicodeScalars)
            guard let k = scalars.indices.dropLast().first(where: { scalars[$0] == "\u{0E39}" && scalars[$0 + 1] == "\u{0E49}" }) else { return nil }
            scalars.swapAt(k, k + 1)
            return String(String.UnicodeScalarView(scalars))
        }
        texts += v.headerWords + v.rules.flatMap(\.phrases)
        var roles = 0, pieces = 0, wording = 0
        for _ in 0..<2 {
            for t in texts {
                XCTAssertEqual(v.role(of: t), v.roleUncached(of: t), t)
                let squeezed = QuestionTableVocabulary.squeezed(t)
                if !squeezed.isEmpty { XCTAssertEqual(v.isPieceOfWording(squeezed), v.isPieceOfWordingUncached(squeezed), t) }
                XCTAssertEqual(v.isHeaderWording(t, coverage: 0.8), v.isHeaderWordingUncached(t, coverage: 0.8), t)
                if v.role(of: t) != nil { roles += 1 }
                if !squeezed.isEmpty && v.isPieceOfWording(squeezed) { pieces += 1 }
                if v.isHeaderWording(t, coverage: 0.8) { wording += 1 }
            }
        }
        XCTAssertGreaterThan(roles, 0); XCTAssertGreaterThan(pieces, 0); XCTAssertGreaterThan(wording, 0)
        XCTAssertLessThan(roles, 2 * texts.count, "most seed text names no role")
    }

    /// `isPieceOfWordingUncached` searches only the phrases and header words that hold every Thai scalar
    /// of the piece: it answers as Foundation's `contains` over all of them, on the seed words, every
    /// phrase and header word and its head and tail cut at every Character, in both mark orders of ผู้, and
    /// pieces that are not plain (a Latin letter with a combining accent, two tones in a row), which the
    /// byte search cannot answer.
    func testPieceOfWordingGateAnswersAsFoundation() throws {
        let v = try MeasureHeaderVocabulary.load(mappings: Self.mappings)
        let all = v.rules.flatMap(\.phrases) + v.headerWords
        var pieces = try Self.seedWords().map(QuestionTableVocabulary.squeezed) + all
        for w in all {
            let chars = Array(w)
            // A wrapped cell's pieces: the word's head and tail at every cut.
            for cut in 1..<max(1, chars.count) { pieces += [String(chars[..<cut]), String(chars[cut...])] }
        }
        pieces += pieces.compactMap { t in
            var scalars = Array(t.unicodeScalars)
            guard let k = scalars.indices.dropLast().first(where: { scalars[$0] == "\u{0E39}" && scalars[$0 + 1] == "\u{0E49}" }) else { return nil }
            scalars.swapAt(k, k + 1)
            return String(String.UnicodeScalarView(scalars))
        }
        pieces += ["e\u{0301}", "\u{0E01}\u{0E48}\u{0E48}", "ผู\u{0E49}\u{0E49}", "“ผู้”", "x"]
        var found = 0, notPlain = 0
        for piece in Set(pieces) where !piece.isEmpty {
            let slow = all.contains { $0.contains(piece) }
            XCTAssertEqual(v.isPieceOfWordingUncached(piece), slow, piece)
            if slow { found += 1 }
            if !CanonicalSearch.isPlain(piece) { notPlain += 1 }
        }
        XCTAssertGreaterThan(found, 100)
        XCTAssertGreaterThan(notPlain, 3)
    }

    /// A copy of the vocabulary shares its memo; one whose rules change forgets what the old rules answered.
    func testChangedRulesForgetTheRememberedAnswers() throws {
        var v = try MeasureHeaderVocabulary.load(mappings: Self.mappings)
        let owner = try XCTUnwrap(v.rules.first { $0.role == .owner }?.phrases.first)
        XCTAssertEqual(v.role(of: owner), .owner)
        XCTAssertTrue(v.isPieceOfWording(owner))
        v.rules = v.rules.filter { $0.role != .owner }
        v.headerWords = v.headerWords.filter { QuestionTableVocabulary.squeezed($0) != QuestionTableVocabulary.squeezed(owner) }
        XCTAssertEqual(v.role(of: owner), v.roleUncached(of: owner))
        XCTAssertNotEqual(v.role(of: owner), .owner)
    }

    /// `hasWordingAcross` searches with `CanonicalSearch` over a list made once: it answers as the
    /// Foundation search over every phrase and header word, on neighbouring words of the seed lines.
    func testWordingAcrossAnswersAsFoundation() throws {
        let v = try MeasureHeaderVocabulary.load(mappings: Self.mappings)
        // The first few thousand words: each pair is searched for every phrase twice, once through Foundation.
        let words = Array(try Self.seedWords().map(QuestionTableVocabulary.squeezed).filter { !$0.isEmpty }.prefix(3000))
        let all = v.rules.flatMap(\.phrases) + v.headerWords.map(QuestionTableVocabulary.squeezed)
        var across = 0
        for k in 0..<(words.count - 1) {
            let l = words[k], r = words[k + 1]
            let j = l + r
            let slow = all.contains { p in !p.isEmpty && j.contains(p) && !l.contains(p) && !r.contains(p) }
            XCTAssertEqual(v.hasWordingAcross(j, l, r), slow, "\(l) | \(r)")
            if slow { across += 1 }
        }
        // The header words cut apart, at every place: wording runs across each cut.
        for w in v.headerWords where w.count >= 2 {
            let chars = Array(w)
            for cut in 1..<chars.count {
                let l = String(chars[..<cut]), r = String(chars[cut...])
                let slow = all.contains { p in !p.isEmpty && w.contains(p) && !l.contains(p) && !r.contains(p) }
                XCTAssertEqual(v.hasWordingAcross(w, l, r), slow, "\(l) | \(r)")
                if slow { across += 1 }
            }
        }
        XCTAssertGreaterThan(across, 0)
    }

    /// `QuestionTableVocabulary.isHeader` turns a plain text away by its bytes: it answers as
    /// `hasPrefix` over every header word does, on every seed line and cell word, each header word
    /// alone, with a number, with question text after it, and with its marks in the other order.
    func testQuestionHeaderByBytesAnswersAsHasPrefix() throws {
        let v = try QuestionTableVocabulary.load(mappings: Self.mappings, codeLetters: TestCodeLetters.letters)
        func slow(_ text: String) -> Bool {
            let t = QuestionTableVocabulary.squeezed(text)
            return v.headerStarts.contains { h in
                guard t.hasPrefix(h) else { return false }
                guard h.hasSuffix("ที่"), let next = t.dropFirst(h.count).unicodeScalars.first else { return true }
                return ThaiNumber.digitValue(next) != nil
            }
        }
        let seeds = Self.mappings.deletingLastPathComponent().appendingPathComponent("Corpus/seeds")
        var texts = try Self.seedWords()
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted() where name.hasSuffix(".source.txt") {
            texts += try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8).split(separator: "\n").map(String.init)
        }
        for h in v.headerStarts {
            texts += [h, h + " ๒", h + "2", h + "เกี่ยวกับ", String(h.dropLast()), h + "\u{0E34}", "ก" + h]
        }
        texts += texts.compactMap { t in
            var scalars = Array(t.unicodeScalars)
            guard let k = scalars.indices.dropLast().first(where: { scalars[$0] == "\u{0E39}" && scalars[$0 + 1] == "\u{0E49}" }) else { return nil }
            scalars.swapAt(k, k + 1)
            return String(String.UnicodeScalarView(scalars))
        }
        var headers = 0
        for t in texts {
            XCTAssertEqual(v.isHeader(t), slow(t), t)
            if slow(t) { headers += 1 }
        }
        XCTAssertGreaterThan(headers, v.headerStarts.count, "each header word, and with a number")
        XCTAssertLessThan(headers, texts.count / 2)
    }
}
