import Foundation
import ITAModel
import ThaiNormalise

/// Question codes that OCR garbled (`12` for `i2`, `i[1` for `i1`, `[8` for `i8`), confirmed by the
/// question's own printed text: a line that starts with a short token which is no code, and goes on
/// with the catalogue text of one question, whose code the token could be a misreading of, starts
/// that question's row. The token and the text must agree: the token's digits give the candidate
/// numbers (with a leading 1 also read as the letter i), its letter look-alikes the tool
/// (`Mappings/ita/question-code-lookalikes.json`); the text must match one candidate's catalogue
/// text clearly better than every other candidate's. Otherwise the line is left as it is.
struct CatalogueCodes {
    struct File: Decodable {
        var letters: [String: [String]]

        static func load(mappings: URL) throws -> File {
            let file = try MappingsFile.json(File.self, "ita/question-code-lookalikes.json", in: mappings)
            for key in file.letters.keys where key.count != 1 || Tool.forCodeLetter(Character(key)) == nil {
                throw MappingsError(file: "ita/question-code-lookalikes.json", key: "letters.\(key)", problem: "not a code letter (i, e or o)")
            }
            return file
        }
    }

    /// A token longer than this (scalars) is a word, not a misread code (`i[1`, `o12.` are at most 4).
    static let maxTokenScalars = 4
    /// The text must give this many key characters to compare: fewer match too many questions
    /// (`เจ้าหน้าที่` opens a dozen).
    static let minKeyCharacters = 12
    /// Key characters compared at most: a row's first line (a question's text wraps after 40-70).
    static let maxKeyCharacters = 60
    /// Share of the compared key characters that must match (1 - edit distance / length): OCR of a
    /// 150 dpi scan keeps 85-95% of a line's key characters (upper marks are not in the key).
    static let minSimilarity = 0.75
    /// The best candidate must beat every other code by this much: i1's and i2's texts share their
    /// first 40 key characters, and a near tie is no confirmation.
    static let minMargin = 0.08

    struct Candidate { var code: String; var tool: Tool; var number: Int; var key: [Unicode.Scalar] }
    let candidates: [Candidate]
    let lookalikes: [Unicode.Scalar: Set<Tool>]

    init(catalogues: [Int: [String: ITAVocabulary.QuestionInfo]], file: File) {
        var seen = Set<String>()
        var list: [Candidate] = []
        for year in catalogues.keys.sorted() {
            for (code, info) in catalogues[year]!.sorted(by: { $0.key < $1.key }) where !info.name.isEmpty {
                let key = Array(KeyedText(info.name).key.prefix(Self.maxKeyCharacters))
                // One entry per code and text (a code's text is the same in several catalogues).
                guard let number = Int(code.dropFirst()), seen.insert(code + "\u{0}" + String(scalars: key)).inserted else { continue }
                list.append(Candidate(code: code, tool: info.tool, number: number, key: key))
            }
        }
        candidates = list
        var map: [Unicode.Scalar: Set<Tool>] = [:]
        for (letter, chars) in file.letters {
            guard let tool = Tool.forCodeLetter(Character(letter)) else { continue }
            for c in chars { for u in c.unicodeScalars { map[u, default: []].insert(tool) } }
        }
        lookalikes = map
    }

