import Foundation
import ITAModel
import XCTest
@testable import ReportInterpret

/// A question row's printed text confirms its printed code, or not. Row texts as OCR read them on
/// the Corpus scans of tune seed 152 (`Corpus/variant-scans/v000152-scan200.pdf` and `-scan300`,
/// the `raw` of the rows in reports.jsonl), checked against the 2566 catalogue.
final class QuestionTextConfirmationTests: XCTestCase {
    func testPrintedTextConfirmsItsCodeOnly() throws {
        let ita = try ITAMappings(directory: MeasurePlanLayoutTests.mappings)
        let v = ita.vocabulary, codeRun = ita.catalogueCodes.codeRun
        let catalogue = v.catalogue(2566)
        // Read right: the code's own text (marks and letters lost by OCR, the code glued on).
        let confirmed: [(String, String)] = [
            ("i3", "13 เจ้าหนาทของหนวยงานทาน ปฏิบัติงานหรือให้บริการโดยยมุ่ง\nผลสัมฤทธิของงาน"),
            ("o2", "๐2 ข้อมูลผู้บริหาร"),
            ("o4", "04 แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน"),
            ("o14", "๐14คู่มือหรือมาตรฐานการปฏิบัติงาน"),
            ("e1", "๐1 หน่วยงานปฏิบัติหรือให้บริการแก่ท่าน เป็นไปตามขันตอนและ\nระยะเลวา มากน้อยเพียงใ"),
        ]
        for (code, text) in confirmed {
            XCTAssertTrue(QuestionTextConfirmation.confirms(code: code, text: text, catalogue: catalogue, settings: InterpretSettings(), codeRun: codeRun), "\(code): \(text)")
        }
        // EIT questions whose e OCR read as ๐ and the pipeline took for o-codes: the text is another
        // question's, so the code is not confirmed (o4 = 100.00 was read from e4's row).
        let refused: [(String, String)] = [
            ("o1", "๐1 หน่วยงานปฏิบัติหรือให้บริการแก่ท่าน เป็นไปตามขันตอนและ\nระยะเลวา มากน้อยเพียงใ"),
            ("o4", "๐4 ในช่วง 1 ปีที่ผ่านมา ท่านเคยถูกเจ้าหน้าที่เรียกรับเงิน\nทรัพย์สิน ของขวัญ ของก"),
            ("o2", "02 เจ้าหน้าที่ของหน่วยงานท่าน ปฏิบัติหรือให้บริการแก่บุคคล\nภายนอกอย่างเท่าเทียมก"),
            // A text two codes open alike (i1 and i2) cut before they part: no confirmation.
            ("i1", "11 เจ้าหน้าที่ของหน่วยงานท่าน ปฏิบัติหรือให้บริการแก่บุคคล"),
        ]
        for (code, text) in refused {
            XCTAssertFalse(QuestionTextConfirmation.confirms(code: code, text: text, catalogue: catalogue, settings: InterpretSettings(), codeRun: codeRun), "\(code): \(text)")
        }
        // A catalogue without texts (2568 prints none yet) confirms nothing.
        XCTAssertFalse(QuestionTextConfirmation.confirms(code: "o2", text: "๐2 ข้อมูลผู้บริหาร", catalogue: v.catalogue(2568), settings: InterpretSettings(), codeRun: codeRun))
    }

    /// The code's run (Mappings/ita/question-code-lookalikes.json's `codeRun`, white space always)
    /// is what comes off before the text is compared: OCR's brackets and digits for a code's
    /// letter, never a letter of the text.
    func testTheCodeRunComesFromTheData() throws {
        let codeRun = try ITAMappings(directory: MeasurePlanLayoutTests.mappings).catalogueCodes.codeRun
        XCTAssertEqual(QuestionTextConfirmation.afterCode("[8 ท่าน", codeRun: codeRun), "ท่าน")
        XCTAssertEqual(QuestionTextConfirmation.afterCode("๐14คู่มือ", codeRun: codeRun), "คู่มือ")
        XCTAssertEqual(QuestionTextConfirmation.afterCode("i[1 เจ้าหน้าที่", codeRun: codeRun), "เจ้าหน้าที่")
        // Without the data's brackets, "[" stays and the text after it is not reached.
        var noBrackets = codeRun
        noBrackets.remove("[")
        XCTAssertEqual(QuestionTextConfirmation.afterCode("[8 ท่าน", codeRun: noBrackets), "[8 ท่าน")
    }

