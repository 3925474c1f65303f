import ArgumentParser
import Foundation
import ITAModel
import DatasetWrite
import Pipeline

/// `ita-extract extract`: the main job.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Read ITA report PDFs and write the dataset (DATASET.md) to a folder.",
        discussion: """
        Writes reports.jsonl, reports.csv, indicator_scores.csv, question_scores.csv, measures.csv, errors.jsonl, \
        dataset.sqlite, datapackage.json and manifest.json into --out. A file that cannot be read (not a PDF, \
        damaged, encrypted, empty, or a scan OCR cannot read) becomes a line in errors.jsonl and a failed row \
        in reports.csv; the other documents are unaffected. Exit status is 1 only when every input failed. \
        Pages without a text layer (scans, and PDFs whose only text is an OCR layer) are rendered and read \
        with Tesseract: text_source says ocr or mixed, and an ocr_pages warning names the pages.

        Each document's result is kept in a cache (default OUT/.cache) keyed by the file's SHA-256, the tool \
        and its build, the Mappings version, the OCR settings and any --settings override: a rerun reads only new or changed files, \
        and a run killed at any point resumes where it stopped. --shard K/N reads one of N parts of the \
        inputs (by a hash of the path); `ita-extract merge` joins the parts.

        Progress goes to stderr: one updating line on a terminal, a line every 30 s otherwise (logs, Slurm); \
        failures are printed one per line, also with --quiet.
        """
    )

    @Argument(help: ArgumentHelp("PDF files, or folders searched recursively for *.pdf (any case).", valueName: "path"))
    var paths: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("Output folder (created if missing); the new dataset replaces the old one in one step, other files in it are kept.", valueName: "dir"))
    var out: String

    @Option(name: .shortAndLong, help: "Documents read at once (default: the number of cores).")
    var jobs: Int?

    @Flag(help: "Start each CSV with a UTF-8 byte-order mark, so that Excel opens Thai text correctly.")
    var bom = false

    @Option(help: ArgumentHelp("Mappings folder (default: $ITA_MAPPINGS, else the Mappings/ found next to the tool or above the current folder).", valueName: "dir"))
    var mappings: String?

    @Flag(name: .customLong("no-ocr"), help: "Leave pages without a text layer unread instead of running Tesseract on them.")
    var noOCR = false

    @Option(name: .customLong("ocr-dpi"), help: "Resolution pages are rendered at for OCR.")
    var ocrDPI: Double = 200

    @Flag(name: .customLong("no-digit-shapes"), help: "Keep Tesseract's reading of OCR'd numbers in Thai digits instead of reading them again by shape (to compare).")
    var noDigitShapes = false

    @Option(name: .customLong("ocr-languages"), help: "Tesseract languages (Debian: tesseract-ocr-tha, tesseract-ocr-eng).")
    var ocrLanguages = "tha+eng"

    @Option(name: .customLong("settings"), help: ArgumentHelp("JSON file overriding the layout and cross-check tolerances ({\"layout\": {\"columnGapEm\": 1.2}, \"interpret\": {\"questionMeanTolerance\": 0.03}}; unknown keys are an error; `inspect --settings` prints them all).", valueName: "FILE"))
    var settings: String?

    @Option(help: ArgumentHelp("Values a person fixed, one JSON object a line (DATASET.md \"Corrections\"): applied when the dataset is written; lines that match nothing are reported.", valueName: "file.jsonl"))
    var corrections: String?

    @Option(help: ArgumentHelp("Cache of per-document results (default: OUT/.cache); share one folder between runs or shards.", valueName: "dir"))
    var cache: String?

    @Flag(help: "Ignore cached results: read every document again (the cache is refreshed).")
    var fresh = false

    @Option(help: ArgumentHelp("Read only part K of N (K from 0) of the inputs, chosen by a hash of each path; join the parts with `ita-extract merge`.", valueName: "K/N"))
    var shard: String?

    @Flag(name: .shortAndLong, help: "No progress line; failures are still printed.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print a line per document.")
    var verbose = false

    @Option(name: .customLong("doc-timeout"), help: ArgumentHelp("CPU seconds a document may use in its worker process: the limit is S x (1 + pages/20), and 10 times that in wall-clock time. Over it the document fails with stage timeout.", valueName: "S"))
    var docTimeout: Double = DocumentLimits().docTimeout

    @Option(name: .customLong("doc-memory"), help: ArgumentHelp("Resident memory (MB) a worker process may reach on one document; over it the document fails with stage memory.", valueName: "MB"))
    var docMemoryMB: Int = Int(DocumentLimits().docMemory >> 20)

    @Option(name: .customLong("max-file-size"), help: ArgumentHelp("Largest input read, in bytes or with a K, M or G suffix (default 2G); bigger files fail with reason too_large, unread.", valueName: "size"))
    var maxFileSize = "2G"

    @Flag(name: .customLong("in-process"), help: "Read documents in this process instead of worker processes: no time or memory limit, and a crash in a PDF library ends the run.")
    var inProcess = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if !(docTimeout > 0) { throw ValidationError("--doc-timeout must be more than 0 seconds") }
        if docMemoryMB < 64 { throw ValidationError("--doc-memory must be at least 64 (MB)") }
        if ByteSize.parse(maxFileSize) == nil { throw ValidationError("--max-file-size: '\(maxFileSize)' is not a size (e.g. 2G, 500M, 1048576)") }
        if !(50...600).contains(ocrDPI) { throw ValidationError("--ocr-dpi must be between 50 and 600") }
        if let shard { do { _ = try Shard(parsing: shard) } catch { throw ValidationError("\(error)") } }
    }

    func run() async throws {
        guard let mappingsDir = MappingsDirectory.locate(explicit: mappings) else {
            throw ValidationError("no Mappings folder found: give --mappings DIR or set \(MappingsDirectory.environmentVariable)")
        }
        let stageSettings = try SettingsFile.load(settings)
        // Before anything is read: a busy, read-only or wrong --out stops the run at once, and an
        // interrupt from here on leaves no staging folder behind.
        let folder = try OutputFolder.claim(URL(fileURLWithPath: out))
        defer { folder.release() }
        SignalCleanup.install()
        if !quiet { for note in folder.recovered { FileHandle.standardError.write(Data("ita-extract: \(note)\n".utf8)) } }
        // Every path given or found is an input: one that cannot be read fails at the read stage
        // (errors.jsonl, manifest.json) instead of vanishing.
        let found = InputFinder.inputs(paths)
        guard !found.isEmpty else {
            FileHandle.standardError.write(Data("ita-extract: no PDF files found\n".utf8))
            throw ExitCode.failure
        }
        let shard = try self.shard.map { try Shard(parsing: $0) }
        let inputs = shard?.select(found) ?? found
        if inputs.isEmpty, let shard {
            // Not an error: with few files and many shards some shards are empty; merge still needs their manifest.
            FileHandle.standardError.write(Data("ita-extract: shard \(shard) holds none of the \(found.count) files\n".utf8))
        }
        let fixes = try CorrectionsOption.load(corrections)
        var executable: String?
        if !inProcess {
            guard let exe = WorkerPoolRunner.currentExecutable else {
                throw ValidationError("cannot find this program's binary (/proc/self/exe) to start worker processes: use --in-process")
            }
            executable = exe
        }
        var options = PipelineOptions(outputDirectory: URL(fileURLWithPath: out),
                                      jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, bom: bom,
                                      mappings: mappingsDir, toolVersion: ToolVersion.current,
                                      ocr: noOCR ? nil : { var o = OCROptions(languages: ocrLanguages, dpi: ocrDPI); o.digitShapes = !noDigitShapes; return o }(),
                                      workerExecutable: executable,
                                      limits: DocumentLimits(docTimeout: docTimeout, docMemory: Int64(docMemoryMB) << 20),
                                      maxFileSize: ByteSize.parse(maxFileSize)!,
                                      cache: cache.map { CacheLocation(directory: URL(fileURLWithPath: $0), fresh: fresh) }
                                          ?? CacheLocation.inside(URL(fileURLWithPath: out), fresh: fresh),
                                      shard: shard, layout: stageSettings.layout, interpret: stageSettings.interpret)
        options.corrections = fixes
        options.reuseUnchangedOutput = !verbose
        var pipeline = try MappingsFailure.exitOnError { try ExtractionPipeline(options: options) }
        let reporter = ProgressReporter.forStandardError(quiet: quiet)
        pipeline.reporter = reporter
        let summary = try await pipeline.run(inputs: inputs, progress: RunOutput.documentLine(reporter: reporter, verbose: verbose))
        RunOutput.summary(summary, out: out, reporter: reporter)
        CorrectionsOption.report(summary, quiet: quiet)
        if summary.failed == summary.documents && summary.documents > 0 { throw ExitCode.failure }
    }
}
