import Foundation

/// A worker's resident set as the parent watches it: its /proc/PID/statm opened once, when the
/// worker starts, and read again from offset 0 at each look (`WorkerProcess` looks every
/// `watchInterval` while the worker is busy). Opening the file by its path at each look (a lookup
/// through /proc) was most of the watch's cost, 0.7-1.4% of a run's CPU in two profiles. The open file stays the
/// worker's own: once the worker is reaped, reads fail (nil), as opening its path then would.
final class ResidentWatch {
    private let fd: Int32
    /// One statm line ("size resident shared text lib data dt", pages) is a few dozen bytes.
    private var buffer = [UInt8](repeating: 0, count: 1024)

    init(pid: pid_t) {
        fd = open("/proc/\(pid)/statm", O_RDONLY | O_CLOEXEC)
    }

    deinit { if fd >= 0 { close(fd) } }

    /// The second field of the worker's statm (resident pages), or nil (`ProcFields.residentPages`).
    func residentPages() -> Int64? {
        guard fd >= 0 else { return nil }
        var filled = 0
        while filled < buffer.count {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + filled, $0.count - filled, off_t(filled)) }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { return nil }
            if n == 0 { break }
            filled += n
        }
        let fields = ProcFields.numbers(Array(buffer[0..<filled]))
        return fields.count > 1 ? fields[1] : nil
    }
}
