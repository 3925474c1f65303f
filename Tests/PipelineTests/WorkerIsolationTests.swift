import Foundation
import XCTest

/// `extract` end to end through the built binary (.build/debug/ita-extract, built by `swift build
/// --build-tests`): documents that crash, hang or swell in their worker process (made to, with the
/// ITA_FAULT hook) and inputs that cannot be read each cost only their own row, with the stage and
/// reason promised, and the good documents' rows are byte-identical to a run without them.
final class WorkerIsolationTests: XCTestCase {
    /// The ita-extract binary beside this test bundle.
    static let binary: URL = {
        let bundle = URL(fileURLWithPath: CommandLine.arguments.first { $0.hasSuffix(".xctest") } ?? CommandLine.arguments[0])
        return bundle.deletingLastPathComponent().appendingPathComponent("ita-extract")
    }()

    var scratch: URL!

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary.path) else {
            XCTFail("\(Self.binary.path) missing: build with `swift build --build-tests` first"); return
        }
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("ita-workers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
    }

    /// Runs the binary; returns its exit status and stderr.
    @discardableResult
    func extract(_ args: [String], env: [String: String] = [:]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = Self.binary
        p.arguments = ["extract", "--quiet", "--no-ocr", "--mappings", CorpusRun.mappings.path] + args
        p.environment = ProcessInfo.processInfo.environment.merging(env) { _, b in b }
        p.currentDirectoryURL = scratch
        let err = Pipe()
        p.standardError = err
        try p.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A copy of a Corpus PDF, made distinct (its own SHA-256) by a comment after %%EOF.
    func copy(_ corpusPath: String, to name: String, in dir: URL) throws {
        var data = try Data(contentsOf: CorpusRun.corpus.appendingPathComponent(corpusPath))
        data.append(Data("\n% \(name)\n".utf8))
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try data.write(to: dir.appendingPathComponent(name))
    }

    private func jsonLines(_ url: URL) throws -> [[String: Any]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    /// Lines of `file` in run `dir` that mention `needle`.
    private func lines(_ dir: URL, _ file: String, containing needle: String) throws -> [String] {
        try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { $0.contains(needle) }
    }

    /// The error (stage, reason) of each failed input, by source path.
    private func failures(_ dir: URL) throws -> [String: String] {
        var out: [String: String] = [:]
        for e in try jsonLines(dir.appendingPathComponent("errors.jsonl")) where e["status"] as? String == "failed" {
            out[e["source_path"] as! String] = "\(e["stage"]!)/\(e["reason"]!)"
        }
        return out
    }

    let goods = ["seeds/s002-obt.pdf", "generated/g02-obt-2567-ascii-longthead.pdf"]

    /// A clean run over the two good documents alone, by the binary with --in-process (no workers):
    /// the reference the worker runs' good rows must equal byte for byte.
    private func cleanRun() throws -> URL {
        for (i, g) in goods.enumerated() { try copy(g, to: "good\(i).pdf", in: scratch.appendingPathComponent("in")) }
        let (status, err) = try extract(["in/good0.pdf", "in/good1.pdf", "--out", "clean", "--in-process"])
        XCTAssertEqual(status, 0, err)
        return scratch.appendingPathComponent("clean")
    }

    /// The good documents' rows in every table of `run` equal those of `clean`.
    private func assertGoodRowsUnchanged(_ run: URL, _ clean: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        for name in ["reports.csv", "reports.jsonl", "indicator_scores.csv", "question_scores.csv", "measures.csv"] {
            for i in goods.indices {
                let a = try lines(clean, name, containing: "in/good\(i).pdf")
                let b = try lines(run, name, containing: "in/good\(i).pdf")
                if name != "question_scores.csv" && name != "measures.csv" && name != "indicator_scores.csv" {
                    XCTAssertFalse(a.isEmpty, "\(name): good\(i) has no row", file: file, line: line)
                }
                XCTAssertTrue(a == b, "\(name): rows of good\(i).pdf changed", file: file, line: line)
            }
        }
    }

    func testAbortSegfaultHangAndAllocationEachCostOnlyTheirDocument() throws {
        let clean = try cleanRun()
        let dir = scratch.appendingPathComponent("in")
        for kind in ["abort", "segv", "hang", "alloc"] { try copy(goods[0], to: "fault-\(kind).pdf", in: dir) }
        // No wall-clock assert (a loaded machine is slow, not wrong): the hang's row must say
        // timeout/doc_timeout below, and a hang that --doc-timeout missed never returns here.
        let (status, err) = try extract(["in", "--out", "faults", "--jobs", "2", "--doc-timeout", "1", "--doc-memory", "300"],
                                        env: ["ITA_FAULT": "abort:fault-abort,segv:fault-segv,hang:fault-hang,alloc:fault-alloc"])
        XCTAssertEqual(status, 0, "some documents were read, so the run succeeds: \(err)")
        let run = scratch.appendingPathComponent("faults")
        let failed = try failures(run)
        XCTAssertEqual(failed["in/fault-abort.pdf"], "crash/signal_6")
        XCTAssertEqual(failed["in/fault-segv.pdf"], "crash/signal_11")
        XCTAssertEqual(failed["in/fault-hang.pdf"], "timeout/doc_timeout")
        XCTAssertEqual(failed["in/fault-alloc.pdf"], "memory/doc_memory")
        XCTAssertEqual(failed.count, 4, "\(failed)")
        try assertGoodRowsUnchanged(run, clean)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: run.appendingPathComponent("manifest.json"))) as! [String: Any]
        let entries = manifest["inputs"] as! [[String: Any]]
        XCTAssertEqual(entries.first { $0["path"] as? String == "in/fault-hang.pdf" }?["error_reason"] as? String, "doc_timeout")
    }

    func testInputsThatCannotBeReadAreEachARowWithTheirReason() throws {
        let clean = try cleanRun()
        let dir = scratch.appendingPathComponent("in")
        let fm = FileManager.default
        XCTAssertEqual(mkfifo(dir.appendingPathComponent("fifo.pdf").path, 0o644), 0)
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("zero.pdf").path, withDestinationPath: "/dev/zero")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("dangling.pdf").path, withDestinationPath: "nowhere.pdf")
        // Over --max-file-size 1M (the good ones are about 100 KB): padded after %%EOF.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try (Data(contentsOf: CorpusRun.corpus.appendingPathComponent(goods[1])) + Data("\n%".utf8) + Data(repeating: 0x20, count: 2 << 20))
            .write(to: dir.appendingPathComponent("sub/big.pdf"))
        // A TIS-620 name ("ปาย.pdf" in TIS-620): not UTF-8, read all the same.
        let tis = Array(dir.path.utf8) + [0x2F, 0xBB, 0xD2, 0xC2] + Array(".pdf".utf8)
        let source = try Data(contentsOf: CorpusRun.corpus.appendingPathComponent(goods[1])) + Data("\n% tis\n".utf8)
        let fd = open(tis.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        XCTAssertGreaterThanOrEqual(fd, 0)
        source.withUnsafeBytes { _ = write(fd, $0.baseAddress, $0.count) }
        close(fd)
        // A name that starts with a dash, given after `--`.
        try copy(goods[1], to: "-dash.pdf", in: scratch)

        // No wall-clock assert: a FIFO or /dev/zero that blocked the read pass would never return,
        // and their rows must say read/not_a_file below.
        let (status, err) = try extract(["--out", "hostile", "--max-file-size", "1M", "--", "in", "missing.pdf", "-dash.pdf"])
        XCTAssertEqual(status, 0, err)
        let run = scratch.appendingPathComponent("hostile")
        let failed = try failures(run)
        XCTAssertEqual(failed["in/fifo.pdf"], "read/not_a_file")
        XCTAssertEqual(failed["in/zero.pdf"], "read/not_a_file")
        XCTAssertEqual(failed["in/dangling.pdf"], "read/dangling_link")
        XCTAssertEqual(failed["missing.pdf"], "read/missing")
        XCTAssertEqual(failed["in/sub/big.pdf"], "read/too_large")
        XCTAssertEqual(failed.count, 5, "\(failed)")
        try assertGoodRowsUnchanged(run, clean)

        let reports = try jsonLines(run.appendingPathComponent("reports.jsonl"))
        let dash = reports.first { $0["source_path"] as? String == "-dash.pdf" }
        XCTAssertEqual(dash?["status"] as? String, "ok", "-dash.pdf after -- was not read as a file")
        let tisRow = reports.first { ($0["source_path"] as? String) == "in/\\xBB\\xD2\\xC2.pdf" }
        XCTAssertNotNil(tisRow, "the TIS-620 name is missing or not escaped: \(reports.map { $0["source_path"]! })")
        XCTAssertNotEqual(tisRow?["status"] as? String, "failed")
        let codes = (tisRow?["warning_list"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        XCTAssertTrue(codes.contains("bad_name"), "\(codes)")
        XCTAssertEqual(try lines(run, "reports.csv", containing: "in/\\xBB\\xD2\\xC2.pdf").count, 1)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: run.appendingPathComponent("manifest.json"))) as! [String: Any]
        let entries = manifest["inputs"] as! [[String: Any]]
        let hex = (Array("in/".utf8) + [0xBB, 0xD2, 0xC2] + Array(".pdf".utf8)).map { String(format: "%02x", $0) }.joined()
        XCTAssertEqual(entries.first { $0["path"] as? String == "in/\\xBB\\xD2\\xC2.pdf" }?["path_hex"] as? String, hex)
        XCTAssertEqual(entries.first { $0["path"] as? String == "in/fifo.pdf" }?["error_reason"] as? String, "not_a_file")
        XCTAssertEqual(entries.count, reports.count, "every input has a manifest entry")
    }
}

extension WorkerIsolationTests {
    /// `-dash.pdf` without `--` used to be parsed as -d -a -s -h... and print help with exit 0.
    func testDashPathWithoutDoubleDashIsRefusedClearly() throws {
        try copy(goods[1], to: "-dash.pdf", in: scratch)
        let (status, err) = try extract(["--out", "dash", "-dash.pdf"])
        XCTAssertEqual(status, 64, err)
        XCTAssertTrue(err.contains("put -- before it"), err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("dash").path))
    }
}
