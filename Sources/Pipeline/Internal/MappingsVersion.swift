import Crypto
import Foundation

/// The version of a Mappings/ folder: its VERSION file plus a digest of every data file in it, so
/// that two runs with different mapping data are told apart in manifest.json.
enum MappingsVersion {
    static func of(_ directory: URL) -> String {
        let fm = FileManager.default
        let version = (try? String(contentsOf: directory.appendingPathComponent("VERSION"), encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "unknown"
        var files: [String] = []
        if let walker = fm.enumerator(atPath: directory.path) {
            while let rel = walker.nextObject() as? String {
                var isDir: ObjCBool = false
                if fm.fileExists(atPath: directory.appendingPathComponent(rel).path, isDirectory: &isDir), !isDir.boolValue {
                    files.append(rel)
                }
            }
        }
        var hasher = SHA256()
        for rel in files.sorted() {
            hasher.update(data: Data(rel.utf8))
            hasher.update(data: (try? Data(contentsOf: directory.appendingPathComponent(rel))) ?? Data())
        }
        let digest = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        return "\(version)+\(digest.prefix(12))"
    }
}
