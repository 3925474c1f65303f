import Foundation
import ITAModel
import PageLayout
import XCTest
@testable import ReportInterpret

/// Plan headers and grids of tune documents the readers lost rows or cells of (issue 9; tune seeds
/// committed in Corpus/variants with their gold).
final class PlanHeaderTests: XCTestCase {
    /// v000207 (Chromium, borderless, 7 narrow columns): the findings header `ข้อค้นพบ` stands over
    /// `ปี` and `๒๕๖๘`, cut apart on its lower line. Taken for a two-row header's group cell, it left
    /// two unnamed columns, a body cell straddled them, and the plan ended on the next page: 1 of 7
    /// rows. Later pages run period and owner together (`ไตรมาส ๑-๔ สำนักปลัด`); they are cut where
    /// the owner cells start on the plan's earlier pages.
    func testHeaderCellWithItsYearSetApartStaysAColumn() throws {
        try assertRows("v000207", fields: [\.issue, \.measure, \.steps, \.period, \.owner])
    }

    /// A header cell's year set on a line of its own (v000207's `๒๕๖๘`) is a year of the era by
    /// the one predicate (`BuddhistEraYear`), not any four digits: an amount `๑๒๓๔` is none.
    func testYearOnlyHeaderPieceIsAYearOfTheEra() {
        for year in ["๒๕๖๘", "2568", " ๒๕ ๖๘ ", "๒๕๔๐"] { XCTAssertTrue(MeasureHeaderBand.isYearOnly(year), year) }
        for other in ["๑๒๓๔", "1234", "2600", "๒๕๖", "๒๕๖๘๑", "ปี ๒๕๖๘"] { XCTAssertFalse(MeasureHeaderBand.isYearOnly(other), other) }
    }

    /// v000213 (LibreOffice, borderless, portrait): narrow columns wrap the header words so that no
    /// line names two roles (`วิธีการนำผลการ | ช่วงเวลา | ผู้รับผิด`); the header repeated on a later
    /// page was not found and its words were read into the row above (`สำนักปลัดผู้รับผิดชอบ/ ผู้ที่เกี่ยวข้อง`).
    func testHeaderWrappedSoThatNoLineNamesTwoRoles() throws {
        try assertRows("v000213", fields: [\.issue, \.steps, \.period, \.owner])
    }

    /// v000244 (LibreOffice, borderless): the header repeated on the next page sets `ดำเนิน` (of
    /// `ระยะเวลาดำเนินงาน`) a line below its band; it was read into every period of that page.
    func testRepeatedHeaderPieceBelowTheBandIsHeader() throws {
        try assertRows("v000244", fields: [\.issue, \.measure, \.steps, \.period, \.owner])
        let periods = try CommittedSample.interpret("v000244").measures.compactMap(\.period)
        XCTAssertFalse(periods.contains { $0.contains("ดำเนิน") }, "\(periods)")
    }

    /// v000259 (Chromium, ruled): the second row, cut by the page break, has no bottom rule, so the
    /// ruled frame ends above it and the layout finds it as a 5-column borderless table; that was
    /// taken for another table below the plan and ended it (1 of 9 rows).
    func testRowCutByThePageBreakBelowTheRuledFrameStaysInThePlan() throws {
        try assertRows("v000259", fields: [\.issue, \.measure, \.steps, \.period, \.owner])
    }

    /// v000247 (Chromium, ruled, header repeated on every page; the layout does not mark it a header row): row
    /// 4's question text runs on at the top of the next page in short word pieces (`ของหน่วย |
    /// แล้วแต่ยังไม่ | หน่วยงานให้เป็น | ตรวจสอบความครบถ้วน`, no number). The header band took the whole
    /// ruled row in as a wrapped header, and the row lost it (`i10 ท่านรู้แนวปฏิบัติ`). A ruled row
    /// joins the band only when one of its cells is header wording.
    func testCutRowOfPiecesUnderARuledRepeatedHeaderIsBody() throws {
        try assertRows("v000247", fields: [\.issue, \.measure, \.steps, \.period, \.owner])
    }

    /// v000240 (Chromium, ruled, repeated header): the first lines under the header on page 4 hold header
    /// phrases inside body words (`ประเด็นนี้ไม่`, `กำหนดมาตรการ`); they were found as a second header
    /// reaching up over the first, whose columns then ran steps into measure (`จัดทำมาตรการป้องกัน
    /// และมีป้องกัน 2. แต่งตั้งสอบ...`). A band may not reach up into the page's previous band.
    func testBodyPiecesWithHeaderPhrasesAreNoSecondHeader() throws {
        try assertRows("v000240", fields: [\.issue, \.measure, \.steps, \.period, \.owner])
    }

