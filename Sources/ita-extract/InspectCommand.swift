import ArgumentParser

/// STUB, to be written.
struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "inspect", abstract: "(not yet written)")
    func run() async throws { throw ExitCode.failure }
}
