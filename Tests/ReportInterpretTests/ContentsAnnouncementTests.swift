import Foundation
import ITAModel
import XCTest
@testable import ReportInterpret

/// A report that lists its parts in a contents sentence ("รายงานฉบับนี้ประกอบด้วย 3 ส่วน ได้แก่ ส่วนที่
/// 1 ... ส่วนที่ 3 ผลคะแนนรายข้อคำถาม", wrapped over lines) and then leaves one out is only partly read:
/// never `ok` (issue 9, status that tells the truth). Generator samples from Corpus/variants, whose
/// gold gives the expected status.
final class ContentsAnnouncementTests: XCTestCase {
    /// v000056 announces its question scores in its contents sentence and prints none.
    func testContentsSentenceAnnouncesAMissingSection() throws {
        let r = try CommittedSample.interpret("v000056")
        XCTAssertTrue(r.questions.isEmpty)
        let w = try XCTUnwrap(r.warnings.first { $0.code == .announcedSectionMissing })
        XCTAssertTrue(w.message.contains("questions") && w.message.contains("list of its parts"), w.message)
        XCTAssertEqual(r.warnings.filter { $0.code == .announcedSectionMissing }.count, 1)
    }

    /// v000027 and v000234 print every section they have and list no missing one: no warning.
    func testReportsWithTheirSectionsGetNoWarning() throws {
        for name in ["v000027", "v000234"] {
            let r = try CommittedSample.interpret(name)
            XCTAssertFalse(r.warnings.contains { $0.code == .announcedSectionMissing }, name)
        }
    }
}
