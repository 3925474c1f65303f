import Foundation

/// A file being written into the staging folder, buffered (rows and records arrive in small
/// pieces). The whole folder is published at once (`OutputFolder`), so the file has its final name.
final class FileSink {
    let url: URL
    private var fd: Int32 = -1
    private var buffer: [UInt8] = []
    private static let flushSize = 1 << 16

    /// Creates (or truncates) `name` in `directory`.
    init(directory: URL, name: String) throws {
        url = directory.appendingPathComponent(name)
        fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputFolder.ioError(url.path, what: "cannot create file") }
        buffer.reserveCapacity(FileSink.flushSize)
    }

    func write<S: Sequence>(bytes: S) throws where S.Element == UInt8 {
        buffer.append(contentsOf: bytes)
        if buffer.count >= FileSink.flushSize { try flush() }
    }

    func write(_ string: String) throws { try write(bytes: string.utf8) }

    func flush() throws {
        guard fd >= 0, !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw OutputFolder.ioError(url.path, what: "cannot write")
                }
                done += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file.
    func close() throws {
        try flush()
        if fd >= 0 {
            let r = Foundation.close(fd)
            fd = -1
            // NFS and full disks may report a failed write only at close.
            if r != 0 { throw OutputFolder.ioError(url.path, what: "cannot close") }
        }
    }

    /// Closes without flushing (the staging folder it is in gets deleted).
    func discard() {
        if fd >= 0 { _ = Foundation.close(fd); fd = -1 }
        buffer = []
    }
}
