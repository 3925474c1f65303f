import Foundation
import ITAModel
import ThaiCharacters
import ThaiNormalise

/// The checks an action-plan cell read by OCR must pass to be written (Mappings/ita/plan-cells.json):
/// a period or an owner its form, a free-text cell (issue, measure, steps) that it reads as text. Tesseract runs a neighbouring column's words into a cell, reads
/// header words as body and misreads Thai digits ("ไตรมาส ๑-๕", "ไตรมาสที่ ๒๓"); a cell no check
/// confirms is left empty, its OCR'd text kept in the row's provenance (`raw`) and a change of kind
/// `ocr_unconfirmed`. Text-layer cells are never checked: their text is what is printed.
struct RecognisedPlanCells {
    struct File: Decodable {
        var periodWords: [String]
        /// Words that join a period's parts but name no time by themselves ("ตลอด", "ตั้งแต่").
        var periodLinkWords: [String]
        var periodSeparators: String
        var months: [[String]]
        var yearWords: [String]
        var quarterWords: [String]
        var everyWords: [String]
        var monthCountWords: [String]
        var ownerHeads: [String]
        var ownerSeparators: String
        var periodOnlyWords: [String]
        var textStrayCharacters: String
        /// Punctuation printed only against a word: standing alone between spaces it is OCR's speck.
        var textLoneMarks: String
        /// Characters around a header piece word that are not part of it (bullets, brackets).
        var headerPieceEdges: String
        /// Header phrases that open or end body text as often (a score's unit, what a measure is):
        /// alone they are never taken off a cell.
        var headerPieceBodyWords: [String]

        /// Loads `ita/plan-cells.json`; a missing file, key, wrong type or empty list throws `MappingsError`.
        static func load(mappings: URL) throws -> File {
            let file = try MappingsFile.json(File.self, "ita/plan-cells.json", in: mappings)
            if let i = file.months.firstIndex(where: { $0.isEmpty }) {
                throw MappingsError(file: "ita/plan-cells.json", key: "months[\(i)]", problem: "empty list")
            }
            // A blank word would match everywhere and never move the tokeniser on.
            let lists: [(String, [String])] = [("periodWords", file.periodWords), ("periodLinkWords", file.periodLinkWords),
                                                ("months", file.months.flatMap { $0 }),
                                                ("yearWords", file.yearWords), ("quarterWords", file.quarterWords),
                                                ("everyWords", file.everyWords), ("monthCountWords", file.monthCountWords),
                                                ("ownerHeads", file.ownerHeads), ("periodOnlyWords", file.periodOnlyWords),
                                                ("headerPieceBodyWords", file.headerPieceBodyWords)]
            for (key, list) in lists where list.contains(where: { QuestionTableVocabulary.squeezed($0).isEmpty }) {
                throw MappingsError(file: "ita/plan-cells.json", key: key, problem: "blank entry")
            }
            for (key, value) in [("textStrayCharacters", file.textStrayCharacters), ("textLoneMarks", file.textLoneMarks),
                                 ("headerPieceEdges", file.headerPieceEdges)] where value.isEmpty {
                throw MappingsError(file: "ita/plan-cells.json", key: key, problem: "empty")
            }
            if file.periodSeparators.isEmpty || file.ownerSeparators.isEmpty {
                throw MappingsError(file: "ita/plan-cells.json", key: file.periodSeparators.isEmpty ? "periodSeparators" : "ownerSeparators",
                                    problem: "empty")
            }
            return file
        }
    }

    /// What a vocabulary form is to a period: months and year words are told apart (a year must
    /// follow one), and link words (which name no time alone); quarter, every and month-count
    /// words are period words like the others.
    private enum Kind { case word, month, year, link }
    private enum Token: Equatable {
        case word(Kind)
        case number(value: Int, digits: Int)
        case separator
    }

    /// Every vocabulary form, squeezed, with its kind; longest first so that the longest match wins.
    private let forms: [(scalars: [Unicode.Scalar], kind: Kind)]
    private let periodSeparators: Set<Unicode.Scalar>
    private let ownerSeparators: Set<Unicode.Scalar>
    private let ownerHeads: [String]
    /// Words no office's name holds: a period's words run into an owner cell.
    private let periodOnly: [String]
    /// Characters no plan text prints: OCR's reading of specks, rules and broken glyphs.
    private let textStray: Set<Unicode.Scalar>
    /// Punctuation that never stands alone in printed text (`textLoneMarks`).
    private let textLoneMarks: Set<Unicode.Scalar>
    /// Header wording read into a body cell's first or last word.
    let headerPieces: HeaderPieceWords
    /// Words a period's count follows (`ไตรมาส ๒`, `ทุก ๖`) and precedes (`๖ เดือน`), squeezed.
    private let countLeads: Set<String>
    private let countUnits: Set<String>

