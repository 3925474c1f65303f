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
        // OCR reads a dotted leader or a ruled edge as a long digit run: no period, and no overflow
        // (it killed the worker before its number was summed past four digits).
        XCTAssertFalse(cells.isPeriod("ไตรมาส ๑๑๑๑๑๑๑๑๑๑๑๑๑๑๑๑๑๑๑๑๑๑๑๑๑", years: years))
        XCTAssertFalse(cells.isPeriod("99999999999999999999999 - กันยายน 2568", years: years))
        // A period cut short: its link words alone name no time (a wrapped `ตลอดปีงบประมาณ` read as
        // `ตลอด` in one row and `ปีงบประมาณ` in the next; `ตั้งแต่` / `ต.ค. 67` cut the same way).
        for p in ["ตลอด", "ตั้งแต่", "ทุก", "ตั้งแต่ - ถึง", "ภายใน"] {
            XCTAssertFalse(cells.isPeriod(p, years: years), p)
        }
        for p in ["ปีงบประมาณ", "ทุกเดือน", "ตั้งแต่ ต.ค. - ก.ย.", "ภายในปีงบประมาณ พ.ศ. 2568"] {
            XCTAssertTrue(cells.isPeriod(p, years: years), p)
        }
        // Numbers no meaning confirms, in either script: v000012's "ทุก ๖ เดือน" came out as
        // "ทุก ๒ เดือน" (a month count), and a page printed in Thai digits gives some as ASCII ones
        // (two scripts in one cell).
        for p in ["ทุก ๒ เดือน", "ทุก ๖ เดือน", "ทุก 6 เดือน", "ไตรมาส 1-4 (ปีงบประมาณ พ.ศ.๒๕๖๘)"] {
            XCTAssertFalse(cells.isPeriod(p, years: years), p)
        }
    }

    /// Quarters (1 to 4, a range rising) and the days of a range of whole months are confirmed by
    /// what they mean. Right readings of tune scans (v000004's `ไตรมาสที่ ๒-๓`, v000006's `ไตรมาส 1-4`
    /// and `ไตรมาสที่2-3`, v000012's `ต.ค.` range) and misreadings of the same (v000006's `ไตรมาส ๑-๕`,
    /// v000905's `7 ตุลาคม ๒๕๖๘ - กันยายน ๒๕๖๙`: a neighbour's digit in another script, v000286's
    /// `๑ ต.ค. ๒๑ - ๓๐ AE. ๒๕`).
    func testQuartersAndWholeMonthDaysAreConfirmedByTheirMeaning() {
        let years: Set<Int> = [2567, 2568]
        for p in ["ไตรมาสที่ ๒-๓", "ไตรมาส 1-4", "ไตรมาส ๑-๔ (ปีงบประมาณ พ.ศ.๒๕๖๘)", "ไตรมาสที่ 4",
                  "๑ ต.ค.๖๗ - ๓๐ ก.ย. ๖๘", "1 ต.ค. 67 - 30 ก.ย. 68", "1 ตุลาคม 2567 ถึง 30 กันยายน 2568", "1 ม.ค. 68 - 31 มี.ค. 68"] {
            XCTAssertTrue(cells.isPeriod(p, years: years), p)
        }
        // v000006's `ไตรมาสที่2-3` (gold `ไตรมาสที่ 2-3`: OCR lost the space) and v000016's
        // `ตุลาคม ๒๕๖๗ กันยายน ๒๕๖๘` (gold with ` - `: OCR lost the dash) are not as printed.
        for p in ["ไตรมาสที่2-3", "ตุลาคม ๒๕๖๗ กันยายน ๒๕๖๘", "ไตรมาส ๑-๕", "ไตรมาส 3-2", "ไตรมาส 2-2", "ไตรมาสที่ ๒๓", "ไตรมาส 0", "ไตรมาส 1-4 5",
                  // a day inside a month (start not the 1st, end not the month's last), one day alone
                  "๒ ตุลาคม ๒๕๖๗ ถึง ๓๐ กันยายน ๒๕๖๘", "1 ต.ค. 67 - 20 ก.ย. 68", "1 ต.ค. 67 - 31 ก.ย. 68", "1 ต.ค. 67",
                  "30 ก.ย. 68 - 1 ต.ค. 67 - 30 ก.ย. 68",
                  "7 ตุลาคม ๒๕๖๘ - กันยายน ๒๕๖๙", "๑ ต.ค. ๒๑ - ๓๐ AE. ๒๕", "๑ ต.ค. ๒๕ - ๓๐ ก.ย. ๒๕", "ภายใน ๑๕ วัน"] {
            XCTAssertFalse(cells.isPeriod(p, years: years), p)
        }
    }

    /// Words OCR misread by a mark or two neighbouring characters are read as the one vocabulary entry
    /// they fit, with each change kept; header wording at a period's edge is taken off. Real OCR'd
    /// cells of tune scans beside their gold: v000012 `ต.ค. - ก.ุย.` (gold `ต.ค. - ก.ย.`), v000914
    /// `1 ต.ุค. 66 - 30 กุย. 67`, v000016 `1 ต.ค. 67 - 30 ก.ุย. 68 ระยะเวลา` and `ปีงบประมาณ พ.ศ. ๒๕๖๘ ดำเนินงาน`,
    /// v000911 `ไตรมาสที 2-3`; owners v000012 `กองการเจ้าหน้าที`, v000283 `กองยุทธศาสตร์แะลงบประมาณ`,
    /// v000905 `สำนักปลัดล. (งานนุต์การ)` (two marks and a letter off: not read), v000284
    /// `สำนักปลัดตรวจสอบภายใน` (gold `สำนักปลัด/ตรวจสอบภายใน`: which separator was lost is not known).
    func testMisreadWordsAreReadByTheVocabulary() {
        func row(_ period: String?, _ owner: String?) -> Measure {
            Measure(issue: nil, indicator: nil, measure: nil, steps: nil, period: period, owner: owner, page: 2,
                    source: Provenance(page: 2, box: nil, raw: [period, owner].compactMap { $0 }.joined(separator: "\t"), via: "table"))
        }
        var fields = ReportFields()
        fields.planYear = Traced(2568, source: nil)
        let headers = Self.ita.measureHeaders
        func check(_ rows: [Measure], plan: Int = 2568) -> [Measure] {
            var f = fields
            f.planYear = Traced(plan, source: nil)
            return cells.checked(rows, recognisedPages: [2], fields: f, settings: InterpretSettings(), unknownWords: Self.normaliser.unknownWordCount,
                                 namesColumn: { headers.role(of: $0) != nil }, isHeaderWording: { headers.isHeaderWording($0) }).measures
        }
        let out = check([row("ต.ค. - ก.ุย.", "กองการเจ้าหน้าที"), row("1 ต.ค. 67 - 30 ก.ุย. 68 ระยะเวลา", "กองยุทธศาสตร์แะลงบประมาณ"),
                         row("ปีงบประมาณ พ.ศ. ๒๕๖๘ ดำเนินงาน", "สำนักปลัดล. (งานนุต์การ)"), row("ไตรมาสที 2-3", "สำนักปลัดตรวจสอบภายใน"),
                         row("ทุก ๒ เดือน", "สำนักปลัด (งานนูติการ)")])
        XCTAssertEqual(out.map(\.period), ["ต.ค. - ก.ย.", "1 ต.ค. 67 - 30 ก.ย. 68", "ปีงบประมาณ พ.ศ. ๒๕๖๘", "ไตรมาสที่ 2-3", nil])
        XCTAssertEqual(out.map(\.owner), ["กองการเจ้าหน้าที่", "กองยุทธศาสตร์และงบประมาณ", nil, nil, "สำนักปลัด (งานนิติการ)"])
        let changes = out[1].source?.changes ?? []
        XCTAssertEqual(changes.map(\.kind), ["ocr_vocabulary_word", "ocr_header_piece", "ocr_vocabulary_word"])
        XCTAssertEqual(changes.map(\.before), ["ก.ุย.", "ระยะเวลา", "กองยุทธศาสตร์แะลงบประมาณ"])
        XCTAssertEqual(changes.map(\.after), ["ก.ย.", "", "กองยุทธศาสตร์และงบประมาณ"])
        XCTAssertEqual(changes.map(\.field), ["period", "period", "owner"])
        XCTAssertEqual(out[4].source?.changes?.first { $0.field == "period" }?.kind, "ocr_unconfirmed")
        // v000914 (plan 2567): both months misread by a mark, the days those of whole months.
        XCTAssertEqual(check([row("1 ต.ุค. 66 - 30 กุย. 67", nil)], plan: 2567).first?.period, "1 ต.ค. 66 - 30 ก.ย. 67")
        // Specks and header words run on: v000018 `ตลอดปีงบประมาณ :`, v000912 `: : ตุลาคม ๒๕๖๘ - กันยายน ๒๕๖๙`
        // (plan 2569), v000292 `กองคลังผู้รับผิดชอบ`; `ตลอด :` stays a period cut short.
        let specks = check([row("ตลอดปีงบประมาณ :", "กองคลังผู้รับผิดชอบ"), row("ตลอด :", nil)])
        XCTAssertEqual(specks.map(\.period), ["ตลอดปีงบประมาณ", nil])
        XCTAssertEqual(specks[0].owner, "กองคลัง")
        XCTAssertEqual(specks[0].source?.changes?.map(\.kind), ["ocr_speck", "ocr_header_piece"])
        XCTAssertEqual(specks[0].source?.changes?.map(\.before), [":", "ผู้รับผิดชอบ"])
        XCTAssertEqual(check([row(": : ตุลาคม ๒๕๖๘ - กันยายน ๒๕๖๙", nil)], plan: 2569).first?.period, "ตุลาคม ๒๕๖๘ - กันยายน ๒๕๖๙")
        // July and September differ by one letter: never read one as the other.
        XCTAssertNil(check([row("ก.ค.ย.", nil)]).first?.period)
        // An office that is a header phrase too, or a phrase after a separator or a link word, is
        // never taken off: the cut cell would be a wrong owner (review 15).
        let kept = check([row(nil, "ทุกกอง/ผู้ที่เกี่ยวข้อง"), row(nil, "กองคลังและผู้ที่เกี่ยวข้อง")])
        XCTAssertFalse(kept.map(\.owner).contains("ทุกกอง/"))
        XCTAssertFalse(kept.map(\.owner).contains("กองคลังและ"))
        // A header phrase that is no office, after a separator (a part of its own) or a link word
        // (the second part's name), is not taken off: the cut cell would be a wrong owner, the
        // whole is none.
        let parts = check([row("ตลอดปีงบประมาณ", "กองคลัง/ผู้รับผิดชอบ"), row("ตลอดปีงบประมาณ", "กองคลังและผู้รับผิดชอบ")])
        XCTAssertEqual(parts.map(\.period), ["ตลอดปีงบประมาณ", "ตลอดปีงบประมาณ"])
        XCTAssertEqual(parts.map(\.owner), [nil, nil])
        // A run-on after a word ending in a mark (`ที่`) is taken off as after a letter.
        XCTAssertEqual(check([row("ตลอดปีงบประมาณ", "กองการเจ้าหน้าที่ผู้รับผิดชอบ")]).first?.owner, "กองการเจ้าหน้าที่")
        // A body-text header phrase at an owner cell's edge is the header's (`กิจกรรม` alone is a
        // free-text cell's word, never an owner's).
        let edge = check([row("ตลอดปีงบประมาณ", "กองคลัง กิจกรรม")])
        XCTAssertEqual(edge.first?.owner, "กองคลัง")
        XCTAssertEqual(edge.first?.source?.changes?.map(\.before), ["กิจกรรม"])
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

    /// An office's name cut where its cell wraps (the rest read on the next line into another column)
    /// or a bracket left unclosed is a part of the cell, not the cell: every word left is a word, so
    /// the word check alone wrote them (main at cbfa4d4 on tune scans v001460-scan200 page 7, gold
    /// `กองการเจ้าหน้าที่`, and v001457-scan300, gold `สำนักปลัด (งานนิติการ)`).
    func testOwnersCutShortAreNot() {
        for o in ["กองการเจ้า", "สำนักปลัดการ)", "สำนักปลัด (งานนิติ", "กอง"] {
            XCTAssertFalse(owner(o), o)
        }
        for o in ["กองการศึกษา", "สำนักปลัด", "สำนักปลัด (งานนิติการ)"] {
            XCTAssertTrue(owner(o), o)
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
        let (out, dropped, _) = cells.checked([m(1), m(2)], recognisedPages: [2], fields: fields, settings: InterpretSettings(),
                                           unknownWords: Self.normaliser.unknownWordCount, namesColumn: { _ in false }, isHeaderWording: { _ in false })
        XCTAssertEqual(dropped, 1)
        XCTAssertEqual(out[0].period, "ไตรมาส ๑-๕")
        XCTAssertNil(out[1].period)
        XCTAssertEqual(out[1].owner, "กองคลัง")
        XCTAssertEqual(out[1].source?.changes?.first?.kind, "ocr_unconfirmed")
        XCTAssertEqual(out[1].source?.changes?.first?.before, "ไตรมาส ๑-๕")
        // A row starting on text page 1 whose period cell goes on onto OCR'd page 2 is checked too.
        let (cut, cutDropped, _) = cells.checked([m(1)], cellPages: [[1, 2]], recognisedPages: [2], fields: fields, settings: InterpretSettings(),
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
        let (out, dropped, _) = cells.checked([row], recognisedPages: [3], fields: ReportFields(), settings: InterpretSettings(),
                                           unknownWords: Self.normaliser.unknownWordCount, namesColumn: { _ in false },
                                           isHeaderWording: { headers.isHeaderWording($0) })
        XCTAssertEqual(dropped, 2)
        XCTAssertNil(out[0].issue)
        XCTAssertEqual(out[0].measure, "จัดทำรายงานผลการดำเนินการ")
        XCTAssertNil(out[0].steps)
        XCTAssertEqual(out[0].source?.changes?.map(\.field), ["issue", "steps"])
        XCTAssertEqual(out[0].source?.changes?.map(\.before), ["a. การป้องกันการทุจริต", ":"])
    }

    func text(_ s: String, _ field: ItemOrder.Field) -> Bool {
        let headers = Self.ita.measureHeaders
        return cells.isText(s, field: field, unknownWords: Self.normaliser.unknownWordCount, isHeaderWording: { headers.isHeaderWording($0) })
    }

    /// Cells main wrote from the committed Corpus scans whose words are all known but whose shape no
    /// printed cell has: each is refused by one check (issue 11). The cells beside them are gold
    /// cells of Corpus reports, which every check keeps.
    func testOCRNoiseShapesOfCorpusScansAreNotText() {
        // A lone mark of punctuation between words (variant-scans/v000059-scan200-copy, page 2).
        XCTAssertFalse(text("นโยบาย No Gift Policy และจัดทำรายงานผลการดำเนิน ., 2 การป้องกันการทุจริต : ประจำปี", .measure))
        XCTAssertFalse(text("ปรับปรุงกระบวนการ . กำกับดูแลและการตรวจสอบการใช้", .measure))
        // Short Latin words standing among Thai ones (scanned/g04-tambon-2566-proseonly-scan, page 4).
        XCTAssertFalse(text("4. กระบวนการ ae กำกับดูแลการใช้ Ti ทรัพย์สินของราชการ", .issue))
        // A code's digits in two scripts with its letter lost (v000059-scan200-copy: e12 read `๑12`).
        XCTAssertFalse(text("๑12 วิธีการขันตอนการปฏิบัติหรือ", .issue))
        // List numbers after other text: the rest of a cut cell (variant-scans/v000059-scan300, steps
        // 1 and 2 gone to another row), and a code's pieces before the list (v000059-scan200-copy).
        XCTAssertFalse(text("วัสดุและครุภัณฑ์ในแต่ละส่วนงานเป็นระยะ ๓. รายงานผลการตรวจสอบให้ผู้บริหารทราบ", .steps))
        XCTAssertFalse(text("C7) ๑ 14 ๑. จัดทำคู่มือการขอยืมทรัพย์สินของราชการ ๒. ตรวจสอบ", .steps))
        // Out of order (tune scan v000011: `2.` read `2`, so the list goes 1, 3), and two issues in one cell.
        XCTAssertFalse(text("1. จัดทำแบบสำรวจความพึงพอใจของผู้รับบริการ 2 นำข้อเสนอแนะมาปรับปรุงขั้นตอนการให้บริการ 3. เผยแพร่ผลการปรับปรุงให้สาธารณชนทราบ", .steps))
        XCTAssertFalse(text("3. การเปิดเผยข้อมูลสาธารณะ 4. การปรับปรุงการทำงาน", .issue))
        // An office word alone at the edge: the owner cell's first line run in (v000059-scan200-copy, page 1).
        XCTAssertFalse(text("ขับเคลื่อนกิจกรรมตาม สำนัก", .measure))
        // Kept: cells as printed (main's right OCR'd cells of g04's scan; Corpus gold cells).
        for (right, field) in [("1. กำหนดผู้รับผิดชอบดูแลช่องทางการสื่อสาร ๒. ตรวจสอบและปรับปรุงข้อมูลบนเว็บไซต์ให้เป็นปัจจุบันอยู่เสมอ", ItemOrder.Field.steps),
                               ("1. กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ", .issue),
                               ("ขับเคลื่อนกิจกรรมตามนโยบาย No Gift Policy และจัดทำรายงานผลการดำเนินการป้องกันการทุจริตประจำปี", .measure),
                               ("i1๐ ท่านรู้แนวปฏิบัติของหน่วยงานของท่าน เกี่ยวกับการใช้ทรัพย์สินของราชการที่ถูกต้อง มากน้อยเพียงใด", .issue),
                               ("3. ประชาสัมพันธ์ข้อมูลข่าวสาร การดำเนินงานของหน่วยงาน ให้ครอบคลุมทุกขั้นตอนการดำเนินงาน", .measure),
                               ("๑. ขับเคลื่อน กิจกรรมตาม นโยบาย No Gift Policy ๒. มาตรการป้องกันการทุจริต ใน หน่วยงาน ๓. จัดกิจกรรมส่งเสริมคุณธรรม", .measure)] {
            XCTAssertTrue(text(right, field), right)
        }
    }

    /// A header word OCR read into a body cell's first or last word (the header's second line, or a
    /// repeated header, run into the row below) is taken off; words that only hold header words
    /// inside them stay. Tesseract's readings of tune scans v000016, v000017 and v000012.
    func testHeaderPiecesAreTakenOffACellsEdge() {
        let pieces = cells.headerPieces
        XCTAssertEqual(pieces.trimmed("2. ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ ประเด็น")?.text,
                       "2. ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ")
        XCTAssertEqual(pieces.trimmed("ประเด็นที ๒. การป้องกันการทุจริต")?.text, "๒. การป้องกันการทุจริต")
        let cut = pieces.trimmed("กับหน่วยงานได้อย่างสะดวก - มาตรการกิจกรรม")
        XCTAssertEqual(cut?.text, "กับหน่วยงานได้อย่างสะดวก")
        XCTAssertEqual(cut?.removed, ["มาตรการกิจกรรม", "-"])
        XCTAssertEqual(pieces.trimmed("วิธีดำเนินการ ๑. ประกาศเจตนารมณ์ No Gift Policy")?.text, "๑. ประกาศเจตนารมณ์ No Gift Policy")
        for kept in ["ขับเคลื่อนกิจกรรมตามนโยบาย No Gift Policy", "ประกาศแผนและผลการจัดซื้อจัดจ้างทางเว็บไซต์หน่วยงาน",
                     "๓. ประกาศผลการจัดซื้อจัดจ้างทางเว็บไซต์ หน่วยงาน", "ประเด็น", "1. จัดทำโครงการ อบรม",
                     // A header phrase that is body text as often (headerPieceBodyWords), alone at an edge.
                     "ผลการประเมินได้ 85.50 คะแนน", "๓. จัด กิจกรรม", "โครงการ อบรมคุณธรรมจริยธรรม"] {
            XCTAssertNil(pieces.trimmed(kept), kept)
        }
    }

    /// A period read twice over is two rows' cells in one (tune scan v000011); the plan's header
    /// read as a row is left out, a row of noisy cells is kept (Corpus scans: v000059-scan200-copy's
    /// page-3 header, g04's second row).
    func testRepeatedCellsAndHeaderRowsOfOCRdPlans() {
        let headers = Self.ita.measureHeaders
        var fields = ReportFields()
        fields.planYear = Traced(2567, source: nil)
        func row(_ issue: String?, _ measure: String?, _ steps: String?, period: String? = nil, page: Int) -> Measure {
            Measure(issue: issue, indicator: nil, measure: measure, steps: steps, period: period, owner: nil, page: page,
                    source: Provenance(page: page, box: nil, raw: [issue, measure, steps, period].compactMap { $0 }.joined(separator: "\t"), via: "table"))
        }
        let rows = [row("๒. การให้บริการแะรละบบ E-Service", "จัดให้มีการให้บริการทางออนไลน์ E-Service และเผยแพร่ประชาสัมพันธ์ให้บุคคลภายนอกทราบอย่างทวถง",
                        nil, period: "ตลอดปีงบประมาณ ตลอดปีงบประมาณ", page: 2),
                    row("ประเด็น", "ญูมาตรการกิจกรรม 2", "ม ; ขันตอนวิธีปฏิบัติ", page: 3),
                    row("๑. การป้องกันการทุจริต", nil, nil, period: "ตลอดปีงบประมาณ", page: 3)]
        let (out, _, headerRowPages) = cells.checked(rows, recognisedPages: [2, 3], fields: fields, settings: InterpretSettings(),
                                                     unknownWords: Self.normaliser.unknownWordCount, namesColumn: { _ in false },
                                                     isHeaderWording: { headers.isHeaderWording($0) })
        XCTAssertEqual(headerRowPages, [3])
        XCTAssertEqual(out.count, 2)
        XCTAssertNil(out[0].period)
        XCTAssertNil(out[0].issue)
        XCTAssertEqual(out[1].issue, "๑. การป้องกันการทุจริต")
        XCTAssertEqual(out[1].period, "ตลอดปีงบประมาณ")
    }

    /// Where the plan's own issue cells open with a list number, an OCR'd issue that does not is
    /// the rest of a cell cut from its start, and is not written; with too little evidence it is
    /// kept. Tesseract's readings of tune scan v000017 (its header's `ประเด็นที` taken off the second).
    func testAnIssueCutFromItsNumberIsNotWrittenWhereThePlanNumbersItsIssues() {
        let headers = Self.ita.measureHeaders
        func row(_ issue: String) -> Measure {
            Measure(issue: issue, indicator: nil, measure: nil, steps: nil, period: "ตลอดปีงบประมาณ", owner: nil, page: 9,
                    source: Provenance(page: 9, box: nil, raw: issue, via: "table"))
        }
        func check(_ rows: [Measure]) -> [Measure] {
            cells.checked(rows, recognisedPages: [9], fields: ReportFields(), settings: InterpretSettings(),
                          unknownWords: Self.normaliser.unknownWordCount, namesColumn: { _ in false },
                          isHeaderWording: { headers.isHeaderWording($0) }).measures
        }
        let cut = "ป้องกันการทุจริตภายในหน่วยงานทั่วถึง"
        let out = check([row(cut), row("ประเด็นที ๒. การป้องกันการทุจริต"), row("๕. กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ")])
        XCTAssertNil(out[0].issue)
        XCTAssertEqual(out[0].source?.changes?.first { $0.kind == "ocr_unconfirmed" }?.before, cut)
        XCTAssertEqual(out[1].issue, "๒. การป้องกันการทุจริต")
        XCTAssertEqual(out[1].source?.changes?.first?.kind, "ocr_header_piece")
        XCTAssertEqual(out[2].issue, "๕. กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ")
        // One numbered issue beside it is too little evidence: kept.
        XCTAssertEqual(check([row(cut), row("๕. กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ")])[0].issue, cut)
    }
}
