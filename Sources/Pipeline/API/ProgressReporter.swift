import Foundation
import ITAModel

/// What a long run shows on stderr: on a terminal, one line redrawn in place; in a log (Slurm, a
/// file, a pipe), a plain line every `logInterval`; with `--quiet`, nothing but failures. Failures are
/// always printed, one line each, above the progress line.
public final class ProgressReporter: @unchecked Sendable {
    public enum Style: Sendable { case terminal, log, quiet }

    /// Seconds between plain lines in a log. Why 30: a day-long OCR run logs under 3,000 lines, and a
    /// stalled job still shows within half a minute.
    public static let logInterval = 30.0
    /// Seconds between redraws of the terminal line: fast enough to look live, cheap on 2 cores.
    public static let terminalInterval = 0.5

    /// The counts one progress line shows.
    public struct Snapshot: Sendable, Equatable {
        public var done = 0
        public var total = 0
        /// Pages of the documents done.
        public var pages = 0
        public var failed = 0
        public var ocrPending = 0
        public var elapsed = 0.0

        public init(done: Int = 0, total: Int = 0, pages: Int = 0, failed: Int = 0, ocrPending: Int = 0, elapsed: Double = 0) {
            self.done = done; self.total = total; self.pages = pages; self.failed = failed
            self.ocrPending = ocrPending; self.elapsed = elapsed
        }
    }

    /// "412/2000 documents (21%), 38.2 pages/s, 12 OCR pages pending, 3 failed, elapsed 1m02s, ETA 3m55s".
    /// The ETA assumes the remaining documents go at the average pace so far ("ETA ?" before the first).
    public static func line(_ s: Snapshot) -> String {
        let percent = s.total > 0 ? s.done * 100 / s.total : 100
        var parts = ["\(s.done)/\(s.total) documents (\(percent)%)"]
        parts.append(s.elapsed > 0 ? String(format: "%.1f pages/s", Double(s.pages) / s.elapsed) : "- pages/s")
        if s.ocrPending > 0 { parts.append("\(s.ocrPending) OCR page\(s.ocrPending == 1 ? "" : "s") pending") }
        parts.append("\(s.failed) failed")
        parts.append("elapsed \(duration(s.elapsed))")
        if s.done >= s.total { parts.append("done") }
        else if s.done == 0 { parts.append("ETA ?") }
        else { parts.append("ETA \(duration(s.elapsed / Double(s.done) * Double(s.total - s.done)))") }
        return parts.joined(separator: ", ")
    }

    /// "7s", "1m02s", "3h04m".
    public static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s)s" }
        if s < 3600 { return String(format: "%dm%02ds", s / 60, s % 60) }
        return String(format: "%dh%02dm", s / 3600, (s % 3600) / 60)
    }

    public let style: Style
    private let write: @Sendable (String) -> Void
    private let lock = NSLock()
    private var snapshot = Snapshot()
    private var start = DispatchTime.now().uptimeNanoseconds
    private var timer: DispatchSourceTimer?
    private var lineShown = false

    /// `write` receives finished text (with its line ends); the default is stderr.
    public init(style: Style, write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.style = style; self.write = write
    }

    /// Terminal when stderr is one, else log; quiet when asked.
    public static func forStandardError(quiet: Bool) -> ProgressReporter {
        ProgressReporter(style: quiet ? .quiet : (isatty(STDERR_FILENO) != 0 ? .terminal : .log))
    }

    /// Starts the clock and the periodic line; `total` is the number of documents to be written.
    public func begin(total: Int) {
        lock.withLock {
            snapshot.total = total
            start = DispatchTime.now().uptimeNanoseconds
        }
        let interval: Double
        switch style {
        case .quiet: return
        case .terminal: interval = Self.terminalInterval
        case .log: interval = Self.logInterval
        }
        let t = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
        t.schedule(deadline: .now() + interval, repeating: interval)
        t.setEventHandler { [weak self] in self?.tick() }
        lock.withLock { timer = t }
        t.resume()
    }

    /// One document written.
    public func documentDone(_ record: ReportRecord) {
        lock.withLock {
            snapshot.done += 1
            snapshot.pages += record.pages ?? 0
            if record.status == .failed { snapshot.failed += 1 }
        }
    }

    /// Prints `text` as a line of its own (above the terminal's progress line); with `.quiet` too,
    /// since the caller only sends what must be seen (failures).
    public func note(_ text: String) {
        lock.withLock {
            if style == .terminal && lineShown {
                write("\r\u{1B}[K" + text + "\n" + "\r" + Self.line(snapshotNow()) + "\u{1B}[K")
            } else {
                write(text + "\n")
            }
        }
    }

    /// The counts now.
    public var current: Snapshot { lock.withLock { snapshotNow() } }

    /// Stops the periodic line and clears the terminal's.
    public func finish() {
        lock.withLock {
            timer?.cancel()
            timer = nil
            if style == .terminal && lineShown { write("\r\u{1B}[K"); lineShown = false }
        }
    }

    private func snapshotNow() -> Snapshot {
        var s = snapshot
        s.elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        s.ocrPending = OCRBacklog.shared.pending
        return s
    }

    private func tick() {
        lock.withLock {
            guard timer != nil else { return }
            switch style {
            case .terminal:
                write("\r" + Self.line(snapshotNow()) + "\u{1B}[K")
                lineShown = true
            case .log:
                write("progress: " + Self.line(snapshotNow()) + "\n")
            case .quiet:
                break
            }
        }
    }
}