    init(file: File, headers: MeasureHeaderVocabulary) {
        func squeezed(_ list: [String]) -> [String] { list.map { QuestionTableVocabulary.squeezed($0) } }
        var forms: [(scalars: [Unicode.Scalar], kind: Kind)] = []
        // Each form once, with the first kind listed: link words first (`ทุก` is an every word
        // too, and names no time alone); quarter, every and month-count words (kept apart in the
        // file, which documents what a period may say) are period words.
        for (list, kind) in [(file.periodLinkWords, Kind.link), (file.quarterWords, .word), (file.everyWords, .word),
                             (file.monthCountWords, .word),
                             (file.yearWords, .year), (file.months.flatMap { $0 }, .month), (file.periodWords, .word)] {
            for w in squeezed(list) where !forms.contains(where: { String(String.UnicodeScalarView($0.scalars)) == w }) {
                forms.append((Array(w.unicodeScalars), kind))
            }
        }
        self.forms = forms.sorted { $0.scalars.count > $1.scalars.count }
        periodSeparators = Set(file.periodSeparators.unicodeScalars)
        ownerSeparators = Set(file.ownerSeparators.unicodeScalars)
        ownerHeads = squeezed(file.ownerHeads)
        periodOnly = squeezed(file.months.flatMap { $0 } + file.periodOnlyWords)
        textStray = Set(file.textStrayCharacters.unicodeScalars)
        textLoneMarks = Set(file.textLoneMarks.unicodeScalars)
        countLeads = Set(squeezed(file.quarterWords + file.everyWords))
        countUnits = Set(squeezed(file.monthCountWords))
        headerPieces = HeaderPieceWords(vocabulary: headers, edgeCharacters: Set(file.headerPieceEdges.unicodeScalars),
                                        bodyWords: file.headerPieceBodyWords)
    }

    /// True when `word` (one word as printed: `ก.ย.`, `กันยายน`) is a month's printed form.
    func isMonth(_ word: String) -> Bool {
        let w = Array(QuestionTableVocabulary.squeezed(word).unicodeScalars)
        return !w.isEmpty && forms.contains { $0.kind == .month && $0.scalars == w }
    }

    /// True when `word` is a month's printed form with its year run on (`ต.ค.67`).
    func isMonthWithYear(_ word: String) -> Bool {
        let w = Array(QuestionTableVocabulary.squeezed(word).unicodeScalars)
        return forms.contains { f in
            f.kind == .month && w.count > f.scalars.count && Array(w.prefix(f.scalars.count)) == f.scalars
                && w.dropFirst(f.scalars.count).allSatisfy { ThaiNumber.digitValue($0) != nil }
        }
    }

    /// True when a number printed between the words `previous` and `next` (as printed, either nil
    /// at a line's end) counts a period's quarters or months: after a quarter or every word
    /// (`ไตรมาส ๒`, `ทุก ๖`) or before a month-count word (`๖ เดือน`).
    func isPeriodCount(previous: String?, next: String?) -> Bool {
        previous.map { countLeads.contains(QuestionTableVocabulary.squeezed($0)) } == true
            || next.map { countUnits.contains(QuestionTableVocabulary.squeezed($0)) } == true
    }

    /// True when `word` (one word as printed) joins the parts of a period: only separators (`-`),
    /// or a link word (`ถึง`).
    func linksPeriod(_ word: String) -> Bool {
        let w = Array(QuestionTableVocabulary.squeezed(word).unicodeScalars)
        guard !w.isEmpty else { return false }
        return w.allSatisfy(periodSeparators.contains) || forms.contains { $0.kind == .link && $0.scalars == w }
    }

