import Crypto
import Foundation
import ITAModel

/// The read pass over one input: what the path is (lstat and stat before any open, so a FIFO named
/// `x.pdf` or a link to /dev/zero never blocks or spins the hash), its size against the limit, then
/// SHA-256 read in chunks so that a huge file does not sit in memory. Every refusal is a
/// `DocumentError` at stage "read" with a stable reason.
enum FileDigest {
    /// `missing`, `dangling_link`, `not_a_file`, `unreadable`, `unreadable_folder`, `too_large`.
    static func sha256(of input: InputPath, maxBytes: Int64) -> Result<(hex: String, bytes: Int), DocumentError> {
        digest(of: input, maxBytes: maxBytes, index: nil).result
    }

    /// As `sha256(of:maxBytes:)`, taking the digest from `index` when the file's fingerprint is the
    /// one recorded there (every check before the hash is made all the same). `entry` is what to
    /// record for the next run: the entry the digest was taken from, or the fingerprint and digest of a
    /// file hashed now whose ctime was already `StatIndex.settled` seconds old (nil for a file just
    /// changed, or one that could not be read).
    static func digest(of input: InputPath, maxBytes: Int64, index: StatIndex?)
        -> (result: Result<(hex: String, bytes: Int), DocumentError>, entry: StatIndex.Entry?) {
        if let problem = input.problem { return (.failure(problem), nil) }
        func fail(_ reason: String, _ message: String) -> (result: Result<(hex: String, bytes: Int), DocumentError>, entry: StatIndex.Entry?) {
            (.failure(DocumentError(stage: "read", reason: reason, message: message)), nil)
        }
        var link = stat(), st = stat()
        guard input.withCPath({ lstat($0, &link) }) == 0 else {
            let e = errno
            return e == ENOENT || e == ENOTDIR ? fail("missing", "no such file or folder")
                                              : fail("unreadable", "cannot look at the path: \(String(cString: strerror(e)))")
        }
        guard input.withCPath({ stat($0, &st) }) == 0 else {
            let e = errno
            if (link.st_mode & S_IFMT) == S_IFLNK && (e == ENOENT || e == ENOTDIR) {
                return fail("dangling_link", "a symbolic link to something that does not exist")
            }
            return fail("unreadable", "cannot follow the path: \(String(cString: strerror(e)))")
        }
        let type = st.st_mode & S_IFMT
        if type == S_IFDIR { return fail("unreadable_folder", "folder cannot be read") }
        guard type == S_IFREG else { return fail("not_a_file", "not a regular file but \(kind(type))") }
        if Int64(st.st_size) > maxBytes {
            return fail("too_large", "\(st.st_size) bytes, over the --max-file-size limit of \(maxBytes) bytes; not read")
        }
        let hashedAt = FileFingerprint.now()
        // O_NONBLOCK: should the path be swapped for a FIFO between stat and open, open returns at once.
        let fd = input.withCPath { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
        guard fd >= 0 else { return fail("unreadable", "cannot open the file: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var opened = stat()
        guard fstat(fd, &opened) == 0, (opened.st_mode & S_IFMT) == S_IFREG else {
            return fail("not_a_file", "the path changed into something that is not a regular file while being read")
        }
        // The index is asked with the open file's fstat, not the path's stat: on NFS (cluster
        // archives) a path's stat may answer from the client's attribute cache for up to a minute,
        // while open() revalidates the attributes (close-to-open consistency), so a file replaced
        // on another node is seen as changed here.
        let fingerprint = FileFingerprint(opened)
        if let known = index?.sha256(path: input.bytes, fingerprint: fingerprint) {
            return (.success((known, Int(opened.st_size))), StatIndex.Entry(fingerprint: fingerprint, sha256: known))
        }
        var hasher = SHA256()
        var total = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return fail("unreadable", "read error after \(total) bytes: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            total += n
            // The size may grow while being read (a file still being copied): the limit holds anyway.
            if Int64(total) > maxBytes {
                return fail("too_large", "over the --max-file-size limit of \(maxBytes) bytes while being read; not read")
            }
            buffer.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
        }
        let hex = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        // Recorded only when the file did not change while it was read (same fingerprint before
        // the open and after the last read) and had been still for a while before (StatIndex).
        var after = stat()
        let settled = fstat(fd, &after) == 0 && FileFingerprint(after) == fingerprint && Int64(total) == fingerprint.size
            && fingerprint.ctimeNs < hashedAt - StatIndex.settled * 1_000_000_000
        return (.success((hex, total)), settled ? StatIndex.Entry(fingerprint: fingerprint, sha256: hex) : nil)
    }

    private static func kind(_ type: mode_t) -> String {
        switch type {
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return "of file type \(String(type, radix: 8))"
        }
    }
}

extension FileDigest {
    /// SHA-256 of a string's UTF-8 bytes, as hex.
    static func sha256(string: String) -> String {
        SHA256.hash(data: Data(string.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
