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
        let merged = LayoutAnalyser.analyse(pdf, settings: wide, furniture: try .checkedIn())
        let split = { (l: DocumentLayout) in l.pages.flatMap(\.lines).filter { $0.segments.count > 1 }.count }
        XCTAssertGreaterThan(split(normal), 0)
        XCTAssertEqual(split(merged), 0)
    }

    /// A table finder's setting overridden in a settings file reaches the finder: on the page of
    /// g08 with the borderless indicator table, `streamMinRows` beyond any page's rows leaves no
    /// stream table (the lines stay as they were), and on seed 003's ruled multi-year table
    /// `headerMaxLines` of 0 leaves no title row.
    func testATableFinderOverrideFromAFileChangesACorpusPage() throws {
        let (g08, _) = try CorpusPages.file("generated/g08-obj-2566-sidebyside-borderless")
        let streamPage = try XCTUnwrap(g08.pages.first { p in
            LayoutAnalyser.analysePage(p).tables.contains { t in t.method == .stream && t.rows.contains { $0.cell(at: 0)?.rawText == "IIT" } }
        })
        let normal = LayoutAnalyser.analysePage(streamPage)
        let noStream = try LayoutSettings.overriding(with: Data(#"{"layout": {"streamMinRows": 1000}}"#.utf8), file: "s.json")
        XCTAssertEqual(noStream.streamMinRows, 1000)
        let changed = LayoutAnalyser.analysePage(streamPage, settings: noStream)
        XCTAssertEqual(changed.lines, normal.lines, "only the tables change")
        XCTAssertFalse(changed.tables.contains { $0.method == .stream }, "\(changed.tables.map(\.method))")

        let (s003, _) = try CorpusPages.seed("s003-thesaban-tambon")
        let years = { (t: Table) in t.rows.contains { $0.cells.contains { $0.rawText == "ปี ๒๕๖๗" } } }
        let ruledPage = try XCTUnwrap(s003.pages.first { LayoutAnalyser.analysePage($0).tables.contains(where: years) })
        let before = try XCTUnwrap(LayoutAnalyser.analysePage(ruledPage).tables.first(where: years))
        XCTAssertTrue(before.rows[0].isHeader)
        let noTitles = try LayoutSettings.overriding(with: Data(#"{"layout": {"headerMaxLines": 0}}"#.utf8), file: "s.json")
        let after = try XCTUnwrap(LayoutAnalyser.analysePage(ruledPage, settings: noTitles).tables.first(where: years))
        XCTAssertEqual(after.rows.count, before.rows.count)
        XCTAssertFalse(after.rows.contains(where: \.isHeader))
    }

    /// Every setting declares its valid range, holding its default: a setting added without one
    /// fails here. A value outside its range, or not a number, is refused naming key, value, range.
    func testEverySettingHasARangeAndValuesOutsideItAreErrors() {
        let defaults = LayoutSettings().asDictionary
        XCTAssertEqual(Set(LayoutSettings.ranges.keys), Set(defaults.keys))
        for (key, value) in defaults { XCTAssertTrue(LayoutSettings.ranges[key]?.contains(value) ?? false, "\(key) = \(value)") }
        XCTAssertThrowsError(try LayoutSettings.overriding(with: Data(#"{"layout": {"streamMinRows": -2}}"#.utf8), file: "s.json")) {
            XCTAssertTrue("\($0)".contains("layout setting 'streamMinRows' = -2 is outside its range 0...10000 (a whole count)"), "\($0)")
        }
        XCTAssertThrowsError(try LayoutSettings.overriding(with: Data(#"{"layout": {"continuationPageMargin": 2}}"#.utf8), file: "s.json")) {
            XCTAssertTrue("\($0)".contains("'continuationPageMargin' = 2 is outside its range 0...1 (a fraction)"), "\($0)")
        }
        XCTAssertThrowsError(try LayoutSettings.overriding(with: Data(#"{"layout": {"rulingTolerance": [3]}}"#.utf8), file: "s.json")) {
            XCTAssertTrue("\($0)".contains("layout setting 'rulingTolerance' must be a number in 0...10000 (points), not a list or an object"), "\($0)")
        }
    }

    /// A misspelt table-finder key is refused like any other, naming the key.
    func testAnUnknownTableFinderKeyIsAnError() {
        XCTAssertThrowsError(try LayoutSettings.overriding(with: Data(#"{"layout": {"streamMinRow": 3}}"#.utf8), file: "s.json")) {
            XCTAssertTrue("\($0)".contains("unknown layout setting 'streamMinRow'"), "\($0)")
        }
    }

    /// Every setting has a doc comment saying what it is and why (the line above it, or a "..."
    /// continuation of the one before), and every `public var` of the file is a setting by name.
    func testEverySettingIsDocumented() throws {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/PageLayout/API/LayoutSettings.swift")
        let lines = try String(contentsOf: source, encoding: .utf8).components(separatedBy: "\n")
        var names: [String] = []
        for (i, line) in lines.enumerated() {
            let t = line.trimmingCharacters(in: .whitespaces)
            guard t.hasPrefix("public var "), t.contains(" = ") else { continue }
            let name = String(t.dropFirst("public var ".count).prefix { $0 != " " })
            names.append(name)
            XCTAssertTrue(i > 0 && lines[i - 1].trimmingCharacters(in: .whitespaces).hasPrefix("///"), "\(name) has no doc comment")
        }
        XCTAssertEqual(Set(names), Set(LayoutSettings().asDictionary.keys))
        XCTAssertGreaterThan(names.count, 50)
    }
}
