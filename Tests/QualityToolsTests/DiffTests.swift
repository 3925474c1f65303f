import Foundation
import XCTest
@testable import QualityTools

/// diff between two small runs: documents added, removed, newly failed, recovered, and exactly the
/// values that changed.
final class DiffTests: XCTestCase {
    var fixture: RunFixture!
    var result: DiffResult!

    static let d1 = RunFixture.ids("1"), d2 = RunFixture.ids("2"), d3 = RunFixture.ids("3")
    static let d3b = RunFixture.ids("e"), d4 = RunFixture.ids("4"), d5 = RunFixture.ids("5")

    /// The earlier run: four documents, one failed (a scan the old release could not read).
    static func runA() -> RunFixture.Run {
        var r = RunFixture.Run()
        r.toolVersion = "0.1.0"
        let phetchabun: [String: String] = [
            "doc_id": d1.docID, "source_path": "Corpus/2566/phetchabun.pdf", "sha256": d1.sha, "pages": "14",
            "text_source": "native", "unit_name": "เทศบาลเมืองเพชรบูรณ์", "unit_type": "เทศบาลเมือง",
            "district": "เมืองเพชรบูรณ์", "province": "เพชรบูรณ์", "assessment_year": "2566", "plan_year": "2567",
            "overall_score": "93.57", "rating": "ผ่านดี", "status": "ok"]
        r.reports = [
            phetchabun,
            ["doc_id": d2.docID, "source_path": "Corpus/khoen.pdf", "sha256": d2.sha, "pages": "9", "text_source": "native",
             "unit_name": "องค์การบริหารส่วนตำบลเขิน", "unit_type": "องค์การบริหารส่วนตำบล", "district": "น้ำพอง",
             "province": "ขอนแก่น", "assessment_year": "2566", "plan_year": "2567", "overall_score": "88.10",
             "rating": "ผ่าน", "status": "ok", "warnings": "indicator_mean_mismatch"],
            ["doc_id": d3.docID, "source_path": "Corpus/scan.pdf", "sha256": d3.sha, "pages": "3", "text_source": "none",
             "status": "failed"],
            ["doc_id": d4.docID, "source_path": "Corpus/old.pdf", "sha256": d4.sha, "pages": "6", "text_source": "native",
             "unit_name": "เทศบาลตำบลท่าพล", "status": "ok"],
        ]
        let names = ["การปฏิบัติหน้าที่", "การใช้งบประมาณ", "การใช้อำนาจ", "การใช้ทรัพย์สินของราชการ", "การแก้ปัญหาการทุจริต"]
        let scores = ["100.00", "99.67", "100.00", "99.67", "100.00"]
        r.indicators = (0..<5).map { i in
            ["doc_id": d1.docID, "year": "2566", "indicator": "\(i + 1)", "tool": "IIT", "name": names[i], "score": scores[i], "page": "2"]
        } + [
            ["doc_id": d2.docID, "year": "2566", "indicator": "1", "tool": "IIT", "name": "การปฏิบัติหน้าที่", "score": "90.12", "page": "3"],
            ["doc_id": d2.docID, "year": "2566", "indicator": "6", "tool": "EIT", "name": "คุณภาพการดำเนินงาน", "score": "85.00", "page": "3"],
        ]
        r.questions = [
            ["doc_id": d1.docID, "year": "2566", "code": "i1", "tool": "IIT", "score": "100.00", "page": "4",
             "question": "เจ้าหน้าที่ของหน่วยงานท่านปฏิบัติหรือให้บริการแก่บุคคลภายนอกเป็นไปตามขั้นตอนและระยะเวลา มากน้อยเพียงใด"],
            // SARA AM split in two (U+0E4D U+0E32), as an old normaliser left it.
            ["doc_id": d1.docID, "year": "2566", "code": "o11", "tool": "OIT", "score": "100.00", "page": "4",
             "question": "แผนด\u{0E4D}\u{0E32}เนินงานและการใช้งบประมาณประจำปี"],
        ]
        r.measures = [
            ["doc_id": d1.docID, "issue": "การเปิดเผยข้อมูล", "indicator": "9", "measure": "จัดทำคู่มือการปฏิบัติงาน, เผยแพร่บนเว็บไซต์",
             "steps": "๑. รวบรวมข้อมูล\n๒. เผยแพร่", "period": "๑ ต.ค. ๖๖-๓๐ ก.ย. ๖๗", "owner": "สำนักปลัด", "page": "9"],
            ["doc_id": d1.docID, "issue": "การป้องกันการทุจริต", "indicator": "10", "measure": "ประกาศเจตนารมณ์การต่อต้านการทุจริต",
             "period": "ต.ค. ๖๖", "owner": "สำนักปลัด", "page": "9"],
            ["doc_id": d1.docID, "issue": "การปรับปรุงการทำงาน", "indicator": "8", "measure": "พัฒนาระบบ E-Service",
             "period": "ตลอดปี", "owner": "กองคลัง", "page": "10"],
        ]
        return r
    }

