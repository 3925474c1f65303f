import DatasetWrite
import Dispatch
import Foundation
import ITAModel
import Pipeline
import XCTest

/// The result cache, shards and merge on real Corpus PDFs (OCR off): a cached rerun and a merge of
/// shards write the bytes a plain run writes.
final class IncrementalAndMergeTests: XCTestCase {
    static let datasetFiles = ["reports.jsonl", "reports.csv", "indicator_scores.csv", "question_scores.csv",
                               "measures.csv", "errors.jsonl", "dataset.sqlite", "datapackage.json"]
    var work: URL!

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("ita-incr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: work) }

    /// A small archive: some generated reports and bad files, plus one report again under another name.
    func archive(duplicateInShardOtherThanOf count: Int = 3) throws -> [String] {
        let fm = FileManager.default
        let dir = work.appendingPathComponent("archive")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        let picks = ["generated/g01-nakhon-2566-cover-sidebyside.pdf", "generated/g04-tambon-2566-proseonly.pdf",
                     "generated/g08-obj-2566-sidebyside-borderless.pdf", "bad/not-a-pdf.pdf", "bad/truncated.pdf"]
        var files: [String] = []
        for p in picks {
            let to = dir.appendingPathComponent(p.replacingOccurrences(of: "/", with: "-"))
            try fm.copyItem(at: CorpusRun.corpus.appendingPathComponent(p), to: to)
            files.append(to.path)
        }
        // The same bytes as the first report under a name that falls in another shard: merge must
        // still read it once and name the repeat, as a single run does.
        let original = files[0]
        let name = (0..<100).map { dir.appendingPathComponent("copy-\($0).pdf").path }
            .first { Shard.of(path: $0, count: count) != Shard.of(path: original, count: count) }!
        try fm.copyItem(atPath: original, toPath: name)
        files.append(name)
        return files.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    func run(_ files: [String], out: URL, cache: CacheLocation? = nil, shard: Shard? = nil,
             corrections: Corrections? = nil) throws -> RunSummary {
        var options = PipelineOptions(
            outputDirectory: out, jobs: 2, bom: false, mappings: CorpusRun.mappings, toolVersion: "test", ocr: nil,
            cache: cache ?? CacheLocation.inside(out), shard: shard)
        options.corrections = corrections
        let pipeline = try ExtractionPipeline(options: options)
        return try wait { try await pipeline.run(files: shard?.select(files) ?? files) }
    }

    func wait<T>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = ResultBox<T>(), done = DispatchSemaphore(value: 0)
        Task { do { box.value = .success(try await body()) } catch { box.value = .failure(error) }; done.signal() }
        done.wait()
        return try box.value!.get()
    }

    func assertSameDataset(_ a: URL, _ b: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        for name in Self.datasetFiles {
            let x = try Data(contentsOf: a.appendingPathComponent(name)), y = try Data(contentsOf: b.appendingPathComponent(name))
            XCTAssertFalse(x.isEmpty, name, file: file, line: line)
            XCTAssertEqual(x, y, "\(name) differs", file: file, line: line)
        }
        func manifest(_ dir: URL) throws -> NSDictionary {
            var m = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("manifest.json"))) as! [String: Any]
            m["timings"] = nil
            return m as NSDictionary
        }
        XCTAssertEqual(try manifest(a), try manifest(b), "manifest.json differs (timings aside)", file: file, line: line)
    }

    func testCachedRerunAndAddedFilesWriteTheSameBytes() throws {
        let files = try archive()
        let fresh = work.appendingPathComponent("fresh")
        let first = try run(files, out: fresh)
        XCTAssertEqual(first.cached, 0)
        XCTAssertEqual(first.duplicates, 1)
        XCTAssertEqual(first.cacheFailures, [])

        let warm = try run(files, out: work.appendingPathComponent("warm"), cache: CacheLocation.inside(fresh))
        XCTAssertEqual(warm.cached, files.count - 1, "every document read once should come from the cache")
        XCTAssertEqual(warm.timings.extract, 0)
        try assertSameDataset(fresh, work.appendingPathComponent("warm"))

        let again = try run(files, out: work.appendingPathComponent("again"), cache: CacheLocation(directory: fresh.appendingPathComponent(".cache"), fresh: true))
        XCTAssertEqual(again.cached, 0, "--fresh must not read the cache")
        try assertSameDataset(fresh, work.appendingPathComponent("again"))

        // One more file: only it is read.
        let added = work.appendingPathComponent("archive/added.pdf").path
        try FileManager.default.copyItem(at: CorpusRun.corpus.appendingPathComponent("generated/g02-obt-2567-ascii-longthead.pdf"),
                                         to: URL(fileURLWithPath: added))
        let more = (files + [added]).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let grown = try run(more, out: fresh)
        XCTAssertEqual(grown.cached, files.count - 1)
        XCTAssertEqual(grown.documents, files.count)
        let plain = try run(more, out: work.appendingPathComponent("plain-more"), cache: CacheLocation(directory: work.appendingPathComponent("other-cache")))
        try assertSameDataset(fresh, work.appendingPathComponent("plain-more"))
        XCTAssertEqual(plain.cached, 0)
    }

    /// Moved files are found by content; a result that quotes its old path in a message is not reused.
    func testMovedFilesReuseResultsThatDoNotNameTheirPath() throws {
        let files = try archive()
        let first = work.appendingPathComponent("first")
        _ = try run(files, out: first)
        let moved = work.appendingPathComponent("moved")
        try FileManager.default.moveItem(at: work.appendingPathComponent("archive"), to: moved)
        let movedFiles = files.map { $0.replacingOccurrences(of: work.appendingPathComponent("archive").path, with: moved.path) }
        let again = try run(movedFiles, out: work.appendingPathComponent("again"), cache: CacheLocation.inside(first))
        let fresh = try run(movedFiles, out: work.appendingPathComponent("fresh"), cache: CacheLocation(directory: work.appendingPathComponent("c2")))
        try assertSameDataset(work.appendingPathComponent("again"), work.appendingPathComponent("fresh"))
        // The truncated file's error names its path ("…/bad-truncated.pdf: damaged PDF…"), the others do not.
        let errors = try String(contentsOf: work.appendingPathComponent("fresh/errors.jsonl"), encoding: .utf8)
        let quoting = errors.split(separator: "\n").filter { $0.contains(moved.path + "/") && $0.contains("\"message\":\"" + moved.path) }
        XCTAssertGreaterThan(quoting.count, 0, "expected an error message that quotes its path")
        XCTAssertEqual(again.cached, fresh.documents - quoting.count)
    }

    func testMergedShardsEqualAPlainRunAndMismatchesAreRefused() throws {
        let files = try archive(duplicateInShardOtherThanOf: 3)
        let plain = work.appendingPathComponent("plain")
        _ = try run(files, out: plain)
        var runs: [URL] = []
        for k in 0..<3 {
            let out = work.appendingPathComponent("shard-\(k)")
            _ = try run(files, out: out, shard: try Shard(index: k, count: 3))
            runs.append(out)
        }
        let merged = work.appendingPathComponent("merged")
        let shardRuns = runs
        let summary = try wait { try await RunMerge.merge(runs: shardRuns, out: merged, caches: [], mappings: CorpusRun.mappings, jobs: 2) }
        XCTAssertEqual(summary.duplicates, 1)
        try assertSameDataset(plain, merged)
        let reports = try String(contentsOf: merged.appendingPathComponent("reports.jsonl"), encoding: .utf8)
        XCTAssertTrue(reports.contains("duplicate_input"), "the repeat in another shard is named, as in a plain run")

        // Shards whose cache is in an older form (JSON entries: a key.json without "format") are
        // refused with the reason, not "no cached result" for every document.
        let keyDigest = try XCTUnwrap(try RunMerge.plan(runs: runs).options["cache_key"])
        let keyFile = runs[0].appendingPathComponent(".cache/\(keyDigest)/key.json")
        let keyData = try Data(contentsOf: keyFile)
        var key = try XCTUnwrap(JSONSerialization.jsonObject(with: keyData) as? [String: Any])
        XCTAssertNotNil(key.removeValue(forKey: "format"))
        try JSONSerialization.data(withJSONObject: key).write(to: keyFile)
        XCTAssertThrowsError(try wait { try await RunMerge.merge(runs: shardRuns, out: self.work.appendingPathComponent("merged-old"), caches: [],
                                                                 mappings: CorpusRun.mappings, jobs: 2) }) { error in
            XCTAssertTrue("\(error)".contains("cache format changed"), "\(error)")
            XCTAssertTrue("\(error)".contains("the JSON form"), "\(error)")
        }
        try keyData.write(to: keyFile)

        // An incomplete set of shards, and a shard made by another tool version, are refused.
        XCTAssertThrowsError(try RunMerge.plan(runs: Array(runs.prefix(2)))) { error in
            XCTAssertTrue("\(error)".contains("missing shard 2/3"), "\(error)")
        }
        let manifestURL = runs[1].appendingPathComponent("manifest.json")
        let text = try String(contentsOf: manifestURL, encoding: .utf8)
        try text.replacingOccurrences(of: "\"tool_version\" : \"test\"", with: "\"tool_version\" : \"0.0.9\"")
            .write(to: manifestURL, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try RunMerge.plan(runs: runs)) { error in
            XCTAssertTrue("\(error)".contains("tool version"), "\(error)")
            XCTAssertTrue("\(error)".contains("0.0.9"), "\(error)")
        }
    }

    /// Issue 13: a corrections file changes exactly the values it names, through a cached rerun and
    /// through a merge of shards (both write through the same writer).
    func testCorrectionsSurviveARerunAndAMerge() throws {
        let files = try archive(duplicateInShardOtherThanOf: 2)
        let plain = work.appendingPathComponent("plain")
        _ = try run(files, out: plain)
        // The first indicator row of the run, whatever its document: its value is replaced.
        let csv = try String(contentsOf: plain.appendingPathComponent("indicator_scores.csv"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = csv[0], row = csv[1]
        func col(_ name: String) -> String { row[header.firstIndex(of: name)!] }
        let reports = try String(contentsOf: plain.appendingPathComponent("reports.csv"), encoding: .utf8)
        let sha = try XCTUnwrap(reports.split(separator: "\n").first { $0.hasPrefix(col("doc_id") + ",") }?
            .split(separator: ",").map(String.init).first { $0.count == 64 })
        XCTAssertNotEqual(col("score"), "12.34")
        let fixesURL = work.appendingPathComponent("fixes.jsonl")
        try ([#"{"sha256": "\#(sha)", "table": "indicator_scores", "key": {"year": \#(col("year")), "indicator": \#(col("indicator"))}, "field": "score", "value": "12.34", "reason": "test"}"#,
              #"{"sha256": "\#(sha)", "table": "question_scores", "key": {"year": 2566, "code": "i99"}, "field": "score", "value": "1.00", "reason": "matches nothing"}"#]
            .joined(separator: "\n") + "\n").write(to: fixesURL, atomically: true, encoding: .utf8)
        let fixes = try Corrections.load(path: fixesURL.path)

        let corrected = work.appendingPathComponent("corrected")
        let first = try run(files, out: corrected, corrections: fixes)
        XCTAssertEqual(first.corrections?.applied, 1)
        XCTAssertEqual(first.corrections?.unmatched.count, 1, "the line that matches nothing is reported")
        let after = try String(contentsOf: corrected.appendingPathComponent("indicator_scores.csv"), encoding: .utf8)
        XCTAssertEqual(zip(csv.map { $0.joined(separator: ",") }, after.split(separator: "\n").map(String.init)).filter { $0 != $1 }.count, 1,
                       "exactly the named value changed")
        XCTAssertTrue(after.contains(",12.34,"))

        // A cached rerun writes the same corrected bytes.
        let again = try run(files, out: corrected, corrections: fixes)
        XCTAssertGreaterThan(again.cached, 0)
        let rerun = work.appendingPathComponent("rerun")
        try FileManager.default.copyItem(at: corrected, to: rerun)
        // A merge of shards read without corrections, with the file given to merge, equals the corrected run.
        var runs: [URL] = []
        for k in 0..<2 {
            let out = work.appendingPathComponent("shard-\(k)")
            _ = try run(files, out: out, shard: try Shard(index: k, count: 2))
            runs.append(out)
        }
        let merged = work.appendingPathComponent("merged")
        let shardRuns = runs
        let summary = try wait { try await RunMerge.merge(runs: shardRuns, out: merged, caches: [], mappings: CorpusRun.mappings,
                                                          jobs: 2, corrections: fixes) }
        XCTAssertEqual(summary.corrections?.applied, 1)
        try assertSameDataset(rerun, merged)
    }

    /// The merged dataset gets the merge's corrections only (the caches hold uncorrected results):
    /// merging shards written with corrections without any would silently drop the fixes, so it is
    /// refused; with the file it goes through, and a shard whose file differs is named.
    func testMergeRefusesToDropTheShardsCorrections() throws {
        let files = try archive(duplicateInShardOtherThanOf: 2)
        let fixesURL = work.appendingPathComponent("fixes.jsonl")
        try (#"{"sha256": "\#(String(repeating: "0", count: 64))", "table": "question_scores", "key": {"year": 2566, "code": "i99"}, "field": "score", "value": "1.00", "reason": "matches nothing"}"#
             + "\n").write(to: fixesURL, atomically: true, encoding: .utf8)
        let fixes = try Corrections.load(path: fixesURL.path)
        var runs: [URL] = []
        for k in 0..<2 {
            let out = work.appendingPathComponent("fixed-shard-\(k)")
            _ = try run(files, out: out, shard: try Shard(index: k, count: 2), corrections: fixes)
            runs.append(out)
        }
        let shardRuns = runs
        let refused = work.appendingPathComponent("merged-without")
        XCTAssertThrowsError(try wait { try await RunMerge.merge(runs: shardRuns, out: refused, caches: [], mappings: CorpusRun.mappings, jobs: 2) }) { error in
            XCTAssertTrue("\(error)".contains("fixes.jsonl"), "\(error)")
            XCTAssertTrue("\(error)".contains("--corrections"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: refused.appendingPathComponent("manifest.json").path))
        let merged = work.appendingPathComponent("merged-with")
        _ = try wait { try await RunMerge.merge(runs: shardRuns, out: merged, caches: [], mappings: CorpusRun.mappings, jobs: 2, corrections: fixes) }
        XCTAssertTrue(FileManager.default.fileExists(atPath: merged.appendingPathComponent("manifest.json").path))
        XCTAssertEqual(RunMerge.correctionsDiffering(runs: shardRuns, from: fixes), [])
        // The manifest records the file's digest, and merge compares it exactly: the same bytes under
        // another name are the same corrections; an edit keeping path and line count is not.
        let manifest = try String(contentsOf: runs[0].appendingPathComponent("manifest.json"), encoding: .utf8)
        XCTAssertNotNil(fixes.sha256)
        XCTAssertTrue(manifest.contains(fixes.sha256!), "manifest lacks the corrections digest")
        let copyURL = work.appendingPathComponent("copy-of-fixes.jsonl")
        try FileManager.default.copyItem(at: fixesURL, to: copyURL)
        XCTAssertEqual(RunMerge.correctionsDiffering(runs: shardRuns, from: try Corrections.load(path: copyURL.path)), [])
        let edited = try String(contentsOf: fixesURL, encoding: .utf8).replacingOccurrences(of: "\"1.00\"", with: "\"2.00\"")
        try edited.write(to: fixesURL, atomically: true, encoding: .utf8)
        let editedFixes = try Corrections.load(path: fixesURL.path)
        XCTAssertEqual(editedFixes.entries.count, fixes.entries.count)
        XCTAssertEqual(RunMerge.correctionsDiffering(runs: shardRuns, from: editedFixes).count, 2)
        // Without a digest on one side (corrections not read from a file), path and line count decide.
        let other = Corrections(path: "/elsewhere/other.jsonl", entries: fixes.entries)
        XCTAssertEqual(RunMerge.correctionsDiffering(runs: shardRuns, from: other).count, 2)
    }
}

private final class ResultBox<T>: @unchecked Sendable { var value: Result<T, Error>? }
