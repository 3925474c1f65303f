import DatasetWrite
import Foundation
@_exported import struct PageOCR.OCROptions
@_exported import struct UnitIdentity.GazetteerError
@_exported import struct DatasetWrite.Corrections
@_exported import struct DatasetWrite.CorrectionsError
@_exported import struct ReportInterpret.InterpretSettings
import PageOCR
import ITAModel
import PageLayout
import ReportInterpret
import ThaiNormalise
import UnitIdentity

/// Settings of one `extract` run.
public struct PipelineOptions: Sendable {
    public var outputDirectory: URL
    /// Documents read at once.
    public var jobs: Int
    /// Write a UTF-8 BOM at the start of each CSV (for Excel).
    public var bom: Bool
    /// The Mappings/ folder.
    public var mappings: URL
    public var toolVersion: String
    /// How pages without a text layer are OCR'd; nil leaves them unread (reported as such).
    public var ocr: OCROptions?
    /// Values a person fixed, applied when the dataset is written.
    public var corrections: Corrections?
    /// This tool's binary, to read documents in `worker` processes under `limits`; nil reads them
    /// in this process (no limits: a crash takes the run with it).
    public var workerExecutable: String?
    /// Per-document time and memory limits of worker processes.
    public var limits: DocumentLimits
    /// `--max-file-size`: bigger inputs are not read (stage read, reason too_large). Default 2 GiB:
    /// the largest real report seen is a few tens of MB; a multi-GB "PDF" is a mistake or an attack.
    public var maxFileSize: Int64
    /// Where each document's result is kept between runs (see `ResultCache`); nil: no cache.
    public var cache: CacheLocation?
    /// The layout stage's tolerances (`extract --settings`).
    public var layout: LayoutSettings
    /// The interpret stage's cross-check tolerances (`extract --settings`).
    public var interpret: InterpretSettings
    /// The part of the inputs this run is (recorded in the manifest for `merge`); the caller selects the files.
    public var shard: Shard?
    /// Leave `outputDirectory` as it is when it already holds the dataset this run would write (see
    /// `UnchangedRun`); false when every record must pass through `progress` (`extract --verbose`).
    public var reuseUnchangedOutput = true

    public init(outputDirectory: URL, jobs: Int, bom: Bool, mappings: URL, toolVersion: String,
                ocr: OCROptions? = OCROptions(), workerExecutable: String? = nil,
                limits: DocumentLimits = DocumentLimits(), maxFileSize: Int64 = 2 << 30,
                cache: CacheLocation? = nil, shard: Shard? = nil, layout: LayoutSettings = LayoutSettings(),
                interpret: InterpretSettings = InterpretSettings()) {
        self.outputDirectory = outputDirectory; self.jobs = jobs; self.bom = bom
        self.mappings = mappings; self.toolVersion = toolVersion; self.ocr = ocr
        self.workerExecutable = workerExecutable; self.limits = limits; self.maxFileSize = maxFileSize
        self.cache = cache; self.shard = shard; self.layout = layout; self.interpret = interpret
    }
}

/// What a run did, for the command line's summary and exit code.
public struct RunSummary: Sendable {
    public var documents = 0
    public var ok = 0
    public var partial = 0
    public var failed = 0
    public var duplicates = 0
    /// Documents whose result came from the cache.
    public var cached = 0
    /// Cache entries that could not be written (first few), e.g. a full disk: next run redoes them.
    public var cacheFailures: [String] = []
    public var timings = StageTimings()
    public var wallSeconds = 0.0
    /// What the corrections file did (nil without one).
    public var corrections: Manifest.CorrectionReport?
}

