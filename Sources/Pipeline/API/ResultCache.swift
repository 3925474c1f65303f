import Crypto
import Foundation
import ITAModel

/// Everything a document's result depends on besides the file's bytes. Two runs share cache
/// entries only when all of it is equal, so a changed tool, build, mapping file or OCR setting
/// never serves an old result.
public struct CacheKey: Codable, Hashable, Sendable {
    /// `ita-extract --version`.
    public var toolVersion: String
    /// Digest of the executable (`BuildIdentity`): a rebuilt tool with an unchanged version number may
    /// read documents differently, and a stale value would be silent.
    public var build: String
    /// `MappingsVersion.of`: VERSION plus a digest of every data file.
    public var mappingsVersion: String
    /// "off", or Tesseract languages and dpi ("tha+eng@200").
    public var ocr: String
    /// Digest of the layout settings that differ from the defaults (`--settings FILE.json`); "none"
    /// when all are the defaults.
    public var settings: String
    /// The entries' form (`CacheEntry`, `RecordBinary.version`): a cache written in another form
    /// (JSON entries, before this member) lives under another key folder, never read as this one.
    public var format = "binary \(RecordBinary.version)"

    public init(toolVersion: String, build: String, mappingsVersion: String, ocr: OCROptions?, settings: String = "none") {
        self.toolVersion = toolVersion; self.build = build; self.mappingsVersion = mappingsVersion
        self.ocr = ocr.map { "\($0.languages)@\(Int($0.dpi))" + ($0.digitShapes ? "" : "-no-digit-shapes") } ?? "off"
        self.settings = settings
    }

    /// Names the key's folder in the cache: 16 hex digits of the SHA-256 of the key's sorted JSON.
    public var digest: String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(CacheKey.digest(of: (try? e.encode(self)) ?? Data()).prefix(16))
    }

    /// SHA-256 of `data`, hex.
    public static func digest(of data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}

/// One document's result as the pipeline produced it, before the run-level touches (the
/// `duplicate_input` warning): what the cache keeps and what `merge` reassembles a dataset from.
/// On disk: the magic "ITAREC", `RecordBinary.version`, a byte saying whether the record mentions
/// its source path only in `sourcePath` (not in an error or warning message, so that it is valid
/// for the same bytes under another name), then `RecordBinary.encode`'s timings and record.
enum CacheEntry {
    static let magic: [UInt8] = Array("ITAREC".utf8)
    static var head: [UInt8] { magic + [RecordBinary.version] }

    static func bytes(payload: [UInt8], pathFree: Bool) -> Data {
        var d = Data(capacity: head.count + 1 + payload.count)
        d.append(contentsOf: head); d.append(pathFree ? 1 : 0); d.append(contentsOf: payload)
        return d
    }

    /// The entry's record, timings and path-free flag; nil for anything else (another version, a
    /// JSON entry of an older tool, damage).
    static func read(_ data: Data) -> (record: ReportRecord, timings: StageTimings, pathFree: Bool)? {
        let h = head
        guard data.count > h.count, data.prefix(h.count).elementsEqual(h) else { return nil }
        return data.withUnsafeBytes { raw -> (ReportRecord, StageTimings, Bool)? in
            let flag = raw[h.count]
            guard flag <= 1, let (record, timings) = try? RecordBinary.decode(UnsafeRawBufferPointer(rebasing: raw[(h.count + 1)...]))
            else { return nil }
            return (record, timings, flag == 1)
        }
    }
}

/// Per-document results kept between runs: `DIR/<key digest>/<sha256[0..2]>/<sha256>.rec` (`CacheEntry`).
///
/// Each entry is written under a temporary name and renamed as soon as its document is done, so a
/// run killed at any moment (even `kill -9`) leaves only whole entries, and the same command
/// resumes without redoing them. Several processes may share one folder (shards, `--cache DIR`):
/// entries are immutable for a key, and a rename replaces an entry with an identical one.
/// A result that names its own path in a message is stored under `<sha256>-<path digest>.rec`
/// and only serves that path; the others serve the same bytes under any name.
public struct ResultCache: Sendable {
    public let root: URL
    /// `CacheKey.digest`: names the folder of this key's entries.
    public let keyDigest: String
    /// False with `--fresh`: entries are written but not read.
    public let reads: Bool
    let folder: URL

