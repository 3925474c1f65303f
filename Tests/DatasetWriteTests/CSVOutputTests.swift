import Foundation
import ITAModel
import XCTest
@testable import DatasetWrite

/// The CSV files read back with CSV.swift's reader hold exactly the records' values.
final class CSVOutputTests: XCTestCase {
    func testReportsCSVHoldsEveryColumn() throws {
        let dir = try writeDataset()
        let (header, rows) = try Fixtures.readCSV(dir.appendingPathComponent("reports.csv"))
        XCTAssertEqual(Array(header.prefix(15)), [
            "doc_id", "source_path", "sha256", "pages", "text_source", "unit_name", "unit_type", "district",
            "province", "assessment_year", "plan_year", "overall_score", "rating", "status", "warnings"])
        XCTAssertEqual(header, Tables.reports.columnNames)
        XCTAssertEqual(rows.count, 3)
        func row(_ id: String) -> [String: String] {
            let r = rows.first { $0[0] == id } ?? []
            return Dictionary(uniqueKeysWithValues: zip(header, r))
        }
        let ok = Fixtures.ok, f = ok.fields
        XCTAssertEqual(row(ok.docID), [
            "doc_id": ok.docID, "source_path": ok.sourcePath, "sha256": ok.sha256, "pages": "12", "text_source": "native",
            "unit_name": f.unitName!.value, "unit_type": f.unitType!.value, "district": f.district!.value,
            "province": f.province!.value, "assessment_year": "2566", "plan_year": "2567", "overall_score": "93.50",
            "rating": "ผ่านดี", "status": "ok", "warnings": "indicator_mean_mismatch", "rank": "12",
            "previous_score": "", "warning_count": "1", "error_stage": "", "error_reason": "",
            "province_code": "", "district_code": "", "subdistrict_code": "", "unit_key": ""])
        // Partial: missing values are empty (never 0); warning codes distinct, in order; the writer's
        // duplicate warning is added.
        let p = row(Fixtures.partial.docID)
        XCTAssertEqual(p["assessment_year"], "")
        XCTAssertEqual(p["plan_year"], "")
        XCTAssertEqual(p["rating"], "")
        XCTAssertEqual(p["overall_score"], "71.04")
        XCTAssertEqual(p["status"], "partial")
        XCTAssertEqual(p["warnings"], "ocr_pages;nothing_found;duplicate_indicator_row")
        XCTAssertEqual(p["warning_count"], "4")
        // Failed: file facts and the error only.
        let x = row(Fixtures.failed.docID)
        XCTAssertEqual(x["status"], "failed")
        XCTAssertEqual(x["source_path"], "broken.pdf")
        XCTAssertEqual(x["error_stage"], "read")
        XCTAssertEqual(x["error_reason"], "encrypted")
        for c in ["pages", "text_source", "unit_name", "unit_type", "overall_score", "rating", "warnings"] {
            XCTAssertEqual(x[c], "", c)
        }
    }