    /// The later run: a score changed, a row moved year, khoen failed, the re-scanned file recovered,
    /// old.pdf dropped, new.pdf added, one measure row inserted and one owner corrected.
    static func runB() -> RunFixture.Run {
        var r = runA()
        r.toolVersion = "0.2.0"
        r.reports[0]["overall_score"] = "93.75"
        r.reports[1] = ["doc_id": d2.docID, "source_path": "Corpus/khoen.pdf", "sha256": d2.sha, "pages": "9",
                        "text_source": "native", "status": "failed"]
        r.reports[2] = ["doc_id": d3b.docID, "source_path": "Corpus/scan.pdf", "sha256": d3b.sha, "pages": "3",
                        "text_source": "ocr", "unit_name": "เทศบาลตำบลบ้านใหม่", "unit_type": "เทศบาลตำบล",
                        "province": "นครราชสีมา", "overall_score": "81.22", "rating": "ผ่าน", "status": "ok"]
        r.reports.remove(at: 3)
        r.reports.append(["doc_id": d5.docID, "source_path": "Corpus/new.pdf", "sha256": d5.sha, "pages": "5",
                          "text_source": "native", "unit_name": "เทศบาลนครขอนแก่น", "status": "ok"])
        r.errors = [["doc_id": d2.docID, "source_path": "Corpus/khoen.pdf", "status": "failed", "stage": "interpret",
                     "reason": "no_indicator_table", "message": "no indicator table found"]]
        r.indicators[3]["score"] = "96.67"
        r.indicators.remove(at: 4)  // indicator 5 lost
        r.indicators.removeAll { $0["doc_id"] == d2.docID }
        r.indicators.insert(["doc_id": d1.docID, "year": "2565", "indicator": "1", "tool": "IIT",
                             "name": "การปฏิบัติหน้าที่", "score": "84.60", "page": "2"], at: 0)
        r.indicators.append(["doc_id": d5.docID, "year": "2567", "indicator": "1", "tool": "IIT", "score": "70.00", "page": "1"])
        r.questions[1]["question"] = "แผนดำเนินงานและการใช้งบประมาณประจำปี"
        r.measures[1]["owner"] = "กองคลัง"
        r.measures.insert(["doc_id": d1.docID, "issue": "การเปิดเผยข้อมูล", "measure": "ปรับปรุงเว็บไซต์", "owner": "กองช่าง",
                           "page": "9"], at: 0)
        // The new release numbers the rows in a new column: a schema addition, not a change of every row.
        r.extraMeasureColumns = ["row_no"]
        for i in r.measures.indices { r.measures[i]["row_no"] = String(i + 1) }
        return r
    }

    override func setUpWithError() throws {
        fixture = try RunFixture()
        let a = try fixture.write(Self.runA(), as: "runA"), b = try fixture.write(Self.runB(), as: "runB")
        result = RunDiffer.diff(try RunDataset.load(a), try RunDataset.load(b), labelA: "runA", labelB: "runB")
    }

    override func tearDown() { fixture.remove() }

    func changes(_ field: String) -> [ValueChange] { result.changes.filter { $0.field == field } }

    func testDocumentsAddedRemovedFailedRecovered() {
        XCTAssertEqual(result.added.map(\.sourcePath), ["Corpus/new.pdf"])
        XCTAssertEqual(result.removed.map(\.sourcePath), ["Corpus/old.pdf"])
        XCTAssertEqual(result.newlyFailed, [DocumentTransition(sourcePath: "Corpus/khoen.pdf", before: "ok", after: "failed",
                                                                 reason: "interpret: no_indicator_table: no indicator table found")])
        XCTAssertEqual(result.recovered.map(\.sourcePath), ["Corpus/scan.pdf"])
        XCTAssertEqual(result.contentChanged, [DocumentTransition(sourcePath: "Corpus/scan.pdf", before: Self.d3.sha,
                                                                    after: Self.d3b.sha, reason: nil)])
        XCTAssertEqual([result.documentsA, result.documentsB], [4, 4])
        XCTAssertEqual(result.toolVersionA, "0.1.0"); XCTAssertEqual(result.toolVersionB, "0.2.0")
    }

