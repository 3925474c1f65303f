import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PDFExtract
import PageLayout
import XCTest

/// The SVG drawing that `ita-extract inspect --svg` writes.
final class InspectSVGTests: XCTestCase {
    /// Collects the text of every <text> element.
    final class TextCollector: NSObject, XMLParserDelegate {
        var texts: [String] = []
        var inText = false
        var cells = 0
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == "text" { inText = true; texts.append("") }
            if name == "g", attributes["class"] == "cell" { cells += 1 }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { texts[texts.count - 1] += string } }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { if name == "text" { inText = false } }
    }

    /// The SVG parses as XML and holds every cell of the page's tables, with their text.
    func testSVGIsWellFormedAndHoldsTheCells() throws {
        let (pdf, layout) = try CorpusPages.seed("s000-thesaban-mueang")
        let svg = LayoutSVG.render(page: pdf.pages[0], layout: layout.pages[0])
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = TextCollector()
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "SVG is not well-formed: \(String(describing: parser.parserError))")
        let cellCount = layout.pages[0].tables.flatMap(\.rows).map(\.cells.count).reduce(0, +)
        XCTAssertGreaterThan(cellCount, 10)
        XCTAssertEqual(collector.cells, cellCount)
        for t in layout.pages[0].tables { for r in t.rows { for c in r.cells { for line in c.lines {
            XCTAssertTrue(collector.texts.contains(line), "cell line \(line) missing from SVG")
        } } } }
    }
}
