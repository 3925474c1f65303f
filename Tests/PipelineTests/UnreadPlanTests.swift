import ITAModel
@testable import Pipeline
import XCTest

/// A plan found on OCR'd pages with no cell confirmed is no plan read: the document is `partial`.
final class UnreadPlanTests: XCTestCase {
    private let unconfirmed = Warning(code: .ocrPlanCellsUnconfirmed, message: "cells left empty", page: nil)

    private func row(owner: String? = nil) -> Measure {
        Measure(issue: nil, indicator: nil, measure: nil, steps: nil, period: nil, owner: owner, page: 2, source: nil)
    }

    func testRowsWithNoCellLeftAreAnUnreadPlan() {
        XCTAssertTrue(UnreadPlan.isUnread([row(), row()], warnings: [unconfirmed]))
        // One confirmed cell (held-out scans6's v100305-scan200 kept its owners, กองคลัง …) is a plan read in part.
        XCTAssertFalse(UnreadPlan.isUnread([row(), row(owner: "กองคลัง")], warnings: [unconfirmed]))
        // No rows: nothing claimed, nothing to say here (other rules judge a missing plan).
        XCTAssertFalse(UnreadPlan.isUnread([], warnings: [unconfirmed]))
        // Empty cells that no OCR check emptied (a text layer's blank row) are not this rule's.
        XCTAssertFalse(UnreadPlan.isUnread([row(), row()], warnings: []))
    }
}