    func testReportFieldChanges() {
        XCTAssertEqual(changes("report.overall_score"), [
            ValueChange(document: "Corpus/2566/phetchabun.pdf", field: "report.overall_score", key: "", before: "93.57", after: "93.75"),
            ValueChange(document: "Corpus/khoen.pdf", field: "report.overall_score", key: "", before: "88.10", after: ""),
            ValueChange(document: "Corpus/scan.pdf", field: "report.overall_score", key: "", before: "", after: "81.22"),
        ])
        XCTAssertEqual(changes("report.status").map { [$0.document, $0.before, $0.after] },
                       [["Corpus/khoen.pdf", "ok", "failed"], ["Corpus/scan.pdf", "failed", "ok"]])
        XCTAssertTrue(changes("report.pages").isEmpty)
        XCTAssertTrue(changes("report.sha256").isEmpty, "a new sha is listed as content changed, not as a value")
        XCTAssertTrue(result.changes.allSatisfy { $0.document != "Corpus/new.pdf" && $0.document != "Corpus/old.pdf" })
    }

    func testScoreChangesKeyedByYearAndIndicator() {
        XCTAssertEqual(changes("indicator_scores.score").map { [$0.document, $0.key, $0.before ?? "nil", $0.after ?? "nil"] }, [
            ["Corpus/2566/phetchabun.pdf", "2565/1", "nil", "84.60"],
            ["Corpus/2566/phetchabun.pdf", "2566/4", "99.67", "96.67"],
            ["Corpus/2566/phetchabun.pdf", "2566/5", "100.00", "nil"],
            ["Corpus/khoen.pdf", "2566/1", "90.12", "nil"],
            ["Corpus/khoen.pdf", "2566/6", "85.00", "nil"],
        ])
        XCTAssertEqual(changes("question_scores.question"), [
            ValueChange(document: "Corpus/2566/phetchabun.pdf", field: "question_scores.question", key: "2566/o11",
                        before: "แผนด\u{0E4D}\u{0E32}เนินงานและการใช้งบประมาณประจำปี",
                        after: "แผนดำเนินงานและการใช้งบประมาณประจำปี"),
        ])
        XCTAssertTrue(changes("question_scores.score").isEmpty)
    }

    func testMeasureRowsAlignedByContent() {
        // The inserted first row is one added row, not four shifted ones; row 3 kept its text and changed owner.
        let m = result.changes.filter { $0.field.hasPrefix("measures.") }
        XCTAssertEqual(m.map { [$0.field, $0.key, $0.before ?? "nil", $0.after ?? "nil"] }, [
            ["measures.issue", "row 1 (p.9)", "nil", "การเปิดเผยข้อมูล"],
            ["measures.measure", "row 1 (p.9)", "nil", "ปรับปรุงเว็บไซต์"],
            ["measures.owner", "row 1 (p.9)", "nil", "กองช่าง"],
            ["measures.owner", "row 3 (p.9)", "สำนักปลัด", "กองคลัง"],
            ["measures.page", "row 1 (p.9)", "nil", "9"],
        ])
    }

    func testNewColumnListedNotCompared() {
        XCTAssertEqual(result.columnsAdded, ["measures.row_no"])
        XCTAssertEqual(result.columnsRemoved, [])
        XCTAssertTrue(changes("measures.row_no").isEmpty)
    }

    func testRowNumbersDoNotBreakMeasureAlignment() throws {
        // Both runs number their rows: the inserted row shifts the numbers of the three below it,
        // which are reported as such, while their content still aligns.
        var a = Self.runA(), b = Self.runB()
        a.extraMeasureColumns = ["row_no"]
        for i in a.measures.indices { a.measures[i]["row_no"] = String(i + 1) }
        let d = RunDiffer.diff(try RunDataset.load(try fixture.write(a, as: "numberedA")),
                               try RunDataset.load(try fixture.write(b, as: "numberedB")), labelA: "a", labelB: "b")
        XCTAssertEqual(d.changes.filter { $0.field == "measures.row_no" }.map { [$0.key, $0.before ?? "nil", $0.after ?? "nil"] },
                       [["row 1 (p.9)", "nil", "1"], ["row 2 (p.9)", "1", "2"], ["row 3 (p.9)", "2", "3"], ["row 4 (p.10)", "3", "4"]])
        XCTAssertEqual(d.changes.filter { $0.field == "measures.owner" }.map(\.key), ["row 1 (p.9)", "row 3 (p.9)"])
        XCTAssertEqual(d.changes.filter { $0.field == "measures.measure" }.count, 1)
    }