    /// v000221 (Chromium, borderless, narrow columns): the header line `ขั้นตอน/วิธี ผู้รับผิด ระยะ`
    /// is one segment over three header cells, which the line below sets apart (`ปฏิบัติ | ชอบ |
    /// เวลา`); read as one column, the owner and period of every row were lost. Header lines are cut
    /// where a neighbouring header line's cell starts (`HeaderWordCuts`). The last row runs onto the
    /// next page with no header, its first line `ปรับปรุงการ ผลการ` over two columns: cut where the
    /// plan's cells start, it stays on the plan's grid (it had ended the plan, cutting the row short).
    func testHeaderCellsRunTogetherAreCutAtTheWordsWhereCellsStart() throws {
        try assertRows("v000221", fields: [\.issue, \.measure, \.steps, \.period, \.owner])
    }

    /// v000350 (LibreOffice, borderless, one issue per page under a two-row header): `ระยะเวลา ผู้รับผิด`
    /// and `ดำเนินงาน ชอบ` run two header cells together, and the page numbers `- 11 -` and `- 12 -`,
    /// cut into pieces by the plan's columns, were read as plan rows (11 rows for 9).
    func testPageNumberCutByThePlansColumnsIsNoRow() throws {
        try assertRows("v000350", fields: [\.issue, \.measure, \.steps, \.period, \.owner])
    }

    /// v000368 (Chromium, borderless, two-row header repeated on every page): a row cut by the page
    /// break continues right under the repeated header in word pieces (`อำนาจและ | เร่งปรับปรุง |
    /// ของผู้ที่ | ประเมินผลการ`) that the band took in, merging its columns: the rest of row 6 became
    /// a seventh row. A repeated header ends above the first line with a word the earlier header lacks.
    func testBorderlessRepeatedHeaderEndsAboveTheCutRowsPieces() throws {
        try assertRows("v000368", fields: [\.issue, \.measure, \.steps, \.period, \.owner])
    }

    /// v000286 (Chromium, borderless, two-row header): the repeated header's main line holds the
    /// group cell's words (`วิเคราะห์ผลการ`), which are no column's; the repeat is told by all the
    /// words of the earlier header, so the cut rows' first lines on four pages stay body.
    func testRepeatIsToldByTheWholeEarlierHeader() throws {
        try assertRows("v000286", fields: [\.issue, \.measure, \.steps, \.period, \.owner])
    }

    /// v000436 (Chromium, borderless, landscape, fresh tune seed): the header cells `ช่วงเวลาดำเนิน` (period)
    /// and `ผู้รับผิดชอบ` (owner) stand a space apart, one segment, and no other header line has a
    /// cell starting at the owner's; read as one owner column, every row's period and owner ran
    /// together (`1 ต.ค. 67 - 30 งาน ก.ย. 68 ประชาสัมพันธ์`). Two header words naming two roles are two cells.
    func testHeaderWordsNamingTwoRolesAreTwoCells() throws {
        try assertRows("v000436", fields: [\.issue, \.measure, \.steps, \.period, \.owner])
        let v = try MeasureHeaderVocabulary.load(mappings: MeasurePlanLayoutTests.mappings)
        func word(_ t: String) -> Word { Word(text: t, box: Box(x0: 0, y0: 0, x1: 10, y1: 10)) }
        XCTAssertTrue(HeaderWordCuts.namesAnotherRole(word("ผู้รับผิดชอบ"), after: [word("ช่วงเวลาดำเนิน")], v))
        // One phrase across the two words is one cell (`ผลการวิเคราะห์ตัวชี้วัด`, analysis).
        XCTAssertFalse(HeaderWordCuts.namesAnotherRole(word("ตัวชี้วัด"), after: [word("ผลการวิเคราะห์")], v))
        // Words of one role are one cell (`มาตรการ / กิจกรรม`).
        XCTAssertFalse(HeaderWordCuts.namesAnotherRole(word("กิจกรรม"), after: [word("มาตรการ")], v))
    }

    /// v000426 (LibreOffice, ruled, fresh tune seed): the plan's two-row header is parted by a page
    /// break: `ประเด็น | การนำผลการวิเคราะห์ไปสู่การปฏิบัติ | ผู้รับ | ระยะเวลา` ends page 2, and page 3
    /// opens with the lower row `มาตรการ/กิจกรรม | ขั้นตอน/วิธีปฏิบัติ` under the group cell (and the
    /// rest of `ผู้รับผิดชอบ`, `ระยะเวลาดำเนินงาน`). The group cell was read as one measure column,
    /// and every row's measure held its steps, run together line by line (9 of 9 rows wrong).
    func testTwoRowHeaderPartedByAPageBreak() throws {
        try assertRows("v000426", fields: [\.issue, \.measure, \.steps, \.period, \.owner])
    }

