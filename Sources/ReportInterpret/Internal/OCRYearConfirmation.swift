import ITAModel

/// Years in the assessment-year vote that OCR may have misread (`YearVote`). Tesseract misreads Thai
/// digits (๖ as ๒: `พ.ศ. ๒๕๒๒` for ๒๕๖๖ on tune scan v000018), and a misread year looks like any
/// other: one score column title or one results cue then outvotes the rest of the document (a
/// past year's column, 2565, won on v000018 and v000127; `๒๕95` won on v000201). A year is
/// confirmed by the printing when any of its evidence is on a page with a text layer. On OCR'd
/// pages a year outside the reports' era (`YearEvidenceVocabulary.assessmentEra`) is a misread; a
/// year of the era is confirmed when at least `ocrConfirmingKinds` kinds of evidence name it
/// (results cues, score column titles, plan cues, fiscal periods, the framework), since misreads
/// of two different places rarely agree. An unconfirmed OCR'd year is a misread when another kind
/// of evidence gives another year of the era at least `disagreementWeight`, or the framework rules
/// it out: it leaves the vote. An unconfirmed year that nothing contradicts stays (a scan naming
/// its year once). A year outside the era contradicts nothing: a misread plan title (`๒๕95`) must
/// not take away the results year it stands beside.
enum OCRYearConfirmation {
    /// The kinds that name a year with a cue or a position (a year printed with no cue is no
    /// confirmation, nor a contradiction: it may be anything).
    static let namingKinds: [YearVote.Kind] = [.resultsCue, .scoreHeader, .planCue, .fiscalPeriods]

    /// Why a year left the vote.
    enum Reason {
        case outsideEra, outsideFramework, contradicted

        /// Why, for a warning.
        func describe(era: ClosedRange<Int>) -> String {
            switch self {
            case .outsideEra: return "outside the reports' era (\(era.lowerBound)-\(era.upperBound))"
            case .outsideFramework: return "nothing else confirms it and the question codes' framework rules it out"
            case .contradicted: return "nothing else confirms it and other evidence names another year"
            }
        }
    }

    struct Misread {
        /// Its first evidence (the year as printed, where).
        var evidence: YearVote.Evidence
        var reason: Reason
    }

    /// The misread years (the assessment year each stands for, after `shift`) with their first
    /// evidence; empty on a document with no OCR'd page.
    static func unconfirmed(_ evidence: [YearVote.Evidence], weights: [YearVote.Kind: Double], shift: [YearVote.Kind: Int],
                            framework: YearEvidenceVocabulary.Framework?, recognised: Set<Int>, era: ClosedRange<Int>,
                            vote: YearEvidenceVocabulary.AssessmentVote) -> [Int: Misread] {
        guard !recognised.isEmpty else { return [:] }
        var byYear: [Int: [YearVote.Evidence]] = [:]
        for e in evidence { byYear[e.year + (shift[e.kind] ?? 0), default: []].append(e) }
        // A text layer's year is as printed.
        let ocrOnly = byYear.filter { $0.value.allSatisfy { recognised.contains($0.source.page) } }
        var out: [Int: Misread] = [:]
        for (year, named) in ocrOnly where !era.contains(year) {
            out[year] = Misread(evidence: named.first { namingKinds.contains($0.kind) } ?? named[0], reason: .outsideEra)
        }
        // Contradictions come from years of the era only.
        let byKind = YearVote.shares(evidence, weights, shift: shift, keep: { out[$0] == nil })
        for (year, all) in byYear where out[year] == nil {
            let named = all.filter { namingKinds.contains($0.kind) }
            guard !named.isEmpty, named.allSatisfy({ recognised.contains($0.source.page) }) else { continue }
            let kinds = Set(named.map(\.kind))
            let inFramework = framework?.years.contains(year)
            guard kinds.count + (inFramework == true ? 1 : 0) < vote.ocrConfirmingKinds.value else { continue }
            let contradicted = inFramework == false || namingKinds.contains { k in
                !kinds.contains(k) && (byKind[k] ?? [:]).contains { $0.key != year && $0.value >= vote.disagreementWeight.value - 1e-9 }
            }
            if contradicted { out[year] = Misread(evidence: named[0], reason: inFramework == false ? .outsideFramework : .contradicted) }
        }
        return out
    }
}
