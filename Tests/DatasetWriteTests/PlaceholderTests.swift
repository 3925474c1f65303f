import XCTest
@testable import DatasetWrite
final class DatasetWritePlaceholderTests: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
