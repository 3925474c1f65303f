import Foundation
import ITAModel
import PageLayout
import PDFExtract
import XCTest
@testable import ReportInterpret

/// A rating word that ends its sentence at the end of a line, over a heading that opens with a
/// word that would make it a verb (`ผ่านการ...`, `ผ่านมา...`), is the rating (issue 9).
final class RatingAtLineEndTests: XCTestCase {
    /// v000330 (Chromium, summary in prose): `... มีผลคะแนนเฉลี่ย ๘7.54 คะแนน ระดับผล / การประเมินอยู่ที่
    /// ผ่าน` and right under it the plan's heading `การนำผลการวิเคราะห์ไปสู่การปฏิบัติ`, read in the same
    /// paragraph: `ผ่าน` followed by `การ` was ruled out (the verb "pass"), and the rating was empty.
    /// The line ends with room for the heading's first word, so the sentence ended there.
    func testRatingEndingItsLineBeforeAHeadingIsRead() throws {
        let fields = try CommittedSample.interpret("v000330").fields
        XCTAssertEqual(fields.rating?.value, "ผ่าน")
        XCTAssertEqual(fields.overallScore?.value, "87.54")
        XCTAssertNotNil(fields.rating?.source?.page)
    }

    /// The same paragraph as the layout lays it out: the line that ends with `ผ่าน` ends its sentence
    /// by the page's geometry (`SentenceEnd`), the rating is read from it with that rule, and without
    /// the rule (no line told as a sentence's end) the verb reading stands and no rating is read
    /// there. The paragraph's other lines, which a wrapped sentence fills, do not end one.
    func testTheLineEndIsToldFromThePageGeometry() throws {
        let pdf = try PDFExtractor.read(path: MeasurePlanLayoutTests.variants.appendingPathComponent("v000330.pdf").path)
        let reader = try StageRoad(mappings: MeasurePlanLayoutTests.mappings)
            .reader(LayoutAnalyser.analyse(pdf, furniture: try .checkedIn()), mappings: MeasurePlanLayoutTests.mappings)
        let cues = reader.ita.cues
        let blocks = reader.textBlocks(wholeLines: true)
        // The paragraph whose line ends with the rating, the heading `การนำผล...` on the next line.
        var found: (block: Int, line: Int)?
        for (b, block) in blocks.enumerated() where block.segmentIndex == nil {
            for k in block.lineIndexes.indices.dropLast() {
                let line = reader.lines[block.lineIndexes[k]].text, next = reader.lines[block.lineIndexes[k + 1]].text
                if line.hasSuffix("ผ่าน"), next.hasPrefix("การนำผล") { found = (b, k) }
            }
        }
        let (b, k) = try XCTUnwrap(found, "v000330's rating line and the heading under it, read as one paragraph")
        XCTAssertTrue(SentenceEnd.after(line: k, of: blocks[b], reader))
        // The sentence's two lines above it (`จากผลการประเมิน...`, `ภาครัฐ ... ระดับผล`) fill the
        // line and run on: no sentence ends there.
        XCTAssertGreaterThanOrEqual(k, 3)
        for j in [k - 2, k - 1] {
            XCTAssertFalse(SentenceEnd.after(line: j, of: blocks[b], reader), "line \(j): \(reader.lines[blocks[b].lineIndexes[j]].text)")
        }
        let withRule = HeadlineFinder.ratings(blocks, cues, InterpretSettings()) { SentenceEnd.after(line: $1, of: blocks[$0], reader) }
        XCTAssertFalse(withRule.filter { $0.block == b }.isEmpty)
        XCTAssertEqual(Set(withRule.filter { $0.block == b }.map(\.value)), [.pass])
        let withoutRule = HeadlineFinder.ratings(blocks, cues, InterpretSettings()) { _, _ in false }
        XCTAssertEqual(withoutRule.filter { $0.block == b }.map(\.value), [])
    }

