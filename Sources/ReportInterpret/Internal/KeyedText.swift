import ThaiNormalise
/// A text seen two ways: `scalars`, the original Unicode scalars with Thai digits made ASCII (one
/// scalar for one, so positions agree with the original), and `key`, the form vocabulary is matched
/// on: no whitespace, no Thai combining marks, nikhahit+aa as SARA AM, ASCII lower case. Cues are
/// found in the key and reported as positions in `scalars`, so wrap spaces and displaced marks from
/// the PDF text layer never stop a match. Shared by both interpret parts (fields/indicators and
/// questions/measures): use `KeyedText(s).contains(cue)` for tolerant phrase tests.
struct KeyedText {
    let scalars: [Unicode.Scalar]
    let key: [Unicode.Scalar]
    /// For each key scalar, the index of the original scalar it came from.
    let map: ScalarPositions

    init(_ text: String) {
        var sc: [Unicode.Scalar] = []
        sc.reserveCapacity(text.unicodeScalars.count)
        for u in text.unicodeScalars {
            if (0x0E50...0x0E59).contains(u.value) { sc.append(Unicode.Scalar(u.value - 0x0E50 + 0x30)!) } else { sc.append(u) }
        }
        var key: [Unicode.Scalar] = []
        var map: [Int32] = []
        key.reserveCapacity(sc.count); map.reserveCapacity(sc.count)
        var i = 0
        while i < sc.count {
            let u = sc[i]
            if KeyedText.isSpace(u) { i += 1; continue }
            if u.value == 0x0E4D {
                // nikhahit (+ tone marks) + aa is SARA AM as typed with two keys.
                var j = i + 1
                while j < sc.count, (0x0E48...0x0E4B).contains(sc[j].value) { j += 1 }
                if j < sc.count, sc[j].value == 0x0E32 {
                    key.append(Unicode.Scalar(0x0E33)!); map.append(Int32(i)); i = j + 1; continue
                }
            }
            if ThaiMark.isCombining(u) { i += 1; continue }
            if u.value >= 0x41, u.value <= 0x5A { key.append(Unicode.Scalar(u.value + 32)!) } else { key.append(u) }
            map.append(Int32(i))
            i += 1
        }
        self.scalars = sc; self.key = key; self.map = ScalarPositions(storage: map)
    }

    /// The key form of a phrase (for comparing two texts tolerant of spacing and marks).
    static func keyString(_ text: String) -> String {
        PhraseKeys.shared.keyString(text) { String(String.UnicodeScalarView(KeyedText(text).key)) }
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
        var out = String.UnicodeScalarView()
        var i = 0
        while i < t.count {
            if i + w.count <= t.count, t[i] == w[0], t[i..<(i + w.count)].elementsEqual(w) { i += w.count; continue }
            out.append(t[i]); i += 1
        }
        return String(out)
    }

    static func isSpace(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x200B, 0x200C, 0x200D, 0xFEFF, 0x2060: return true
        default: return false
        }
    }

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
    func occurrences(of phrase: String) -> [Range<Int>] {
        let cue = KeyedText.phraseKey(phrase)
        return keyOccurrences(cue).map { k in map[k]..<(map[k + cue.count - 1] + 1) }
    }

    func contains(_ phrase: String) -> Bool { !keyOccurrences(KeyedText.phraseKey(phrase)).isEmpty }

    /// The original text (digits ASCII) of a scalar range.
    func text(_ r: Range<Int>) -> String {
        let lo = max(0, r.lowerBound), hi = min(scalars.count, r.upperBound)
        guard lo < hi else { return "" }
        return String(String.UnicodeScalarView(scalars[lo..<hi]))
    }

    /// The key of a scalar range (for "no words between" tests).
    func keyText(_ r: Range<Int>) -> String {
        // `map` is increasing: binary-search the first key scalar of the range.
        var lo = 0, hi = map.count
        while lo < hi { let mid = (lo + hi) / 2; if map[mid] < r.lowerBound { lo = mid + 1 } else { hi = mid } }
        var out = String.UnicodeScalarView()
        var k = lo
        while k < map.count, map[k] < r.upperBound { out.append(key[k]); k += 1 }
        return String(out)
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