    /// v000505 (Chromium, borderless, fresh tune seed): the summary table `คะแนนภาพรวมของหน่วยงาน | ๗๓.๑๔`
    /// / `ระดับผลการประเมิน | ต้องปรับปรุง` stands right under the plan's last row, within the plan's
    /// end gap: both lines were read as two more plan rows. A headline result row (a score or rating
    /// cue, then only the score or only a rating word) ends the plan.
    func testHeadlineResultRowsUnderThePlanAreNoRows() throws {
        try assertRows("v000505", fields: [\.issue, \.measure, \.steps, \.period, \.owner])
        let lines = try CommittedSample.interpret("v000505").measures.map { $0.issue ?? "" }
        XCTAssertFalse(lines.contains { $0.hasPrefix("คะแนนภาพรวม") || $0.hasPrefix("ระดับผลการประเมิน") })
    }

    /// v000372 (LibreOffice, ruled, portrait, seven columns): every header cell wraps over two to four
    /// lines (`แนวทางการ | การ | เวลา | ผู้รับผิด` over `แก้ไข | ดำเนิน | ดำเนิน | ชอบ`), so no line names
    /// two roles and no band was found: 0 of 4 rows (status `partial`). A line of header pieces opens
    /// a band whose cells, read over its lines, each name their role in header wording only.
    func testHeaderWhoseEveryCellWrapsSoNoLineNamesTwoRoles() throws {
        try assertRows("v000372", fields: [\.issue, \.measure, \.steps, \.period, \.owner])
    }

    /// v001001 (fresh tune 971-1050, Chromium, ruled, one issue per page): the first row's second
    /// line `และรูปแบบ | มาตรการ | ส่วนเสีย | ก.ย. | ผู้รับผิดชอบ | ทางการ | ประชาสัมพันธ์` names the
    /// measure and owner roles in body words, and was found as a second header inside the row: the
    /// row was cut to its first line and its rest read under the false header's columns (analysis
    /// text as the issue, steps as the owner). A header starts under its ruled row's top rule, never
    /// below a line of that row holding a list number, a code or a date.
    func testHeaderWordsInsideARuledBodyRowAreNoHeader() throws {
        try assertRows("v001001", fields: [\.issue, \.measure, \.steps, \.period, \.owner])
    }

    /// v001169 (fresh tune 1131-1210, LibreOffice, borderless, two-row header): the header starts at
    /// the foot of page 8 and its last lines `ข้อค้นพบ ปี | ดำเนิน` over `2566 | งาน` run onto page 9;
    /// the year wrapped onto a line of its own made that line no header piece, and `2566 | งาน` was
    /// read as a plan row (period `งาน`). A lone year is a header piece like a short word.
    func testHeaderYearLineCutByAPageBreakIsNoRow() throws {
        try assertRows("v001169", fields: [\.issue, \.measure, \.steps, \.period, \.owner])
    }

    /// v001182 (fresh tune 1131-1210, Chromium, borderless, landscape, Thai digits): the header cell
    /// `ข้อค้นพบ ปี ๒๕๖๘` was cut in two by the layout before its year, and the year made a column of
    /// its own; the analysis text under it reached over both, so the first line of page 3 crossed two
    /// header cells and the plan was taken to end there (3 of 9 rows). A lone year is its cell's.
    func testHeaderYearCutFromItsCellIsNoColumn() throws {
        try assertRows("v001182", fields: [\.issue, \.measure, \.steps, \.period, \.owner])
    }

    /// v001159 (fresh tune 1131-1210, LibreOffice, borderless, one issue per page): the header at
    /// the foot of page 3 runs onto page 4 with its measure cell's gloss `(แนวทาง/มาตรก` over `าร)`,
    /// which was read as a plan row of its own (measure `(แนวทาง/มาตรการ)`, a false positive); under
    /// each repeated header the line `(แนวทาง/มาตรการ) | งาน`, which the first header (cut by the
    /// break) lacked, was read into the row (every measure ended in the gloss, a period in `งาน`). A
    /// word piece opening with a gloss bracket is the header's. The gold's row count, and every
    /// row's issue, measure, period and owner.
    func testHeaderGlossCutByAPageBreakIsNoRow() throws {
        let gold = try CommittedSample.goldMeasures("v001159")
        let measures = try CommittedSample.interpret("v001159").measures
        XCTAssertEqual(measures.count, gold.count)
        XCTAssertFalse(measures.contains { MeasurePlanLayoutTests.squeeze($0.measure).hasPrefix("(แนวทาง") })
        for (g, m) in zip(gold.rows, measures) {
            XCTAssertEqual(MeasurePlanLayoutTests.squeeze(m.measure), MeasurePlanLayoutTests.squeeze(g["measure"]))
            XCTAssertEqual(MeasurePlanLayoutTests.squeeze(m.issue), MeasurePlanLayoutTests.squeeze(g["issue"]))
            XCTAssertEqual(MeasurePlanLayoutTests.squeeze(m.period), MeasurePlanLayoutTests.squeeze(g["period"]))
            XCTAssertEqual(MeasurePlanLayoutTests.squeeze(m.owner), MeasurePlanLayoutTests.squeeze(g["owner"]))
        }
    }

