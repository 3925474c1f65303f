import Foundation
import ITAModel
import Pipeline
import QualityTools
import XCTest

/// End to end on v000059 (LibreOffice, every ToUnicode map removed, set in Norasi): its glyph codes
/// are read by outline against the installed Norasi before any OCR, so its pages read as a text layer,
/// with OCR on or off, and its report fields and indicator scores equal the gold, with no wrong value
/// anywhere (with OCR alone, Norasi's ๘ read ๕ in every score and the scores were dropped). The pages
/// are named in `text_layer_unusable` with how they were read, and the document is `ok` (every glyph
/// read exactly, as a ToUnicode map would give it).
final class GlyphOutlineEndToEndTests: XCTestCase {
    private func run(ocr: Bool) throws -> (doc: DocumentEval, indicatorTP: Int?, row: [String: Any]) {
        let variants = CorpusRun.corpus.appendingPathComponent("variants")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ita-outline-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        _ = try CorpusRun.run([variants.appendingPathComponent("v000059.pdf").path], into: out, ocr: ocr ? OCROptions() : nil)

        let golds = try GoldFile.loadAll(variants).filter { $0.relativeName == "v000059" }
        XCTAssertEqual(golds.count, 1)
        let result = Evaluator.evaluate(run: try RunDataset.load(out), golds: golds, runLabel: "run", goldLabel: "variants")
        let doc = try XCTUnwrap(result.documents.first)
        let row = try XCTUnwrap(String(contentsOf: out.appendingPathComponent("reports.jsonl"), encoding: .utf8)
            .split(separator: "\n").first.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] })
        return (doc, result.categories.first { $0.category == "indicator_scores" }?.tp, row)
    }

    private func check(ocr: Bool) throws {
        let (doc, indicatorTP, row) = try run(ocr: ocr)
        let misses = doc.misses.filter { $0.category.hasPrefix("report") || $0.category == "indicator_scores" || $0.category == "question_scores" }
        XCTAssertEqual(misses.map { "\($0.category) \($0.key): expected \($0.expected ?? "nil"), found \($0.found ?? "nil")" }, [])
        let wrong = doc.misses.filter { $0.kind == "wrong value" || $0.kind == "false positive" }
        XCTAssertEqual(wrong.map { "\($0.category) \($0.key): expected \($0.expected ?? "nil"), found \($0.found ?? "nil")" }, [])
        XCTAssertEqual(indicatorTP, 10)
        // Every glyph read exactly: as sure as a text layer, so `ok`, not `partial`.
        XCTAssertEqual(row["status"] as? String, "ok")
        // Not the PDF's own text layer: `mixed`, and the issue's warning names the pages and how they were read.
        XCTAssertEqual(row["text_source"] as? String, "mixed")
        let list = row["warning_list"] as? [[String: Any]] ?? []
        let unusable = list.filter { $0["code"] as? String == "text_layer_unusable" }.compactMap { $0["message"] as? String }
        XCTAssertEqual(unusable.count, 1, "\(list)")
        XCTAssertTrue(unusable.first?.hasPrefix("text layer unusable on pages 1-3 (") == true, "\(unusable)")
        XCTAssertTrue(unusable.first?.contains("pages 1-3 read by glyph outline, without OCR") == true, "\(unusable)")
        let warnings = list.compactMap { $0["message"] as? String }.joined(separator: " | ")
        XCTAssertFalse(warnings.contains("read by OCR (Tesseract"), "no page is an OCR page: \(warnings)")
        XCTAssertFalse(list.contains { $0["code"] as? String == "no_text_layer" }, warnings)
    }

    func testV000059ReadsLikeATextLayer() throws { try check(ocr: true) }

    /// Read by outline before OCR: with OCR off the pages read all the same.
    func testV000059ReadsWithoutOCR() throws { try check(ocr: false) }
}
