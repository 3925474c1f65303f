import Foundation
import ITAModel
import XCTest
@testable import DatasetWrite

/// Temporary names, atomic renames, abort, byte-identical reruns.
final class LifecycleTests: XCTestCase {
    private func listing(_ dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }

    func testFilesAreTemporaryUntilFinish() throws {
        let dir = try scratchDirectory()
        let writer = try DatasetWriter(outputDirectory: dir, options: WriterOptions())
        try writer.write(Fixtures.ok)
        let during = try listing(dir)
        XCTAssertTrue(during.allSatisfy { $0.hasPrefix(".") && $0.contains(".tmp") }, "\(during)")
        XCTAssertTrue(during.contains(".reports.csv.tmp"))
        try writer.finish(manifest: Fixtures.manifest([Fixtures.ok]))
        XCTAssertEqual(try listing(dir), DatasetWriter.fileNames.sorted())
        XCTAssertThrowsError(try writer.write(Fixtures.partial)) { XCTAssertEqual($0 as? DatasetWriterError, .closed) }
    }

    func testAbortLeavesNoFiles() throws {
        let dir = try scratchDirectory()
        let writer = try DatasetWriter(outputDirectory: dir, options: WriterOptions())
        try writer.write(Fixtures.ok)
        writer.abort()
        XCTAssertEqual(try listing(dir), [])
        XCTAssertThrowsError(try writer.finish(manifest: Fixtures.manifest([])))
    }

    func testAbortKeepsAnEarlierRunsFiles() throws {
        let dir = try writeDataset()
        let before = try Data(contentsOf: dir.appendingPathComponent("reports.csv"))
        let writer = try DatasetWriter(outputDirectory: dir, options: WriterOptions())
        try writer.write(Fixtures.partial)
        writer.abort()
        XCTAssertEqual(try listing(dir), DatasetWriter.fileNames.sorted())
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("reports.csv")), before)
    }

    func testDuplicateDocIDIsRefusedBeforeWriting() throws {
        let dir = try scratchDirectory()
        let writer = try DatasetWriter(outputDirectory: dir, options: WriterOptions())
        try writer.write(Fixtures.ok)
        var copy = Fixtures.ok
        copy.sourcePath = "copy.pdf"
        XCTAssertThrowsError(try writer.write(copy))
        try writer.write(Fixtures.partial)
        try writer.finish(manifest: Fixtures.manifest([]))
        let rows = try Fixtures.readCSV(dir.appendingPathComponent("reports.csv")).rows
        XCTAssertEqual(rows.map { $0[1] }, [Fixtures.ok.sourcePath, Fixtures.partial.sourcePath])
    }

    /// Two runs over the same records: every file byte-identical, manifest.json apart from timings.
    func testRerunIsByteIdentical() throws {
        let a = try writeDataset(name: "a")
        Thread.sleep(forTimeInterval: 1.1)  // a timestamp anywhere but `timings` would now differ
        let b = try writeDataset(name: "b")
        for name in DatasetWriter.fileNames where name != "manifest.json" {
            let da = try Data(contentsOf: a.appendingPathComponent(name))
            let db = try Data(contentsOf: b.appendingPathComponent(name))
            XCTAssertFalse(da.isEmpty, name)
            XCTAssertEqual(da, db, name)
        }
        func withoutTimings(_ dir: URL) throws -> Data {
            let data = try Data(contentsOf: dir.appendingPathComponent("manifest.json"))
            var m = try JSONDecoder.iso8601.decode(Manifest.self, from: data)
            m.timings = Manifest.Timings()
            let e = JSONEncoder(); e.outputFormatting = .sortedKeys
            return try e.encode(m)
        }
        XCTAssertEqual(try withoutTimings(a), try withoutTimings(b))
        // ... and the run's timings do differ, so the comparison above is not vacuous.
        XCTAssertNotEqual(try Data(contentsOf: a.appendingPathComponent("manifest.json")),
                          try Data(contentsOf: b.appendingPathComponent("manifest.json")))
    }
}
