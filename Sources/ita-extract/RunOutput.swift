import Foundation
import ITAModel
import Pipeline

/// What `extract` and `merge` print on stderr besides the progress line.
enum RunOutput {
    /// A line per failed document (always), and per other document with --verbose.
    static func documentLine(reporter: ProgressReporter, verbose: Bool) -> @Sendable (ReportRecord) -> Void {
        { record in
            if let e = record.error {
                reporter.note("\(record.sourcePath): failed (\(e.stage): \(e.reason)) \(e.message)")
            } else if verbose {
                reporter.note("\(record.sourcePath): \(record.status.rawValue): \(record.indicators.count) indicators, "
                              + "\(record.questions.count) questions, \(record.measures.count) measures"
                              + (record.warnings.isEmpty ? "" : ", \(record.warnings.count) warning\(record.warnings.count == 1 ? "" : "s")"))
            }
        }
    }

    /// The end summary: counts, time, where the output and the errors are. With --quiet only the
    /// pointer to the errors, when there are any.
    static func summary(_ s: RunSummary, out: String, reporter: ProgressReporter) {
        for f in s.cacheFailures { reporter.note("ita-extract: warning: result not cached: \(f)") }
        let errorsFile = URL(fileURLWithPath: out).appendingPathComponent("errors.jsonl").path
        let problems = s.failed + s.partial
        let errors = problems == 0 ? "no errors"
            : "\(s.failed) failed and \(s.partial) partly read: details in \(errorsFile) (one line each: stage, reason, message)"
        if reporter.style == .quiet {
            if problems > 0 { reporter.note(errors) }
            return
        }
        var counts = "\(s.documents) documents (\(s.ok) ok, \(s.partial) partial, \(s.failed) failed"
        if s.duplicates > 0 { counts += ", \(s.duplicates) duplicate files read once" }
        if s.cached > 0 { counts += ", \(s.cached) from the cache" }
        counts += ")"
        reporter.note(String(format: "%@ in %.2f s -> %@; %@", counts, s.wallSeconds, out, errors))
    }
}
