import XCTest
import ITAModel
@testable import ReportInterpret

/// Question codes that Tesseract garbled, confirmed by the question's catalogue text. Every line is
/// as OCR gave it on Corpus/scanned/s002-obt-scan (150 dpi grey JPEG), pages 3 and 10.
final class CatalogueCodesTests: XCTestCase {
    private func codes() throws -> CatalogueCodes { try ITAMappings(directory: FieldsTestLayout.mappings).catalogueCodes }

    func testGarbledCodesAreConfirmedByTheirText() throws {
        let c = try codes()
        let cases: [(String, String)] = [
            ("12 เจ้าหน้าที่ของหน่วยงานท่าน ปฏิบัติหรือให้บริการแก่บุคคลภายนอกอย่างเท่าเทียม", "i2"),
            ("i[1 เจ้าหน้าที่ของหน่วยงานท่าน ปฏิบัติหรือให้บริการแก่บุคคลภายนอก เป็นไปตามขั้น", "i1"),
            ("[8 ท่านเคยเข้าไปมีส่วนร่วมในกระบวนการงบประมาณ มากน้อยเพียงใด", "i8"),
            ("19 หน่วยงานของท่าน ใช้จ่ายงบประมาณเป็นไปตามวัตถุประสงค์และคุ่มค่า มากน้อย", "i9"),
            ("110 หน่วยงานของท่าน ใช้จ่ายงบประมาณเพื่อประโยชน์ส่วนตัว กลุ่ม หรือพวกพ้อง", "i10"),
            ("(12 หน่วยงานของท่าน มีการจัดซื้อจัดจ้าง ที่เอือประโยชน์ให้ผู้ประกอบการรายใด", "i12"),
        ]
        for (line, code) in cases {
            let fixed = c.confirmed(line, InterpretSettings())
            XCTAssertEqual(fixed.map { String($0.prefix { $0 != " " }) }, code, line)
            // The question text after the code is kept as OCR gave it.
            XCTAssertEqual(fixed.map { String($0.drop { $0 != " " }.dropFirst()) }, String(line.drop { $0 != " " }.dropFirst()), line)
        }
    }

    /// A look-alike or a number alone confirms nothing: the text must be the question's, and must
    /// pick one question clearly.
    func testNothingIsConfirmedWithoutTheQuestionsText() throws {
        let c = try codes()
        for line in [
            "12 เดือน ตั้งแต่ ตุลาคม 2566 ถึง กันยายน 2567",         // a count, not a question's text
            "1. จัดทําคู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่",       // a plan step
            "id เจ้าหน้าที่ของหน่วยงานท่าน",                              // too short to tell i1-i6 apart
            // No number printed: frameworks number the same text differently (2568's catalogue
            // has no texts), so the text alone confirms nothing.
            "el หน่วยงานปฏิบัติหรือให้บริการแก่ท่าน เป็นไปตามขันตอนและระยะเวลา มา",
            // A digit that is no letter look-alike ('6 ๕' for e๕ on a no-ToUnicode tune variant).
            "6 ๕ หน่วยงานมีช่องทางเผยแพร่ข้อมูลข่าวสารที่สามารถเข้าถึงได้ง่าย มากน้อยเพียงใด",
            "i2 เจ้าหน้าที่ของหน่วยงานท่าน ปฏิบัติหรือให้บริการแก่บุคคลภายนอกอย่างเท่าเทียม", // a code already
            "15 เจ้าหน้าที่ของหน่วยงานท่าน มีการเรียกรับเงิน ทรัพย์สิน ของขวัญ ของกำนัล", // i4's text, no 4 in the token
        ] {
            XCTAssertNil(c.confirmed(line, InterpretSettings()), line)
        }
    }

