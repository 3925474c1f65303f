import DatasetWrite
import Foundation
import ITAModel

/// `ita-extract merge`: one dataset from the outputs of several runs (the shards of one `--shard K/N`
/// array, or runs over disjoint folders), byte-identical to a single run over all their inputs
/// (manifest.json's timings aside).
///
/// Each run's manifest lists its inputs (path, SHA-256, size); their full results come from the
/// runs' caches (`RUN/.cache`, or the `--cache` folders they shared), and the dataset is written by
/// `ExtractionPipeline.run`, the same code as `extract`: same order, same duplicate handling, same
/// writer. Runs must agree on the tool version, its build, the Mappings version and every setting
/// the records depend on (manifest "options"), and shards must be all N of one N.
public enum RunMerge {
    /// What the runs hold, checked to belong together.
    public struct Plan: Sendable {
        public var toolVersion: String
        public var mappingsVersion: String
        /// The runs' common manifest options, without `shard`.
        public var options: [String: String]
        /// Every input path in output order, with its SHA-256 ("" for a file that could not be read) and size.
        public var inputs: [(path: String, sha256: String, bytes: Int64)]
        /// The inputs' paths as bytes, in the same order (from `path_hex` for a name that is not UTF-8).
        var inputPaths: [InputPath] = []
        /// Each run's corrections file as its manifest reports it (nil: the run had none), with its SHA-256.
        var corrections: [(run: String, report: Manifest.CorrectionReport?)] = []
    }

    /// Reads and checks the runs' manifests.
    public static func plan(runs: [URL]) throws -> Plan {
        guard !runs.isEmpty else { throw MergeError.noRuns }
        var manifests: [(URL, Manifest)] = []
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        for run in runs {
            let url = run.appendingPathComponent("manifest.json")
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw MergeError.notARun(run.path, "no manifest.json (not a finished ita-extract output)")
            }
            do { manifests.append((run, try decoder.decode(Manifest.self, from: data))) } catch {
                throw MergeError.notARun(run.path, "manifest.json cannot be read: \(error)")
            }
        }
        func agree(_ what: String, _ value: (Manifest) -> String?) throws {
            let values = manifests.map { ($0.0.path, value($0.1) ?? "(none)") }
            if Set(values.map(\.1)).count > 1 { throw MergeError.mismatch(what: what, values: values) }
        }
        try agree("tool version") { $0.toolVersion }
        try agree("schema version") { $0.schemaVersion }
        try agree("Mappings version") { $0.mappingsVersion }
        let keys = Set(manifests.flatMap { $0.1.options.keys }).subtracting([RunSettings.shardKey]).sorted()
        for k in keys { try agree("option \(k)") { $0.options[k] } }

        let shards = try manifests.map { run, m in try m.options[RunSettings.shardKey].map { try Shard(parsing: $0) } }
        if shards.contains(where: { $0 != nil }) {
            guard shards.allSatisfy({ $0 != nil }) else {
                throw MergeError.shards("some runs are shards and some are not: " +
                                        zip(runs, shards).map { "\($0.0.path) (\($0.1?.description ?? "whole"))" }.joined(separator: ", "))
            }
            let given = shards.compactMap { $0 }
            let counts = Set(given.map(\.count))
            guard counts.count == 1, let n = counts.first else {
                throw MergeError.shards("the runs are shards of different N: " + given.map(\.description).joined(separator: ", "))
            }
            var seen: [Int: String] = [:]
            for (run, s) in zip(runs, given) {
                if let other = seen[s.index] { throw MergeError.shards("shard \(s) given twice: \(other) and \(run.path)") }
                seen[s.index] = run.path
            }
            let missing = (0..<n).filter { seen[$0] == nil }
            if !missing.isEmpty {
                throw MergeError.shards("missing shard\(missing.count == 1 ? "" : "s") " +
                                        missing.map { "\($0)/\(n)" }.joined(separator: ", ") + " of \(n)")
            }
        }

