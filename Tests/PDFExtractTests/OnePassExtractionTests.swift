import Foundation
import ITAModel
import PDFExtract
import XCTest

/// Text and ruling lines come from one pass over each page's content (its operators, fonts and
/// CMaps parsed once): it must read exactly what the two passes it replaced read, poppler-cpp's
/// text_list and the ruling render each on its own (`.separatePasses`): every glyph (text, box,
/// space, font, size), every ruling, the drawn-glyph count and the image coverage, and poppler's
/// messages in the same order.
final class OnePassExtractionTests: XCTestCase {
    private func assertSameReading(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> (glyphs: Int, rulings: Int) {
        let one = try PDFExtractor.read(path: path)
        let two = try PDFExtractor.read(path: path, options: [.all, .separatePasses])
        let name = (path as NSString).lastPathComponent
        XCTAssertEqual(one.pageCount, two.pageCount, name, file: file, line: line)
        XCTAssertEqual(one.messages, two.messages, "\(name): poppler's messages", file: file, line: line)
        var glyphs = 0, rulings = 0
        for (a, b) in zip(one.pages, two.pages) {
            let at = "\(name) page \(a.number)"
            XCTAssertEqual(a.glyphs.count, b.glyphs.count, "\(at): glyph count", file: file, line: line)
            if let i = a.glyphs.indices.first(where: { $0 < b.glyphs.count && a.glyphs[$0] != b.glyphs[$0] }) {
                XCTFail("\(at): glyph \(i) is \(a.glyphs[i]) in one pass, \(b.glyphs[i]) in two", file: file, line: line)
            }
            XCTAssertEqual(a.rulings, b.rulings, "\(at): rulings", file: file, line: line)
            XCTAssertEqual(a.drawnGlyphs, b.drawnGlyphs, "\(at): drawn glyphs", file: file, line: line)
            XCTAssertEqual(a.imageCoverage, b.imageCoverage, "\(at): image coverage", file: file, line: line)
            XCTAssertEqual([a.width, a.height], [b.width, b.height], "\(at): size", file: file, line: line)
            glyphs += a.glyphs.count; rulings += a.rulings.count
        }
        return (glyphs, rulings)
    }

    /// Every Corpus PDF poppler opens: native seeds and generated reports, the damaged and the
    /// Private-Use ones (degraded), scans (no text, images), and the tune-seed samples.
    func testOnePassReadsWhatTwoPassesReadOnCorpus() throws {
        let pdfs = ["seeds", "generated", "degraded", "scanned", "variants"].flatMap { Corpus.pdfs(in: $0) }
        var glyphs = 0, rulings = 0
        for url in pdfs {
            let n = try assertSameReading(url.path)
            glyphs += n.glyphs; rulings += n.rulings
        }
        // The comparison saw real text and real tables (a reader that returned nothing would pass).
        XCTAssertGreaterThan(glyphs, 100_000)
        XCTAssertGreaterThan(rulings, 1_000)
    }

    /// Invisible text (render mode 3) and clip-only text (7) are in the text layer but not drawn: the
    /// one pass, where Gfx hands each string to beginString instead of drawString, counts the same.
    func testHiddenTextModesCountAsBefore() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("modes.pdf")
        var c = "BT /F1 12 Tf 72 700 Td (Seen text) Tj ET\n"
        c += "BT 3 Tr /F1 12 Tf 72 680 Td (Invisible words) Tj ET\n"
        c += "BT 7 Tr /F1 12 Tf 72 660 Td (Clip only) Tj ET\n"
        c += "BT 1 Tr /F1 12 Tf 72 640 Td (Outlined) Tj ET\n"
        c += "0.5 w 72 600 m 400 600 l S\n"
        try MiniPDF.build([MiniPDF.Page(content: c)]).write(to: url)
        _ = try assertSameReading(url.path)
        let page = try PDFExtractor.read(path: url.path).pages[0]
        // "Seen text" and "Outlined" are drawn (spaces aside): 8 + 8 glyphs; the other two are not.
        XCTAssertEqual(page.drawnGlyphs, 16)
        XCTAssertTrue(page.glyphs.map(\.text).joined().contains("Invisible"), "invisible text stays in the text layer")
        XCTAssertEqual(page.rulings.count, 1, "\(page.rulings)")
    }

