import Foundation
import XCTest
@testable import QualityTools

/// eval over a small two-document run with hand-made gold files: exact counts per category.
final class EvalTests: XCTestCase {
    var fixture: RunFixture!
    var result: EvalResult!

    override func setUpWithError() throws {
        fixture = try RunFixture()
        let (d1, s1) = RunFixture.ids("a"), (d2, s2) = RunFixture.ids("b"), (d6, s6) = RunFixture.ids("c")
        var run = RunFixture.Run()
        run.bom = true  // the Excel option must not disturb reading
        run.reports = [
            ["doc_id": d1, "source_path": "Corpus/2566/phetchabun.pdf", "sha256": s1, "pages": "14", "text_source": "native",
             "unit_name": "เทศบาลเมืองเพชรบูรณ์ ", "unit_type": "เทศบาลเมือง", "district": "เมืองเพชรบูรณ์", "province": "",
             "assessment_year": "2566", "plan_year": "2567", "overall_score": "93.570", "rating": "ผ่านดีเยี่ยม", "status": "ok"],
            ["doc_id": d2, "source_path": "Corpus/khoen.pdf", "sha256": s2, "pages": "9", "text_source": "native",
             "unit_name": "องค์การบริหารส่วนตำบลเขิน", "unit_type": "องค์การบริหารส่วนตำบล", "district": "น้ำพอง",
             "province": "ขอนแก่น", "status": "partial", "warnings": "indicator_mean_mismatch"],
            // Same file name in another year folder: the gold 2566/phetchabun.json must not take it.
            ["doc_id": d6, "source_path": "Corpus/2567/phetchabun.pdf", "sha256": s6, "pages": "15",
             "unit_name": "เทศบาลเมืองเพชรบูรณ์", "status": "ok"],
        ]
        run.indicators = [
            ["doc_id": d1, "year": "2566", "indicator": "1", "tool": "IIT", "name": "การปฏิบัติหน้าที่", "score": "100.00", "page": "2"],
            ["doc_id": d1, "year": "2566", "indicator": "2", "tool": "IIT", "name": "การใช้งบประมาณ", "score": "99.67", "page": "2"],
            ["doc_id": d1, "year": "2566", "indicator": "3", "tool": "IIT", "name": "การใช้อำนาจ", "score": "100.00", "page": "2"],
            ["doc_id": d1, "year": "2566", "indicator": "4", "tool": "IIT", "name": "การใช้ทรัพย์สินของราชการ", "score": "96.67", "page": "2"],
            // A previous-year table the gold marks unsure ("indicator_scores.2565"): neither TP nor FP.
            ["doc_id": d1, "year": "2565", "indicator": "1", "tool": "IIT", "name": "การปฏิบัติหน้าที่", "score": "84.60", "page": "3"],
            // The gold of khoen has no indicator_scores key: these rows are not scored.
            ["doc_id": d2, "year": "2566", "indicator": "1", "tool": "IIT", "score": "88.00", "page": "3"],
            ["doc_id": d6, "year": "2567", "indicator": "1", "tool": "IIT", "score": "91.00", "page": "3"],
        ]
        run.questions = [
            ["doc_id": d1, "year": "2566", "code": "i1", "tool": "IIT", "question": "เจ้าหน้าที่ของหน่วยงานท่านปฏิบัติหรือให้บริการแก่บุคคลภายนอกเป็นไปตามขั้นตอนและระยะเวลา มากน้อยเพียงใด", "score": "100.00", "page": "4"],
            ["doc_id": d1, "year": "2566", "code": "e1", "tool": "EIT", "score": "98.12", "page": "4"],
            ["doc_id": d1, "year": "2566", "code": "o11", "tool": "OIT", "question": "แผนดำเนินงานและการใช้งบประมาณประจำปี", "score": "0.00", "page": "4"],
            ["doc_id": d1, "year": "2566", "code": "e15", "tool": "EIT", "score": "98.12", "page": "4"],
            ["doc_id": d2, "year": "2566", "code": "i1", "tool": "IIT", "score": "77.00", "page": "5"],
        ]
        run.measures = [
            ["doc_id": d1, "issue": "การเปิดเผยข้อมูล", "indicator": "9",
             "measure": "- จัดทำคู่มือการปฏิบัติงานและเผยแพร่บนเว็บไซต์ของหน่วยงานให้ครบถ้วนทุกหัวข้อ", "owner": "สำนักปลัด", "page": "10"],
            ["doc_id": d1, "measure": "ประชุมชี้แจงแนวทางการปฏิบัติงานแก่บุคลากร", "period": "๑ ต.ค. ๖๖ - ๓๐ ก.ย. ๖๗",
             "owner": "สำนักปลัด", "page": "10"],
            ["doc_id": d1, "measure": "พัฒนาระบบ E-Service ให้ประชาชนใช้งานได้สะดวก", "owner": "กองคลัง", "page": "11"],
            ["doc_id": d1, "measure": "ติดตามผลการดำเนินงานทุกไตรมาส", "owner": "กองช่าง", "page": "11"],
            ["doc_id": d2, "measure": "ประกาศเจตนารมณ์การต่อต้านการทุจริต", "owner": "สำนักปลัด", "page": "7"],
        ]
        let runDir = try fixture.write(run, as: "run")
        try fixture.writeGold("""
        {"name": "phetchabun",
         "report": {"unit_name": "เทศบาลเมืองเพชรบูรณ์", "unit_type": "เทศบาลเมือง", "district": "เมืองเพชรบูรณ์",
                    "province": "เพชรบูรณ์", "assessment_year": 2566, "plan_year": 2567, "overall_score": "93.57",
                    "rating": "ผ่านดี"},
         "indicator_scores": [{"year": 2566, "indicator": 1, "tool": "IIT", "score": "100.00"},
                              {"year": 2566, "indicator": 2, "tool": "IIT", "score": "99.67"},
                              {"year": 2566, "indicator": 3, "tool": "IIT", "score": "100.00"},
                              {"year": 2566, "indicator": 4, "tool": "IIT", "score": "99.67"}],
         "question_scores": [{"year": 2566, "code": "i1", "tool": "IIT", "score": "100.00"},
                             {"year": 2566, "code": "e1", "tool": "EIT", "score": 98.12},
                             {"year": 2566, "code": "O11", "tool": "OIT", "score": "100.00"}],
         "measures": {"count": 4, "rows": [
            {"issue": "การเปิดเผยข้อมูล", "measure": "จัดทำคู่มือการปฏิบัติงานและเผยแพร่บนเว็บไซต์ของหน่วยงานให้ครบถ้วนทุกหัวข้อ", "owner": "สำนักปลัด"},
            {"measure": "ประชุมชี้แจงแนวทางการปฏิบัติงานแก่บุคลากร", "period": "๑ ต.ค. ๖๖-๓๐ ก.ย. ๖๗"},
            {"measure": "พัฒนาระบบ E-Service ให้ประชาชนใช้งานได้สะดวก", "owner": "กองคลัง"}]},
         "unsure": [{"field": "report.plan_year", "why": "inferred from the periods only"},
                    {"field": "indicator_scores.2565", "why": "second table has no year label"}]}
        """, at: "2566/phetchabun.json")
        try fixture.writeGold("""
        {"name": "khoen",
         "report": {"unit_name": "องค์การบริหารส่วนตำบลเขิน", "district": null, "province": "ขอนแก่น",
                    "overall_score": null, "rank": 3},
         "question_scores": [{"year": 2566, "code": "i1", "score": "77.00"}],
         "measures": {"count": 0, "rows": []},
         "unsure": [{"field": "question_scores", "why": "table half cut off"}]}
        """, at: "khoen.json")
        try fixture.writeGold("""
        {"name": "missing", "report": {"unit_name": "เทศบาลตำบลหนองบัว"}, "measures": {"count": 2, "rows": []}}
        """, at: "2566/missing.json")
        // Not a gold file (a table-layout gold): skipped, not a document missing from the run.
        try fixture.writeGold(#"{"pdf": "seeds/phetchabun.pdf", "tables": [{"grid": [["IIT", "๑"]]}]}"#,
                              at: "tables/phetchabun.json")
        XCTAssertEqual(try GoldFile.scan(fixture.goldDirectory).skipped, ["tables/phetchabun.json"])
        result = Evaluator.evaluate(run: try RunDataset.load(runDir), golds: try GoldFile.loadAll(fixture.goldDirectory),
                                    runLabel: "run", goldLabel: "gold")
    }

