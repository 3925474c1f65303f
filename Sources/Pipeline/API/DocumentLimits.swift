/// How far one document may go in its worker process before it is stopped and reported alone
/// (`failed`, stage `timeout` or `memory`), so that one bad file cannot hang or sink the batch.
public struct DocumentLimits: Sendable, Equatable {
    /// `--doc-timeout`: CPU seconds a document may use in its worker: limit = docTimeout × (1 +
    /// pages / pagesPerTimeout). Default 120 s: a 1-page document gets 126 s, 20 pages 240 s, 2,000
    /// pages 12,120 s. Why so generous: OCR takes about 1.2 s of CPU per A4 page at 200 dpi here,
    /// so 6 s per page leaves 5x for big pages and slow builds; the limit stops spinning hangs (a
    /// loop in a PDF library), not slow documents. CPU time, not wall time, because a loaded machine
    /// stretches wall time (a 21-page scan passed a 246 s wall-clock limit in a debug build with 8
    /// builds sharing 2 cores). Until the worker has counted the pages (after the text pass) the
    /// limit is docTimeout. A document that stalls without using CPU is stopped by wall time, at
    /// `wallFactor` times the limit.
    public var docTimeout: Double
    /// `--doc-memory`: resident memory (bytes) a worker may reach; over it the worker is killed and
    /// its document fails with stage `memory`. Default 2 GiB: measured peaks (release build,
    /// Scripts/hostile/measure.sh) were 588 MB for a 2,000-page report, about 640 MB for a one-page PDF
    /// with a 14400 pt MediaBox (the text pass's 72 dpi rulings render) and 107 MB for a 4-page
    /// A4 scan read by OCR at 200 dpi; 2 GiB is 3x the largest, and `--jobs 2` stays under 4 GiB.
    public var docMemory: Int64

    /// Pages per `docTimeout`: see `docTimeout`.
    public static let pagesPerTimeout = 20.0
    /// Wall-clock limit as a multiple of the CPU limit, for documents that stall without using CPU.
    /// 10: measured here, wall time was 10x CPU time for a whole Corpus run with 8 builds sharing 2
    /// cores (6 min 37 s wall, 41 s CPU); a loaded machine must not turn slow documents into failures.
    public static let wallFactor = 10.0

    public init(docTimeout: Double = 120, docMemory: Int64 = 2 << 30) {
        self.docTimeout = docTimeout; self.docMemory = docMemory
    }

    /// Seconds allowed for a document of `pages` pages (nil: not yet known).
    public func timeout(pages: Int?) -> Double {
        docTimeout * (1 + Double(pages ?? 0) / DocumentLimits.pagesPerTimeout)
    }

    /// The worker's own address-space backstop (setrlimit RLIMIT_DATA): for an allocation too fast
    /// for the parent's resident-memory watch (sampled every `WorkerProcess.watchInterval`). Set
    /// above `docMemory` so that the watch, which names the cause, normally acts first; a worker
    /// stopped by it dies by a signal and, having passed `docMemory`, is reported as `memory` too.
    var backstopBytes: Int64 { docMemory + docMemory / 2 }
}
