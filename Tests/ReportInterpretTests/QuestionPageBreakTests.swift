import Foundation
import XCTest
import ITAModel
@testable import ReportInterpret

/// Question cells cut by a page break: the text carried to the top of the next page belongs to the
/// last question of the previous page. Checked on the real corpus PDFs against their source text
/// (`<name>.source.txt`: a table row cut by a page break is still one line there).
final class QuestionPageBreakTests: XCTestCase {
    /// The question text of every code printed in a source text's table cells (first printing).
    /// Every Corpus document has one; a missing or unreadable one throws (fails the test).
    static func sourceTexts(of pdf: String) throws -> [String: String] {
        let url = URL(fileURLWithPath: pdf).deletingPathExtension().appendingPathExtension("source.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        var out: [String: String] = [:]
        for line in text.split(separator: "\n") {
            for cell in line.split(separator: "\t") {
                if let c = QuestionTokens.codePrefix(String(cell), TestCodeLetters.letters), out[c.code] == nil { out[c.code] = c.rest }
            }
        }
        return out
    }

    /// Text compared without spaces (wrap spaces are the normaliser's separate decision).
    static func squeezed(_ s: String) -> String {
        String(s.precomposedStringWithCanonicalMapping.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }

    /// Seed 000: i1's text runs from the bottom of one page onto the next; the whole text is read
    /// and the provenance names both pages' raw text.
    func testSeedQuestionCutByPageBreak() throws {
        let c = try XCTUnwrap(FieldsCorpus.cases.first { $0.name == "seeds/s000-thesaban-mueang.pdf" })
        let want = try XCTUnwrap(try Self.sourceTexts(of: c.pdf)["i1"])
        let q = try XCTUnwrap(c.result.questions.first { $0.code == "i1" })
        XCTAssertEqual(Self.squeezed(q.question ?? ""), Self.squeezed(want))
        let source = try XCTUnwrap(q.source)
        let more = try XCTUnwrap(source.continuation, "no continuation in the provenance")
        XCTAssertEqual(more.count, 1)
        XCTAssertEqual(more[0].page, source.page + 1)
        XCTAssertEqual(q.page, source.page)
        XCTAssertNotNil(more[0].box)
        // Raw text of both pages: code, first lines and score on the first page, the rest on the next.
        let parts = source.raw.components(separatedBy: "\t")
        XCTAssertEqual(parts.count, 2, source.raw)
        XCTAssertEqual(parts.last.flatMap { QuestionTokens.score($0) }, q.score)
        let first = try XCTUnwrap(QuestionTokens.codePrefix(parts[0], TestCodeLetters.letters))
        XCTAssertEqual(first.code, "i1")
        XCTAssertEqual(Self.squeezed(first.rest + more[0].raw), Self.squeezed(want))
        XCTAssertFalse(more[0].raw.isEmpty)
    }

    /// Across the corpus, question texts equal their source cells (spaces aside): the rows cut by
    /// page breaks are whole, and no text from outside the cell (next page's prose, headers) is
    /// added. A question printed in one place has no continuation.
    func testQuestionTextsAreWholeAcrossPageBreaks() throws {
        var total = 0, equal = 0, continued = 0
        var wrong: [String] = []
        for c in FieldsCorpus.cases {
            let texts = try Self.sourceTexts(of: c.pdf)
            for q in c.result.questions {
                guard let want = texts[q.code] else { continue }
                total += 1
                if let more = q.source?.continuation {
                    continued += 1
                    XCTAssertTrue(more.allSatisfy { $0.page > q.page }, "\(c.name) \(q.code)")
                }
                if Self.squeezed(q.question ?? "") == Self.squeezed(want) { equal += 1 } else {
                    wrong.append("\(c.name) \(q.year ?? 0)/\(q.code): \(q.question ?? "nil")")
                }
            }
        }
        let summary = "\(equal) of \(total) question texts equal their source cells; \(continued) joined over a page break"
        print(summary + "\n" + wrong.joined(separator: "\n"))
        XCTAssertGreaterThanOrEqual(continued, 30, summary)
        // Today 3 differ, none at a page break: two marks misplaced by the text layer (i3 of g01
        // and g11) and seed 002's i24, whose cell runs into a note printed under the table.
        XCTAssertGreaterThanOrEqual(Double(equal) / Double(max(1, total)), 0.995, summary + "\n" + wrong.joined(separator: "\n"))
    }
}
