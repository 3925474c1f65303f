import ITAModel

/// Which question framework a document's rows of one year follow, weighed over all its rows, where
/// the year allows more than one (2567: the 2566 or the 2568 framework). The codes alone prove the
/// 2566 framework only where some code beyond 2568's ranges is read (i16, e10, o36), and never the
/// 2568 one (its codes are a subset). A row's printed text adds evidence by meaning: the ten
/// indicators are the same topics in every framework (indicators.json), so a text matching one
/// catalogue question (of a catalogue with texts) names its indicator, and the framework that
/// numbers the row's printed code under that indicator is the one the row follows. A row both
/// frameworks would print alike (i1-i3: indicator 1 in both) proves nothing.
/// - A row never vouches for itself: the framework its own text is confirmed against is proven by
///   the other rows (leave one out). A misread code whose text fits it in one framework would
///   otherwise prove that framework and confirm itself (tune v000009's e5 read as e7).
/// - Proven by texts: at least `frameworkMinTextRows` rows for it; by codes: `FrameworkCatalogue.proven`.
/// - Contradicted: the rows for another framework (codes only it lists and texts) are more than
///   `frameworkMaxContraryShare` of those for it; then unproven, whatever proved it.
struct QuestionFrameworkProof {
    /// One row's say: the printed code, the catalogue question its text matches, and the framework
    /// years whose numbering puts the code under that question's indicator.
    struct RowVote: Equatable {
        var row: Int
        var code: String
        var textCode: String
        var indicator: Int
        var frameworks: Set<Int>
    }

    /// The frameworks (catalogue years) the year's reports may follow, each with texts or not.
    let frameworks: [Int]
    /// Per row (by index into the rows given), its vote; nil when it says nothing.
    let votes: [RowVote?]
    /// Codes only one framework lists, by that framework.
    let codeVotes: [Int: Set<String>]
    /// The codes-only proof (`FrameworkCatalogue.proven`).
    let byCodes: FrameworkCatalogue?
    private let vocabulary: ITAVocabulary
    private let settings: InterpretSettings

    /// `rows`: every question row of the year, its printed code and the text printed with it (its
    /// label cell, code and text; nil when none was read).
    init(year: Int, rows: [(code: String, text: String?)], vocabulary v: ITAVocabulary, settings: InterpretSettings, codeRun: Set<Unicode.Scalar>) {
        vocabulary = v; self.settings = settings
        let codes = rows.map(\.code)
        byCodes = FrameworkCatalogue.proven(year: year, codes: codes, vocabulary: v)
        let years = (v.frameworksOfYear[year] ?? []).filter { v.catalogues[$0].map { !$0.isEmpty } ?? false }
        frameworks = years
        guard years.count > 1 else { votes = rows.map { _ in nil }; codeVotes = [:]; return }
        var byCode: [Int: Set<String>] = [:]
        for f in years {
            let only = Set(codes).filter { c in v.catalogues[f]?[c] != nil && years.allSatisfy { $0 == f || v.catalogues[$0]?[c] == nil } }
            if !only.isEmpty { byCode[f] = only }
        }
        codeVotes = byCode
        // The catalogue whose texts name a row's question: one of the year's frameworks with texts.
        let named: [String: ITAVocabulary.QuestionInfo]? = years.lazy.compactMap { y -> [String: ITAVocabulary.QuestionInfo]? in
            guard let c = v.catalogues[y], c.values.contains(where: { !$0.name.isEmpty }) else { return nil }
            return c
        }.first
        votes = rows.enumerated().map { (i, r) -> RowVote? in
            guard let named, let text = r.text,
                  let textCode = QuestionFrameworkProof.question(of: text, in: named, settings, codeRun), let indicator = named[textCode]?.indicator else { return nil }
            let agreeing = Set(years.filter { v.catalogues[$0]?[r.code]?.indicator == indicator })
            // Every framework numbers it alike (or none lists the code under that topic): no evidence.
            guard !agreeing.isEmpty, agreeing.count < years.count else { return nil }
            return RowVote(row: i, code: r.code, textCode: textCode, indicator: indicator, frameworks: agreeing)
        }
    }

