import ITAModel
import PageLayout
@testable import ReportInterpret
import XCTest

/// An OCR'd plan header read back into the vocabulary's wording (`OCRHeaderWording`), on the header
/// cells Tesseract read from held-out scans8's plan pages (v100410-scan300 p. 3, v100402-scan300
/// p. 10, v100412-scan150 p. 6): specks run into the steps cell and a lost mark left those headers
/// naming two roles, and every row of the three plans (8 + 9 + 5) was lost.
final class OCRHeaderWordingTests: XCTestCase {
    static var vocabulary: MeasureHeaderVocabulary {
        get throws { try MeasureHeaderVocabulary.load(mappings: FieldsTestLayout.mappings) }
    }

    static func read(_ text: String) throws -> String? {
        let v = try vocabulary
        let settings = InterpretSettings()
        return OCRHeaderWording.repaired(text, phrases: OCRHeaderWording.Phrase.all(v, minimumBaseLetters: Int(settings.ocrHeaderPhraseMinBaseLetters)),
                                         vocabulary: v, editShare: settings.ocrVocabularyEditShare)
    }

    /// The steps cells as OCR read them name the steps once read back; before, none named a role.
    func testSpecksAndLostMarksInAHeaderCellAreReadBack() throws {
        let v = try Self.vocabulary
        for ocr in ["ขันตอนวิธีปฏิบติ", "ขั& นตอนวิธีapปฏิaบัvติe", "ขั๕7นตอนวิธี1ปaฏิบัeติs"] {
            XCTAssertNil(v.role(of: ocr), ocr)
            let read = try XCTUnwrap(try Self.read(ocr), ocr)
            XCTAssertEqual(v.role(of: read), .steps, "\(ocr) read as \(read)")
        }
        // A speck word standing alone goes; `ITA`, a piece of the vocabulary's wording, stays.
        XCTAssertEqual(try Self.read("fia"), "")
        XCTAssertNil(try Self.read("ข้อคำถาม ITA"))
    }

    /// A base letter lost (`ะยะเวลา`, ร gone) or changed is another word: not read as the phrase. A body
    /// cell's number keeps it out of the header's view, and a short word's marks are not guessed.
    func testALostLetterANumberOrAShortWordIsLeftAsRead() throws {
        let v = try Self.vocabulary
        if let read = try Self.read("ะยะเวลา") { XCTAssertNil(v.role(of: read), read) }
        XCTAssertNil(try Self.read("1. จัดทํานโยบายหรือ"))
        XCTAssertNil(try Self.read("ปิ"))
    }

    static let columns: [ClosedRange<Double>] = [60...150, 150...250, 250...350, 350...430, 430...520]
    /// v100410-scan300 p. 3's header as OCR read it, and its first two rows (their cells' words from OCR).
    static let rows = [["ประเด็น", "มาตรการกิจกรรม", "ขันตอนวิธีปฏิบติ", "ส.,", "ผู้รับ fia"],
                       ["1. กระบวนการควบคุม ตรวจสอบการใช้อำนาจ", "ประชาสัมพันธ์หลักเกณฑ์การปฏิบัติงาน", "1. จัดทำนโยบายหรือแผนการบริหาร", "ต.ค. - ก.ย.", "กองการเจ้าหน้าที่"],
                       ["2. การปรับปรุงการทำงาน", "ส่งเสริมการมีส่วนร่วมของประชาชน", "1. จัดทำแบบสำรวจความพึงพอใจ", "ไตรมาส ๑-๔", "ทุกส่วนราชการ"]]

    /// The plan under that header is read on the OCR'd page: its two rows, issues as printed.
    func testTheOCRdPlanUnderAGarbledHeaderIsRead() throws {
        let r = try FieldsTestLayout.interpret(layout: RuledTableLayout.make(Self.rows, columns: Self.columns, prose: ["การนำผลการวิเคราะห์ไปสู่การปฏิบัติ"], recognised: true))
        XCTAssertEqual(r.measures.count, 2, "\(r.measures)")
        XCTAssertEqual(r.measures.first?.issue, "1. กระบวนการควบคุม ตรวจสอบการใช้อำนาจ")
        XCTAssertEqual(r.measures.last?.issue, "2. การปรับปรุงการทำงาน")
    }

    /// v100413-scan200 p. 5's header line as OCR read it: a lone `๑` speck between its cells kept it
    /// from opening a band (a header cell is never a bare digit). Read back, its plan's rows are read.
    func testALoneDigitBetweenAHeaderLinesCellsIsASpeck() throws {
        var rows = Self.rows
        rows[0] = ["ประเด็น", "มาตรการกจกรรม", "ขันตอนวิธีปฏิบัติ", "๑", "ผู้รับผิดชอบ"]
        let r = try FieldsTestLayout.interpret(layout: RuledTableLayout.make(rows, columns: Self.columns, prose: ["การนำผลการวิเคราะห์ไปสู่การปฏิบัติ"], recognised: true))
        XCTAssertEqual(r.measures.count, 2, "\(r.measures)")
        XCTAssertEqual(r.measures.first?.issue, "1. กระบวนการควบคุม ตรวจสอบการใช้อำนาจ")
    }

    /// A text layer says what it prints: the same header there names two roles, and is no plan's.
    func testATextLayerHeaderIsNotReadBack() throws {
        let r = try FieldsTestLayout.interpret(layout: RuledTableLayout.make(Self.rows, columns: Self.columns, prose: ["การนำผลการวิเคราะห์ไปสู่การปฏิบัติ"], recognised: false))
        XCTAssertEqual(r.measures.count, 0, "\(r.measures)")
    }
}