/// The whole job: PDFs in, the DATASET.md files out. Documents are read concurrently and streamed
/// to the writer in source-path order, so output does not depend on `jobs` and memory does not
/// grow with the number of documents.
public struct ExtractionPipeline: Sendable {
    public let options: PipelineOptions
    /// Reads each document: in worker processes when `options.workerExecutable` is set.
    public let runner: DocumentRunner
    /// Cache, and merge's source of results (`DocumentResults`, `RunMerge`).
    var results: DocumentResults
    var mappingsVersion: String
    /// manifest.json "options": the settings the records depend on (`RunSettings`).
    var manifestOptions: [String: String]
    /// Merge: the inputs' digests as the shards' manifests give them, instead of hashing the files.
    var knownDigests: [String: Result<(hex: String, bytes: Int), DocumentError>]?
    /// Told about the run's progress (stderr line); nil: silent.
    public var reporter: ProgressReporter?
    /// The OCR thread budget's folder, kept while the pipeline lives (see `OCRThreadBudget`).
    let ocrSlots: OCRSlotFolder?

    /// Loads and checks the mappings (normalisation tables, ITA data) once for the whole run,
    /// before the first document; a broken data file throws `MappingsError`.
    public init(options: PipelineOptions) throws {
        var options = options
        // A long scan's pages are OCR'd in parallel within --jobs, counted over all processes.
        if options.ocr != nil, options.jobs > 1, let slots = OCRSlotFolder(threads: options.jobs) {
            options.ocr?.budget = slots.budget
            ocrSlots = slots
        } else {
            ocrSlots = nil
        }
        self.options = options
        // The executable's digest (part of the cache key: tens of milliseconds of hashing for a release
        // build) is computed on another thread while the mappings load, instead of after them.
        DispatchQueue.global(qos: .userInitiated).async { _ = BuildIdentity.current }
        // Loaded first, in either mode: broken Mappings/ data stops the run before any document and
        // before anything (the cache folder) is created.
        let processor = try DocumentProcessor.load(mappings: options.mappings, ocr: options.ocr, layout: options.layout,
                                                   interpret: options.interpret)
        mappingsVersion = MappingsVersion.of(options.mappings)
        let changed = Self.changedSettings(options.layout, options.interpret)
        let key = CacheKey(toolVersion: options.toolVersion, build: BuildIdentity.current,
                           mappingsVersion: mappingsVersion, ocr: options.ocr,
                           settings: changed.isEmpty ? "none" : CacheKey.digest(of: Data(changed.sorted { $0.key < $1.key }
                               .map { "\($0.key)=\($0.value)\n" }.joined().utf8)))
        results = DocumentResults(cache: try options.cache.map { try ResultCache(root: $0.directory, key: key, reads: !$0.fresh) })
        manifestOptions = RunSettings.manifestOptions(bom: options.bom, key: key, shard: options.shard)
            .merging(changed) { a, _ in a }
        if let executable = options.workerExecutable {
            runner = WorkerPoolRunner(executable: executable, mappings: options.mappings, ocr: options.ocr,
                                      layout: options.layout, interpret: options.interpret, limits: options.limits)
        } else {
            runner = InProcessRunner(processor: processor)
            // Before any document task starts: loading Tesseract sets OMP_THREAD_LIMIT (setenv is not
            // thread-safe). A missing Tesseract is reported per document, as ocr_failed.
            if options.ocr != nil { PageOCR.prepare() }
        }
    }

    /// Runs over `files` (already found and sorted, see `InputFinder`). `progress` is told about each
    /// document as it is written.
    public func run(files: [String], progress: (@Sendable (ReportRecord) -> Void)? = nil) async throws -> RunSummary {
        try await run(inputs: files.map { InputPath($0) }, progress: progress)
    }

