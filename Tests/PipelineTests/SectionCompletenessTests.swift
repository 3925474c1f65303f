import Foundation
import ITAModel
import PageLayout
import PDFExtract
@testable import Pipeline
@testable import ReportInterpret
import ThaiNormalise
import XCTest

/// `SectionCompleteness.check` alone, on the real reading of committed sample v000152 (a 2567
/// report printing all 88 codes of 2567's catalogue, i1-i30, e1-e15, o1-o43): its question section
/// cut down as a scan's OCR would leave it, with the section sizes the interpret stage measures
/// for what is left.
final class SectionCompletenessTests: XCTestCase {
    struct Reading { var interpretation: Interpretation; var vocabulary: ITAVocabulary }
    static let reading: Result<Reading, Error> = Result {
        let mappings = MappingsDirectory.forSourceFile(#filePath)!
        let path = mappings.deletingLastPathComponent().appendingPathComponent("Corpus/variants/v000152.pdf").path
        let layout = LayoutAnalyser.analyse(try PDFExtractor.read(path: path), furniture: try PageFurnitureWords(mappings: mappings))
        let ita = try ITAMappings(directory: mappings)
        let read = ReportInterpreter(mappings: ita).interpret(try ThaiNormaliser(mappings: mappings).normalise(layout))
        return Reading(interpretation: read, vocabulary: ita.vocabulary.forOneDocument())
    }

    /// What the run would see had the stage read only `questions`: the record and the sizes.
    private func check(_ questions: [QuestionScore], dropped: [OCRDroppedScore] = []) throws
        -> (warnings: [Warning], mostlyUnread: Bool, sizes: Interpretation.SectionSizes) {
        let r = try Self.reading.get()
        var read = r.interpretation
        read.questions = questions
        let checks = ScoreChecks(result: read, vocabulary: r.vocabulary)
        let sizes = QuestionSectionSizes.measure(questions, checked: checks.catalogues, indicators: r.interpretation.sectionSizes.indicators,
                                                 vocabulary: r.vocabulary)
        var record = ReportRecord(docID: "v000152", sourcePath: "Corpus/variants/v000152.pdf", sha256: "-")
        record.fields = read.fields
        record.indicators = read.indicators
        record.questions = questions
        record.ocrDropped = dropped.isEmpty ? nil : dropped
        let out = SectionCompleteness.check(record, sizes: sizes, settings: InterpretSettings())
        return (out.warnings, out.mostlyUnread, sizes)
    }

    private func questions(_ codes: [String]) throws -> [QuestionScore] {
        let all = try Self.reading.get().interpretation.questions
        let picked = codes.compactMap { c in all.first { $0.code == c } }
        XCTAssertEqual(picked.count, codes.count, "every code was read on the text layer")
        return picked
    }

    private func codes(_ tool: String, _ range: ClosedRange<Int>) -> [String] { range.map { "\(tool)\($0)" } }

    func testTheWholeSectionSaysNothing() throws {
        let read = try Self.reading.get().interpretation
        XCTAssertEqual(read.questions.count, 88)
        XCTAssertEqual(read.sectionSizes.questions[2567], .init(catalogue: 2567, count: 88, proven: true))
        let out = try check(read.questions)
        XCTAssertEqual(out.warnings.map(\.code), [])
        XCTAssertFalse(out.mostlyUnread)
    }

    /// i16-i30 are codes only 2567's catalogue lists: the framework is proven and 40 of 88 is under half.
    func testUnderHalfOfAProvenFrameworkMakesTheSectionMostlyUnread() throws {
        let out = try check(try questions(codes("i", 1...30) + codes("e", 1...10)))
        XCTAssertEqual(out.sizes.questions[2567], .init(catalogue: 2567, count: 88, proven: true))
        XCTAssertTrue(out.mostlyUnread)
        XCTAssertEqual(out.warnings.map(\.message), ["2567: 40 of the 88 question scores of its catalogue kept"])
    }

    /// Codes 2568's framework lists too (i1-i15, e1-e9, o1-o16) prove neither of 2567's frameworks:
    /// the same 40 scores are over half of 2568's 59, so the section is not called mostly unread;
    /// 25 of them are under half of either.
    func testAnUnprovenFrameworkCountsAgainstTheSmallestTheYearMayFollow() throws {
        let forty = try questions(codes("i", 1...15) + codes("e", 1...9) + codes("o", 1...16))
        let out = try check(forty)
        XCTAssertEqual(out.sizes.questions[2567], .init(catalogue: 2568, count: 59, proven: false))
        XCTAssertFalse(out.mostlyUnread)
        XCTAssertEqual(out.warnings, [])
        let few = try check(Array(forty.prefix(25)))
        XCTAssertTrue(few.mostlyUnread)
        XCTAssertEqual(few.warnings.map(\.message),
                       ["2567: 25 of the 59 question scores of the smallest framework its year may follow (2568; its codes prove none) kept"])
    }

    /// A year whose every read score OCR's checks left empty still has a whole to count against,
    /// and so has a document whose year was not read (its scores have no year).
    func testAYearWithNoScoreKeptAndScoresOfNoYearAreChecked() throws {
        let dropped = (1...5).map { OCRDroppedScore(kind: "question", key: "i\($0)", year: 2567, score: "8", page: 9, reason: "test", source: nil) }
        let none = try check([], dropped: dropped)
        XCTAssertTrue(none.mostlyUnread)
        XCTAssertEqual(none.warnings.map(\.message),
                       ["2567: 0 of the 59 question scores of the smallest framework its year may follow (2568; its codes prove none) kept; 5 read by OCR and left empty"])
        let noYear = try questions(codes("i", 1...15) + codes("e", 1...5)).map { q -> QuestionScore in var q = q; q.year = nil; return q }
        let out = try check(noYear)
        XCTAssertTrue(out.mostlyUnread)
        XCTAssertEqual(out.warnings.map(\.message), ["year not read: 20 of the 59 question scores of the smallest framework its codes fit (2568) kept"])
        // i16-i30 rule 2568's framework out: 30 kept is under half of the 88 they fit.
        let over = try check(try questions(codes("i", 1...30)).map { q -> QuestionScore in var q = q; q.year = nil; return q })
        XCTAssertTrue(over.mostlyUnread)
        XCTAssertEqual(over.warnings.map(\.message), ["year not read: 30 of the 88 question scores of the smallest framework its codes fit (2566) kept"])
        // 30 codes 2568 lists too: over half of its 59.
        let fit = try check(try questions(codes("i", 1...15) + codes("e", 1...9) + codes("o", 1...6)).map { q -> QuestionScore in var q = q; q.year = nil; return q })
        XCTAssertFalse(fit.mostlyUnread)
    }
}
