import Crypto
import DatasetWrite
import Foundation
import ITAModel

/// The unchanged rerun's shortcut: when `--out` already holds the dataset a run would write, it is
/// left as it is instead of being written again from the cache (decoding every cached record,
/// rewriting SQLite and the workbook, fsyncing them: most of such a rerun's time).
///
/// After a run publishes its dataset, `OUT/.unchanged-run` records a digest of everything the
/// dataset's bytes depend on (`stamp`: the cache key, which covers the build, the Mappings and the
/// settings; the manifest options; the corrections file's SHA-256; and every input's path bytes with
/// its SHA-256 or its read error) and the fingerprint (`FileFingerprint`) of each dataset file. A
/// later run with the same digest, whose dataset files still have those fingerprints (not edited,
/// replaced or restored from elsewhere: any write or rename sets a file's ctime) and whose cache still
/// holds every document's result (so `merge` can use it), writes nothing: its output would be
/// byte-identical, manifest.json's timings aside (they stay those of the run that wrote the dataset).
/// Never taken with `--fresh`, by `merge`, without a cache, or when a document crashed, timed out or
/// ran out of memory (extract reads those again).
enum UnchangedRun {
    static let fileName = ".unchanged-run"
    static let header = "ita-extract unchanged run 1"

    /// Digest of what the dataset depends on; nil when the run cannot be stamped (no cache, or
    /// corrections not read from a file).
    static func stamp(cache: ResultCache?, options: [String: String], corrections: Corrections?,
                      inputs: [InputPath], digests: [Result<(hex: String, bytes: Int), DocumentError>]) -> String? {
        guard let cache else { return nil }
        var text = "key \(cache.keyDigest)\n"
        for (k, v) in options.sorted(by: { $0.key < $1.key }) { text += "option \(k)=\(v)\n" }
        if let corrections {
            guard let sha = corrections.sha256 else { return nil }
            text += "corrections \(corrections.path)\t\(sha)\n"
        } else {
            text += "corrections none\n"
        }
        var hasher = SHA256()
        hasher.update(data: Data(text.utf8))
        for (input, d) in zip(inputs, digests) {
            let result: String
            switch d {
            case .success(let dg): result = "\(dg.hex) \(dg.bytes)"
            case .failure(let e): result = "error \(e.stage)\t\(e.reason)\t\(e.message)"
            }
            // The path's bytes as they are (no NUL can be in a path), then what reading them gave.
            hasher.update(data: Data("input ".utf8))
            hasher.update(data: Data(input.bytes))
            hasher.update(data: Data("\0\(result)\n".utf8))
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Stage and reason of records extract does not take from the cache (see `DocumentResults`).
    static let retriedStages: Set<String> = ["crash", "timeout", "memory"]

    /// The finished dataset in `out` when it was stamped with `stamp` and is untouched since; nil otherwise.
    static func previous(out: URL, stamp: String) -> Manifest? {
        guard let data = FileManager.default.contents(atPath: out.appendingPathComponent(fileName).path),
              let text = String(data: data, encoding: .utf8) else { return nil }
        var lines = text.split(separator: "\n")[...]
        guard lines.popFirst() == Substring(header), lines.popFirst() == Substring("stamp \(stamp)") else { return nil }
        var files = Set<String>()
        for line in lines {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count == 6, f[0].hasPrefix("file "), let dev = UInt64(f[1]), let ino = UInt64(f[2]), let size = Int64(f[3]),
                  let m = Int64(f[4]), let c = Int64(f[5]) else { return nil }
            let name = String(f[0].dropFirst(5))
            let path = out.appendingPathComponent(name).path
            guard StatIndex.stillCurrent(path: Array(path.utf8),
                                         FileFingerprint(device: dev, inode: ino, size: size, mtimeNs: m, ctimeNs: c)) else { return nil }
            files.insert(name)
        }
        guard files == Set(DatasetWriter.fileNames),
              let manifestData = FileManager.default.contents(atPath: out.appendingPathComponent("manifest.json").path) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let manifest = try? decoder.decode(Manifest.self, from: manifestData),
              !manifest.inputs.contains(where: { retriedStages.contains($0.errorStage ?? "") }) else { return nil }
        return manifest
    }

    /// Stamps the dataset just published in `out`. Failing to write it costs the next run its shortcut only.
    static func record(out: URL, stamp: String) {
        var text = header + "\nstamp \(stamp)\n"
        for name in DatasetWriter.fileNames {
            var st = stat()
            guard stat(out.appendingPathComponent(name).path, &st) == 0 else { return }
            let f = FileFingerprint(st)
            text += "file \(name)\t\(f.device)\t\(f.inode)\t\(f.size)\t\(f.mtimeNs)\t\(f.ctimeNs)\n"
        }
        try? ResultCache.writeAtomically(Data(text.utf8), to: out.appendingPathComponent(fileName))
    }

    /// Whether `cache` still holds the result of every readable input and the record of every
    /// unreadable one, as a rerun (or `merge`) would read them.
    static func cacheHoldsAll(_ cache: ResultCache, paths: [String], digests: [Result<(hex: String, bytes: Int), DocumentError>],
                              work: [Int]) -> Bool {
        let fm = FileManager.default
        return work.allSatisfy { i in
            switch digests[i] {
            case .success(let dg):
                return fm.fileExists(atPath: cache.entryURL(sha256: dg.hex, path: nil).path)
                    || fm.fileExists(atPath: cache.entryURL(sha256: dg.hex, path: paths[i]).path)
            case .failure:
                return fm.fileExists(atPath: cache.unreadableURL(path: paths[i]).path)
            }
        }
    }
}
