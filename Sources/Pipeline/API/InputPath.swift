import Foundation
import ITAModel

/// One input as found: the path's bytes (file names on Linux are bytes, and names that are not
/// UTF-8, such as TIS-620 names from Thai Windows shares, are common), its readable form, and the
/// problem the finder already saw (an unreadable folder), if any.
public struct InputPath: Sendable, Hashable {
    /// The path exactly as the file system has it.
    public var bytes: [UInt8]
    /// The path as text: the bytes themselves when they are UTF-8, else with every byte that is not
    /// part of valid UTF-8 written `\xHH` (and a backslash as `\x5C`, so the escaped form reads
    /// unambiguously). This is `source_path` in the dataset.
    public var display: String
    /// Set when the input cannot be read at all (stage "read").
    public var problem: DocumentError?

    public init(bytes: [UInt8], problem: DocumentError? = nil) {
        self.bytes = bytes
        self.display = InputPath.escaped(bytes)
        self.problem = problem
    }

    /// A path given as text (the command line, tests).
    public init(_ path: String, problem: DocumentError? = nil) {
        self.init(bytes: Array(path.utf8), problem: problem)
    }

    /// Whether the bytes are not UTF-8 (then `display` is escaped and the file is opened by its bytes).
    public var isEscaped: Bool { String(validating: bytes, as: UTF8.self) == nil }

    /// The bytes in hex (manifest.json `path_hex` of a name that is not UTF-8).
    public var hex: String { bytes.map { String(format: "%02x", $0) }.joined() }

    static func escaped(_ bytes: [UInt8]) -> String {
        if let s = String(validating: bytes, as: UTF8.self) { return s }
        var out = ""
        var i = 0
        while i < bytes.count {
            let n = utf8SequenceLength(bytes, at: i)
            if n > 0 {
                let piece = String(decoding: bytes[i..<(i + n)], as: UTF8.self)
                out += piece == "\\" ? "\\x5C" : piece
                i += n
            } else {
                out += String(format: "\\x%02X", bytes[i])
                i += 1
            }
        }
        return out
    }

    /// Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there does not start one.
    private static func utf8SequenceLength(_ b: [UInt8], at i: Int) -> Int {
        let lead = b[i]
        let n: Int
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: n = 2
        case 0xE0...0xEF: n = 3
        case 0xF0...0xF4: n = 4
        default: return 0
        }
        guard i + n <= b.count else { return 0 }
        return String(validating: b[i..<(i + n)], as: UTF8.self) == nil ? 0 : n
    }

    /// Runs `body` with a NUL-terminated C path.
    func withCPath<T>(_ body: (UnsafePointer<CChar>) throws -> T) rethrows -> T {
        try (bytes.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { try body($0.baseAddress!) }
    }
}
