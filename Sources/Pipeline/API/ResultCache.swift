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
struct CacheEntry: Codable {
    var record: ReportRecord
    var timings: StageTimings
    /// Whether `record` mentions its source path only in `sourcePath` (not in an error or warning
    /// message), so that it is valid for the same bytes under another name.
    var pathFree: Bool
}

/// Per-document results kept between runs: `DIR/<key digest>/<sha256[0..2]>/<sha256>.json`.
///
/// Each entry is written under a temporary name and renamed as soon as its document is done, so a
/// run killed at any moment (even `kill -9`) leaves only whole entries, and the same command
/// resumes without redoing them. Several processes may share one folder (shards, `--cache DIR`):
/// entries are immutable for a key, and a rename replaces an entry with an identical one.
/// A result that names its own path in a message is stored under `<sha256>-<path digest>.json`
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
                  let entry = try? ResultCache.decoder.decode(CacheEntry.self, from: data) else { continue }
            var record = entry.record
            guard record.sha256 == sha256, entry.pathFree || record.sourcePath == path else { continue }
            record.sourcePath = path
            return (record, entry.timings)
        }
        return nil
    }

    /// Keeps `record` (as `DocumentProcessor` returned it); `recordJSON`, when given, is `record` as
    /// `encoder` encodes it (a worker's reply), used as it is. Failures to write are reported by the
    /// caller's run summary, never fatal: the cache only saves time.
    func store(_ record: ReportRecord, timings: StageTimings, recordJSON given: Data? = nil) throws {
        let encoder = ResultCache.encoder
        let pathJSON = try encoder.encode([record.sourcePath])
        let quoted = Data(pathJSON.dropFirst(2).dropLast(2))  // the path as JSON text, without ["..."]
        // The record is encoded once: the record with a blank path is the same bytes with the one
        // "sourcePath" member (a key no nested value has) emptied, and the entry is its members
        // in sorted-key order around the record's bytes, as the encoder would write them (no
        // whitespace). Encoding the record three times was 2.6% of a run's CPU in the parent.
        let recordJSON = try given ?? encoder.encode(record)
        let member = Data("\"sourcePath\":\"".utf8) + quoted + Data("\"".utf8)
        let blankJSON: Data
        if let r = ResultCache.firstRange(of: member, in: recordJSON) {
            var b = recordJSON
            b.replaceSubrange(r, with: Data("\"sourcePath\":\"\"".utf8))
            blankJSON = b
        } else {
            var blank = record
            blank.sourcePath = ""
            blankJSON = try encoder.encode(blank)
        }
        // A bad_name warning names the path by its bytes (hex), which the search above cannot see.
        let pathFree = (quoted.isEmpty || ResultCache.firstRange(of: quoted, in: blankJSON) == nil)
            && !record.warnings.contains { $0.code == .badName }
        let data = Data("{\"pathFree\":\(pathFree),\"record\":".utf8) + recordJSON
            + Data(",\"timings\":".utf8) + (try encoder.encode(timings)) + Data("}".utf8)
        let url = entryURL(sha256: record.sha256, path: pathFree ? nil : record.sourcePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try ResultCache.writeAtomically(data, to: url)
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
        let data = try ResultCache.encoder.encode(CacheEntry(record: record, timings: StageTimings(), pathFree: false))
        let url = unreadableURL(path: record.sourcePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try ResultCache.writeAtomically(data, to: url)
    }

    func loadUnreadable(path: String) -> ReportRecord? {
        guard let data = FileManager.default.contents(atPath: unreadableURL(path: path).path),
              let entry = try? ResultCache.decoder.decode(CacheEntry.self, from: data),
              entry.record.sourcePath == path else { return nil }
        return entry.record
    }

    func entryURL(sha256: String, path: String?) -> URL {
        let name = path.map { "\(sha256)-\(FileDigest.sha256(string: $0).prefix(16)).json" } ?? "\(sha256).json"
        return folder.appendingPathComponent(String(sha256.prefix(2)), isDirectory: true).appendingPathComponent(name)
    }

    func unreadableURL(path: String) -> URL {
        folder.appendingPathComponent("unreadable", isDirectory: true)
            .appendingPathComponent("\(FileDigest.sha256(string: path).prefix(32)).json")
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