    func testChangedRowsPairedByContentNotPosition() {
        // A junk first row disappears and the two real rows below it both change: the real rows
        // pair with their new versions, and the junk row is one removed row.
        let junk = ["", "", "ประชาสัมพันธ์สร้าง", "", "", "", "8"]
        let x1 = ["๑. กระบวนการปฏิบัติงานที่โปร่งใส", "1", "จัดทำคู่มือการปฏิบัติงาน", "๑. แต่งตั้งคณะทำงาน", "ไตรมาส ๑-๔", "สำนักปลัด", "9"]
        let x2 = ["๒. การให้บริการและระบบ E-Service", "6", "พัฒนาระบบ E-Service", "๑. กำหนดผู้รับผิดชอบ", "ไตรมาส ๑-๔", "กองคลัง", "9"]
        var x1b = x1, x2b = x2
        x1b[3] = "๑. แต่งตั้งคณะทำงานจัดทำคู่มือ"; x2b[5] = "กองยุทธศาสตร์และงบประมาณ"
        let cols = ["issue", "indicator", "measure", "steps", "period", "owner", "page"]
        func rows(_ xs: [[String]]) -> [[String: String]] { xs.map { Dictionary(uniqueKeysWithValues: zip(cols, $0)) } }
        let c = RunDiffer.measureChanges(document: "d", a: rows([junk, x1, x2]), b: rows([x1b, x2b]), columns: cols)
        XCTAssertEqual(c.filter { $0.before != nil && $0.after != nil }.map { [$0.field, $0.key, $0.after!] },
                       [["measures.steps", "row 1 (p.9)", "๑. แต่งตั้งคณะทำงานจัดทำคู่มือ"],
                        ["measures.owner", "row 2 (p.9)", "กองยุทธศาสตร์และงบประมาณ"]])
        XCTAssertEqual(Set(c.filter { $0.after == nil }.map(\.key)), ["row 1 (p.8)"])
    }

    func testSummaryCountsAndGrouping() {
        // phetchabun 1, khoen 11 (all but pages: text_source stays native), scan 7.
        XCTAssertEqual(result.changes.filter { $0.field.hasPrefix("report.") }.count, 1 + 10 + 7)
        // 3 phetchabun score rows (4 cells for the new and the lost row, 1 for the changed) + 2 khoen rows × 4 cells.
        XCTAssertEqual(result.changes.filter { $0.field.hasPrefix("indicator_scores.") }.count, 4 + 1 + 4 + 8)
        XCTAssertEqual(result.changes.count, 18 + 17 + 1 + 5)
        XCTAssertEqual(result.documentsChanged, 3)
        XCTAssertEqual(result.fieldCounts.map(\.changes).reduce(0, +), result.changes.count)
        // Grouped: each field's changes are contiguous and fields come in column order.
        XCTAssertEqual(result.fieldCounts.map(\.field), RunDiffer.unique(result.changes.map(\.field)))
        XCTAssertEqual(result.fieldCounts.first?.field, "report.text_source")
    }

    func testIdenticalRunsHaveNoChanges() throws {
        let a = try RunDataset.load(fixture.root.appendingPathComponent("runA"))
        let same = RunDiffer.diff(a, a, labelA: "a", labelB: "a")
        XCTAssertTrue(same.changes.isEmpty && same.added.isEmpty && same.removed.isEmpty && same.newlyFailed.isEmpty)
        XCTAssertTrue(DiffTextRenderer.render(same).contains("No value changed."))
    }

    func testTextOutput() {
        let text = DiffTextRenderer.render(result)
        XCTAssertTrue(text.contains("Summary: 1 added, 1 removed, 1 with changed content, 1 newly failed, 1 recovered; 41 changed values in 3 documents"))
        XCTAssertTrue(text.contains("== report.overall_score (3) ==\n  Corpus/2566/phetchabun.pdf: \"93.57\" → \"93.75\""))
        XCTAssertTrue(text.contains("  Corpus/2566/phetchabun.pdf [2566/5]: \"100.00\" → (none)"))
        XCTAssertTrue(text.contains("+ Corpus/new.pdf"))
    }
}
