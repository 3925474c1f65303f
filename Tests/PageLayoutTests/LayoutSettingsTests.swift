import Foundation
@testable import PageLayout
import XCTest

/// The layout tolerances are settings: overridable from a file, unknown keys refused, and an
/// override reaches the stage.
final class LayoutSettingsTests: XCTestCase {
    func testOverrideFromFile() throws {
        let s = try LayoutSettings.overriding(with: Data(#"{"layout": {"columnGapEm": 1.5}}"#.utf8), file: "s.json")
        XCTAssertEqual(s.columnGapEm, 1.5)
        XCTAssertEqual(s.wordSpaceEm, LayoutSettings().wordSpaceEm)
    }

    func testUnknownKeysAndSectionsAreErrors() {
        XCTAssertThrowsError(try LayoutSettings.overriding(with: Data(#"{"layout": {"columnGap": 1.5}}"#.utf8), file: "s.json")) {
            XCTAssertTrue("\($0)".contains("unknown layout setting 'columnGap'"), "\($0)")
        }
        XCTAssertThrowsError(try LayoutSettings.overriding(with: Data(#"{"layuot": {}}"#.utf8), file: "s.json")) {
            XCTAssertTrue("\($0)".contains("unknown section 'layuot'"), "\($0)")
        }
        XCTAssertThrowsError(try LayoutSettings.overriding(with: Data(#"{"layout": {"columnGapEm": "wide"}}"#.utf8), file: "s.json"))
    }

    /// A column gap of 50 em never splits a line by its gaps: on a borderless document (no ruling
    /// lines to split at either) the lines of several segments become one.
    func testAnOverrideReachesTheStage() throws {
        let (pdf, normal) = try CorpusPages.file("generated/g08-obj-2566-sidebyside-borderless")
        var wide = LayoutSettings()
        wide.columnGapEm = 50
        let merged = LayoutAnalyser.analyse(pdf, settings: wide)
        let split = { (l: DocumentLayout) in l.pages.flatMap(\.lines).filter { $0.segments.count > 1 }.count }
        XCTAssertGreaterThan(split(normal), 0)
        XCTAssertEqual(split(merged), 0)
    }
}
