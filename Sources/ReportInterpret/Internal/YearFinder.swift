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
                         evidence: YearEvidenceVocabulary? = nil, _ settings: InterpretSettings) -> [YearMention] {
        let cues = vocabulary.cues
        // Only a results cue ends a law's name: plan words are part of many names ("ระเบียบ...ว่าด้วย
        // การจัดทำแผนพัฒนา... พ.ศ. ๒๕๖๐").
        let yearCues = cues.assessmentYearCues
        var out: [YearMention] = []
        for (b, block) in blocks.enumerated() {
            // The end of the last year that was part of a name: a span from it ("พ.ศ. 2561 - 2580")
            // is part of the name too.
            var nameYearEnd: Int?
            for n in NumberTokens.find(in: block.keyed) where n.isYear {
                if let e = evidence {
                    let between = nameYearEnd.map { block.keyed.keyText($0..<n.range.lowerBound) }
                    let spanned = between.map { b in e.lawNameSpanJoiners.contains { KeyedText.keyString($0) == b } } ?? false
                    if spanned || e.isInLawName(n.range, in: block.keyed, cues: yearCues, settings) { nameYearEnd = n.range.upperBound; continue }
                }
                let role = classify(n.range, in: block.keyed, cues: cues, settings)
                out.append(YearMention(year: Int(n.value), role: role, block: b, range: n.range))
            }
        }
        return out
    }

    /// The role of the year at `range` from the cue nearest before it (within the cue window).
    static func classify(_ range: Range<Int>, in kt: KeyedText, cues: ITAVocabulary.Cues, _ settings: InterpretSettings) -> YearRole {
        let window = Array(kt.keyText(max(0, range.lowerBound - cues.yearCueWindow * Int(settings.cueWindowScalarsPerKeyCharacter))..<range.lowerBound).unicodeScalars.suffix(cues.yearCueWindow))
        // The last occurrence of each cue; the one ending nearest the year wins, unless a longer
        // cue holds it ("ยกระดับผลการประเมิน" is a plan cue although it ends in a results cue).
        var found: [(role: YearRole, start: Int, end: Int)] = []
        func scan(_ list: [String], _ role: YearRole) {
            for cue in list {
                // The cue's key from the shared memo, and compared in place: this ran for every cue at
                // every year of the document.
                let c = KeyedText.phraseKey(cue)
                guard c.count <= window.count else { continue }
                var i = window.count - c.count
                while i >= 0 {
                    if c.isEmpty || window[i] == c[0], window[i..<(i + c.count)].elementsEqual(c) { found.append((role, i, i + c.count)); break }
                    i -= 1
                }
            }
        }
        scan(cues.assessmentYearCues, .assessment)
        scan(cues.planYearCues, .plan)
        scan(cues.previousYearCues, .previous)
        guard var best = found.max(by: { ($0.end, $1.start) < ($1.end, $0.start) }) else { return .unknown }
        for f in found where f.start <= best.start && f.end >= best.end && (f.end - f.start) > (best.end - best.start) { best = f }
        // Cues run together make one phrase, and its first cue says what the phrase is about: results
        // words after a plan or comparison word name what the plan raises or the year compared
        // against ("แผนการยกระดับผลการประเมิน ITA ๒๕๖๗", "สูงกว่าผลการประเมินปี ๒๕๖๕").
        var head = best
        while let f = found.filter({ $0.start < head.start && $0.end >= head.start }).min(by: { $0.start < $1.start }) { head = f }
        return head.role
    }

    /// The year printed nearest before `pos` in the same text (within `maxScalars`), if any, among
    /// the text's numbers (`NumberTokens.find`), found once by the caller: the readers ask this for
    /// every value of a block, and finding the numbers again each time was a pass per value.
    /// `taking` says which years may be it (a year of another role, such as a plan's, may not):
    /// the nearest year it takes is found, passing over nearer ones it does not.
    static func yearBefore(_ pos: Int, among numbers: [NumberToken], maxScalars: Int,
                           taking: (NumberToken) -> Bool = { _ in true }) -> NumberToken? {
        numbers.last { $0.isYear && $0.range.upperBound <= pos && pos - $0.range.upperBound <= maxScalars && taking($0) }
    }
}
