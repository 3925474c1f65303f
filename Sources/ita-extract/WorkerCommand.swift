import ArgumentParser
import Foundation
import Pipeline

/// `ita-extract worker`: not for people. `extract` starts these and feeds them documents over
/// pipes (Sources/Pipeline/WorkerProtocol.swift), so that a document that crashes, hangs or eats
/// memory costs only its own row.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Read documents for a running extract (started by extract; not for direct use).",
        shouldDisplay: false
    )

    func run() throws {
        let code = WorkerMain.serve()
        if code != 0 { throw ExitCode(code) }
    }
}
