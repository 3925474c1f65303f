import ArgumentParser

/// STUB, to be written.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "diff", abstract: "(not yet written)")
    func run() async throws { throw ExitCode.failure }
}