    override func tearDown() { fixture.remove() }

    func category(_ name: String) throws -> CategoryScore {
        try XCTUnwrap(result.categories.first { $0.category == name }, "no category \(name)")
    }

    func testDocumentsAreMatchedByNameAndFolder() {
        XCTAssertEqual(result.goldDocuments, 3)
        XCTAssertEqual(result.matchedDocuments, 2)
        XCTAssertEqual(result.missingFromRun, ["2566/missing"])
        XCTAssertEqual(result.notInGold, ["Corpus/2567/phetchabun.pdf"])
        XCTAssertEqual(result.documents.first { $0.document == "2566/phetchabun" }?.sourcePath, "Corpus/2566/phetchabun.pdf")
        XCTAssertEqual(result.ignoredReportKeys, ["rank"])
    }

    func testThreeOfFourIndicatorScoresRight() throws {
        let c = try category("indicator_scores")
        XCTAssertEqual([c.tp, c.fp, c.fn], [3, 1, 1])
        XCTAssertEqual(c.precision, 0.75); XCTAssertEqual(c.recall, 0.75); XCTAssertEqual(c.f1, 0.75)
    }

    func testQuestionScoresCountExtraRowsAndSkipUnsureDocument() throws {
        // i1 and e1 right (e1 given as a JSON number), o11 ("O11" in the gold) wrong, e15 not in the gold.
        let c = try category("question_scores")
        XCTAssertEqual([c.tp, c.fp, c.fn], [2, 2, 1])
        XCTAssertEqual(c.precision, 0.5); XCTAssertEqual(c.recall, 0.6667); XCTAssertEqual(c.f1, 0.5714)
    }

