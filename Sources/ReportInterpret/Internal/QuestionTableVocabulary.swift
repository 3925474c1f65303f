import Foundation
import ITAModel
import ThaiNormalise

/// Header wording of question-score tables (Mappings/ita/question-table.json): a cell starting
/// with one of these words is a header or sub-table title, never part of a question's text.
struct QuestionTableVocabulary {
    var headerStarts: [String] { didSet { headerStartBytes = Self.plainBytes(headerStarts) } }
    /// Per header word, its UTF-8 when it is plain (`CanonicalSearch.isPlain`), nil otherwise: for `isHeader`.
    private var headerStartBytes: [[UInt8]?] = []
    /// Words that may stand around a year in a multi-year table's column title ("คะแนนปี ๒๕๖๖"),
    /// in key form (`KeyedText`), longest first.
    var yearColumnWords: [String] = []
    /// Words of a change column's title ("เพิ่มขึ้น/ลดลง"), in key form.
    var changeColumnWords: [String] = []
    /// Words after which a two-digit number is a short Buddhist year ("ปี 66"), in key form.
    var shortYearWords: [String] = []
    /// The question codes' letters (`Mappings/ita/question-code-lookalikes.json`, loaded once per run).
    var codeLetters: QuestionCodeLetters
    /// Each tool's printed titles in key form (`toolTitles`): what names a chain's tool (`toolTitled`).
    var toolTitles: [(tool: Tool, key: String)] = []

    init(headerStarts: [String], yearColumnWords: [String] = [], changeColumnWords: [String] = [], shortYearWords: [String] = [],
         codeLetters: QuestionCodeLetters) {
        self.codeLetters = codeLetters
        self.headerStarts = headerStarts; self.yearColumnWords = yearColumnWords
        self.changeColumnWords = changeColumnWords; self.shortYearWords = shortYearWords
        headerStartBytes = Self.plainBytes(headerStarts)
    }

    private static func plainBytes(_ words: [String]) -> [[UInt8]?] {
        words.map { CanonicalSearch.isPlain($0) ? Array($0.utf8) : nil }
    }

    private struct File: Decodable {
        var headerStarts: [String]
        var yearColumnWords: [String]
        var changeColumnWords: [String]
        var shortYearWords: [String]
        var toolTitles: [String: [String]]
    }