    func testScoreAndMeasureCSVsHoldEveryColumn() throws {
        let dir = try writeDataset()
        let ind = try Fixtures.readCSV(dir.appendingPathComponent("indicator_scores.csv"))
        // `check` goes after the contract's columns (DATASET.md, additions in schema version 1).
        XCTAssertEqual(ind.header, ["doc_id", "year", "indicator", "tool", "name", "score", "page", "row_no", "check"])
        XCTAssertEqual(ind.rows, [
            ["2aeda78c4e04438d", "2566", "1", "IIT", "การปฏิบัติหน้าที่", "100.00", "3", "1", "consistent"],
            ["2aeda78c4e04438d", "2566", "9", "OIT", "การเปิดเผยข้อมูล, ข่าวสาร", "87.5", "3", "2", ""],
            ["2aeda78c4e04438d", "2565", "9", "OIT", "", "70.00", "4", "3", ""],
            // The repeated (no year, indicator 2) row is dropped, the first kept.
            ["e19099ab930f905d", "", "2", "IIT", "การใช้งบประมาณ", "80.00", "2", "1", ""],
            ["e19099ab930f905d", "", "6", "EIT", "", "77.7", "2", "2", ""],
        ])
        let q = try Fixtures.readCSV(dir.appendingPathComponent("question_scores.csv"))
        XCTAssertEqual(q.header, ["doc_id", "year", "code", "tool", "question", "score", "page", "row_no", "check"])
        XCTAssertEqual(q.rows, [
            ["2aeda78c4e04438d", "2566", "i1", "IIT", "บุคลากร \"ปฏิบัติงาน\" ตามขั้นตอน", "95.12", "5", "1", "inconsistent"],
            ["2aeda78c4e04438d", "2566", "o21", "OIT", "", "0.00", "6", "2", ""],
            ["e19099ab930f905d", "", "e15", "EIT", "คุณภาพ\nการดำเนินงาน", "66.67", "2", "1", ""],
        ])
        let m = try Fixtures.readCSV(dir.appendingPathComponent("measures.csv"))
        XCTAssertEqual(m.header, ["doc_id", "issue", "indicator", "measure", "steps", "period", "owner", "page", "row_no"])
        XCTAssertEqual(m.rows, [
            ["2aeda78c4e04438d", "การเปิดเผยข้อมูล", "9", "เผยแพร่ข้อมูล, ข่าวสาร \"ทันที\"",
             "1. จัดทำแผน\n2. ประกาศ\r\n3. รายงานผล", "๑ ต.ค. ๖๖-๓๐ ก.ย. ๖๗", "สำนักปลัด", "8", "1"],
            ["2aeda78c4e04438d", "", "", "ประชุมชี้แจง", "", "", "", "9", "2"],
        ])
    }

    /// The bytes themselves: RFC 4180 quoting, LF ends, a final line break, no BOM by default.
    func testQuotingAndLineEndsAreRFC4180() throws {
        let dir = try writeDataset()
        let data = try Data(contentsOf: dir.appendingPathComponent("measures.csv"))
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertFalse(data.starts(with: [0xEF, 0xBB, 0xBF]))
        XCTAssertTrue(text.hasPrefix("doc_id,issue,indicator,measure,steps,period,owner,page,row_no\n"))
        XCTAssertTrue(text.contains(",\"เผยแพร่ข้อมูล, ข่าวสาร \"\"ทันที\"\"\",\"1. จัดทำแผน\n2. ประกาศ\r\n3. รายงานผล\","))
        XCTAssertTrue(text.hasSuffix("ประชุมชี้แจง,,,,9,2\n"))
        // Outside quoted fields, only LF: the one CR is inside the quoted steps.
        XCTAssertEqual(text.unicodeScalars.filter { $0 == "\r" }.count, 1)
        // An empty file still gets its header.
        let empty = try writeDataset([])
        XCTAssertEqual(try String(contentsOf: empty.appendingPathComponent("measures.csv"), encoding: .utf8),
                       "doc_id,issue,indicator,measure,steps,period,owner,page,row_no\n")
    }

    func testBOMOptionPrefixesEveryCSVAndReadsBack() throws {
        let dir = try writeDataset(options: WriterOptions(bom: true))
        for t in Tables.csvTables {
            let url = dir.appendingPathComponent("\(t.name).csv")
            let data = try Data(contentsOf: url)
            XCTAssertTrue(data.starts(with: [0xEF, 0xBB, 0xBF, UInt8(ascii: "d")]), t.name)
            XCTAssertEqual(try Fixtures.readCSV(url).header, t.columnNames)
        }
        // JSON files never get one.
        let jsonl = try Data(contentsOf: dir.appendingPathComponent("reports.jsonl"))
        XCTAssertEqual(jsonl.first, UInt8(ascii: "{"))
    }
}