    func testReportFieldsFieldByField() throws {
        func prf(_ n: String) throws -> [Double?] { let c = try category(n); return [c.precision, c.recall, c.f1] }
        XCTAssertEqual(try prf("report.unit_name"), [1, 0.6667, 0.8])      // trailing space ignored; missing doc = FN
        XCTAssertEqual(try prf("report.unit_type"), [1, 1, 1])
        XCTAssertEqual(try prf("report.district"), [0.5, 1, 0.6667])       // gold null, run has a value = FP
        XCTAssertEqual(try prf("report.province"), [1, 0.5, 0.6667])       // run empty = FN
        XCTAssertEqual(try prf("report.overall_score"), [1, 1, 1])         // 93.570 = 93.57; null/empty = TN
        XCTAssertEqual(try prf("report.rating"), [0, 0, 0])
        XCTAssertEqual(try prf("report.plan_year"), [nil, nil, nil])       // unsure: nothing counted
        let all = try category("report")
        XCTAssertEqual([all.tp, all.fp, all.fn], [7, 2, 3])
        XCTAssertEqual(all.f1, 0.7368)
        XCTAssertEqual(result.categories.map(\.category).prefix(9),
                       ["report.unit_name", "report.unit_type", "report.district", "report.province",
                        "report.assessment_year", "report.plan_year", "report.overall_score", "report.rating", "report"])
    }

    func testMeasuresPairedByTextAndCounted() throws {
        // Row 1 agrees by containment (leading "- "), row 3 exactly, row 2's period differs; the
        // fourth run row stands for the gold's one unlisted row; khoen's one row is a false positive.
        let c = try category("measures")
        XCTAssertEqual([c.tp, c.fp, c.fn], [2, 2, 1])
        XCTAssertEqual(result.measureFields.map { "\($0.field) \($0.agreed)/\($0.given)" },
                       ["issue 1/1", "measure 3/3", "period 0/1", "owner 2/2"])
        XCTAssertEqual(result.measureCounts.documents, 3)
        XCTAssertEqual(result.measureCounts.exact, 1)
        XCTAssertEqual(result.measureCounts.meanAbsoluteError, 1.0)
        XCTAssertEqual(result.measureCounts.items.map { [$0.document, String($0.found)] },
                       [["2566/missing", "0"], ["2566/phetchabun", "4"], ["khoen", "1"]])  // gold files in path order
    }

