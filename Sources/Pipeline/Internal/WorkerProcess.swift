import Foundation
import ITAModel

/// One `ita-extract worker` child process, seen from the parent: spawn, hand it a document, wait
/// for the answer under the document's time and memory limits, and kill it when it breaks them.
/// Used from one thread at a time (the pool hands a worker to one document at a time).
final class WorkerProcess {
    /// How often (ms) the parent looks at a busy worker's resident memory (/proc/PID/statm) and the
    /// clock. A fast allocation can pass --doc-memory by what it allocates in that time; the
    /// worker's RLIMIT_DATA backstop (DocumentLimits.backstopBytes) bounds the overshoot.
    static let watchInterval: Int32 = 20

    private static let spawnLock = NSLock()

    let pid: pid_t
    /// The worker's /proc statm, open while it lives (`residentPages`).
    private let resident: ResidentWatch
    private let toWorker: Int32
    private let reader: LineReader
    private(set) var alive = true

    /// What became of one document.
    enum Outcome {
        /// The record, its timings, and both as the worker encoded them (`RecordBinary`).
        case done(ReportRecord, StageTimings, [UInt8]?)
        /// The worker was stopped or died; the error is the document's (stage crash/timeout/memory).
        case lost(DocumentError, pages: Int?)
    }

    /// Starts `executable worker` and sends it `config`.
    init(executable: String, config: WorkerConfig) throws {
        // One spawn at a time: the pipes are marked close-on-exec after pipe() (Glibc's pipe2 is not
        // visible to Swift), and another worker started in between must not inherit them (a worker
        // holding a sibling's pipe would keep it open after the sibling died).
        WorkerProcess.spawnLock.lock()
        defer { WorkerProcess.spawnLock.unlock() }
        var toChild: [Int32] = [0, 0], fromChild: [Int32] = [0, 0]
        guard pipe(&toChild) == 0 else { throw WorkerError("pipe: \(String(cString: strerror(errno)))") }
        guard pipe(&fromChild) == 0 else {
            close(toChild[0]); close(toChild[1])
            throw WorkerError("pipe: \(String(cString: strerror(errno)))")
        }
        for fd in toChild + fromChild { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // dup2 clears close-on-exec on the copies, so the child keeps exactly stdin, stdout, stderr.
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        let args = [executable, "worker"]
        var argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, executable, &actions, nil, &argv, environ)
        close(toChild[0]); close(fromChild[1])
        guard rc == 0 else {
            close(toChild[1]); close(fromChild[0])
            throw WorkerError("cannot start \(executable) worker: \(String(cString: strerror(rc)))")
        }
        pid = child
        resident = ResidentWatch(pid: child)
        toWorker = toChild[1]
        reader = LineReader(fd: fromChild[0])
        guard WorkerWire.write(try WorkerWire.line(config), to: toWorker) else {
            stop()
            throw WorkerError("worker \(child) exited at start")
        }
    }

    deinit { stop() }

    /// Reads one document. Blocks until the answer comes, the worker dies, or a limit is passed.
    func run(_ request: WorkerRequest, limits: DocumentLimits) -> Outcome {
        let started = DispatchTime.now().uptimeNanoseconds
        lastLimits = limits
        var pages: Int?
        guard let line = try? WorkerWire.line(request), WorkerWire.write(line, to: toWorker) else {
            return .lost(died(), pages: nil)
        }
        let pageSize = Int64(sysconf(Int32(_SC_PAGESIZE)))
        let cpuKnownAtStart = cpuSeconds()
        let cpuAtStart = cpuKnownAtStart ?? 0
        let decoder = WorkerWire.decoder()
        // OCR pages this worker reported pending: counted in this process's backlog (the progress
        // line) until the worker says they are done, or the document ends however it ends.
        var ocrPending = 0
        defer { if ocrPending != 0 { OCRBacklog.shared.add(-ocrPending) } }
        while true {
            while let message = reader.nextBufferedLine() {
                guard let m = try? decoder.decode(WorkerMessage.self, from: Data(message)) else {
                    stop()
                    return .lost(DocumentError(stage: "crash", reason: "bad_reply",
                                               message: "the worker process sent an unreadable reply; it was stopped"), pages: pages)
                }
                if let n = m.recordBytes {
                    // The record's bytes may not all have arrived yet.
                    guard n >= 0, let body = reader.readBytes(n) else { return .lost(died(), pages: pages) }
                    guard let (record, timings) = try? RecordBinary.decode(body) else {
                        stop()
                        return .lost(DocumentError(stage: "crash", reason: "bad_reply",
                                                   message: "the worker process sent an unreadable reply; it was stopped"), pages: pages)
                    }
                    return .done(record, timings, body)
                }
                if let p = m.pages { pages = p }
                if let change = m.ocrPending { ocrPending += change; OCRBacklog.shared.add(change) }
            }
            var pfd = pollfd(fd: reader.fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, WorkerProcess.watchInterval)
            if ready > 0 {
                if !reader.fill() { return .lost(died(), pages: pages) }
                continue
            }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            let allowed = limits.timeout(pages: pages)
            let wallAllowed = allowed * DocumentLimits.wallFactor
            // /proc/PID/stat is read only when the limit can have been passed: the worker cannot
            // have used more CPU than every processor for the whole time since `started` (plus a
            // second for the ticks' rounding). The kernel builds the whole stat line on each read:
            // at one read a poll it was 1.4% of a run's CPU. The wall-clock message wants the figure.
            let mayBeOver = cpuKnownAtStart == nil || (elapsed + 1) * WorkerProcess.processors >= allowed || elapsed > wallAllowed
            let cpu = mayBeOver ? (cpuSeconds() ?? cpuAtStart) - cpuAtStart : 0
            if cpu > allowed || elapsed > wallAllowed {
                stop()
                let what = pages.map { "\($0) page\($0 == 1 ? "" : "s")" } ?? "a document whose pages were not yet counted"
                let message = cpu > allowed
                    ? String(format: "stopped after %.0f s of CPU time, over the --doc-timeout limit of %.0f s for %@", cpu, allowed, what)
                    : String(format: "stopped after %.0f s (%.0f s of CPU time), over the wall-clock limit of %.0f s (%g x --doc-timeout) for %@",
                             elapsed, cpu, wallAllowed, DocumentLimits.wallFactor, what)
                return .lost(DocumentError(stage: "timeout", reason: "doc_timeout", message: message), pages: pages)
            }
            if let resident = residentPages(), resident * pageSize > limits.docMemory {
                stop()
                return .lost(memoryError(bytes: resident * pageSize, limits: limits), pages: pages)
            }
        }
    }

