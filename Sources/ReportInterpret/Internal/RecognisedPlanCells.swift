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
        /// Office names as printed (`กองคลัง`, `สำนักปลัด`, `งานนิติการ`): an OCR'd owner part that
        /// misreads one by its marks or two neighbouring characters is read as it.
        var offices: [String]
        /// Words that join two parts of a cell (`กองคลังและกองช่าง`): a header phrase run on after one
        /// is the second part's name, never taken off (`HeaderPieceWords.trimmedRunOn`).
        var partLinkWords: [String]

        /// Loads `ita/plan-cells.json`; a missing file, key, wrong type or empty list throws `MappingsError`.
        static func load(mappings: URL) throws -> File {
            let file = try MappingsFile.json(File.self, "ita/plan-cells.json", in: mappings)
            // Month i is months[i - 1]: a period's days are checked against that month's length.
            guard file.months.count == monthDays.count else {
                throw MappingsError(file: "ita/plan-cells.json", key: "months",
                                    problem: "\(file.months.count) months listed; January to December, in order, are needed")
            }
            if let i = file.months.firstIndex(where: { $0.isEmpty }) {
                throw MappingsError(file: "ita/plan-cells.json", key: "months[\(i)]", problem: "empty list")
            }
            // A blank word would match everywhere and never move the tokeniser on.
            let lists: [(String, [String])] = [("periodWords", file.periodWords), ("periodLinkWords", file.periodLinkWords),
                                                ("months", file.months.flatMap { $0 }),
                                                ("yearWords", file.yearWords), ("quarterWords", file.quarterWords),
                                                ("everyWords", file.everyWords), ("monthCountWords", file.monthCountWords),
                                                ("ownerHeads", file.ownerHeads), ("periodOnlyWords", file.periodOnlyWords),
                                                ("headerPieceBodyWords", file.headerPieceBodyWords), ("offices", file.offices),
                                                ("partLinkWords", file.partLinkWords)]
            for (key, list) in lists where list.contains(where: { QuestionTableVocabulary.squeezed($0).isEmpty }) {
                throw MappingsError(file: "ita/plan-cells.json", key: key, problem: "blank entry")
            }
            // An office ending with a link word would never lose a header phrase run onto it.
            if let o = file.offices.first(where: { o in file.partLinkWords.contains { o.hasSuffix($0) } }) {
                throw MappingsError(file: "ita/plan-cells.json", key: "partLinkWords", problem: "office '\(o)' ends with a link word")
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
    private enum Kind: Equatable { case word, month(Int), year, link, quarter }
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

    /// The question codes' letters (an issue cell may open with a question code).
    let codeLetters: QuestionCodeLetters

    init(file: File, headers: MeasureHeaderVocabulary, codeLetters: QuestionCodeLetters) {
        self.codeLetters = codeLetters
        func squeezed(_ list: [String]) -> [String] { list.map { QuestionTableVocabulary.squeezed($0) } }
        var forms: [(scalars: [Unicode.Scalar], kind: Kind)] = []
        // Each form once, with the first kind listed: link words first (`ทุก` is an every word
        // too, and names no time alone); quarter, every and month-count words (kept apart in the
        // file, which documents what a period may say) are period words.
        var lists: [([String], Kind)] = [(file.periodLinkWords, Kind.link), (file.quarterWords, .quarter), (file.everyWords, .word),
                                         (file.monthCountWords, .word), (file.yearWords, .year)]
        lists += file.months.enumerated().map { ($0.element, Kind.month($0.offset + 1)) }
        lists.append((file.periodWords, .word))
        for (list, kind) in lists {
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
        // A period or owner cell holds none of the header's words (no body period or office name
        // opens or ends with `ดำเนินงาน`), so its edge also loses the header's linking words.
        // An office's name (`ผู้ที่เกี่ยวข้อง` is a header phrase too) is never taken off an owner cell;
        // the body-text header phrases are (`กิจกรรม` at a period or owner cell's edge is the
        // header's, and kept it would stand as an owner's word).
        edgeHeaderPieces = HeaderPieceWords(vocabulary: headers, edgeCharacters: Set(file.headerPieceEdges.unicodeScalars),
                                            bodyWords: file.offices, separators: Set((file.ownerSeparators + file.periodSeparators).unicodeScalars),
                                            linkWords: file.partLinkWords,
                                            extraPhrases: headers.headerWords.filter { $0.unicodeScalars.contains { ThaiScript.isConsonant($0.value) } })
        periodWordMatch = OCRPlanWordMatch(forms: file.months.flatMap { $0 } + file.periodWords + file.yearWords + file.quarterWords
                                                  + file.periodLinkWords + file.everyWords + file.monthCountWords)
        officeMatch = OCRPlanWordMatch(forms: file.offices.map { QuestionTableVocabulary.squeezed($0) })
    }

    /// Header wording at a period or owner cell's edge (rule phrases and the header's own words).
    let edgeHeaderPieces: HeaderPieceWords
    /// The period vocabulary's words, for a word OCR misread by its marks (`ก.ุย.`, `ไตรมาสที`).
    private let periodWordMatch: OCRPlanWordMatch
    /// The office names, for an owner part OCR misread by its marks (`กองการเจ้าหน้าที`).
    private let officeMatch: OCRPlanWordMatch

    /// True when `word` (one word as printed: `ก.ย.`, `กันยายน`) is a month's printed form.
    func isMonth(_ word: String) -> Bool {
        let w = Array(QuestionTableVocabulary.squeezed(word).unicodeScalars)
        return !w.isEmpty && forms.contains { if case .month = $0.kind { return $0.scalars == w } else { return false } }
    }

    /// True when `word` is a month's printed form with its year run on (`ต.ค.67`).
    func isMonthWithYear(_ word: String) -> Bool {
        let w = Array(QuestionTableVocabulary.squeezed(word).unicodeScalars)
        return forms.contains { f in
            guard case .month = f.kind else { return false }
            return w.count > f.scalars.count && Array(w.prefix(f.scalars.count)) == f.scalars
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

    /// A year has four quarters: a quarter number read outside 1...4 is a misread digit.
    static let quartersInYear = 4
    /// The last day of each month (February's in a leap year; 28 is taken too).
    static let monthDays = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    /// True when `text` reads as a period: only period words, months, years and separators, the
    /// digits of one script, and every number one the period's own meaning confirms:
    /// - a year (after a month or a year word, or of four digits): one of `years` (the plan year and
    ///   the year before it);
    /// - a quarter (after a quarter word, `ไตรมาส ๑-๔`, `ไตรมาสที่ ๒-๓`): 1 to 4, a range rising;
    /// - days (before a month): only a range of whole months, its start the first day of its month
    ///   and its end the last day of its own (`๑ ต.ค. ๖๗ - ๓๐ ก.ย. ๖๘`).
    /// Any other number (a day inside a month, a day count, a month count: `ทุก ๖ เดือน` OCR reads as
    /// `ทุก ๒ เดือน`) is no confirmed reading: nothing checks OCR's digits there. Empty `years`: no
    /// year can be confirmed.
    func isPeriod(_ text: String, years: Set<Int>) -> Bool {
        guard let tokens = tokens(of: text, separators: periodSeparators) else { return false }
        let u = text.unicodeScalars
        // Digits of one script: a cell printed in one script, read in two, has a misread digit or
        // a neighbour's number in it (`7 ตุลาคม ๒๕๖๘`).
        guard !(u.contains(where: { ThaiScript.isThaiDigit($0.value) }) && u.contains(where: { ThaiScript.isASCIIDigit($0.value) })) else { return false }
        let words = tokens.filter { $0 != .separator }
        guard words.contains(where: { if case .word = $0 { return true } else { return false } }) else { return false }
        // Link words alone are a period cut short ("ตลอด" of "ตลอดปีงบประมาณ" wrapped away).
        guard words.contains(where: { $0 != .word(.link) }) else { return false }
        var days: [(value: Int, month: Int)] = []
        var quarter: Int?
        // A range's second month follows a separator or a link word (`ต.ค. - ก.ย.`): without one,
        // OCR lost the dash, and the cell is not as printed.
        var months = 0, joint = false
        for (i, t) in tokens.enumerated() {
            if t == .separator || t == .word(.link) { joint = true }
            if case .word(.month) = t {
                months += 1
                if months > 1 && !joint { return false }
                joint = false
            }
            guard case let .number(value, digits) = t else {
                if t != .separator { quarter = nil }
                continue
            }
            let before = tokens[..<i].last { $0 != .separator }
            let after = tokens[(i + 1)...].first { $0 != .separator }
            let joined = i > 0 && tokens[i - 1] == .separator
            if before == .word(.quarter), digits == 1, (1...Self.quartersInYear).contains(value), !quarterRunOn(text) {
                quarter = value; continue
            }
            if let q = quarter, joined, digits == 1, ((q + 1)...Self.quartersInYear).contains(value) {
                quarter = nil; continue
            }
            quarter = nil
            if case let .word(.month(m)) = after, digits <= 2, before.map({ if case .word(.month) = $0 { return false } else { return true } }) ?? true {
                days.append((value, m)); continue
            }
            // Tesseract misreads digits often (๖ as ๒, ๔ as ๕, and Thai glyphs as ASCII ones on a
            // page printed in Thai digits): any other number is kept only as a year the plan year confirms.
            var afterMonthOrYear = before == .word(.year)
            if case .word(.month) = before { afterMonthOrYear = true }
            guard afterMonthOrYear || digits == 4 else { return false }
            let year = digits == 2 ? YearEvidenceVocabulary.fullYear(twoDigits: value) : value
            guard digits == 2 || digits == 4, years.contains(year) else { return false }
        }
        guard !days.isEmpty else { return true }
        guard days.count == 2, days[0].value == 1 else { return false }
        let last = Self.monthDays[days[1].month - 1]
        return days[1].value == last || (days[1].month == 2 && days[1].value == last - 1)
    }

    /// True when a quarter word runs into its number (`ไตรมาสที่2-3`): OCR lost the space or read one
    /// in, and which the print has is not known (every tune and Corpus gold period spaces them).
    private func quarterRunOn(_ text: String) -> Bool {
        let u = Array(text.unicodeScalars)
        return forms.contains { f in
            guard f.kind == .quarter, f.scalars.count < u.count else { return false }
            return (0..<(u.count - f.scalars.count)).contains { i in
                u[i..<(i + f.scalars.count)].elementsEqual(f.scalars) && ThaiNumber.digitValue(u[i + f.scalars.count]) != nil
            }
        }
    }

    /// `text` with each word no period form covers read as the one period word or month it misreads
    /// by its marks or two neighbouring characters (`ก.ุย.` as `ก.ย.`, `ต.ุค.66` as `ต.ค.66`,
    /// `ไตรมาสที` as `ไตรมาสที่`; a year run on kept as read), and the words changed; nil when no word
    /// was. Whether the result is a period is `isPeriod`'s to say.
    func periodWordsRead(_ text: String, editShare: Double = InterpretSettings().ocrVocabularyEditShare) -> (text: String, changed: [(before: String, after: String)])? {
        var changed: [(before: String, after: String)] = []
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map { w -> String in
            let word = String(w)
            guard !word.isEmpty, tokens(of: word, separators: periodSeparators) == nil else { return word }
            let u = Array(word.unicodeScalars)
            var head = u.count
            while head > 0, ThaiNumber.digitValue(u[head - 1]) != nil { head -= 1 }
            guard head > 0, let m = periodWordMatch.match(String(String.UnicodeScalarView(u[..<head])), maxEditShare: editShare), m.edits > 0 else { return word }
            let read = m.form + String(String.UnicodeScalarView(u[head...]))
            changed.append((word, read))
            return read
        }
        return changed.isEmpty ? nil : (words.joined(separator: " "), changed)
    }

    /// `text` with each part between owner separators that is no office name as printed but misreads
    /// exactly one of `offices` by its marks or two neighbouring characters (`กองการเจ้าหน้าที`,
    /// `กองยุทธศาสตร์แะลงบประมาณ`) read as that office, and the parts changed; nil when none was.
    /// Whether the result is an owner is `isOwner`'s to say.
    func officesRead(_ text: String, editShare: Double = InterpretSettings().ocrVocabularyEditShare) -> (text: String, changed: [(before: String, after: String)])? {
        var changed: [(before: String, after: String)] = []
        var out = ""
        var part = ""
        func flush() {
            let lead = part.prefix { $0 == " " }, trail = String(part.reversed().prefix { $0 == " " })
            let squeezed = QuestionTableVocabulary.squeezed(part)
            if !squeezed.isEmpty, let m = officeMatch.match(squeezed, maxEditShare: editShare), m.edits > 0 {
                changed.append((part.trimmingCharacters(in: .whitespaces), m.form))
                out += lead + m.form + trail
            } else {
                out += part
            }
            part = ""
        }
        for ch in text {
            if ch.unicodeScalars.allSatisfy(ownerSeparators.contains) { flush(); out.append(ch) } else { part.append(ch) }
        }
        flush()
        return changed.isEmpty ? nil : (out, changed)
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
        // Two offices run together (`สำนักปลัดตรวจสอบภายใน` for `สำนักปลัด/ตรวจสอบภายใน`): OCR lost the
        // separator between them, and which one (`/`, brackets) is not known.
        let parts = squeezed.split(whereSeparator: { $0.unicodeScalars.allSatisfy(ownerSeparators.contains) }).map(String.init)
        guard !parts.contains(where: officeMatch.isRunTogether) else { return false }
        // An office's name cut short (`กองการเจ้า` of `กองการเจ้าหน้าที่`, its rest read on the next
        // line into another column), and a bracket left open or never opened (`สำนักปลัดการ)` of
        // `สำนักปลัด (งานนิติการ)`): part of the cell is missing, and every word left is still a word.
        guard !parts.contains(where: officeMatch.isCutShort) else { return false }
        guard squeezed.filter({ $0 == "(" }).count == squeezed.filter({ $0 == ")" }).count else { return false }
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
                // Past four digits the run is no number: stop summing there (an OCR'd run of twenty
                // digits would overflow and kill the worker, as in MeasureItemMarker).
                while i < u.count, let d = ThaiNumber.digitValue(u[i]) {
                    if digits < 4 { value = value * 10 + d }
                    digits += 1; i += 1
                }
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
            return ItemOrder.number(first) != nil || QuestionTokens.codePrefix(t, codeLetters) != nil
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
            if let p = out[k].period {
                if let read = confirmed(p, field: "period", check: { isPeriod($0, years: years) }, reread: { periodWordsRead($0, editShare: settings.ocrVocabularyEditShare) }) {
                    changes += read.changes
                    out[k].period = read.text
                } else {
                    changes.append(TextChange(kind: "ocr_unconfirmed", offset: 0, before: p, after: "").inField("period"))
                    out[k].period = nil
                }
            }
            if let o = out[k].owner {
                if let read = confirmed(o, field: "owner", check: { isOwner($0, unknownWords: unknownWords, namesColumn: namesColumn) }, reread: { officesRead($0, editShare: settings.ocrVocabularyEditShare) }) {
                    changes += read.changes
                    out[k].owner = read.text
                } else {
                    changes.append(TextChange(kind: "ocr_unconfirmed", offset: 0, before: o, after: "").inField("owner"))
                    out[k].owner = nil
                }
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
    /// An OCR'd period or owner cell as `check` confirms it: its words read by the vocabulary first
    /// (`reread`: `ต.ค. - ก.ุย.` as `ต.ค. - ก.ย.`, `กองการเจ้าหน้าที` as `กองการเจ้าหน้าที่`; change kind
    /// `ocr_vocabulary_word`, before and after each word); when that is not confirmed, without header
    /// lone marks at its edge (a speck: `ตลอดปีงบประมาณ :`, change kind `ocr_speck`), then without header
    /// wording at its edge (`ปีงบประมาณ พ.ศ. ๒๕๖๘ ดำเนินงาน`) or run onto its last word
    /// (`กองคลังผู้รับผิดชอบ`; change kind `ocr_header_piece`). Nil when
    /// none is confirmed, or the cell is the same words twice (two rows' cells read as one).
    func confirmed(_ text: String, field: String, check: (String) -> Bool,
                   reread: (String) -> (text: String, changed: [(before: String, after: String)])?) -> (text: String, changes: [TextChange])? {
        guard !Self.isRepeated(text) else { return nil }
        var t = text
        var changes: [TextChange] = []
        func read() {
            guard let r = reread(t) else { return }
            t = r.text
            changes += r.changed.map { TextChange(kind: "ocr_vocabulary_word", offset: 0, before: $0.before, after: $0.after).inField(field) }
        }
        read()
        // A word of lone marks at the edge (`ตลอดปีงบประมาณ :`): OCR's reading of a speck.
        var words = t.split(separator: " ")
        func speck(_ w: Substring?) -> Bool { w.map { $0.unicodeScalars.allSatisfy(textLoneMarks.contains) } ?? false }
        if !check(t), words.count >= 2, speck(words.first) || speck(words.last) {
            var removed: [String] = []
            while words.count >= 2, speck(words.first) { removed.append(String(words.removeFirst())) }
            while words.count >= 2, speck(words.last) { removed.append(String(words.removeLast())) }
            t = words.joined(separator: " ")
            changes.append(TextChange(kind: "ocr_speck", offset: 0, before: removed.joined(separator: " "), after: "").inField(field))
        }
        if !check(t), let cut = edgeHeaderPieces.trimmed(t) {
            t = cut.text
            changes.append(TextChange(kind: "ocr_header_piece", offset: 0, before: cut.removed.joined(separator: " "), after: "").inField(field))
            read()
        }
        if !check(t), let cut = edgeHeaderPieces.trimmedRunOn(t) {
            t = cut.text
            changes.append(TextChange(kind: "ocr_header_piece", offset: 0, before: cut.removed, after: "").inField(field))
            read()
        }
        return check(t) && !Self.isRepeated(t) ? (t, changes) : nil
    }

    /// True when the cell is the same words twice (`ตลอดปีงบประมาณ ตลอดปีงบประมาณ`): two rows' cells
    /// read as one, so the row it is written in is not the row it belongs to.
    static func isRepeated(_ text: String) -> Bool {
        let words = text.split(whereSeparator: { $0 == " " })
        let half = words.count / 2
        return words.count >= 2 && words.count % 2 == 0 && words[..<half].elementsEqual(words[half...])
    }
}
