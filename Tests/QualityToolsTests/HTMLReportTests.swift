import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import QualityTools

/// The HTML diff report: well-formed, self-contained, holds every changed value, and renders in
/// headless Chromium.
final class HTMLReportTests: XCTestCase {
    var fixture: RunFixture!
    var html = ""
    var result: DiffResult!

    override func setUpWithError() throws {
        fixture = try RunFixture()
        let a = try fixture.write(DiffTests.runA(), as: "runA"), b = try fixture.write(DiffTests.runB(), as: "runB")
        try fixture.writeGold("""
        {"name": "phetchabun", "report": {"overall_score": "93.57", "rating": "ผ่านดี"},
         "indicator_scores": [{"year": 2566, "indicator": 4, "score": "99.67"}, {"year": 2566, "indicator": 5, "score": "100.00"}]}
        """, at: "phetchabun.json")
        let ra = try RunDataset.load(a), rb = try RunDataset.load(b)
        let golds = try GoldFile.loadAll(fixture.goldDirectory)
        result = RunDiffer.withAccuracy(RunDiffer.diff(ra, rb, labelA: a.path, labelB: b.path),
                                        before: Evaluator.evaluate(run: ra, golds: golds, runLabel: "a", goldLabel: "g"),
                                        after: Evaluator.evaluate(run: rb, golds: golds, runLabel: "b", goldLabel: "g"))
        html = DiffHTMLRenderer.render(result)
    }

    override func tearDown() { fixture.remove() }

    /// Collects the rows of the changes table while parsing the document as XML.
    final class TableReader: NSObject, XMLParserDelegate {
        var rows: [[String]] = []
        var inBody = false, inCell = false
        var cell = ""
        func parser(_ p: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if e == "table" { inBody = attributes["id"] == "changes" }
            if inBody, e == "tr", attributes["data-field"] != nil { rows.append([]) }
            if inBody, e == "td" { inCell = true; cell = "" }
        }
        func parser(_ p: XMLParser, foundCharacters s: String) { if inCell { cell += s } }
        func parser(_ p: XMLParser, didEndElement e: String, namespaceURI: String?, qualifiedName: String?) {
            if e == "td", inCell { rows[rows.count - 1].append(cell); inCell = false }
            if e == "table" { inBody = false }
        }
    }

    func testEveryValueIsEscapedApostropheIncluded() throws {
        var r = try XCTUnwrap(result)
        r.changes[0].after = "it's <b>\"x\"</b> & more"
        r.runA = "runs/o'brien"
        let page = DiffHTMLRenderer.render(r)
        XCTAssertTrue(page.contains("it&#39;s &lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; more"))
        XCTAssertTrue(page.contains("runs/o&#39;brien"))
        XCTAssertFalse(page.contains("it's"))
    }

    func testWellFormedAndHoldsEveryChange() throws {
        let parser = XMLParser(data: Data(html.utf8))
        let reader = TableReader()
        parser.delegate = reader
        XCTAssertTrue(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        XCTAssertEqual(reader.rows.count, result.changes.count)
        XCTAssertTrue(reader.rows.contains(["Corpus/2566/phetchabun.pdf", "report.overall_score", "", "93.57", "93.75"]))
        XCTAssertTrue(reader.rows.contains(["Corpus/2566/phetchabun.pdf", "indicator_scores.score", "2566/5", "100.00", "(no row)"]))
        XCTAssertTrue(reader.rows.contains(["Corpus/khoen.pdf", "report.unit_name", "", "องค์การบริหารส่วนตำบลเขิน", "(empty)"]))
    }

    func testSelfContainedWithChartsFilterAndThaiFonts() {
        // No network: the only URLs are the XHTML and SVG namespace names.
        let rest = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/1999/xhtml\"", with: "")
            .replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        XCTAssertFalse(rest.contains("http:") || rest.contains("https:") || rest.contains("<link") || rest.contains(" src="))
        XCTAssertTrue(html.contains("\"Noto Sans Thai\", \"Garuda\", \"Laksaman\", sans-serif"))
        XCTAssertTrue(html.contains("<input id=\"filter\""))
        XCTAssertTrue(html.contains("getElementById('filter')"))
        // One bar per changed field, and the accuracy chart with F1 before and after.
        XCTAssertEqual(html.components(separatedBy: "<g class=\"bar\"").count - 1, result.fieldCounts.count)
        XCTAssertTrue(html.contains("Accuracy per category"))
        let ind = result.accuracy?.first { $0.category == "indicator_scores" }
        XCTAssertEqual(ind?.before, 0.5714)  // 2 right, 3 rows the gold does not list: P 0.4, R 1
        XCTAssertEqual(ind?.after, 0)        // 2566/4 now wrong and 2566/5 gone
        XCTAssertTrue(html.contains("newly failed"))
        XCTAssertTrue(html.contains("no_indicator_table"))
    }

    /// Renders the report with headless Chromium (Debian package `chromium`) through the project's
    /// script and checks a non-trivial PNG came out; the PNG stays in the temp folder for a look.
    func testRendersInHeadlessChromium() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scripts/screenshot-html.sh")
        let which = Process()
        which.executableURL = URL(fileURLWithPath: "/bin/sh")
        which.arguments = ["-c", "command -v chromium || command -v chromium-browser"]
        which.standardOutput = Pipe()
        try which.run(); which.waitUntilExit()
        // CI installs Chromium (.ci/run: ITA_DEPS=html): there a missing one is a failure, not a skip.
        if which.terminationStatus != 0, ProcessInfo.processInfo.environment["CI"] != nil {
            return XCTFail("chromium is not installed, and CI installs it (ITA_DEPS=html bash Scripts/install-deps.sh)")
        }
        try XCTSkipIf(which.terminationStatus != 0, "chromium is not installed (apt-get install -y chromium)")
        let htmlURL = fixture.root.appendingPathComponent("diff.html")
        let png = FileManager.default.temporaryDirectory.appendingPathComponent("qt-diff-report.png")
        try? FileManager.default.removeItem(at: png)
        try html.write(to: htmlURL, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = [script.path, htmlURL.path, png.path, "1280x1600"]
        p.standardOutput = Pipe(); p.standardError = Pipe()
        try p.run(); p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        let data = try Data(contentsOf: png)
        XCTAssertEqual(Array(data.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // PNG header: width and height big-endian at bytes 16 and 20.
        let w = data[16..<20].reduce(0) { $0 << 8 | Int($1) }, h = data[20..<24].reduce(0) { $0 << 8 | Int($1) }
        XCTAssertEqual([w, h], [1280, 1600])
        XCTAssertGreaterThan(data.count, 30_000, "a blank page compresses to a few kB")
    }
}
