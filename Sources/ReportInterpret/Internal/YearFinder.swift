/// Buddhist-Era years in a report's text and what each one is: the year whose results are
/// analysed, the year the plan is for, an earlier year compared against, or unknown. The cue
/// nearest before the year decides (cue words: Mappings/ita/report-cues.json). Shared helper for
/// both interpret parts.
enum YearRole: Equatable { case assessment, plan, previous, unknown }

struct YearMention {
    var year: Int
    var role: YearRole
    var block: Int
    var range: Range<Int>
}

enum YearFinder {
    /// Every year printed in the blocks, classified.
    /// A year inside the name of a law, regulation or national plan (`evidence`'s law words) is
    /// not a mention: it says nothing about the report's years.
    static func mentions(in blocks: [TextBlock], vocabulary: ITAVocabulary,
                         evidence: YearEvidenceVocabulary? = nil) -> [YearMention] {
        let cues = vocabulary.cues
        let yearCues = cues.assessmentYearCues + cues.planYearCues
        var out: [YearMention] = []
        for (b, block) in blocks.enumerated() {
            for n in NumberTokens.find(in: block.keyed) where n.isYear {
                if let e = evidence, e.isInLawName(n.range, in: block.keyed, cues: yearCues) { continue }
                let role = classify(n.range, in: block.keyed, cues: cues)
                out.append(YearMention(year: Int(n.value), role: role, block: b, range: n.range))
            }
        }
        return out
    }

    /// The role of the year at `range` from the cue nearest before it (within the cue window).
    static func classify(_ range: Range<Int>, in kt: KeyedText, cues: ITAVocabulary.Cues) -> YearRole {
        let window = Array(kt.keyText(max(0, range.lowerBound - cues.yearCueWindow * 2)..<range.lowerBound).unicodeScalars.suffix(cues.yearCueWindow))
        // The last occurrence of each cue; the one ending nearest the year wins, unless a longer
        // cue holds it ("ยกระดับผลการประเมิน" is a plan cue although it ends in a results cue).
        var found: [(role: YearRole, start: Int, end: Int)] = []
        func scan(_ list: [String], _ role: YearRole) {
            for cue in list {
                let c = KeyedText(cue).key
                guard c.count <= window.count else { continue }
                var i = window.count - c.count
                while i >= 0 {
                    if Array(window[i..<(i + c.count)]) == c { found.append((role, i, i + c.count)); break }
                    i -= 1
                }
            }
        }
        scan(cues.assessmentYearCues, .assessment)
        scan(cues.planYearCues, .plan)
        scan(cues.previousYearCues, .previous)
        guard var best = found.max(by: { ($0.end, $1.start) < ($1.end, $0.start) }) else { return .unknown }
        for f in found where f.start <= best.start && f.end >= best.end && (f.end - f.start) > (best.end - best.start) { best = f }
        // A cue ending well before the year but starting a long phrase: take the latest-ending
        // one that is not inside another.
        return best.role
    }

    /// The year printed nearest before `pos` in the same text (within `maxScalars`), if any.
    static func yearBefore(_ pos: Int, in kt: KeyedText, maxScalars: Int = 400) -> NumberToken? {
        NumberTokens.find(in: kt).filter { $0.isYear && $0.range.upperBound <= pos && pos - $0.range.upperBound <= maxScalars }.last
    }

    /// The assessment year: the year most often named with a results cue (unknown-role mentions
    /// count a little, earlier-year comparisons not at all); ties go to the earliest mention.
    static func assessmentYear(_ mentions: [YearMention]) -> YearMention? {
        var score: [Int: Double] = [:]
        var first: [Int: YearMention] = [:]
        for m in mentions {
            switch m.role {
            case .assessment: score[m.year, default: 0] += 1
            case .unknown: score[m.year, default: 0] += 0.1
            default: continue
            }
            if first[m.year] == nil || m.role == .assessment && first[m.year]!.role != .assessment { first[m.year] = m }
        }
        // Evidence from the plan: the year most often named with a plan cue (a title
        // "มาตรการ ... ประจำปีงบประมาณ พ.ศ. 2568") follows the assessment year, so a candidate one
        // year before it gains `planEvidenceWeight` (more than unknown-role mentions give, less
        // than one results cue).
        var planCount: [Int: Int] = [:]
        for m in mentions where m.role == .plan { planCount[m.year, default: 0] += 1 }
        if let p = planCount.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) })?.key, score[p - 1] != nil {
            score[p - 1]! += planEvidenceWeight
        }
        let best = score.sorted { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }.first
        return best.flatMap { first[$0.key] }
    }

    /// Weight of "the year before the plan's year" in the assessment-year vote (see above).
    static let planEvidenceWeight = 0.5

    /// The plan year: the year after the assessment year named most often with a plan cue
    /// (nil when no later year is named with one).
    static func planYear(_ mentions: [YearMention], assessment: Int?) -> YearMention? {
        var count: [Int: Int] = [:]
        var first: [Int: YearMention] = [:]
        for m in mentions where m.role == .plan {
            if let a = assessment, m.year <= a || m.year > a + 2 { continue }
            count[m.year, default: 0] += 1
            if first[m.year] == nil { first[m.year] = m }
        }
        if count.isEmpty, let a = assessment {
            // No plan cue: a single later year right after the assessment year, named with no
            // cue at all, is still the plan year only when it is the next fiscal year.
            let later = mentions.filter { $0.year == a + 1 && $0.role == .unknown }
            return later.first
        }
        let best = count.sorted { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }.first
        return best.flatMap { first[$0.key] }
    }
}