    /// A code centred in its row: the row's text read from the code's line down starts with a
    /// middle line of the question's text, and that line alone confirms the code when it matches a
    /// run of the code's catalogue text clearly better than any other question's. The row of i12
    /// as Tesseract read it on tune scan v000004-scan200 (page 3; `raw` of the row's label cell).
    func testAMiddleLineConfirmsACentredCode() throws {
        let ita = try ITAMappings(directory: MeasurePlanLayoutTests.mappings)
        let catalogue = ita.vocabulary.catalogue(2566), codeRun = ita.catalogueCodes.codeRun
        let row = "1๑๒\nจ้าง ที่เอื้อประโยชน์ให้ผู้ประกอบการ\nรายใดรายหนึ่ง มากน้อยเพียงใด"
        XCTAssertTrue(QuestionTextConfirmation.confirms(code: "i12", text: row, catalogue: catalogue, settings: InterpretSettings(), codeRun: codeRun))
        // The same line under another code confirms nothing.
        XCTAssertFalse(QuestionTextConfirmation.confirms(code: "i2", text: row, catalogue: catalogue, settings: InterpretSettings(), codeRun: codeRun))
        XCTAssertFalse(QuestionTextConfirmation.confirms(code: "e12", text: row, catalogue: catalogue, settings: InterpretSettings(), codeRun: codeRun))
        // A middle line that two questions' texts both hold (i1's and i2's) confirms neither.
        let shared = "[๒\nหรือให้บริการแก่บุคคลภายนอก"
        XCTAssertFalse(QuestionTextConfirmation.confirms(code: "i2", text: shared, catalogue: catalogue, settings: InterpretSettings(), codeRun: codeRun))
    }

    /// A question whose whole text is the end of another's (Mappings/ita/questions-2566.tsv and
    /// -2567: o43 is `การดำเนินการตาม` + o42's text, o24 the same + o23's): the shorter text with one
    /// stray character, under the longer one's code, is a run of the longer text, but the shorter
    /// question competes too (its whole text is in the line): not confirmed, so o42's score is
    /// not filed under o43. Under its own code it is. Fails without the shorter text competing
    /// (the run comparison skipped a text shorter than the line; checked).
    func testAShorterTextInsideTheLineCompetes() throws {
        let ita = try ITAMappings(directory: MeasurePlanLayoutTests.mappings)
        let codeRun = ita.catalogueCodes.codeRun
        let o42 = "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
        let o23 = "นโยบายหรือแผนการบริหารทรัพยากรบุคคล"
        for year in [2566, 2567] {
            let catalogue = ita.vocabulary.catalogue(year)
            for (short, long, text) in [("o42", "o43", o42), ("o23", "o24", o23)] {
                let printed = "๐" + String(long.dropFirst().map { Character(Unicode.Scalar(0x0E50 + Int(String($0))!)!) })
                for row in ["\(printed) \(text) |", "\(printed) ะ\(text)", "\(printed) \(text.prefix(10))ร\(text.dropFirst(10))",
                            "\(printed)\n\(text) |\n"] {
                    XCTAssertFalse(QuestionTextConfirmation.confirms(code: long, text: row, catalogue: catalogue, settings: InterpretSettings(), codeRun: codeRun), "\(year) \(long): \(row)")
                    // Under the shorter question's own code, the row is its.
                    XCTAssertTrue(QuestionTextConfirmation.confirms(code: short, text: row, catalogue: catalogue, settings: InterpretSettings(), codeRun: codeRun), "\(year) \(short): \(row)")
                }
            }
        }
    }

    /// Rows of committed Corpus scans whose first line OCR strewed with stray letters before and
    /// inside the text (`ซ่i7 ท่: านทราบ...`): the start of no catalogue text fits them, and the
    /// run comparison of the first line confirms the code. The label cells (`raw` before the score)
    /// as the pipeline read them: Corpus/variant-scans/v000152-scan150 (2567) and
    /// Corpus/scanned/s002-obt-scan (2566); each score is its gold's (i7 100.00, o35 100.00, e7 96.90).
    func testAStrewnFirstLineConfirmsItsCodeByARunOfItsText() throws {
        let ita = try ITAMappings(directory: MeasurePlanLayoutTests.mappings)
        let codeRun = ita.catalogueCodes.codeRun
        let rows: [(Int, String, String)] = [
            (2567, "i7", "ซ่i7 ท่: านทราบข้wyอมูลเaกียวกัo บงบประมาณของหน่วยงานหรือของ\nส่: วนงานทิaiท่s านปฏิaบัvsติ. หน้ovาทีa มากน้เวอยเพีซ ยงใด"),
            (2567, "o35", "035 การดํoาaเนินการเพื่ซ่ อจัดการความเสีข่ ยงการทุจaริตและประพฤติaมิsa\nชอบ (กรณีaที่daมีการประเมินความเสีal ยงการทุจaริตในประเด็a นทีaเdกียว\nกับการใช้ทรัพย์สินของทางราชการ)"),
            (2566, "e7", "e7 หน่iว. ยงานมีการเผยแ: พร่1ข้อมูลข่al าวสารที่al ประชาช1 นหรื๒อผู้veรับบaริการคว;รได้waรัy บทราบ\n-\nอย่างชัดเจน มากน้อยเพียงใด"),
        ]
        for (year, code, text) in rows {
            let catalogue = ita.vocabulary.catalogue(year)
            XCTAssertTrue(QuestionTextConfirmation.confirms(code: code, text: text, catalogue: catalogue, settings: InterpretSettings(), codeRun: codeRun), code)
            // Not under a code whose text it is not (o7 for e7: OCR reads e as ๐).
            let other = code == "e7" ? "o7" : code == "i7" ? "i8" : "o34"
            XCTAssertFalse(QuestionTextConfirmation.confirms(code: other, text: text, catalogue: catalogue, settings: InterpretSettings(), codeRun: codeRun), other)
        }
    }
}
