import Foundation
import ITAModel
import PDFExtract
import PageLayout
import ThaiNormalise
import XCTest
@testable import ReportInterpret

/// Action-plan tables in layouts no Corpus report has (issue 9): headers recognised by meaning in
/// any wording the generator draws from Mappings/ita/header-synonyms.json, two-row headers, a
/// question column beside the issue, one row per page under a repeated header. Read from the
/// committed generator sample Corpus/variants, whose gold lists every measure row as printed.
final class MeasurePlanLayoutTests: XCTestCase {
    static let mappings = MappingsDirectory.forSourceFile(#filePath)!
    static let variants = mappings.deletingLastPathComponent().appendingPathComponent("Corpus/variants")

    /// Every plan header wording of header-synonyms.json reads as its meaning. The measure wording
    /// `วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ (แนวทาง/มาตรการ)` holds `ผลการวิเคราะห์` (analysis) and
    /// `ประเด็นข้อคำถาม` holds `ประเด็น` (issue): the most specific phrase decides.
    func testEveryPlanHeaderWordingReadsAsItsMeaning() throws {
        let v = try MeasureHeaderVocabulary.load(mappings: Self.mappings)
        let data = try Data(contentsOf: Self.mappings.appendingPathComponent("ita/header-synonyms.json"))
        let meanings = try XCTUnwrap((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["meanings"] as? [String: [String]])
        let expected: [String: MeasureColumnRole] = ["issue": .issue, "question": .question, "analysis": .analysis,
                                                     "measure": .measure, "steps": .steps, "period": .period, "owner": .owner]
        for (meaning, role) in expected {
            let wordings = try XCTUnwrap(meanings[meaning], meaning)
            XCTAssertFalse(wordings.isEmpty, meaning)
            for w in wordings {
                XCTAssertEqual(v.role(of: w), role, "\(meaning): \(w)")
                XCTAssertTrue(v.isHeaderWording(w), w)
                // The generator appends the assessment year to an analysis header.
                if meaning == "analysis" { XCTAssertEqual(v.role(of: w + " ปี ๒๕๖๖"), .analysis, w) }
            }
        }
        // Body text that merely holds a header phrase (a measure cut by a page break, continued
        // right under the repeated header) is not header wording; a real header's gloss is.
        XCTAssertFalse(v.isHeaderWording("เห็นของผู้ที่เกี่ยวข้อง เพื่อปรับปรุง"))
        XCTAssertTrue(v.isHeaderWording("ผลการวิเคราะห์ตัวชี้วัดเพื่อกำหนด มาตรการ/โครงการ/กิจกรรม"))
        // A question column is the issue only when the plan has no issue column.
        XCTAssertFalse(MeasureColumnRole.question.isRead)
        XCTAssertTrue(v.announcesOtherSection("ผลคะแนนรายข้อคำถาม"))
        XCTAssertFalse(v.announcesOtherSection("๑. การป้องกันการทุจริต"))
    }

    /// A year wrapped onto its own header line (`ข้อค้นพบ ปี` over `๒๕๖๗`) stays in the header;
    /// list numbers, scores and dates do not.
    func testOnlyAYearMayStandInAHeaderLine() {
        XCTAssertFalse(MeasureHeaderBand.hasNumberOtherThanYear("๒๕๖๗"))
        XCTAssertFalse(MeasureHeaderBand.hasNumberOtherThanYear("ข้อค้นพบ ปี 2566"))
        XCTAssertTrue(MeasureHeaderBand.hasNumberOtherThanYear("1. การ"))
        XCTAssertTrue(MeasureHeaderBand.hasNumberOtherThanYear("๙๘.๑๒"))
        XCTAssertTrue(MeasureHeaderBand.hasNumberOtherThanYear("๑ ต.ค. ๖๖"))
    }

    /// Two-row header `ประเด็น | ข้อคำถาม ITA | การนำผลการวิเคราะห์ไปสู่การปฏิบัติ (over measure and steps)
    /// | ระยะเวลา | ผู้รับผิดชอบ`, a table split over pages without a repeated header: 7 rows (8 were read
    /// when the group cell joined measure and steps and the question column merged into the issue).
    func testTwoRowHeaderWithQuestionColumn() throws {
        try assertPlanMatchesGold("v000079", fields: [\.issue, \.measure, \.steps, \.period, \.owner])
    }

    /// One issue per page under a repeated header, borderless, columns `issue | analysis | owner |
    /// period | steps | measure`: 7 rows, each on its own page (8 were read: the header's year line
    /// `ปี ๒๕๖๘` was read as a row), and each measure whole (the first body line `ส่งเสริมการ`, a
    /// short word right under the header, is not taken for a wrapped header word).
    func testOneIssuePerPageBorderless() throws {
        try assertPlanMatchesGold("v000151", fields: [\.issue, \.measure, \.owner])
    }

    /// The other committed samples with a usable text layer keep their exact row counts.
    func testOtherSamplesKeepTheirRowCounts() throws {
        for name in ["v000027", "v000056", "v000234", "v000261"] {
            let gold = try Self.gold(name)
            let measures = try Self.interpret(name).measures
            XCTAssertEqual(measures.count, gold.count, name)
        }
    }

    // MARK: - support

    static func interpret(_ name: String) throws -> Interpretation {
        let normaliser = try ThaiNormaliser(mappings: mappings)
        let pdf = try PDFExtractor.read(path: variants.appendingPathComponent(name + ".pdf").path)
        let layout = LayoutAnalyser.analyse(pdf)
        return ReportInterpreter(mappings: try ITAMappings(directory: mappings), normaliser: normaliser).interpret(layout)
    }

    static func gold(_ name: String) throws -> (count: Int, rows: [[String: String]]) {
        let data = try Data(contentsOf: variants.appendingPathComponent(name + ".json"))
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let measures = try XCTUnwrap(root["measures"] as? [String: Any])
        let rows = try XCTUnwrap(measures["rows"] as? [[String: String]])
        return (try XCTUnwrap(measures["count"] as? Int), rows)
    }

    /// NFC with all whitespace removed: a cell's wrapped lines are joined without a space in Thai
    /// (a space between two Thai words of one cell is not told from a line break).
    static func squeeze(_ s: String?) -> String {
        (s ?? "").precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace).joined()
    }

    /// The plan's row count is the gold's, and row by row the given fields are the gold's, each row
    /// with its page and raw cells in provenance.
    func assertPlanMatchesGold(_ name: String, fields: [WritableKeyPath<Measure, String?>],
                               file: StaticString = #filePath, line: UInt = #line) throws {
        let gold = try Self.gold(name)
        let measures = try Self.interpret(name).measures
        XCTAssertEqual(measures.count, gold.count, "\(name): rows", file: file, line: line)
        let names: [WritableKeyPath<Measure, String?>: String] = [\.issue: "issue", \.measure: "measure", \.steps: "steps",
                                                                  \.period: "period", \.owner: "owner"]
        for (g, m) in zip(gold.rows, measures) {
            for f in fields {
                let key = names[f]!
                XCTAssertEqual(Self.squeeze(m[keyPath: f]), Self.squeeze(g[key]), "\(name) \(key)", file: file, line: line)
            }
            XCTAssertEqual(m.source?.page, m.page, name, file: file, line: line)
            XCTAssertFalse(m.source?.raw.isEmpty ?? true, name, file: file, line: line)
        }
    }
}
