import XCTest
@testable import PageOCR
import PDFExtract
import PopplerShim
import ThaiNormalise
import ITAModel

/// OCR on the Corpus scans (Tesseract tha+eng, as installed by Scripts/install-deps.sh).
final class PageOCRTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let corpus = root.appendingPathComponent("Corpus")

    private func text(_ glyphs: [Glyph]) -> String {
        glyphs.map { $0.text + ($0.spaceAfter ? " " : "") }.joined()
    }

    /// The cover of seed 002's scan: unit, district, province, years and the overall score come out
    /// readable after normalisation (SARA AM repaired), and the glyphs sit inside the page.
    func testReadsTheCoverOfAScan() throws {
        let path = Self.corpus.appendingPathComponent("scanned/s002-obt-scan.pdf").path
        var pdf = try PDFExtractor.read(path: path)
        XCTAssertTrue(pdf.pages[0].lacksTextLayer)
        let done = try PageOCR.fill(&pdf, path: path, only: [1])
        XCTAssertEqual(done, [1])
        XCTAssertFalse(pdf.pages[0].lacksTextLayer)
        XCTAssertTrue(pdf.pages[1].lacksTextLayer, "only the page asked for is read")
        let page = pdf.pages[0]
        for g in page.glyphs {
            XCTAssertTrue(g.box.x0 >= 0 && g.box.x1 <= page.width + 1 && g.box.y0 >= 0 && g.box.y1 <= page.height + 1, "\(g)")
        }
        let normaliser = try ThaiNormaliser(mappings: XCTUnwrap(MappingsDirectory.forSourceFile(#filePath)))
        let clean = normaliser.normalise(text(page.glyphs)).text
        for expected in ["องค์การบริหารส่วนตำบลเขิน", "จังหวัดศรีสะเกษ", "2566", "87.33"] {
            XCTAssertTrue(clean.contains(expected), "\(expected) not in: \(clean.prefix(600))")
        }
    }

    /// Pages OCR'd in parallel under a thread budget give exactly the glyphs of one-at-a-time OCR
    /// (the first three pages of the generated scan, so that one thread reads two of them; at 100
    /// dpi to keep the test short: equality does not depend on the resolution).
    func testParallelPagesEqualSequential() throws {
        let path = Self.corpus.appendingPathComponent("scanned/g04-tambon-2566-proseonly-scan.pdf").path
        var options = OCROptions(dpi: 100)
        let one = try PageOCR.read(path: path, pages: [1, 2, 3], options: options)
        guard let slots = OCRSlotFolder(threads: 2) else { return XCTFail("no temporary folder for the slots") }
        options.budget = slots.budget
        let two = try PageOCR.read(path: path, pages: [1, 2, 3], options: options)
        XCTAssertEqual(Set(one.keys), [1, 2, 3])
        for n in 1...3 {
            XCTAssertFalse(one[n]!.glyphs.isEmpty, "page \(n)")
            XCTAssertEqual(one[n]!.glyphs, two[n]!.glyphs, "page \(n)")
            XCTAssertEqual(one[n]!.rulings, two[n]!.rulings, "page \(n)")
        }
        // A page that cannot be rendered fails the read with that page's error, as one at a time.
        XCTAssertThrowsError(try PageOCR.read(path: path, pages: [1, 99], options: options)) { e in
            XCTAssertTrue((e as? DocumentError)?.message.contains("page 99") ?? false, "\(e)")
        }
    }

    /// Pages read under a budget whose slots another holder takes for a while (as other documents'
    /// pages do) give the glyphs of one-at-a-time OCR, and the read ends once the slots come back:
    /// helpers wait for a slot while pages remain, without holding one another up.
    func testPagesReadWhileOtherDocumentsHoldSlotsEqualSequential() throws {
        let path = Self.corpus.appendingPathComponent("scanned/g04-tambon-2566-proseonly-scan.pdf").path
        var options = OCROptions(dpi: 100)
        let one = try PageOCR.read(path: path, pages: [1, 2, 3, 4], options: options)
        guard let slots = OCRSlotFolder(threads: 3) else { return XCTFail("no temporary folder for the slots") }
        options.budget = slots.budget
        // Two of the three slots held elsewhere: the read starts on one thread, its helper waits.
        let held = [slots.budget.acquire(), slots.budget.acquire()]
        XCTAssertTrue(held.allSatisfy { $0 >= 0 })
        final class ResultBox: @unchecked Sendable { var value: Result<[Int: OCRPage], Error>? }
        let box = ResultBox()
        let finished = DispatchSemaphore(value: 0)
        let budgeted = options
        Thread {
            box.value = Result { try PageOCR.read(path: path, pages: [1, 2, 3, 4], options: budgeted) }
            finished.signal()
        }.start()
        slots.budget.release(held[0])
        slots.budget.release(held[1])
        finished.wait()
        let two = try XCTUnwrap(box.value).get()
        for n in 1...4 {
            XCTAssertFalse(one[n]!.glyphs.isEmpty, "page \(n)")
            XCTAssertEqual(one[n]!.glyphs, two[n]?.glyphs, "page \(n)")
        }
    }

    /// The shape re-read of numbers done on each page's own OCR render (`fill` with a reader) gives
    /// the glyphs and readings of the re-read on a second render (`DigitRereader.reread`): v000152's
    /// page with Thai-digit scores (its question table), read as a scan (its text layer discarded) at 150 dpi.
    func testRereadOnTheOCRRenderEqualsRereadOnASecondRender() throws {
        let path = Self.corpus.appendingPathComponent("variants/v000152.pdf").path
        var pdf = try PDFExtractor.read(path: path)
        // The pages printing a score in Thai digits (one: its question table).
        let pages = pdf.pages.filter { p in
            p.glyphs.map { $0.text + ($0.spaceAfter ? " " : "") }.joined().split(separator: " ").contains { DigitRereader.isScore(String($0)) }
        }.prefix(2).map(\.number)
        XCTAssertFalse(pages.isEmpty)
        TextLayerQuality.discardText(of: pages, in: &pdf)
        let reader = try shapeReader()
        let options = OCROptions(dpi: 150)
        var once = pdf, twice = pdf
        let filled = try PageOCR.fill(&once, path: path, options: options, digits: reader)
        let done = try PageOCR.fill(&twice, path: path, options: options)
        XCTAssertEqual(filled.pages, pages)
        XCTAssertEqual(done, pages)
        let rereads = DigitRereader.reread(&twice, path: path, pages: done, reader: reader, options: options)
        XCTAssertGreaterThan(rereads.count, 3, "the pages' Thai-digit scores are read again")
        XCTAssertEqual(filled.rereads, rereads)
        for n in pages { XCTAssertEqual(once.pages[n - 1].glyphs, twice.pages[n - 1].glyphs, "page \(n)") }
        XCTAssertGreaterThan(filled.times.recognise, 0)
        XCTAssertGreaterThan(filled.times.reread, 0)
    }

    /// The digit shapes' reader over the project's templates.
    private func shapeReader() throws -> DigitShapeReader {
        DigitShapeReader(templates: try DigitTemplates(mappings: XCTUnwrap(MappingsDirectory.forSourceFile(#filePath))))
    }

    /// A committed one-page scan fixture (`Tests/Fixtures/scans/`) OCR'd with the digit shapes: its
    /// text as filled, and what the fill found.
    private func fillWithShapes(_ fixture: String) throws -> (pdf: PDFText, filled: PageOCR.Filled) {
        let path = Self.root.appendingPathComponent("Tests/Fixtures/scans/\(fixture)").path
        var pdf = try PDFExtractor.read(path: path)
        let filled = try PageOCR.fill(&pdf, path: path, digits: shapeReader())
        return (pdf, filled)
    }

    /// A year whose OCR box ends inside its last digit is read whole: on page 2 of tune scan v001462
    /// (200 dpi photocopy) the title's `พ.ศ.๒๕๖๗` comes out of Tesseract as `พ.ศ.๒๕๒`, its box ending in
    /// the ๗; the shapes left the cut glyph out, read no year, and the report lost its assessment year
    /// and every score under it. The crop is widened on the cut side (`DigitRereader.yearWidenStep`).
    func testYearCutByItsOCRBoxIsReadWhole() throws {
        let (pdf, filled) = try fillWithShapes("v001462-scan200-copy-p2.pdf")
        XCTAssertEqual(filled.pages, [1])
        let year = try XCTUnwrap(filled.rereads.first { $0.ocr.hasPrefix("พ.ศ.") }, "the title's year is read again: \(filled.rereads.map(\.ocr))")
        XCTAssertEqual(year.reading, "๒๕๖๗")
        XCTAssertLessThan(year.ocr.unicodeScalars.filter { ThaiNumber.digitValue($0) != nil }.count, 4, "Tesseract read the year short")
        XCTAssertTrue(text(pdf.pages[0].glyphs).contains("พ.ศ.๒๕๖๗"), text(pdf.pages[0].glyphs))
    }

    /// Score cells Tesseract read as letters are read again by where they stand: page 1 of tune scan
    /// v100400 (150 dpi) prints ten Thai-digit indicator scores in one column. Tesseract read ๙๑.๑๖ as
    /// `ตี๑.อ๐ว` (too many letters to be a candidate by its text: read because the column's other cells
    /// are scores), and ๙๕.๗๐, ๘๔.๗๑ as `ต๕.ฒ๐`, `๕๕.ฒ๑`, whose points the shapes lost (they touch the
    /// ๗ after them: the point goes back before the last two digits, as Tesseract saw it). Before, the
    /// three were left as Tesseract read them and every check of the table lacked them.
    func testScoreCellsReadAsLettersAreReadByTheirColumn() throws {
        let (pdf, filled) = try fillWithShapes("v100400-scan150-p1.pdf")
        XCTAssertEqual(filled.pages, [1])
        let byOCR = Dictionary(filled.rereads.map { ($0.ocr, $0) }, uniquingKeysWith: { a, _ in a })
        for (ocr, reading) in [("ตี๑.อ๐ว", "๙๑.๑๖"), ("ต๕.ฒ๐", "๙๕.๗๐"), ("๕๕.ฒ๑", "๘๔.๗๑")] {
            let r = try XCTUnwrap(byOCR[ocr], "\(ocr) is read again: \(filled.rereads.map(\.ocr))")
            XCTAssertEqual(r.reading, reading, ocr)
            XCTAssertTrue(r.alternatives.allSatisfy(DigitRereader.isScore), "\(r.alternatives)")
        }
        // The column's scores, top to bottom, as printed; the indicator names beside them stay as read.
        let scores = text(pdf.pages[0].glyphs).split(separator: " ").map(String.init).filter(DigitRereader.isScore)
        XCTAssertEqual(Array(scores.prefix(10)), ["๙๑.๑๖", "๙๔.๒๕", "๙๒.๗๙", "๙๕.๗๐", "๘๙.๒๐", "๘๔.๗๑", "๙๔.๔๓", "๘๕.๑๗", "๙๐.๙๕", "๙๓.๗๕"])
        XCTAssertTrue(text(pdf.pages[0].glyphs).contains("การปฏิบัติหน้าที่"))
        // No word outside a column of scores is taken for one: the title's year and the note's date stay.
        XCTAssertFalse(filled.rereads.contains { $0.box.x0 > 400 && $0.box.y0 < 600 }, "the indicator-number column is no score column")
    }

    /// The point put back where Tesseract saw one and the shapes read four or five digits only.
    func testPointPutBackOnlyWhereTesseractSawOne() {
        XCTAssertEqual(DigitRereader.pointed("๙๕๗๐", ocr: "ต๕.ฒ๐"), "๙๕.๗๐")
        XCTAssertEqual(DigitRereader.pointed("๑๐๐๐๐", ocr: "๑๐๐.๐"), "๑๐๐.๐๐")
        XCTAssertNil(DigitRereader.pointed("๙๕๗๐", ocr: "๒๕๖๗"), "no point seen: a year")
        XCTAssertNil(DigitRereader.pointed("๙๕๗", ocr: "๙๕.๗๐"), "three digits may have lost one with the point")
        XCTAssertNil(DigitRereader.pointed("๙๕.๗๐", ocr: "๙๕.๗๐"), "a point read")
        XCTAssertEqual(DigitRereader.fitted("๙๕๗๐", ocr: "ต๕.ฒ๐"), "๙๕.๗๐")
        XCTAssertNil(DigitRereader.fitted("๒๕๖", ocr: "๒๕๖๗"))
        // A year beside a full stop or a speck stays a year, never a score (25.67).
        XCTAssertNil(DigitRereader.pointed("๒๕๖๗", ocr: "๒๕๖๗."), "a point ending the word")
        XCTAssertNil(DigitRereader.pointed("๒๕๖๗", ocr: ".๒๕๖๗"), "a point opening the word")
        XCTAssertNil(DigitRereader.pointed("๒๕๖๗", ocr: "๒๕.๖๗"), "a year's form is no score")
        XCTAssertNil(DigitRereader.fitted("๒๕๖๗", ocr: "๒๕๖๗."))
    }

    /// Tesseract's Thai "words" are clusters: glyphs of words with no space between them touch, so
    /// the layout stage does not split "การให้บริการและระบบ" into pieces; a real space is kept.
    func testClusterWordsJoinAndSpacesStay() {
        let words = [
            OCRWord(text: "การ", x0: 100, y0: 10, x1: 130, y1: 40, confidence: 90, line: 0, spaceAfter: false),
            OCRWord(text: "ให้", x0: 134, y0: 8, x1: 150, y1: 40, confidence: 90, line: 0, spaceAfter: true),
            OCRWord(text: "E-Service", x0: 170, y0: 10, x1: 260, y1: 40, confidence: 90, line: 0, spaceAfter: nil),
            OCRWord(text: "|", x0: 300, y0: 0, x1: 302, y1: 60, confidence: 30, line: 0, spaceAfter: nil),
        ]
        let glyphs = OCRGlyphs.glyphs(from: words, scale: 0.5)
        XCTAssertEqual(text(glyphs), "การให้ E-Service ")
        // "การ" is stretched to the start of "ให้"; every glyph of the line has the line's height.
        XCTAssertEqual(glyphs[2].box.x1, 67, accuracy: 0.001)
        XCTAssertTrue(glyphs.allSatisfy { $0.box.y0 == 4 && $0.box.y1 == 20 })
        // The mark ้ takes its base's box (no advance of its own).
        let hi = glyphs.firstIndex { $0.text == "\u{0E49}" }!
        XCTAssertEqual(glyphs[hi].box, glyphs[hi - 1].box)
    }

    /// Long dark runs (table borders) are painted white; letter-sized marks stay.
    func testLineEraserRemovesBordersOnly() {
        let w = 400, h = 300
        var pixels = [UInt8](repeating: 255, count: w * h)
        for x in 20..<380 { pixels[100 * w + x] = 40; pixels[101 * w + x] = 40 }   // horizontal rule
        for y in 10..<290 { pixels[y * w + 200] = 60 }                            // vertical rule
        for y in 150..<170 { for x in 50..<58 { pixels[y * w + x] = 0 } }         // a letter stroke
        for y in 200..<260 { for x in 240..<360 { pixels[y * w + x] = 120 } }     // a shaded cell
        pixels.withUnsafeMutableBufferPointer { buf in
            let b = ps_bitmap(data: buf.baseAddress, width: Int32(w), height: Int32(h), stride: Int32(w))
            LineEraser.erase(b, dpi: 200)
        }
        XCTAssertEqual(pixels[100 * w + 50], 255)
        XCTAssertEqual(pixels[150 * w + 200], 255)
        XCTAssertEqual(pixels[160 * w + 54], 0, "the letter stroke must survive")
        XCTAssertEqual(pixels[230 * w + 300], 120, "a shaded cell is no rule: it must survive")
    }
}
