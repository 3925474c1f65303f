import ITAModel

/// Reads the headline result from prose: overall score ("มีผลคะแนนเฉลี่ย ๙๓.๕๗ คะแนน"), rating
/// ("ระดับผลการประเมินอยู่ที่ ผ่านดี"), rank ("อยู่ในลำดับที่ ๙๕ ของหน่วยงาน...") and the previous
/// year's score ("...ปีงบประมาณ พ.ศ. ๒๕๖๕ ซึ่งได้คะแนนอยู่ที่ ๘๔.๖ คะแนน"). The year printed
/// nearest before a value decides which year it belongs to.
enum HeadlineFinder {
    struct Candidate<T> {
        var value: T; var year: Int?; var block: Int; var pos: Int
        /// Where the value's text ends (scalar position, exclusive), when it may run past the line
        /// holding `pos` (a rating word read across a line break): the provenance lists those lines.
        var end: Int? = nil
    }

    /// Overall-score candidates in reading order, each with the year printed before it (if any).
    static func scores(_ blocks: [TextBlock], _ cues: ITAVocabulary.Cues, _ settings: InterpretSettings) -> [Candidate<String>] {
        var out: [Candidate<String>] = []
        let keyedCues = cues.overallScoreCues.map(KeyedText.phraseKey)
        for (b, block) in blocks.enumerated() {
            let kt = block.keyed
            // Only a block with a cue is read for numbers (most blocks have none).
            lazy var numbers = NumberTokens.find(in: kt)
            var used = Set<Int>()
            for cue in keyedCues {
                for r in kt.occurrences(ofKey: cue) {
                    // An indicator's or a tool's score is not the overall score.
                    let before = kt.keyText(max(0, r.lowerBound - Int(settings.overallCueIndicatorWindow))..<r.lowerBound)
                    if before.contains(KeyedText.keyString(cues.indicatorShortWord)) { continue }
                    guard let n = numbers.first(where: { $0.range.lowerBound >= r.upperBound }) else { continue }
                    let gap = kt.keyText(r.upperBound..<n.range.lowerBound)
                    guard n.isScore, !n.isYear, gap.unicodeScalars.count <= cues.scoreCueMaxDistance,
                          !used.contains(n.range.lowerBound) else { continue }
                    let after = kt.keyText(n.range.upperBound..<min(kt.scalars.count, n.range.upperBound + Int(settings.overallThresholdWindow)))
                    let points = KeyedText.keyString(cues.pointsWord)
                    let afterNoUnit = after.hasPrefix(points) ? String(after.dropFirst(points.count)) : after
                    if cues.thresholdAfter.contains(where: { afterNoUnit.hasPrefix(KeyedText.keyString($0)) }) { continue }
                    if after.hasPrefix("%") { continue }
                    // A row of several scores ("คะแนนเฉลี่ย ๙๕.๗๐ ๙๗.๗๑") is a multi-year table row, read there.
                    if let next = numbers.first(where: { $0.range.lowerBound >= n.range.upperBound }), next.isScore,
                       kt.keyText(n.range.upperBound..<next.range.lowerBound).isEmpty { continue }
                    // A whole number counts only when it is given as points ("๑๐๐ คะแนน"): "ข้อที่ได้คะแนนต่ำ ... ประเด็นที่ ๒" is no score.
                    if !n.hasFraction, !after.hasPrefix(points) { continue }
                    used.insert(n.range.lowerBound)
                    let year = YearFinder.yearBefore(n.range.lowerBound, among: numbers, maxScalars: Int(settings.headlineYearWindow)).map { Int($0.value) }
                    out.append(Candidate(value: n.text, year: year, block: b, pos: n.range.lowerBound))
                }
            }
        }
        return out.sorted { ($0.block, $0.pos) < ($1.block, $1.pos) }
    }

    /// Each rating's key, longest spelling first: ผ่านดีเยี่ยม before ผ่านดี before ผ่าน.
    static let ratingKeys = Rating.allCases.map { ($0, KeyedText.keyString($0.rawValue)) }.sorted { $0.1.count > $1.1.count }

