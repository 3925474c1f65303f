import Foundation
import ITAModel
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
        let v = try MeasureHeaderVocabulary.load(mappings: Self.mappings).forOneDocument()
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
}
