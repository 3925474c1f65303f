import XCTest
@testable import Pipeline
final class PipelinePlaceholderTests: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
