import ArgumentParser

/// `ita-extract`: Thai ITA report PDFs in, a research dataset out.
@main
struct ITAExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ita-extract",
        abstract: "Turn Thai ITA (Integrity and Transparency Assessment) report PDFs into a research dataset.",
        version: ToolVersion.current,
        subcommands: [ExtractCommand.self, MergeCommand.self, NormaliseCommand.self, InspectCommand.self, EvalCommand.self, DiffCommand.self, CatalogueCommand.self]
    )
}

