import ITAModel
@testable import PageLayout
import PDFExtract
import XCTest

/// A borderless table on an OCR'd page: the header row stays apart from the first data row.
/// The words and boxes are what Tesseract gave for tune seed 21's indicator table (no ToUnicode
/// map, page 13): ink-tight line boxes whose distances jitter from 29.3 to 34.4 points, so the
/// smallest one, taken for the wrap pitch, let the header and row 1 group as one row.
final class RecognisedHeaderRowTests: XCTestCase {
    /// (y0, y1, words as (x0, x1, text)) per line, top to bottom.
    private let lines: [(Double, Double, [(Double, Double, String)])] = [
        (455.76, 477.72, [(59.04, 100.8, "ตัวชี้วัด"), (115.2, 125.6, "ที่"), (148.32, 190.1, "คะแนนปี"), (210.24, 238.32, "2566"),
                          (334.44, 396.36, "ชื่อตัวชี้วัด")]),
        (488.16, 510.12, [(60.48, 67.32, "๑"), (148.32, 180.36, "83.95"), (336.24, 429.84, "การปฏิบัติหน้าที่")]),
        (522.0, 541.08, [(60.12, 66.24, "2"), (148.68, 189.0, "๕๕.๕๐"), (336.24, 440.64, "การใช้งบประมาณ")]),
        (553.68, 572.76, [(60.48, 67.68, "๓"), (148.32, 180.0, "87.82"), (336.24, 412.92, "การใช้อำนาจ")]),
        (585.36, 604.44, [(60.48, 69.12, "๕"), (148.68, 189.0, "๕๒.๕๑"), (336.24, 466.2, "การใช้ทรัพย์สินของราชการ")]),
        (616.68, 638.28, [(60.48, 67.0, "5"), (148.32, 180.0, "85.16"), (336.24, 458.0, "การแก้ไขปัญหาการทุจริต")]),
        (649.8, 669.96, [(60.12, 67.0, "6"), (148.32, 180.0, "87.11"), (336.6, 450.0, "คุณภาพการดำเนินงาน")]),
        (678.6, 699.84, [(59.04, 70.0, "ol"), (148.68, 189.0, "๕๒.๐๕"), (336.24, 452.0, "ประสิทธิภาพการสื่อสาร")]),
        (713.88, 733.32, [(60.48, 69.12, "๕"), (148.32, 180.0, "72.97"), (336.24, 446.0, "การปรับปรุงการทำงาน")]),
        (745.2, 765.36, [(60.48, 67.68, "๓"), (148.32, 180.0, "61.50"), (336.24, 430.0, "การเปิดเผยข้อมูล")]),
    ]

    /// The page's glyphs as OCRGlyphs spreads a word's box over its scalars; `font` the OCR font or a text layer's.
    private func page(font: String) -> PageText {
        var glyphs: [Glyph] = []
        for (y0, y1, words) in lines {
            for (x0, x1, text) in words {
                let scalars = Array(text.unicodeScalars)
                let step = (x1 - x0) / Double(scalars.count)
                for (i, s) in scalars.enumerated() {
                    glyphs.append(Glyph(text: String(s), box: Box(x0: x0 + Double(i) * step, y0: y0, x1: x0 + Double(i + 1) * step, y1: y1),
                                        spaceAfter: i == scalars.count - 1, font: font, fontSize: 12))
                }
            }
        }
        return PageText(number: 13, width: 595.3, height: 841.89, glyphs: glyphs, imageCoverage: 0)
    }

    private func indicatorTable(_ result: PageLayoutResult) throws -> Table {
        try XCTUnwrap(result.tables.first { t in t.rows.contains { r in r.cells.contains { $0.lines.contains("83.95") } } })
    }

    func testTheHeaderRowStaysApartOnAnOCRdPage() throws {
        let result = LayoutAnalyser.analysePage(page(font: Glyph.recognisedFont))
        XCTAssertTrue(result.recognised)
        let t = try indicatorTable(result)
        XCTAssertEqual(t.rows.count, 10, t.rows.map { $0.cells.map { $0.lines.joined(separator: "/") } }.description)
        XCTAssertFalse(t.rows[0].cells.contains { $0.lines.contains("83.95") }, "row 1 merged into the header")
        XCTAssertEqual(t.rows[1].cells.map { $0.lines.joined(separator: "/") }.filter { !$0.isEmpty }, ["๑", "83.95", "การปฏิบัติหน้าที่"])
    }

    /// The same words on a text-layer page keep the rows the text-layer rule gives (the cut is for OCR's boxes only).
    func testTextLayerPagesKeepTheirRows() throws {
        var settings = LayoutSettings()
        let text = try indicatorTable(LayoutAnalyser.analysePage(page(font: "Umpush"), settings: settings))
        XCTAssertTrue(text.rows[0].cells.contains { $0.lines.contains("83.95") })
        // With the cut turned off (a height no line reaches), the OCR'd page groups as the text page does.
        settings.recognisedScoreSplitHeight = 100
        let off = try indicatorTable(LayoutAnalyser.analysePage(page(font: Glyph.recognisedFont), settings: settings))
        XCTAssertEqual(off.rows.count, text.rows.count)
    }
}
