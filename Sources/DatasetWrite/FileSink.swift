import Foundation

/// A file being written under a temporary name in the output folder, buffered (the CSV library
/// writes one byte per call), renamed to its final name only when complete.
final class FileSink {
    let tempURL: URL
    let finalURL: URL
    private var handle: FileHandle?
    private var buffer: [UInt8] = []
    private static let flushSize = 1 << 16

    /// Creates (or truncates) `.<name>.tmp` in `directory`.
    init(directory: URL, name: String) throws {
        finalURL = directory.appendingPathComponent(name)
        tempURL = directory.appendingPathComponent(".\(name).tmp")
        guard FileManager.default.createFile(atPath: tempURL.path, contents: nil) else {
            throw DatasetWriterError.io(path: tempURL.path, message: "cannot create file")
        }
        do { handle = try FileHandle(forWritingTo: tempURL) } catch {
            throw DatasetWriterError.io(path: tempURL.path, message: "\(error)")
        }
        buffer.reserveCapacity(FileSink.flushSize)
    }

    func write<S: Sequence>(bytes: S) throws where S.Element == UInt8 {
        buffer.append(contentsOf: bytes)
        if buffer.count >= FileSink.flushSize { try flush() }
    }

    func write(_ string: String) throws { try write(bytes: string.utf8) }

    func flush() throws {
        guard let handle, !buffer.isEmpty else { return }
        do { try handle.write(contentsOf: buffer) } catch {
            throw DatasetWriterError.io(path: tempURL.path, message: "\(error)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file (it keeps its temporary name).
    func close() throws {
        try flush()
        if let h = handle { handle = nil; try? h.close() }
    }

    /// Closes without flushing and deletes the temporary file.
    func discard() {
        if let h = handle { handle = nil; try? h.close() }
        buffer = []
        try? FileManager.default.removeItem(at: tempURL)
    }
}

/// Renames `from` to `to`, replacing `to` atomically when it exists (POSIX rename).
func atomicRename(_ from: URL, _ to: URL) throws {
    if rename(from.path, to.path) != 0 {
        throw DatasetWriterError.io(path: to.path, message: "rename failed: \(String(cString: strerror(errno)))")
    }
}

/// An OutputStream over a FileSink, so that CSV.swift's writer fills our buffer instead of
/// making one system call per byte.
final class SinkOutputStream: OutputStream {
    private var sink: FileSink?
    private(set) var failure: Error?

    init(_ sink: FileSink) {
        super.init(toMemory: ())
        self.sink = sink
    }

    /// Required by OutputStream; a stream made this way has no file and refuses writes.
    required init(toMemory: ()) {
        super.init(toMemory: ())
    }

    override var streamStatus: Stream.Status { .open }
    override func open() {}
    override func close() {}
    override var hasSpaceAvailable: Bool { true }

    override func write(_ buffer: UnsafePointer<UInt8>, maxLength len: Int) -> Int {
        guard let sink else { return -1 }
        do {
            try sink.write(bytes: UnsafeBufferPointer(start: buffer, count: len))
            return len
        } catch {
            failure = error
            return -1
        }
    }
}
