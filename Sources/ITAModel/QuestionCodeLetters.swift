import Foundation

/// The letters question codes are printed with (`i1`, `E7`, `o๙`), and the characters that stand
/// for a letter only where a code belongs (the zero typed for o in `๐๑๑`): data, from
/// `Mappings/ita/question-code-lookalikes.json` (`codeLetters`, `codePositionLetters`), decoded
/// once per run and checked. The first letter of a tool's list is the one the dataset writes
/// ("o21"); the others (upper case) are read as it.
public struct QuestionCodeLetters: Sendable, Equatable {
    public static let file = "ita/question-code-lookalikes.json"

    /// The letter each tool's codes are written with (the first of its `codeLetters`).
    public let written: [Tool: Character]
    /// Every printed letter and its tool, as a scalar value beside it (sorted by value): every
    /// word's first character is asked whether it starts a code, and a scan of the six letters
    /// costs less than hashing a dictionary key there.
    let letters: LetterTable
    /// Characters that are a tool's letter only in a code position (`codePositionLetters`).
    let codePositionLetters: LetterTable

    /// Characters and their tools, scanned in order.
    struct LetterTable: Sendable, Equatable {
        let values: [UInt32]
        let tools: [Tool]
        init(_ map: [Unicode.Scalar: Tool]) {
            let sorted = map.sorted { $0.key.value < $1.key.value }
            values = sorted.map { $0.key.value }
            tools = sorted.map { $0.value }
        }
        func tool(_ u: Unicode.Scalar) -> Tool? {
            let v = u.value
            for (k, value) in values.enumerated() where value == v { return tools[k] }
            return nil
        }
    }

    struct File: Decodable {
        var codeLetters: [String: [String]]
        var codePositionLetters: [String: [String]]
    }

    /// Reads and checks the letters: every tool has letters, each one character, no character is
    /// two tools' letters, and a code-position character is no letter. A problem throws a
    /// `MappingsError` naming the key.
    public static func load(mappings: URL) throws -> QuestionCodeLetters {
        try QuestionCodeLetters(try MappingsFile.json(File.self, file, in: mappings))
    }

    init(_ f: File) throws {
        func tool(_ name: String, _ key: String) throws -> Tool {
            guard let t = Tool(rawValue: name) else {
                throw MappingsError(file: Self.file, key: "\(key).\(name)", problem: "not a tool (\(Tool.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return t
        }
        func scalar(_ s: String, _ key: String) throws -> Unicode.Scalar {
            guard s.unicodeScalars.count == 1, let u = s.unicodeScalars.first, !u.properties.isWhitespace else {
                throw MappingsError(file: Self.file, key: key, problem: "not one character other than white space")
            }
            return u
        }
        var written: [Tool: Character] = [:]
        var toolOfLetter: [Unicode.Scalar: Tool] = [:]
        for name in f.codeLetters.keys.sorted() {
            let t = try tool(name, "codeLetters")
            for (i, s) in f.codeLetters[name]!.enumerated() {
                let u = try scalar(s, "codeLetters.\(name)[\(i)]")
                if let other = toolOfLetter[u], other != t {
                    throw MappingsError(file: Self.file, key: "codeLetters.\(name)[\(i)]", problem: "'\(s)' is already \(other.rawValue)'s letter")
                }
                toolOfLetter[u] = t
                if i == 0 {
                    // The dataset's spelling of codes (DATASET.md: i1, e1, o1) and eval's, which reads
                    // no Mappings: a reordered list must not respell every code silently.
                    let initial = Character(t.rawValue.prefix(1).lowercased())
                    guard Character(u) == initial else {
                        throw MappingsError(file: Self.file, key: "codeLetters.\(name)[0]",
                                            problem: "the letter codes are written with must be '\(initial)' (DATASET.md), not '\(s)'")
                    }
                    written[t] = Character(u)
                }
            }
        }
        if let missing = Tool.allCases.first(where: { written[$0] == nil }) {
            throw MappingsError(file: Self.file, key: "codeLetters.\(missing.rawValue)", problem: "missing: every tool needs its code letter")
        }
        var inPosition: [Unicode.Scalar: Tool] = [:]
        for name in f.codePositionLetters.keys.sorted() {
            let t = try tool(name, "codePositionLetters")
            for (i, s) in f.codePositionLetters[name]!.enumerated() {
                let key = "codePositionLetters.\(name)[\(i)]"
                let u = try scalar(s, key)
                if toolOfLetter[u] != nil { throw MappingsError(file: Self.file, key: key, problem: "'\(s)' is a code letter anywhere (codeLetters)") }
                if let other = inPosition[u], other != t { throw MappingsError(file: Self.file, key: key, problem: "'\(s)' is already \(other.rawValue)'s") }
                inPosition[u] = t
            }
        }
        self.written = written
        letters = LetterTable(toolOfLetter)
        codePositionLetters = LetterTable(inPosition)
    }

    /// The tool a printed code letter (either case) belongs to.
    public func tool(forLetter c: Character) -> Tool? {
        guard c.unicodeScalars.count == 1 else { return nil }
        return letters.tool(c.unicodeScalars.first!)
    }

    /// The tool a printed code letter belongs to.
    public func tool(forLetter u: Unicode.Scalar) -> Tool? { letters.tool(u) }

    /// The tool a character stands for in a code position only (`๐` for o in `๐๑๑`).
    public func toolInCodePosition(_ u: Unicode.Scalar) -> Tool? { codePositionLetters.tool(u) }

    /// The letter the dataset writes `tool`'s codes with ("o").
    public func letter(of tool: Tool) -> Character { written[tool]! }

    /// The written letters of all tools.
    public var writtenLetters: [Character] { Tool.allCases.map { letter(of: $0) } }

    /// A code as the dataset writes it: written letter and ASCII number ("o21").
    public func code(_ tool: Tool, _ number: Int) -> String { "\(letter(of: tool))\(number)" }

    /// The tool of a code the dataset wrote ("o21" → OIT), by its first letter.
    public func tool(ofCode code: String) -> Tool? { code.first.flatMap { tool(forLetter: $0) } }
}