    /// Opens (creating) the key's folder under `root` and writes `key.json` there for people.
    public init(root: URL, key: CacheKey, reads: Bool = true) throws {
        self.root = root; self.keyDigest = key.digest; self.reads = reads
        folder = root.appendingPathComponent(keyDigest, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let keyFile = folder.appendingPathComponent("key.json")
        if !FileManager.default.fileExists(atPath: keyFile.path) {
            let e = JSONEncoder()
            e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            try ResultCache.writeAtomically(try e.encode(key), to: keyFile)
        }
    }

    /// The entries of a run whose manifest gives `keyDigest` (merge: read only, nothing created).
    init(existing root: URL, keyDigest: String) {
        self.root = root; self.keyDigest = keyDigest; reads = true
        folder = root.appendingPathComponent(keyDigest, isDirectory: true)
    }

    /// The cached result for the file at `path` with content `sha256`, or nil.
    func lookup(sha256: String, path: String) -> (ReportRecord, StageTimings)? {
        guard reads else { return nil }
        return load(sha256: sha256, path: path)
    }

    /// Like `lookup`, also when the cache is opened with `reads: false` (merge reads only).
    func load(sha256: String, path: String) -> (ReportRecord, StageTimings)? {
        for url in [entryURL(sha256: sha256, path: nil), entryURL(sha256: sha256, path: path)] {
            guard let data = FileManager.default.contents(atPath: url.path),
                  let entry = CacheEntry.read(data) else { continue }
            var record = entry.record
            guard record.sha256 == sha256, entry.pathFree || record.sourcePath == path else { continue }
            record.sourcePath = path
            return (record, entry.timings)
        }
        return nil
    }

    /// Keeps `record` (as `DocumentProcessor` returned it); `payload`, when given, is `record` and
    /// `timings` as `RecordBinary.encode` encodes them (a worker's reply), used as it is. Failures
    /// to write are reported by the caller's run summary, never fatal: the cache only saves time.
    func store(_ record: ReportRecord, timings: StageTimings, payload given: [UInt8]? = nil) throws {
        let payload = given ?? RecordBinary.encode(record, timings: timings)
        // A bad_name warning names the path by its bytes (hex), which the search cannot see.
        let pathFree = try !RecordBinary.mentionsPathElsewhere(payload) && !record.warnings.contains { $0.code == .badName }
        let url = entryURL(sha256: record.sha256, path: pathFree ? nil : record.sourcePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try ResultCache.writeAtomically(CacheEntry.bytes(payload: payload, pathFree: pathFree), to: url)
    }

    /// `data.range(of: needle)`: the first occurrence of the bytes (nil for an empty needle), found
    /// with memchr and memcmp. Foundation's search through NSData was a third of `store`'s time in
    /// the parent.
    static func firstRange(of needle: Data, in data: Data) -> Range<Data.Index>? {
        guard !needle.isEmpty, needle.count <= data.count else { return nil }
        let offset: Int? = data.withUnsafeBytes { d in
            needle.withUnsafeBytes { n in
                let base = d.baseAddress!, first = Int32(n[0]), last = d.count - n.count
                var i = 0
                while i <= last {
                    guard let hit = memchr(base + i, first, last - i + 1) else { return nil }
                    let at = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + at, n.baseAddress!, n.count) == 0 { return at }
                    i = at + 1
                }
                return nil
            }
        }
        return offset.map { (data.startIndex + $0)..<(data.startIndex + $0 + needle.count) }
    }

    /// The record of a file that could not be read at all (no content hash): kept by path, read only
    /// by `merge` (an extract run always tries such a file again).
    func storeUnreadable(_ record: ReportRecord) throws {
        let data = CacheEntry.bytes(payload: RecordBinary.encode(record, timings: StageTimings()), pathFree: false)
        let url = unreadableURL(path: record.sourcePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try ResultCache.writeAtomically(data, to: url)
    }

    func loadUnreadable(path: String) -> ReportRecord? {
        guard let data = FileManager.default.contents(atPath: unreadableURL(path: path).path),
              let entry = CacheEntry.read(data),
              entry.record.sourcePath == path else { return nil }
        return entry.record
    }

    func entryURL(sha256: String, path: String?) -> URL {
        let name = path.map { "\(sha256)-\(FileDigest.sha256(string: $0).prefix(16)).rec" } ?? "\(sha256).rec"
        return folder.appendingPathComponent(String(sha256.prefix(2)), isDirectory: true).appendingPathComponent(name)
    }

    func unreadableURL(path: String) -> URL {
        folder.appendingPathComponent("unreadable", isDirectory: true)
            .appendingPathComponent("\(FileDigest.sha256(string: path).prefix(32)).rec")
    }

    // A new coder per call: documents finish on several threads at once. The workers' coders: a box
    // on a zero or giant MediaBox may hold a NaN or an infinity, which plain JSON cannot.
    static var encoder: JSONEncoder { WorkerWire.encoder() }
    static var decoder: JSONDecoder { WorkerWire.decoder() }

    /// Writes `data` to a unique temporary name beside `url`, then renames it over `url`: readers see
    /// the old entry or the new one, never part of one.
    static func writeAtomically(_ data: Data, to url: URL) throws {
        let tmp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        guard FileManager.default.createFile(atPath: tmp.path, contents: data) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: tmp.path])
        }
        if rename(tmp.path, url.path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(at: tmp)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }
}

/// `--cache DIR` / `--fresh`.
public struct CacheLocation: Sendable, Hashable {
    public var directory: URL
    /// Ignore what is cached (results are still written, for the next run).
    public var fresh: Bool

    public init(directory: URL, fresh: Bool = false) { self.directory = directory; self.fresh = fresh }

    /// The default: a `.cache` folder inside the output folder (the atomic swap of the output folder
    /// carries it over to the new dataset).
    public static func inside(_ outputDirectory: URL, fresh: Bool = false) -> CacheLocation {
        CacheLocation(directory: outputDirectory.appendingPathComponent(".cache", isDirectory: true), fresh: fresh)
    }
}