    func testMissesNameExpectedAndFoundValues() throws {
        let doc = try XCTUnwrap(result.documents.first { $0.document == "2566/phetchabun" })
        XCTAssertTrue(doc.misses.contains(EvalMiss(category: "report.rating", key: "", kind: "wrong value",
                                                   expected: "ผ่านดี", found: "ผ่านดีเยี่ยม")))
        XCTAssertTrue(doc.misses.contains(EvalMiss(category: "report.province", key: "", kind: "not found",
                                                   expected: "เพชรบูรณ์", found: nil)))
        XCTAssertTrue(doc.misses.contains(EvalMiss(category: "indicator_scores", key: "2566/4", kind: "wrong value",
                                                   expected: "99.67", found: "96.67")))
        XCTAssertTrue(doc.misses.contains(EvalMiss(category: "question_scores", key: "2566/e15", kind: "false positive",
                                                   expected: nil, found: "98.12")))
        let period = try XCTUnwrap(doc.misses.first { $0.category == "measures" && $0.kind == "wrong value" })
        XCTAssertEqual(period.expected, "period=๑ ต.ค. ๖๖-๓๐ ก.ย. ๖๗")
        XCTAssertEqual(period.found, "period=๑ ต.ค. ๖๖ - ๓๐ ก.ย. ๖๗")
        XCTAssertFalse(doc.misses.contains { $0.category == "report.plan_year" })
        let khoen = try XCTUnwrap(result.documents.first { $0.document == "khoen" })
        XCTAssertTrue(khoen.misses.contains(EvalMiss(category: "report.district", key: "", kind: "false positive",
                                                     expected: nil, found: "น้ำพอง")))
        XCTAssertFalse(khoen.misses.contains { $0.category == "question_scores" })
        let missing = try XCTUnwrap(result.documents.first { $0.document == "2566/missing" })
        XCTAssertEqual(missing.misses.map(\.kind), ["not in run"])
    }

    func testUnsureItemsListedApart() {
        XCTAssertEqual(result.unsure, [
            UnsureEntry(document: "2566/phetchabun", field: "report.plan_year", why: "inferred from the periods only"),
            UnsureEntry(document: "2566/phetchabun", field: "indicator_scores.2565", why: "second table has no year label"),
            UnsureEntry(document: "khoen", field: "question_scores", why: "table half cut off"),
        ])
    }

    func testFloorNamesTheCategoriesBelowIt() {
        XCTAssertEqual(result.categories(below: 0.6).map(\.category), ["report.rating", "question_scores", "measures"])
        XCTAssertEqual(result.categories(below: 0).map(\.category), [])
        let text = EvalTextRenderer.render(result, floor: 0.6)
        XCTAssertTrue(text.contains("Below the F1 floor (F1 0.600): report.rating (0.000), question_scores (0.571), measures (0.571)"))
        // A category's own floor overrides the global one, both ways.
        XCTAssertEqual(result.categories(below: 0.6, perCategory: ["report.rating": 0, "indicator_scores": 0.8]).map(\.category),
                       ["indicator_scores", "question_scores", "measures"])
        XCTAssertEqual(result.categories(below: nil, perCategory: ["report": 0.74]).map(\.category), ["report"])
    }

    func testTextAndJSONOutput() throws {
        let text = EvalTextRenderer.render(result)
        let line = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("indicator_scores ") })
        XCTAssertEqual(line.split(separator: " ").map(String.init), ["indicator_scores", "0.750", "0.750", "0.750", "3", "1", "1"])
        XCTAssertTrue(text.contains("report.plan_year"))
        XCTAssertTrue(text.contains("  indicator_scores 2566/4: wrong value; expected \"99.67\"; found \"96.67\""))
        let json = try JSONOutput.render(result)
        XCTAssertEqual(json, try JSONOutput.render(result))  // deterministic
        let obj = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let cats = try XCTUnwrap(obj["categories"] as? [[String: Any]])
        let ind = try XCTUnwrap(cats.first { $0["category"] as? String == "indicator_scores" })
        XCTAssertEqual(ind["f1"] as? Double, 0.75)
        XCTAssertEqual(ind["tp"] as? Int, 3)
        XCTAssertNotNil(obj["measure_counts"])
    }
}