    /// Without the lines' geometry (one block, no next line) a rating followed by `การ` is still no
    /// reading: the rule needs the page to show that the sentence ended.
    func testWithoutLineEndEvidenceTheVerbReadingStands() throws {
        let v = try ITAVocabulary(mappings: MeasurePlanLayoutTests.mappings)
        let text = "มีผลคะแนนเฉลี่ย ๘7.54 คะแนน ระดับผลการประเมินอยู่ที่ ผ่าน การนำผลการวิเคราะห์ไปสู่การปฏิบัติ"
        let block = TextBlock(text: text, keyed: KeyedText(text), page: 1, lineIndexes: [0], lineStarts: [0], segmentIndex: nil)
        XCTAssertEqual(HeadlineFinder.ratings([block], v.cues, InterpretSettings(), endsSentence: { _, _ in true }).map(\.value), [])
    }

    /// v000372 (LibreOffice, summary in prose): `... ระดับผลการประเมินอยู่ที่` ends one line and the rating
    /// `ต้องปรับปรุงโดยด่วน` stands alone on the next, over the heading `การนำผลการวิเคราะห์ไปสู่การปฏิบัติ`.
    /// The line-end test looked only at the cue's line; and the heading's first word, up to a
    /// space, was the whole heading, too wide for any line. Thai has no spaces between words: the
    /// first word is the dictionary's (`การ`), and it would have fitted.
    func testRatingOnTheLineAfterItsCue() throws {
        let fields = try CommittedSample.interpret("v000372").fields
        XCTAssertEqual(fields.rating?.value, "ต้องปรับปรุงโดยด่วน")
        XCTAssertEqual(fields.overallScore?.value, "61.34")
    }

    /// v000384 (LibreOffice): `๗๑.๓๖ คะแนน ระดับผลการประเมินอยู่ที่ ต้องปรับปรุง` over the title
    /// `มาตรการส่งเสริม...`; the line above wrapped early, before the number, so the rating line is
    /// the longer one. The room left is measured to the paragraph's right edge (its longest line).
    func testRoomMeasuredToTheParagraphsRightEdge() throws {
        let fields = try CommittedSample.interpret("v000384").fields
        XCTAssertEqual(fields.rating?.value, "ต้องปรับปรุง")
    }

    /// The first word of a line as the word processor wrapped it: the dictionary's first Thai word,
    /// not the text up to the first space.
    func testFirstWordIsTheDictionarysWord() {
        let box = Box(x0: 100, y0: 0, x1: 400, y1: 20)
        let heading = ReadSegment(text: "การนำผลการวิเคราะห์ไปสู่การปฏิบัติ", raw: "การนำผลการวิเคราะห์ไปสู่การปฏิบัติ", box: box, page: 1, changes: [])
        let width = SentenceEnd.firstWordWidth(heading)
        XCTAssertGreaterThan(width, 0)
        XCTAssertLessThan(width, box.width / 4, "`การ` is a small part of the heading")
        let spaced = ReadSegment(text: "12 ต.ค.", raw: "12 ต.ค.", box: box, page: 1, changes: [])
        XCTAssertEqual(SentenceEnd.firstWordWidth(spaced), box.width * 2 / 7, accuracy: 0.001)
    }

    /// v000022 (Corpus): `... ได้คะแนน ๗๗.๔๘ คะแนน อยู่ในระดับ ต้อง` / `ปรับปรุง ...`: the rating is read
    /// across the line break, so its provenance lists the next line (as a question cell cut by a
    /// page break lists its `continuation`); it gave the first line only, where the value is not.
    func testRatingReadAcrossALineBreakListsTheNextLine() throws {
        let fields = try CommittedSample.interpret("v000022").fields
        XCTAssertEqual(fields.rating?.value, "ต้องปรับปรุง")
        let source = try XCTUnwrap(fields.rating?.source)
        XCTAssertTrue(source.raw.hasSuffix("ต้อง"), source.raw)
        let next = try XCTUnwrap(source.continuation, "the line the rating's second word is on")
        XCTAssertEqual(next.count, 1)
        XCTAssertTrue(next[0].raw.hasPrefix("ปรับปรุง"), next[0].raw)
        XCTAssertEqual(next[0].page, source.page)
        XCTAssertGreaterThan(try XCTUnwrap(next[0].box).y0, try XCTUnwrap(source.box).y0)
    }

