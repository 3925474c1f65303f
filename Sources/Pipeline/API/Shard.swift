import Crypto
import Foundation

/// `--shard K/N`: one of N disjoint parts of the inputs (K from 0, as Slurm's SLURM_ARRAY_TASK_ID and
/// Kubernetes' JOB_COMPLETION_INDEX count).
///
/// A file belongs to the shard its path's SHA-256 (first 8 bytes, as a number) modulo N names. By path,
/// not content: a shard then reads only its own files (a content hash would make every node read the
/// whole archive just to choose), and a file keeps its shard when others are added or removed. The
/// same bytes under two names may land in two shards and be read twice; `merge` keeps the first path
/// in output order and names the other in a `duplicate_input` warning, as a single run does.
/// Paths are taken as `InputFinder` gives them, so every shard must be given the same PATH arguments
/// from the same folder (they are the `source_path` column anyway).
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public init(index: Int, count: Int) throws {
        guard count >= 1, (0..<count).contains(index) else { throw ShardError.outOfRange(index: index, count: count) }
        self.index = index; self.count = count
    }

    /// Parses "K/N".
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else { throw ShardError.syntax(text) }
        try self.init(index: k, count: n)
    }

    public var description: String { "\(index)/\(count)" }

    /// The shard (0..<count) that `path` belongs to.
    public static func of(path: String, count: Int) -> Int {
        let digest = Array(SHA256.hash(data: Data(path.utf8)))
        let n = digest.prefix(8).reduce(UInt64(0)) { ($0 << 8) | UInt64($1) }
        return Int(n % UInt64(count))
    }

    /// The files of `files` in this shard, order kept.
    public func select(_ files: [String]) -> [String] {
        files.filter { Shard.of(path: $0, count: count) == index }
    }

    /// The inputs of `inputs` in this shard, by their path as shown (a name that is not UTF-8 by its
    /// escaped form, which is as stable as its bytes), order kept.
    public func select(_ inputs: [InputPath]) -> [InputPath] {
        inputs.filter { Shard.of(path: $0.display, count: count) == index }
    }
}

public enum ShardError: Error, CustomStringConvertible, Equatable {
    case syntax(String)
    case outOfRange(index: Int, count: Int)

    public var description: String {
        switch self {
        case .syntax(let t): return "--shard wants K/N (e.g. 0/4), got '\(t)'"
        case .outOfRange(let k, let n): return "--shard \(k)/\(n): N must be at least 1 and K between 0 and N-1"
        }
    }
}