    /// A code printed at the vertical centre of its row stands beside a middle line of its
    /// question's text: the line matches a run inside the catalogue text, not its start. Lines as
    /// Tesseract read them on tune scan v000004-scan200 (seed 4 of the layout generator, 200 dpi,
    /// codes `i๑๐`-`i๑๕` in a column of their own, page 3 of `ita-extract inspect`).
    func testACodeBesideAMiddleLineOfItsTextIsConfirmed() throws {
        let c = try codes()
        let cases: [(String, String)] = [
            ("1๑๒ จ้าง ที่เอื้อประโยชน์ให้ผู้ประกอบการ", "i12"),
            ("1๐๑๐ เพื่อประโยชน์ส่วนตัว กลุ่ม หรือพวก", "i10"),
            ("1อ๑๓ หน้าที่จากผู้บังคับบัญชาของท่าน", "i13"),
        ]
        for (line, code) in cases {
            let fixed = c.confirmed(line, InterpretSettings())
            XCTAssertEqual(fixed.map { String($0.prefix { $0 != " " }) }, code, line)
            XCTAssertEqual(fixed.map { String($0.drop { $0 != " " }.dropFirst()) }, String(line.drop { $0 != " " }.dropFirst()), line)
        }
        // The start of i14's text under a token read as 15: no run of i15's text (nor i5's) is it.
        XCTAssertNil(c.confirmed("1๑๕ ท่านได้รับการประเมินผลการปฏิบัติงาน", InterpretSettings()))
        // A line that two questions' texts both hold (i1's and i2's) tells neither.
        XCTAssertNil(c.confirmed("[๒ หรือให้บริการแก่บุคคลภายนอก", InterpretSettings()))
    }

    /// A question whose whole text is the end of another's (Mappings/ita/questions-2566.tsv and
    /// -2567: o43 is `การดำเนินการตาม` + o42's text, o24 the same + o23's): a line that is the
    /// shorter text with one stray character, under the longer one's code, is a run of the longer
    /// text, but the shorter question, whose whole text is in the line, competes and wins or ties:
    /// no code. Under its own code the line is confirmed by the start of its text. Without the
    /// shorter text competing (the run comparison skipped a text shorter than the line) each of
    /// these lines was rewritten to the longer question's code (checked).
    func testAShorterTextInsideTheLineCompetes() throws {
        let c = try codes()
        let o42 = "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
        let o23 = "นโยบายหรือแผนการบริหารทรัพยากรบุคคล"
        // Tokens no code reading takes (`D` for the o of `๐`, a look-alike in the data), so that
        // only the catalogue texts can confirm them.
        for (short, long, text) in [("o42", "D๔๓", o42), ("o23", "D๒๔", o23)] {
            // A stray character after the text (a cell border), before it, or inside it.
            for line in ["\(long) \(text) |", "\(long) ะ\(text)", "\(long) \(text.prefix(10))ร\(text.dropFirst(10))"] {
                XCTAssertNil(c.confirmed(line, InterpretSettings()), line)
            }
            let own = short == "o42" ? "D๔๒" : "D๒๓"
            XCTAssertEqual(c.confirmed("\(own) \(text) |", InterpretSettings()).map { String($0.prefix { $0 != " " }) }, short)
        }
    }

    /// The run comparison runs only on a line with a score beside its text (a question row): the
    /// line of i12 on tune scan v000004-scan200 (page 3 of `ita-extract inspect`, the score misread
    /// as `๓๐๕.๕`) is confirmed with its score segment and left as it is without one (prose, a
    /// plan cell). The start of a catalogue text still confirms a code on any line.
    func testTheRunComparisonNeedsAScoreBesideTheText() throws {
        let c = try codes()
        func line(_ texts: [String]) -> ReadLine {
            let segs = texts.enumerated().map { i, t in
                ReadSegment(text: t, raw: t, box: Box(x0: 60 + 150 * Double(i), y0: 600, x1: 200 + 150 * Double(i), y1: 615), page: 3)
            }
            return ReadLine(page: 3, box: Box.union(segs.map(\.box))!, segments: segs, furniture: [])
        }
        let middle = ["1๑๒", "จ้าง ที่เอื้อประโยชน์ให้ผู้ประกอบการ"]
        XCTAssertEqual(c.fix(line(middle + ["๓๐๕.๕"]), InterpretSettings()).segments[0].text, "i12")
        XCTAssertEqual(c.fix(line(["1๑๒ จ้าง ที่เอื้อประโยชน์ให้ผู้ประกอบการ ๘๘.๒๗"]), InterpretSettings()).segments[0].text.prefix(4), "i12 ")
        XCTAssertEqual(c.fix(line(middle), InterpretSettings()).segments[0].text, "1๑๒")
        XCTAssertEqual(c.fix(line(middle + ["ราย"]), InterpretSettings()).segments[0].text, "1๑๒")
        // The start of i12's text confirms its code without a score.
        let start = ["1๑๒", "หน่วยงานของท่าน มีการจัดซื้อจัดจ้าง ที่เอือประโยชน์ให้ผู้ประกอบการรายใด"]
        XCTAssertEqual(c.fix(line(start), InterpretSettings()).segments[0].text, "i12")
    }
}
