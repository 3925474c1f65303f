import Foundation
import ITAModel
import PageLayout
import PDFExtract
import XCTest
@testable import ReportInterpret

/// A committed generator sample of Corpus/variants (a tune seed, its gold beside it, as
/// `Scripts/corpus/variants.py` wrote it): its layout, its reading along the stages, its gold.
enum CommittedSample {
    static let mappings = MappingsDirectory.forSourceFile(#filePath)!
    static let folder = mappings.deletingLastPathComponent().appendingPathComponent("Corpus/variants")

    /// The sample's layout; `without`: every line of exactly that text taken out of it (the same
    /// real page with one piece of evidence gone), which must have been there.
    static func layout(_ name: String, without: String? = nil) throws -> DocumentLayout {
        let pdf = try PDFExtractor.read(path: folder.appendingPathComponent(name + ".pdf").path)
        let layout = LayoutAnalyser.analyse(pdf, furniture: try .checkedIn())
        guard let without else { return layout }
        let pages = layout.pages.map { page -> PageLayoutResult in
            var p = page
            p.lines = page.lines.filter { $0.text != without }
            return p
        }
        XCTAssertLessThan(pages.map(\.lines.count).reduce(0, +), layout.pages.map(\.lines.count).reduce(0, +), "\(without) was there")
        return DocumentLayout(pages: pages, settings: layout.settings, furniture: try .checkedIn())
    }

    /// The sample read through normalise and interpret, as the pipeline does.
    static func interpret(_ name: String) throws -> Interpretation {
        try StageRoad(mappings: mappings).interpret(try layout(name))
    }

    /// The gold's indicator scores, "year/indicator" → score.
    static func goldIndicators(_ name: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for i in try XCTUnwrap(try gold(name)["indicator_scores"] as? [[String: Any]]) {
            out["\(try XCTUnwrap(i["year"] as? Int))/\(try XCTUnwrap(i["indicator"] as? Int))"] = try XCTUnwrap(i["score"] as? String)
        }
        return out
    }

    /// The gold's question scores, "year/code" → score.
    static func goldQuestions(_ name: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for r in try XCTUnwrap(try gold(name)["question_scores"] as? [[String: Any]]) {
            out["\(try XCTUnwrap(r["year"] as? Int))/\(try XCTUnwrap(r["code"] as? String))"] = try XCTUnwrap(r["score"] as? String)
        }
        return out
    }

    /// The gold's plan: its row count and rows (field → text).
    static func goldMeasures(_ name: String) throws -> (count: Int, rows: [[String: String]]) {
        let measures = try XCTUnwrap(try gold(name)["measures"] as? [String: Any])
        let rows = try XCTUnwrap(measures["rows"] as? [[String: String]])
        return (try XCTUnwrap(measures["count"] as? Int), rows)
    }

    static func gold(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent(name + ".json"))
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}
