import ArgumentParser

/// STUB, to be written.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "extract", abstract: "(not yet written)")
    func run() async throws { throw ExitCode.failure }
}
