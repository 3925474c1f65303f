import XCTest
@testable import PDFExtract
final class PDFExtractPlaceholderTests: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
