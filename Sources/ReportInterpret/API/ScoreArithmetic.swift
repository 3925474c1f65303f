import ITAModel

/// The document's own arithmetic (`ScoreChecks`: an indicator against the mean of its questions,
/// the overall score against the weighted tool means), offered to the pipeline so that it can ask
/// again after interpret whether other readings of an OCR'd number would make the arithmetic hold
/// (`OCRArithmeticChoice`). The same checks, tolerances and catalogues as `interpret` runs.
public struct ScoreArithmetic: Sendable {
    let mappings: ITAMappings
    let settings: InterpretSettings

    /// The question codes' letters (`ITAMappings.codeLetters`).
    public var codeLetters: QuestionCodeLetters { mappings.codeLetters }

    /// The catalogue each question year is checked against, settled once on a document's rows
    /// (`deciding`); nil: each check takes the codes' choice (`FrameworkCatalogue.choose`).
    var frameworks: QuestionFrameworkChoice? = nil

    public init(mappings: ITAMappings, settings: InterpretSettings = InterpretSettings()) {
        self.mappings = mappings; self.settings = settings
    }

    /// This arithmetic with each question year's framework settled as interpret settles it
    /// (`QuestionFrameworkChoice`: proven by the rows' codes or texts; on OCR'd pages unproven is
    /// undecided, and then no mean check runs), on `questions` as interpret read them (before any
    /// row is left out: the rows left out are evidence too) and the document's OCR'd pages.
    public func deciding(questions: [QuestionScore], recognisedPages: Set<Int>) -> ScoreArithmetic {
        var out = self
        out.frameworks = QuestionFrameworkChoice(questions: questions, vocabulary: mappings.vocabulary, settings: settings,
                                                 recognisedPages: recognisedPages, codeRun: mappings.catalogueCodes.codeRun)
        return out
    }

    /// What the checks say of each row (by index into `indicators` and `questions`) and of the
    /// overall score; a row or score no check reaches has no mark.
    public struct Marks: Equatable, Sendable {
        public var indicators: [Int: ScoreCheck]
        public var questions: [Int: ScoreCheck]
        public var overall: ScoreCheck?
        /// Questions whose code the catalogue of their year (the one their codes follow) does not
        /// list: an OCR slip such as o50 for o30 when the catalogue ends at o43.
        public var unknownCodes: Set<Int> = []
    }

    /// What a year's question rows prove of their framework, weighed over all of them
    /// (`QuestionFrameworkProof`: the codes, and each row's printed text at its code's indicator).
    public struct FrameworkProof: Equatable, Sendable {
        /// Per row, the catalogue year its text is checked against, proven by the other rows (a row
        /// never vouches for itself); nil where unproven.
        public var perRow: [Int?]
        /// The catalogue year all the rows prove; nil when unproven.
        public var proven: Int?
        /// Whether the rows' texts decided it (a proof the codes did not give, or a contradiction of theirs).
        public var byTexts: Bool
        /// The evidence, for a note: each framework's rows by text (code, page, the question its
        /// text is, its indicator) and the codes only it lists. Nil when the year has one framework.
        public var evidence: String?
    }

    /// The framework proof of `year`'s rows: each row's printed code, the text printed with it (its
    /// label cell, or nil) and its page. With no year nothing is proven.
    public func frameworkProof(year: Int?, rows: [(code: String, text: String?, page: Int?)]) -> FrameworkProof {
        guard let year else { return FrameworkProof(perRow: rows.map { _ in nil }, proven: nil, byTexts: false, evidence: nil) }
        let p = QuestionFrameworkProof(year: year, rows: rows.map { (code: $0.code, text: $0.text) }, vocabulary: mappings.vocabulary,
                                       settings: settings, codeRun: mappings.catalogueCodes.codeRun)
        let all = p.proven()?.year
        let multiple = p.frameworks.count > 1
        return FrameworkProof(perRow: rows.indices.map { p.proven(excluding: $0)?.year }, proven: all,
                              byTexts: multiple && all != p.byCodes?.year,
                              evidence: multiple ? p.summary(pages: rows.map(\.page)) : nil)
    }

    /// Whether a question row's printed text (its raw label cell, code and text) confirms its code
    /// against the catalogue of `year` (`QuestionTextConfirmation`): false when the catalogue has
    /// no text for it. `year` is the catalogue's (`frameworkProof`), not only the report's.
    public func textConfirms(code: String, year: Int?, text: String) -> Bool {
        QuestionTextConfirmation.confirms(code: code, text: text, catalogue: mappings.vocabulary.catalogue(year), settings: settings,
                                          codeRun: mappings.catalogueCodes.codeRun)
    }

    /// Every code of `year`'s catalogue whose text `text` confirms (`textConfirms`), in code order.
    public func codesConfirmed(year: Int?, text: String) -> [String] {
        mappings.vocabulary.catalogue(year).keys.sorted().filter { textConfirms(code: $0, year: year, text: text) }
    }

    /// The only scores question `code` of a `year` report can have (tool-weights.json `itemScores`:
    /// an OIT item scores 0 or 100), by its tool in every framework the year may follow that lists
    /// it (`question-frameworks.json`; one not listed there may follow any); nil when those
    /// frameworks give it different tools, none lists it, or its tool has no such list.
    public func itemScores(code: String, year: Int?) -> [Double]? {
        guard let year else { return nil }
        let v = mappings.vocabulary
        let frameworks = v.frameworksOfYear[year] ?? Array(v.frameworkCodes.keys)
        let tools = Set(frameworks.compactMap { v.catalogue($0)[code]?.tool })
        guard tools.count == 1, let tool = tools.first else { return nil }
        return v.itemScores[tool]
    }

    /// Whether `year`'s catalogue lists `code` (a catalogue with no codes lists none).
    public func catalogueLists(code: String, year: Int?) -> Bool {
        mappings.vocabulary.catalogue(year)[code] != nil
    }

    /// How many key characters (the letters the catalogue match compares, `KeyedText`) the
    /// catalogue text of `code` holds in `year`'s catalogue; nil when it has no text.
    public func catalogueTextLength(code: String, year: Int?) -> Int? {
        guard let info = mappings.vocabulary.catalogue(year)[code], !info.name.isEmpty else { return nil }
        return KeyedText(info.name).key.count
    }

    /// How many key characters a printed text holds after its code (`QuestionTextConfirmation.afterCode`):
    /// what a row's text is measured with against `catalogueTextLength`.
    public func textLength(_ text: String) -> Int {
        KeyedText(QuestionTextConfirmation.afterCode(text, codeRun: mappings.catalogueCodes.codeRun)).key.count
    }

    public func marks(fields: ReportFields, indicators: [IndicatorScore], questions: [QuestionScore]) -> Marks {
        let result = Interpretation(fields: fields, indicators: indicators, questions: questions)
        let v = mappings.vocabulary.forOneDocument()
        let c = ScoreChecks(result: result, vocabulary: v, settings: settings, frameworks: frameworks)
        var unknown: Set<Int> = []
        for (i, q) in questions.enumerated() {
            let catalogue = q.year.map { c.catalogues[$0]?.entries ?? v.catalogue($0) } ?? [:]
            if !catalogue.isEmpty && catalogue[q.code] == nil { unknown.insert(i) }
        }
        return Marks(indicators: c.indicatorMarks, questions: c.questionMarks, overall: c.overallMark, unknownCodes: unknown)
    }
}