    /// v001250 (fresh tune 1211-1290, LibreOffice, borderless, a header repeated on every page over
    /// seven narrow columns): the analysis header `ข้อค้นพบ ปี ๒๕๖๖` wraps its year as `๒๕๖` over `๖`,
    /// and `๒๕๖`, a number but no year, ended the band above its line `๒๕๖ | ชอบ`: the owner header
    /// was `ผู้รับ ผิด`, naming no role, and all nine owners were lost. A piece of digits that makes a
    /// year with the digits right above or below it in its cell is the header's. Every row's owner.
    func testHeaderYearWrappedInANarrowCellKeepsTheBandsLastLine() throws {
        let gold = try CommittedSample.goldMeasures("v001250")
        let measures = try CommittedSample.interpret("v001250").measures
        XCTAssertEqual(measures.count, gold.count)
        XCTAssertFalse(measures.contains { ($0.owner ?? "").isEmpty })
        XCTAssertEqual(MeasurePlanLayoutTests.squeeze(measures.first?.owner), MeasurePlanLayoutTests.squeeze(gold.rows.first?["owner"]))
    }

    /// v001261 (fresh tune 1211-1290, LibreOffice, ruled, one issue per page under a repeated
    /// two-row header): the first header, at a page's foot, ran on over the page break
    /// (`ประเมิน` / `ข้อ` / `บกพร่อง/` / `ข้อ` / `ปรับปรุง` / `ปี ๒๕๖๖` of the analysis cell), and
    /// `บกพร่อง/` was no piece of the vocabulary's wording (`ข้อบกพร่อง`) nor of the header as read
    /// before the break: each repeated band ended above it, and the header's `เกี่ยวข้อง` and `การ`
    /// beside it went into every owner and period. The cells the remnant completed are the header's
    /// wording too. Every field of every row.
    func testRepeatedHeaderKnowsTheWordsItsFirstPrintingRanOnWith() throws {
        try assertRows("v001261", fields: [\.issue, \.measure, \.steps, \.period, \.owner])
    }

    /// v001144 (fresh tune 1131-1210, LibreOffice, ruled, one issue per page under a repeated two-row
    /// header): the first header, at a page's foot, was cut by the page break (`ประเด็ | วิเคราะห์ผลการประเมิน
    /// | มาตรการ | ขั้นตอนการ | วัน เดือน | ผู้`, its `น`, `ปี ที่ ดำเนิน การ` and `ดำเนินการ` at the next page's top)
    /// and named only a measure and steps: no header was found, and the plan's first row was lost. A band
    /// at a page's foot naming `minimumRolesAtPageFoot` roles waits for the next page's top to complete it.
    func testHeaderCutAtAPageFootIsCompletedByTheNextPage() throws {
        try assertRows("v001144", fields: [\.issue, \.measure, \.steps, \.period, \.owner])
    }

    /// The row count is the gold's and, row by row, the given fields are (whitespace ignored).
    /// v002634 (Chromium, ruled, a plan per page under a two-row header, columns shuffled): the upper row
    /// wraps every cell so that its lines name one role each, and the lower row names two
    /// (`ดำเนิน | มาตรการ | วิธีดำเนินการ`, under the group cell `แนวทางการดำเนินงาน`); the band from a
    /// one-role line gave way to the lower row's, which opens none, so seven of nine pages had no header
    /// and their rows were lost with status `ok`.
    func testTwoRowHeaderWhoseOnlyNamingLineOpensNoBand() throws {
        try assertRows("v002634", fields: [\.issue, \.measure, \.steps, \.period, \.owner])
    }

    private func assertRows(_ name: String, fields: [KeyPath<Measure, String?>], file: StaticString = #filePath, line: UInt = #line) throws {
        let gold = try CommittedSample.goldMeasures(name)
        let measures = try CommittedSample.interpret(name).measures
        XCTAssertEqual(measures.count, gold.count, "\(name): rows", file: file, line: line)
        let names: [KeyPath<Measure, String?>: String] = [\.issue: "issue", \.measure: "measure", \.steps: "steps",
                                                          \.period: "period", \.owner: "owner"]
        for (g, m) in zip(gold.rows, measures) {
            for f in fields {
                let key = names[f]!
                XCTAssertEqual(MeasurePlanLayoutTests.squeeze(m[keyPath: f]), MeasurePlanLayoutTests.squeeze(g[key]), "\(name) \(key)",
                               file: file, line: line)
            }
            XCTAssertFalse(m.source?.raw.isEmpty ?? true, name, file: file, line: line)
        }
    }
}
