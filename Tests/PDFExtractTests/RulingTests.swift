import Foundation
import ITAModel
import PDFExtract
import XCTest

/// Table borders come out as thin boxes where they were drawn; plain text gives none.
final class RulingTests: XCTestCase {
    // A 3-row, 2-column bordered table (PDF user space, origin bottom-left, page 612 x 792).
    private let rows = [700.0, 676.0, 652.0, 628.0]
    private let columns = [72.0, 200.0, 472.0]

    private func tablePage() -> MiniPDF.Page {
        var c = "0.5 w 0 G\n"
        for y in rows { c += "\(columns.first!) \(y) m \(columns.last!) \(y) l S\n" }
        for x in columns { c += "\(x) \(rows.first!) m \(x) \(rows.last!) l S\n" }
        c += "BT /F1 12 Tf 76 683 Td (IIT 1) Tj 130 0 Td (100.00) Tj ET\n"
        c += "BT /F1 12 Tf 76 659 Td (EIT 6) Tj 130 0 Td (94.02) Tj ET\n"
        c += "BT /F1 12 Tf 76 635 Td (OIT 9) Tj 130 0 Td (80.00) Tj ET\n"
        return MiniPDF.Page(content: c)
    }

    private func plainPage() -> MiniPDF.Page {
        // A large heading: letter stems such as "I" and "l" must not count as rules.
        var c = "BT /F1 40 Tf 72 700 Td (ITA IIT EIT OIT llll) Tj ET\n"
        for i in 0..<20 { c += "BT /F1 12 Tf 72 \(640 - i * 16) Td (Plain paragraph text line \(i) with no table at all.) Tj ET\n" }
        return MiniPDF.Page(content: c)
    }

    func testRulingsOnBorderedTableAndNoneOnPlainText() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("table.pdf")
        try MiniPDF.build([tablePage(), plainPage()]).write(to: url)
        let pdf = try PDFExtractor.read(path: url.path)
        let table = pdf.pages[0], plain = pdf.pages[1]
        XCTAssertEqual(plain.rulings, [], "plain text page")

        let horizontal = table.rulings.filter { $0.width > $0.height }
        let vertical = table.rulings.filter { $0.height > $0.width }
        XCTAssertEqual(horizontal.count, rows.count, "\(table.rulings)")
        XCTAssertEqual(vertical.count, columns.count, "\(table.rulings)")
        for r in table.rulings { XCTAssertLessThanOrEqual(min(r.width, r.height), 3, "thin: \(r)") }
        // Each drawn line is covered by a ruling within 1.5 pt (top-left origin: y = 792 - PDF y).
        for y in rows.map({ 792 - $0 }) {
            XCTAssertTrue(horizontal.contains { abs($0.midY - y) <= 1.5 && abs($0.x0 - columns.first!) <= 1.5 && abs($0.x1 - columns.last!) <= 1.5 }, "row at \(y): \(horizontal)")
        }
        for x in columns {
            XCTAssertTrue(vertical.contains { abs($0.midX - x) <= 1.5 && abs($0.y0 - (792 - rows.first!)) <= 1.5 && abs($0.y1 - (792 - rows.last!)) <= 1.5 }, "column at \(x): \(vertical)")
        }
    }

    /// On the seeds, rulings are thin and lie on the page, and pages with a ruled grid hold text inside it.
    func testSeedRulingsAreThinAndOnPage() throws {
        let seeds = Corpus.pdfs(in: "seeds")
        XCTAssertFalse(seeds.isEmpty, "no seed PDFs")
        var ruledPages = 0
        for pdf in seeds {
            for page in try PDFExtractor.read(path: pdf.path).pages where !page.rulings.isEmpty {
                ruledPages += 1
                for r in page.rulings {
                    XCTAssertLessThanOrEqual(min(r.width, r.height), 3, "\(pdf.lastPathComponent) p\(page.number) \(r)")
                    XCTAssertGreaterThanOrEqual(max(r.width, r.height), 18, "\(pdf.lastPathComponent) p\(page.number) \(r)")
                    XCTAssertTrue(r.x0 >= 0 && r.y0 >= 0 && r.x1 <= page.width + 1 && r.y1 <= page.height + 1)
                }
                let grid = Box.union(page.rulings)!
                XCTAssertTrue(page.glyphs.contains { grid.horizontalOverlap($0.box) > 0 && grid.verticalOverlap($0.box) > 0 && $0.box.y0 > grid.y0 && $0.box.y1 < grid.y1 },
                              "\(pdf.lastPathComponent) p\(page.number): rules with no text between them")
            }
        }
        XCTAssertGreaterThan(ruledPages, 0, "the seeds hold bordered tables")
    }

    /// The generated reports drawn with border=False in Scripts/corpus/generate_reports.py have no rulings
    /// at all (large heading letters such as ป and ใ must not count); the bordered ones have some.
    func testGeneratedReportsRulingsFollowTheirBorders() throws {
        let script = Corpus.root.deletingLastPathComponent().appendingPathComponent("Scripts/corpus/generate_reports.py")
        let text = try String(contentsOf: script, encoding: .utf8)
        // Each report is `dict(slug="...", ..., border=True|False, ...)`.
        var border: [String: Bool] = [:]
        for chunk in text.components(separatedBy: "dict(slug=\"").dropFirst() {
            let slug = String(chunk.prefix { $0 != "\"" })
            if chunk.contains("border=False") { border[slug] = false } else if chunk.contains("border=True") { border[slug] = true }
        }
        XCTAssertTrue(border.values.contains(false) && border.values.contains(true), "border flags not found in \(script.path)")
        var checked = 0
        for url in Corpus.pdfs(in: "generated") {
            guard let bordered = border[url.deletingPathExtension().lastPathComponent] else { continue }
            checked += 1
            let pages = try PDFExtractor.read(path: url.path).pages
            let ruled = pages.filter { !$0.rulings.isEmpty }.map(\.number)
            if bordered {
                XCTAssertFalse(ruled.isEmpty, "\(url.lastPathComponent): bordered tables but no rulings")
            } else {
                XCTAssertEqual(ruled, [], "\(url.lastPathComponent): borderless but rulings on pages \(ruled)")
            }
        }
        XCTAssertGreaterThan(checked, 0, "no generated report matched the generator's list")
    }
}
