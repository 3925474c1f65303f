import Foundation
import ITAModel
import XCTest
@testable import ReportInterpret

/// Indicator tables in any column order (issue 9): the number, name, tool and score columns are
/// told apart by what they hold, not by where they sit. Read from the committed generator samples
/// Corpus/variants, whose gold lists every indicator score as printed.
final class IndicatorColumnOrderTests: XCTestCase {
    /// Tune seed 105 (LibreOffice, borderless, "score | N. name | tool"): the layout's stream table
    /// ran the score column into the label cell ("๙๖.๕๖ ๑. การปฏิบัติหน้าที่" | "IIT"), so no row of
    /// the table was read (a score glued to the end of a label was known, not to its start). Cells
    /// as the layout gives them on its page 10. Two leading scores are a multi-year row and stay unread.
    func testScoreRunIntoTheStartOfTheLabelCell() throws {
        let v = try ITAVocabulary(mappings: MeasurePlanLayoutTests.mappings)
        func row(_ texts: [String]) -> CellRow { Self.row(texts, page: 10, y0: 123, step: 200) }
        guard case .indicator(let number, _, let scores, let ranked) = IndicatorRows.parse(row(["๙๖.๕๖ ๑. การปฏิบัติหน้าที่", "IIT"]), v, InterpretSettings()) else {
            return XCTFail("not read as an indicator row")
        }
        XCTAssertEqual(number, 1)
        XCTAssertEqual(scores.map(\.0), ["96.56"])
        XCTAssertFalse(ranked)
        guard case .indicator(let ten, _, let s10, _) = IndicatorRows.parse(row(["๙๓.๗๕ ๑๐. การป้องกันการทุจริต", "OIT"]), v, InterpretSettings()) else {
            return XCTFail("indicator 10 not read")
        }
        XCTAssertEqual(ten, 10)
        XCTAssertEqual(s10.map(\.0), ["93.75"])
        if case .indicator = IndicatorRows.parse(row(["๙๖.๕๖ ๙๗.๒๐ ๑. การปฏิบัติหน้าที่", "IIT"]), v, InterpretSettings()) {
            XCTFail("two glued scores share one box: no year column can be told")
        }
        // Review: a numbered heading of an analysis section is no score ("๒.๓" would be 2.3 points).
        for heading in ["๒.๓ การใช้อำนาจ", "1.1 การปฏิบัติหน้าที่", "๒.๓๐ การใช้อำนาจ"] {
            if case .indicator(_, _, let scores, _) = IndicatorRows.parse(row([heading]), v, InterpretSettings()), !scores.isEmpty {
                XCTFail("\(heading): read as score \(scores.map(\.0))")
            }
        }
    }

    /// Tune seed 130 (Chromium, borderless, "name | N | score"): the number and score cells run
    /// together ("การปฏิบัติหน้าที่" | "๑ 96.03", as the reader's line gives them on page 2), so both
    /// were taken for scores and the label had no number (10 of 10 unread).
    func testNumberRunIntoTheScoreCell() throws {
        let v = try ITAVocabulary(mappings: MeasurePlanLayoutTests.mappings)
        func row(_ texts: [String]) -> CellRow { Self.row(texts, page: 2, y0: 577, step: 250) }
        for (cells, number, score) in [(["การปฏิบัติหน้าที่", "๑ 96.03"], 1, "96.03"), (["การใช้งบประมาณ", "2 ๙๕.๘๓"], 2, "95.83")] {
            guard case .indicator(let n, _, let scores, _) = IndicatorRows.parse(row(cells), v, InterpretSettings()) else {
                XCTFail("\(cells) not read"); continue
            }
            XCTAssertEqual(n, number)
            XCTAssertEqual(scores.map(\.0), [score])
        }
        // Review: with the indicator's number in a cell of its own, a whole number run into the score
        // cell is another column's (a weight), not the number: the row keeps its own number.
        if case .indicator(let n, _, _, _) = IndicatorRows.parse(row(["๑", "การปฏิบัติหน้าที่", "6 96.03"]), v, InterpretSettings()) {
            XCTAssertEqual(n, 1, "the weight 6 renumbered the row")
        }
    }

    /// v000056: a multi-year table "name | score ปี ๒๕๖๗ | score ปี ๒๕๖๘ | tool | number" under a
    /// two-row header. The number column comes last, after the scores: it was taken for a third
    /// score and no row kept its number (all 20 scores not found).
    func testNumberColumnAfterTheScores() throws {
        try assertIndicatorsMatchGold("v000056", missing: [])
    }

    /// v000022: "name | number | tool | score", the tool cell a wrapped tool name ending in "(IIT)",
    /// each row four lines tall, the table cut by a page break inside indicator 5's row. The number
    /// sat between name and tool (no row read); indicator 5's first line, left outside the table by
    /// the break, has its tool cell cut after "แบบวัดการรับ" (no "(IIT)"), told as a tool cell by
    /// its start (report-cues.json toolCellStarts); and the rows after the break were more than six
    /// lines below the first line of the previous row, so they formed a table of their own with no
    /// year (left out).
    func testNumberBetweenNameAndToolAcrossAPageBreak() throws {
        try assertIndicatorsMatchGold("v000022", missing: [])
    }

