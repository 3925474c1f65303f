import Foundation
import PageLayout
import ITAModel

/// Reads one document (already hashed) into its record: the one call `ExtractionPipeline.run`
/// makes per document. Two kinds: `InProcessRunner` (in this process; tests, `--in-process`) and
/// `WorkerPoolRunner` (in `ita-extract worker` processes with time and memory limits, the default
/// of `extract`). Wrappers (a result cache, say) can stand in front of either.
public protocol DocumentRunner: Sendable {
    /// The record and stage timings of the document at `input` whose SHA-256 is `digest`.
    /// Never throws: whatever goes wrong is the record's error.
    func run(_ input: InputPath, digest: String) async -> (ReportRecord, StageTimings)
    /// As `run`, with the record and timings in `RecordBinary` form when the runner has them already
    /// (a worker's reply), so that the cache stores those bytes instead of encoding the record again.
    func runEncoded(_ input: InputPath, digest: String) async -> (ReportRecord, StageTimings, [UInt8]?)
    /// Releases what the runner holds (worker processes); called once when the run is over.
    func finish()
}

extension DocumentRunner {
    public func runEncoded(_ input: InputPath, digest: String) async -> (ReportRecord, StageTimings, [UInt8]?) {
        let (record, timings) = await run(input, digest: digest)
        return (record, timings, nil)
    }
}

/// Reads documents in this process. A crash in a C library takes the whole run with it: the
/// worker pool is what `extract` uses.
public struct InProcessRunner: DocumentRunner {
    let processor: DocumentProcessor

    public func run(_ input: InputPath, digest: String) async -> (ReportRecord, StageTimings) {
        processor.process(input, digest: digest)
    }

    public func finish() {}
}

extension DocumentProcessor {
    /// `process` for an input path of any bytes. A name that is not UTF-8 cannot be passed as a
    /// Swift string: the file is opened by its bytes and read through /proc/self/fd (Linux), its
    /// row keeps the escaped path, and a `bad_name` warning gives the bytes.
    func process(_ input: InputPath, digest: String, pagesCounted: ((Int) -> Void)? = nil,
                 ocrPending: ((Int) -> Void)? = nil) -> (ReportRecord, StageTimings) {
        guard input.isEscaped else {
            return process(path: input.display, digest: digest, pagesCounted: pagesCounted, ocrPending: ocrPending)
        }
        let fd = input.withCPath { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else {
            let record = ReportRecord(docID: String(digest.prefix(16)), sourcePath: input.display, sha256: digest, status: .failed,
                                      error: DocumentError(stage: "read", reason: "unreadable",
                                                           message: "cannot open the file: \(String(cString: strerror(errno)))"))
            return (record, StageTimings())
        }
        defer { close(fd) }
        var (record, timings) = process(path: "/proc/self/fd/\(fd)", digest: digest, pagesCounted: pagesCounted, ocrPending: ocrPending)
        record.sourcePath = input.display
        record.warnings.append(Warning(code: .badName,
                                       message: "the file name is not valid UTF-8 (a TIS-620 name, say): source_path shows the bytes that are not as \\xHH; the path's bytes in hex are \(input.hex)"))
        return (record, timings)
    }
}

/// Reads documents in a pool of `ita-extract worker` processes, at most one document per worker
/// at a time, workers reused across documents (a process start and the mappings load are paid
/// once per worker, not per document) and replaced when one dies or is stopped. A document whose
/// worker dies by a signal, passes `--doc-timeout` or `--doc-memory` fails alone, with stage
/// `crash` (reason `signal_N`), `timeout` (`doc_timeout`) or `memory` (`doc_memory`).
public final class WorkerPoolRunner: DocumentRunner, @unchecked Sendable {
    let executable: String
    let config: WorkerConfig
    let limits: DocumentLimits
    private let lock = NSLock()
    private var idle: [WorkerProcess] = []

    /// `executable` is this tool's binary (it is run as `executable worker`).
    public init(executable: String, mappings: URL, ocr: OCROptions?, layout: LayoutSettings,
                interpret: InterpretSettings = InterpretSettings(), limits: DocumentLimits) {
        self.executable = executable
        self.limits = limits
        config = WorkerConfig(mappings: mappings.path, ocr: ocr, layout: layout, interpret: interpret, dataLimit: limits.backstopBytes)
        // A worker that dies while being written to must give the writer EPIPE, not kill the run.
        signal(SIGPIPE, SIG_IGN)
    }

    /// The binary now running (Linux /proc/self/exe), for the workers.
    public static var currentExecutable: String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        return n > 0 ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : nil
    }

    public func run(_ input: InputPath, digest: String) async -> (ReportRecord, StageTimings) {
        let (record, timings, _) = await runEncoded(input, digest: digest)
        return (record, timings)
    }

    public func runEncoded(_ input: InputPath, digest: String) async -> (ReportRecord, StageTimings, [UInt8]?) {
        // The wait is blocking (poll on the worker's pipe): done on a dispatch thread, so that the
        // concurrency pool's few threads are not held.
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: self.runBlocking(input, digest: digest))
            }
        }
    }

    private func runBlocking(_ input: InputPath, digest: String) -> (ReportRecord, StageTimings, [UInt8]?) {
        func failed(_ error: DocumentError, pages: Int? = nil) -> (ReportRecord, StageTimings, [UInt8]?) {
            (ReportRecord(docID: String(digest.prefix(16)), sourcePath: input.display, sha256: digest, pages: pages,
                          status: .failed, error: error), StageTimings(), nil)
        }
        let worker: WorkerProcess
        do {
            worker = try take() ?? WorkerProcess(executable: executable, config: config)
        } catch {
            return failed(DocumentError(stage: "crash", reason: "worker_unavailable", message: "\(error)"))
        }
        switch worker.run(WorkerRequest(path: Data(input.bytes), digest: digest), limits: limits) {
        case .done(let record, let timings, let payload):
            give(worker)
            return (record, timings, payload)
        case .lost(let error, let pages):
            return failed(error, pages: pages)
        }
    }

    private func take() -> WorkerProcess? {
        lock.lock(); defer { lock.unlock() }
        return idle.popLast()
    }

    private func give(_ worker: WorkerProcess) {
        lock.lock(); defer { lock.unlock() }
        idle.append(worker)
    }

    public func finish() {
        lock.lock(); let all = idle; idle = []; lock.unlock()
        all.forEach { $0.finish() }
    }
}
