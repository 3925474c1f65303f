import Foundation
import ThaiCharacters

/// Finds the one entry of a closed vocabulary (month names, period words, offices) an OCR'd word
/// is a misreading of. Tesseract's Thai errors in plan cells are of two kinds: small marks lost,
/// added or swapped for each other (`ก.ุย.` and `กุย.` for `ก.ย.`, `ตค.` for `ต.ค.`,
/// `กองการเจ้าหน้าที` for `กองการเจ้าหน้าที่`) and two neighbouring characters in the wrong order
/// (`ภยาใน` for `ภายใน`, `แะล` for `และ`). A base character (a consonant, a vowel letter, a digit)
/// is never inserted, dropped or replaced: that would be another word. The word is confirmed only
/// when exactly one entry is nearest, within a share of the entry's length (at least one edit;
/// `InterpretSettings.ocrVocabularyEditShare`); a tie or a farther word stays unconfirmed.
struct OCRPlanWordMatch {
    /// The vocabulary's forms, as printed, with their scalars.
    private let entries: [(form: String, scalars: [Unicode.Scalar])]

    init(forms: [String]) {
        var seen = Set<String>()
        entries = forms.filter { seen.insert($0).inserted }.map { ($0, Array($0.unicodeScalars)) }
    }

    /// True when `word` is two or more entries run together, none of them `word` itself
    /// (`สำนักปลัดตรวจสอบภายใน`).
    func isRunTogether(_ word: String) -> Bool {
        let w = Array(word.unicodeScalars)
        guard !entries.contains(where: { $0.scalars == w }) else { return false }
        // parts[i]: the fewest entries the first i scalars are, run together.
        var parts = [Int?](repeating: nil, count: w.count + 1)
        parts[0] = 0
        for i in 0..<w.count {
            guard let n = parts[i] else { continue }
            for e in entries where i + e.scalars.count <= w.count && w[i..<(i + e.scalars.count)].elementsEqual(e.scalars) {
                let end = i + e.scalars.count
                parts[end] = min(parts[end] ?? .max, n + 1)
            }
        }
        return (parts[w.count] ?? 0) >= 2
    }

    /// True when `word` is the start of an entry and no entry itself (`กองการเจ้า`).
    func isCutShort(_ word: String) -> Bool {
        let w = Array(word.unicodeScalars)
        guard !w.isEmpty, !entries.contains(where: { $0.scalars == w }) else { return false }
        return entries.contains { $0.scalars.count > w.count && Array($0.scalars.prefix(w.count)) == w }
    }

    /// A small mark (`ThaiMark.isCombining`) or the point of an abbreviation: what OCR loses and adds.
    static func isSoft(_ s: Unicode.Scalar) -> Bool { ThaiMark.isCombining(s) || s == "." }

    /// The entry `word` reads as (its printed form) and the edits it took; nil when none is within
    /// `maxEditShare` of its length or two are equally near.
    func match(_ word: String, maxEditShare: Double) -> (form: String, edits: Int)? {
        let w = Array(word.unicodeScalars)
        guard !w.isEmpty else { return nil }
        var best: (form: String, edits: Int)?
        var tie = false
        for e in entries {
            let limit = max(1, Int((Double(e.scalars.count) * maxEditShare).rounded(.down)))
            guard abs(e.scalars.count - w.count) <= limit, let d = Self.distance(w, e.scalars, limit: limit) else { continue }
            if best == nil || d < best!.edits { best = (e.form, d); tie = false } else if d == best!.edits { tie = true }
        }
        return tie ? nil : best
    }

    /// Restricted Damerau distance: soft scalars inserted, deleted or swapped for each other, any two
    /// neighbours transposed, each one edit; nil beyond `limit` or when a base character differs.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        let big = limit + 1
        let n = a.count, m = b.count
        var d = [[Int]](repeating: [Int](repeating: big, count: m + 1), count: n + 1)
        d[0][0] = 0
        for i in 0...n {
            for j in 0...m {
                if i == 0 && j == 0 { continue }
                var v = big
                if i > 0, j > 0, a[i - 1] == b[j - 1] { v = min(v, d[i - 1][j - 1]) }
                if i > 0, j > 0, isSoft(a[i - 1]), isSoft(b[j - 1]) { v = min(v, d[i - 1][j - 1] + 1) }
                if i > 0, isSoft(a[i - 1]) { v = min(v, d[i - 1][j] + 1) }
                if j > 0, isSoft(b[j - 1]) { v = min(v, d[i][j - 1] + 1) }
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1], a[i - 1] != a[i - 2] { v = min(v, d[i - 2][j - 2] + 1) }
                d[i][j] = min(v, big)
            }
        }
        return d[n][m] <= limit ? d[n][m] : nil
    }
}
