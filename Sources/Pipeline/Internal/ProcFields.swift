import Foundation

/// Numeric fields of a /proc file (`/proc/PID/stat`, `/proc/PID/statm`), read with one read(2)
/// into a buffer and parsed as bytes. The parent reads them each time a busy worker is silent for
/// `WorkerProcess.watchInterval`, so on a loaded machine hundreds of times a document: through
/// Foundation (a String of the file, split into Substrings) they were 3-5% of a run's CPU.
enum ProcFields {
    /// The whole file, or nil when it cannot be read (the process is gone). /proc/PID/stat is one
    /// line of at most a few hundred bytes.
    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: 1024)
        var filled = 0
        while filled < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { return nil }
            if n == 0 { break }
            filled += n
        }
        return Array(bytes[0..<filled])
    }

    /// The space-separated fields of `bytes` after `start` (empty pieces left out, as
    /// `split(separator: " ")`), those made only of ASCII digits as numbers and the others as nil.
    static func numbers(_ bytes: [UInt8], from start: Int = 0) -> [Int64?] {
        var out: [Int64?] = []
        var value: Int64 = 0, digits = 0, other = false
        func end() {
            if digits > 0 || other { out.append(other ? nil : value) }
            value = 0; digits = 0; other = false
        }
        for b in bytes[start...] {
            if b == 0x20 { end(); continue }
            if b >= 0x30, b <= 0x39, !other, digits < 18 { value = value * 10 + Int64(b - 0x30); digits += 1 } else { other = true }
        }
        end()
        return out
    }

    /// Fields 14 and 15 of /proc/PID/stat (user and system time, clock ticks), or nil. The fields are
    /// counted after the command name's closing bracket (the name may hold spaces and brackets).
    static func cpuTicks(pid: pid_t) -> (user: Int64, system: Int64)? {
        guard let bytes = read("/proc/\(pid)/stat"), let close = bytes.lastIndex(of: UInt8(ascii: ")")) else { return nil }
        let fields = numbers(bytes, from: close + 1)
        guard fields.count > 12, let user = fields[11], let system = fields[12] else { return nil }
        return (user, system)
    }

    /// The second field of /proc/PID/statm (resident pages), or nil.
    static func residentPages(pid: pid_t) -> Int64? {
        guard let bytes = read("/proc/\(pid)/statm") else { return nil }
        let fields = numbers(bytes)
        return fields.count > 1 ? fields[1] : nil
    }
}
