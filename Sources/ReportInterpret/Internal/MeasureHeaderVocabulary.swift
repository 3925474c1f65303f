import Foundation
import ITAModel
import ThaiCharacters

/// What an action-plan column holds, decided from its header wording.
enum MeasureColumnRole: String, Decodable {
    case issue, indicator, question, analysis, measure, steps, period, owner

    /// Columns whose text is not part of a measure row: analysis or findings, and the quoted
    /// ITA question a row answers (kept apart from the issue unless the plan has no issue column).
    var isRead: Bool { self != .analysis && self != .question }
}

/// Action-plan header wording (Mappings/ita/measure-headers.json): ordered rules from header
/// phrases to column roles, and the words a wrapped header line may hold on its own.
struct MeasureHeaderVocabulary {
    struct Rule: Decodable {
        var role: MeasureColumnRole
        var phrases: [String] { didSet { prepare() } }
        /// Per phrase, its length in Characters and its Thai scalars: `role(of:)` tests every phrase
        /// against every segment text of a page, and counting Characters (grapheme breaking) each
        /// time was most of the interpret stage's plan reading.
        private(set) var phraseLengths: [Int] = []
        private(set) var phraseScalars: [ThaiScalarSet] = []
        /// Per phrase, whether it is plain (`CanonicalSearch.isPlain`), for `role(of:)`'s searches.
        private(set) var phrasePlain: [Bool] = []

        init(role: MeasureColumnRole, phrases: [String]) {
            self.role = role; self.phrases = phrases
            prepare()
        }

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(role: try c.decode(MeasureColumnRole.self, forKey: .role), phrases: try c.decode([String].self, forKey: .phrases))
        }

        private enum CodingKeys: String, CodingKey { case role, phrases }

