import Foundation
import PageLayout
import ReportInterpret
import ITAModel

// What goes over the pipes between `extract` and its `ita-extract worker` processes: one JSON
// object per line (JSONEncoder escapes newlines inside strings, so a line is a message).
//   parent → worker: WorkerConfig once, then a WorkerRequest per document
//   worker → parent: per document, a WorkerMessage with `pages` once the pages are counted, ones
//                    with `ocrPending` (+N, then -N) around OCR, then one with `recordBytes`, then
//                    that many bytes: the document's timings and record (`RecordBinary`), which the
//                    parent decodes and keeps as they are as the record's cache entry (JSON for the
//                    record was ~7.5% of a run's CPU between encoding, decoding and the cache)

/// What a worker needs to read documents as the parent would.
struct WorkerConfig: Codable {
    var mappings: String
    var ocr: OCROptions?
    /// The layout stage's tolerances (`extract --settings`): a worker reads as the run would.
    var layout: LayoutSettings
    /// The interpret stage's cross-check tolerances (`extract --settings`).
    var interpret: InterpretSettings
    /// Backstop for the worker's data segment (setrlimit RLIMIT_DATA), bytes.
    var dataLimit: Int64
}

/// One document to read.
struct WorkerRequest: Codable {
    /// The path's bytes (names need not be UTF-8).
    var path: Data
    var digest: String
}

/// A worker's answer: the page count as soon as it is known (the parent scales the timeout), then the result.
struct WorkerMessage: Codable {
    var pages: Int?
    /// A change of the worker's OCR backlog in pages (+N as OCR starts, -N when it ends).
    var ocrPending: Int?
    /// The next this many bytes are the document's timings and record (`RecordBinary.encode`).
    var recordBytes: Int?

    init(pages: Int? = nil, ocrPending: Int? = nil, recordBytes: Int? = nil) {
        self.pages = pages; self.ocrPending = ocrPending; self.recordBytes = recordBytes
    }
}

enum WorkerWire {
    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return e
    }

    static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return d
    }

    /// `value` as one line.
    static func line<T: Encodable>(_ value: T) throws -> [UInt8] {
        Array(try encoder().encode(value)) + [0x0A]
    }

    /// Writes all of `bytes` to `fd`; false when the other end is gone.
    @discardableResult
    static func write(_ bytes: [UInt8], to fd: Int32) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 { if errno == EINTR { continue }; return false }
            done += n
        }
        return true
    }
}

/// Reads newline-terminated messages from a file descriptor.
final class LineReader {
    let fd: Int32
    private var buffer: [UInt8] = []
    private var scanned = 0

    init(fd: Int32) { self.fd = fd }

    /// The next complete line in the buffer (without its newline), if there is one.
    func nextBufferedLine() -> [UInt8]? {
        guard let nl = buffer[scanned...].firstIndex(of: 0x0A) else { scanned = buffer.count; return nil }
        let line = Array(buffer[..<nl])
        buffer.removeFirst(nl + 1)
        scanned = 0
        return line
    }

    /// Reads what is available (blocking when the descriptor is blocking): false at end of file or error.
    func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            buffer.append(contentsOf: chunk[0..<n])
            return true
        }
    }

    /// Blocks until `count` bytes have come and returns them; nil at end of file first.
    func readBytes(_ count: Int) -> [UInt8]? {
        while buffer.count < count { if !fill() { return nil } }
        let bytes = Array(buffer[..<count])
        buffer.removeFirst(count)
        scanned = 0
        return bytes
    }

    /// Blocks until a whole line has come; nil at end of file.
    func readLine() -> [UInt8]? {
        while true {
            if let line = nextBufferedLine() { return line }
            if !fill() { return nil }
        }
    }
}
