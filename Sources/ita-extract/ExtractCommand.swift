import ArgumentParser
import Foundation
import ITAModel
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
        and its build, the Mappings version and the OCR settings: a rerun reads only new or changed files, \
        and a run killed at any point resumes where it stopped. --shard K/N reads one of N parts of the \
        inputs (by a hash of the path); `ita-extract merge` joins the parts.

        Progress goes to stderr: one updating line on a terminal, a line every 30 s otherwise (logs, Slurm); \
        failures are printed one per line, also with --quiet.
        """
    )

    @Argument(help: ArgumentHelp("PDF files, or folders searched recursively for *.pdf (any case).", valueName: "path"))
    var paths: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("Output folder (created if missing; files in it are replaced atomically).", valueName: "dir"))
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

    @Option(name: .customLong("ocr-languages"), help: "Tesseract languages (Debian: tesseract-ocr-tha, tesseract-ocr-eng).")
    var ocrLanguages = "tha+eng"

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

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if !(50...600).contains(ocrDPI) { throw ValidationError("--ocr-dpi must be between 50 and 600") }
        if let shard { do { _ = try Shard(parsing: shard) } catch { throw ValidationError("\(error)") } }
    }

    func run() async throws {
        guard let mappingsDir = MappingsDirectory.locate(explicit: mappings) else {
            throw ValidationError("no Mappings folder found: give --mappings DIR or set \(MappingsDirectory.environmentVariable)")
        }
        let found = InputFinder.find(paths)
        let problems = found.problems
        let shard = try self.shard.map { try Shard(parsing: $0) }
        let files = shard?.select(found.files) ?? found.files
        for p in problems { FileHandle.standardError.write(Data("ita-extract: \(p.path): \(p.message)\n".utf8)) }
        guard !found.files.isEmpty else {
            FileHandle.standardError.write(Data("ita-extract: no PDF files found\n".utf8))
            throw ExitCode.failure
        }
        if files.isEmpty, let shard {
            // Not an error: with few files and many shards some shards are empty; merge still needs their manifest.
            FileHandle.standardError.write(Data("ita-extract: shard \(shard) holds none of the \(found.files.count) files\n".utf8))
        }
        let options = PipelineOptions(outputDirectory: URL(fileURLWithPath: out),
                                      jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, bom: bom,
                                      mappings: mappingsDir, toolVersion: ToolVersion.current,
                                      ocr: noOCR ? nil : OCROptions(languages: ocrLanguages, dpi: ocrDPI),
                                      cache: cache.map { CacheLocation(directory: URL(fileURLWithPath: $0), fresh: fresh) }
                                          ?? CacheLocation.inside(URL(fileURLWithPath: out), fresh: fresh),
                                      shard: shard)
        var pipeline = try ExtractionPipeline(options: options)
        let reporter = ProgressReporter.forStandardError(quiet: quiet)
        pipeline.reporter = reporter
        let summary = try await pipeline.run(files: files, progress: RunOutput.documentLine(reporter: reporter, verbose: verbose))
        RunOutput.summary(summary, out: out, reporter: reporter)
        if summary.failed == summary.documents && summary.documents > 0 { throw ExitCode.failure }
    }
}
