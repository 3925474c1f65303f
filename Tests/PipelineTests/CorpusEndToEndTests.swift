import Foundation
import ITAModel
import Pipeline
import QualityTools
import XCTest

/// The whole pipeline over Corpus/, compared with the gold files and checked for the promises of
/// the README: determinism whatever --jobs, bad files reported, scans never silently empty.
final class CorpusEndToEndTests: XCTestCase {
    private func lines(_ url: URL) throws -> [[String: Any]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    /// Report fields and indicator scores equal gold on every hand-checked document with a text layer.
    func testReportFieldsAndIndicatorsEqualGold() throws {
        let run = try RunDataset.load(CorpusRun.shared.dir)
        let golds = try GoldFile.loadAll(CorpusRun.corpus)
        XCTAssertGreaterThanOrEqual(golds.count, 15, "Corpus gold files missing")
        let result = Evaluator.evaluate(run: run, golds: golds, runLabel: "run", goldLabel: "Corpus")
        XCTAssertEqual(result.missingFromRun, [])
        // Corpus/variants (the layout generator's sample) and Corpus/variant-scans (scans of some of
        // them) are held to eval floors of their own in Scripts/test.sh: the readers do not yet read
        // every variation (issue 9), nor scans as well as text layers (issue 11).
        for doc in result.documents where !["scanned/", "variants/", "variant-scans/"].contains(where: doc.document.hasPrefix) {
            let misses = doc.misses.filter { $0.category.hasPrefix("report") || $0.category == "indicator_scores" }
            XCTAssertEqual(misses, [], "\(doc.document): \(misses.map { "\($0.category) \($0.key): expected \($0.expected ?? "nil"), found \($0.found ?? "nil")" })")
        }
    }

    /// Two runs, with 2 jobs and with 1, write byte-identical files (manifest.json: apart from timings).
    func testRerunIsByteIdenticalWhateverTheJobs() throws {
        let first = CorpusRun.shared.dir
        let (second, _) = try CorpusRun.run(jobs: 1)
        defer { try? FileManager.default.removeItem(at: second) }
        for name in ["reports.jsonl", "reports.csv", "indicator_scores.csv", "question_scores.csv", "measures.csv",
                     "errors.jsonl", "dataset.sqlite", "datapackage.json"] {
            let a = try Data(contentsOf: first.appendingPathComponent(name))
            let b = try Data(contentsOf: second.appendingPathComponent(name))
            XCTAssertFalse(a.isEmpty, name)
            XCTAssertEqual(a, b, "\(name) differs between runs")
        }
        func manifestWithoutTimings(_ dir: URL) throws -> NSDictionary {
            var m = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("manifest.json"))) as! [String: Any]
            m["timings"] = nil
            return m as NSDictionary
        }
        XCTAssertEqual(try manifestWithoutTimings(first), try manifestWithoutTimings(second))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: first.path).filter { $0.hasSuffix(".tmp") }
        XCTAssertEqual(leftovers, [], "temporary files left behind")
    }

    /// Each bad file has one errors.jsonl line with its stage and reason, and a failed reports.csv row.
    func testBadFilesAreReportedAndTheRestIsRead() throws {
        let errors = try lines(CorpusRun.shared.dir.appendingPathComponent("errors.jsonl"))
        var reasonByPath: [String: String] = [:]
        for e in errors { reasonByPath[e["source_path"] as! String] = e["reason"] as? String }
        XCTAssertEqual(reasonByPath["Corpus/bad/empty.pdf"], "empty_file")
        XCTAssertEqual(reasonByPath["Corpus/bad/not-a-pdf.pdf"], "not_pdf")
        XCTAssertEqual(reasonByPath["Corpus/bad/truncated.pdf"], "damaged")
        XCTAssertEqual(reasonByPath["Corpus/bad/encrypted.pdf"], "encrypted")
        for e in errors where (e["source_path"] as! String).hasPrefix("Corpus/bad/") {
            XCTAssertEqual(e["stage"] as? String, "extract")
            XCTAssertFalse((e["message"] as? String ?? "").isEmpty)
        }
        let summary = CorpusRun.shared.summary
        XCTAssertGreaterThanOrEqual(summary.ok, 15, "good documents must still be read next to bad ones")
        let reports = try RunDataset.load(CorpusRun.shared.dir).reports.rows
        let failed = reports.filter { $0["status"] == "failed" }.compactMap { $0["source_path"] }
        XCTAssertTrue(Set(failed).isSuperset(of: ["Corpus/bad/empty.pdf", "Corpus/bad/not-a-pdf.pdf",
                                                  "Corpus/bad/truncated.pdf", "Corpus/bad/encrypted.pdf"]))
    }

    /// Scans are OCR'd: text_source ocr, an ocr_pages warning naming the pages, the report fields
    /// that the scans print legibly read right, and no score that disagrees with gold (OCR'd Thai
    /// digits are left empty rather than guessed).
    func testScansAreReadByOCRWithoutWrongScores() throws {
        let run = try RunDataset.load(CorpusRun.shared.dir)
        let scans = run.reports.rows.filter { ($0["source_path"] ?? "").hasPrefix("Corpus/scanned/") }
        XCTAssertGreaterThanOrEqual(scans.count, 3)
        for row in scans {
            XCTAssertEqual(row["text_source"], "ocr", row["source_path"]!)
            // s002's plan (pages 15-21) is printed but its OCR'd rows are not read: its column
            // header shows the plan, so the document is partial, never a bare ok (issue 9). g04's
            // ten indicator scores, printed in prose, are none of them kept from the scans
            // (OCR's checks left one read score empty): partial too (SectionCompleteness).
            XCTAssertEqual(row["status"], "partial", row["source_path"]!)
            if row["source_path"] == "Corpus/scanned/s002-obt-scan.pdf" {
                XCTAssertTrue((row["warnings"] ?? "").contains("announced_section_missing"), row["warnings"] ?? "")
            } else {
                XCTAssertTrue((row["warnings"] ?? "").contains("indicators_incomplete"), row["warnings"] ?? "")
            }
            XCTAssertTrue((row["warnings"] ?? "").contains("ocr_pages"), row["source_path"]!)
            XCTAssertFalse((row["unit_name"] ?? "").isEmpty, row["source_path"]!)
        }
        let s002 = try XCTUnwrap(scans.first { $0["source_path"] == "Corpus/scanned/s002-obt-scan.pdf" })
        XCTAssertEqual(s002["unit_name"], "องค์การบริหารส่วนตำบลเขิน")
        XCTAssertEqual(s002["overall_score"], "87.33")
        XCTAssertEqual(s002["rating"], "ผ่าน")
        // Its indicator table ("IIT | 1 | การปฏิบัติหน้าที่ | 99.75", borderless once OCR'd) is one
        // table, not two side-by-side groups: indicators 2-5 (ASCII digits) must be read.
        let s002Indicators = run.indicators.rows.filter { $0["doc_id"] == s002["doc_id"] && $0["year"] == "2566" }
        XCTAssertTrue(Set(["2", "3", "4", "5"]).isSubset(of: Set(s002Indicators.compactMap { $0["indicator"] })),
                      "\(s002Indicators.map { ($0["indicator"] ?? "") + "=" + ($0["score"] ?? "") })")

        let golds = try GoldFile.loadAll(CorpusRun.corpus)
        let result = Evaluator.evaluate(run: run, golds: golds, runLabel: "run", goldLabel: "Corpus")
        var found = 0
        // The scans of generated layouts (variant-scans/) too: whatever they give must be right, except
        // plan rows and their count, which OCR'd plans do not read right yet (issue 11: rows missing,
        // rows whose every cell was left empty, v000059's photocopied scan writes more rows than its 3).
        // The older scans keep the count. A plan cell that is written must be right: a row paired
        // with a gold row may miss cells (left empty), never hold a wrong one.
        for doc in result.documents where doc.document.hasPrefix("scanned/") || doc.document.hasPrefix("variant-scans/") {
            let planExempt = doc.document.hasPrefix("variant-scans/")
            let wrong = doc.misses.filter { m in
                guard let found = m.found else { return false }
                if m.category == "measures" { return m.kind == "wrong value" && !found.isEmpty }
                return !(planExempt && m.category.hasPrefix("measures"))
            }
            XCTAssertEqual(wrong.map { "\($0.category) \($0.key): expected \($0.expected ?? "nil"), found \($0.found!)" }, [], doc.document)
        }
        for row in run.questions.rows where scans.contains(where: { $0["doc_id"] == row["doc_id"] }) { found += 1 }
        XCTAssertGreaterThanOrEqual(found, 30, "question scores read from the scans")
        let json = try lines(CorpusRun.shared.dir.appendingPathComponent("reports.jsonl"))
        for r in json where (r["source_path"] as? String ?? "").hasPrefix("Corpus/scanned/") {
            let warnings = r["warning_list"] as? [[String: Any]] ?? []
            let text = warnings.filter { $0["code"] as? String == "ocr_pages" }.compactMap { $0["message"] as? String }.joined()
            XCTAssertTrue(text.contains("pages 1-"), "the warning names the pages: \(text)")
        }
    }

    /// A section mostly not read is never a bare `ok` (issue 9, `SectionCompleteness`): v000059's
    /// scans print ten indicator scores of which none is kept (OCR's checks left the ones read
    /// empty; the photocopy also lost the year), and v000152's scans keep under half of their 88
    /// question scores; each says so with the counts and is `partial`. The text layers of
    /// the seed reports (all ten, 87 of 88: real reports leave out an OIT item) say nothing.
    func testSectionsMostlyNotReadMakeTheDocumentPartial() throws {
        let json = try lines(CorpusRun.shared.dir.appendingPathComponent("reports.jsonl"))
        func report(_ path: String) throws -> [String: Any] { try XCTUnwrap(json.first { $0["source_path"] as? String == path }, path) }
        func messages(_ r: [String: Any], _ code: String) -> [String] {
            (r["warning_list"] as? [[String: Any]] ?? []).filter { $0["code"] as? String == code }.compactMap { $0["message"] as? String }
        }
        for path in ["Corpus/variant-scans/v000059-scan300.pdf", "Corpus/variant-scans/v000059-scan200-copy.pdf"] {
            let r = try report(path)
            XCTAssertEqual(r["status"] as? String, "partial", path)
            let m = messages(r, "indicators_incomplete")
            XCTAssertEqual(m.count, 1, path)
            // The photocopy lost the document's year: its section is still shown.
            XCTAssertTrue(m.first.map { $0.hasPrefix("2566: 0 of the 10 indicator scores kept") || $0.hasPrefix("year not read: 0 of the 10") } ?? false,
                          "\(path): \(m)")
        }
        // v000152's scans keep under half of their 88 question scores (OCR's checks left most of
        // the ones read empty); s002's scan keeps 47 of 88 (i5, printed `15`, by the code column's
        // order: QuestionCodeChain), and 7 of its 10 indicators.
        for path in ["Corpus/variant-scans/v000152-scan150.pdf", "Corpus/variant-scans/v000152-scan200.pdf"] {
            let r = try report(path)
            XCTAssertEqual(r["status"] as? String, "partial", path)
            let q = messages(r, "questions_incomplete")
            XCTAssertTrue(q.count == 1 && q[0].hasPrefix("2567: ") && q[0].contains(" of the 88 question scores of its catalogue kept"), "\(path): \(q)")
        }
        let s002 = try report("Corpus/scanned/s002-obt-scan.pdf")
        XCTAssertEqual(s002["status"] as? String, "partial")
        // Its ASCII scores the ASCII digits' shapes do not read alike (e11 79.77) are left empty; whole
        // 100s (o11, o13, o14) have their second reading, and o36, read `100.00.`, is one of an OIT
        // item's only scores (tool-weights.json itemScores) standing clean in its cell: 47 of 88 kept,
        // over half, so no questions_incomplete, and the question rows are those 47.
        XCTAssertEqual(messages(s002, "questions_incomplete"), [])
        let s002ID = try XCTUnwrap(s002["doc_id"] as? String)
        let s002Rows = try String(contentsOf: CorpusRun.shared.dir.appendingPathComponent("question_scores.csv"), encoding: .utf8)
            .split(separator: "\n").filter { $0.hasPrefix(s002ID + ",") }
        XCTAssertEqual(s002Rows.count, 47)
        XCTAssertEqual(messages(s002, "indicators_incomplete").map { $0.hasPrefix("2566: 7 of the 10 indicator scores kept") }, [true])
        for path in ["Corpus/seeds/s002-obt.pdf", "Corpus/seeds/s000-thesaban-mueang.pdf"] {
            let r = try report(path)
            XCTAssertEqual(messages(r, "indicators_incomplete") + messages(r, "questions_incomplete"), [], path)
        }
    }

    /// Every score OCR read and the pipeline left empty is listed in reports.jsonl with what was
    /// read (issue 11: nothing dropped silently, and the digit error rate measurable against gold):
    /// as many entries as the `ocr_scores_dropped` warning names, each with its page, a reason and
    /// the value; Thai digits the shapes read again keep Tesseract's text (`source.ocr`). On the
    /// Corpus scans, v000152's questions (no indicator to check them) are among them.
    func testDroppedOCRScoresAreListedWithWhatWasRead() throws {
        let json = try lines(CorpusRun.shared.dir.appendingPathComponent("reports.jsonl"))
        var listed = 0, withTesseract = 0
        for r in json {
            let path = r["source_path"] as? String ?? ""
            guard path.hasPrefix("Corpus/scanned/") || path.hasPrefix("Corpus/variant-scans/") else { continue }
            let warnings = r["warning_list"] as? [[String: Any]] ?? []
            let message = warnings.first { $0["code"] as? String == "ocr_scores_dropped" }?["message"] as? String
            let dropped = r["ocr_scores_dropped"] as? [[String: Any]] ?? []
            guard let message else { XCTAssertTrue(dropped.isEmpty, path); continue }
            XCTAssertEqual(dropped.count, message.components(separatedBy: "(page ").count - 1, path)
            for d in dropped {
                let score = d["score"] as? String ?? ""
                XCTAssertGreaterThan(d["page"] as? Int ?? 0, 0, path)
                XCTAssertFalse((d["reason"] as? String ?? "").isEmpty, path)
                XCTAssertFalse(score.isEmpty, path)
                XCTAssertTrue(message.contains(score), "\(path): \(score) not in the warning")
                if (d["source"] as? [String: Any])?["ocr"] is String { withTesseract += 1 }
            }
            listed += dropped.count
        }
        // 79 on the Corpus scans and OCR'd documents (v000152's questions, the prose indicators
        // of v000059, the overall scores, codes their text does not confirm); 112 before the second
        // reading was turned on (it writes 33 of v000152's questions, all right). The floor sits a
        // tenth under, so that losing a tenth of the list fails.
        XCTAssertGreaterThanOrEqual(listed, 71, "scores left empty on the Corpus scans")
        XCTAssertGreaterThan(withTesseract, 0, "shape-read scores keep what Tesseract read")
    }

    /// Question rows of the Corpus scans whose code OCR read as no code are identified by their
    /// row's whole text (`QuestionTextIdentification`): s002's `id` before i4's text, `el` before
    /// e1's, and v000152's (10 on the committed scans, 0 before). Each is traced: the change
    /// `code_from_text` names the token as OCR read it and the code, and the raw text keeps the
    /// token. Their scores equal gold (`testScansAreReadByOCRWithoutWrongScores` checks every
    /// value of the scans); here, that they are there and traced.
    func testQuestionCodesFoundByTheirTextAreTraced() throws {
        let json = try lines(CorpusRun.shared.dir.appendingPathComponent("reports.jsonl"))
        var found: [String] = []
        for r in json {
            let path = r["source_path"] as? String ?? ""
            guard path.hasPrefix("Corpus/scanned/") || path.hasPrefix("Corpus/variant-scans/") else { continue }
            for q in r["question_scores"] as? [[String: Any]] ?? [] {
                let source = q["source"] as? [String: Any] ?? [:]
                let changes = (source["changes"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "code_from_text" }
                guard let change = changes.first else { continue }
                let token = change["before"] as? String ?? ""
                XCTAssertEqual(change["after"] as? String, q["code"] as? String, path)
                XCTAssertEqual(change["field"] as? String, "code", path)
                XCTAssertFalse(token.isEmpty, path)
                XCTAssertTrue((source["raw"] as? String ?? "").contains(token), "\(path): raw text keeps \(token)")
                found.append("\(path.split(separator: "/").last ?? "") \(q["code"] as? String ?? "")")
            }
        }
        XCTAssertTrue(found.contains("s002-obt-scan.pdf i4"), "\(found)")
        XCTAssertTrue(found.contains("s002-obt-scan.pdf e1"), "\(found)")
        XCTAssertGreaterThanOrEqual(found.count, 9, "\(found)")
    }

    /// OCR'd question rows whose code token the code column's order confirmed (`QuestionCodeChain`):
    /// s002-obt-scan's i5, printed `15` between i3 (`13`), i4 (`id`) and i6 (`[6`) on page 3, was
    /// left unread before (the token reads 15, and i5's text alone did not confirm it). Each is
    /// traced like a code found by its text; its score equals gold (checked for every value of the
    /// scans by `testScansAreReadByOCRWithoutWrongScores`).
    func testQuestionCodesConfirmedByTheColumnsOrderAreTraced() throws {
        let json = try lines(CorpusRun.shared.dir.appendingPathComponent("reports.jsonl"))
        var found: [String] = []
        for r in json {
            let path = r["source_path"] as? String ?? ""
            guard path.hasPrefix("Corpus/scanned/") || path.hasPrefix("Corpus/variant-scans/") else { continue }
            for q in r["question_scores"] as? [[String: Any]] ?? [] {
                let source = q["source"] as? [String: Any] ?? [:]
                let changes = (source["changes"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "code_from_sequence" }
                guard let change = changes.first else { continue }
                let token = change["before"] as? String ?? ""
                XCTAssertEqual(change["after"] as? String, q["code"] as? String, path)
                XCTAssertEqual(change["field"] as? String, "code", path)
                XCTAssertTrue((source["raw"] as? String ?? "").contains(token), "\(path): raw text keeps \(token)")
                found.append("\(path.split(separator: "/").last ?? "") \(q["code"] as? String ?? "") \(token) \(q["score"] as? String ?? "")")
            }
        }
        XCTAssertTrue(found.contains("s002-obt-scan.pdf i5 15 100.00"), "\(found)")
    }

    /// Every extracted score can be traced to a page, a box and the raw text it was read from.
    func testEveryScoreHasProvenance() throws {
        let json = try lines(CorpusRun.shared.dir.appendingPathComponent("reports.jsonl"))
        var checked = 0
        for r in json {
            for key in ["indicator_scores", "question_scores", "measures"] {
                for item in r[key] as? [[String: Any]] ?? [] {
                    let source = item["source"] as? [String: Any]
                    XCTAssertNotNil(source?["page"], "\(key) without page in \(r["source_path"] ?? "")")
                    XCTAssertNotNil(source?["box"], "\(key) without box in \(r["source_path"] ?? "")")
                    XCTAssertFalse((source?["raw"] as? String ?? "").isEmpty, "\(key) without raw text")
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 500)
    }
}
