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
                                                ("ownerHeads", file.ownerHeads), ("periodOnlyWords", file.periodOnlyWords)]
            for (key, list) in lists where list.contains(where: { QuestionTableVocabulary.squeezed($0).isEmpty }) {
                throw MappingsError(file: "ita/plan-cells.json", key: key, problem: "blank entry")
            }
            if file.textStrayCharacters.isEmpty {
                throw MappingsError(file: "ita/plan-cells.json", key: "textStrayCharacters", problem: "empty")
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

    init(file: File) {
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
    /// cells whose words are all real.
    func isText(_ text: String, unknownWords: (String) -> Int, isHeaderWording: (String) -> Bool) -> Bool {
        let scalars = text.unicodeScalars
        guard ThaiScript.containsConsonant(text),
              !scalars.contains(where: textStray.contains) else { return false }
        for word in text.split(whereSeparator: { $0 == " " }) {
            let u = word.unicodeScalars
            let latin = u.filter { ThaiScript.isASCIILetter($0.value) }.count
            if latin > 0 && u.contains(where: { ThaiScript.isConsonant($0.value) }) { return false }
            if latin == 1 && !u.contains(where: { ThaiScript.isDigit($0.value) }) { return false }
        }
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
    /// assessment year + 1).
    func checked(_ measures: [Measure], cellPages: [Set<Int>] = [], recognisedPages: Set<Int>, fields: ReportFields, settings: InterpretSettings,
                 unknownWords: (String) -> Int, namesColumn: (String) -> Bool,
                 isHeaderWording: (String) -> Bool) -> (measures: [Measure], dropped: Int) {
        guard !recognisedPages.isEmpty else { return (measures, 0) }
        let plan = fields.planYear?.value ?? fields.assessmentYear.map { $0.value + 1 }
        let years: Set<Int> = plan.map { Set(($0 - Int(settings.planPeriodYearsBefore))...$0) } ?? []
        var out = measures
        var dropped = 0
        // A row is checked when it starts on an OCR'd page or its period or owner cell takes text
        // from one (a row cut by a page break, continued on an OCR'd page after a text page).
        func recognised(_ k: Int) -> Bool {
            recognisedPages.contains(out[k].page) || (k < cellPages.count && !cellPages[k].isDisjoint(with: recognisedPages))
        }
        for k in out.indices where recognised(k) {
            var changes: [TextChange] = []
            if let p = out[k].period, !isPeriod(p, years: years) {
                changes.append(TextChange(kind: "ocr_unconfirmed", offset: 0, before: p, after: "").inField("period"))
                out[k].period = nil
            }
            if let o = out[k].owner, !isOwner(o, unknownWords: unknownWords, namesColumn: namesColumn) {
                changes.append(TextChange(kind: "ocr_unconfirmed", offset: 0, before: o, after: "").inField("owner"))
                out[k].owner = nil
            }
            for (name, field) in [("issue", \Measure.issue), ("measure", \Measure.measure), ("steps", \Measure.steps)] {
                guard let t = out[k][keyPath: field], !isText(t, unknownWords: unknownWords, isHeaderWording: isHeaderWording) else { continue }
                changes.append(TextChange(kind: "ocr_unconfirmed", offset: 0, before: t, after: "").inField(name))
                out[k][keyPath: field] = nil
            }
            guard !changes.isEmpty else { continue }
            dropped += changes.count
            out[k].source = out[k].source.map { $0.with(changes: changes) }
        }
        return (out, dropped)
    }
}