    /// True when an OCR'd free-text cell (issue, measure, steps) reads as printed text, not as OCR's
    /// noise: it holds a Thai letter; no word mixes Thai and Latin letters (`แจ้yyงเaวียน`) and none
    /// is a lone Latin letter (`a.` for `๗.`), while Latin words standing apart (`No Gift Policy`,
    /// `E-Service`) are kept; no stray character (`textStrayCharacters`); it is not header wording
    /// only (a header read as a row: `มาตรการ/กิจกรรม`); and every Thai word is known to the
    /// normaliser's lexicon (`unknownWords` is 0). On the tune scans every right OCR'd text cell
    /// (52) passed and 260 of 439 wrong ones failed; the wrong ones that pass are cut or run-together
    /// cells whose words are all real. Some of those show it by their shape, which no printed cell has
    /// (none of 4,053 tune and Corpus gold cells): a lone mark of punctuation (`textLoneMarks`), a
    /// short Latin word standing among Thai ones (`loneLatinMaxLetters`), a number in two scripts with
    /// no code letter, list numbers out of order or after other text (`ItemOrder`, per `field`), an
    /// office word (`ownerHeads`) alone at its first or last word.
    func isText(_ text: String, field: ItemOrder.Field = .measure, loneLatinMaxLetters: Int = Int(InterpretSettings().ocrLoneLatinMaxLetters),
                unknownWords: (String) -> Int, isHeaderWording: (String) -> Bool) -> Bool {
        let scalars = text.unicodeScalars
        guard ThaiScript.containsConsonant(text),
              !scalars.contains(where: textStray.contains) else { return false }
        let words = text.split(whereSeparator: { $0 == " " })
        func hasLatin(_ w: Substring) -> Bool { w.unicodeScalars.contains { ThaiScript.isASCIILetter($0.value) } }
        for (k, word) in words.enumerated() {
            let u = word.unicodeScalars
            let latin = u.filter { ThaiScript.isASCIILetter($0.value) }.count
            if latin > 0 && u.contains(where: { ThaiScript.isConsonant($0.value) }) { return false }
            let digit = u.contains(where: { ThaiScript.isDigit($0.value) })
            if latin == 1 && !digit { return false }
            // A number in two scripts with no code letter (`1๕`, `๑12`): a question code whose letter
            // was lost and whose digits were misread (a code prints one letter: `i1๐`, `e12`).
            if latin == 0, u.contains(where: { ThaiScript.isThaiDigit($0.value) }), u.contains(where: { ThaiScript.isASCIIDigit($0.value) }) {
                return false
            }
            // A lone mark of punctuation (`.`, `:` standing between words): a speck or a rule read.
            if u.allSatisfy(textLoneMarks.contains) { return false }
            // A short Latin word, not an acronym, standing among Thai words (`ae`, `Ti`, `vu`): OCR's
            // reading of a broken glyph. Latin words beside other Latin words (`No Gift Policy`) and
            // question codes (`i5`) are printed.
            if latin > 0, !digit, u.count <= loneLatinMaxLetters, !u.allSatisfy({ !ThaiScript.isASCIILetter($0.value) || ThaiScript.isASCIIUppercase($0.value) }),
               !(k > 0 && hasLatin(words[k - 1])), !(k + 1 < words.count && hasLatin(words[k + 1])) { return false }
        }
        // An office word alone at the cell's edge (`ขับเคลื่อนกิจกรรมตาม สำนัก`): the owner cell's
        // first line run into this one (no gold plan text cell opens or ends with one).
        if words.count >= 2, [words[0], words[words.count - 1]].contains(where: { ownerHeads.contains(String($0)) }) { return false }
        guard ItemOrder.holds(words, field: field) else { return false }
        return !isHeaderWording(text) && unknownWords(text) == 0
    }

    /// True when `text` reads as a period: only period words, months, years and separators, each
    /// year (after a month or a year word, or of four digits) one of `years` (the plan year and the
    /// year before it). Any other number (a quarter, a day, a month count) is no confirmed reading:
    /// OCR's digits are wrong too often and nothing checks them. Empty `years`: no year can be
    /// confirmed.
    func isPeriod(_ text: String, years: Set<Int>) -> Bool {
        guard let tokens = tokens(of: text, separators: periodSeparators) else { return false }
        let words = tokens.filter { $0 != .separator }
        guard words.contains(where: { if case .word = $0 { return true } else { return false } }) else { return false }
        // Link words alone are a period cut short ("ตลอด" of "ตลอดปีงบประมาณ" wrapped away).
        guard words.contains(where: { $0 != .word(.link) }) else { return false }
        for (i, t) in words.enumerated() {
            guard case let .number(value, digits) = t else { continue }
            // Tesseract misreads digits often (๖ as ๒, ๔ as ๕, and Thai glyphs as ASCII ones on a
            // page printed in Thai digits): a number is kept only as a year the plan year confirms.
            let before = i > 0 ? words[i - 1] : nil
            guard before == .word(.month) || before == .word(.year) || digits == 4 else { return false }
            let year = digits == 2 ? YearEvidenceVocabulary.fullYear(twoDigits: value) : value
            guard digits == 2 || digits == 4, years.contains(year) else { return false }
        }
        return true
    }