    /// The one catalogue question a printed text confirms (`QuestionTextConfirmation`): the best
    /// fitting text, kept only when it confirms its own code there.
    static func question(of text: String, in catalogue: [String: ITAVocabulary.QuestionInfo], _ settings: InterpretSettings,
                         _ codeRun: Set<Unicode.Scalar>) -> String? {
        let after = QuestionTextConfirmation.afterCode(text, codeRun: codeRun)
        let key = Array(KeyedText(after).key.prefix(Int(settings.catalogueMaxKeyCharacters)))
        guard !key.isEmpty else { return nil }
        let best = catalogue.filter { !$0.value.name.isEmpty }.compactMap { c, q in
            QuestionTextConfirmation.fit(key, q.name, settings).map { (c, $0) }
        }.max { ($0.1, $1.0) < ($1.1, $0.0) }
        // The code's own check, with any leading code stripped (the text holds the printed code).
        guard let best, QuestionTextConfirmation.confirms(code: best.0, text: after, catalogue: catalogue, settings: settings, codeRun: codeRun) else { return nil }
        return best.0
    }

    /// The proven framework's catalogue for the row `excluding` (its own vote left out; nil: all
    /// rows count), with what proved it; nil when unproven.
    func proven(excluding row: Int? = nil) -> FrameworkCatalogue? {
        guard frameworks.count > 1 else { return byCodes }
        let counts = tally(excluding: row)
        func total(_ f: Int) -> Int { (codeVotes[f]?.count ?? 0) + (counts[f] ?? 0) }
        let chosen: Int?
        if let c = byCodes, frameworks.contains(c.year) { chosen = c.year }
        else {
            // The framework with the most text rows, never the first listed: a tie proves none.
            let ranked = frameworks.filter { (counts[$0] ?? 0) >= Int(settings.frameworkMinTextRows) }
                .sorted { (counts[$0] ?? 0) > (counts[$1] ?? 0) }
            chosen = ranked.count > 1 && counts[ranked[0]] == counts[ranked[1]] ? nil : ranked.first
        }
        guard let f = chosen, let entries = vocabulary.catalogues[f] else { return nil }
        // Contrary evidence undoes a proof only when it is as much as a proof needs (one stray
        // row against three is no contradiction) and above the share.
        for g in frameworks where g != f {
            if total(g) >= Int(settings.frameworkMinTextRows),
               Double(total(g)) > settings.frameworkMaxContraryShare * Double(total(f)) { return nil }
        }
        return byCodes?.year == f ? byCodes : FrameworkCatalogue(year: f, entries: entries)
    }

    /// Whether the rows' texts name a framework other than `catalogue`'s: at least
    /// `frameworkMinTextRows` rows whose text puts their code under another framework's numbering.
    func namesOther(than catalogue: FrameworkCatalogue) -> Bool {
        let counts = tally(excluding: nil)
        return frameworks.contains { f in
            guard let entries = vocabulary.catalogues[f], !catalogue.sameFramework(as: entries) else { return false }
            return (counts[f] ?? 0) >= Int(settings.frameworkMinTextRows)
        }
    }

    /// Rows for each framework, one row left out.
    private func tally(excluding row: Int?) -> [Int: Int] {
        var out: [Int: Int] = [:]
        for case let v? in votes where v.row != row { for f in v.frameworks { out[f, default: 0] += 1 } }
        return out
    }

    /// What the rows say, for a note: each framework's rows (code, the question its text is, its
    /// indicator) and codes only it lists.
    func summary(pages: [Int?]) -> String {
        frameworks.map { f in
            let rows = votes.compactMap { $0 }.filter { $0.frameworks.contains(f) }.map { v in
                "\(v.code)" + (pages.indices.contains(v.row) ? pages[v.row].map { " p\($0)" } ?? "" : "") + " (text of \(v.textCode), indicator \(v.indicator))"
            }
            let codes = (codeVotes[f] ?? []).sorted { QuestionReader.codeNumber($0) < QuestionReader.codeNumber($1) }
            return "framework \(f): \(rows.count) rows by text" + (rows.isEmpty ? "" : " [" + rows.joined(separator: ", ") + "]")
                + "; codes only it lists: " + (codes.isEmpty ? "none" : codes.joined(separator: " "))
        }.joined(separator: "; ")
    }
}
