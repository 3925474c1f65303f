import Foundation

/// Test hook: `ITA_FAULT=KIND:PATH_SUBSTRING[,KIND:PATH_SUBSTRING...]` makes a worker process
/// misbehave on every document whose path contains the substring, so that tests can check that one
/// dying, hanging or swelling document costs only its own row. KIND is `abort` (SIGABRT), `segv`
/// (SIGSEGV), `hang` (sleeps for ever) or `alloc` (allocates and touches memory without end).
/// Only `ita-extract worker` reads it: in-process runs ignore it (it would take the batch down).
enum FaultInjection {
    static let environmentVariable = "ITA_FAULT"

    enum Kind: String { case abort, segv, hang, alloc }

    /// The faults set in the environment; a malformed entry stops the worker loudly (a test that
    /// meant to inject a fault must not pass because nothing was injected).
    static func fromEnvironment() -> [(Kind, String)] {
        guard let spec = ProcessInfo.processInfo.environment[environmentVariable], !spec.isEmpty else { return [] }
        return spec.split(separator: ",").map { entry in
            let parts = entry.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, let kind = Kind(rawValue: parts[0]), !parts[1].isEmpty else {
                FileHandle.standardError.write(Data("ita-extract worker: bad \(environmentVariable) entry '\(entry)' (want abort|segv|hang|alloc:PATH_SUBSTRING)\n".utf8))
                exit(70)
            }
            return (kind, parts[1])
        }
    }

    /// Misbehaves as asked when `path` matches; returns otherwise.
    static func trigger(_ faults: [(Kind, String)], path: String) {
        guard let (kind, _) = faults.first(where: { path.contains($0.1) }) else { return }
        switch kind {
        case .abort:
            abort()
        case .segv:
            // A real invalid write, as a bug in a C library would make (not raise(SIGSEGV)).
            UnsafeMutablePointer<Int>(bitPattern: 8)!.pointee = 1
        case .hang:
            while true { sleep(1000) }
        case .alloc:
            var hold: [UnsafeMutableRawPointer] = []
            while true {
                let size = 16 << 20
                guard let p = malloc(size) else { abort() }
                memset(p, 1, size)  // touched, so it is resident
                hold.append(p)
            }
        }
    }
}
