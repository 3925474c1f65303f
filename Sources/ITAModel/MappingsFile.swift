import Foundation

/// Strict readers of `Mappings/` data files: every problem becomes a `MappingsError` that names
/// the file and the key, never a silently empty value.
public enum MappingsFile {
    /// The bytes of `file` (relative to `mappings`).
    public static func data(_ file: String, in mappings: URL) throws -> Data {
        let url = mappings.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw MappingsError(file: file, problem: "file missing (looked in \(mappings.path))")
        }
        do { return try Data(contentsOf: url) } catch {
            throw MappingsError(file: file, problem: "cannot be read: \(error.localizedDescription)")
        }
    }

    /// The text of `file`, UTF-8 required.
    public static func text(_ file: String, in mappings: URL) throws -> String {
        guard let text = String(data: try data(file, in: mappings), encoding: .utf8) else {
            throw MappingsError(file: file, problem: "not UTF-8 text")
        }
        return text
    }

    /// Decodes a JSON file into `T`. A missing key, a value of the wrong type, and an empty list
    /// anywhere in the file are errors (no list of the data files may be empty: an empty cue or
    /// name list makes its reader find nothing, silently).
    public static func json<T: Decodable>(_ type: T.Type, _ file: String, in mappings: URL) throws -> T {
        let bytes = try data(file, in: mappings)
        let tree: Any
        do { tree = try JSONSerialization.jsonObject(with: bytes) } catch {
            throw MappingsError(file: file, problem: "not valid JSON (\(error.localizedDescription))")
        }
        if let empty = firstEmptyList(in: tree, path: "") {
            throw MappingsError(file: file, key: empty, problem: "empty list")
        }
        do { return try JSONDecoder().decode(T.self, from: bytes) } catch let error as DecodingError {
            throw describe(error, file: file)
        }
    }

    /// A list of one character an entry (`["*", "(", ")"]`) as its set of scalars; an entry that is
    /// not one Unicode scalar throws a `MappingsError` naming `key[i]` (an empty list is refused by `json`).
    public static func characters(_ list: [String], file: String, key: String) throws -> Set<Unicode.Scalar> {
        if let i = list.firstIndex(where: { $0.unicodeScalars.count != 1 }) {
            throw MappingsError(file: file, key: "\(key)[\(i)]", problem: "not one character")
        }
        return Set(list.compactMap(\.unicodeScalars.first))
    }

    /// The lines of a text list (one entry a line, blank lines and `#` comments skipped), at least one.
    public static func lines(_ file: String, in mappings: URL) throws -> [String] {
        let lines = try text(file, in: mappings).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        guard !lines.isEmpty else { throw MappingsError(file: file, problem: "empty list") }
        return lines
    }

    static func firstEmptyList(in value: Any, path: String) -> String? {
        if let a = value as? [Any] {
            if a.isEmpty { return path.isEmpty ? "(top level)" : path }
            for (i, v) in a.enumerated() { if let p = firstEmptyList(in: v, path: "\(path)[\(i)]") { return p } }
        } else if let d = value as? [String: Any] {
            for k in d.keys.sorted() {
                if let p = firstEmptyList(in: d[k]!, path: path.isEmpty ? k : "\(path).\(k)") { return p }
            }
        }
        return nil
    }

    static func describe(_ error: DecodingError, file: String) -> MappingsError {
        func path(_ keys: [CodingKey], _ last: CodingKey? = nil) -> String {
            var out = ""
            for k in keys + (last.map { [$0] } ?? []) {
                // A list position's key reads "Index N"; a dictionary key such as "2566" also has an intValue.
                if let i = k.intValue, k.stringValue == "Index \(i)" { out += "[\(i)]" } else { out += (out.isEmpty ? "" : ".") + k.stringValue }
            }
            return out.isEmpty ? "(top level)" : out
        }
        switch error {
        case .keyNotFound(let key, let ctx):
            return MappingsError(file: file, key: path(ctx.codingPath, key), problem: "missing")
        case .typeMismatch(let type, let ctx):
            return MappingsError(file: file, key: path(ctx.codingPath), problem: "wrong type, expected \(Self.name(of: type))")
        case .valueNotFound(let type, let ctx):
            return MappingsError(file: file, key: path(ctx.codingPath), problem: "null, expected \(Self.name(of: type))")
        case .dataCorrupted(let ctx):
            return MappingsError(file: file, key: path(ctx.codingPath), problem: ctx.debugDescription)
        @unknown default:
            return MappingsError(file: file, problem: "\(error)")
        }
    }

    static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Int.Type: return "a whole number"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let n = String(describing: type)
            if n.hasPrefix("Array") { return "a list" }
            if n.hasPrefix("Dictionary") { return "an object" }
            return n
        }
    }
}