    private func memoryError(bytes: Int64, limits: DocumentLimits) -> DocumentError {
        DocumentError(stage: "memory", reason: "doc_memory",
                      message: "stopped at \(bytes >> 20) MB resident, over the --doc-memory limit of \(limits.docMemory >> 20) MB")
    }

    /// The worker's CPU time so far, user + system (fields 14 and 15 of /proc/PID/stat).
    private func cpuSeconds() -> Double? {
        guard let ticks = ProcFields.cpuTicks(pid: pid) else { return nil }
        return (Double(ticks.user) + Double(ticks.system)) / WorkerProcess.clockTicks
    }

    /// Clock ticks a second (sysconf), for /proc's times.
    private static let clockTicks = Double(sysconf(Int32(_SC_CLK_TCK)))

    /// Processors configured (sysconf; at least the ones online): a process uses at most this many
    /// CPU seconds a second.
    private static let processors = Double(max(1, sysconf(Int32(_SC_NPROCESSORS_CONF))))

    /// The worker's resident set in pages (second field of /proc/PID/statm).
    private func residentPages() -> Int64? {
        resident.residentPages()
    }

    /// The worker ended in the middle of a document: reap it and say how.
    private func died() -> DocumentError {
        close(toWorker); close(reader.fd)
        alive = false
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let peakMB = usage.ru_maxrss / 1024  // kilobytes on Linux
        let signalled = (status & 0x7F) != 0 && (status & 0x7F) != 0x7F
        if signalled {
            let sig = status & 0x7F
            let name = String(cString: strsignal(sig))
            // Its memory backstop (RLIMIT_DATA) makes an allocation fail and the worker abort: when
            // it had passed --doc-memory on the way, that is what ended it.
            if let limit = lastLimits, Int64(usage.ru_maxrss) * 1024 > limit.docMemory {
                return DocumentError(stage: "memory", reason: "doc_memory",
                                     message: "the worker process died (signal \(sig), \(name)) at \(peakMB) MB resident, over the --doc-memory limit of \(limit.docMemory >> 20) MB")
            }
            return DocumentError(stage: "crash", reason: "signal_\(sig)",
                                 message: "the worker process reading this document died by signal \(sig) (\(name)), peak \(peakMB) MB resident; the document was not read")
        }
        let code = (status >> 8) & 0xFF
        return DocumentError(stage: "crash", reason: "exit_\(code)",
                             message: "the worker process reading this document exited with status \(code) before answering")
    }

    /// Limits of the document in hand, for `died`.
    var lastLimits: DocumentLimits?

    /// Kills and reaps the worker (idempotent).
    func stop() {
        guard alive else { return }
        alive = false
        kill(pid, SIGKILL)
        close(toWorker); close(reader.fd)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }

    /// Asks an idle worker to finish (its input closes) and reaps it.
    func finish() {
        guard alive else { return }
        alive = false
        close(toWorker)
        close(reader.fd)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }
}

struct WorkerError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
