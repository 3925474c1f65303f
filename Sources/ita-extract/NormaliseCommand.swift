import ArgumentParser

/// STUB, to be written.
struct NormaliseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "normalise", abstract: "(not yet written)")
    func run() async throws { throw ExitCode.failure }
}
