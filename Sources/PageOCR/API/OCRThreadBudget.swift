// The run's OCR threads are a budget shared by all its processes (documents run in worker processes):
// a long scan may OCR its pages on several threads, but never more pages are recognised at once,
// across all documents and workers, than `--jobs`. The budget is a folder of lock files, one per
// thread: a page is recognised while its thread holds an exclusive flock on one of them. flock
// locks are per open file, so the same folder limits threads of one process and of several alike.
import Foundation

/// A share of the run's OCR threads; see the file comment.
public struct OCRThreadBudget: Sendable, Codable, Equatable {
    /// The folder of lock files (`slot-0` ...), made by `OCRSlotFolder`.
    public var folder: String
    /// Pages recognised at once over the whole run; also the threads one document may use.
    public var threads: Int

    public init(folder: String, threads: Int) {
        self.folder = folder; self.threads = max(1, threads)
    }

    /// How long a thread that found every slot taken waits before it looks again. Why 10 ms: a page
    /// takes about a second, so the wait costs at most 1% while the poll costs nothing measurable.
    static let pollInterval: useconds_t = 10_000

    /// Takes a free slot, waiting while all are taken, and returns its locked descriptor; give it
    /// back with `release`. Returns -1 when the folder is unusable (removed under us): the page is
    /// then read without a slot rather than never.
    func acquire() -> Int32 {
        while true {
            if let fd = tryAcquire() { return fd }
            usleep(Self.pollInterval)
        }
    }

    /// Takes a slot if one is free now (nil when all are taken; -1 when the folder is unusable, as
    /// `acquire`).
    func tryAcquire() -> Int32? {
        var usable = false
        for i in 0..<threads {
            let fd = open("\(folder)/slot-\(i)", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            guard fd >= 0 else { continue }
            usable = true
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { return fd }
            close(fd)
        }
        return usable ? nil : -1
    }

    func release(_ fd: Int32) {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
    }
}

/// Owns a budget's folder for a run: made in the temporary folder, removed when the run's last
/// reference goes.
public final class OCRSlotFolder: Sendable {
    public let budget: OCRThreadBudget

    /// Makes the folder for `threads` slots; nil when it cannot be made (OCR then runs one page at a
    /// time per document, as it did before page parallelism).
    public init?(threads: Int) {
        Self.removeOrphans()
        var template = Array((NSTemporaryDirectory() + "/\(Self.prefix)\(getpid())-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { return nil }
        budget = OCRThreadBudget(folder: String(cString: made), threads: threads)
    }

    /// Folder names: the prefix, the owning run's pid, a dash and mkdtemp's suffix.
    static let prefix = "ita-extract-ocr-"

    /// Removes the folders of runs that died without their deinit (kill -9, a Slurm time-out), so
    /// that they do not pile up in a shared node's temporary folder: a folder whose pid no longer
    /// runs is an orphan (a reused pid only keeps one folder a little longer).
    static func removeOrphans() {
        let tmp = NSTemporaryDirectory()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: tmp) else { return }
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0 else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(atPath: (tmp as NSString).appendingPathComponent(name))
            }
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: budget.folder)
    }
}
