import ArgumentParser
import DatasetWrite
import Foundation
import ITAModel
import Pipeline

/// `ita-extract merge`: one dataset from shard outputs.
struct MergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the outputs of `extract --shard K/N` runs (or of runs over disjoint inputs) into one dataset.",
        discussion: """
        The result is byte-identical to one `extract` over all the runs' inputs (manifest.json's timings aside): \
        same order, same duplicate_input warnings. Full results are read from each run's cache (RUN/.cache, \
        or the --cache folders the runs shared); the PDFs are not needed. Refuses runs made by different tool \
        versions or builds, Mappings versions or settings, and an incomplete set of shards.
        """
    )

    @Argument(help: ArgumentHelp("Output folders of the runs to join.", valueName: "run"))
    var runs: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("Output folder of the joined dataset.", valueName: "dir"))
    var out: String

    @Option(help: ArgumentHelp("A cache folder the runs shared (--cache); repeatable. Each run's own .cache is searched first.", valueName: "dir"))
    var cache: [String] = []

    @Option(help: ArgumentHelp("Mappings folder (default as for extract); only its presence matters, the runs' results are not re-read.", valueName: "dir"))
    var mappings: String?

    @Option(help: ArgumentHelp("Values a person fixed (as for extract): applied when the joined dataset is written; lines that match nothing are reported.", valueName: "file.jsonl"))
    var corrections: String?

    @Option(name: .shortAndLong, help: "Documents written at once (default: the number of cores).")
    var jobs: Int?

    @Flag(name: .shortAndLong, help: "No progress line; failures are still printed.")
    var quiet = false

    func run() async throws {
        guard let mappingsDir = MappingsDirectory.locate(explicit: mappings) else {
            throw ValidationError("no Mappings folder found: give --mappings DIR or set \(MappingsDirectory.environmentVariable)")
        }
        let fixes = try CorrectionsOption.load(corrections)
        // The merged dataset gets this merge's corrections only: say so when a run used other ones.
        for run in RunMerge.correctionsDiffering(runs: runs.map { URL(fileURLWithPath: $0) }, from: fixes) {
            FileHandle.standardError.write(Data("ita-extract merge: note: \(run); the merged dataset gets the corrections of \(corrections ?? "") only\n".utf8))
        }
        // As extract: a busy, read-only or wrong --out stops the merge at once, and an interrupt
        // leaves no staging folder behind.
        let folder = try OutputFolder.claim(URL(fileURLWithPath: out))
        defer { folder.release() }
        SignalCleanup.install()
        let reporter = ProgressReporter.forStandardError(quiet: quiet)
        let summary: RunSummary
        do {
            summary = try await MappingsFailure.exitOnError { () async throws -> RunSummary in try await RunMerge.merge(runs: runs.map { URL(fileURLWithPath: $0) }, out: URL(fileURLWithPath: out),
                                               caches: cache.map { URL(fileURLWithPath: $0) }, mappings: mappingsDir,
                                               jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                               corrections: fixes, reporter: reporter) }
        } catch let e as MergeError {
            FileHandle.standardError.write(Data("ita-extract merge: \(e)\n".utf8))
            throw ExitCode.failure
        }
        RunOutput.summary(summary, out: out, reporter: reporter)
        CorrectionsOption.report(summary, quiet: quiet)
    }
}
