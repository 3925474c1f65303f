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
        /// What a printed code's run may be read as (`QuestionTextConfirmation.afterCode`).
        var codeRun: [String]
        /// Thai digits OCR reads in place of others: as read -> the digits printed (`QuestionCodeChain`).
        var digitMisreadings: [String: [String]]

        static let name = "ita/question-code-lookalikes.json"

        static func load(mappings: URL, codeLetters: QuestionCodeLetters) throws -> File {
            let file = try MappingsFile.json(File.self, name, in: mappings)
            for key in file.letters.keys where key.unicodeScalars.count != 1 || codeLetters.tool(forLetter: key.unicodeScalars.first!) == nil {
                throw MappingsError(file: name, key: "letters.\(key)", problem: "not a code letter (codeLetters: \(String(codeLetters.writtenLetters)))")
            }
            for (i, c) in file.codeRun.enumerated() where c.unicodeScalars.count != 1 || UnicodeWhitespace.contains(c.unicodeScalars.first!) {
                throw MappingsError(file: name, key: "codeRun[\(i)]", problem: "not one character other than white space (white space always belongs to the run)")
            }
            for (read, printed) in file.digitMisreadings {
                func thaiDigit(_ c: String) -> Bool { c.unicodeScalars.count == 1 && ThaiNumber.digitValue(c.unicodeScalars.first!) != nil && !c.unicodeScalars.first!.isASCII }
                guard thaiDigit(read), !printed.isEmpty, printed.allSatisfy(thaiDigit), !printed.contains(read) else {
                    throw MappingsError(file: name, key: "digitMisreadings.\(read)", problem: "not one Thai digit read for other Thai digits (each one Thai digit, never the key)")
                }
            }
            return file
        }
    }

    // How long a token and a text must be and how well they must match: `InterpretSettings`'
    // `catalogue...` settings, passed to `confirmed` and `fix`.

    /// A catalogue text's whole key (compared up to `catalogueMaxKeyCharacters`, as the row's).
    struct Candidate { var code: String; var tool: Tool; var number: Int; var key: [Unicode.Scalar] }
    let candidates: [Candidate]
    let lookalikes: [Unicode.Scalar: Set<Tool>]
    /// The characters of a printed code's run as OCR reads it (`File.codeRun`), white space aside.
    let codeRun: Set<Unicode.Scalar>

    /// The question codes' letters (`QuestionCodeLetters`).
    let codeLetters: QuestionCodeLetters
    /// Per Thai digit as OCR read it, the digit values it may stand for besides its own (`File.digitMisreadings`).
    let misreadDigits: [Unicode.Scalar: Set<Int>]

    init(catalogues: [Int: [String: ITAVocabulary.QuestionInfo]], file: File, codeLetters: QuestionCodeLetters) {
        self.codeLetters = codeLetters
        var seen = Set<String>()
        var list: [Candidate] = []
        for year in catalogues.keys.sorted() {
            for (code, info) in catalogues[year]!.sorted(by: { $0.key < $1.key }) where !info.name.isEmpty {
                // The whole key: a comparison reads as far as the row's key, at most
                // `catalogueMaxKeyCharacters` (a setting, not known when the data is loaded).
                let key = Array(KeyedText(info.name).key)
                // One entry per code and text (a code's text is the same in several catalogues).
                guard let number = Int(code.dropFirst()), seen.insert(code + "\u{0}" + String(scalars: key)).inserted else { continue }
                list.append(Candidate(code: code, tool: info.tool, number: number, key: key))
            }
        }
        candidates = list
        var map: [Unicode.Scalar: Set<Tool>] = [:]
        for (letter, chars) in file.letters {
            guard let tool = codeLetters.tool(forLetter: letter.unicodeScalars.first!) else { continue }
            for c in chars { for u in c.unicodeScalars { map[u, default: []].insert(tool) } }
        }
        lookalikes = map
        codeRun = Set(file.codeRun.compactMap(\.unicodeScalars.first))
        misreadDigits = file.digitMisreadings.reduce(into: [:]) { map, entry in
            map[entry.key.unicodeScalars.first!] = Set(entry.value.compactMap { ThaiNumber.digitValue($0.unicodeScalars.first!) })
        }
    }

    /// The text with its leading token replaced by the confirmed code (`i2 เจ้าหน้าที่...`), or nil
    /// when the text starts with a code already, or no code is confirmed.
    ///
    /// The text is compared with the start of each catalogue text first; when that confirms no
    /// code, with the closest run anywhere in it (`windowSimilarity`): a code printed at the
    /// vertical centre of its row stands beside a middle line of its question's text (tune scan
    /// v000004: `1๑๒ | จ้าง ที่เอื้อประโยชน์ให้ผู้ประกอบการ` for i12, whose text opens a line above).
    ///
    /// In the run comparison every other question competes on `competingSimilarity`, the highest
    /// of all three comparisons: a question whose whole text is shorter than the line (o42's text
    /// is the end of o43's, o23's of o24's) must still compete, or the line that is o42's text with
    /// a stray character would confirm o43.
    /// `runs: false` leaves the run comparison out (a line that is no question row, `fix`).
    func confirmed(_ text: String, _ settings: InterpretSettings, runs: Bool = true) -> String? {
        if let code = confirmed(text, settings, measure: Self.similarity, competing: Self.similarity) { return code }
        return runs ? confirmed(text, settings, measure: Self.windowSimilarity, competing: Self.competingSimilarity) : nil
    }

    /// `measure` picks the code among the token's candidates; `competing` is what every other
    /// question's text scores against the line (at least `measure`'s score).
    private func confirmed(_ text: String, _ settings: InterpretSettings,
                           measure: ([Unicode.Scalar], [Unicode.Scalar], InterpretSettings) -> Double?,
                           competing: ([Unicode.Scalar], [Unicode.Scalar], InterpretSettings) -> Double?) -> String? {
        guard !candidates.isEmpty, QuestionTokens.codePrefix(text, codeLetters) == nil else { return nil }
        let trimmed = text.drop { $0 == " " }
        guard let space = trimmed.firstIndex(of: " ") else { return nil }
        let token = Array(trimmed[..<space].unicodeScalars)
        guard !token.isEmpty, Double(token.count) <= settings.catalogueCodeMaxTokenCharacters else { return nil }
        let rest = trimmed[trimmed.index(after: space)...]
        let key = Array(KeyedText(String(rest)).key.prefix(Int(settings.catalogueMaxKeyCharacters)))
        guard Double(key.count) >= settings.catalogueMinKeyCharacters else { return nil }
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
        // Per code the token allows: its best score by `measure`, and by `competing`.
        var own: [String: Double] = [:], rival: [String: Double] = [:]
        for c in candidates {
            if !numbers.isEmpty {
                guard numbers.contains(c.number) else { continue }
                // A leading digit is no letter unless it is the i look-alike read as the number's 1.
                if ThaiNumber.digitValue(token[0]) == nil, !tools.isEmpty, !tools.contains(c.tool) { continue }
            } else if !tools.contains(c.tool) { continue }
            if let s = measure(key, c.key, settings) { own[c.code] = max(own[c.code] ?? s, s) }
            if let s = competing(key, c.key, settings) { rival[c.code] = max(rival[c.code] ?? s, s) }
        }
        // The best code, and the next best code's competing score (a tie leaves no margin).
        guard let b = own.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else { return nil }
        let second = rival.filter { $0.key != b.key }.values.max() ?? 0
        guard b.value >= settings.catalogueMinSimilarity, b.value - second >= settings.catalogueMinMargin else { return nil }
        // The text must be that question's of all questions, not only of those the token allows
        // (`15` before i4's text is no i5, however close i5's text is).
        for c in candidates where c.code != b.key {
            guard let s = competing(key, c.key, settings) else { continue }
            if s > b.value - settings.catalogueMinMargin { return nil }
        }
        return b.key + " " + String(rest)
    }

    /// 1 - edit distance / length over the two keys' common length; nil when that is shorter than
    /// `catalogueMinKeyCharacters` (too few characters to tell questions apart).
    static func similarity(_ key: [Unicode.Scalar], _ other: [Unicode.Scalar], _ settings: InterpretSettings) -> Double? {
        let n = min(key.count, other.count)
        guard Double(n) >= settings.catalogueMinKeyCharacters else { return nil }
        return 1 - Double(distance(Array(key.prefix(n)), Array(other.prefix(n)))) / Double(n)
    }

    /// 1 - edit distance / length of `key` against the closest run of `other`, wherever it starts
    /// and ends in it (a line from the middle of a question's text); nil when either is shorter
    /// than `catalogueMinKeyCharacters`, or `key` longer than `other` (then it is no run of it).
    static func windowSimilarity(_ key: [Unicode.Scalar], _ other: [Unicode.Scalar], _ settings: InterpretSettings) -> Double? {
        guard Double(key.count) >= settings.catalogueMinKeyCharacters, key.count <= other.count else { return nil }
        return 1 - Double(windowDistance(key, in: other)) / Double(key.count)
    }

    /// 1 - edit distance / length of `other`'s whole text against the closest run of `key` (the
    /// line holds the catalogue text and more: o42's text with a stray character); nil when
    /// `other` is shorter than `catalogueMinKeyCharacters` or longer than `key`.
    static func containedSimilarity(_ key: [Unicode.Scalar], _ other: [Unicode.Scalar], _ settings: InterpretSettings) -> Double? {
        guard Double(other.count) >= settings.catalogueMinKeyCharacters, other.count <= key.count else { return nil }
        return 1 - Double(windowDistance(other, in: key)) / Double(other.count)
    }

    /// What another question's text scores against a line in the run comparison: the highest of
    /// `similarity` (the starts), `windowSimilarity` (the line a run of the text) and
    /// `containedSimilarity` (the text a run of the line), so that no question drops out because
    /// the line is longer than its text. Nil only when none can be told.
    static func competingSimilarity(_ key: [Unicode.Scalar], _ other: [Unicode.Scalar], _ settings: InterpretSettings) -> Double? {
        [similarity(key, other, settings), windowSimilarity(key, other, settings), containedSimilarity(key, other, settings)]
            .compactMap { $0 }.max()
    }

    /// The least edit distance between `a` and any run of `b` (free start and end in `b`).
    static func windowDistance(_ a: [Unicode.Scalar], in b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return 0 }
        if b.isEmpty { return a.count }
        var prev = [Int](repeating: 0, count: b.count + 1), cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev.min()!
    }

    /// The line with a garbled code at its start confirmed: in its first segment (`12 เจ้าหน้าที่...`),
    /// or as a first segment of its own with the text in the next (a code column). `raw` keeps what
    /// was printed.
    ///
    /// The run comparison (a code beside a middle line of its text) only on a line that looks like
    /// a question row: one with a score beside the text (`hasScore`). Elsewhere (prose, plan
    /// cells) only the start of a catalogue text confirms a code.
    func fix(_ line: ReadLine, _ settings: InterpretSettings) -> ReadLine {
        guard let first = line.segments.first else { return line }
        var out = line
        let runs = Self.hasScore(line)
        if let fixed = confirmed(first.text, settings, runs: runs) {
            out.segments[0].text = fixed
        } else if line.segments.count >= 2, !first.text.contains(" "),
                  let fixed = confirmed(first.text + " " + line.segments[1].text, settings, runs: runs), let space = fixed.firstIndex(of: " ") {
            out.segments[0].text = String(fixed[..<space])
        }
        return out
    }

    /// Whether the line has a score beside its text, as a question row does: a segment after the
    /// first that is one number in either script (its value unchecked: OCR misreads a score's
    /// digits, `๓๐๕.๕` for i12's on tune scan v000004), or a two-decimal score at the end of the
    /// last segment (`QuestionTokens.trailingScore`).
    static func hasScore(_ line: ReadLine) -> Bool {
        line.segments.dropFirst().contains { ThaiNumber.score($0.text) != nil }
            || line.segments.last.map { QuestionTokens.trailingScore($0.text) != nil } ?? false
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
