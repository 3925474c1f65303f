import Foundation
import ITAModel
import PDFExtract
import PageLayout
import ThaiNormalise
import XCTest
@testable import ReportInterpret

/// The cross-checks' tolerances are settings: read from the settings file's "interpret" section
/// (unknown keys refused, a layout-only file still valid), and an override reaches the checks of a
/// real report.
final class InterpretSettingsTests: XCTestCase {
    func testOverrideFromFile() throws {
        let s = try InterpretSettings.overriding(with: Data(#"{"interpret": {"questionMeanTolerance": 0.03, "ratingBandSlack": 0}}"#.utf8), file: "s.json")
        XCTAssertEqual(s.questionMeanTolerance, 0.03)
        XCTAssertEqual(s.ratingBandSlack, 0)
        XCTAssertNil(s.overallWeightedTolerance, "not set: the framework's own (Mappings)")
        XCTAssertEqual(s.tableYearTolerance, InterpretSettings().tableYearTolerance)
        // A file of layout settings only, as before this section existed, gives the defaults.
        XCTAssertEqual(try InterpretSettings.overriding(with: Data(#"{"layout": {"columnGapEm": 1.5}}"#.utf8), file: "s.json"), InterpretSettings())
        // And the layout stage accepts the interpret section when told it is known.
        XCTAssertNoThrow(try LayoutSettings.overriding(with: Data(#"{"interpret": {}}"#.utf8), file: "s.json", knownSections: ["interpret", "layout"]))
    }

    func testUnknownKeysAndNonNumbersAreErrors() {
        XCTAssertThrowsError(try InterpretSettings.overriding(with: Data(#"{"interpret": {"meanTolerance": 0.1}}"#.utf8), file: "s.json")) {
            XCTAssertTrue("\($0)".contains("unknown interpret setting 'meanTolerance'"), "\($0)")
        }
        XCTAssertThrowsError(try InterpretSettings.overriding(with: Data(#"{"interpret": {"questionMeanTolerance": "wide"}}"#.utf8), file: "s.json"))
        XCTAssertThrowsError(try InterpretSettings.overriding(with: Data(#"{"interpret": {"questionMeanTolerance": true}}"#.utf8), file: "s.json"))
        XCTAssertThrowsError(try InterpretSettings.overriding(with: Data(#"{"interpret": {"yearTitleAbovePitch": null}}"#.utf8), file: "s.json")) {
            XCTAssertTrue("\($0)".contains("interpret setting 'yearTitleAbovePitch' must be a number in 0...1000 (a multiple), not null"), "\($0)")
        }
    }

    /// Each kind of range refuses a value outside it, naming the key, the value and the range; its
    /// bounds themselves are valid. The score checks' tolerances may be negative (the rerun test).
    func testValuesOutsideTheirRangesAreErrors() throws {
        func refused(_ key: String, _ value: String, _ message: String) {
            XCTAssertThrowsError(try InterpretSettings.overriding(with: Data(#"{"interpret": {"\#(key)": \#(value)}}"#.utf8), file: "s.json")) {
                XCTAssertTrue("\($0)".contains(message), "\($0)")
            }
        }
        refused("headingMinColumns", "-1", "'headingMinColumns' = -1 is outside its range 0...10000 (a whole count)")
        refused("headlineYearWindow", "1e30", "'headlineYearWindow' = 1e+30 is outside its range 0...10000 (a whole count)")
        refused("labelMaxLeadingCells", "2.5", "'labelMaxLeadingCells' = 2.5 is outside its range 0...10000 (a whole count)")
        refused("catalogueMinSimilarity", "1.01", "'catalogueMinSimilarity' = 1.01 is outside its range 0...1 (a fraction)")
        refused("breakCellOverrun", "-0.5", "'breakCellOverrun' = -0.5 is outside its range 0...10000 (points)")
        refused("yearTitleAbovePitch", "-1", "'yearTitleAbovePitch' = -1 is outside its range 0...1000 (a multiple)")
        refused("cueWindowScalarsPerKeyCharacter", "0", "outside its range 1...10 (scalars per key character)")
        refused("questionMeanTolerance", "-101", "outside its range -100...100 (points, below 0 fails every check)")
        refused("ratingBandSlack", "0.01", "outside its range 0...0.0099 (points, under a hundredth)")
        let bounds = try InterpretSettings.overriding(with: Data(#"{"interpret": {"headingMinColumns": 0, "catalogueMinSimilarity": 1, "questionMeanTolerance": -1}}"#.utf8), file: "s.json")
        XCTAssertEqual(bounds.headingMinColumns, 0)
        XCTAssertEqual(bounds.catalogueMinSimilarity, 1)
        XCTAssertEqual(bounds.questionMeanTolerance, -1)
    }

    /// Every setting declares its range (`keys` are the ranges' names, and the source scan below
    /// finds every `public var` among them, so a setting added without one fails here), and every
    /// default lies inside its range.
    func testEverySettingHasARangeHoldingItsDefault() {
        XCTAssertEqual(Set(InterpretSettings.ranges.keys), Set(InterpretSettings.keys))
        for (key, value) in InterpretSettings().described {
            let range = InterpretSettings.ranges[key]
            XCTAssertNotNil(range, key)
            if let v = Double(value), let range { XCTAssertTrue(range.contains(v), "\(key) = \(v) outside \(range)") }
        }
    }

    /// s002 (a real report, re-typeset) passes its own arithmetic with the framework's tolerances;
    /// with both tolerances below zero every check fails, each with its message and computed number,
    /// and no score is left marked consistent.
    func testNegativeTolerancesForceEveryCheckOnARealReport() throws {
        let (interpreter, root) = try interpreterAndRoot()
        let pdf = try PDFExtractor.read(path: root.appendingPathComponent("Corpus/seeds/s002-obt.pdf").path)
        let layout = LayoutAnalyser.analyse(pdf, furniture: try .checkedIn())
        let normal = interpreter.interpret(layout)
        var forcedSettings = InterpretSettings()
        forcedSettings.questionMeanTolerance = -1
        forcedSettings.overallWeightedTolerance = -1
        let forced = interpreter.interpret(layout, settings: forcedSettings)

        func count(_ r: Interpretation, _ code: WarningCode) -> Int { r.warnings.filter { $0.code == code }.count }
        let checkedNormally = normal.indicators.filter { $0.check == .consistent }.count
        XCTAssertGreaterThan(checkedNormally, 0, "s002's indicators agree with their questions")
        XCTAssertEqual(count(normal, .overallWeightedMismatch), 0)
        XCTAssertFalse((forced.indicators.map(\.check) + forced.questions.map(\.check)).contains(.consistent))
        XCTAssertEqual(forced.indicators.filter { $0.check == .inconsistent }.count,
                       normal.indicators.filter { $0.check != nil }.count, "the same scores are judged, all failing")
        XCTAssertGreaterThan(count(forced, .indicatorMeanMismatch), count(normal, .indicatorMeanMismatch))
        let overall = try XCTUnwrap(forced.warnings.first { $0.code == .overallWeightedMismatch })
        XCTAssertTrue(overall.message.contains("weighted scores give"), overall.message)
        // Values read are the same: only checks, marks and warnings change.
        XCTAssertEqual(forced.indicators.map(\.score), normal.indicators.map(\.score))
        XCTAssertEqual(forced.questions.map(\.score), normal.questions.map(\.score))
        XCTAssertEqual(forced.fields.overallScore?.value, normal.fields.overallScore?.value)
    }

    /// Every setting has a doc comment (the line above it) and a name a settings file can give:
    /// the `public var`s of the file are exactly `InterpretSettings.keys`, and `described` (what
    /// `inspect` and the manifest print) names each once.
    func testEverySettingIsDocumentedAndNamed() throws {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/ReportInterpret/API/InterpretSettings.swift")
        let lines = try String(contentsOf: source, encoding: .utf8).components(separatedBy: "\n")
        var names: [String] = []
        for (i, line) in lines.enumerated() {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("public struct Problem") { break }  // the error type's fields are no settings
            guard t.hasPrefix("public var "), !t.contains("{") else { continue }
            let name = String(t.dropFirst("public var ".count).prefix { $0 != " " && $0 != ":" })
            names.append(name)
            XCTAssertTrue(i > 0 && lines[i - 1].trimmingCharacters(in: .whitespaces).hasPrefix("///"), "\(name) has no doc comment")
        }
        XCTAssertEqual(names.sorted(), InterpretSettings.keys)
        XCTAssertEqual(InterpretSettings().described.map(\.key), InterpretSettings.keys)
        XCTAssertGreaterThan(names.count, 80)
    }

    /// A reader's geometry setting from a settings file reaches the readers of a real report:
    /// s002's action plan has body lines a few pitches apart at most, so with `planEndGapPitches`
    /// of 0 the plan ends after its first body line and fewer measure rows are read. The layout's
    /// own settings travel with the layout: cutting no segment into cell pieces changes the plan
    /// read from v000151 (its packed borderless cells run together without the cuts).
    func testAGeometryOverrideReachesTheReaders() throws {
        let (interpreter, root) = try interpreterAndRoot()
        let pdf = try PDFExtractor.read(path: root.appendingPathComponent("Corpus/seeds/s002-obt.pdf").path)
        let layout = LayoutAnalyser.analyse(pdf, furniture: try .checkedIn())
        let normal = interpreter.interpret(layout)
        let tight = try InterpretSettings.overriding(with: Data(#"{"interpret": {"planEndGapPitches": 0}}"#.utf8), file: "s.json")
        XCTAssertEqual(tight.planEndGapPitches, 0)
        let cut = interpreter.interpret(layout, settings: tight)
        XCTAssertGreaterThan(normal.measures.count, 0)
        XCTAssertLessThan(cut.measures.count, normal.measures.count)

        // v000151's packed borderless plan is read from the layout's cell pieces (PageGeometryTests):
        // with the cuts off, the readers get other pieces, as each row's provenance cells show, and
        // read other values: with the cuts every row's period and owner are its gold's; without
        // them the seventh row's year ("ปีงบประมาณ พ.ศ. | 2569") runs into the owner cell beside it
        // (4 of 7 rows right when this was written).
        let packed = LayoutAnalyser.analyse(try PDFExtractor.read(path: root.appendingPathComponent("Corpus/variants/v000151.pdf").path), furniture: try .checkedIn())
        let cutRead = interpreter.interpret(packed)
        var uncut = packed.settings
        uncut.pieceGapFactor = 1_000
        uncut.pieceMinGap = 1_000
        uncut.pieceBoundarySlack = -1_000
        // A layout's settings are constants (its furniture marks are made from them): a new one.
        let whole = DocumentLayout(pages: packed.pages, settings: uncut, furniture: try .checkedIn())
        let joined = interpreter.interpret(whole)
        XCTAssertGreaterThan(cutRead.measures.count, 0)
        XCTAssertNotEqual(joined.measures.map { $0.source?.cells ?? [] }, cutRead.measures.map { $0.source?.cells ?? [] })
        let gold = try CommittedSample.goldMeasures("v000151").rows
        func right(_ r: Interpretation) -> Int { zip(r.measures, gold).filter { $0.period == $1["period"] && $0.owner == $1["owner"] }.count }
        XCTAssertEqual(cutRead.measures.count, gold.count)
        XCTAssertEqual(right(cutRead), gold.count, "with the cuts, every period and owner as printed")
        XCTAssertLessThan(right(joined), gold.count, "without them, cells run together")
    }

    /// The name-matching settings reach the indicator rows: s000 prints indicator 5's name as
    /// "การแก้ปัญหาคาทุจริต", no spelling indicators.json lists; its number names the same indicator,
    /// so the default `labelMinNameSimilarity` (a half) reads the row; demanding an exact spelling
    /// (1) loses that row and no other.
    func testNameSimilarityOverrideReachesTheIndicatorRows() throws {
        let (interpreter, root) = try interpreterAndRoot()
        let pdf = try PDFExtractor.read(path: root.appendingPathComponent("Corpus/seeds/s000-thesaban-mueang.pdf").path)
        let layout = LayoutAnalyser.analyse(pdf, furniture: try .checkedIn())
        let normal = interpreter.interpret(layout).indicators
        let exact = try InterpretSettings.overriding(with: Data(#"{"interpret": {"labelMinNameSimilarity": 1}}"#.utf8), file: "s.json")
        let strict = interpreter.interpret(layout, settings: exact).indicators
        XCTAssertEqual(normal.map(\.indicator), Array(1...10))
        XCTAssertEqual(normal.first { $0.indicator == 5 }?.name, "การแก้ปัญหาคาทุจริต")
        XCTAssertEqual(strict.map(\.indicator), [1, 2, 3, 4, 6, 7, 8, 9, 10])
    }

    /// The interpreter over the repository's Mappings, and the repository root (for Corpus files).
    private func interpreterAndRoot() throws -> (StageRoad, URL) {
        let mappings = try XCTUnwrap(MappingsDirectory.forSourceFile(#filePath))
        let interpreter = try StageRoad(mappings: mappings)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (interpreter, root)
    }
}
