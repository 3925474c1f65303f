import ITAModel
@testable import PageLayout
import PDFExtract
import XCTest

/// A plan table on an OCR'd page parts into its columns where its words start down the table.
/// The words and boxes are what Tesseract gave for tune scan v001460-scan200 (page 7, a five-column
/// plan: issue | period | measure | steps | owner): its ink-tight boxes leave the measure and steps
/// cells, and the steps and owner cells, 9 to 11 points apart, under a column gap (an em), so the
/// gap splitter alone left "ปฏิบัติงาน รวมถึงรับฟังความ ทรัพยากรบุคคล 2. กําหนดหลักเกณฑ์ หน้าที่" one
/// segment and the plan reader read no measure and no owner in the row.
final class OCRColumnStartsTests: XCTestCase {
    /// (y0, y1, words as (x0, x1, text)) per line, top to bottom.
    private let lines: [(Double, Double, [(Double, Double, String)])] = [
        (35.6, 53.6, [(400.0, 426.3, "หน้า"), (435.3, 442.1, "7")]),
        (65.8, 88.6, [(63.6, 298.7, "แผนการยกระดับผลการประเมิน"), (308.8, 332.9, "ITA"), (341.5, 484.8, "ประจําปีงบประมาณ"), (497.4, 529.4, "พ.ศ."), (538.8, 573.7, "2569")]),
        (107.9, 131.0, [(66.3, 180.4, "ประเด็นที่ต้องพัฒนา"), (189.8, 244.9, "ระยะเลวา"), (283.7, 413.0, "แนวทางการดําเนินงาน"), (688.4, 757.5, "ผู้ดําเนินการ")]),
        (143.7, 169.1, [(189.6, 258.4, "ดําเนินการ"), (283.6, 335.4, "มาตรการ"), (457.5, 583.8, "ขั้นตอนการดําเนินงาน")]),
        (186.3, 205.7, [(66.7, 79.6, "๑."), (85.4, 149.5, "กระบวนการ"), (189.8, 211.4, "A.A."), (218.6, 221.8, "-"), (228.7, 249.9, "ก.ย."), (283.4, 441.1, "ประชาสัมพันธ์หลักเกณฑ์การ"), (453.0, 467.4, "๑."), (474.9, 656.7, "จัดทํานโยบายหรือแผนการบริหาร"), (689.5, 750.3, "กองการเจ้า")]),
        (215.4, 240.3, [(66.9, 104.7, "ควบคุม"), (113.3, 164.5, "ตรวจสอบ"), (283.6, 339.8, "ปฏิบัติงาน"), (345.5, 444.9, "รวมถึงรับฟังความ"), (453.5, 541.4, "ทรัพยากรบุคคล"), (550.7, 559.0, "2."), (566.6, 671.0, "กําหนดหลักเกณฑ์"), (681.1, 720.7, "หน้าที่")]),
        (248.9, 272.8, [(66.4, 182.3, "การใช้อํานาจและการ"), (283.8, 413.8, "คิดเห็นของผู้ที่เกี่ยวข้อง"), (418.9, 448.7, "เพื่อ"), (457.7, 668.0, "การประเมินผลการปฏิบัติงานรายบุคคล")]),
        (280.6, 305.3, [(66.3, 157.0, "บริหารงานบุคคล"), (283.7, 433.5, "ปรับปรุงประสิทธิภาพในการ"), (449.3, 459.4, "3"), (462.3, 463.3, "."), (469.5, 681.5, "แจ้งเวียนให้เจ้าหน้าที่ทราบรายละเอียด")]),
        (316.7, 336.1, [(283.6, 319.2, "ทํางาน"), (457.4, 666.6, "ของตําแหน่งงานและเกณฑ์การประเมิน")]),
        (354.8, 374.9, [(66.3, 74.6, "2."), (83.2, 172.9, "ช่องทางและรูป"), (189.8, 220.4, "ตลอด"), (283.4, 416.2, "พัฒนาช่องทางการติดต่อ"), (457.0, 468.0, "๑."), (474.0, 673.0, "กําหนดผู้รับผิดชอบดูแลช่องทางการ"), (682.6, 709.0, "งาน")]),
        (383.8, 407.6, [(66.9, 111.2, "แบบการ"), (188.6, 262.7, "ปีงบประมาณ"), (273.5, 320.7, "สื่อสาร"), (328.6, 435.5, "การตอบข้อซักถาม"), (446.3, 494.2, "สื่อสาร"), (501.0, 515.4, "๒."), (521.9, 680.0, "ตรวจสอบและปรับปรุงข้อมูล"), (689.3, 767.4, "ประชาสัมพันธ์")]),
        (418.5, 439.3, [(66.4, 162.5, "ประชาสัมพันธ์เผย"), (283.8, 409.1, "และการให้คําอธิบายแก่"), (457.3, 634.1, "บนเว็บไซต์ให้เป็นปัจจุบันอยู่เสมอ")]),
        (451.4, 471.5, [(67.0, 164.9, "แพร่ข้อมูลข่าวสาร"), (283.7, 443.9, "ประชาชนให้สามารถติดต่อกับ")]),
        (482.9, 503.9, [(66.4, 102.8, "ภาครัฐ"), (283.5, 415.7, "หน่วยงานได้อย่างสะดวก")]),
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
                                        spaceAfter: i == scalars.count - 1, font: font, fontSize: (y1 - y0) * 0.75))
                }
            }
        }
        return PageText(number: 7, width: 841.89, height: 595.3, glyphs: glyphs, imageCoverage: 0)
    }

    private func segments(_ result: PageLayoutResult, lineWith text: String) throws -> [String] {
        try XCTUnwrap(result.lines.first { $0.text.contains(text) }, text).segments.map(\.text)
    }

    func testAnOCRdPlansCellsPartAtTheirColumnsStarts() throws {
        let result = LayoutAnalyser.analysePage(page(font: Glyph.recognisedFont))
        XCTAssertTrue(result.recognised)
        XCTAssertEqual(try segments(result, lineWith: "ประชาสัมพันธ์หลักเกณฑ์การ"),
                       ["๑. กระบวนการ", "A.A. - ก.ย.", "ประชาสัมพันธ์หลักเกณฑ์การ", "๑. จัดทํานโยบายหรือแผนการบริหาร", "กองการเจ้า"])
        XCTAssertEqual(try segments(result, lineWith: "รวมถึงรับฟังความ"),
                       ["ควบคุม ตรวจสอบ", "ปฏิบัติงาน รวมถึงรับฟังความ", "ทรัพยากรบุคคล 2. กําหนดหลักเกณฑ์", "หน้าที่"])
        // A numbered step is one cell: its number starts the column, the point after it is no column.
        XCTAssertEqual(try segments(result, lineWith: "ปรับปรุงประสิทธิภาพในการ"),
                       ["บริหารงานบุคคล", "ปรับปรุงประสิทธิภาพในการ", "3 . แจ้งเวียนให้เจ้าหน้าที่ทราบรายละเอียด"])
        XCTAssertEqual(try segments(result, lineWith: "ช่องทางและรูป").last, "งาน")
        // The title above the table and the page number are no table lines.
        XCTAssertEqual(try segments(result, lineWith: "แผนการยกระดับ").count, 1)
    }

    /// The same words on a text-layer page part by gaps only, as before; and with the starts turned
    /// off (more lines than the table has) the OCR'd page parts as the gap splitter alone parts it.
    func testTextLayerPagesAndTheSplitTurnedOffPartByGapsOnly() throws {
        let text = LayoutAnalyser.analysePage(page(font: "Umpush"))
        XCTAssertFalse(text.recognised)
        let joined = ["ควบคุม ตรวจสอบ", "ปฏิบัติงาน รวมถึงรับฟังความ ทรัพยากรบุคคล 2. กําหนดหลักเกณฑ์ หน้าที่"]
        XCTAssertEqual(try segments(text, lineWith: "รวมถึงรับฟังความ"), joined)
        var settings = LayoutSettings()
        settings.ocrColumnStartMinLines = 100
        let off = LayoutAnalyser.analysePage(page(font: Glyph.recognisedFont), settings: settings)
        XCTAssertEqual(try segments(off, lineWith: "รวมถึงรับฟังความ"), joined)
    }
}
