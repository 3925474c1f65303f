import Foundation
import ITAModel
@testable import ReportInterpret
import ThaiNormalise
import XCTest

/// OCR'd plan periods and owners are written only when their check confirms them. The texts are
/// Tesseract's readings of plan cells of the tune scans (`Scripts/corpus/scans.py`, tune seeds 3-18)
/// as main wrote them, beside the gold values of the same cells.
final class RecognisedPlanCellsTests: XCTestCase {
    static let ita = try! ITAMappings(directory: FieldsCorpus.mappings)
    static let normaliser = try! ThaiNormaliser(mappings: FieldsCorpus.mappings)
    var cells: RecognisedPlanCells { Self.ita.planCells }

    func owner(_ s: String) -> Bool {
        let headers = Self.ita.measureHeaders
        return cells.isOwner(s, unknownWords: Self.normaliser.unknownWordCount, namesColumn: { headers.role(of: $0) != nil })
    }

    func testPeriodsAsPrintedAreConfirmed() {
        let years: Set<Int> = [2567, 2568]
        for p in ["ตลอดปีงบประมาณ", "ต.ค. - ก.ย.", "ตุลาคม ๒๕๖๗ - กันยายน ๒๕๖๘", "ตุลาคม 2567 - กันยายน 2568",
                  "ปีงบประมาณ พ.ศ. ๒๕๖๘", "ปีงบประมาณ พ.ศ.2568"] {
            XCTAssertTrue(cells.isPeriod(p, years: years), p)
        }
    }

    func testMisreadOrRunTogetherPeriodsAreNot() {
        let years: Set<Int> = [2567, 2568]
        // A quarter past 4 or out of order, a neighbour's words, a broken month, Latin junk.
        for p in ["ไตรมาส ๑-๕", "ไตรมาสที่ ๒๓", "ไรมตาส ๐๑-๕", "ตลอดปีงบประมาณระยะเวลา He", "ดำเนินงาน Se ee",
                  "ไตรมาสที่ ๒๓ กองคลังปีงบประมาณ", "ต.ค. - ก.ุย.", "1 ตค. 67 - 30 ก.ย. 68 ดํoาrเ, นนิงาน",
                  "ปีงบประมาณ WA. ๒๕๖๘", "1.9.66 - 30 ก.ุย. กองคลัง 67 .", "๒", "ทุก 5 เดือน", "ไตรมาส 3-2",
                  "ตลอดปีงบประมาณ :"] {
            XCTAssertFalse(cells.isPeriod(p, years: years), p)
        }
        // Years that are not the plan's: a digit misread (๒๕๖๗ → ๒๕๖๑) or no plan year known.
        XCTAssertFalse(cells.isPeriod("ตุลาคม ๒๕๖๑ - กันยายน ๒๕๖๘", years: years))
        XCTAssertFalse(cells.isPeriod("ตุลาคม 2567 - กันยายน 2568", years: []))
        XCTAssertTrue(cells.isPeriod("ตลอดปีงบประมาณ", years: []))
        // A period cut short: its link words alone name no time (a wrapped `ตลอดปีงบประมาณ` read as
        // `ตลอด` in one row and `ปีงบประมาณ` in the next; `ตั้งแต่` / `ต.ค. 67` cut the same way).
        for p in ["ตลอด", "ตั้งแต่", "ทุก", "ตั้งแต่ - ถึง", "ภายใน"] {
            XCTAssertFalse(cells.isPeriod(p, years: years), p)
        }
        for p in ["ปีงบประมาณ", "ทุกเดือน", "ตั้งแต่ ต.ค. - ก.ย.", "ภายในปีงบประมาณ พ.ศ. 2568"] {
            XCTAssertTrue(cells.isPeriod(p, years: years), p)
        }
        // Numbers other than a confirmed year, in either script: v000012's "ทุก ๖ เดือน" came out as
        // "ทุก ๒ เดือน", and a page printed in Thai digits gives some as ASCII ones.
        for p in ["ทุก ๒ เดือน", "ทุก ๖ เดือน", "ไตรมาสที่ ๒-๓", "๑ ต.ค.๖๗ - ๓๐ ก.ย. ๖๘", "ไตรมาส 1-4", "ทุก 6 เดือน",
                  "1 ต.ค. 67 - 30 ก.ย. 68", "ไตรมาส 1-4 (ปีงบประมาณ พ.ศ.๒๕๖๘)"] {
            XCTAssertFalse(cells.isPeriod(p, years: years), p)
        }
    }

    func testOfficesAreConfirmed() {
        for o in ["สำนักปลัด", "กองคลัง", "ทุกส่วนราชการ", "กองการเจ้าหน้าที่", "สำนักปลัด (งานนิติการ)",
                  "กองยุทธศาสตร์และงบประมาณ", "สำนักปลัด/ตรวจสอบภายใน", "งานประชาสัมพันธ์"] {
            XCTAssertTrue(owner(o), o)
        }
    }

    func testRunTogetherOrMisreadOwnersAreNot() {
        for o in ["กองคลังผู้» รับผิดชอบ", "๒", "ตลอดงานประชาสัมพันธ์ปีงบประมาณ", "งาน 626 บดชอบ", "ตรวจสอบภยาใน",
                  "กองคลัง «2ับผิดชอบ", "ผู้รับผิดชอบ", "- สำนักปลัด", "ทุกส่วน - ราชการ -", "จัดทำรายงาน กองคลัง",
                  "ประชุมคณะทำงาน", "ทุกส่วน ตลอดราชการปีงบประมาณผู้รับระยะเวลา ผิดดำเนินงาน"] {
            XCTAssertFalse(owner(o), o)
        }
    }