    /// v000234: "score | N. name | tool" (the number and name in one cell), the table cut by a page
    /// break inside indicator 10's row: the middle tool cell was not told from the name (no row
    /// read), and indicator 10's tool cell is cut after "แบบวัดการเปิด เผยข้อมูล". With all ten read
    /// the table's tool means give the printed overall score, so it is filed under 2567.
    func testScoreFirstToolCellCutByAPageBreak() throws {
        try assertIndicatorsMatchGold("v000234", missing: [])
    }

    /// v000175 (LibreOffice, Garuda, borderless): the multi-year header's cells wrap differently,
    /// "ปีงบประมาณ 2565" and "คะแนนปี 2567" on one line, "คะแนน ปี พ.ศ." over "2566" around it. The
    /// layout's stream table put the header words into the body's columns ("2567 ตัวชี้วัดการประเมิน"
    /// in one cell), so no year header was read, and line by line the header named two years for
    /// three score columns (2565 and 2566: 20 scores not found). Read from the header's lines, with
    /// the wrapped cell's year joined from the next line (WrappedYearHeader), all 30 are read.
    func testMultiYearHeaderWrappedOverThreeLines() throws {
        try assertIndicatorsMatchGold("v000175", missing: [])
    }

    /// v000142 (Chromium, borderless): the page break cuts the multi-year header row, and the last
    /// score column's year "๒๕๖๘" is printed alone at the top of the next page, above the rows
    /// (after the page number "หน้า 10"). The header named 2566 and 2567 only: the 2568 column
    /// (10 scores) was unread.
    func testMultiYearHeaderCutByAPageBreak() throws {
        try assertIndicatorsMatchGold("v000142", missing: [])
    }

    /// v001407 (fresh tune 1371-1450, LibreOffice, borderless, two-row header, "N | name | score |
    /// tool"): the layout's stream table ran the name and score columns into one cell before the
    /// tool cell (`1 | การปฏิบัติหน้าที่ 94.31 | IIT`, page 2). A score glued to the end of a label was
    /// looked for in the row's last cell only, the tool's: the eight rows of page 2 were read as
    /// labels without scores, the two on page 3 made a table with no year, and 0 of 10 were read.
    func testScoreRunIntoTheNameCellBeforeTheToolCell() throws {
        try assertIndicatorsMatchGold("v001407", missing: [])
        let v = try ITAVocabulary(mappings: MeasurePlanLayoutTests.mappings)
        func row(_ texts: [String]) -> CellRow { Self.row(texts, page: 2, y0: 555, step: 200) }
        guard case .indicator(let n, let name, let scores, _) = IndicatorRows.parse(row(["1", "การปฏิบัติหน้าที่ 94.31", "IIT"]), v, InterpretSettings()) else {
            return XCTFail("not read as an indicator row")
        }
        XCTAssertEqual(n, 1)
        XCTAssertEqual(name, "การปฏิบัติหน้าที่")
        XCTAssertEqual(scores.map(\.0), ["94.31"])
        // The tool cell must still name the indicator's own tool.
        if case .indicator = IndicatorRows.parse(row(["1", "การปฏิบัติหน้าที่ 94.31", "OIT"]), v, InterpretSettings()) {
            XCTFail("a row naming another tool was read")
        }
    }

    // MARK: - support

