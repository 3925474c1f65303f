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
    static let mappings = CommittedSample.mappings
    static let variants = CommittedSample.folder

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

    /// `isHeaderWording` is remembered per document by text and coverage asked: a text holding a
    /// phrase among other words is header wording at no coverage and not at the run's, asked in
    /// either order on one document's vocabulary, and a padded spelling answers as the squeezed one.
    func testHeaderWordingAnswersPerCoverageAsked() throws {
        let body = "เห็นของผู้ที่เกี่ยวข้อง เพื่อปรับปรุง"
        let needed = InterpretSettings().headerWordingCoverage
        for order in [[0.0, needed], [needed, 0.0]] {
            let v = try MeasureHeaderVocabulary.load(mappings: Self.mappings)
            for coverage in order + order {
                XCTAssertEqual(v.isHeaderWording(body, coverage: coverage), coverage == 0.0, "coverage \(coverage)")
            }
            XCTAssertEqual(v.isHeaderWording("ผู้รับ ผิดชอบ", coverage: needed), v.isHeaderWording("ผู้รับผิดชอบ", coverage: needed))
            XCTAssertTrue(v.isHeaderWording("ผู้รับผิดชอบ", coverage: needed))
        }
    }

    /// A year wrapped onto its own header line (`ข้อค้นพบ ปี` over `๒๕๖๗`) stays in the header;
    /// list numbers, scores and dates do not.
    func testOnlyAYearMayStandInAHeaderLine() {
        XCTAssertFalse(MeasureHeaderBand.hasNumberOtherThanYear("๒๕๖๗"))
        XCTAssertFalse(MeasureHeaderBand.hasNumberOtherThanYear("ข้อค้นพบ ปี 2566"))
        XCTAssertTrue(MeasureHeaderBand.hasNumberOtherThanYear("1. การ"))
        XCTAssertTrue(MeasureHeaderBand.hasNumberOtherThanYear("๙๘.๑๒"))
        XCTAssertTrue(MeasureHeaderBand.hasNumberOtherThanYear("๑ ต.ค. ๖๖"))
        // Four digits are a year only in the era the reports print (as `isYearOnly` asks).
        XCTAssertTrue(MeasureHeaderBand.hasNumberOtherThanYear("2024"))
        XCTAssertTrue(MeasureHeaderBand.hasNumberOtherThanYear("ปี ๑๒๓๔"))
    }

    /// A two-row header whose upper cell `การนำผลการวิเคราะห์ไปสู่การปฏิบัติ` spans measure and steps
    /// and sits above the line naming the roles, beside the first words of the vertically centred
    /// `ระยะ เวลา ดำเนิน งาน` and `ผู้รับผิด ชอบ`. Lines and boxes as the reader gets them from page 2
    /// of generated tune seed 82 (LibreOffice, ruled), title above and first body line below. The
    /// band spans from the group line to `งาน`; the group is no column; five roles are read (owner
    /// and period were lost when the group line was left out).
    func testTwoRowHeaderGroupCellAboveTheRoles() throws {
        let v = try MeasureHeaderVocabulary.load(mappings: Self.mappings)
        func line(_ cells: [(String, Double, Double, Double, Double)]) -> ReadLine {
            let segs = cells.map { ReadSegment(text: $0.0, raw: $0.0, box: Box(x0: $0.1, y0: $0.2, x1: $0.3, y1: $0.4), page: 2) }
            return ReadLine(page: 2, box: Box.union(segs.map(\.box))!, segments: segs, furniture: [])
        }
        let lines = [
            line([("แผนการยกระดับผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2567", 56.8, 491.7, 508.9, 512.5)]),
            line([("การนำผลการวิเคราะห์ไปสู่การปฏิบัติ", 137.0, 529.7, 317.3, 545.3), ("ระยะ", 487.1, 529.7, 512.2, 545.3)]),
            line([("ผู้รับผิด", 436.6, 550.3, 472.8, 565.9), ("เวลา", 487.1, 550.3, 510.9, 565.9)]),
            line([("ประเด็น", 59.8, 560.5, 98.7, 576.1)]),
            line([("มาตรการ/กิจกรรม", 137.0, 573.8, 228.4, 589.4), ("ขั้นตอน/วิธีปฏิบัติ", 286.8, 573.8, 373.6, 589.4),
                  ("ชอบ", 436.6, 570.8, 459.2, 586.4), ("ดำเนิน", 487.1, 570.8, 519.8, 586.4)]),
            line([("งาน", 487.1, 591.4, 506.7, 607.0)]),
            line([("i2 เจ้าหน้าที่", 59.8, 618.0, 117.5, 633.6), ("จัดทำมาตรการป้องกันและมี", 137.0, 618.0, 270.1, 633.6),
                  ("1. วิเคราะห์และประเมินความ", 286.8, 618.0, 427.0, 633.6), ("สำนัก", 436.6, 618.0, 462.0, 633.6)]),
            line([("ของหน่วยงาน", 59.8, 638.5, 125.5, 654.1), ("ระบบการติดตามตรวจสอบ", 137.0, 638.5, 264.2, 654.1),
                  ("เสี่ยงการทุจริต พร้อมกำหนด", 286.8, 638.5, 422.0, 654.1), ("ปลัด", 436.6, 638.5, 457.0, 654.1)]),
        ]
        let geometry = QuestionPageGeometry(page: 2, lines: lines)
        let band = try XCTUnwrap((0..<lines.count).lazy.compactMap { MeasureHeaderBand.find(at: $0, in: geometry, vocabulary: v) }.first)
        XCTAssertEqual(band.firstLine, 1)
        XCTAssertEqual(band.lastLine, 5)
        XCTAssertEqual(band.columns.map(\.role), [.issue, .measure, .steps, .owner, .period])
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
    /// short word right under the header, is not taken for a wrapped header word). Row 7's steps
    /// run into its period cell across a narrow gutter ("ปีงบประมาณ พ.ศ. แต่งตั้งคณะ 2569"): the
    /// segment is cut where the period column's cells start.
    func testOneIssuePerPageBorderless() throws {
        try assertPlanMatchesGold("v000151", fields: [\.issue, \.measure, \.owner])
        let rows = try CommittedSample.interpret("v000151").measures
        let gold = try CommittedSample.goldMeasures("v000151")
        XCTAssertEqual(Self.squeeze(rows.last?.period), Self.squeeze(gold.rows.last?["period"]))
        XCTAssertEqual(Self.squeeze(rows.last?.steps), Self.squeeze(gold.rows.last?["steps"]))
    }

    /// A row cut by a page break continues right under the repeated header (v000027 row 2 on page
    /// 9, v000022 row 7 on page 6): its first line there (`ระบบ E- | ... | Service และเผย | ... | และงบ`)
    /// is made of word pieces like a wrapped header line, and was taken into the header band, so every
    /// column of the row lost it (`E-แพร่`, `กองยุทธศาสตร์ประมาณ`). The ruled header's bottom rule ends the band.
    func testCutRowUnderARepeatedHeaderKeepsItsFirstLine() throws {
        try assertPlanMatchesGold("v000027", fields: [\.issue, \.measure, \.steps, \.period, \.owner])
        let rows = try CommittedSample.interpret("v000022").measures
        let gold = try CommittedSample.goldMeasures("v000022")
        XCTAssertEqual(rows.count, gold.count)
        let cut = try XCTUnwrap(rows.first { Self.squeeze($0.issue).hasPrefix("i20") })
        let goldCut = try XCTUnwrap(gold.rows.first { Self.squeeze($0["issue"]).hasPrefix("i20") })
        for (f, key) in [(\Measure.issue, "issue"), (\.measure, "measure"), (\.steps, "steps"), (\.owner, "owner")] as [(KeyPath<Measure, String?>, String)] {
            XCTAssertEqual(Self.squeeze(cut[keyPath: f]), Self.squeeze(goldCut[key]), key)
        }
    }

    /// A landscape plan (v001135, fresh tune 1131-1210, LibreOffice, ruled) ends on page 5; a
    /// blank landscape page follows, then the portrait summary table `คะแนนภาพรวมของหน่วยงาน |
    /// 92.72` over `ระดับผลการประเมิน | ผ่านดี`, whose cells fall inside the plan's columns. A table
    /// does not run across a change of page orientation: 7 rows, the last issue without the summary's
    /// label (an 8th row `ระดับผลการประเมิน | ผ่านดี` was read).
    func testPlanEndsWhereThePageOrientationChanges() throws {
        try assertPlanMatchesGold("v001135", fields: [\.issue, \.measure, \.steps, \.period, \.owner])
    }

    /// The other committed samples with a usable text layer keep their exact row counts.
    func testOtherSamplesKeepTheirRowCounts() throws {
        for name in ["v000027", "v000056", "v000234", "v000261"] {
            let gold = try CommittedSample.goldMeasures(name)
            let measures = try CommittedSample.interpret(name).measures
            XCTAssertEqual(measures.count, gold.count, name)
        }
    }

    // MARK: - support

    /// NFC with all whitespace removed: a cell's wrapped lines are joined without a space in Thai
    /// (a space between two Thai words of one cell is not told from a line break).
    static func squeeze(_ s: String?) -> String {
        (s ?? "").precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace).joined()
    }

    /// The plan's row count is the gold's, and row by row the given fields are the gold's, each row
    /// with its page and raw cells in provenance.
    func assertPlanMatchesGold(_ name: String, fields: [WritableKeyPath<Measure, String?>],
                               file: StaticString = #filePath, line: UInt = #line) throws {
        let gold = try CommittedSample.goldMeasures(name)
        let measures = try CommittedSample.interpret(name).measures
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
