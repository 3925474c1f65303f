import ITAModel

/// Years in the assessment-year vote that OCR may have misread (`YearVote`). Tesseract misreads Thai
/// digits (๖ as ๒: `พ.ศ. ๒๕๒๒` for ๒๕๖๖ on tune scan v000018), and a misread year looks like any
/// other: one score column title or one results cue then outvotes the rest of the document (a
/// past year's column, 2565, won on v000018 and v000127; `๒๕95` won on v000201). A year is
/// confirmed by the printing when any of its evidence is on a page with a text layer; on OCR'd
/// pages it is confirmed when at least `ocrConfirmingKinds` kinds of evidence name it (results
/// cues, score column titles, plan cues, fiscal periods, the framework), since misreads of two
/// different places rarely agree. An unconfirmed OCR'd year is a misread when another kind of
/// evidence gives another year at least `disagreementWeight`, or the framework rules it out: it
/// leaves the vote. An unconfirmed year that nothing contradicts stays (a scan naming its year once).
enum OCRYearConfirmation {
    /// The kinds that name a year with a cue or a position (a year printed with no cue is no
    /// confirmation, nor a contradiction: it may be anything).
    static let namingKinds: [YearVote.Kind] = [.resultsCue, .scoreHeader, .planCue, .fiscalPeriods]

    /// The misread years (the assessment year each stands for, after `shift`) with their first
    /// evidence; empty on a document with no OCR'd page.
    static func unconfirmed(_ evidence: [YearVote.Evidence], byKind: [YearVote.Kind: [Int: Double]], shift: [YearVote.Kind: Int],
                            framework: YearEvidenceVocabulary.Framework?, recognised: Set<Int>,
                            vote: YearEvidenceVocabulary.AssessmentVote) -> [Int: YearVote.Evidence] {
        guard !recognised.isEmpty else { return [:] }
        var byYear: [Int: [YearVote.Evidence]] = [:]
        for e in evidence where namingKinds.contains(e.kind) { byYear[e.year + (shift[e.kind] ?? 0), default: []].append(e) }
        var out: [Int: YearVote.Evidence] = [:]
        for (year, named) in byYear {
            // A text layer's year is as printed.
            guard named.allSatisfy({ recognised.contains($0.source.page) }) else { continue }
            let kinds = Set(named.map(\.kind))
            let inFramework = framework?.years.contains(year)
            guard kinds.count + (inFramework == true ? 1 : 0) < vote.ocrConfirmingKinds.value else { continue }
            let contradicted = inFramework == false || namingKinds.contains { k in
                !kinds.contains(k) && (byKind[k] ?? [:]).contains { $0.key != year && $0.value >= vote.disagreementWeight.value - 1e-9 }
            }
            if contradicted { out[year] = named[0] }
        }
        return out
    }
}
