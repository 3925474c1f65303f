import ITAModel
@testable import Pipeline
import ReportInterpret
import XCTest

/// A question code on an OCR'd page confirmed by the codes just above and below it (`OCRCodeSequence`),
/// on rows as OCR read them on tune scan v000006-scan300 (a 2568 report: the 2568 catalogue has no
/// texts, so no printed text confirms a code there).
final class OCRCodeSequenceTests: XCTestCase {
    typealias Cells = (page: Int, code: String, cells: [String], box: Box, score: String)
    /// Page 6's OIT rows o21, o23-o26 (o22 was not read) and page 4's rows e4, `๐5`, `๐6` (EIT rows e5, e6 whose
    /// `e` OCR read as `๐`: the reader took them for o5, o6; their scores are e5's and e6's).
    static let rows: [Cells] = [
        (4, "e4", ["e4 หน่วยงานมีaช่องทางเผยแพร่wข้y อมูลข่1 าวสารที่a สามารถเข้vาiถึe งไได้ง่ายขมากน้ร อยเพียงใด", "๘๘.๗๔"],
         Box(x0: 67.96, y0: 498.92, x1: 526.28, y1: 521.47), "88.74"),
        (4, "o5", ["๐5 หน่วยงานมีการเผยแพร่ข้อมูลข่าวสารที่ประชาชนหรือผู้ัข่ รับบริการควรได้รับทราบ\nอย่างชัดเจน มากน้อยเพียงใด", "83.99"],
         Box(x0: 67.67, y0: 530.97, x1: 518.05, y1: 577.07), "83.99"),
        (4, "o6", ["๐6 หน่วยงานมีช่องทางที่ท่านสามารถติชมหรือแสดงความคิดเห็นต่อการปฏิบัติงาน\nหรือการให้บริการหรือไม่\n๑7 การปฏิบัติหรือการให้บริการของเจ้าหน้าที ดีขึ้นกว่าทีผ่านมา มากน้อยเพียงใด", "๘๒.๖๓"],
         Box(x0: 67.89, y0: 590.72, x1: 516.82, y1: 669.22), "82.63"),
        (6, "o21", ["๐21 สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน", "100.00"], Box(x0: 68.59, y0: 63.14, x1: 399.43, y1: 85.04), "100.00"),
        (6, "o23", ["023 นโยบายหรือแผนการบริหารทรัพยากรบุคคล", "100.00"], Box(x0: 68.65, y0: 129.59, x1: 367.09, y1: 148.88), "100.00"),
        (6, "o24", ["024 การดําเนินการตามนโยบายหรือแผนการบริหารทรัพยากรบุคคล", "100.00"], Box(x0: 68.5, y0: 161.39, x1: 451.9, y1: 181.71), "100.00"),
        (6, "o25", ["๐25 หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล", "100.00"], Box(x0: 68.34, y0: 194.19, x1: 387.3, y1: 213.09), "100.00"),
        (6, "o26", ["๐26 ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่", "100.00"], Box(x0: 68.55, y0: 224.37, x1: 467.8, y1: 244.87), "100.00"),
    ]

    private func record(_ rows: [Cells]) -> ReportRecord {
        var r = ReportRecord(docID: "x", sourcePath: "x.pdf", sha256: "x")
        r.questions = rows.map {
            QuestionScore(year: 2568, code: $0.code, tool: $0.code.hasPrefix("e") ? .eit : .oit, question: nil, score: $0.score, page: $0.page,
                          source: Provenance(page: $0.page, box: $0.box, cells: $0.cells, via: "text"))
        }
        return r
    }

    func testARowBetweenItsCataloguesNeighboursIsConfirmed() throws {
        let arithmetic = ScoreArithmetic(mappings: try ITAMappings(directory: CorpusRun.mappings))
        var r = record(Self.rows)
        OCRScorePolicy.apply(to: &r, ocrPages: [4, 6], arithmetic: arithmetic, asciiSecondReading: false)
        // o24 (o23 above, o25 below) and o25 (o24, o26): kept, with the codes that confirmed them.
        XCTAssertEqual(r.questions.map(\.code), ["o24", "o25"])
        XCTAssertEqual(r.questions.map(\.score), ["100.00", "100.00"])
        XCTAssertEqual(r.questions.map { $0.source?.via ?? "" },
                       ["text; code confirmed by sequence (o23 above, o25 below)", "text; code confirmed by sequence (o24 above, o26 below)"])
        XCTAssertNil(r.questions[0].check, "a code confirmation is no arithmetic check")
        // o21 and o23 have no row of o22 between them; o26 none below; page 4's rows stay left out.
        XCTAssertEqual(Set(r.ocrDropped?.map(\.key) ?? []), ["e4", "o5", "o6", "o21", "o23", "o26"])

        // A row missing between two read ones breaks the sequence: without o24's row, o25 is unconfirmed.
        var gap = record(Self.rows.filter { $0.code != "o24" })
        OCRScorePolicy.apply(to: &gap, ocrPages: [4, 6], arithmetic: arithmetic, asciiSecondReading: false)
        XCTAssertTrue(gap.questions.isEmpty, "\(gap.questions.map(\.code))")
    }

