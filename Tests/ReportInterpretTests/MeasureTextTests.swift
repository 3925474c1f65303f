import XCTest
import ITAModel
@testable import ReportInterpret

/// Action-plan wording: item markers, indicator numbers, header vocabulary.
final class MeasureTextTests: XCTestCase {
    /// With the bullets of the checked-in measure-headers.json.
    func testItemMarkers() throws {
        let bullets = try ITAMappings(directory: FieldsCorpus.mappings).measureHeaders.itemBullets
        for t in ["- จัดทำคู่มือ", "▪ พัฒนาการเข้าถึง", "➢ เผยแพร่", "1.จัดทำคู่มือ", "๒. จัดทำช่องทาง", "(1) กระบวนการ"] {
            XCTAssertTrue(MeasureItemMarker.starts(t, bullets: bullets), t)
        }
        for t in ["ประชาชน ผ่านระบบฐานข้อมูล", "2566 ถึง 30 กันยายน", "ราชการ", "· ข้อ"] {
            XCTAssertFalse(MeasureItemMarker.starts(t, bullets: bullets), t)
        }
    }

    /// OCR reads a row of dots or a ruled edge as a long digit run (tune scan v002204-scan150 killed its
    /// worker by overflow here): no list number, and no crash, whatever the run's length.
    func testALongDigitRunIsNoListNumber() throws {
        let bullets = try ITAMappings(directory: FieldsCorpus.mappings).measureHeaders.itemBullets
        for t in ["๑๒๓๔๕๖๗๘๙๐๑๒๓๔๕๖๗๘๙๐๑๒๓๔. ตรวจสอบ", "98765432109876543210987654) ราชการ", "(4444444444444444444444) ข้อ"] {
            XCTAssertFalse(MeasureItemMarker.starts(t, bullets: bullets), t)
        }
        XCTAssertEqual(MeasureItemMarker.listNumber(Array("๑๒. จัดทำ".unicodeScalars), from: 0)?.value, 12)
        XCTAssertNil(MeasureItemMarker.listNumber(Array("123. จัดทำ".unicodeScalars), from: 0))
    }

    func testIndicatorNumbers() throws {
        let vocabulary = try ITAMappings(directory: FieldsCorpus.mappings).vocabulary
        let numbers = vocabulary.indicatorNumbers, word = vocabulary.cues.indicatorWord
        let offset = Int(InterpretSettings().planIndicatorWordMaxOffset)
        XCTAssertEqual(numbers, 1...10)
        XCTAssertEqual(MeasureIndicator.number(in: "๑. การปฏิบัติหน้าที่", keyed: true, numbers: numbers, word: word, wordMaxOffset: offset), 1)
        XCTAssertEqual(MeasureIndicator.number(in: "๑๐. การป้องกันการ ทุจริต", keyed: true, numbers: numbers, word: word, wordMaxOffset: offset), 10)
        XCTAssertEqual(MeasureIndicator.number(in: "ตัวชี้วัดที่ ๓ การใช้อำนาจ", keyed: false, numbers: numbers, word: word, wordMaxOffset: offset), 3)
        // An issue-keyed plan numbers its issues, not indicators.
        XCTAssertNil(MeasureIndicator.number(in: "๑. กระบวนการปฏิบัติงานที่โปร่งใส", keyed: false, numbers: numbers, word: word, wordMaxOffset: offset))
        XCTAssertNil(MeasureIndicator.number(in: "๑๒. อื่น ๆ", keyed: true, numbers: numbers, word: word, wordMaxOffset: offset))
        // The word after a bullet names the indicator; inside a sentence it cites one, unless the
        // setting reaches that far.
        XCTAssertEqual(MeasureIndicator.number(in: "- ตัวชี้วัดที่ ๔ การใช้ทรัพย์สิน", keyed: false, numbers: numbers, word: word, wordMaxOffset: offset), 4)
        let citing = "ดำเนินการตามตัวชี้วัดที่ ๔ การใช้ทรัพย์สิน"
        XCTAssertNil(MeasureIndicator.number(in: citing, keyed: false, numbers: numbers, word: word, wordMaxOffset: offset))
        XCTAssertEqual(MeasureIndicator.number(in: citing, keyed: false, numbers: numbers, word: word, wordMaxOffset: 20), 4)
    }

    func testHeaderVocabularyFromMappings() throws {
        let mappings = try XCTUnwrap(MappingsDirectory.forSourceFile(#filePath))
        let v = try MeasureHeaderVocabulary.load(mappings: mappings)
        XCTAssertEqual(v.role(of: "วิธีการนำผลวิเคราะห์ไปสู่การปฏิบัติ มาตรการ/กิจกรรม"), .measure)
        XCTAssertEqual(v.role(of: "ผลการวิเคราะห์ตัวชี้วัดเพื่อกำหนด มาตรการ/โครงการ/กิจกรรม"), .analysis)
        XCTAssertEqual(v.role(of: "ผู้รับผิดชอบ/ ผู้ที่เกี่ยวข้อง"), .owner)
        XCTAssertEqual(v.role(of: "ระยะ เวลา ดำเนิน งาน"), .period)
        XCTAssertEqual(v.role(of: "วัน เดือน ปี ที่ดำเนินการ"), .period)
        XCTAssertEqual(v.role(of: "ขั้นตอน / วิธีการดำเนินการ"), .steps)
        XCTAssertEqual(v.role(of: "ตัวชี้วัด"), .indicator)
        XCTAssertEqual(v.role(of: "หัวข้อ"), .issue)
        XCTAssertNil(v.role(of: "สำนักปลัด"))
        XCTAssertTrue(v.endsTable("ส่วนที่ 3 ข้อจำกัดของหน่วยงาน"))
    }
}
