import DatasetWrite
import Foundation
@_exported import struct PageOCR.OCROptions
import PageOCR
import ITAModel
import PageLayout
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
    /// The layout stage's tolerances (`extract --settings`).
    public var layout: LayoutSettings

    public init(outputDirectory: URL, jobs: Int, bom: Bool, mappings: URL, toolVersion: String,
                ocr: OCROptions? = OCROptions(), layout: LayoutSettings = LayoutSettings()) {
        self.outputDirectory = outputDirectory; self.jobs = jobs; self.bom = bom
        self.mappings = mappings; self.toolVersion = toolVersion; self.ocr = ocr; self.layout = layout
    }
}

/// What a run did, for the command line's summary and exit code.
public struct RunSummary: Sendable {
    public var documents = 0
    public var ok = 0
    public var partial = 0
    public var failed = 0
    public var duplicates = 0
    public var timings = StageTimings()
    public var wallSeconds = 0.0
}

/// The whole job: PDFs in, the DATASET.md files out. Documents are read concurrently and streamed
/// to the writer in source-path order, so output does not depend on `jobs` and memory does not
/// grow with the number of documents.
public struct ExtractionPipeline: Sendable {
    public let options: PipelineOptions
    let processor: DocumentProcessor

    /// Loads and checks the mappings (normalisation tables, ITA data) once for the whole run,
    /// before the first document; a broken data file throws `MappingsError`.
    public init(options: PipelineOptions) throws {
        self.options = options
        let normaliser = try ThaiNormaliser(mappings: options.mappings)
        let ita = try ITAMappings(directory: options.mappings)
        processor = DocumentProcessor(interpreter: ReportInterpreter(mappings: ita, normaliser: normaliser),
                                      ocr: options.ocr, layout: options.layout)
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
            files.map { path in Result { try FileDigest.sha256(path: path) } }
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

        let writer = try DatasetWriter(outputDirectory: options.outputDirectory, options: WriterOptions(bom: options.bom))
        var inputs: [Manifest.Input] = []
        let processor = self.processor
        let order = work
        do {
            try await runOrdered(count: work.count, jobs: options.jobs, work: { k -> (ReportRecord, StageTimings) in
                let i = order[k]
                switch digests[i] {
                case .failure(let error):
                    let record = ReportRecord(docID: "", sourcePath: files[i], sha256: "", status: .failed,
                                              error: DocumentError(stage: "read", reason: "unreadable",
                                                                   message: "cannot read the file: \(error.localizedDescription)"))
                    return (record, StageTimings())
                case .success(let dg):
                    return processor.process(path: files[i], digest: dg.hex)
                }
            }, deliver: { k, result in
                var (record, t) = result
                let i = order[k]
                if let repeats = repeatsOf[i] {
                    record.warnings.append(Warning(code: .duplicateInput,
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
                progress?(record)
            })
            summary.wallSeconds = Double(DispatchTime.now().uptimeNanoseconds - clock) / 1e9
            let manifest = Manifest(toolVersion: options.toolVersion,
                                    mappingsVersion: MappingsVersion.of(options.mappings),
                                    inputs: inputs,
                                    options: ["bom": options.bom ? "true" : "false"].merging(Self.changedSettings(options.layout)) { a, _ in a },
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

    /// The layout settings that differ from the defaults (`--settings`), for the manifest's options,
    /// so that a dataset says which tolerances made it.
    static func changedSettings(_ layout: LayoutSettings) -> [String: String] {
        let defaults = LayoutSettings().asDictionary
        var out: [String: String] = [:]
        for (k, v) in layout.asDictionary where defaults[k] != v { out["layout.\(k)"] = String(v) }
        return out
    }
}
