import ArgumentParser
import DatasetWrite
import Foundation
import Pipeline

/// `--corrections FILE.jsonl`, the same on `extract` and `merge`: loaded before any document (a
/// malformed file stops the run, exit 2, naming the line), and what it did reported at the end.
enum CorrectionsOption {
    static func load(_ path: String?) throws -> Corrections? {
        guard let path else { return nil }
        do { return try Corrections.load(path: path) } catch let e as CorrectionsError {
            FileHandle.standardError.write(Data("ita-extract: corrections: \(e)\n".utf8))
            throw ExitCode(2)
        }
    }

    static func report(_ summary: RunSummary, quiet: Bool) {
        guard let c = summary.corrections else { return }
        // Never silent: a correction that matched nothing is named even with --quiet.
        for u in c.unmatched {
            FileHandle.standardError.write(Data("ita-extract: warning: correction matches nothing: \(c.file) \(u.description)\n".utf8))
        }
        if !quiet {
            FileHandle.standardError.write(Data("corrections: \(c.applied) of \(c.lines) applied, \(c.unmatched.count) unmatched (manifest.json)\n".utf8))
        }
    }
}
