import Foundation
import XCTest
@testable import ReviewPage

/// The review page over a real run: every value read with a box gets a crop of its page, documents
/// come in trouble order, and text is escaped by the template (a quote in a path cannot break out).
final class ReviewPageTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A run of two Corpus PDFs, made with the built tool (the test target does not link the pipeline).
    private func extractRun() throws -> URL {
        let tool = Self.root.appendingPathComponent(".build/debug/ita-extract")
        let built = FileManager.default.isExecutableFile(atPath: tool.path)
        // CI builds the tool before the tests (Scripts/test.sh): there a missing one is a failure.
        if !built, ProcessInfo.processInfo.environment["CI"] != nil {
            XCTFail("\(tool.path) is missing, and CI builds it first (swift build --build-tests)")
            throw CocoaError(.fileNoSuchFile)
        }
        try XCTSkipUnless(built, "build ita-extract first (swift build)")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("review-run-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: out) }
        let p = Process()
        p.executableURL = tool
        p.currentDirectoryURL = Self.root
        p.arguments = ["extract", "Corpus/generated/g14-tambon-2567-khunkaeo-stacked.pdf",
                       "Corpus/generated/g05-mueang-2567-stacked-oddcodes-mismatch.pdf", "Corpus/bad/empty.pdf",
                       "--out", out.path, "--quiet"]
        try p.run(); p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        return out
    }

    func testEveryBoxedValueHasItsCropAndTroubleComesFirst() throws {
        let out = try extractRun()
        let (html, summary) = try ReviewPage.build(run: out, options: ReviewPage.Options(pdfs: Self.root))
        XCTAssertEqual(summary.documents, 3)
        XCTAssertTrue(summary.missingPDFs.isEmpty, "\(summary.missingPDFs)")
        // Values with a recorded box in reports.jsonl == crops drawn.
        var boxed = 0
        for line in try String(contentsOf: out.appendingPathComponent("reports.jsonl"), encoding: .utf8).split(separator: "\n") {
            let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let prov = o["provenance"] as? [String: [String: Any]] ?? [:]
            boxed += ReviewPage.reportFields.filter { o[$0] != nil && !(o[$0] is NSNull) && prov[$0]?["box"] != nil }.count
            for t in ["indicator_scores", "question_scores", "measures"] {
                boxed += (o[t] as? [[String: Any]] ?? []).filter { ($0["source"] as? [String: Any])?["box"] != nil }.count
            }
        }
        XCTAssertGreaterThan(boxed, 100)
        XCTAssertEqual(summary.crops, boxed)
        XCTAssertEqual(html.components(separatedBy: "<svg class=\"crop\"").count - 1, boxed)
        // Trouble order: the failed file, then the one with warnings (g05's planted mismatch), then the rest.
        let order = ["bad/empty.pdf", "generated/g05-mueang", "generated/g14-tambon"].compactMap {
            html.range(of: "</span> Corpus/\($0)")?.lowerBound
        }
        XCTAssertEqual(order.count, 3)
        XCTAssertEqual(order, order.sorted())
    }

    func testTextIsEscapedByTheTemplate() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("review-esc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let line = #"{"doc_id": "x", "source_path": "a'b\"<script>.pdf", "status": "failed", "warning_list": [], "provenance": {}}"#
        try (line + "\n").write(to: dir.appendingPathComponent("reports.jsonl"), atomically: true, encoding: .utf8)
        let (html, _) = try ReviewPage.build(run: dir)
        XCTAssertFalse(html.contains("a'b"))
        XCTAssertFalse(html.contains("<script>.pdf"))
        XCTAssertTrue(html.contains("a&#39;b&quot;&lt;script&gt;.pdf"))
    }
}
