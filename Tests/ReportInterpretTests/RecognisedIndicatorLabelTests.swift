import Foundation
import ITAModel
import XCTest
@testable import ReportInterpret

/// OCR'd indicator rows whose number cell Tesseract misread: the name cell says which indicator the
/// row is. Cells as the layout gave them (`ita-extract inspect --page 13`) for tune seed 21
/// (generator, no-ToUnicode fonts: every page OCR'd from a clean render), whose table is
/// "N | score | name" with Thai and ASCII digits mixed; gold: 4 = 82.97, 7 = 82.05, 8 = 72.97, 9 = 61.50.
final class RecognisedIndicatorLabelTests: XCTestCase {
    private static func row(_ texts: [String], recognised: Bool) -> CellRow {
        let cells = texts.enumerated().map { k, t in
            CellRow.Cell(text: t, box: Box(x0: 60 + 130 * Double(k), y0: 585, x1: 180 + 130 * Double(k), y1: 601), raw: t)
        }
        return CellRow(cells: cells, page: 13, box: Box.union(cells.map(\.box))!, lineIndex: 0, lastLineIndex: 0, recognised: recognised)
    }

    /// Each row (its cells, the indicator it is, its score) is read on an OCR'd page as that
    /// indicator with that one score, and not read on a text-layer page (`textLayer` says why not).
    private func assertReads(_ rows: [([String], Int, String)], _ v: ITAVocabulary, textLayer: String,
                             file: StaticString = #filePath, line: UInt = #line) {
        for (cells, number, score) in rows {
            guard case .indicator(let n, _, let scores, _) = IndicatorRows.parse(Self.row(cells, recognised: true), v, InterpretSettings()) else {
                XCTFail("\(cells): not read on an OCR'd page", file: file, line: line); continue
            }
            XCTAssertEqual(n, number, "\(cells)", file: file, line: line)
            XCTAssertEqual(scores.map(\.0), [score], "\(cells)", file: file, line: line)
            if case .indicator = IndicatorRows.parse(Self.row(cells, recognised: false), v, InterpretSettings()) {
                XCTFail("\(cells): read on a text-layer page \(textLayer)", file: file, line: line)
            }
        }
    }

    func testMisreadNumberCellLeavesTheRowToItsName() throws {
        let v = try ITAVocabulary(mappings: MeasurePlanLayoutTests.mappings)
        // (cells as OCR read them, the indicator the name is, the score as read)
        let rows: [([String], Int, String)] = [
            (["๕", "๕๒.๕๑", "การใช้ทรัพย์สินของราชการ"], 4, "52.51"),  // ๔ read as ๕
            (["ol", "๕๒.๐๕", "ประสิทธิภาพการสื่อสาร"], 7, "52.05"),    // ๗ read as "ol"
            (["๕", "72.97", "การปรับปรุงการทํางาน"], 8, "72.97"),       // ๘ read as ๕
            (["๓", "61.50", "การเปิดเผยข้อมูล"], 9, "61.50"),           // ๙ read as ๓
        ]
        // A text layer's number is the document's own: a disagreement leaves the row unread.
        assertReads(rows, v, textLayer: "although number and name disagree")
        // The number run into the name cell (tune seed 20's "N. name | score" layout).
        guard case .indicator(let four, _, _, _) = IndicatorRows.parse(Self.row(["๕. การใช้ทรัพย์สินของราชการ", "๘๒.๙๗"], recognised: true), v, InterpretSettings()) else {
            return XCTFail("'๕. name' not read")
        }
        XCTAssertEqual(four, 4)
        // Rows whose number agrees read as before.
        guard case .indicator(let three, _, _, _) = IndicatorRows.parse(Self.row(["๓", "87.82", "การใช้อํานาจ"], recognised: true), v, InterpretSettings()) else {
            return XCTFail("indicator 3 not read")
        }
        XCTAssertEqual(three, 3)
    }