        var byPath: [String: (sha256: String, bytes: Int64, run: String, raw: [UInt8])] = [:]
        for (run, m) in manifests {
            for input in m.inputs {
                if let known = byPath[input.path] {
                    if known.sha256 != input.sha256 {
                        throw MergeError.conflict(path: input.path, runs: [known.run, run.path])
                    }
                    continue
                }
                // A name that is not UTF-8 is shown escaped in `path`; its bytes are in `path_hex`.
                let raw = input.pathHex.flatMap(Self.bytes(hex:)) ?? Array(input.path.utf8)
                byPath[input.path] = (input.sha256, input.bytes, run.path, raw)
            }
        }
        // The order InputFinder gives (byte order of the path as the file system has it, not of its
        // escaped form), so output order is a single run's.
        let paths = byPath.keys.sorted { byPath[$0]!.raw.lexicographicallyPrecedes(byPath[$1]!.raw) }
        var options = manifests[0].1.options
        options[RunSettings.shardKey] = nil
        return Plan(toolVersion: manifests[0].1.toolVersion, mappingsVersion: manifests[0].1.mappingsVersion,
                    options: options, inputs: paths.map { ($0, byPath[$0]!.sha256, byPath[$0]!.bytes) },
                    inputPaths: paths.map { InputPath(bytes: byPath[$0]!.raw) },
                    corrections: manifests.map { ($0.0.path, $0.1.corrections) })
    }

    /// The bytes of a lower-case hex string (manifest `path_hex`), or nil.
    static func bytes(hex: String) -> [UInt8]? {
        let u = Array(hex.utf8)
        guard !u.isEmpty, u.count % 2 == 0 else { return nil }
        func nib(_ c: UInt8) -> UInt8? {
            switch c { case 0x30...0x39: return c - 0x30; case 0x61...0x66: return c - 0x61 + 10; case 0x41...0x46: return c - 0x41 + 10; default: return nil }
        }
        var out: [UInt8] = []
        var i = 0
        while i < u.count {
            guard let hi = nib(u[i]), let lo = nib(u[i + 1]) else { return nil }
            out.append(hi << 4 | lo); i += 2
        }
        return out
    }

    /// Writes the merged dataset to `out`. `caches`: extra cache folders to look in after each run's own
    /// `.cache`; `mappings`: a Mappings folder for the pipeline's set-up (nothing is re-read with it).
    /// `corrections` are applied as extract applies them (in the writer), so a fix survives the merge.
    public static func merge(runs: [URL], out: URL, caches: [URL], mappings: URL, jobs: Int,
                             corrections: Corrections? = nil, reporter: ProgressReporter? = nil) async throws -> RunSummary {
        let plan = try plan(runs: runs)
        try checkCorrections(plan, corrections)
        guard let keyDigest = plan.options["cache_key"] else {
            throw MergeError.notARun(runs[0].path, "its manifest has no cache_key option (made by an ita-extract without a result cache)")
        }
        let roots = runs.map { $0.appendingPathComponent(".cache", isDirectory: true) } + caches
        try checkCacheFormat(roots: roots, keyDigest: keyDigest)
        var options = PipelineOptions(outputDirectory: out, jobs: jobs, bom: plan.options["bom"] == "true",
                                      mappings: mappings, toolVersion: plan.toolVersion, ocr: nil)
        options.corrections = corrections
        var pipeline = try ExtractionPipeline(options: options)
        pipeline.mappingsVersion = plan.mappingsVersion
        pipeline.manifestOptions = plan.options
        pipeline.results = DocumentResults(mergeFrom: roots.map { ResultCache(existing: $0, keyDigest: keyDigest) })
        var digests: [String: Result<(hex: String, bytes: Int), DocumentError>] = [:]
        for input in plan.inputs {
            // A file the shard could not read: its record (stage read, with its reason) is in the shard's cache.
            digests[input.path] = input.sha256.isEmpty ? .failure(DocumentError(stage: "read", reason: "unreadable_in_shard",
                                                                                message: "not readable where the shard ran"))
                                                       : .success((input.sha256, Int(input.bytes)))
        }
        pipeline.knownDigests = digests
        pipeline.reporter = reporter
        return try await pipeline.run(inputs: plan.inputPaths)
    }
}

