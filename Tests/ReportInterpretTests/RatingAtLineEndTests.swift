import Foundation
import ITAModel
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
        let fields = try MeasurePlanLayoutTests.interpret("v000330").fields
        XCTAssertEqual(fields.rating?.value, "ผ่าน")
        XCTAssertEqual(fields.overallScore?.value, "87.54")
        XCTAssertNotNil(fields.rating?.source?.page)
    }

    /// Without the lines' geometry (one block, no next line) a rating followed by `การ` is still no
    /// reading: the rule needs the page to show that the sentence ended.
    func testWithoutLineEndEvidenceTheVerbReadingStands() throws {
        let v = try ITAVocabulary(mappings: MeasurePlanLayoutTests.mappings)
        let text = "มีผลคะแนนเฉลี่ย ๘7.54 คะแนน ระดับผลการประเมินอยู่ที่ ผ่าน การนำผลการวิเคราะห์ไปสู่การปฏิบัติ"
        let block = TextBlock(text: text, keyed: KeyedText(text), page: 1, lineIndexes: [0], lineStarts: [0], segmentIndex: nil)
        XCTAssertEqual(HeadlineFinder.ratings([block], v.cues, endsSentence: { _, _ in true }).map(\.value), [])
    }
}