    /// Tune scan v000008-scan200-copy's page 2 (`ita-extract inspect`): OCR read specks of the
    /// photocopy beside the scores ("96.68 .", "89.37 : .", "83.00 . ."). On an OCR'd page a word of
    /// specks alone in a score cell is passed over (`ocrScoreSpecks`); gold 3 = 96.68, 7 = 89.37,
    /// 9 = 83.00. A text layer's cell is read as printed: there the marks are text, and the cell no score.
    func testSpecksBesideAnOCRdScoreArePassedOver() throws {
        let v = try ITAVocabulary(mappings: MeasurePlanLayoutTests.mappings)
        let rows: [([String], Int, String)] = [
            (["", "96.68 .", "การใช้อํานาจ"], 3, "96.68"),  // a blank number cell
            ([".", "89.37 : .", "ประสิทธิภาพการสื่อสาร"], 7, "89.37"),
            (["", "83.00 . .", "การเปิดเผยข้อมูล"], 9, "83.00"),
        ]
        assertReads(rows, v, textLayer: "(its marks are text there)")
        // A cell of specks only holds no score.
        XCTAssertNil(IndicatorRows.scoreCells(Self.row([". :"], recognised: true).cells[0], v, recognised: true))
        // A speck between two numbers may be the point OCR split off (`100 . 00`): no score cell,
        // so neither `100` nor `00` can be filed under a year (review finding 3); specks at the
        // ends only are passed over.
        XCTAssertNil(IndicatorRows.scoreCells(Self.row(["100 . 00"], recognised: true).cells[0], v, recognised: true))
        XCTAssertEqual(IndicatorRows.scoreCells(Self.row([". 96.68 :"], recognised: true).cells[0], v, recognised: true)?.map(\.0), ["96.68"])
    }

    /// What the name rule must not take: a question row (its code is longer than a misread digit,
    /// and its text far longer than a name), a name that two indicators share words with, two wordy
    /// cells.
    func testOnlyAClearNameBesideAShortNumberCell() throws {
        let v = try ITAVocabulary(mappings: MeasurePlanLayoutTests.mappings)
        let notRows: [[String]] = [
            ["๐๕๒", "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", "100.00"],  // page 13's question row
            ["ol", "การใช้", "82.05"],                                            // budget, authority or property?
            ["ol", "การเปิดเผยข้อมูลข่าวสารของราชการทางเว็บไซต์ของหน่วยงานอย่างครบถ้วน", "82.05"],
            ["ol", "คุณภาพการดําเนินงาน", "ประสิทธิภาพการสื่อสาร", "82.05"],
            ["การเปิดเผยข้อมูล", "61.50"],                                        // no number cell: a legend, a summary
            ["i3", "การเปิดเผยข้อมูล", "61.50"],                                  // a question code, as short as a digit
            ["o๙ การเปิดเผยข้อมูล", "61.50"],                                     // ... run into the name cell
            ["ol", "การปฏิบัติ", "82.05"],                                        // a fragment of "การปฏิบัติหน้าที่"
            ["EIT", "๓", "61.50", "การเปิดเผยข้อมูล"],                            // the stated tool is not indicator 9's (OIT)
        ]
        for cells in notRows {
            if case .indicator(let n, _, _, _) = IndicatorRows.parse(Self.row(cells, recognised: true), v, InterpretSettings()) {
                XCTFail("\(cells): read as indicator \(n)")
            }
        }
    }