    /// Rating candidates: a rating word shortly after a rating cue.
    /// `endsSentence(block, k)` tells whether the sentence ends with line `k` of a block (index into
    /// its `lineIndexes`), the next line starting another: a rating word ending that line is read
    /// whatever the next line opens with.
    static func ratings(_ blocks: [TextBlock], _ cues: ITAVocabulary.Cues, _ settings: InterpretSettings,
                        endsSentence: (Int, Int) -> Bool = { _, _ in false }) -> [Candidate<Rating>] {
        let words = ratingKeys
        let notRating = cues.notRatingAfter.map { KeyedText.keyString($0) }
        // Cue keys made once, not per block.
        let cueKeys = cues.ratingCues.map(KeyedText.phraseKey)
        var out: [Candidate<Rating>] = []
        for (b, block) in blocks.enumerated() {
            let kt = block.keyed
            lazy var numbers = NumberTokens.find(in: kt)
            var seen = Set<Int>()
            for cueKey in cueKeys {
                for r in kt.occurrences(ofKey: cueKey) {
                    let window = kt.keyText(r.upperBound..<min(kt.scalars.count, r.upperBound + cues.ratingMaxDistance * Int(settings.cueWindowScalarsPerKeyCharacter)))
                    let w = Array(window.unicodeScalars.prefix(cues.ratingMaxDistance))
                    var hit: (Rating, Int, Int)?
                    outer: for i in 0..<w.count {
                        for (rating, key) in words {
                            let k = Array(key.unicodeScalars)
                            if i + k.count <= w.count, Array(w[i..<(i + k.count)]) == k {
                                let rest = String(scalars: w[(i + k.count)...])
                                // The longest rating spelled here is the word printed: when what
                                // follows rules it out, a shorter rating inside it (ผ่าน of
                                // ผ่านดี, before the next line's "การนำผล...") is no reading.
                                // A rating ending its line, when the sentence ends there (tune seeds 330,
                                // 282: `ระดับผลการประเมินอยู่ที่ ผ่าน` over a heading `การนำผล...` or a title
                                // `มาตรการ...`), is the word printed, whatever the next line opens with.
                                // The rating may stand on a line after the cue's (`...อยู่ที่` / `ต้องปรับปรุงโดยด่วน`).
                                if notRating.contains(where: { rest.hasPrefix($0) }) {
                                    let end = i + key.unicodeScalars.count
                                    let next = block.lineStarts.indices.dropFirst().first { j in
                                        block.lineStarts[j] > r.upperBound && kt.keyText(r.upperBound..<block.lineStarts[j]).unicodeScalars.count >= end
                                    }
                                    let endsLine = next.map { kt.keyText(r.upperBound..<block.lineStarts[$0]).unicodeScalars.count == end } ?? false
                                    if !(endsLine && endsSentence(b, next! - 1)) { continue outer }
                                }
                                hit = (rating, i, k.count); break outer
                            }
                        }
                    }
                    guard let (rating, offset, length) = hit else { continue }
                    // Position of the rating word in original scalars (approximate: cue end).
                    let pos = r.upperBound + offset
                    if seen.contains(r.upperBound) { continue }
                    seen.insert(r.upperBound)
                    let year = YearFinder.yearBefore(pos, among: numbers, maxScalars: Int(settings.headlineYearWindow)).map { Int($0.value) }
                    let end = kt.scalarRange(keyOffset: offset, length: length, from: r.upperBound)?.upperBound
                    out.append(Candidate(value: rating, year: year, block: b, pos: pos, end: end))
                }
            }
        }
        return out.sorted { ($0.block, $0.pos) < ($1.block, $1.pos) }
    }

    /// Rank candidates: "ลำดับที่ N ของ/จาก ...".
    static func ranks(_ blocks: [TextBlock], _ cues: ITAVocabulary.Cues, _ settings: InterpretSettings) -> [Candidate<Int>] {
        var out: [Candidate<Int>] = []
        let followers = cues.rankFollowers.map { KeyedText.keyString($0) }
        let rankKey = KeyedText.phraseKey(cues.rankCue)
        for (b, block) in blocks.enumerated() {
            let kt = block.keyed
            lazy var numbers = NumberTokens.find(in: kt)
            for r in kt.occurrences(ofKey: rankKey) {
                guard let n = numbers.first(where: { $0.range.lowerBound >= r.upperBound }),
                      kt.keyText(r.upperBound..<n.range.lowerBound).isEmpty, !n.hasFraction else { continue }
                let after = kt.keyText(n.range.upperBound..<min(kt.scalars.count, n.range.upperBound + Int(settings.rankFollowerWindow)))
                guard followers.contains(where: { after.hasPrefix($0) }), let v = Int(n.text) else { continue }
                let year = YearFinder.yearBefore(n.range.lowerBound, among: numbers, maxScalars: Int(settings.headlineYearWindow)).map { Int($0.value) }
                out.append(Candidate(value: v, year: year, block: b, pos: n.range.lowerBound))
            }
        }
        return out
    }
}
