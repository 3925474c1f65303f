import Crypto
import Foundation

/// Which build of ita-extract is running: 16 hex digits of the SHA-256 of the executable file.
/// Part of the cache key and of the manifest's options, so that results of two different builds of
/// one version number are never mixed (in the cache or by `merge`).
enum BuildIdentity {
    /// Computed once per process (hashing a release binary takes a few tens of milliseconds).
    static let current: String = {
        let candidates = ["/proc/self/exe", Bundle.main.executablePath, CommandLine.arguments.first].compactMap { $0 }
        for path in candidates {
            if case .success(let d) = FileDigest.sha256(of: InputPath(path), maxBytes: Int64.max) { return String(d.hex.prefix(16)) }
        }
        return "unknown"
    }()
}