    /// The text with its leading token replaced by the confirmed code (`i2 เจ้าหน้าที่...`), or nil
    /// when the text starts with a code already, or no code is confirmed.
    func confirmed(_ text: String) -> String? {
        guard !candidates.isEmpty, QuestionTokens.codePrefix(text) == nil else { return nil }
        let trimmed = text.drop { $0 == " " }
        guard let space = trimmed.firstIndex(of: " ") else { return nil }
        let token = Array(trimmed[..<space].unicodeScalars)
        guard !token.isEmpty, token.count <= Self.maxTokenScalars else { return nil }
        let rest = trimmed[trimmed.index(after: space)...]
        let key = Array(KeyedText(String(rest)).key.prefix(Self.maxKeyCharacters))
        guard key.count >= Self.minKeyCharacters else { return nil }
        // Tools the token's first character could be, and numbers its digits could be.
        let digits = token.compactMap { ThaiNumber.digitValue($0) }
        let tools = lookalikes[token[0]] ?? []
        var numbers = Set<Int>()
        if !digits.isEmpty {
            numbers.insert(digits.reduce(0) { $0 * 10 + $1 })
            // A leading 1 may be the letter i itself ("12" for i2).
            if digits.count >= 2, digits[0] == 1, ThaiNumber.digitValue(token[0]) != nil {
                numbers.insert(digits.dropFirst().reduce(0) { $0 * 10 + $1 })
            }
        }
        // The number must be printed, and the tool's letter (or a look-alike of it) too: the text
        // alone cannot pick the code, because frameworks number the same question differently
        // (e8's text of 2566 is another code in 2568, whose catalogue has no texts: on tune
        // no-ToUnicode variants 'eo', 'ea' and '6 ๕' before 2568 questions were confirmed wrongly).
        // A leading digit other than the i look-alike 1 is no letter: the letter was misread as
        // that digit ('6 ๕'), so the digits are not the number. A bracket before the number ('(12')
        // leaves the tool to the text.
        guard !numbers.isEmpty, !tools.isEmpty || ThaiNumber.digitValue(token[0]) == nil else { return nil }
        var best: (code: String, similarity: Double)?
        var second = 0.0
        for c in candidates {
            if !numbers.isEmpty {
                guard numbers.contains(c.number) else { continue }
                // A leading digit is no letter unless it is the i look-alike read as the number's 1.
                if ThaiNumber.digitValue(token[0]) == nil, !tools.isEmpty, !tools.contains(c.tool) { continue }
            } else if !tools.contains(c.tool) { continue }
            guard let s = Self.similarity(key, c.key) else { continue }
            if let b = best, b.code == c.code {
                best = (b.code, max(b.similarity, s))
            } else if best == nil || s > best!.similarity {
                if let b = best { second = max(second, b.similarity) }
                best = (c.code, s)
            } else {
                second = max(second, s)
            }
        }
        guard let b = best, b.similarity >= Self.minSimilarity, b.similarity - second >= Self.minMargin else { return nil }
        // The text must be that question's of all questions, not only of those the token allows
        // (`15` before i4's text is no i5, however close i5's text is).
        for c in candidates where c.code != b.code {
            guard let s = Self.similarity(key, c.key) else { continue }
            if s > b.similarity - Self.minMargin { return nil }
        }
        return b.code + " " + String(rest)
    }

    /// 1 - edit distance / length over the two keys' common length; nil when that is shorter than
    /// `minKeyCharacters` (too few characters to tell questions apart).
    static func similarity(_ key: [Unicode.Scalar], _ other: [Unicode.Scalar]) -> Double? {
        let n = min(key.count, other.count)
        guard n >= minKeyCharacters else { return nil }
        return 1 - Double(distance(Array(key.prefix(n)), Array(other.prefix(n)))) / Double(n)
    }

    /// The line with a garbled code at its start confirmed: in its first segment (`12 เจ้าหน้าที่...`),
    /// or as a first segment of its own with the text in the next (a code column). `raw` keeps what
    /// was printed.
    func fix(_ line: ReadLine) -> ReadLine {
        guard let first = line.segments.first else { return line }
        var out = line
        if let fixed = confirmed(first.text) {
            out.segments[0].text = fixed
        } else if line.segments.count >= 2, !first.text.contains(" "),
                  let fixed = confirmed(first.text + " " + line.segments[1].text), let space = fixed.firstIndex(of: " ") {
            out.segments[0].text = String(fixed[..<space])
        }
        return out
    }

    /// Levenshtein distance.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count), cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}
