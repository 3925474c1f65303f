import ITAModel

/// How many question scores each year's whole section holds, for the run's "mostly not read"
/// check (`SectionCompleteness`). Counting a 2567 report against the 88 of the 2566-style
/// catalogue when its codes do not prove it (it may follow the 59 of 2568) would call 43 kept
/// scores "under half": where nothing proves the framework, the whole is the smallest framework
/// the year may follow that lists every printed code.
enum QuestionSectionSizes {
    static func measure(_ questions: [QuestionScore], checked: [Int: FrameworkCatalogue],
                        indicators: Int, vocabulary v: ITAVocabulary) -> Interpretation.SectionSizes {
        var sizes = Interpretation.SectionSizes()
        sizes.indicators = indicators
        sizes.frameworkCounts = v.frameworkCodes.mapValues(\.count)
        sizes.frameworksOfYear = v.frameworksOfYear
        sizes.frameworkCodes = v.frameworkCodes
        for (year, chosen) in checked {
            let codes = questions.filter { $0.year == year }.map(\.code)
            sizes.questions[year] = section(year: year, codes: codes, chosen: chosen, v)
        }
        return sizes
    }

    static func section(year: Int, codes: [String], chosen: FrameworkCatalogue,
                        _ v: ITAVocabulary) -> Interpretation.QuestionSection {
        let mayFollow = (v.frameworksOfYear[year] ?? []).compactMap { v.catalogues[$0] }.filter { !$0.isEmpty }
        // Codes beyond every framework the year may follow (a 2566 report printing 2568's i1-i15
        // whole): the framework they showed.
        if !mayFollow.isEmpty, !mayFollow.contains(where: { chosen.sameFramework(as: $0) }) {
            return .init(catalogue: chosen.year, count: chosen.entries.count, proven: true)
        }
        if let proven = FrameworkCatalogue.proven(year: year, codes: codes, vocabulary: v) {
            return .init(catalogue: proven.year, count: proven.entries.count, proven: true)
        }
        // A code no catalogue lists (an OCR slip) rules no framework out.
        let listed = codes.filter { c in v.frameworkCodes.values.contains { $0.contains(c) } }
        let fitting = (v.frameworksOfYear[year] ?? [chosen.year]).compactMap { y in v.frameworkCodes[y].map { (y, $0) } }
            .filter { listed.allSatisfy($0.1.contains) }
        guard let smallest = fitting.min(by: { ($0.1.count, $0.0) < ($1.1.count, $1.0) }) else {
            return .init(catalogue: chosen.year, count: chosen.entries.count, proven: false)
        }
        return .init(catalogue: smallest.0, count: smallest.1.count, proven: false)
    }
}
