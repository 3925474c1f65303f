import XCTest
@testable import ThaiNormalise
final class ThaiNormalisePlaceholderTests: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
