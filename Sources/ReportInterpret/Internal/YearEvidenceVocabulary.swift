import Foundation
import ITAModel
import ThaiCharacters

/// Mappings/ita/year-evidence.json: which printed years are not evidence of the report's years
/// (inside a law's or plan's name) and how a fiscal period is spelt. Loaded once per run (`ITAMappings`).
struct YearEvidenceVocabulary: Decodable {
    var lawNameWords: [String]
    var lawNameMaxDistance: Int
    var lawNameBreakers: [String]
    /// What joins two years into one span (compared on the key form) ("2561 - 2580"): the second year of a
    /// name's span is part of the name too.
    var lawNameSpanJoiners: [String]
    var fiscalStartMonths: [String]
    var fiscalEndMonths: [String]
    var periodMaxLength: Int
    var assessmentVote: AssessmentVote
    var planVote: PlanVote
    var scoreHeader: ScoreHeader
    var frameworks: [Framework]
    var frameworkMinimumShare: Setting<Double>
    var era: Era

    /// A tolerance or threshold with the one-line reason for its value (kept in the file).
    struct Setting<T: Decodable>: Decodable { var value: T; var why: String }
    /// The most one kind of evidence gives, with why.
    struct Weight: Decodable { var weight: Double; var why: String }

    /// Weights of the assessment-year vote (`YearVote`), one per kind of evidence.
    struct AssessmentVote: Decodable {
        var resultsCue: Weight
        var noCue: Weight
        var scoreHeader: Weight
        var planCue: Weight
        var fiscalPeriods: Weight
        var framework: Weight
        var minimumWeight: Setting<Double>
        var minimumLead: Setting<Double>
        var disagreementWeight: Setting<Double>
        var ocrConfirmingKinds: Setting<Int>
    }

    /// Weights of the plan-year vote (`YearVote`).
    struct PlanVote: Decodable {
        var planCue: Weight
        var fiscalPeriods: Weight
        var noCue: Weight
        var followsAssessment: Weight
        var minimumWeight: Setting<Double>
        var minimumLead: Setting<Double>
        var maxYearsAfterAssessment: Setting<Int>
    }

    /// When a year printed as a column title heads a score column.
    struct ScoreHeader: Decodable {
        var minimumScoresBelow: Setting<Int>
        var maximumTitleLines: Setting<Int>
        var maximumLinesToFirstScore: Setting<Int>
    }

    /// A question-code framework: the catalogue that defines it and the years that may have used it.
    struct Framework: Decodable {
        var catalogue: Int
        var years: [Int]
        var why: String
    }

    /// The reports' era around the frameworks' years (`era`).
    struct Era: Decodable {
        var yearsBefore: Setting<Int>
        var yearsAfter: Setting<Int>
    }

    /// The assessment years a report can have: the frameworks' years widened by `era` (a year
    /// outside them read by OCR is a misread, `OCRYearConfirmation`). `checkFrameworks` makes sure
    /// there is a framework.
    var assessmentEra: ClosedRange<Int> {
        let years = frameworks.flatMap(\.years)
        return ((years.min() ?? 0) - era.yearsBefore.value)...((years.max() ?? 0) + era.yearsAfter.value)
    }

    /// The plan years a report can have: the era's assessment years' plans.
    var planEra: ClosedRange<Int> {
        (assessmentEra.lowerBound + 1)...(assessmentEra.upperBound + planVote.maxYearsAfterAssessment.value)
    }

    /// Loads `ita/year-evidence.json`; a missing file, key or wrong type throws `MappingsError`.
    static func load(mappings: URL) throws -> YearEvidenceVocabulary {
        try MappingsFile.json(YearEvidenceVocabulary.self, "ita/year-evidence.json", in: mappings)
    }

    /// Checks the frameworks against the question catalogues loaded (`catalogues`: year -> codes):
    /// a framework naming a catalogue that is missing or empty throws `MappingsError`.
    func checkFrameworks(catalogues: [Int: [String: ITAVocabulary.QuestionInfo]]) throws {
        // The era is measured from the frameworks' years.
        guard frameworks.contains(where: { !$0.years.isEmpty }) else {
            throw MappingsError(file: "ita/year-evidence.json", key: "frameworks", problem: "no framework with years (the reports' era is measured from them)")
        }
        for (i, f) in frameworks.enumerated() where catalogues[f.catalogue]?.isEmpty ?? true {
            throw MappingsError(file: "ita/year-evidence.json", key: "frameworks[\(i)].catalogue",
                                problem: "no question catalogue questions-\(f.catalogue).tsv")
        }
    }