    /// Loads `ita/question-table.json`; a missing file, key or wrong type throws `MappingsError`.
    static func load(mappings: URL, codeLetters: QuestionCodeLetters) throws -> QuestionTableVocabulary {
        let file = try MappingsFile.json(File.self, "ita/question-table.json", in: mappings)
        func keys(_ words: [String]) -> [String] {
            words.map { KeyedText.keyString($0) }.filter { !$0.isEmpty }
                .sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }
        }
        var v = QuestionTableVocabulary(headerStarts: file.headerStarts.map { squeezed($0) },
                                        yearColumnWords: keys(file.yearColumnWords),
                                        changeColumnWords: keys(file.changeColumnWords),
                                        shortYearWords: keys(file.shortYearWords).map { $0.replacingOccurrences(of: " ", with: "") },
                                        codeLetters: codeLetters)
        for (name, titles) in file.toolTitles.sorted(by: { $0.key < $1.key }) {
            guard let tool = Tool(rawValue: name) else {
                throw MappingsError(file: "ita/question-table.json", key: "toolTitles.\(name)", problem: "not a tool (IIT, EIT, OIT)")
            }
            let ks = titles.map { KeyedText.keyString($0) }
            guard !ks.isEmpty, !ks.contains(where: \.isEmpty) else {
                throw MappingsError(file: "ita/question-table.json", key: "toolTitles.\(name)", problem: "empty list or title")
            }
            v.toolTitles += ks.map { (tool: tool, key: $0) }
        }
        return v
    }

    /// The one tool whose title `text` holds (`toolTitles`); nil when it holds none, or titles of two.
    func toolTitled(_ text: String) -> Tool? {
        guard !toolTitles.isEmpty else { return nil }
        let key = KeyedText.keyString(text)
        let tools = Set(toolTitles.filter { key.contains($0.key) }.map(\.tool))
        return tools.count == 1 ? tools.first : nil
    }

    /// The years a column-title cell names when it is nothing but years and year words
    /// ("ปี ๒๕๖๖", "คะแนนปี 2567", "พ.ศ. ๒๕๖๖", "ปี 66"); empty otherwise.
    func yearLabel(_ text: String) -> [Int] {
        // Cheap test first: most cells hold no two-digit number at all.
        guard text.unicodeScalars.lazy.filter({ ThaiNumber.digitValue($0) != nil }).count >= 2 else { return [] }
        let kt = KeyedText(text)
        let nums = NumberTokens.find(in: kt)
        // Short Buddhist years ("ปี 66", "พ.ศ. ๖๗") count only right after a year word: a bare "66"
        // is no year.
        var short: [Int: Int] = [:]
        for (i, n) in nums.enumerated() where !n.hasFraction && n.text.count == 2 && (50...99).contains(Int(n.value)) {
            let before = CanonicalSearch.replacing(" ", with: "", in: kt.keyText(0..<n.range.lowerBound))
            if shortYearWords.contains(where: { before.hasSuffix($0) }) { short[i] = YearEvidenceVocabulary.fullYear(twoDigits: Int(n.value)) }
        }
        guard !nums.isEmpty, nums.indices.allSatisfy({ nums[$0].isYear || short[$0] != nil }) else { return [] }
        let years = nums.indices.map { short[$0] ?? Int(nums[$0].value) }
        var rest = kt.keyText(0..<kt.scalars.count)
        for n in nums { rest = CanonicalSearch.replacing(n.text, with: " ", in: rest) }
        for w in yearColumnWords { rest = CanonicalSearch.replacing(w, with: " ", in: rest) }
        guard rest.unicodeScalars.allSatisfy({ $0 == " " }) else { return [] }
        return years
    }

    /// True when a column-title cell names a change between years ("เพิ่มขึ้น/ลดลง", "ผลต่าง").
    func isChangeLabel(_ text: String) -> Bool {
        let key = KeyedText.keyString(text)
        return !key.isEmpty && changeColumnWords.contains { CanonicalSearch.contains(key, $0) }
    }

    /// The text with every whitespace character removed (header cells wrap at arbitrary points).
    /// A text with no whitespace (most cells) comes back as it is, without a copy: the filter and its
    /// property lookups were 4% of a Corpus run's CPU.
    static func squeezed(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isWhitespace) else { return text }
        return String(scalars: text.unicodeScalars.lazy.filter { !isWhitespace($0) })
    }

    /// Unicode White_Space (`UnicodeWhitespace`).
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool { UnicodeWhitespace.contains(scalar) }

    /// True when `text` starts with a header word. A word ending in the ordinal "ที่" ("ประเด็นที่")
    /// is a title only with its number ("ประเด็นที่ ๒"): wrapped question text can start with the
    /// same word ("ประเด็นที่เกี่ยวกับ...").
    /// A plain text (`CanonicalSearch.isPlain`) cannot start with a plain word whose bytes it does not
    /// start with (two plain texts are canonically equivalent exactly when their bytes are equal): most
    /// cells start with no header word, and are told so by their bytes, without `hasPrefix`'s
    /// Character-by-Character comparison (the reader asks this of every cell a question's text may run into).
    func isHeader(_ text: String) -> Bool {
        let t = QuestionTableVocabulary.squeezed(text)
        let bytes: [UInt8]? = CanonicalSearch.isPlain(t) ? Array(t.utf8) : nil
        return headerStarts.indices.contains { k in
            let h = headerStarts[k]
            if let bytes, let hb = headerStartBytes[k], !bytes.starts(with: hb) { return false }
            guard t.hasPrefix(h) else { return false }
            guard h.hasSuffix("ที่"), let next = t.dropFirst(h.count).unicodeScalars.first else { return true }
            return ThaiNumber.digitValue(next) != nil
        }
    }
}