        private mutating func prepare() {
            phraseLengths = phrases.map(\.count)
            phraseScalars = phrases.map(ThaiScalarSet.init)
            phrasePlain = phrases.map(CanonicalSearch.isPlain)
        }
    }

    var rules: [Rule] { didSet { wordsChanged() } }
    var headerWords: [String] { didSet { wordsChanged() } }
    /// `headerWords` for `isHeaderWord`, made with them.
    private var headerWordIndex = HeaderWordIndex([])
    /// Every rule phrase, then every header word, as Characters (non-empty ones): what `coverage`
    /// looks for, split once instead of on every call.
    private var coverageWords: [CoverageWord] = []
    /// Every rule phrase, then every header word squeezed: what `hasWordingAcross` looks for, listed once.
    private var acrossWords: [String] = []
    var minimumRoles: Int
    /// Roles a header at a page's foot must name before the next page's top completes it
    /// (`minimumRolesAtPageFoot`): a page break may cut every cell's last words off.
    var minimumRolesAtPageFoot = 0
    /// Words that open a line after the table (a section heading, a note, a signature).
    var tableEnds: [String] = []
    /// Headings of the report's other sections (indicator and question scores), in key form, from
    /// Mappings/ita/section-announcements.json: a line announcing one is past the plan's end.
    var otherSectionHeadings: [String] = []
    /// How much longer than a heading (key characters) a line announcing it may be.
    var headingMaxExtra = 0
    /// Answers already given (the same header texts are tested many times per page, and every
    /// report prints much the same header): one memo for the process, shared by every document task
    /// and copy of this vocabulary, made anew when the rules or header words change (`MeasureRoleMemo`).
    private(set) var roleMemo = MeasureRoleMemo()

    /// The marks a plan's list item opens with (`MeasureItemMarker`), and the further marks that
    /// never open a wrapped header word's piece (`MeasureHeaderBand`).
    var itemBullets: Set<Unicode.Scalar> = []
    var headerPieceBullets: Set<Unicode.Scalar> = []
    /// Brackets that open a header cell's own gloss (`(แนวทาง/มาตรการ)`).
    var headerGlossOpeners: Set<Unicode.Scalar> = []

    private struct File: Decodable {
        var rules: [Rule]
        var headerWords: [String]
        var minimumRoles: Int
        var minimumRolesAtPageFoot: Int
        var tableEnds: [String]
        var itemBullets: [String]
        var headerPieceBullets: [String]
        var headerGlossOpeners: [String]
    }

    /// Loads `ita/measure-headers.json`; a missing file, key or wrong type throws `MappingsError`.
    static func load(mappings: URL) throws -> MeasureHeaderVocabulary {
        let file = try MappingsFile.json(File.self, "ita/measure-headers.json", in: mappings)
        let sections = try AnnouncedSections.File.load(mappings: mappings)
        let rules = file.rules.map { Rule(role: $0.role, phrases: $0.phrases.map { QuestionTableVocabulary.squeezed($0) }) }
        var vocabulary = MeasureHeaderVocabulary(rules: rules, headerWords: file.headerWords.map { QuestionTableVocabulary.squeezed($0) },
                                       minimumRoles: file.minimumRoles,
                                       tableEnds: file.tableEnds.map { QuestionTableVocabulary.squeezed($0) },
                                       otherSectionHeadings: sections.sections.filter { $0.key != "measures" }
                                           .flatMap(\.value).map { KeyedText.keyString($0) }.sorted(),
                                       headingMaxExtra: sections.maxExtra)
        let name = "ita/measure-headers.json"
        guard file.minimumRoles >= 1 else {
            throw MappingsError(file: name, key: "minimumRoles", problem: "must be at least 1")
        }
        guard (1...file.minimumRoles).contains(file.minimumRolesAtPageFoot) else {
            throw MappingsError(file: name, key: "minimumRolesAtPageFoot", problem: "must be from 1 to minimumRoles")
        }
        vocabulary.minimumRolesAtPageFoot = file.minimumRolesAtPageFoot
        vocabulary.itemBullets = try MappingsFile.characters(file.itemBullets, file: name, key: "itemBullets")
        vocabulary.headerPieceBullets = try MappingsFile.characters(file.headerPieceBullets, file: name, key: "headerPieceBullets")
        vocabulary.headerGlossOpeners = try MappingsFile.characters(file.headerGlossOpeners, file: name, key: "headerGlossOpeners")
        return vocabulary
    }

    init(rules: [Rule], headerWords: [String], minimumRoles: Int, tableEnds: [String] = [],
         otherSectionHeadings: [String] = [], headingMaxExtra: Int = 0) {
        self.rules = rules; self.headerWords = headerWords; self.minimumRoles = minimumRoles
        self.tableEnds = tableEnds; self.otherSectionHeadings = otherSectionHeadings; self.headingMaxExtra = headingMaxExtra
        wordsChanged()
    }

    /// What is made from the rules and header words, made again; the answers remembered from the old ones forgotten.
    private mutating func wordsChanged() {
        coverageWords = Self.coverageWords(rules, headerWords)
        headerWordIndex = HeaderWordIndex(headerWords)
        acrossWords = rules.flatMap(\.phrases) + headerWords.map(QuestionTableVocabulary.squeezed)
        roleMemo = MeasureRoleMemo()
    }

    /// `headerWords` split by spelling: the plain ones (`CanonicalSearch.isPlain`) by their bytes, the others as they are.
    private struct HeaderWordIndex {
        var plain: Set<[UInt8]> = []
        var other: [String] = []
        /// Per word (list order), whether it is plain.
        var isPlain: [Bool] = []
        /// Per word (list order), its Thai scalars (`isPieceOfWordingUncached`'s gate).
        var scalars: [ThaiScalarSet] = []
        init(_ words: [String]) {
            isPlain = words.map(CanonicalSearch.isPlain)
            scalars = words.map(ThaiScalarSet.init)
            for (w, p) in zip(words, isPlain) { if p { plain.insert(Array(w.utf8)) } else { other.append(w) } }
        }
    }

    /// `headerWords.contains(t)`, String equality (canonical equivalence) included: a plain text equals
    /// a plain word exactly when their bytes are equal (`CanonicalSearch`), so it is looked up by its
    /// bytes among those, and compared as a String with the others only (comparing it with every
    /// word, Unicode-aware, was a fifth of `isHeaderWording`).
    private func isHeaderWord(_ t: String, bytes: [UInt8]) -> Bool {
        guard CanonicalSearch.isPlain(t) else { return headerWords.contains(t) }
        return headerWordIndex.plain.contains(bytes) || headerWordIndex.other.contains(t)
    }

    private static func coverageWords(_ rules: [Rule], _ headerWords: [String]) -> [CoverageWord] {
        (rules.flatMap(\.phrases) + headerWords).filter { !$0.isEmpty }.map { CoverageWord(chars: Array($0), plain: CanonicalSearch.isPlain($0)) }
    }

    /// A word `coverage` looks for: its Characters, and whether it is plain (`CanonicalSearch.isPlain`).
    private struct CoverageWord {
        var chars: [Character]
        var plain: Bool
    }

    /// The role of a header cell's text, nil when no phrase matches. The longest phrase found in
    /// the text decides (rule order breaks ties): a header names its meaning in its most specific
    /// words, and shorter phrases sit inside longer ones of another meaning ("ผลการวิเคราะห์" inside
    /// "วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ", a measure; "ประเด็น" inside "ประเด็นข้อคำถาม", a question).
    func role(of text: String) -> MeasureColumnRole? {
        roleMemo.roles.value(ByteKey(text)) { roleUncached(of: text) }
    }

    /// `role(of:)`, found in the rules.
    func roleUncached(of text: String) -> MeasureColumnRole? {
        let t = QuestionTableVocabulary.squeezed(text)
        guard !t.isEmpty else { return nil }
        // Thai letters have no canonical decompositions and none decompose into them, so a
        // phrase whose Thai letters are not all in the text cannot be found in it by `contains`
        // (canonical-equivalence search) either: skip the costly search for it.
        let have = ThaiScalarSet(t)
        // The text is searched for many phrases: whether it is plain is asked once, not per phrase.
        let plain = CanonicalSearch.isPlain(t)
        var role: MeasureColumnRole?
        var longest = 0
        for rule in rules {
            for (k, phrase) in rule.phrases.enumerated()
            where rule.phraseLengths[k] > longest && rule.phraseScalars[k].isSubset(of: have)
                && CanonicalSearch.contains(t, plain: plain, phrase, plain: rule.phrasePlain[k]) {
                role = rule.role
                longest = rule.phraseLengths[k]
            }
        }
        return role
    }

    /// True when the text `left` then `right` holds a rule phrase that neither holds alone: one
    /// phrase runs across the two.
    func hasPhraseAcross(_ left: String, _ right: String) -> Bool {
        let l = QuestionTableVocabulary.squeezed(left), r = QuestionTableVocabulary.squeezed(right)
        let joined = l + r
        return rules.contains { $0.phrases.contains { p in joined.contains(p) && !l.contains(p) && !r.contains(p) } }
    }

    /// True when `joined` (the words of `left` and `right` read together, line by line) holds a
    /// rule phrase or header word that neither holds alone: the two are pieces of one header cell.
    func hasWordingAcross(_ joined: String, _ left: String, _ right: String) -> Bool {
        let j = QuestionTableVocabulary.squeezed(joined), l = QuestionTableVocabulary.squeezed(left), r = QuestionTableVocabulary.squeezed(right)
        return acrossWords.contains { p in
            !p.isEmpty && CanonicalSearch.contains(j, p) && !CanonicalSearch.contains(l, p) && !CanonicalSearch.contains(r, p)
        }
    }

    /// True when squeezed text `piece` lies inside a phrase of some rule or a header word: a
    /// piece of header wording however a cell wraps it (`ผู้รับ`, `ผิด`, `ชอบ` of `ผู้รับผิดชอบ`).
    /// Remembered for the process (`roleMemo`): a plan's header pieces are asked about for every line
    /// below a repeated header, and each answer searches every phrase (5% of a run's CPU).
    func isPieceOfWording(_ piece: String) -> Bool {
        guard !piece.isEmpty else { return false }
        return roleMemo.pieces.value(ByteKey(piece)) { isPieceOfWordingUncached(piece) }
    }

    /// `isPieceOfWording`, searched in the rules and header words.
    func isPieceOfWordingUncached(_ piece: String) -> Bool {
        // Whether each text is plain is known (the phrases', the words') or asked once (the piece's).
        let plain = CanonicalSearch.isPlain(piece)
        // A phrase or word holds the piece only when it holds every Thai scalar of it (Thai letters
        // and marks have no canonical decompositions, none decompose into them: see `roleUncached`):
        // the costly search, through Foundation for a piece that is not plain, is skipped for the others.
        let need = ThaiScalarSet(piece)
        return rules.contains { r in
            r.phrases.indices.contains {
                need.isSubset(of: r.phraseScalars[$0]) && CanonicalSearch.contains(r.phrases[$0], plain: r.phrasePlain[$0], piece, plain: plain)
            }
        } || headerWords.indices.contains {
            need.isSubset(of: headerWordIndex.scalars[$0])
                && CanonicalSearch.contains(headerWords[$0], plain: headerWordIndex.isPlain[$0], piece, plain: plain)
        }
    }

    /// True when a line's text opens with a word that follows a table, never sits in one.
    func endsTable(_ text: String) -> Bool {
        let t = QuestionTableVocabulary.squeezed(text)
        return tableEnds.contains { t.hasPrefix($0) }
    }

    /// True when a line's text is a heading of another section of the report (a plan followed by
    /// the indicator or question scores on its last page or the next one).
    func announcesOtherSection(_ text: String) -> Bool {
        let k = KeyedText.keyString(text)
        return otherSectionHeadings.contains { k.hasPrefix($0) && k.count <= $0.count + headingMaxExtra }
    }

    /// True when the text is only header wording (a wrapped header line such as "ดำเนินการ"): it
    /// names a role, and vocabulary words make up at least `coverage` of its letters
    /// (`InterpretSettings.headerWordingCoverage`). A
    /// body line that merely holds a phrase ("เห็นของผู้ที่เกี่ยวข้อง เพื่อปรับปรุง", a measure's
    /// text continued at the top of a page under the repeated header) is not header wording.
    /// Remembered for the process (`roleMemo`) by the text and `needed`: the plan reader asks
    /// it of every cell of every line that might open a header band, and the coverage count walks
    /// the text's Characters against every phrase (4% of a run's CPU, mostly the same texts).
    func isHeaderWording(_ text: String, coverage needed: Double = InterpretSettings().headerWordingCoverage) -> Bool {
        roleMemo.headerWording.value(HeaderWordingKey(text: Array(text.utf8), coverage: needed.bitPattern)) {
            isHeaderWordingUncached(text, coverage: needed)
        }
    }

    /// `isHeaderWording`, counted.
    func isHeaderWordingUncached(_ text: String, coverage needed: Double) -> Bool {
        let t = QuestionTableVocabulary.squeezed(text)
        guard !t.isEmpty else { return true }
        return isHeaderWord(t, bytes: Array(t.utf8)) || (role(of: t) != nil && coverage(t) >= needed)
    }

    /// Share of the letters of squeezed text `t` (digits and punctuation left out) inside an
    /// occurrence of a rule phrase or a header word.
    private func coverage(_ t: String) -> Double {
        let chars = Array(t)
        // In a plain text and a plain word every Character has one spelling (`CanonicalSearch`), so two
        // are equal exactly when their bytes are: compared so, without Character equality's
        // normalising comparison (most of this function's time), with the same answers.
        let plainText = CanonicalSearch.isPlain(t)
        func isLetter(_ c: Character) -> Bool { c.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.generalCategory == .nonspacingMark } && !c.isNumber }
        var covered = [Bool](repeating: false, count: chars.count)
        for word in coverageWords {
            let w = word.chars
            guard w.count <= chars.count else { continue }
            if plainText && word.plain {
                for start in 0...(chars.count - w.count)
                where w.indices.allSatisfy({ chars[start + $0].utf8.elementsEqual(w[$0].utf8) }) {
                    for k in start..<start + w.count { covered[k] = true }
                }
                continue
            }
            for start in 0...(chars.count - w.count) where chars[start] == w[0] && Array(chars[start..<start + w.count]) == w {
                for k in start..<start + w.count { covered[k] = true }
            }
        }
        let letters = chars.indices.filter { isLetter(chars[$0]) }
        guard !letters.isEmpty else { return 1 }
        return Double(letters.filter { covered[$0] }.count) / Double(letters.count)
    }
}

/// The Thai-block scalars (U+0E00-U+0E7F) a text holds, as a 128-bit set.
struct ThaiScalarSet {
    var low: UInt64 = 0
    var high: UInt64 = 0

    init(_ text: String) {
        for u in text.unicodeScalars {
            guard let bit = ThaiScript.blockOffset(u.value) else { continue }
            if bit < 64 { low |= 1 << UInt64(bit) } else { high |= 1 << UInt64(bit - 64) }
        }
    }

    func isSubset(of other: ThaiScalarSet) -> Bool {
        low & ~other.low == 0 && high & ~other.high == 0
    }
}