extension RunMerge {
    /// The shards' own corrections against the merge's: the merged dataset gets only the merge's
    /// (`--corrections`), applied as it is written, since the caches hold uncorrected results. A
    /// merge without any, of runs written with some, would silently drop values a person fixed: refused.
    /// A merge with another file (another path or another number of lines) than a run used is
    /// allowed (a corrections file grows after the shards ran) and said on stderr by the command.
    static func checkCorrections(_ plan: Plan, _ mine: Corrections?) throws {
        let used = plan.corrections.compactMap { run, report in report.map { (run: run, report: $0) } }
        if mine == nil, let first = used.first {
            throw MergeError.correctionsDropped(run: first.run, file: first.report.file, lines: first.report.lines)
        }
    }

    /// The shards' cache entries must be in the form this tool reads (`CacheKey.format`): entries of
    /// an older form (JSON, before `RecordBinary`) or another binary version are never read, and
    /// without this every document would be "no cached result" with no word of why. The key folder's
    /// `key.json` names the form its entries were written in (none: JSON entries).
    static func checkCacheFormat(roots: [URL], keyDigest: String) throws {
        let ours = CacheKey(toolVersion: "", build: "", mappingsVersion: "", ocr: nil).format
        for root in roots {
            let keyFile = root.appendingPathComponent(keyDigest, isDirectory: true).appendingPathComponent("key.json")
            guard let data = FileManager.default.contents(atPath: keyFile.path),
                  let key = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
            let theirs = key["format"] as? String ?? "JSON"
            if theirs != ours { throw MergeError.cacheFormat(folder: keyFile.deletingLastPathComponent().path, theirs: theirs, ours: ours) }
        }
    }

    /// Runs whose corrections differ from `mine`, for a note on stderr: by the file's SHA-256 when the
    /// run's manifest and `mine` both have one (a renamed copy is the same file; an edit that keeps the
    /// line count is not), else by file path and line count (manifests written before the digest).
    public static func correctionsDiffering(runs: [URL], from mine: Corrections?) -> [String] {
        guard let mine, let plan = try? plan(runs: runs) else { return [] }
        return plan.corrections.compactMap { run, report in
            guard let r = report else { return "\(run) was written without corrections" }
            if let theirs = r.sha256, let ours = mine.sha256 {
                return theirs == ours ? nil : "\(run) was written with \(r.file) (\(r.lines) lines, sha256 \(theirs.prefix(16))…)"
            }
            return r.file == mine.path && r.lines == mine.entries.count ? nil
                : "\(run) was written with \(r.file) (\(r.lines) lines)"
        }
    }
}

public enum MergeError: Error, CustomStringConvertible {
    case noRuns
    case notARun(String, String)
    case mismatch(what: String, values: [(String, String)])
    case shards(String)
    case conflict(path: String, runs: [String])
    case recordMissing(path: String, sha256: String)
    case correctionsDropped(run: String, file: String, lines: Int)
    case cacheFormat(folder: String, theirs: String, ours: String)

    public var description: String {
        switch self {
        case .noRuns: return "no runs to merge"
        case .notARun(let run, let why): return "\(run): \(why)"
        case .mismatch(let what, let values):
            return "the runs differ in \(what): " + values.map { "\($0.0) has \($0.1)" }.joined(separator: ", ")
                + ". Only runs made by the same build of ita-extract with the same Mappings and settings can be merged: rerun the odd ones."
        case .shards(let why): return "cannot merge: \(why)"
        case .conflict(let path, let runs):
            return "\(path) has different contents in \(runs.joined(separator: " and ")): the runs did not read the same archive"
        case .correctionsDropped(let run, let file, let lines):
            return "\(run) was written with the corrections in \(file) (\(lines) line\(lines == 1 ? "" : "s")), and this merge has none:"
                + " the merged dataset would lose those fixes. Pass --corrections \(file) (or the file as it is now) to merge:"
                + " corrections are applied when the merged dataset is written"
        case .cacheFormat(let folder, let theirs, let ours):
            return "the cache format changed: \(folder) holds results in the \(theirs) form, and this ita-extract reads the \(ours) form."
                + " Merge with the ita-extract build that made the shards, or run the shards again with this one"
        case .recordMissing(let path, let sha):
            return "no cached result for \(path)\(sha.isEmpty ? "" : " (sha256 \(sha.prefix(16))…)") in the runs' .cache folders"
                + " or the --cache folders given: pass the --cache DIR the shards used"
        }
    }
}