    /// True when the year at `range` is part of a law's or plan's name: a law word ends within
    /// `lawNameMaxDistance` key characters before it and no breaker or year cue comes between.
    func isInLawName(_ range: Range<Int>, in kt: KeyedText, cues: [String], _ settings: InterpretSettings) -> Bool {
        // The text before the year (a law word must end within the distance, so
        // `lawNameScalarsPerKeyCharacter` times its scalars hold every candidate).
        let lo = max(0, range.lowerBound - Int(settings.lawNameScalarsPerKeyCharacter) * lawNameMaxDistance)
        let before = KeyedText(kt.text(lo..<range.lowerBound))
        let n = before.scalars.count
        // The last law word in the window.
        var lawEnd: Int?
        for w in lawNameWords {
            for r in before.occurrences(of: w) where before.keyText(r.upperBound..<n).unicodeScalars.count <= lawNameMaxDistance {
                lawEnd = max(lawEnd ?? 0, r.upperBound)
            }
        }
        guard let end = lawEnd else { return false }
        let between = before.text(end..<n)
        // Another year in between: the name ended there.
        var run = 0
        for u in between.unicodeScalars {
            run = ThaiScript.isASCIIDigit(u.value) ? run + 1 : 0
            if run >= 4 { return false }
        }
        // Breakers are matched with their marks ("ปี" in key form is the bare letter "ป", which
        // half the names hold); cues on the key form as everywhere.
        let squeezed = String(scalars: between.unicodeScalars.lazy.filter { !KeyedText.isSpace($0) })
        if lawNameBreakers.contains(where: { squeezed.contains(String(scalars: $0.unicodeScalars.lazy.filter { !KeyedText.isSpace($0) })) }) { return false }
        let key = KeyedText(between)
        return !cues.contains { key.contains($0) }
    }

    /// Fiscal years named by periods in a text: "ต.ค. 66 - ก.ย. 67" → 2567. Each with the scalar range
    /// of its end year.
    func fiscalPeriods(in kt: KeyedText) -> [(year: Int, range: Range<Int>)] {
        var out: [(Int, Range<Int>)] = []
        let numbers = NumberTokens.find(in: kt).filter { !$0.hasFraction }
        for start in fiscalStartMonths {
            for s in kt.occurrences(of: start) {
                // The year right after the start month, then an end month and its year.
                guard let y1 = numbers.first(where: { $0.range.lowerBound >= s.upperBound }),
                      kt.keyText(s.upperBound..<y1.range.lowerBound).isEmpty,
                      let fy1 = Self.buddhistYear(y1.text) else { continue }
                for end in fiscalEndMonths {
                    for e in kt.occurrences(of: end) where e.lowerBound > y1.range.upperBound {
                        guard kt.keyText(s.lowerBound..<e.upperBound).unicodeScalars.count <= periodMaxLength,
                              let y2 = numbers.first(where: { $0.range.lowerBound >= e.upperBound }),
                              kt.keyText(e.upperBound..<y2.range.lowerBound).isEmpty,
                              let fy2 = Self.buddhistYear(y2.text), fy2 == fy1 + 1 else { continue }
                        out.append((fy2, y2.range))
                    }
                }
            }
        }
        return out.sorted { $0.1.lowerBound < $1.1.lowerBound }
    }

    /// "67" → 2567, "2567" → 2567; nil for anything else.
    static func buddhistYear(_ digits: String) -> Int? {
        guard let v = Int(digits) else { return nil }
        if digits.count == 2 { return fullYear(twoDigits: v) }
        if digits.count == 4, v >= 2550, v <= 2600 { return v }
        return nil
    }

    /// A Buddhist-Era year printed with two digits ("ปี 66", "๖๗") in full: the 25th century's
    /// (a calendar fact, not a tolerance: the reports' years are 2550-2600). One rule for every reader.
    static func fullYear(twoDigits v: Int) -> Int { 2500 + v }
}