    /// A rating read within one line gives that line alone (no `continuation`): v000384's
    /// `... ระดับผลการประเมินอยู่ที่ ต้องปรับปรุง`.
    func testRatingOnOneLineHasNoContinuation() throws {
        let fields = try CommittedSample.interpret("v000384").fields
        XCTAssertEqual(fields.rating?.value, "ต้องปรับปรุง")
        XCTAssertNil(fields.rating?.source?.continuation)
    }

    /// v000389 (LibreOffice, ruled, tune seed): `... มีผลคะแนนเฉลี่ย 93.60 คะแนน ระดับผลการประเมินอยู่ที่`
    /// ends page 1 and the rating `ผ่านดี` opens page 2, under its page number `2`. Paragraphs end with
    /// their page, so the rating was empty. The sentence is read on over the break
    /// (`PageBreakSentence`), and the provenance gives the cue's line on page 1 and the rating's on page 2.
    func testRatingAtTheTopOfTheNextPage() throws {
        let fields = try CommittedSample.interpret("v000389").fields
        XCTAssertEqual(fields.rating?.value, "ผ่านดี")
        XCTAssertEqual(fields.overallScore?.value, "93.60")
        let source = try XCTUnwrap(fields.rating?.source)
        XCTAssertEqual(source.page, 1)
        let next = try XCTUnwrap(source.continuation?.first)
        XCTAssertEqual(next.page, 2)
        XCTAssertEqual(next.raw, "ผ่านดี")
    }

    /// v000389's own sentence, laid out again over the same page break with what opens the next
    /// page changed (FieldsTestLayout: one page per form feed, the rating page's first line in its
    /// top margin at the text's line step, as v000389's is). A rating is carried over the break only
    /// when a whole rating phrase ends the page (not the bare ระดับ of `๗ ระดับ`, `ทุกระดับ`), the
    /// rating word is the next page's first word, whole, and neither line is a row of columns.
    func testOnlyASentenceTheBreakCutCarriesARating() throws {
        let head = "จากผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของ\nหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ.2568 ของเทศบาลนคร\n"
        let rest = "\nข้อจำกัดและข้อเสนอแนะ\n- บุคลากรมีจำนวนจำกัดเมื่อเทียบกับภารกิจที่ได้รับมอบหมาย"
        func rating(_ pageEnd: String, _ nextOpens: String) throws -> String? {
            try FieldsTestLayout.interpret(head + pageEnd + "\u{0C}" + nextOpens + rest).fields.rating?.value
        }
        // The tune case: cut after the cue, the rating alone at the next page's top.
        XCTAssertEqual(try rating("ห้วยโป่ง มีผลคะแนนเฉลี่ย 93.60 คะแนน ระดับผลการประเมินอยู่ที่", "ผ่านดี"), "ผ่านดี")
        // A legend row opens the next page: a table's row, under a sentence that ends with ระดับ.
        XCTAssertNil(try rating("ห้วยโป่ง แบ่งผลการประเมินออกเป็น ๕ ระดับ", "ผ่านดีเยี่ยม\t95.00-100"))
        XCTAssertNil(try rating("ห้วยโป่ง แบ่งผลการประเมินออกเป็น ๕ ระดับ", "ผ่านดีเยี่ยม 95.00-100"))
        // The bare word ending a sentence of its own, and a verb ผ่าน opening the next page.
        XCTAssertNil(try rating("ห้วยโป่ง พัฒนาบุคลากรทุกระดับ", "ผ่าน การอบรมออนไลน์"))
        XCTAssertNil(try rating("ห้วยโป่ง ระดับผลการประเมินอยู่ที่", "ผ่านช่องทางออนไลน์ของหน่วยงาน"))
        // The cue does not end the page's text: words follow it.
        XCTAssertNil(try rating("ห้วยโป่ง ระดับผลการประเมิน ดังตารางต่อไปนี้", "ผ่านดี"))
        // The cue ends a row of columns.
        XCTAssertNil(try rating("ห้วยโป่ง\tระดับผลการประเมินอยู่ที่", "ผ่านดี"))
    }
}
