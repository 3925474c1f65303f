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

    @Option(name: .customLong("settings"), help: ArgumentHelp("JSON file overriding the layout tolerances ({\"layout\": {\"columnGapEm\": 1.2}}; unknown keys are an error).", valueName: "FILE"))
    var settings: String?

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if !(50...600).contains(ocrDPI) { throw ValidationError("--ocr-dpi must be between 50 and 600") }
    }

    func run() async throws {
        guard let mappingsDir = MappingsDirectory.locate(explicit: mappings) else {
            throw ValidationError("no Mappings folder found: give --mappings DIR or set \(MappingsDirectory.environmentVariable)")
        }
        let layoutSettings = try SettingsFile.layout(settings)
        let (files, problems) = InputFinder.find(paths)
        for p in problems { FileHandle.standardError.write(Data("ita-extract: \(p.path): \(p.message)\n".utf8)) }
        guard !files.isEmpty else {
            FileHandle.standardError.write(Data("ita-extract: no PDF files found\n".utf8))
            throw ExitCode.failure
        }
        let options = PipelineOptions(outputDirectory: URL(fileURLWithPath: out),
                                      jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, bom: bom,
                                      mappings: mappingsDir, toolVersion: ToolVersion.current,
                                      ocr: noOCR ? nil : OCROptions(languages: ocrLanguages, dpi: ocrDPI),
                                      layout: layoutSettings)
        let pipeline = try MappingsFailure.exitOnError { try ExtractionPipeline(options: options) }
        let quiet = self.quiet
        let summary = try await pipeline.run(files: files) { record in
            guard !quiet else { return }
            let what: String
            if let e = record.error { what = "failed (\(e.stage): \(e.reason)) \(e.message)" }
            else {
                what = "\(record.status.rawValue): \(record.indicators.count) indicators, \(record.questions.count) questions, \(record.measures.count) measures"
                    + (record.warnings.isEmpty ? "" : ", \(record.warnings.count) warning\(record.warnings.count == 1 ? "" : "s")")
            }
            FileHandle.standardError.write(Data("\(record.sourcePath): \(what)\n".utf8))
        }
        if !quiet {
            let line = String(format: "%d documents (%d ok, %d partial, %d failed%@) in %.2f s -> %@\n",
                              summary.documents, summary.ok, summary.partial, summary.failed,
                              summary.duplicates > 0 ? ", \(summary.duplicates) duplicate files read once" as NSString : "" as NSString,
                              summary.wallSeconds, out as NSString)
            FileHandle.standardError.write(Data(line.utf8))
        }
        if summary.failed == summary.documents { throw ExitCode.failure }
    }
}