    /// The one pass builds a document's fonts once and hands each page its own from that cache, by
    /// object and by the name the page gives it: the same font object under another name, another
    /// object under the same name, and a font written inside the page's dictionary (left to poppler)
    /// must each read as text_list reads them, with the font the page names.
    func testFontsFromTheDocumentCacheAreThePagesOwn() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        func page(_ font: String, _ dictionary: String) -> MiniPDF.Page {
            MiniPDF.Page(content: "BT /\(font) 12 Tf 72 700 Td (Wide Mmm words) Tj ET\n", fontDictionary: dictionary)
        }
        let url = dir.appendingPathComponent("fonts.pdf")
        try MiniPDF.build([
            page("F1", "<< /F1 {0} >>"),                  // Helvetica
            page("F7", "<< /F7 {0} /F1 {1} >>"),          // Helvetica again, named F7
            page("F1", "<< /F1 {1} >>"),                  // Times-Roman, named F1 as Helvetica was
        ], extraFonts: ["Times-Roman"]).write(to: url)
        _ = try assertSameReading(url.path)
        // A font inside the page's dictionary: text_list's font scan asks poppler for the object number
        // poppler makes up for it and says so, which the one pass never did: glyphs compared alone.
        let inline = dir.appendingPathComponent("inline.pdf")
        try MiniPDF.build([
            page("F1", "<< /F1 {0} >>"),
            page("F1", "<< /F1 << /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >> >>"),
        ]).write(to: inline)
        let one = try PDFExtractor.read(path: inline.path)
        let two = try PDFExtractor.read(path: inline.path, options: [.all, .separatePasses])
        XCTAssertEqual(one.pages.map(\.glyphs), two.pages.map(\.glyphs))

        let read = try PDFExtractor.read(path: url.path)
        func right(_ text: PDFText, _ p: Int) throws -> Double { try XCTUnwrap(text.pages[p].glyphs.last).box.x1 }
        XCTAssertEqual(read.pages.map { $0.glyphs.map(\.text).joined() }, Array(repeating: "WideMmmwords", count: 3))
        XCTAssertEqual(one.pages.map { $0.glyphs.map(\.text).joined() }, Array(repeating: "WideMmmwords", count: 2))
        // Each page was set in the font it names: the same line is as wide in Helvetica on the first
        // two pages, narrower in Times, wider in Courier.
        XCTAssertEqual(try right(read, 0), try right(read, 1), accuracy: 0.001)
        XCTAssertLessThan(try right(read, 2), try right(read, 0) - 2)
        XCTAssertEqual(try right(one, 0), try right(read, 0), accuracy: 0.001)
        XCTAssertGreaterThan(try right(one, 1), try right(one, 0) + 2)
    }

    /// One paths device serves a thread's documents one after another (its bitmap kept): a document
    /// read after others of other page sizes reads exactly as on a thread that read nothing before.
    func testADocumentReadsTheSameAfterOthersOnTheThread() throws {
        let generated = Corpus.pdfs(in: "generated")
        let landscape = try XCTUnwrap(generated.first { $0.lastPathComponent.contains("landscape") })
        let tables = try XCTUnwrap(generated.first { $0.lastPathComponent.hasPrefix("g03") })
        let other = try XCTUnwrap(generated.first { $0.lastPathComponent.hasPrefix("g01") })
        func onNewThread(_ paths: [URL]) throws -> PDFText {
            nonisolated(unsafe) var result: Result<PDFText, Error>?
            let done = DispatchSemaphore(value: 0)
            let thread = Thread {
                result = Result { var last: PDFText?; for url in paths { last = try PDFExtractor.read(path: url.path) }; return last! }
                done.signal()
            }
            thread.start()
            done.wait()
            return try XCTUnwrap(result).get()
        }
        let alone = try onNewThread([tables])
        let after = try onNewThread([landscape, other, tables])
        XCTAssertEqual(alone.pageCount, after.pageCount)
        var rulings = 0
        for (a, b) in zip(alone.pages, after.pages) {
            XCTAssertEqual(a.glyphs, b.glyphs, "page \(a.number): glyphs")
            XCTAssertEqual(a.rulings, b.rulings, "page \(a.number): rulings")
            XCTAssertEqual(a.drawnGlyphs, b.drawnGlyphs, "page \(a.number): drawn glyphs")
            XCTAssertEqual(a.imageCoverage, b.imageCoverage, "page \(a.number): image coverage")
            rulings += a.rulings.count
        }
        XCTAssertGreaterThan(rulings, 10, "the document compared draws tables")
    }
}
