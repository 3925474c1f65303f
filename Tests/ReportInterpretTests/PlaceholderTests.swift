import XCTest
@testable import ReportInterpret
final class ReportInterpretPlaceholderTests: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
