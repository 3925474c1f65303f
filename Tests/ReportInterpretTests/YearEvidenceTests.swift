import Foundation
import ITAModel
import PDFExtract
import PageLayout
import ThaiNormalise
import XCTest
@testable import ReportInterpret

/// The assessment and plan years weighed from all the evidence of a document (issue 9): score
/// column titles, results and plan cues, fiscal periods, the code framework; never a law's year.
final class YearEvidenceTests: XCTestCase {
    static let mappings = MappingsDirectory.forSourceFile(#filePath)!
    static let corpus = mappings.deletingLastPathComponent().appendingPathComponent("Corpus")

    static func reader(_ pdf: String) throws -> DocumentReader {
        let layout = LayoutAnalyser.analyse(try PDFExtractor.read(path: corpus.appendingPathComponent(pdf).path), furniture: try .checkedIn())
        return try StageRoad(mappings: mappings).reader(layout, mappings: mappings)
    }

    static func interpret(_ reader: DocumentReader) throws -> Interpretation {
        ReportInterpreter(mappings: try ITAMappings(directory: mappings)).interpret(reader.normalised)
    }

    /// v000027 (a TUNE sample): the years are printed only in a multi-year score header
    /// (2566 | 2567 | ๒๕๖๘), the plan heading names 2569 and a regulation's year (พ.ศ. 2560) ends
    /// the report. The latest scored column is the assessment year, and every question row of the
    /// single-score question table is filed under it (they were all filed under 2566).
    func testLatestColumnOfAMultiYearHeaderIsTheAssessmentYear() throws {
        let reader = try Self.reader("variants/v000027.pdf")
        let r = try Self.interpret(reader)
        XCTAssertEqual(r.fields.assessmentYear?.value, 2568)
        XCTAssertEqual(r.fields.assessmentYear?.source?.raw.contains("๒๕๖๘"), true, r.fields.assessmentYear?.source?.raw ?? "")
        XCTAssertEqual(r.fields.planYear?.value, 2569)
        XCTAssertEqual(r.questions.count, 59)
        XCTAssertEqual(Set(r.questions.map(\.year)), [2568])
        XCTAssertEqual(Set(r.indicators.compactMap(\.year)), [2566, 2567, 2568])
        XCTAssertFalse(r.warnings.contains { $0.code == .yearUnclear || $0.code == .assessmentYearDisagrees },
                       r.warnings.map(\.message).joined(separator: "\n"))
        // The header's earlier columns are comparisons, never evidence; its latest is.
        let evidence = YearVote.gather(reader: reader, pages: reader.pageBlocks(), reader.yearEvidence!)
        XCTAssertEqual(evidence.filter { $0.kind == .scoreHeader }.map(\.year), [2568])
        XCTAssertFalse(evidence.contains { $0.year == 2560 }, "a regulation's year is no evidence")
        // The codes follow the 2568 framework (i1-15, e1-9, o1-35).
        XCTAssertEqual(FrameworkEvidence.framework(of: reader)?.framework.catalogue, 2568)
    }

    /// v001500 (fresh tune 1451-1500, LibreOffice, borderless, multi-year `2566 | 2567 | N | name`):
    /// the header's title cell `ผลการประเมินปี ๒๕๖๗` ran into the next one, `ตัวชี้วัด ที่`, one
    /// segment; only segments that end with their year were read as year titles, so the 2566 column
    /// was the latest scored one and outweighed the title's 2567: every question filed under 2566.
    /// A segment that begins with a year title names its column too.
    func testYearTitleRunIntoTheNextTitleCellNamesItsColumn() throws {
        let reader = try Self.reader("variants/v001500.pdf")
        let r = try Self.interpret(reader)
        XCTAssertEqual(r.fields.assessmentYear?.value, 2567)
        XCTAssertEqual(r.fields.planYear?.value, 2568)
        let evidence = YearVote.gather(reader: reader, pages: reader.pageBlocks(), reader.yearEvidence!)
        XCTAssertEqual(evidence.filter { $0.kind == .scoreHeader }.map(\.year), [2567])
        XCTAssertEqual(r.questions.count, 88)
        XCTAssertEqual(Set(r.questions.map(\.year)), [2567])
        XCTAssertFalse(r.warnings.contains { $0.code == .yearUnclear || $0.code == .assessmentYearDisagrees },
                       r.warnings.map(\.message).joined(separator: "\n"))
    }

    /// v001458 (fresh tune 1451-1500, LibreOffice, digits mixed-font): the plan heading ends
    /// `พ.ศ. 2 ๕๖๗`, the span meant for another font printed by the fallback in the heading's own, so
    /// the layout's word join (two fonts, or a number and its decimals) left two numbers, and the
    /// plan year was left empty. After a year word, two digit runs in two scripts that make a year
    /// are one year on a text layer too, with the printed text kept as a change.
    func testYearSplitInTwoScriptsAfterAYearWordIsOneYear() throws {
        let r = try Self.interpret(try Self.reader("variants/v001458.pdf"))
        XCTAssertEqual(r.fields.assessmentYear?.value, 2566)
        let plan = try XCTUnwrap(r.fields.planYear)
        XCTAssertEqual(plan.value, 2567)
        XCTAssertEqual(plan.source?.raw.hasSuffix("พ.ศ. 2 ๕๖๗"), true, plan.source?.raw ?? "")
        XCTAssertTrue(plan.source?.changes?.contains { $0.kind == OCRSplitYear.scriptChangeKind && $0.before == "2 ๕๖๗" && $0.after == "2๕๖๗" } ?? false,
                      "\(plan.source?.changes ?? [])")
    }

    /// v000818 (tune seed 801-850, LibreOffice, a multi-year indicator header whose title cells wrap:
    /// `คะแนนปี 2567` on one line, `2565 | ๒๕๖๖` on the next, the scores five lines below the first):
    /// the 2567 title line was out of reach of its scores, so the latest scored column was 2566 and
    /// the assessment year came out 2566 (the title's `ประจำปีงบประมาณ` / `พ.ศ.๒๕๖๗` was outweighed).
    /// A title line reaches its scores through the header's lower title lines.
    func testAWrappedTitleLineReachesItsScoresThroughTheLinesBelowIt() throws {
        let reader = try Self.reader("variants/v000818.pdf")
        let r = try Self.interpret(reader)
        XCTAssertEqual(r.fields.assessmentYear?.value, 2567)
        XCTAssertEqual(r.fields.planYear?.value, 2568)
        let evidence = YearVote.gather(reader: reader, pages: reader.pageBlocks(), reader.yearEvidence!)
        XCTAssertEqual(evidence.filter { $0.kind == .scoreHeader }.map(\.year), [2567])
        XCTAssertEqual(Set(r.indicators.compactMap(\.year)), [2565, 2566, 2567])
        XCTAssertFalse(r.warnings.contains { $0.code == .yearUnclear || $0.code == .assessmentYearDisagrees },
                       r.warnings.map(\.message).joined(separator: "\n"))
    }

    /// The reach is a limit, not "anything below" (last reviews' finding 3): on v000818 the 2567
    /// title line heads scores only through its header's lower title line and only while the first
    /// score lies within `maximumLinesToFirstScore` of that line. A shorter reach, or a header of
    /// one title line, leaves 2567 heading nothing, as a plan row's year cell over a later table
    /// must (measured: reaches 0-3 head nothing, 4, the data file's, heads 2567).
    func testTheScoreHeaderReachStopsShortOfScoresFurtherDown() throws {
        let reader = try Self.reader("variants/v000818.pdf")
        let e = reader.yearEvidence!.scoreHeader
        func heads2567(titleLines: Int, reach: Int) -> Bool {
            ScoreHeaders.find(in: reader, minimumScores: e.minimumScoresBelow.value,
                              titleLines: titleLines, firstScoreReach: reach).values.contains { $0.scored.contains(2567) }
        }
        let fileReach = e.maximumLinesToFirstScore.value, fileTitles = e.maximumTitleLines.value
        XCTAssertTrue(heads2567(titleLines: fileTitles, reach: fileReach))
        XCTAssertFalse(heads2567(titleLines: 1, reach: fileReach), "a title line reached its scores past another title line")
        let reaching = (0...fileReach).filter { heads2567(titleLines: fileTitles, reach: $0) }
        XCTAssertFalse(reaching.contains(0), "a title reached scores with no reach at all")
        XCTAssertEqual(reaching, Array((reaching.first ?? 0)...fileReach), "the reach must be monotone")
    }

    /// Real report text (seed 000): results words run together after a plan or comparison word
    /// belong to that phrase: "ยกระดับผลการประเมิน ITA ในปีงบประมาณ พ.ศ. 2567" names the plan's
    /// year, "สูงกว่าผลการประเมินปีงบประมาณ พ.ศ. 2565" the year compared against.
    func testCuesRunTogetherTakeTheRoleOfTheirFirstCue() throws {
        let v = try ITAVocabulary(mappings: Self.mappings)
        func role(_ text: String) -> YearRole {
            let kt = KeyedText(text)
            let year = NumberTokens.find(in: kt).last { $0.isYear }!
            return YearFinder.classify(year.range, in: kt, cues: v.cues, InterpretSettings())
        }
        XCTAssertEqual(role("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานในการยกระดับผลการประเมิน ITA ในปีงบประมาณ พ.ศ. 2567"), .plan)
        XCTAssertEqual(role("(สูงกว่าผลการประเมินปีงบประมาณ พ.ศ. 2565"), .previous)
        XCTAssertEqual(role("ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปี งบประมาณ พ.ศ. 2566"), .assessment)
        XCTAssertEqual(role("ข้อมูลรายละเอียดการวิเคราะห์ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2566"), .assessment)
    }

    /// Real report text (seed 003): "ยุทธศาสตร์ชาติประเด็นที่ 21 การต่อต้านการทุจริตและประพฤติมิชอบ
    /// (พ.ศ. 2561 - 2580)" is a national plan's name, and a regulation about local plans
    /// ("ระเบียบ...ว่าด้วยการจัดทำแผนพัฒนา... พ.ศ. ๒๕๖๐") stays a name although it holds the word
    /// "แผน". A year cue or "ปี" after the name still ends it.
    func testYearsInsideLawAndPlanNamesAreNoEvidence() throws {
        let e = try YearEvidenceVocabulary.load(mappings: Self.mappings)
        let v = try ITAVocabulary(mappings: Self.mappings)
        func inName(_ text: String) -> Bool {
            let kt = KeyedText(text)
            let year = NumberTokens.find(in: kt).first { $0.isYear }!
            return e.isInLawName(year.range, in: kt, cues: v.cues.assessmentYearCues, InterpretSettings())
        }
        XCTAssertTrue(inName("ยุทธศาสตร์ชาติประเด็นที่ 21 การต่อต้านการทุจริตและ ประพฤติมิชอบ (พ.ศ. 2561 - 2580) ต่อไป"))
        XCTAssertTrue(inName("อ้างอิง ระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น พ.ศ. ๒๕๖๐"))
        XCTAssertFalse(inName("ตามระเบียบดังกล่าว ผลการประเมินปีงบประมาณ พ.ศ. 2566"))
        XCTAssertFalse(inName("ตามพระราชบัญญัติดังกล่าว ในปี พ.ศ. 2567"))
        // The whole seed 003 report: neither the national plan's years nor a law's give a mention.
        let reader = try Self.reader("seeds/s003-thesaban-tambon.pdf")
        let years = Set(YearFinder.mentions(in: reader.pageBlocks(), vocabulary: reader.ita, evidence: reader.yearEvidence, InterpretSettings()).map(\.year))
        XCTAssertFalse(years.contains(2561) || years.contains(2580), "\(years.sorted())")
    }

    /// Two years named alike as results years, nothing else: split evidence leaves the year empty
    /// (and the questions with it) with a warning naming both, instead of taking the first.
    func testSplitEvidenceLeavesTheYearEmpty() throws {
        let r = try FieldsTestLayout.interpret("""
        รายงานผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2566
        องค์การบริหารส่วนตำบลบ้านกลาง อำเภอเมืองลำพูน จังหวัดลำพูน
        สรุปผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2567
        ข้อคำถาม\tคะแนน
        i1 ตามขั้นตอน\t91.20
        i2 เท่าเทียม\t88.75
        """)
        XCTAssertNil(r.fields.assessmentYear)
        let w = try XCTUnwrap(r.warnings.first { $0.code == .yearUnclear })
        XCTAssertTrue(w.message.contains("2566") && w.message.contains("2567"), w.message)
        XCTAssertEqual(r.questions.map(\.code), ["i1", "i2"])
        XCTAssertNil(r.questions.first?.year)
    }

    /// A score column titled with its year outweighs a results cue naming another year, and the
    /// cue gives a warning naming both years.
    func testScoreColumnTitleOutweighsACueAndTheCueIsWarned() throws {
        let r = try FieldsTestLayout.interpret("""
        รายงานผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2568
        องค์การบริหารส่วนตำบลบ้านกลาง อำเภอเมืองลำพูน จังหวัดลำพูน
        ตัวชี้วัด\tคะแนนปี 2567
        1. การปฏิบัติหน้าที่\t91.20
        2. การใช้งบประมาณ\t88.40
        3. การใช้อำนาจ\t90.00
        4. การใช้ทรัพย์สินของราชการ\t86.72
        """)
        XCTAssertEqual(r.fields.assessmentYear?.value, 2567)
        let w = try XCTUnwrap(r.warnings.first { $0.code == .assessmentYearDisagrees })
        XCTAssertTrue(w.message.contains("2567") && w.message.contains("2568"), w.message)
        XCTAssertTrue(r.indicators.allSatisfy { $0.year == 2567 })
    }

    /// A framework naming a catalogue there is no file for is a loud MappingsError, never a
    /// framework that silently matches nothing.
    func testFrameworkWithoutCatalogueIsAMappingsError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("years-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: Self.mappings, to: dir)
        let file = dir.appendingPathComponent("ita/year-evidence.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "\"catalogue\": 2568", with: "\"catalogue\": 2599").write(to: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ITAMappings(directory: dir)) { error in
            let e = error as? MappingsError
            XCTAssertEqual(e?.file, "ita/year-evidence.json")
            XCTAssertEqual(e?.key, "frameworks[1].catalogue")
        }
    }
}
