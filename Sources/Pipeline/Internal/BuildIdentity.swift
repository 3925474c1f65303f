import Crypto
import Foundation

/// Which build of ita-extract is running: 16 hex digits that change whenever the executable does.
/// Part of the cache key and of the manifest's options, so that results of two different builds of
/// one version number are never mixed (in the cache or by `merge`).
enum BuildIdentity {
    /// Computed once per process: the executable's GNU build ID (`ita-extract` is linked with
    /// `--build-id=sha1`, the linker's SHA-1 of the whole output file, so a few hundred bytes are
    /// read), else the SHA-256 of the executable file (hashing a 46 MB release binary took about
    /// 35 ms of CPU, every run). The two are told apart by a prefix, so one never equals the other.
    static let current: String = {
        let candidates = ["/proc/self/exe", Bundle.main.executablePath, CommandLine.arguments.first].compactMap { $0 }
        for path in candidates {
            if let id = ELFBuildID.read(path: path), id.count >= 8 {
                return "b" + String(id.map { String(format: "%02x", $0) }.joined().prefix(15))
            }
            if case .success(let d) = FileDigest.sha256(of: InputPath(path), maxBytes: Int64.max) { return String(d.hex.prefix(16)) }
        }
        return "unknown"
    }()
}