    /// Every gold indicator score is read with its year and tool, except the `missing` indicators,
    /// which are not read at all (never a wrong value); nothing is read that the gold lacks.
    func assertIndicatorsMatchGold(_ name: String, missing: Set<Int>, file: StaticString = #filePath, line: UInt = #line) throws {
        let data = try Data(contentsOf: MeasurePlanLayoutTests.variants.appendingPathComponent(name + ".json"))
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any], file: file, line: line)
        let gold = try XCTUnwrap(root["indicator_scores"] as? [[String: Any]], file: file, line: line)
        let read = try CommittedSample.interpret(name).indicators
        var got: [String: IndicatorScore] = [:]
        for s in read { got["\(s.year.map(String.init) ?? "?")/\(s.indicator)"] = s }
        var expectedKeys = Set<String>()
        for g in gold {
            let year = try XCTUnwrap(g["year"] as? Int), number = try XCTUnwrap(g["indicator"] as? Int)
            let key = "\(year)/\(number)"
            if missing.contains(number) { XCTAssertNil(got[key], "\(name) \(key) is read", file: file, line: line); continue }
            expectedKeys.insert(key)
            XCTAssertEqual(got[key]?.score, g["score"] as? String, "\(name) \(key) score", file: file, line: line)
            XCTAssertEqual(got[key]?.tool.rawValue, g["tool"] as? String, "\(name) \(key) tool", file: file, line: line)
        }
        XCTAssertEqual(Set(got.keys).subtracting(expectedKeys), [], "\(name): read but not in the gold", file: file, line: line)
    }

    /// One table row of cells as the layout gives them: each cell 190 pt wide and 16 pt high, the
    /// next `step` points to the right, on line `y0` of `page`.
    private static func row(_ texts: [String], page: Int, y0: Double, step: Double) -> CellRow {
        let cells = texts.enumerated().map { k, t in
            CellRow.Cell(text: t, box: Box(x0: 60 + step * Double(k), y0: y0, x1: 250 + step * Double(k), y1: y0 + 16), raw: t)
        }
        return CellRow(cells: cells, page: page, box: Box.union(cells.map(\.box))!, lineIndex: 0, lastLineIndex: 0)
    }

    /// v000501 (LibreOffice, borderless, multi-year `score | score | tool | N name`, fresh tune seed):
    /// the stream table's first row is `คะแนนรายตัวชี้วัด` and the years come in the row under it,
    /// wrapped (`คะแนน` / `แบบสำรวจ | ตัวชี้วัดการประเมิน` / `2567 | ปีงบประมาณ 2568`), which the layout
    /// took as a body row and cut into other cells (`แบบสำรวจ 2568`). Read as one row it named no
    /// years, and each row's last score went to the assessment year alone: 2567's ten were lost.
    /// A row above the table's first score is read line by line, as a header row is.
    func testYearHeaderInTheRowUnderTheTablesFirstRow() throws {
        let i = try CommittedSample.interpret("v000501")
        let data = try Data(contentsOf: MeasurePlanLayoutTests.variants.appendingPathComponent("v000501.json"))
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let gold = try XCTUnwrap(root["indicator_scores"] as? [[String: Any]])
        var expected: [String: String] = [:]
        for row in gold { expected["\(try XCTUnwrap(row["year"] as? Int))/\(try XCTUnwrap(row["indicator"] as? Int))"] = try XCTUnwrap(row["score"] as? String) }
        XCTAssertEqual(expected.count, 20)
        let read = Dictionary(uniqueKeysWithValues: i.indicators.map { ("\($0.year.map(String.init) ?? "-")/\($0.indicator)", $0.score) })
        XCTAssertEqual(read, expected)
    }

    /// v000555 (Chromium, ruled, multi-year `name | score | score | N`, fresh tune seed): a page break
    /// parts the two-row header, and on the next page every year cell wraps, so that no line names
    /// two years: `ปีงบประมาณ | 2566` over `2565`. Read line by line there was no year header, and
    /// each row's last score went to the assessment year alone: 2565's ten were lost. Two lines of
    /// year cells, a wrap step apart, with their years in columns of their own, are one header.
    func testYearCellsWrappedSoThatNoLineNamesTwoYears() throws {
        let i = try CommittedSample.interpret("v000555")
        let data = try Data(contentsOf: MeasurePlanLayoutTests.variants.appendingPathComponent("v000555.json"))
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let gold = try XCTUnwrap(root["indicator_scores"] as? [[String: Any]])
        var expected: [String: String] = [:]
        for row in gold { expected["\(try XCTUnwrap(row["year"] as? Int))/\(try XCTUnwrap(row["indicator"] as? Int))"] = try XCTUnwrap(row["score"] as? String) }
        XCTAssertEqual(Set(expected.keys.map { $0.prefix(4) }), ["2565", "2566"])
        let read = Dictionary(uniqueKeysWithValues: i.indicators.map { ("\($0.year.map(String.init) ?? "-")/\($0.indicator)", $0.score) })
        XCTAssertEqual(read, expected)
    }

    /// Three lines of year cells one wrap step apart, each year in a column of its own
    /// (`ปีงบประมาณ | 2566`, then `2565`, then `2567`): the first two lines are one header
    /// (`WrappedYearHeader.pairedLines`), and the second, the header's wrapped part, is not paired
    /// again with the third into a second header naming a subset of the years.
    func testWrappedYearLinesDoNotChain() throws {
        let reader = try FieldsTestLayout.reader("a\nb\nc")
        func cell(_ text: String, _ x: Double, _ y: Double) -> CellRow.Cell {
            CellRow.Cell(text: text, box: Box(x0: x, y0: y, x1: x + 40, y1: y + 14), raw: text)
        }
        func row(_ cells: [CellRow.Cell], _ line: Int) -> CellRow {
            CellRow(cells: cells, page: 1, box: Box(x0: 60, y0: cells[0].box.y0, x1: 440, y1: cells[0].box.y1),
                    lineIndex: line, lastLineIndex: line)
        }
        let rows = [row([cell("ปีงบประมาณ", 60, 100), cell("2566", 200, 100)], 0),
                    row([cell("2565", 300, 120)], 1),
                    row([cell("2567", 400, 140)], 2)]
        let paired = WrappedYearHeader.pairedLines([.other, .other, .other], rows, reader)
        guard case .yearHeader(let years) = paired[0] else { return XCTFail("the first two lines are no header") }
        XCTAssertEqual(years.map(\.0), [2566, 2565])
        if case .yearHeader(let more) = paired[1] { XCTFail("the header's wrapped line made a header too: \(more.map(\.0))") }
        guard case .other = paired[2] else { return XCTFail("the third line was paired") }
    }
}
