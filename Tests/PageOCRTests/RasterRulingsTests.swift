import XCTest
@testable import PageOCR
import PDFExtract
import PageLayout
import ITAModel

/// Table borders of a scan, found in its OCR render, against the borders its text-layer twin draws.
final class RasterRulingsTests: XCTestCase {
    /// Long thin boxes of `rulings`: (position across, extent along), horizontal or vertical.
    private func lines(_ rulings: [Box], horizontal: Bool, minLength: Double) -> [(at: Double, from: Double, to: Double)] {
        rulings.compactMap { b in
            if horizontal, b.width >= minLength, b.height <= 4 { return (b.midY, b.x0, b.x1) }
            if !horizontal, b.height >= minLength, b.width <= 4 { return (b.midX, b.y0, b.y1) }
            return nil
        }
    }

    /// Page 19 of seed 002's scan (150 dpi grey JPEG, slightly skewed) holds a ruled plan table.
    /// Every border of 60 pt or more that the twin draws as a path is found in the scan's render,
    /// within 3 pt across (the scan is turned back by its skew) and covering most of its length; the
    /// scan's borders are not invented (each lies on a twin border); and the ruled-table finder,
    /// which found no ruled table with the extractor's coarse pieces, finds the plan as one.
    func testScanBordersMatchTheTwinsDrawnBorders() throws {
        let scanPath = PageOCRTests.corpus.appendingPathComponent("scanned/s002-obt-scan.pdf").path
        let twinPath = PageOCRTests.corpus.appendingPathComponent("seeds/s002-obt.pdf").path
        let twin = try PDFExtractor.read(path: twinPath).pages[18]
        var scan = try PDFExtractor.read(path: scanPath)
        // The extractor's 72 dpi render of the scan image breaks each skewed border into pieces.
        let coarse = scan.pages[18].rulings
        XCTAssertEqual(try PageOCR.fill(&scan, path: scanPath, only: [19]), [19])
        let page = scan.pages[18]
        let tolerance = 3.0, minLength = 60.0
        for horizontal in [true, false] {
            let want = lines(twin.rulings, horizontal: horizontal, minLength: minLength)
            let got = lines(page.rulings, horizontal: horizontal, minLength: 20)
            XCTAssertFalse(want.isEmpty)
            for w in want {
                let covered = got.filter { abs($0.at - w.at) <= tolerance }
                    .reduce(0.0) { $0 + max(0, min($1.to, w.to) - max($1.from, w.from)) }
                XCTAssertGreaterThanOrEqual(covered, 0.8 * (w.to - w.from), "\(horizontal ? "horizontal" : "vertical") border at \(w.at) (\(w.from)-\(w.to)): found \(got.map(\.at).sorted())")
            }
            for g in got {
                XCTAssertTrue(want.contains { abs($0.at - g.at) <= tolerance && g.from >= $0.from - tolerance - 2 && g.to <= $0.to + tolerance + 2 }
                              || lines(twin.rulings, horizontal: horizontal, minLength: 10).contains { abs($0.at - g.at) <= tolerance },
                              "\(horizontal ? "horizontal" : "vertical") border at \(g.at) (\(g.from)-\(g.to)) is not in the twin")
            }
        }
        let layout = LayoutAnalyser.analysePage(page)
        XCTAssertTrue(layout.tables.contains { $0.method == .ruled && $0.columns.count >= 4 }, "\(layout.tables.map { ($0.method, $0.columns.count) })")
        // With the extractor's pieces instead, the same words give no ruled table.
        var before = page
        before.rulings = coarse
        XCTAssertFalse(LayoutAnalyser.analysePage(before).tables.contains { $0.method == .ruled })
    }

    /// A skewed border is a staircase of row runs with breaks; it is joined into one straight line.
    func testStaircaseRunsJoinIntoOneLine() {
        // 0.5 degrees at 200 dpi: one row down every 115 pixels, 2 rows thick, two small breaks.
        var runs: [RasterRulings.Run] = []
        var x = 100
        var row = 500
        while x < 1300 {
            let end = min(x + 115, 1300)
            runs.append(.init(horizontal: true, at: row, from: x, to: end - (x == 330 ? 4 : 0)))
            runs.append(.init(horizontal: true, at: row + 1, from: x, to: end))
            x = end + (x == 560 ? 5 : 0)
            row += 1
        }
        // A second border 40 rows below, and a lone run too short to be a border.
        runs.append(.init(horizontal: true, at: 540, from: 100, to: 1300))
        runs.append(.init(horizontal: true, at: 700, from: 100, to: 150))
        let lines = RasterRulings.lines(runs, dpi: 200)
        XCTAssertEqual(lines.count, 2, "\(lines)")
        let skewed = lines.first { $0.y0 < 520 }!
        XCTAssertEqual(skewed.x0, 100); XCTAssertEqual(skewed.x1, 1300)
        XCTAssertEqual((skewed.y1 - skewed.y0) / 1200, 1.0 / 115, accuracy: 0.002)
    }
}
