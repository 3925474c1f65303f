import ThaiCharacters

/// A word of an OCR'd plan cell that is only header wording (`measure-headers.json`'s rule phrases
/// run together, marks aside): a piece of the plan's header read into the body cell beside it
/// (`ประเด็น` after an issue, `ประเด็นที` before one, `ขันตอนวิธีปฏิบัติ` after steps, `- มาตรการกิจกรรม`).
/// Tesseract drops upper and lower marks of header words (`ขันตอน` for `ขั้นตอน`, `ที` for `ที่`),
/// so words and phrases are compared without their combining marks. No tune or Corpus gold plan cell
/// (4,053 issue, measure and steps cells) opens or ends with such a word.
struct HeaderPieceWords {
    /// Every rule phrase without marks or spaces, as scalars, longest first.
    private let phrases: [[Unicode.Scalar]]
    /// The phrases as printed (no spaces), longest first.
    private let printed: [String]
    /// Characters around a word that are not part of it (a bullet before `มาตรการ`, a bracket after it).
    private let edges: Set<Unicode.Scalar>

    /// Phrases that are body text as often (`headerPieceBodyWords`): a word of one of them alone
    /// stays (`... ได้ 85.50 คะแนน`, `๓. จัด กิจกรรม` with OCR's space inside a word).
    private let bodyWords: Set<[Unicode.Scalar]>

    /// Separators between a cell's parts (`/` of `ทุกกอง/ผู้ที่เกี่ยวข้อง`): a phrase after one is a
    /// part of its own, not a run-on (`trimmedRunOn`).
    private let separators: Set<Unicode.Scalar>
    /// Words that join two parts (`และ`): a phrase after one is the second part's name, not a run-on.
    private let linkWords: [String]

    /// `extraPhrases`: header words beside the rule phrases (`ดำเนินงาน` of `ระยะเวลาดำเนินงาน`), for
    /// cells no body text of which holds them. `separators` and `linkWords`: what a phrase run onto
    /// the last word must not follow (`trimmedRunOn`).
    init(vocabulary: MeasureHeaderVocabulary, edgeCharacters: Set<Unicode.Scalar>, bodyWords: [String] = [],
         separators: Set<Unicode.Scalar> = [], linkWords: [String] = [], extraPhrases: [String] = []) {
        self.bodyWords = Set(bodyWords.map(Self.bare))
        self.separators = separators
        self.linkWords = linkWords.filter { !$0.isEmpty }
        let all = vocabulary.rules.flatMap(\.phrases) + extraPhrases
        var seen = Set<[Unicode.Scalar]>()
        var list: [[Unicode.Scalar]] = []
        for p in all {
            let b = Self.bare(p)
            if !b.isEmpty, seen.insert(b).inserted { list.append(b) }
        }
        phrases = list.sorted { $0.count > $1.count }
        printed = Set(all.map { String($0.unicodeScalars.filter { !$0.properties.isWhitespace }) })
            .filter { !$0.isEmpty }.sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }
        edges = edgeCharacters
    }

    /// The scalars of `text` with whitespace and Thai combining marks left out.
    static func bare(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { !ThaiMark.isCombining($0) && !$0.properties.isWhitespace }
    }

    /// True when `word` (one space-separated word), its edge characters aside, is one or more rule
    /// phrases run together, marks aside.
    func isHeaderPiece(_ word: Substring) -> Bool {
        var u = Self.bare(String(word))
        while let f = u.first, edges.contains(f) { u.removeFirst() }
        while let l = u.last, edges.contains(l) { u.removeLast() }
        guard !u.isEmpty, !bodyWords.contains(u) else { return false }
        // reach[i]: the first i scalars are phrases run together.
        var reach = [Bool](repeating: false, count: u.count + 1)
        reach[0] = true
        for i in 0..<u.count where reach[i] {
            for p in phrases where i + p.count <= u.count && u[i..<(i + p.count)].elementsEqual(p) { reach[i + p.count] = true }
        }
        return reach[u.count]
    }

    /// `text` with a phrase as printed run onto its last word taken off (`กองคลังผู้รับผิดชอบ`,
    /// `กองการเจ้าหน้าที่ผู้รับผิดชอบ`: the header's word read into the cell with no space), and the
    /// phrase; nil when it ends with none or is the phrase alone. Not after a space (a word of its
    /// own: `trimmed` judges it), a separator (`ทุกกอง/ผู้ที่เกี่ยวข้อง`: a part of its own) or a link
    /// word (`กองคลังและผู้รับผิดชอบ`: `กองคลังและ` would be left dangling, the phrase a part's name).
    func trimmedRunOn(_ text: String) -> (text: String, removed: String)? {
        guard let p = printed.first(where: { text.hasSuffix($0) && text.count > $0.count }), !bodyWords.contains(Self.bare(p)) else { return nil }
        let rest = String(text.dropLast(p.count))
        guard let last = rest.unicodeScalars.last, !last.properties.isWhitespace, !separators.contains(last),
              !linkWords.contains(where: { rest.hasSuffix($0) }) else { return nil }
        return (rest, p)
    }

    /// `text` without a first or last word that is a header piece (when other words remain), with
    /// any word of edge characters only left beside it (the `-` of `- มาตรการกิจกรรม`), and the words
    /// taken off; nil when there is none.
    func trimmed(_ text: String) -> (text: String, removed: [String])? {
        var words = text.split(whereSeparator: { $0 == " " })
        var removed: [String] = []
        func edgeOnly(_ w: Substring) -> Bool { w.unicodeScalars.allSatisfy(edges.contains) }
        if words.count >= 2, let f = words.first, isHeaderPiece(f) {
            removed.append(String(f)); words.removeFirst()
            while words.count >= 2, let w = words.first, edgeOnly(w) { removed.append(String(w)); words.removeFirst() }
        }
        if words.count >= 2, let l = words.last, isHeaderPiece(l) {
            removed.append(String(l)); words.removeLast()
            while words.count >= 2, let w = words.last, edgeOnly(w) { removed.append(String(w)); words.removeLast() }
        }
        return removed.isEmpty ? nil : (words.joined(separator: " "), removed)
    }
}
