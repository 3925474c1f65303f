import ITAModel
import ThaiCharacters

/// The catalogue each year's question rows are checked against (`ScoreChecks`). Where a year's
/// reports may follow more than one framework (2567: the 2566 or the 2568 one), a mean check
/// against the wrong framework's questions marks right values `inconsistent` and may confirm
/// wrong ones (and the pipeline lets those checks choose among OCR readings). Held-out scan
/// v100352 (a 2567 report on the 2568 framework) read too few codes to show it, so the codes'
/// choice took 2567's catalogue, whose indicator 2 has six questions, and marked the right 76.24
/// `inconsistent`. So, for such a year:
/// - proven by the rows (`QuestionFrameworkProof`: codes only one framework lists, or the printed
///   texts of rows at their codes' indicators): that framework;
/// - unproven, with a row on an OCR'd page: undecided, and no mean check runs (OCR reads a subset
///   of the printed codes, and every subset of 2568's codes fits 2567's catalogue: the codes'
///   choice is a guess);
/// - on text layers, codes that prove a framework decide alone (as printed, and no text need be
///   weighed); unproven: the codes' choice (`FrameworkCatalogue.choose`: a text layer prints
///   its codes whole, each tool up to its framework's last code), unless rows' texts name another
///   framework (`frameworkMinTextRows` of them), then undecided.
/// A year with one framework, or none listed, takes the codes' choice as before.
struct QuestionFrameworkChoice {
    /// The catalogue per question year with one; a year in `undecided` is checked against none.
    var catalogues: [Int: FrameworkCatalogue] = [:]
    var undecided: Set<Int> = []

    /// `recognisedPages`: the document's OCR'd pages.
    init(questions: [QuestionScore], vocabulary v: ITAVocabulary, settings: InterpretSettings,
         recognisedPages: Set<Int>, codeRun: Set<Unicode.Scalar>) {
        for y in Set(questions.compactMap(\.year)).sorted() {
            let rows = questions.filter { $0.year == y }
            let codes = rows.map(\.code)
            let byCodes = FrameworkCatalogue.choose(year: y, codes: codes, vocabulary: v)
            guard (v.frameworksOfYear[y]?.count ?? 0) > 1 else {
                if let byCodes { catalogues[y] = byCodes }
                continue
            }
            let ocrd = rows.contains { recognisedPages.contains($0.source?.page ?? $0.page) }
            // A text layer's codes, where they prove a framework, are as printed: no text need be weighed.
            if !ocrd, let proven = FrameworkCatalogue.proven(year: y, codes: codes, vocabulary: v) {
                catalogues[y] = proven
                continue
            }
            let proof = QuestionFrameworkProof(year: y, rows: rows.map { (code: $0.code, text: Self.rowText($0.source?.cells ?? [])) },
                                               vocabulary: v, settings: settings, codeRun: codeRun)
            if let proven = proof.proven() {
                catalogues[y] = proven
            } else if ocrd {
                undecided.insert(y)
            } else if let byCodes, !proof.namesOther(than: byCodes) {
                catalogues[y] = byCodes
            } else if byCodes != nil {
                undecided.insert(y)
            }
        }
    }

    /// The text printed with a question row: its label cell, and when that holds no Thai letter
    /// (the code alone) the first cell beside it that does (the question's text).
    static func rowText(_ cells: [String]) -> String? {
        guard let first = cells.first else { return nil }
        guard !ThaiScript.containsConsonant(first), let beside = cells.dropFirst().first(where: ThaiScript.containsConsonant) else { return first }
        return first + " " + beside
    }
}