    /// True when `text` reads as an office: it starts with an office word (`ownerHeads`), only Thai
    /// letters and `ownerSeparators`, every Thai word known (`unknownWords` is 0), no period word,
    /// and no piece of it names a plan column (`namesColumn`: "ผู้รับผิดชอบ", a header read as body).
    func isOwner(_ text: String, unknownWords: (String) -> Int, namesColumn: (String) -> Bool) -> Bool {
        let squeezed = QuestionTableVocabulary.squeezed(text)
        guard !squeezed.isEmpty,
              squeezed.unicodeScalars.allSatisfy({ (ThaiScript.isThai($0.value) && !ThaiScript.isThaiDigit($0.value)) || ownerSeparators.contains($0) }),
              // The cell starts with an office word (after any separator): step text run into the
              // cell ("จัดทำรายงาน กองคลัง") holds known words too. A part after "/" may name a
              // section without one ("สำนักปลัด/ตรวจสอบภายใน").
              let first = squeezed.split(whereSeparator: { $0.unicodeScalars.allSatisfy(ownerSeparators.contains) }).first,
              ownerHeads.contains(where: { first.hasPrefix($0) }),
              !periodOnly.contains(where: { squeezed.contains($0) }) else { return false }
        guard !namesColumn(text), !text.split(whereSeparator: { $0 == " " }).contains(where: { namesColumn(String($0)) }) else { return false }
        return unknownWords(text) == 0
    }

    /// The text as tokens of the vocabulary, numbers and `separators`; nil when anything else is left.
    private func tokens(of text: String, separators: Set<Unicode.Scalar>) -> [Token]? {
        let u = Array(QuestionTableVocabulary.squeezed(text).unicodeScalars)
        var out: [Token] = []
        var i = 0
        next: while i < u.count {
            if separators.contains(u[i]) { out.append(.separator); i += 1; continue }
            if ThaiNumber.digitValue(u[i]) != nil {
                var value = 0, digits = 0
                while i < u.count, let d = ThaiNumber.digitValue(u[i]) { value = value * 10 + d; digits += 1; i += 1 }
                // A number is at most a year's four digits: longer is run-together numbers.
                guard digits <= 4 else { return nil }
                out.append(.number(value: value, digits: digits))
                continue
            }
            for f in forms where i + f.scalars.count <= u.count && u[i..<(i + f.scalars.count)].elementsEqual(f.scalars) {
                out.append(.word(f.kind)); i += f.scalars.count
                continue next
            }
            return nil
        }
        return out
    }
}

