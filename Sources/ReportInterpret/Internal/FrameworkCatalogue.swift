import ITAModel

/// Which question catalogue applies to a document's questions of one year: the document's own codes
/// decide. The framework changed (2566: i1-30, e1-15, o1-43; 2568: i1-15, e1-9, o1-35), and which one
/// a year used is a fact about the year that a catalogue file records (Mappings/ita/questions-YYYY.tsv);
/// a code beyond the year's catalogue shows the document follows another framework.
struct FrameworkCatalogue {
    /// The catalogue's year (the file it came from).
    var year: Int
    var entries: [String: ITAVocabulary.QuestionInfo]

    /// The codes of one indicator in catalogue order (tool letter, then number): sums over them
    /// run in one fixed order.
    func codes(ofIndicator n: Int) -> [ITAVocabulary.QuestionInfo] {
        entries.values.filter { $0.indicator == n }.sorted { QuestionReader.codeNumber($0.code) < QuestionReader.codeNumber($1.code) }
    }

    /// The catalogue for questions printed under `year` with these codes: the year's own catalogue
    /// when it lists every code (or the document prints none); otherwise the smallest other
    /// catalogue listing every code (nearest year on a tie); for a year with no catalogue, only a
    /// catalogue whose last code of every tool the document prints exactly; else nil.
    static func choose(year: Int, codes: [String], vocabulary v: ITAVocabulary) -> FrameworkCatalogue? {
        let own = v.catalogue(year)
        let distinct = Set(codes)
        if !own.isEmpty && distinct.allSatisfy({ own[$0] != nil }) {
            // A document printing each of its tools' codes up to exactly another framework's last
            // code (i1-i15, e1-e9, o1-o35 under a year whose catalogue runs to i30) follows that one.
            if let other = completeOtherFramework(distinct, own: own, year: year, v) { return other }
            return FrameworkCatalogue(year: year, entries: own)
        }
        guard !distinct.isEmpty else { return nil }
        // No catalogue for the year: only a document printing every tool complete up to another
        // catalogue's last codes shows which framework it follows (a subset of codes proves nothing).
        if own.isEmpty { return completeOtherFramework(distinct, own: [:], year: year, v) }
        let fitting = v.frameworkCodes.filter { distinct.allSatisfy($0.value.contains) }
        let best = fitting.min { a, b in
            (a.value.count, Swift.abs(a.key - year), a.key) < (b.value.count, Swift.abs(b.key - year), b.key)
        }
        if let best, let entries = v.catalogues[best.key] { return FrameworkCatalogue(year: best.key, entries: entries) }
        return own.isEmpty ? nil : FrameworkCatalogue(year: year, entries: own)
    }

    /// The catalogue of another framework whose last code of every tool the document prints is
    /// exactly the document's last code of that tool (the document shows each tool complete),
    /// while the year's own catalogue runs further.
    private static func completeOtherFramework(_ codes: Set<String>, own: [String: ITAVocabulary.QuestionInfo],
                                               year: Int, _ v: ITAVocabulary) -> FrameworkCatalogue? {
        func maxByTool(_ list: some Sequence<String>) -> [Character: Int] {
            var out: [Character: Int] = [:]
            for c in list { if let l = c.first { out[l] = max(out[l] ?? 0, QuestionReader.codeNumber(c)) } }
            return out
        }
        let mine = maxByTool(codes)
        let ownMax = maxByTool(own.keys)
        guard !mine.isEmpty, own.isEmpty || mine.contains(where: { entry in (ownMax[entry.key] ?? 0) > entry.value }) else { return nil }
        let own = FrameworkCatalogue(year: year, entries: own)
        let fits = v.catalogues.filter { cat in
            guard !cat.value.isEmpty, !own.sameFramework(as: cat.value), codes.allSatisfy({ cat.value[$0] != nil }) else { return false }
            let theirs = maxByTool(cat.value.keys)
            return mine.allSatisfy { theirs[$0.key] == $0.value }
        }
        guard let best = fits.min(by: { (Swift.abs($0.key - year), $0.key) < (Swift.abs($1.key - year), $1.key) }) else { return nil }
        return FrameworkCatalogue(year: best.key, entries: best.value)
    }

    /// The catalogue for `year` (`choose`) when its framework is certain: the one framework a
    /// report of that year may follow (`ITAVocabulary.frameworksOfYear`), or, where it may follow
    /// more, the one the printed codes prove: against every other framework it may follow, some
    /// printed code this catalogue lists and that one does not (i16 where 2568's ends at i15).
    /// Frameworks number the same text differently (2566's e7 is 2568's e5), and a 2568 report
    /// under 2567 printing only i1-i15 and e1-e9 fits 2567's catalogue too (tune scans v000009,
    /// v000011): a code checked or found by its text against an unproven catalogue may be another
    /// framework's. A code no catalogue lists (an OCR slip, o50) proves nothing. Nil when unproven.
    /// `byYear` false: the codes must prove the framework against every other whatever the year
    /// (a year misread on a scan, 2566 for a 2568 report, must not choose the catalogue alone).
    static func proven(year: Int, codes: [String], vocabulary v: ITAVocabulary, byYear: Bool = true) -> FrameworkCatalogue? {
        // A year whose reports follow one framework only: its catalogue, whatever the codes (a
        // 2566 row printing i15 alone fits 2568's whole IIT list too: `choose` would take 2568's).
        if byYear, let only = v.frameworksOfYear[year], only.count == 1, let entries = v.catalogues[only[0]], !entries.isEmpty {
            return FrameworkCatalogue(year: only[0], entries: entries)
        }
        guard let catalogue = choose(year: year, codes: codes, vocabulary: v) else { return nil }
        let years = byYear ? (v.frameworksOfYear[year] ?? Array(v.catalogues.keys)) : Array(v.catalogues.keys)
        let possible = years.compactMap { v.catalogues[$0] }.filter { !$0.isEmpty }
        guard possible.contains(where: { catalogue.sameFramework(as: $0) }) else { return nil }
        let printed = Set(codes)
        for other in possible where !catalogue.sameFramework(as: other) {
            guard printed.contains(where: { catalogue.entries[$0] != nil && other[$0] == nil }) else { return nil }
        }
        return catalogue
    }

    /// True when both catalogues describe the same framework (same codes, same indicators).
    func sameFramework(as other: [String: ITAVocabulary.QuestionInfo]) -> Bool {
        entries.count == other.count && entries.allSatisfy { other[$0.key]?.indicator == $0.value.indicator }
    }
}