    /// Only cells of OCR'd pages are checked; the years come from the report's plan year.
    func testOnlyRecognisedPagesAreChecked() {
        func m(_ page: Int) -> Measure {
            Measure(issue: "การป้องกันการทุจริต", indicator: nil, measure: "จัดทำรายงานผลการดำเนินการ", steps: nil, period: "ไตรมาส ๑-๕", owner: "กองคลัง",
                    page: page, source: Provenance(page: page, box: nil, raw: "การป้องกันการทุจริต\tจัดทำรายงานผลการดำเนินการ\tกองคลัง\tไตรมาส ๑-๕", via: "table"))
        }
        var fields = ReportFields()
        fields.planYear = Traced(2568, source: nil)
        let (out, dropped) = cells.checked([m(1), m(2)], recognisedPages: [2], fields: fields, settings: InterpretSettings(),
                                           unknownWords: Self.normaliser.unknownWordCount, namesColumn: { _ in false }, isHeaderWording: { _ in false })
        XCTAssertEqual(dropped, 1)
        XCTAssertEqual(out[0].period, "ไตรมาส ๑-๕")
        XCTAssertNil(out[1].period)
        XCTAssertEqual(out[1].owner, "กองคลัง")
        XCTAssertEqual(out[1].source?.changes?.first?.kind, "ocr_unconfirmed")
        XCTAssertEqual(out[1].source?.changes?.first?.before, "ไตรมาส ๑-๕")
        // A row starting on text page 1 whose period cell goes on onto OCR'd page 2 is checked too.
        let (cut, cutDropped) = cells.checked([m(1)], cellPages: [[1, 2]], recognisedPages: [2], fields: fields, settings: InterpretSettings(),
                                              unknownWords: Self.normaliser.unknownWordCount, namesColumn: { _ in false }, isHeaderWording: { _ in false })
        XCTAssertEqual(cutDropped, 1)
        XCTAssertNil(cut[0].period)
    }

    func text(_ s: String) -> Bool {
        let headers = Self.ita.measureHeaders
        return cells.isText(s, unknownWords: Self.normaliser.unknownWordCount, isHeaderWording: { headers.isHeaderWording($0) })
    }

    /// OCR'd issue, measure and steps cells that equal their gold cell are written (Latin words
    /// standing apart, ASCII or Thai numbering); cells with OCR's noise are not: a word mixing Thai
    /// and Latin letters, a lone Latin letter for a Thai numeral, a misspelt word the lexicon does not
    /// know, a stray character, a header read as a row. Tesseract's readings of tune scans (main's
    /// output beside the gold).
    func testOCRTextCellsAreWrittenOnlyWhenTheyReadAsText() {
        for right in ["1. การเปิดเผยข้อมูลสาธารณะ", "2. การให้บริการและระบบ E-Service",
                      "๕. กลไกและมาตรการในการแก้ไขและป้องกันการทุจริตภายในหน่วยงาน",
                      "ประชาสัมพันธ์สร้างความรู้ความเข้าใจให้เจ้าหน้าที่ และเปิดโอกาสให้บุคคลภายนอกเข้ามามีส่วนร่วมในกระบวนการจัดทำงบประมาณ"] {
            XCTAssertTrue(text(right), right)
        }
        for wrong in ["๑. กระบวนการสร้างความโปร่งใสในการใช้งบประมาณและการจัดซื้อจัดจ้างประเด็s น",
                      "a. การป้องกันการทุจริต",
                      "1. มอบหมายผู้รับผิดชข้ออมูลบแต่ละะหมวด 2. ตรวจสอบความครบถ้วนของ",
                      "ของราชการอย่างสมำเสมอ ia ป้องกันไม่ให้เกิดการนำไปใช้ประโยชน์ส่วนตัว",
                      "ขั้นตอนวิ=ธี ปฏิบัติ", ":", "- มาตรการกิจกรรม"] {
            XCTAssertFalse(text(wrong), wrong)
        }
    }

    /// A row of an OCR'd page keeps its text cells that read as text and loses the others, each
    /// counted and kept as an `ocr_unconfirmed` change of its field.
    func testOCRTextCellsLeftEmptyAreTraceable() {
        let row = Measure(issue: "a. การป้องกันการทุจริต", indicator: nil, measure: "จัดทำรายงานผลการดำเนินการ", steps: ":", period: nil, owner: nil,
                          page: 3, source: Provenance(page: 3, box: nil, raw: "a. การป้องกันการทุจริต\tจัดทำรายงานผลการดำเนินการ\t:", via: "table"))
        let headers = Self.ita.measureHeaders
        let (out, dropped) = cells.checked([row], recognisedPages: [3], fields: ReportFields(), settings: InterpretSettings(),
                                           unknownWords: Self.normaliser.unknownWordCount, namesColumn: { _ in false },
                                           isHeaderWording: { headers.isHeaderWording($0) })
        XCTAssertEqual(dropped, 2)
        XCTAssertNil(out[0].issue)
        XCTAssertEqual(out[0].measure, "จัดทำรายงานผลการดำเนินการ")
        XCTAssertNil(out[0].steps)
        XCTAssertEqual(out[0].source?.changes?.map(\.field), ["issue", "steps"])
        XCTAssertEqual(out[0].source?.changes?.map(\.before), ["a. การป้องกันการทุจริต", ":"])
    }
}
