import ArgumentParser
import Foundation
import ITAModel
import QualityTools
import ReportInterpret

/// `ita-extract catalogue`: builds or checks a year's question catalogue from extraction runs.
struct CatalogueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogue",
        abstract: "Build a framework year's question catalogue from runs, or check a catalogue file against them.",
        discussion: """
        Reads question_scores.csv and indicator_scores.csv of one or more runs.
        Every code read for --year becomes a row with its most-printed text. Its
        indicator comes from the numbers: a tool's sorted codes are split into
        consecutive blocks, one per indicator in order, choosing the split that
        the most documents agree with (indicator printed = mean of the block's
        scores within --tolerance). A block given by fewer than --agreement of
        the documents that can test it leaves its indicator empty. OIT
        indicators are means of sub-indicator means in 2566-2567, so OIT blocks
        are often left empty: fill them in by hand from the framework's manual.

        With --check FILE the catalogue file is compared with the runs instead:
        codes read but not listed, listed but never read, and for each listed
        indicator how many documents agree that it is the mean of its codes.
        Exit code 1 when the file is not consistent with the runs.

        Example: build the 2568 catalogue from an archive run, then check it:
          ita-extract extract archive/ --out run
          ita-extract catalogue run --year 2568 --out Mappings/ita/questions-2568.tsv
          ita-extract catalogue run --year 2568 --check Mappings/ita/questions-2568.tsv
        """
    )

    @Argument(help: "Run output directories (each holds question_scores.csv and indicator_scores.csv).")
    var runs: [String]

    @Option(name: .long, help: "The framework (assessment) year, Buddhist Era, e.g. 2568.")
    var year: Int

    @Option(name: .long, help: ArgumentHelp("Check this catalogue file (questions-YYYY.tsv) instead of building one.", valueName: "file"))
    var check: String?

    @Option(name: .long, help: ArgumentHelp("Write the built catalogue as TSV to this file (atomically); the account goes to standard output.", valueName: "file"))
    var out: String?

    @Option(help: ArgumentHelp("Mappings folder (default: $ITA_MAPPINGS, else the Mappings/ found next to the tool or above the current folder).", valueName: "dir"))
    var mappings: String?

    @Option(name: .long, help: "Points an indicator may differ from its questions' mean and still agree.")
    var tolerance: Double = 0.02

    @Option(name: .long, help: "Share (0...1) of testing documents that must agree before a block gets its indicator.")
    var agreement: Double = 0.8

    func validate() throws {
        if runs.isEmpty { throw ValidationError("give at least one run directory") }
        if !(0...1).contains(agreement) { throw ValidationError("--agreement must be between 0 and 1") }
        if tolerance < 0 { throw ValidationError("--tolerance must not be negative") }
        if check != nil, out != nil { throw ValidationError("--check and --out do not go together") }
    }

    func run() async throws {
        guard let mappingsDir = MappingsDirectory.locate(explicit: mappings) else {
            throw ValidationError("no Mappings folder found: give --mappings DIR or set \(MappingsDirectory.environmentVariable)")
        }
        let datasets: [RunDataset]
        var builder: CatalogueBuilder
        let ita = try MappingsFailure.exitOnError { try ITAMappings(directory: mappingsDir) }
        builder = CatalogueBuilder(indicatorsOfTool: ita.indicatorsOfTool, codeLetters: ita.codeLetters)
        builder.tolerance = tolerance
        builder.minimumAgreement = agreement
        do {
            datasets = try runs.map { try RunDataset.load(URL(fileURLWithPath: $0)) }
            if let check {
                let entries = try CatalogueEntry.read(URL(fileURLWithPath: check))
                let result = builder.check(catalogue: entries, year: year, runs: datasets)
                print(result.text(), terminator: "")
                if !result.consistent { throw ExitCode(1) }
                return
            }
        } catch let e as QualityError {
            throw ValidationError(e.description)
        }
        let result = builder.build(year: year, runs: datasets)
        if let out { try result.tsv().write(toFile: out, atomically: true, encoding: .utf8) }
        print(result.text(), terminator: "")
    }
}
