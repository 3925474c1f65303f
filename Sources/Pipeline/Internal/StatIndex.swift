import Foundation
import ITAModel

/// What `stat` says about a file, compared to decide whether its bytes can have changed since they
/// were hashed (see `StatIndex`).
struct FileFingerprint: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var mtimeNs: Int64
    var ctimeNs: Int64

    init(_ st: stat) {
        device = UInt64(st.st_dev); inode = UInt64(st.st_ino); size = Int64(st.st_size)
        mtimeNs = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        ctimeNs = Int64(st.st_ctim.tv_sec) * 1_000_000_000 + Int64(st.st_ctim.tv_nsec)
    }

    init(device: UInt64, inode: UInt64, size: Int64, mtimeNs: Int64, ctimeNs: Int64) {
        self.device = device; self.inode = inode; self.size = size; self.mtimeNs = mtimeNs; self.ctimeNs = ctimeNs
    }
}

/// The rerun's shortcut past hashing: path bytes -> (fingerprint, SHA-256) of each input as last
/// hashed, kept in the cache folder (`stat-index.tsv`). A file's SHA-256 is taken from here only when
/// device, inode, size, mtime and ctime (nanoseconds) all match what they were when it was hashed.
///
/// Why that is safe: any write to a file's bytes, and any rename or link that puts another file at
/// the path, sets its ctime to the current time, and ctime cannot be set back from user space
/// (`touch -d` and `utimes` move mtime, and set ctime to now). So equal fingerprints mean the bytes
/// are the ones hashed, with one gap: a write inside the same clock tick as the ctime recorded (the
/// kernel's file clock is coarse, milliseconds). That gap is closed as git closes its "racily
/// clean" index entries: an entry is stored only when the file's ctime is older than `settled`
/// seconds before the moment it was hashed, so no later write can land in the recorded tick.
/// `--fresh` ignores the index (every input is hashed, and the index rewritten).
struct StatIndex: Sendable {
    /// A file changed this recently (ctime, seconds before hashing) is hashed every run until it has
    /// been still that long: far above any file clock's tick (jiffies, milliseconds). NFS attribute caching (3-60 s) is met
    /// elsewhere: the fingerprint is taken from the open file, and open() revalidates it.
    static let settled: Int64 = 3

    static let fileName = "stat-index.tsv"
    /// First line of the file; another header (an older or newer format) is read as empty.
    static let header = "ita-extract stat index 1\tpath_hex\tdevice\tinode\tsize\tmtime_ns\tctime_ns\tsha256"

    struct Entry: Sendable, Hashable {
        var fingerprint: FileFingerprint
        var sha256: String
    }

    var entries: [[UInt8]: Entry] = [:]

    init() {}

    /// The index in `folder`, or an empty one when it is missing or unreadable (it only saves time).
    static func load(folder: URL) -> StatIndex {
        var index = StatIndex()
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path),
              let text = String(data: data, encoding: .utf8) else { return index }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)[...]
        guard lines.first == Substring(header) else { return index }
        lines = lines.dropFirst()
        for line in lines {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count == 7, let path = hexBytes(f[0]), let dev = UInt64(f[1]), let ino = UInt64(f[2]),
                  let size = Int64(f[3]), let m = Int64(f[4]), let c = Int64(f[5]), f[6].count == 64 else { continue }
            index.entries[path] = Entry(fingerprint: FileFingerprint(device: dev, inode: ino, size: size, mtimeNs: m, ctimeNs: c),
                                        sha256: String(f[6]))
        }
        return index
    }

    /// The SHA-256 recorded for `path` when the file's fingerprint is still `fingerprint`.
    func sha256(path: [UInt8], fingerprint: FileFingerprint) -> String? {
        guard let e = entries[path], e.fingerprint == fingerprint else { return nil }
        return e.sha256
    }

    /// Brings the index in `folder` up to date after a run over the paths `own`, whose entries are now
    /// `mine` (an input missing from `mine` was not hashed settled, or could not be read: its old
    /// entry goes). The file is read again first, because runs sharing one cache (shards, `--cache
    /// DIR`) may have written it since this run loaded it: their entries are merged in, not
    /// overwritten. Of the entries for other paths, only those whose file still has the recorded
    /// fingerprint stay: an entry for a deleted, moved or rewritten file can never be used again
    /// (its digest is taken only on an exact fingerprint match), so it is pruned instead of
    /// growing the file for ever. Writes nothing when the result equals the file.
    /// A run writing between this read and the rename loses its new entries: a rehash next time.
    static func update(folder: URL, own: Set<[UInt8]>, mine: [[UInt8]: Entry]) throws {
        let onDisk = load(folder: folder)
        var merged = StatIndex()
        merged.entries = mine
        for (path, e) in onDisk.entries where !own.contains(path) && stillCurrent(path: path, e.fingerprint) {
            merged.entries[path] = e
        }
        if merged.entries != onDisk.entries { try merged.save(folder: folder) }
    }

    /// Whether the file at `path` still has fingerprint `f` (by the path's stat: this decides only
    /// whether an entry is kept, never whether a digest is used, which the open file's fstat decides).
    static func stillCurrent(path: [UInt8], _ f: FileFingerprint) -> Bool {
        var st = stat()
        let ok = (path + [0]).withUnsafeBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) { stat($0, &st) == 0 }
        }
        return ok && FileFingerprint(st) == f
    }

    /// Writes the index atomically (temporary name, rename): a killed run leaves the old one or the
    /// new one.
    func save(folder: URL) throws {
        var out = StatIndex.header + "\n"
        for (path, e) in entries.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            let f = e.fingerprint
            out += "\(path.map { String(format: "%02x", $0) }.joined())\t\(f.device)\t\(f.inode)\t\(f.size)\t\(f.mtimeNs)\t\(f.ctimeNs)\t\(e.sha256)\n"
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try ResultCache.writeAtomically(Data(out.utf8), to: folder.appendingPathComponent(StatIndex.fileName))
    }

    private static func hexBytes(_ s: Substring) -> [UInt8]? {
        let u = Array(s.utf8)
        guard u.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(u.count / 2)
        func nib(_ c: UInt8) -> UInt8? {
            switch c { case 0x30...0x39: return c - 0x30; case 0x61...0x66: return c - 0x61 + 10; default: return nil }
        }
        var i = 0
        while i < u.count {
            guard let hi = nib(u[i]), let lo = nib(u[i + 1]) else { return nil }
            out.append(hi << 4 | lo); i += 2
        }
        return out
    }
}

extension FileFingerprint {
    /// The wall clock in nanoseconds (file times are wall-clock times).
    static func now() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
    }
}
