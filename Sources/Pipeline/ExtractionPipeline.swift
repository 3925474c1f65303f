import DatasetWrite
import Foundation
@_exported import struct PageOCR.OCROptions
import PageOCR
import ITAModel
import ReportInterpret
import ThaiNormalise

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
    /// Where each document's result is kept between runs (see `ResultCache`); nil: no cache.
    public var cache: CacheLocation?
    /// The part of the inputs this run is (recorded in the manifest for `merge`); the caller selects the files.
    public var shard: Shard?

    public init(outputDirectory: URL, jobs: Int, bom: Bool, mappings: URL, toolVersion: String,
                ocr: OCROptions? = OCROptions(), cache: CacheLocation? = nil, shard: Shard? = nil) {
        self.outputDirectory = outputDirectory; self.jobs = jobs; self.bom = bom
        self.mappings = mappings; self.toolVersion = toolVersion; self.ocr = ocr
        self.cache = cache; self.shard = shard
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
}

/// The whole job: PDFs in, the DATASET.md files out. Documents are read concurrently and streamed
/// to the writer in source-path order, so output does not depend on `jobs` and memory does not
/// grow with the number of documents.
public struct ExtractionPipeline: Sendable {
    public let options: PipelineOptions
    let processor: DocumentProcessor
    /// Cache, and merge's source of results (`DocumentResults`, `RunMerge`).
    var results: DocumentResults
    var mappingsVersion: String
    /// manifest.json "options": the settings the records depend on (`RunSettings`).
    var manifestOptions: [String: String]
    /// Merge: the inputs' digests as the shards' manifests give them, instead of hashing the files.
    var knownDigests: [String: Result<(hex: String, bytes: Int), Error>]?
    /// Told about the run's progress (stderr line); nil: silent.
    public var reporter: ProgressReporter?

    /// Loads the mappings (normalisation tables, catalogues) once for the whole run.
    public init(options: PipelineOptions) throws {
        self.options = options
        mappingsVersion = MappingsVersion.of(options.mappings)
        let key = CacheKey(toolVersion: options.toolVersion, build: BuildIdentity.current,
                           mappingsVersion: mappingsVersion, ocr: options.ocr)
        results = DocumentResults(cache: try options.cache.map { try ResultCache(root: $0.directory, key: key, reads: !$0.fresh) })
        manifestOptions = RunSettings.manifestOptions(bom: options.bom, key: key, shard: options.shard)
        let normaliser = try ThaiNormaliser(mappings: options.mappings)
        processor = DocumentProcessor(interpreter: ReportInterpreter(mappings: options.mappings, normaliser: normaliser),
                                      ocr: options.ocr)
        // Before any document task starts: loading Tesseract sets OMP_THREAD_LIMIT (setenv is not
        // thread-safe). A missing Tesseract is reported per document, as ocr_failed.
        if options.ocr != nil { PageOCR.prepare() }
    }

    /// Runs over `files` (already found and sorted, see `InputFinder`). `progress` is told about each
    /// document as it is written.
    public func run(files: [String], progress: (@Sendable (ReportRecord) -> Void)? = nil) async throws -> RunSummary {
        let started = Date()
        let clock = DispatchTime.now().uptimeNanoseconds
        var summary = RunSummary()

        // Read pass: hash every input first, so that a file present twice under two names is read once
        // (doc_id is the content's hash) and the repeat is named in the first one's warnings.
        var readSeconds = 0.0
        let digests: [Result<(hex: String, bytes: Int), Error>] = timed(&readSeconds) {
            files.map { path in knownDigests?[path] ?? Result { try FileDigest.sha256(path: path) } }
        }
        var firstPathOfDigest: [String: Int] = [:]
        var repeatsOf: [Int: [String]] = [:]
        var work: [Int] = []  // indices of files to process, in order
        for (i, d) in digests.enumerated() {
            if case .success(let dg) = d, let first = firstPathOfDigest[dg.hex] {
                repeatsOf[first, default: []].append(files[i])
                continue
            }
            if case .success(let dg) = d { firstPathOfDigest[dg.hex] = i }
            work.append(i)
        }
        summary.duplicates = files.count - work.count
        summary.timings.read = readSeconds
        reporter?.begin(total: work.count)
        defer { reporter?.finish() }

        let writer = try DatasetWriter(outputDirectory: options.outputDirectory, options: WriterOptions(bom: options.bom))
        var inputs: [Manifest.Input] = []
        let processor = self.processor
        let results = self.results
        let order = work
        do {
            try await runOrdered(count: work.count, jobs: options.jobs, work: { k -> (ReportRecord, StageTimings) in
                let i = order[k]
                switch digests[i] {
                case .failure(let error):
                    let record = ReportRecord(docID: "", sourcePath: files[i], sha256: "", status: .failed,
                                              error: DocumentError(stage: "read", reason: "unreadable",
                                                                   message: "cannot read the file: \(error.localizedDescription)"))
                    return (results.unreadable(record), StageTimings())
                case .success(let dg):
                    return results.result(path: files[i], digest: dg.hex) { processor.process(path: files[i], digest: dg.hex) }
                }
            }, deliver: { k, result in
                var (record, t) = result
                try results.verify(record)
                let i = order[k]
                if let repeats = repeatsOf[i] {
                    record.warnings.append(Warning(code: "duplicate_input",
                                                   message: "the same file (same SHA-256) is also at: \(repeats.joined(separator: ", ")); read once"))
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
                inputs.append(Manifest.Input(record: record, bytes: bytes))
                for path in repeatsOf[i] ?? [] {
                    var twin = Manifest.Input(record: record, bytes: bytes)
                    twin.path = path
                    inputs.append(twin)
                }
                reporter?.documentDone(record)
                progress?(record)
            })
            summary.cached = results.hits
            summary.cacheFailures = results.failures
            summary.wallSeconds = Double(DispatchTime.now().uptimeNanoseconds - clock) / 1e9
            let manifest = Manifest(toolVersion: options.toolVersion,
                                    mappingsVersion: mappingsVersion,
                                    inputs: inputs,
                                    options: manifestOptions,
                                    timings: Manifest.Timings(startedAt: started, finishedAt: Date(),
                                                              stageSeconds: summary.timings.byStage
                                                                .merging(["total_wall": summary.wallSeconds]) { a, _ in a }))
            try writer.finish(manifest: manifest)
        } catch {
            writer.abort()
            throw error
        }
        return summary
    }
}
