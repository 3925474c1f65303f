import XCTest
@testable import QualityTools
final class QualityToolsPlaceholderTests: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
