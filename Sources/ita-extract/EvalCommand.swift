import ArgumentParser

/// STUB, to be written.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "eval", abstract: "(not yet written)")
    func run() async throws { throw ExitCode.failure }
}
