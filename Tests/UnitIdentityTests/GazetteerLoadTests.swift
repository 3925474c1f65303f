import Foundation
import ITAModel
@testable import UnitIdentity
import XCTest

/// The gazetteer's one-pass read of its TSV files gives the rows of the field-by-field read, on the
/// real Mappings/gazetteer files, and leaves every file that read could refuse to it.
final class GazetteerLoadTests: XCTestCase {
    static let folder = MappingsDirectory.forSourceFile(#filePath)!.appendingPathComponent("gazetteer")

    /// The rows as `split` on line feeds and tabs gives them (the reading the fast path stands in for).
    private func splitRows(_ text: String) -> [Gazetteer.Area] {
        Gazetteer.split(text, "\n").dropFirst().filter { !$0.isEmpty }.map { line in
            let f = Gazetteer.split(line, "\t")
            let name = String(f[1])
            return Gazetteer.Area(code: String(f[0]), name: NFCQuickCheck.isNFC(name.unicodeScalars) ? name : name.precomposedStringWithCanonicalMapping)
        }
    }

    func testRealFilesReadAsTheirFields() throws {
        for (file, length) in [("provinces.tsv", 2), ("districts.tsv", 4), ("subdistricts.tsv", 6)] {
            let text = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)
            let fast = try XCTUnwrap(Gazetteer.wellFormedAreas(text, codeLength: length), file)
            let slow = splitRows(text)
            XCTAssertGreaterThan(slow.count, 70, file)
            XCTAssertEqual(fast.map(\.code), slow.map(\.code), file)
            XCTAssertEqual(fast.map { Array($0.name.utf8) }, slow.map { Array($0.name.utf8) }, file)
        }
        // The loaded gazetteer holds them: 77 provinces, and บางรัก (1004) under Bangkok.
        let g = try Gazetteer(mappings: Self.folder.deletingLastPathComponent())
        XCTAssertEqual(g.provinces.count, 77)
        XCTAssertTrue(g.districts["10"]?.contains { $0.code == "1004" } ?? false)
    }

    /// Whatever the field-by-field read would refuse (and then explain) is not read in one pass.
    func testFilesTheLongReadRefusesAreLeftToIt() throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent("provinces.tsv"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertNotNil(Gazetteer.wellFormedAreas(text, codeLength: 2))
        let broken: [String: String] = [
            "CR LF line ends": lines.joined(separator: "\r\n"),
            "another header": (["code\tname\tname_en"] + lines.dropFirst()).joined(separator: "\n"),
            "a code listed twice": (lines + [lines[1]]).joined(separator: "\n"),
            "a three-digit code": (lines + ["123\tก\tx"]).joined(separator: "\n"),
            "a letter in a code": (lines + ["1a\tก\tx"]).joined(separator: "\n"),
            "an empty Thai name": (lines + ["99\t\tx"]).joined(separator: "\n"),
            "two fields": (lines + ["99\tก"]).joined(separator: "\n"),
            "four fields": (lines + ["99\tก\tx\ty"]).joined(separator: "\n"),
            "no rows": lines[0],
        ]
        for (what, text) in broken { XCTAssertNil(Gazetteer.wellFormedAreas(text, codeLength: 2), what) }
    }
}