    /// Tune seed 131 (generator, no-ToUnicode fonts, every page OCR'd; `ita-extract inspect --page 1`):
    /// a ruled "tool | number | name | score" table whose number column Tesseract read as blank on
    /// the whole page, and whose tool cells end in "(IT)" for "(IIT)". Gold: 4 = 86.61, 6 = 94.16,
    /// 7 = 94.66. The blank cell stands for the number; without it (a legend, a summary printed
    /// "name | score") the row is still not taken, nor on a text layer.
    func testABlankNumberCellLeavesTheRowToItsName() throws {
        let v = try ITAVocabulary(mappings: MeasurePlanLayoutTests.mappings)
        let tool = "แบบวัดการรับรู้ผู้มี ส่วนได้ส่วนเสีย ภายใน (IT)"
        let rows: [([String], Int, String)] = [
            ([tool, "", "การใช้ทรัพย์สินของราชการ", "86.61"], 4, "86.61"),
            (["แบบวัดการรับรู้ผู้มี ส่วนได้ส่วนเสีย ภยนาอก (EIT)", "", "คุณภาพการดําเนินงาน", "94.16"], 6, "94.16"),
            (["แบบวัดการรับรู้ผู้มี ส่วนได้ส่วนเสีย", "", "ประสิทธิภาพการสื่อสาร", "94.66"], 7, "94.66"),
        ]
        assertReads(rows, v, textLayer: "without its number")
        for (cells, _, _) in rows {
            let noBlank = cells.filter { !$0.isEmpty }
            if case .indicator(let m, _, _, _) = IndicatorRows.parse(Self.row(noBlank, recognised: true), v, InterpretSettings()) {
                XCTFail("\(noBlank): read as indicator \(m) with no number cell at all")
            }
        }
        // A blank cell right of the name (a remarks column, another year's) stands for no number:
        // a target table's row is not an indicator's score.
        for cells in [["การใช้ทรัพย์สินของราชการ", "85.00", ""], ["การใช้ทรัพย์สินของราชการ", "", "85.00"]] {
            if case .indicator(let m, _, _, _) = IndicatorRows.parse(Self.row(cells, recognised: true), v, InterpretSettings()) {
                XCTFail("\(cells): read as indicator \(m) from a blank cell right of the name")
            }
        }
        // A blank cell beside a name two indicators share words with is still no row.
        if case .indicator(let m, _, _, _) = IndicatorRows.parse(Self.row([tool, "", "การใช้", "86.61"], recognised: true), v, InterpretSettings()) {
            XCTFail("'การใช้' read as indicator \(m)")
        }
    }

    /// A row with no digit in any cell (most lines of prose) is passed over early on a text layer,
    /// where it can only be a rating row, but not on an OCR'd page: there a wrapped label cell's
    /// name alone (its number and score on the lines around it) is still read by its name, as the
    /// wrapped-label path needs (tune seed 131's tool | blank | name rows, scores left out).
    func testADigitFreeRowIsARatingRowOrReadByNameOnOCRdPagesOnly() throws {
        let v = try ITAVocabulary(mappings: MeasurePlanLayoutTests.mappings)
        guard case .rating(let ratings) = IndicatorRows.parse(Self.row(["ระดับการประเมิน", "ผ่าน", "ผ่านดี"], recognised: false), v, InterpretSettings()) else {
            return XCTFail("a rating row without digits not read")
        }
        XCTAssertEqual(ratings.map { $0.0 }, [.pass, .good])
        let prose = ["การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ"]
        guard case .other = IndicatorRows.parse(Self.row(prose, recognised: false), v, InterpretSettings()) else {
            return XCTFail("a line of prose read as something")
        }
        let named = ["แบบวัดการรับรู้ผู้มี ส่วนได้ส่วนเสีย ภายใน (IT)", "", "การใช้ทรัพย์สินของราชการ"]
        let onText = IndicatorRows.parse(Self.row(named, recognised: false), v, InterpretSettings())
        let onOCR = IndicatorRows.parse(Self.row(named, recognised: true), v, InterpretSettings())
        guard case .other = onText else { return XCTFail("a name alone read as an indicator on a text layer: \(onText)") }
        guard case .label(let number, _, _) = onOCR else { return XCTFail("an OCR'd name alone not read as a label: \(onOCR)") }
        XCTAssertEqual(number, 4)
    }
}