    /// `๐5` reads the number 5 but not the tool: 2568 lists e5 too (v000006's `๐5` is e5's row), so it
    /// names no tool; `๐25` does (no e25 or i25), and `o5` prints its letter.
    func testAMisreadLetterNamesTheToolOnlyByANumberNoOtherToolHas() throws {
        let arithmetic = ScoreArithmetic(mappings: try ITAMappings(directory: CorpusRun.mappings))
        let lists = { arithmetic.catalogueLists(code: $0, year: 2568) }
        let letters = arithmetic.codeLetters
        XCTAssertTrue(lists("e5") && lists("o5") && lists("o25") && !lists("e25"))
        func row(_ code: String, _ token: String) -> OCRCodeSequence.Row { .init(code: code, token: token, top: 0) }
        XCTAssertFalse(OCRCodeSequence.namesTool(row("o5", "๐5"), letters: letters, lists: lists))
        XCTAssertTrue(OCRCodeSequence.namesTool(row("o5", "o5"), letters: letters, lists: lists))
        XCTAssertTrue(OCRCodeSequence.namesTool(row("o25", "๐25"), letters: letters, lists: lists))
        // What OCR made of the letter: one sign before the digits, a zero for `o`; more is no reading.
        XCTAssertTrue(OCRCodeSequence.readsNumber("๐25", of: "o25"))
        XCTAssertTrue(OCRCodeSequence.readsNumber("025", of: "o25"))
        XCTAssertTrue(OCRCodeSequence.readsNumber("[1๒", of: "i12"))
        XCTAssertFalse(OCRCodeSequence.readsNumber("114", of: "i14"))
        XCTAssertFalse(OCRCodeSequence.readsNumber("๐๒๕x", of: "o25"))
        // Another tool's letter names that tool, not the row's (`o5` printed on an EIT row read as e5).
        XCTAssertFalse(OCRCodeSequence.namesTool(row("e5", "o5"), letters: letters, lists: lists))
        XCTAssertFalse(OCRCodeSequence.namesTool(row("o25", "e25"), letters: letters, lists: lists))
        XCTAssertNil(OCRCodeSequence.confirms([row("e4", "e4"), row("e5", "o5"), row("e6", "e6")], index: 1, letters: letters, lists: lists))
        // A sequence of rows whose tokens name no tool confirms nothing: e5, e6, e7 misread as o5, o6, o7.
        let misread = [row("o5", "๐5"), row("o6", "๐6"), row("o7", "๐7")]
        XCTAssertNil(OCRCodeSequence.confirms(misread, index: 1, letters: letters, lists: lists))
        XCTAssertNotNil(OCRCodeSequence.confirms([row("o5", "o5"), row("o6", "o6"), row("o7", "o7")], index: 1, letters: letters, lists: lists))
    }

    /// A 2566 row between its catalogue neighbours whose printed text names another question of the
    /// catalogue (i7's text on the row read as i5: a row of the table was missed and the codes slid)
    /// is not confirmed by its place; a text too garbled to name any question leaves the place to
    /// confirm it. 2566's catalogue has the texts (2568's has none, as in the test above).
    func testARowWhosePrintedTextNamesAnotherQuestionIsNotConfirmedByItsPlace() throws {
        let ita = try ITAMappings(directory: CorpusRun.mappings)
        let arithmetic = ScoreArithmetic(mappings: ita)
        let texts = try String(contentsOf: CorpusRun.mappings.appendingPathComponent("ita/questions-2566.tsv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().reduce(into: [String: String]()) { d, line in
                let f = line.split(separator: "\t", omittingEmptySubsequences: false)
                if f.count >= 5 { d[String(f[0])] = String(f[4]) }
            }
        func run(middle: String) -> [String] {
            var r = ReportRecord(docID: "x", sourcePath: "x.pdf", sha256: "x")
            let rows = [("i4", "i4 " + texts["i4"]!), ("i5", middle), ("i6", "i6 " + texts["i6"]!)]
            r.questions = rows.enumerated().map { k, row in
                let box = Box(x0: 68, y0: 100 + Double(k) * 40, x1: 520, y1: 130 + Double(k) * 40)
                return QuestionScore(year: 2566, code: row.0, tool: .iit, question: nil, score: "9\(k).50", page: 3,
                                     source: Provenance(page: 3, box: box, cells: [row.1, "9\(k).50"], via: "text"))
            }
            OCRScorePolicy.apply(to: &r, ocrPages: [3], arithmetic: arithmetic, asciiSecondReading: false)
            return r.questions.map(\.code)
        }
        XCTAssertFalse(run(middle: "i5 " + texts["i7"]!).contains("i5"), "i7's printed text under i5's code")
        XCTAssertTrue(run(middle: "i5 กขค งจฉ").contains("i5"), "a garbled text names nothing: the place confirms")
    }
}
