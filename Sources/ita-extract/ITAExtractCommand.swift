import ArgumentParser

/// `ita-extract`: Thai ITA report PDFs in, a research dataset out.
@main
struct ITAExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ita-extract",
        abstract: "Turn Thai ITA (Integrity and Transparency Assessment) report PDFs into a research dataset.",
        version: ToolVersion.current,
        subcommands: [ExtractCommand.self, MergeCommand.self, ReviewCommand.self, NormaliseCommand.self, InspectCommand.self, EvalCommand.self, DiffCommand.self, CatalogueCommand.self, WorkerCommand.self]
    )

    static func main() async {
        if let message = DashPathGuard.problem(Array(CommandLine.arguments.dropFirst())) {
            Self.exit(withError: ValidationError(message))
        }
        do {
            var command = try parseAsRoot()
            if var async = command as? AsyncParsableCommand { try await async.run() } else { try command.run() }
        } catch {
            exit(withError: error)
        }
    }
}

