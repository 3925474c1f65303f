import Dispatch
import Foundation
import ITAModel
import Pipeline
import XCTest

/// A document where nothing could be read is never `ok` (issue 9): a Thai letter that is no ITA
/// report fails with `nothing_found`; a report whose text layer is punctuation (no ToUnicode map)
/// is flagged `text_layer_unusable` and, with OCR off, fails (`no_text_layer`) instead of passing empty.
final class HonestStatusTests: XCTestCase {
    private final class Box: @unchecked Sendable { var value: Result<RunSummary, Error>? }

    static func run(_ names: [String], ocr: Bool) throws -> [[String: Any]] {
        let fixtures = CorpusRun.repoRoot.appendingPathComponent("Tests/Fixtures/unseen")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ita-status-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let pipeline = try ExtractionPipeline(options: PipelineOptions(outputDirectory: out, jobs: 1, bom: false,
                                                                       mappings: CorpusRun.mappings, toolVersion: "test",
                                                                       ocr: ocr ? OCROptions() : nil))
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let files = InputFinder.find(names.map { fixtures.appendingPathComponent($0).path }).files
        Task {
            do { box.value = .success(try await pipeline.run(files: files)) } catch { box.value = .failure(error) }
            done.signal()
        }
        done.wait()
        _ = try box.value!.get()
        let text = try String(contentsOf: out.appendingPathComponent("reports.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    func testNothingFoundFails() throws {
        let rows = try Self.run(["u04-not-a-report.pdf", "u03-no-tounicode.pdf"], ocr: false)
        XCTAssertEqual(rows.count, 2)
        for r in rows { XCTAssertEqual(r["status"] as? String, "failed", "\(r["source_path"] ?? "")") }
        let letter = try XCTUnwrap(rows.first { ($0["source_path"] as? String)?.hasSuffix("u04-not-a-report.pdf") == true })
        XCTAssertEqual((letter["error"] as? [String: Any])?["reason"] as? String, "nothing_found")
        // Every page of u03 is punctuation: with OCR off no page has a usable text layer.
        let noMap = try XCTUnwrap(rows.first { ($0["source_path"] as? String)?.hasSuffix("u03-no-tounicode.pdf") == true })
        XCTAssertEqual((noMap["error"] as? [String: Any])?["reason"] as? String, "no_text_layer")
        // Said why: the font whose text is glyph-id junk is named (font_text_unreadable) and left out
        // before the page check, or the page check names the page (text_layer_unusable).
        let said = (noMap["warnings"] as? String ?? "").split(separator: ";").map(String.init)
        XCTAssertTrue(said.contains("font_text_unreadable") || said.contains("text_layer_unusable"), "\(said)")
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
}
