import Foundation
import ITAModel

/// Where `ExtractionPipeline.run` gets each document's result: the cache when it holds one, else the
/// document processor (and the result is cached at once, so a killed run resumes from there); in
/// `merge`, the shards' caches only.
final class DocumentResults: @unchecked Sendable {
    /// Extract: `cache` may be nil (no cache). Merge: `mergeCaches` are searched in order.
    let cache: ResultCache?
    let mergeCaches: [ResultCache]?
    private let lock = NSLock()
    private var hitCount = 0
    private var storeFailures: [String] = []

    init(cache: ResultCache?) { self.cache = cache; mergeCaches = nil }
    init(mergeFrom caches: [ResultCache]) { cache = nil; mergeCaches = caches }

    /// Documents served from the cache so far.
    var hits: Int { lock.withLock { hitCount } }
    /// Entries that could not be written (first few messages): the run is still right, only slower next time.
    var failures: [String] { lock.withLock { storeFailures } }

    /// The result for the readable file at `path` (content `digest`): cached, or `process()` (then cached).
    /// `process` may give the record in `RecordBinary` form as well (a worker's reply): the cache then keeps those bytes.
    func result(path: String, digest: String,
                process: () async -> (ReportRecord, StageTimings, [UInt8]?)) async -> (ReportRecord, StageTimings) {
        if let caches = mergeCaches {
            for c in caches { if let hit = c.load(sha256: digest, path: path) { return hit } }
            return (Self.missing(path: path, sha256: digest), StageTimings())
        }
        // A worker's crash, timeout or memory kill is kept for `merge` but read again by extract: it may
        // have been the machine's load or a limit raised since (--doc-timeout, --doc-memory).
        if let cache, let (record, _) = cache.lookup(sha256: digest, path: path),
           !["crash", "timeout", "memory"].contains(record.error?.stage ?? "") {
            lock.withLock { hitCount += 1 }
            return (record, StageTimings())
        }
        let (record, timings, payload) = await process()
        if let cache {
            do { try cache.store(record, timings: timings, payload: payload) } catch { noteFailure(path, error) }
        }
        return (record, timings)
    }

    /// The record of a file that could not be read: kept for `merge`, which takes it from the shard's cache.
    func unreadable(_ record: ReportRecord) -> ReportRecord {
        if let caches = mergeCaches {
            for c in caches { if let r = c.loadUnreadable(path: record.sourcePath) { return r } }
            return Self.missing(path: record.sourcePath, sha256: "")
        }
        if let cache {
            do { try cache.storeUnreadable(record) } catch { noteFailure(record.sourcePath, error) }
        }
        return record
    }

    /// Throws when `record` stands for a result `merge` could not find (never the case in extract).
    func verify(_ record: ReportRecord) throws {
        if record.error?.stage == Self.missingStage { throw MergeError.recordMissing(path: record.sourcePath, sha256: record.sha256) }
    }

    private static let missingStage = "merge"
    private static func missing(path: String, sha256: String) -> ReportRecord {
        ReportRecord(docID: String(sha256.prefix(16)), sourcePath: path, sha256: sha256, status: .failed,
                     error: DocumentError(stage: missingStage, reason: "record_missing", message: "no cached result"))
    }

    private func noteFailure(_ path: String, _ error: Error) {
        lock.withLock { if storeFailures.count < 5 { storeFailures.append("\(path): \(error)") } }
    }
}
