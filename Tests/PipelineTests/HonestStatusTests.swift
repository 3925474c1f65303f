import Foundation
import ITAModel
import Pipeline
import XCTest

/// A document where nothing could be read is never `ok` (issue 9): a Thai letter that is no ITA
/// report fails with `nothing_found`; a report whose text layer is punctuation (no ToUnicode map)
/// is flagged `text_layer_unusable`, and read by outline where the installed font matches.
final class HonestStatusTests: XCTestCase {
    static func run(_ names: [String], ocr: Bool) throws -> [[String: Any]] {
        let fixtures = CorpusRun.repoRoot.appendingPathComponent("Tests/Fixtures/unseen")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ita-status-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        _ = try CorpusRun.run(names.map { fixtures.appendingPathComponent($0).path }, into: out, ocr: ocr ? OCROptions() : nil)
        let text = try String(contentsOf: out.appendingPathComponent("reports.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    func testNothingFoundFails() throws {
        let rows = try Self.run(["u04-not-a-report.pdf"], ocr: false)
        XCTAssertEqual(rows.count, 1)
        let letter = try XCTUnwrap(rows.first)
        XCTAssertEqual(letter["status"] as? String, "failed")
        XCTAssertEqual((letter["error"] as? [String: Any])?["reason"] as? String, "nothing_found")
    }

    /// u03 is u01 with its fonts' ToUnicode maps removed: its text layer is punctuation. Its glyphs
    /// equal the installed Laksaman's, so even with OCR off it reads by outline as u01 reads from its
    /// own text layer (unit, year, score), and the warning still names the pages whose text layer
    /// was unusable and says how they were read (before outline decoding came first, OCR off left
    /// it `failed`, `no_text_layer`).
    func testNoToUnicodeReadsByOutlineAndSaysSo() throws {
        let rows = try Self.run(["u01-split-year-quoted-codes.pdf", "u03-no-tounicode.pdf"], ocr: false)
        XCTAssertEqual(rows.count, 2)
        let own = try XCTUnwrap(rows.first { ($0["source_path"] as? String)?.hasSuffix("u01-split-year-quoted-codes.pdf") == true })
        let noMap = try XCTUnwrap(rows.first { ($0["source_path"] as? String)?.hasSuffix("u03-no-tounicode.pdf") == true })
        for key in ["unit_name", "assessment_year", "overall_score", "rating"] {
            XCTAssertNotNil(own[key] as? CustomStringConvertible, key)
            XCTAssertEqual("\(own[key] ?? "nil")", "\(noMap[key] ?? "nil")", key)
        }
        XCTAssertEqual(noMap["status"] as? String, "ok")
        let said = (noMap["warning_list"] as? [[String: Any]] ?? []).filter { $0["code"] as? String == "text_layer_unusable" }
            .compactMap { $0["message"] as? String }
        XCTAssertEqual(said.count, 1)
        XCTAssertTrue(said.first?.contains("text layer unusable on pages 1-3 (pages 1-3: glyphs in fonts without a ToUnicode map)") == true, "\(said)")
        XCTAssertTrue(said.first?.contains("pages 1-3 read by glyph outline, without OCR") == true, "\(said)")
    }

    /// A blank page (fresh tune seed 1415's page 2: no visible glyph, no image) is no lost text layer
    /// once OCR has found nothing on its render: every value is read, so the document is `ok` and
    /// native. With OCR off nothing tells it from text drawn as outlines, so it stays `partial`.
    func testBlankPageIsNoMissingTextLayer() throws {
        let read = try XCTUnwrap(Self.run(["u07-blank-page.pdf"], ocr: true).first)
        XCTAssertEqual(read["status"] as? String, "ok")
        XCTAssertEqual(read["text_source"] as? String, "native")
        XCTAssertFalse((read["warnings"] as? String ?? "").contains("no_text_layer"), "\(read["warnings"] ?? "")")
        let blind = try XCTUnwrap(Self.run(["u07-blank-page.pdf"], ocr: false).first)
        XCTAssertEqual(blind["status"] as? String, "partial")
        XCTAssertTrue((blind["warnings"] as? String ?? "").contains("no_text_layer"), "\(blind["warnings"] ?? "")")
    }

    /// Corpus/variants v002630 (LibreOffice, ruled, two-row plan header in very narrow columns, repeated on
    /// every page): the repeat is not understood on pages 15 and 16, and two of three rows go unread. Not
    /// fixed, but never silent: `plan_pages_unread` names the pages and the status is `partial`. A plan
    /// read whole (v002634) says nothing of the kind and stays `ok`.
    func testPlanPagesWithAHeaderButNoRowAreSaid() throws {
        let variants = CorpusRun.repoRoot.appendingPathComponent("Corpus/variants")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ita-status-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        _ = try CorpusRun.run(["v002630", "v002634"].map { variants.appendingPathComponent($0 + ".pdf").path }, into: out, ocr: nil)
        let text = try String(contentsOf: out.appendingPathComponent("reports.jsonl"), encoding: .utf8)
        let records = try text.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        func record(_ name: String) throws -> [String: Any] {
            try XCTUnwrap(records.first { ($0["source_path"] as? String)?.hasSuffix(name + ".pdf") == true })
        }
        func codes(_ r: [String: Any]) -> String { "\(r["warnings"] ?? "")" }
        let cut = try record("v002630"), whole = try record("v002634")
        XCTAssertTrue(codes(cut).contains("plan_pages_unread"), "\(codes(cut))")
        XCTAssertEqual(cut["status"] as? String, "partial")
        XCTAssertFalse(codes(whole).contains("plan_pages_unread"))
        XCTAssertEqual(whole["status"] as? String, "ok")
    }
}
