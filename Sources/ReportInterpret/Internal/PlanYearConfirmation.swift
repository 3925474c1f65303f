import ITAModel

/// A plan year with no assessment year to follow (`YearVote.plan`). With an assessment year the plan
/// year must come right after it, which keeps a misread out; with none, a misread plan title
/// (`๒๕95`, read by OCR for ๒๕๖๙) had nothing to stop it and was written. So the plan year must
/// then be a plan year of the reports' era (`YearEvidenceVocabulary.planEra`, the vote's window),
/// and one read by OCR only must be named by at least `ocrConfirmingKinds` kinds of evidence: plan
/// cues, the plan's fiscal periods, and the question codes' framework when it holds a year the plan
/// can follow. Misreads of two different places rarely agree (`OCRYearConfirmation`). A year with
/// text-layer evidence is as printed.
enum PlanYearConfirmation {
    /// Why `year` cannot be written as the plan year (a `year_unclear` message), or nil when it can.
    /// `evidence`: the plan vote's evidence naming `year`.
    static func unconfirmed(_ year: Int, evidence: [YearVote.Evidence], _ u: YearVote.Unassessed, maxYearsAfter: Int) -> String? {
        guard evidence.allSatisfy({ u.recognised.contains($0.source.page) }) else { return nil }
        var kinds = Set(evidence.map(\.kind)).intersection([.planCue, .fiscalPeriods])
        let follows = (year - maxYearsAfter)...(year - 1)
        if let f = u.framework, f.years.contains(where: follows.contains) { kinds.insert(.framework) }
        guard kinds.count < u.confirmingKinds else { return nil }
        let named = kinds.isEmpty ? "years printed with no cue" : kinds.map(\.description).sorted().joined(separator: " and ")
        let first = evidence[0].source.page
        return "plan year left empty: there is no assessment year, and \(year), read by OCR (first on page \(first)), is named only by \(named); with no assessment year a plan year needs \(u.confirmingKinds) kinds of evidence (plan cues, the plan's periods, the question codes' framework)"
    }
}