extension RecognisedPlanCells {
    /// The measures with each period and owner read on an OCR'd page (`recognisedPages`; the row's
    /// first page or a page its cell was read from, `cellPages`, parallel to `measures`) that its
    /// check does not confirm left empty, and how many were; the years a period may name are the
    /// plan year and `planPeriodYearsBefore` before it (the plan year from the report, or the
    /// assessment year + 1). A row of an OCR'd page of which no cell is confirmed and every cell
    /// read is header wording (`isHeaderWording`: `ประเด็น`, `ผู้รับผิดชอบ`, `ดำเนินงาน`) is the plan's
    /// header read again as a row (a header repeated on a page OCR did not find as one): it is left
    /// out, its page listed in `headerRowPages`.
    func checked(_ measures: [Measure], cellPages: [Set<Int>] = [], recognisedPages: Set<Int>, fields: ReportFields, settings: InterpretSettings,
                 unknownWords: (String) -> Int, namesColumn: (String) -> Bool,
                 isHeaderWording: (String) -> Bool) -> (measures: [Measure], dropped: Int, headerRowPages: [Int]) {
        guard !recognisedPages.isEmpty else { return (measures, 0, []) }
        let plan = fields.planYear?.value ?? fields.assessmentYear.map { $0.value + 1 }
        let years: Set<Int> = plan.map { Set(($0 - Int(settings.planPeriodYearsBefore))...$0) } ?? []
        var out = measures
        var dropped = 0
        // A row is checked when it starts on an OCR'd page or its period or owner cell takes text
        // from one (a row cut by a page break, continued on an OCR'd page after a text page).
        func recognised(_ k: Int) -> Bool {
            recognisedPages.contains(out[k].page) || (k < cellPages.count && !cellPages[k].isDisjoint(with: recognisedPages))
        }
        var headerRows = Set<Int>()
        let textFields: [(name: String, field: WritableKeyPath<Measure, String?>, order: ItemOrder.Field)] =
            [("issue", \.issue, .issue), ("measure", \.measure, .measure), ("steps", \.steps, .steps)]
        // Header words read into a cell's edge are the header's, not the cell's: taken off first,
        // kept as a change of the field.
        var trims: [Int: [TextChange]] = [:]
        for k in out.indices where recognised(k) {
            for f in textFields {
                guard let t = out[k][keyPath: f.field], let cut = headerPieces.trimmed(t) else { continue }
                trims[k, default: []].append(TextChange(kind: "ocr_header_piece", offset: 0, before: cut.removed.joined(separator: " "), after: "").inField(f.name))
                out[k][keyPath: f.field] = cut.text
            }
        }
        // The plan's own evidence: where most of its issue (or steps) cells open with a list number
        // or a question code, one that opens with neither is the rest of a cell cut from its start
        // (`งบประมาณ มากน้อยเพียงใด` of an `i๕ ...` question): in every tune and Corpus gold plan
        // the issue and steps cells are numbered all or none.
        func opensList(_ t: String) -> Bool {
            guard let first = t.split(whereSeparator: { $0 == " " }).first else { return false }
            return ItemOrder.number(first) != nil || QuestionTokens.codePrefix(t) != nil
        }
        var numbered: Set<String> = []
        for f in [("issue", \Measure.issue), ("steps", \Measure.steps)] {
            let texts = Set(out.indices.compactMap { out[$0][keyPath: f.1] })
            let marked = texts.filter(opensList).count
            if Double(marked) >= settings.ocrListEvidenceCells, marked > texts.count - marked { numbered.insert(f.0) }
        }
        for k in out.indices where recognised(k) {
            var changes: [TextChange] = trims[k] ?? []
            let read = [measures[k].issue, measures[k].measure, measures[k].steps, measures[k].period, measures[k].owner].compactMap { $0 }
            if let p = out[k].period, !isPeriod(p, years: years) || Self.isRepeated(p) {
                changes.append(TextChange(kind: "ocr_unconfirmed", offset: 0, before: p, after: "").inField("period"))
                out[k].period = nil
            }
            if let o = out[k].owner, !isOwner(o, unknownWords: unknownWords, namesColumn: namesColumn) || Self.isRepeated(o) {
                changes.append(TextChange(kind: "ocr_unconfirmed", offset: 0, before: o, after: "").inField("owner"))
                out[k].owner = nil
            }
            for (name, field, order) in textFields {
                guard let t = out[k][keyPath: field] else { continue }
                let cut = numbered.contains(name) && !opensList(t)
                guard cut || !isText(t, field: order, loneLatinMaxLetters: Int(settings.ocrLoneLatinMaxLetters), unknownWords: unknownWords,
                                     isHeaderWording: isHeaderWording) else { continue }
                changes.append(TextChange(kind: "ocr_unconfirmed", offset: 0, before: t, after: "").inField(name))
                out[k][keyPath: field] = nil
            }
            guard !changes.isEmpty else { continue }
            let row = out[k]
            if [row.issue, row.measure, row.steps, row.period, row.owner].allSatisfy({ $0 == nil }), !read.isEmpty, read.allSatisfy(isHeaderWording) {
                headerRows.insert(k)
                continue
            }
            dropped += changes.filter { $0.kind == "ocr_unconfirmed" }.count
            out[k].source = out[k].source.map { $0.with(changes: changes) }
        }
        return (out.indices.filter { !headerRows.contains($0) }.map { out[$0] }, dropped, headerRows.sorted().map { out[$0].page })
    }
}

extension RecognisedPlanCells {
    /// True when the cell is the same words twice (`ตลอดปีงบประมาณ ตลอดปีงบประมาณ`): two rows' cells
    /// read as one, so the row it is written in is not the row it belongs to.
    static func isRepeated(_ text: String) -> Bool {
        let words = text.split(whereSeparator: { $0 == " " })
        let half = words.count / 2
        return words.count >= 2 && words.count % 2 == 0 && words[..<half].elementsEqual(words[half...])
    }
}
