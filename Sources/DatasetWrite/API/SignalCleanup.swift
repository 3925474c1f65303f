import Dispatch
import Foundation

/// SIGINT and SIGTERM end the run at once without leaving staging folders behind: every claimed
/// output folder gets its staging folder removed (entries carried over from `--out` are moved back
/// first), so an earlier complete dataset stays as it was. Exit status 128 + signal (130, 143), as a
/// shell reports a process killed by it.
public enum SignalCleanup {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    private static let once = NSLock()

    /// Installs the handlers (once per process; later calls do nothing).
    public static func install() {
        once.lock(); defer { once.unlock() }
        guard sources.isEmpty else { return }
        for signo in [SIGINT, SIGTERM] {
            signal(signo, SIG_IGN)  // the dispatch source receives it instead of the default action
            let source = DispatchSource.makeSignalSource(signal: signo, queue: .global())
            source.setEventHandler {
                for folder in OutputFolder.claimed { folder.discardStaging() }
                let name = signo == SIGINT ? "interrupted (SIGINT)" : "terminated (SIGTERM)"
                FileHandle.standardError.write(Data("ita-extract: \(name): unfinished files removed; the output folder holds the last complete dataset\n".utf8))
                _exit(128 + signo)
            }
            source.resume()
            sources.append(source)
        }
    }
}