    /// Runs over `inputs` (see `InputFinder.inputs`): every one becomes a row, those that cannot be
    /// read (missing, not a regular file, too large...) a failed one at stage "read".
    public func run(inputs: [InputPath], progress: (@Sendable (ReportRecord) -> Void)? = nil) async throws -> RunSummary {
        let files = inputs.map(\.display)
        let started = Date()
        let clock = DispatchTime.now().uptimeNanoseconds
        var summary = RunSummary()

        // Read pass: hash every input first, so that a file present twice under two names is read once
        // (doc_id is the content's hash) and the repeat is named in the first one's warnings.
        var readSeconds = 0.0
        let maxFileSize = options.maxFileSize
        let known = knownDigests
        // A rerun takes the digests of unchanged files from the cache's stat index (see StatIndex);
        // --fresh hashes every file (and brings the index up to date).
        let indexFolder = known == nil ? options.cache?.directory : nil
        let index = indexFolder.map { StatIndex.load(folder: $0) }
        let useIndex = !(options.cache?.fresh ?? true)
        // This run's entries for its own inputs (see StatIndex.update).
        var mine: [[UInt8]: StatIndex.Entry] = [:]
        let digests = timed(&readSeconds) {
            inputs.map { input -> Result<(hex: String, bytes: Int), DocumentError> in
                if let d = known?[input.display] { return d }
                let (result, entry) = FileDigest.digest(of: input, maxBytes: maxFileSize, index: useIndex ? index : nil)
                if let entry { mine[input.bytes] = entry }
                return result
            }
        }
        if let folder = indexFolder, let index {
            // Only time is lost when it cannot be written: the next run hashes again.
            // Unchanged rerun over the same inputs: the index is exactly this run's entries already.
            if mine != index.entries {
                try? StatIndex.update(folder: folder, own: Set(inputs.map(\.bytes)), mine: mine)
            }
        }
        var firstPathOfDigest: [String: Int] = [:]
        var repeatsOf: [Int: [Int]] = [:]  // first input of a digest -> the inputs repeating it
        var work: [Int] = []  // indices of files to process, in order
        for (i, d) in digests.enumerated() {
            if case .success(let dg) = d, let first = firstPathOfDigest[dg.hex] {
                repeatsOf[first, default: []].append(i)
                continue
            }
            if case .success(let dg) = d { firstPathOfDigest[dg.hex] = i }
            work.append(i)
        }
        summary.duplicates = files.count - work.count
        summary.timings.read = readSeconds
        // Held until the stamp is written, so that no other run's dataset can be stamped as this one's.
        let claim = try OutputFolder.claim(options.outputDirectory)
        defer { claim.release() }
        let stamp = known == nil && options.reuseUnchangedOutput
            ? UnchangedRun.stamp(cache: results.cache, options: manifestOptions, corrections: options.corrections,
                                 inputs: inputs, digests: digests) : nil
        if let stamp, !(options.cache?.fresh ?? true), let cache = results.cache,
           let previous = UnchangedRun.previous(out: options.outputDirectory, stamp: stamp),
           UnchangedRun.cacheHoldsAll(cache, paths: files, digests: digests, work: work) {
            reporter?.begin(total: work.count)
            defer { reporter?.finish() }
            // Failures are still said one by one, as a run that writes says them.
            var entries: [String: Manifest.Input] = [:]
            for input in previous.inputs where entries[input.path] == nil { entries[input.path] = input }
            for i in work where entries[files[i]]?.errorStage != nil {
                let record: ReportRecord?
                switch digests[i] {
                case .failure(let error):
                    record = ReportRecord(docID: "", sourcePath: files[i], sha256: "", status: .failed, error: error)
                case .success(let dg):
                    record = cache.load(sha256: dg.hex, path: files[i])?.0
                }
                if let record { reporter?.documentDone(record); progress?(record) }
            }
            summary.documents = previous.counts.documents
            summary.ok = previous.counts.ok; summary.partial = previous.counts.partial; summary.failed = previous.counts.failed
            summary.cached = work.filter { if case .success = digests[$0] { return true }; return false }.count
            summary.corrections = previous.corrections
            summary.wallSeconds = Double(DispatchTime.now().uptimeNanoseconds - clock) / 1e9
            return summary
        }
        reporter?.begin(total: work.count)
        defer { reporter?.finish() }
        var retried = false  // a record extract would read again next time (UnchangedRun.retriedStages)

        let writer = try DatasetWriter(outputDirectory: options.outputDirectory, options: WriterOptions(bom: options.bom),
                                       corrections: options.corrections)
        var manifestInputs: [Manifest.Input] = []
        let runner = self.runner
        defer { runner.finish() }
        let results = self.results
        let order = work
        do {
            try await runOrdered(count: work.count, jobs: options.jobs, work: { k -> (ReportRecord, StageTimings) in
                let i = order[k]
                switch digests[i] {
                case .failure(let error):
                    let record = ReportRecord(docID: "", sourcePath: files[i], sha256: "", status: .failed, error: error)
                    return (results.unreadable(record), StageTimings())
                case .success(let dg):
                    return await results.result(path: files[i], digest: dg.hex) { await runner.runEncoded(inputs[i], digest: dg.hex) }
                }
            }, deliver: { k, result in
                var (record, t) = result
                try results.verify(record)
                if UnchangedRun.retriedStages.contains(record.error?.stage ?? "") { retried = true }
                let i = order[k]
                if let repeats = repeatsOf[i] {
                    record.warnings.append(Warning(code: .duplicateInput,
                                                   message: "the same file (same SHA-256) is also at: \(repeats.map { files[$0] }.joined(separator: ", ")); read once"))
                }
                if record.docID.isEmpty {
                    // An unreadable file has no content hash: key it by its path's hash so it still gets a row.
                    record.docID = "path-" + String(FileDigest.sha256(string: record.sourcePath).prefix(11))
                }
                try timed(&t.write) { try writer.write(record) }
                summary.timings.add(t)
                summary.documents += 1
                switch record.status {
                case .ok: summary.ok += 1
                case .partial: summary.partial += 1
                case .failed: summary.failed += 1
                }
                let bytes: Int64 = { if case .success(let d) = digests[i] { return Int64(d.bytes) }; return 0 }()
                var entry = Manifest.Input(record: record, bytes: bytes)
                if inputs[i].isEscaped { entry.pathHex = inputs[i].hex }
                manifestInputs.append(entry)
                for r in repeatsOf[i] ?? [] {
                    var twin = Manifest.Input(record: record, bytes: bytes)
                    twin.path = files[r]
                    if inputs[r].isEscaped { twin.pathHex = inputs[r].hex }
                    manifestInputs.append(twin)
                }
                reporter?.documentDone(record)
                progress?(record)
            })
            summary.cached = results.hits
            summary.cacheFailures = results.failures
            summary.wallSeconds = Double(DispatchTime.now().uptimeNanoseconds - clock) / 1e9
            let manifest = Manifest(toolVersion: options.toolVersion,
                                    mappingsVersion: mappingsVersion,
                                    inputs: manifestInputs,
                                    options: manifestOptions,
                                    timings: Manifest.Timings(startedAt: started, finishedAt: Date(),
                                                              stageSeconds: summary.timings.byStage
                                                                .merging(["total_wall": summary.wallSeconds]) { a, _ in a }))
            try writer.finish(manifest: manifest)
            summary.corrections = writer.correctionReport
            if let stamp, !retried, summary.cacheFailures.isEmpty { UnchangedRun.record(out: options.outputDirectory, stamp: stamp) }
        } catch {
            writer.abort()
            throw error
        }
        return summary
    }

    /// The layout and interpret settings that differ from the defaults (`--settings`), for the
    /// manifest's options and the cache key, so that a dataset says which tolerances made it and a
    /// cached result is never served to a run with other tolerances.
    static func changedSettings(_ layout: LayoutSettings, _ interpret: InterpretSettings = InterpretSettings()) -> [String: String] {
        let defaults = LayoutSettings().asDictionary
        var out: [String: String] = [:]
        for (k, v) in layout.asDictionary where defaults[k] != v { out["layout.\(k)"] = String(v) }
        let interpretDefaults = Dictionary(uniqueKeysWithValues: InterpretSettings().described.map { ($0.key, $0.value) })
        for (k, v) in interpret.described where interpretDefaults[k] != v { out["interpret.\(k)"] = v }
        return out
    }
}
