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
    private let plan: [(Double, Double, [(Double, Double, String)])] = [
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

    /// Tune scan v100350-scan150 p. 3 as Tesseract read it: an indicator table whose scores came out as
    /// specks and letters ("73ร7 | 2 a | เธ", "oT ae", "ร ๆ 87.50"), four or more pieces a line, above a
    /// five-column plan (issue | finding | measure | steps | owner).
    private let specks: [(Double, Double, [(Double, Double, String)])] = [
        (93.6, 118.1, [(57.6, 526.0, "ผลการประเมินคุณธรรมและความโปร่งใสในการดําเนินงานของหน่วยงาน")]),
        (120.4, 147.4, [(57.1, 100.7, "ภาครัฐ"), (109.4, 304.1, "เทศบาลเมืองบ้านพรุได้คะแนน"), (312.0, 348.4, "89.05"), (356.0, 475.5, "คะแนนอยู่ในระดับ"), (483.7, 510.0, "ผ่าน")]),
        (154.4, 201.8, [(60.4, 200.8, "คะแนนภาพรวมของหน่วยงาน"), (328.1, 494.7, "--๓89ต.05")]),
        (182.1, 196.9, [(60.2, 154.6, "ระดับผลการประเมิน"), (451.6, 472.5, "ผ่าน")]),
        (238.5, 259.7, [(57.6, 221.8, "ผลการประเมินรายตัวชี้วัด")]),
        (280.4, 303.4, [(58.8, 107.1, "ชื่อตัวชี้วัด"), (303.6, 346.4, "ตัวชี้วัดที่"), (384.9, 423.4, "poe")]),
        (299.6, 314.7, [(388.0, 423.3, "ปี2567")]),
        (316.7, 340.5, [(56.3, 135.8, "การปฏิบัติหน้าที่"), (194.4, 247.4, "ง200"), (254.3, 308.7, "001"), (353.5, 415.2, "ศศชน"), (467.3, 494.7, "ร"), (509.8, 537.5, "ซะ")]),
        (340.5, 362.5, [(60.5, 155.9, "การใช้งบประมมาณ"), (178.9, 220.6, "73ร7"), (283.7, 314.3, "2"), (325.7, 356.7, "a"), (384.8, 415.4, "เธ"), (464.7, 494.9, "tt”")]),
        (364.6, 385.4, [(60.4, 136.0, "การใช้อํานาจ"), (141.6, 175.8, "7"), (237.4, 268.3, "oT"), (281.0, 312.7, "ae"), (375.7, 449.2, "(9360"), (513.9, 537.6, "๒")]),
        (387.8, 412.1, [(60.3, 208.8, "การใช้ทรัพยสินของราชการด"), (233.7, 268.2, "331"), (300.8, 310.1, "4"), (329.8, 360.4, "is"), (373.1, 415.2, "96.30"), (468.0, 537.5, "io!")]),
        (411.0, 434.2, [(60.5, 179.7, "การแก้ไขปัญหาการทุจริต"), (284.1, 312.9, "5"), (325.1, 357.0, "มก"), (384.8, 419.4, "เณว")]),
        (434.5, 456.7, [(60.4, 167.7, "คุณภาพการดําเนินงาน"), (236.8, 270.3, "เฟีโร"), (280.7, 313.1, "ig"), (371.4, 378.3, "."), (386.2, 415.3, "89.97"), (419.9, 449.4, "ร"), (514.6, 537.7, "ล.")]),
        (452.8, 480.6, [(60.3, 190.9, "ประสิทธิภาพการสื่สารดร"), (238.4, 265.4, "7"), (300.7, 310.1, "E"), (376.7, 415.2, "ห"), (468.8, 537.5, "ไรรรต")]),
        (481.7, 503.7, [(60.5, 167.4, "การปรับปรุงการทํางาน"), (187.6, 221.1, "ศัฐ์ๆ"), (284.8, 315.7, "ไธ"), (327.6, 359.7, "โตก"), (384.9, 415.5, "(94.13"), (422.9, 453.5, "ae.")]),
        (505.1, 527.3, [(60.4, 140.3, "การเปิดเผยข้อมูล"), (236.1, 250.8, "โล"), (257.3, 269.9, "al"), (285.0, 312.0, "lo"), (373.6, 379.0, "."), (386.9, 415.3, "79.50"), (421.8, 434.1, "๒1"), (481.1, 484.7, "ห"), (510.4, 520.1, "ต")]),
        (528.3, 551.0, [(60.3, 156.4, "การป้องกันการทุจริต"), (189.5, 200.3, "5"), (214.6, 266.1, "Pee"), (300.7, 316.2, "10"), (326.3, 343.6, "ร"), (353.9, 361.9, "ๆ"), (377.4, 415.2, "87.50"), (465.9, 537.2, "ศา")]),
        (592.4, 616.9, [(57.7, 337.8, "มาตรการส่งเสริมคุณธรรมและความโปร่งใส"), (345.0, 466.7, "ประจําปีงบประมาณ"), (476.8, 537.2, "พ.ศ.2568")]),
        (633.5, 652.9, [(60.3, 96.6, "ประเด็น"), (134.1, 176.2, "ข้อค้นพบ"), (207.2, 292.8, "มาตรการกิจกรรม"), (314.8, 394.3, "ขั้นตอนวิธีปฏิบัติ"), (421.3, 466.7, "rapes"), (480.0, 533.0, "ผู้รับผิดชอบ")]),
        (646.7, 661.8, [(421.1, 471.5, "ดําเนินงาน")]),
        (668.1, 685.9, [(60.6, 68.2, "1."), (77.5, 121.4, "กลไกและ"), (134.0, 197.1, "ประชาชนบาง"), (202.8, 278.4, "จัดทํามาตรการ"), (315.1, 322.7, "1."), (327.7, 388.6, "วิเคราะห์และ"), (421.3, 440.5, "ต.ค."), (445.1, 448.3, "-"), (453.0, 470.3, "ก.ย."), (475.7, 526.8, "สํานักปลัด")]),
        (685.6, 703.1, [(60.4, 117.6, "มาตรการใน"), (126.7, 177.8, "ส่วนยังไม่"), (207.3, 298.0, "ป้องกันและมีระบบ"), (308.8, 400.3, "ประเมินความเสี่ยง"), (480.2, 516.2, "(งานนิติ")]),
        (704.0, 721.6, [(60.6, 124.0, "การแก้ไขและ"), (134.0, 179.8, "ทราบช่อง"), (207.5, 305.1, "การติดตามตรวจสอบ"), (310.8, 358.7, "การทุจริต"), (363.4, 389.3, "พร้อม"), (480.4, 501.6, "การ)")]),
        (720.0, 739.9, [(60.0, 119.1, "ป้องกันการ"), (133.9, 198.3, "ทางการติดต่อ"), (207.7, 305.9, "พฤติกรรมการทุจริต"), (312.4, 393.8, "กําหนดมาตรการ")]),
        (736.7, 757.6, [(59.9, 123.6, "ทุจริตภายใน"), (131.2, 195.2, "และการร้อง"), (201.7, 303.2, "อย่างชัดเจนและเปิด"), (308.6, 344.3, "ป้องกัน"), (351.1, 359.4, "2."), (364.8, 395.4, "แต่งตั้ง")]),
        (755.1, 772.8, [(60.1, 105.8, "หน่วยงาน"), (134.6, 176.4, "เรียนของ"), (207.3, 222.4, "เผย"), (227.5, 304.5, "รวมทั้งนําผลการ"), (315.0, 396.0, "คณะกรรมการขับ")]),
        (770.2, 780.6, [(105.5, 131.1, "-2")]),
        (794.2, 806.4, [(290.5, 304.9, "(3)")]),
        (806.1, 823.8, [(42.6, 91.5, "พิมพ์เมื่อ5"), (96.2, 120.7, "เ.มย."), (122.9, 146.6, "2568")]),
    ]

    /// The page's glyphs as OCRGlyphs spreads a word's box over its scalars; `font` the OCR font or a text layer's.
    private func page(font: String, _ lines: [(Double, Double, [(Double, Double, String)])]? = nil) -> PageText {
        var glyphs: [Glyph] = []
        for (y0, y1, words) in lines ?? plan {
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

    /// A score table read as specks is no plan: its lines stay as the gap splitter parts them, while
    /// the plan below it on the page parts at its columns' starts. Counting every piece as a cell
    /// (`ocrColumnStartMinCellLetters` 0) split the specks further.
    func testSpecksOfAScoreTableAreNoColumns() throws {
        let gaps = LayoutAnalyser.analysePage(page(font: "Umpush", specks))
        let result = LayoutAnalyser.analysePage(page(font: Glyph.recognisedFont, specks))
        for word in ["การใช้งบประมมาณ", "การใช้อํานาจ", "การป้องกันการทุจริต", "การเปิดเผยข้อมูล"] {
            XCTAssertEqual(try segments(result, lineWith: word), try segments(gaps, lineWith: word), word)
        }
        XCTAssertEqual(try segments(gaps, lineWith: "มาตรการใน").count, 3)
        XCTAssertEqual(try segments(result, lineWith: "มาตรการใน").count, 5)
        var settings = LayoutSettings()
        settings.ocrColumnStartMinCellLetters = 0
        let loose = LayoutAnalyser.analysePage(page(font: Glyph.recognisedFont, specks), settings: settings)
        XCTAssertNotEqual(try segments(loose, lineWith: "การใช้อํานาจ"), try segments(gaps, lineWith: "การใช้อํานาจ"))
    }
}
