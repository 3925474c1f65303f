import Foundation
import ITAModel

/// Mappings/ita/year-evidence.json: which printed years are not evidence of the report's years
/// (inside a law's or plan's name) and how a fiscal period is spelt. Loaded once per run (`ITAMappings`).
struct YearEvidenceVocabulary: Decodable {
    var lawNameWords: [String]
    var lawNameMaxDistance: Int
    var lawNameBreakers: [String]
    var fiscalStartMonths: [String]
    var fiscalEndMonths: [String]
    var periodMaxLength: Int

    /// Loads `ita/year-evidence.json`; a missing file, key or wrong type throws `MappingsError`.
    static func load(mappings: URL) throws -> YearEvidenceVocabulary {
        try MappingsFile.json(YearEvidenceVocabulary.self, "ita/year-evidence.json", in: mappings)
    }

    /// True when the year at `range` is part of a law's or plan's name: a law word ends within
    /// `lawNameMaxDistance` key characters before it and no breaker or year cue comes between.
    func isInLawName(_ range: Range<Int>, in kt: KeyedText, cues: [String]) -> Bool {
        let start = max(0, range.lowerBound - lawNameMaxDistance * 2)
        let before = Array(kt.keyText(start..<range.lowerBound).unicodeScalars.suffix(lawNameMaxDistance))
        // The last law word in the window.
        var lawEnd: Int?
        for w in lawNameWords {
            let k = KeyedText(w).key
            guard k.count <= before.count else { continue }
            var i = before.count - k.count
            while i >= 0 {
                if Array(before[i..<(i + k.count)]) == k { lawEnd = max(lawEnd ?? 0, i + k.count); break }
                i -= 1
            }
        }
        guard let end = lawEnd else { return false }
        let between = String(String.UnicodeScalarView(before[end...]))
        // Another year in between: the name ended there.
        var run = 0
        for u in between.unicodeScalars {
            run = ("0"..."9").contains(u) ? run + 1 : 0
            if run >= 4 { return false }
        }
        for b in lawNameBreakers + cues where between.contains(KeyedText.keyString(b)) { return false }
        return true
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
        if digits.count == 2 { return 2500 + v }
        if digits.count == 4, v >= 2550, v <= 2600 { return v }
        return nil
    }
}
