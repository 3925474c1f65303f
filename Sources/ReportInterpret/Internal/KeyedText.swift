import ITAModel
import ThaiNormalise
/// A text with its matching key (`ThaiNormalise.MatchingKey`: digits ASCII, no whitespace, no
/// Thai combining marks, nikhahit+aa as SARA AM, ASCII lower case). Cues are found in the key and
/// reported as positions in `scalars`. Shared by both interpret parts (fields/indicators and
/// questions/measures): use `KeyedText(s).contains(cue)` for tolerant phrase tests.
struct KeyedText {
    let scalars: [Unicode.Scalar]
    let key: [Unicode.Scalar]
    /// For each key scalar, the index of the original scalar it came from.
    let map: ScalarPositions

    init(_ text: String) {
        let k = MatchingKey(text)
        self.scalars = k.scalars; self.key = k.key; self.map = ScalarPositions(storage: k.map)
    }

    /// The key form of a phrase (for comparing two texts tolerant of spacing and marks).
    static func keyString(_ text: String) -> String {
        PhraseKeys.shared.keyString(text) { String(scalars: KeyedText(text).key) }
    }

    /// The key of a cue phrase (see `PhraseKeys`).
    static func phraseKey(_ phrase: String) -> [Unicode.Scalar] {
        PhraseKeys.shared.key(phrase) { KeyedText(phrase).key }
    }

    /// `text` with every occurrence of `word` taken out, left to right, compared scalar by scalar.
    /// For keys (no Thai marks, no spaces) this is Foundation's `replacingOccurrences(of:with: "")`
    /// without the bridge to NSString on every table cell.
    static func removingAll(_ word: String, from text: String) -> String {
        let w = Array(word.unicodeScalars), t = Array(text.unicodeScalars)
        guard !w.isEmpty, t.count >= w.count else { return text }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(t.count)
        var i = 0
        while i < t.count {
            if i + w.count <= t.count, t[i] == w[0], t[i..<(i + w.count)].elementsEqual(w) { i += w.count; continue }
            out.append(t[i]); i += 1
        }
        return String(scalars: out)
    }

    /// `removingAll(word, from: text).unicodeScalars.contains(where: test)` without building the
    /// text left (asked of every cell of every row that may be an indicator's label).
    static func hasScalar(outside word: String, in text: String, where test: (Unicode.Scalar) -> Bool) -> Bool {
        let w = Array(word.unicodeScalars), t = Array(text.unicodeScalars)
        guard !w.isEmpty, t.count >= w.count else { return t.contains(where: test) }
        var i = 0
        while i < t.count {
            if i + w.count <= t.count, t[i] == w[0], t[i..<(i + w.count)].elementsEqual(w) { i += w.count; continue }
            if test(t[i]) { return true }
            i += 1
        }
        return false
    }

    static func isSpace(_ u: Unicode.Scalar) -> Bool { MatchingKey.isSpace(u) }

    /// Positions in `key` where `cue` (already a key) starts.
    func keyOccurrences(_ cue: [Unicode.Scalar]) -> [Int] {
        guard !cue.isEmpty, cue.count <= key.count else { return [] }
        var out: [Int] = []
        var i = 0
        while i + cue.count <= key.count {
            if key[i] == cue[0] {
                var ok = true
                for k in 1..<cue.count where key[i + k] != cue[k] { ok = false; break }
                if ok { out.append(i) }
            }
            i += 1
        }
        return out
    }

    /// Where a cue phrase occurs, as ranges of original scalar positions.
    func occurrences(of phrase: String) -> [Range<Int>] { occurrences(ofKey: KeyedText.phraseKey(phrase)) }

    /// `occurrences(of:)` for a cue already keyed (`phraseKey`): readers that look for the same
    /// cues in every block key them once (the memo's lookup per block and cue was 1.7% of a run's CPU).
    func occurrences(ofKey cue: [Unicode.Scalar]) -> [Range<Int>] {
        keyOccurrences(cue).map { k in map[k]..<(map[k + cue.count - 1] + 1) }
    }

    func contains(_ phrase: String) -> Bool { !keyOccurrences(KeyedText.phraseKey(phrase)).isEmpty }

    /// The original text (digits ASCII) of a scalar range.
    func text(_ r: Range<Int>) -> String {
        let lo = max(0, r.lowerBound), hi = min(scalars.count, r.upperBound)
        guard lo < hi else { return "" }
        return String(scalars: scalars[lo..<hi])
    }

    /// The original scalars of `length` key scalars starting `offset` key scalars into the key
    /// of the text from scalar `start` on (where `keyText(start..<...)` found them), nil past the end.
    func scalarRange(keyOffset offset: Int, length: Int, from start: Int) -> Range<Int>? {
        var lo = 0, hi = map.count
        while lo < hi { let mid = (lo + hi) / 2; if map[mid] < start { lo = mid + 1 } else { hi = mid } }
        let first = lo + offset, last = lo + offset + length - 1
        guard length > 0, first >= 0, last < map.count else { return nil }
        return map[first]..<(map[last] + 1)
    }

    /// The key of a scalar range (for "no words between" tests).
    func keyText(_ r: Range<Int>) -> String {
        // `map` is increasing: binary-search the first key scalar of the range.
        var lo = 0, hi = map.count
        while lo < hi { let mid = (lo + hi) / 2; if map[mid] < r.lowerBound { lo = mid + 1 } else { hi = mid } }
        var k = lo
        while k < map.count, map[k] < r.upperBound { k += 1 }
        return String(scalars: key[lo..<k])
    }
}

/// `KeyedText.map`: scalar positions kept as 32-bit integers. The text blocks of a document hold
/// one per scalar of its text, several times over: half the memory of `[Int]` (a 2,000-page report
/// peaked over its worker's memory bound, issue 14).
struct ScalarPositions: RandomAccessCollection {
    let storage: [Int32]
    var startIndex: Int { 0 }
    var endIndex: Int { storage.count }
    subscript(position: Int) -> Int { Int(storage[position]) }
}
