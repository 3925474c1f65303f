import Foundation
import PageLayout
import XCTest

/// Borderless tables on real Corpus PDFs: side-by-side question groups split into one table per
/// group (also when they go on over a page break), and packed action-plan tables with wrapped cells.
final class BorderlessStructureTests: XCTestCase {
    static func gold(_ name: String) throws -> TableStructureTests.Gold {
        let url = CorpusPages.root.appendingPathComponent("tables/\(name).json")
        return try JSONDecoder().decode(TableStructureTests.Gold.self, from: Data(contentsOf: url))
    }

    /// GriTS-Con against the gold grids of a borderless document, above a floor a little under
    /// what was measured (g08 0.999, g09 0.988 with the release build's full search).
    func assertStructure(_ name: String, floor: Double, file: StaticString = #filePath, line: UInt = #line) throws {
        let s = try TableStructureTests.scores(try Self.gold(name))
        let mean = s.reduce(0, +) / Double(s.count)
        print(String(format: "GriTS-Con %@: %.3f over %d tables", name, mean, s.count))
        XCTAssertGreaterThanOrEqual(mean, floor, "per-table \(s.map { String(format: "%.2f", $0) })", file: file, line: line)
        XCTAssertGreaterThanOrEqual(s.min() ?? 0, 0.85, "every table found", file: file, line: line)
    }

    func testSideBySideBorderlessStructure() throws {
        try assertStructure("g08-obj-2566-sidebyside-borderless", floor: 0.98)
    }

    func testMultiYearAndPlanBorderlessStructure() throws {
        try assertStructure("g09-tambon-2568-multiyear-borderless", floor: 0.96)
    }

    /// Three question groups side by side under group titles: three two-column tables (question,
    /// score), the title spanning both columns; on the next page each group goes on by itself.
    func testSideBySideGroupsSplitAndContinued() throws {
        let (_, layout) = try CorpusPages.file("generated/g08-obj-2566-sidebyside-borderless")
        let titled = layout.pages[1].tables.filter { $0.sideBySideGroup != nil }
        XCTAssertEqual(titled.count, 3)
        for (i, t) in titled.enumerated() {
            XCTAssertEqual(t.sideBySideGroup, i)
            XCTAssertEqual(t.columns.count, 2)
            XCTAssertEqual(t.rows.first?.cells.first?.columnSpan, 2, "group title spans the group")
            XCTAssertTrue(t.rows.first?.isHeader ?? false)
        }
        let next = layout.pages[2].tables
        XCTAssertEqual(next.count, 3)
        XCTAssertEqual(next.map(\.sideBySideGroup), [0, 1, 2])
        XCTAssertTrue(next.allSatisfy { $0.continuesPrevious && $0.columns.count == 2 })
        // Each group's rows are its own: a question and its score in one row, the question's
        // wrapped lines one cell.
        for t in next {
            for row in t.rows where row.cell(at: 0)?.lines.isEmpty == false {
                let q = row.cell(at: 0)!.rawText
                if let first = q.unicodeScalars.first, "ieoIEO0๐".unicodeScalars.contains(first) {
                    XCTAssertTrue(HeaderLikeNumber.isScore(row.cell(at: 1)?.rawText ?? ""), "score beside \(q)")
                }
            }
        }
        let questions = next.flatMap(\.rows).filter { HeaderLikeNumber.isScore($0.cell(at: 1)?.rawText ?? "") }
        XCTAssertEqual(questions.count, 16, "6 IIT, 5 EIT, 5 OIT question rows on page 3")
    }

    /// When only some groups go on over a page break (OIT ended), the page's rows are still put in
    /// the groups' own columns, and a question broken by the page joins its first part.
    func testGroupsContinuedWithAGroupEnded() throws {
        let (_, layout) = try CorpusPages.file("generated/g08-obj-2566-sidebyside-borderless")
        let top = layout.pages[3].tables.filter(\.continuesPrevious)
        XCTAssertEqual(top.map(\.sideBySideGroup), [0, 1])
        XCTAssertTrue(top.allSatisfy { $0.columns.count == 2 })
        XCTAssertTrue(top[0].firstRowContinuesPrevious, "i6 broken by the page")
        XCTAssertTrue(top[0].rows[0].cell(at: 1)?.lines.isEmpty ?? true)
    }

    /// A packed borderless plan table (issue, measure, steps, period, owner): five columns, one
    /// row per numbered issue however many lines its cells wrap over.
    func testPackedPlanTableRows() throws {
        let (_, layout) = try CorpusPages.file("generated/g09-tambon-2568-multiyear-borderless")
        let plan = layout.pages.flatMap(\.tables).filter { $0.columns.count == 5 }
        XCTAssertFalse(plan.isEmpty)
        let issues = plan.flatMap(\.rows).compactMap { $0.cell(at: 0)?.rawText }.filter { t in
            guard let f = t.unicodeScalars.first else { return false }
            return HeaderLikeNumber.isScore(String(f)) || ("๐"..."๙").contains(Character(String(f)))
        }
        XCTAssertEqual(issues.count, 10, "issues ๑-๑๐, each in one row: \(issues)")
        // Rows broken by a page break go on at the top of the next page (their text tails, a
        // period's year among them, are not a new row).
        let continued = plan.filter(\.continuesPrevious)
        XCTAssertEqual(continued.count, 2)
        XCTAssertTrue(continued.allSatisfy(\.firstRowContinuesPrevious))
        for row in plan.flatMap(\.rows) where issues.contains(row.cell(at: 0)?.rawText ?? "") {
            let period = row.cell(at: 3)?.rawText ?? ""
            XCTAssertTrue(period.contains("ตุลาคม") && period.contains("กันยายน"), "whole period in one cell: \(period)")
        }
    }
}
