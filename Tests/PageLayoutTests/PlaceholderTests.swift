import XCTest
@testable import PageLayout
final class PageLayoutPlaceholderTests: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
