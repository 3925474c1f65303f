import Foundation
import ITAModel
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
        let periods = try MeasurePlanLayoutTests.interpret("v000244").measures.compactMap(\.period)
        XCTAssertFalse(periods.contains { $0.contains("ดำเนิน") }, "\(periods)")
    }

    /// v000259 (Chromium, ruled): the second row, cut by the page break, has no bottom rule, so the
    /// ruled frame ends above it and the layout finds it as a 5-column borderless table; that was
    /// taken for another table below the plan and ended it (1 of 9 rows).
    func testRowCutByThePageBreakBelowTheRuledFrameStaysInThePlan() throws {
        try assertRows("v000259", fields: [\.issue, \.measure, \.steps, \.period, \.owner])
    }

    /// The row count is the gold's and, row by row, the given fields are (whitespace ignored).
    private func assertRows(_ name: String, fields: [KeyPath<Measure, String?>], file: StaticString = #filePath, line: UInt = #line) throws {
        let gold = try MeasurePlanLayoutTests.gold(name)
        let measures = try MeasurePlanLayoutTests.interpret(name).measures
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
