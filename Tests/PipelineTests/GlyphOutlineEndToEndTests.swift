import Dispatch
import Foundation
import ITAModel
import Pipeline
import QualityTools
import XCTest

/// End to end with OCR on v000059 (LibreOffice, every ToUnicode map removed, set in Norasi): its glyph
/// codes are read by outline against the installed Norasi, so its pages read as a text layer and its
/// report fields and indicator scores equal the gold, with no wrong value anywhere (with OCR alone,
/// Norasi's ๘ read ๕ in every score and the scores were dropped).
final class GlyphOutlineEndToEndTests: XCTestCase {
    private final class Box: @unchecked Sendable { var value: Result<RunSummary, Error>? }

    func testV000059ReadsLikeATextLayer() throws {
        let variants = CorpusRun.corpus.appendingPathComponent("variants")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ita-outline-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let pipeline = try ExtractionPipeline(options: PipelineOptions(outputDirectory: out, jobs: 1, bom: false,
                                                                       mappings: CorpusRun.mappings, toolVersion: "test",
                                                                       ocr: OCROptions()))
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let files = InputFinder.find([variants.appendingPathComponent("v000059.pdf").path]).files
        Task {
            do { box.value = .success(try await pipeline.run(files: files)) } catch { box.value = .failure(error) }
            done.signal()
        }
        done.wait()
        _ = try box.value!.get()

        let golds = try GoldFile.loadAll(variants).filter { $0.relativeName == "v000059" }
        XCTAssertEqual(golds.count, 1)
        let result = Evaluator.evaluate(run: try RunDataset.load(out), golds: golds, runLabel: "run", goldLabel: "variants")
        let doc = try XCTUnwrap(result.documents.first)
        let misses = doc.misses.filter { $0.category.hasPrefix("report") || $0.category == "indicator_scores" || $0.category == "question_scores" }
        XCTAssertEqual(misses.map { "\($0.category) \($0.key): expected \($0.expected ?? "nil"), found \($0.found ?? "nil")" }, [])
        let wrong = doc.misses.filter { $0.kind == "wrong value" || $0.kind == "false positive" }
        XCTAssertEqual(wrong.map { "\($0.category) \($0.key): expected \($0.expected ?? "nil"), found \($0.found ?? "nil")" }, [])
        let indicators = result.categories.first { $0.category == "indicator_scores" }
        XCTAssertEqual(indicators?.tp, 10)

        let row = try XCTUnwrap(String(contentsOf: out.appendingPathComponent("reports.jsonl"), encoding: .utf8)
            .split(separator: "\n").first.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] })
        // Not the PDF's own text layer: `mixed`, and the warning says how the pages were read.
        XCTAssertEqual(row["text_source"] as? String, "mixed")
        let warnings = (row["warning_list"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }.joined(separator: " | ")
        XCTAssertTrue(warnings.contains("pages 1-3 read as a text layer: every glyph matched the installed font's outline"), warnings)
        XCTAssertFalse(warnings.contains("read by OCR (Tesseract"), "no page stays an OCR page: \(warnings)")
    }
}
