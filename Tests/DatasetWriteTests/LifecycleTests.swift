import Foundation
import ITAModel
import XCTest
@testable import DatasetWrite

/// Temporary names, atomic renames, abort, byte-identical reruns.
final class LifecycleTests: XCTestCase {
    private func listing(_ dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }

    func testFilesAreStagedUntilFinish() throws {
        let dir = try scratchDirectory()
        let writer = try DatasetWriter(outputDirectory: dir, options: WriterOptions())
        try writer.write(Fixtures.ok)
        XCTAssertEqual(try listing(dir), [])
        let staging = dir.deletingLastPathComponent().appendingPathComponent(".out.staging")
        XCTAssertTrue(try listing(staging).contains("reports.csv"))
        try writer.finish(manifest: Fixtures.manifest([Fixtures.ok]))
        XCTAssertEqual(try listing(dir), DatasetWriter.fileNames.sorted())
        XCTAssertEqual(try listing(dir.deletingLastPathComponent()), [".out.lock", "out"])
        XCTAssertThrowsError(try writer.write(Fixtures.partial)) { XCTAssertEqual($0 as? DatasetWriterError, .closed) }
    }

    func testAbortLeavesNoFiles() throws {
        let dir = try scratchDirectory()
        let writer = try DatasetWriter(outputDirectory: dir, options: WriterOptions())
        try writer.write(Fixtures.ok)
        writer.abort()
        XCTAssertEqual(try listing(dir), [])
        XCTAssertEqual(try listing(dir.deletingLastPathComponent()), [".out.lock", "out"])
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

    /// The result cache (`.cache`) and anything else that is not a dataset file survive the swap;
    /// dataset files of the old run are replaced, not merged.
    func testSwapCarriesOverWhatIsNotTheDataset() throws {
        let dir = try writeDataset([Fixtures.ok, Fixtures.partial])
        let cache = dir.appendingPathComponent(".cache")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        try Data("cached".utf8).write(to: cache.appendingPathComponent("entry"))
        try Data("mine".utf8).write(to: dir.appendingPathComponent("notes.txt"))
        let writer = try DatasetWriter(outputDirectory: dir, options: WriterOptions())
        try writer.write(Fixtures.ok)
        try writer.finish(manifest: Fixtures.manifest([Fixtures.ok]))
        XCTAssertEqual(try listing(dir), ([".cache", "notes.txt"] + DatasetWriter.fileNames).sorted())
        XCTAssertEqual(try Data(contentsOf: cache.appendingPathComponent("entry")), Data("cached".utf8))
        XCTAssertEqual(try Fixtures.readCSV(dir.appendingPathComponent("reports.csv")).rows.count, 1)
        XCTAssertEqual(try listing(dir.deletingLastPathComponent()), [".out.lock", "out"])
    }

    /// A staging folder left by a kill between carrying `.cache` over and the swap: the next run puts
    /// the cache back and removes the rest; the earlier dataset is untouched.
    func testLeftoverStagingIsRecoveredWithoutLosingTheCache() throws {
        let dir = try writeDataset()
        let before = try Data(contentsOf: dir.appendingPathComponent("reports.csv"))
        let staging = dir.deletingLastPathComponent().appendingPathComponent(".out.staging")
        try FileManager.default.createDirectory(at: staging.appendingPathComponent(".cache"), withIntermediateDirectories: true)
        try Data("cached".utf8).write(to: staging.appendingPathComponent(".cache/entry"))
        try Data("half".utf8).write(to: staging.appendingPathComponent("reports.csv"))
        let folder = try OutputFolder.claim(dir)
        defer { folder.release() }
        XCTAssertEqual(folder.recovered.count, 2, "\(folder.recovered)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: staging.path))
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent(".cache/entry")), Data("cached".utf8))
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("reports.csv")), before)
    }

    /// A second run into a locked folder stops at once and says who holds it.
    func testLockedFolderIsRefusedClearly() throws {
        let dir = try scratchDirectory()
        let lock = dir.deletingLastPathComponent().appendingPathComponent(".out.lock")
        // Another process's lock, as flock sees it: a separate open file description.
        let fd = open(lock.path, O_RDWR | O_CREAT, 0o644)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        XCTAssertEqual(flock(fd, LOCK_EX | LOCK_NB), 0)
        _ = pwrite(fd, "4242\n", 5, 0)
        XCTAssertThrowsError(try DatasetWriter(outputDirectory: dir, options: WriterOptions())) { error in
            XCTAssertEqual(error as? DatasetWriterError, .outputBusy(path: dir.resolvingSymlinksInPath().path, lockPath: lock.resolvingSymlinksInPath().path, pid: 4242))
            XCTAssertTrue("\(error)".contains("another ita-extract run (pid 4242) is writing to"), "\(error)")
        }
        XCTAssertEqual(try listing(dir.deletingLastPathComponent()), [".out.lock", "out"])
    }

    func testOutputThatIsAFileIsRefusedClearly() throws {
        let dir = try scratchDirectory()
        let file = dir.appendingPathComponent("plain.txt")
        try Data("x".utf8).write(to: file)
        XCTAssertThrowsError(try DatasetWriter(outputDirectory: file, options: WriterOptions())) { error in
            XCTAssertTrue("\(error)".hasSuffix("plain.txt is a file, not a folder: --out must name a folder (existing or not)"), "\(error)")
        }
        XCTAssertThrowsError(try DatasetWriter(outputDirectory: file.appendingPathComponent("sub"), options: WriterOptions())) { error in
            XCTAssertTrue("\(error)".contains("plain.txt is a file, not a folder"), "\(error)")
        }
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
