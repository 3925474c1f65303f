import Foundation
@testable import PageLayout
import ThaiCharacters
import XCTest

/// The geometry the interpret stage asks of the layout (cell pieces, a page's line pitch) runs
/// with the layout's settings and on real pages.
final class PageGeometryTests: XCTestCase {
    /// v000151's packed borderless plan: some segment of its pages is cut into cell pieces, every
    /// piece keeps its words in order (the pieces of a segment give back its words), and with the
    /// cuts turned off (no gap wide enough, no column boundary matched) nothing is cut.
    func testCellPiecesCutRunTogetherCellsAndOnlyWhenAsked() throws {
        let (_, layout) = try CorpusPages.file("variants/v000151")
        var cuts = 0
        for page in layout.pages {
            let pieces = CellPieces.pieces(of: page, layout.settings)
            XCTAssertEqual(pieces.count, page.lines.count)
            for (line, linePieces) in zip(page.lines, pieces) {
                XCTAssertEqual(linePieces.count, line.segments.count)
                for (seg, cut) in zip(line.segments, linePieces) {
                    XCTAssertEqual(cut.flatMap(\.words), seg.words)
                    if cut.count > 1 { cuts += 1 }
                }
            }
        }
        XCTAssertGreaterThan(cuts, 0, "a narrow gutter ran cells together somewhere in v000151")
        var off = layout.settings
        off.pieceGapFactor = 1_000
        off.pieceMinGap = 1_000
        off.pieceBoundarySlack = -1_000
        let uncut = layout.pages.flatMap { CellPieces.pieces(of: $0, off).flatMap { $0 } }.filter { $0.count > 1 }
        XCTAssertEqual(uncut.count, 0)
    }

    /// The line pitch of a text page of seed 000 lies between one and two of its text heights (a
    /// document set at single to one-and-a-half spacing), and a fallback setting decides it on a
    /// page whose lines never start at one x twice.
    func testLinePitchOfARealPage() throws {
        let (_, layout) = try CorpusPages.seed("s000-thesaban-mueang")
        let page = try XCTUnwrap(layout.pages.max { $0.lines.count < $1.lines.count })
        let lines = page.lines.map { ($0.box, $0.segments.map(\.box)) }
        let heights = page.lines.flatMap { $0.segments.map(\.box.height) }.sorted()
        let h = heights[heights.count / 2]
        let pitch = LinePitch.median(lines, layout.settings)
        XCTAssertGreaterThan(pitch, h, "lines are at least a text height apart")
        XCTAssertLessThan(pitch, 2 * h)
        var never = layout.settings
        never.pitchSameXTolerance = 0
        never.pitchFallbackHeight = 1.75
        XCTAssertEqual(LinePitch.median(lines, never), 1.75 * h, accuracy: 1e-9)
    }

    /// The page numbers stamped on v000079 (top margin) and v000027 (bottom margin) are marked
    /// as page furniture by the layout: one line a page, whose digits are that page's number, in
    /// the margin it is printed in; v000151 has none, and with a margin of zero nothing is marked.
    func testPageNumbersInTheMarginsAreFurniture() throws {
        let words = try PageFurnitureWords.checkedIn()
        func pageNumbers(_ layout: DocumentLayout, _ settings: LayoutSettings) -> [Int: [String]] {
            // The marks are made when a DocumentLayout is made, with its settings.
            let marked = DocumentLayout(pages: layout.pages, settings: settings, furniture: words)
            var out: [Int: [String]] = [:]
            for page in marked.pages {
                for line in page.lines where line.furniture.contains(.pageNumber) {
                    XCTAssertFalse(line.furniture.isDisjoint(with: [.topMargin, .bottomMargin]), "a page number is in a margin")
                    out[page.page, default: []].append(line.text)
                }
            }
            return out
        }
        for (name, margin) in [("variants/v000079", PageFurniture.Marks.topMargin), ("variants/v000027", .bottomMargin)] {
            let (_, layout) = try CorpusPages.file(name)
            for page in layout.pages {
                for line in page.lines where line.furniture.contains(.pageNumber) {
                    XCTAssertTrue(line.furniture.contains(margin), "\(name) page \(page.page): \(line.text)")
                }
                // `inspect` shows the mark.
                XCTAssertEqual(LayoutText.lines(page).components(separatedBy: "(page number)").count, 2, "\(name) page \(page.page)")
            }
            let found = pageNumbers(layout, layout.settings)
            XCTAssertEqual(found.count, layout.pages.count, name)
            for (page, texts) in found {
                XCTAssertEqual(texts.count, 1, "\(name) page \(page): \(texts)")
                let digits = texts[0].unicodeScalars.compactMap { ThaiScript.digitValue($0) }
                XCTAssertEqual(digits.reduce(0) { $0 * 10 + $1 }, page, "\(name) page \(page): \(texts)")
            }
            var none = layout.settings
            none.continuationPageMargin = 0
            XCTAssertTrue(pageNumbers(layout, none).isEmpty, name)
        }
        let (_, plain) = try CorpusPages.file("variants/v000151")
        XCTAssertTrue(pageNumbers(plain, plain.settings).isEmpty)
    }
}
