import ITAModel
import ThaiCharacters
/// Corrects OCR letter confusions (ซ/ช, ด/ต, ี/ิ, a doubled letter ...) in a Thai word only when the
/// word as read is not a word and exactly one corrected spelling is, at the lowest cost: a domain
/// word for a span of ICU tokens, or a word of ICU's dictionary when the span holds an unknown token
/// (at least 3 letters for a single token: short fragments of loanwords such as อิน|โฟ|กราฟิก must
/// stay). The corrections are a small edit graph (`ocr_confusions.tsv`): swaps within a confusion
/// class and dropping a doubled letter, each with a cost, searched up to `maximumCost`. Text after a name marker
/// (นาย, ตำบล, จังหวัด ...) is never touched: a lexicon cannot confirm a name.
/// Works on UTF-16 units: Thai runs are in the BMP, one unit per scalar.
struct OCRRepair {
    let lexicon: Lexicon
    /// Unit → the units it is confused with and the cost of that swap (Thai block only).
    let partners: [UInt16: [(unit: UInt16, cost: Int)]]
    /// Letter → the cost of dropping a second copy of it right after the first.
    let doubled: [UInt16: Int]
    /// Highest total cost of the edits between what OCR read and a correction. Why 2: the words OCR
    /// garbles carry up to two confusions (ซักซวน for ชักชวน); three edits in a 4-6 letter word reach
    /// too many other words for the lowest cost to be a reading rather than a guess.
    let maximumCost = 2
    /// Thai-block unit → representative of its confusion class (index u - 0x0E00).
    let fold: [UInt16]
    /// Folded spelling → domain words with that folding.
    let domainByFold: [[UInt16]: [[UInt16]]]
    let nameMarkers: [[UInt16]]
    /// Abbreviated markers (ต. อ. จ.) without their period: they count only as a whole run
    /// followed by ".", since a single letter occurs inside any word.
    let abbreviations: Set<[UInt16]>
    /// Shortest single token a dictionary correction may produce.
    let minimumTokenLength = 3
    /// Runs already looked at (`fixesIn`), with what was found. The same words come back in line
    /// after line and document after document, and each look costs a word break and dictionary
    /// lookups; the answer depends on the run and its three flags alone.
    let runMemo = BoundedMemo<RunKey, [(range: Range<Int>, to: [UInt16])]>(capacity: OCRRepair.runMemoCapacity)
    /// Runs held before the memo starts again: bounds its memory (runs are words, a few MB at most)
    /// while keeping the words of several documents, where the repeats are.
    static let runMemoCapacity = 20_000

    struct RunKey: Hashable {
        var run: [UInt16]
        var cutStart: Bool, cutEnd: Bool, whole: Bool
    }

    init(lexicon: Lexicon, confusionClasses: [(chars: [Unicode.Scalar], cost: Int)], doubled: [Unicode.Scalar: Int] = [:],
         nameMarkers: [String]) {
        self.lexicon = lexicon
        var costs: [UInt16: [UInt16: Int]] = [:]
        var fold = (0..<0x80).map { UInt16(0x0E00 + $0) }
        for (cls, cost) in confusionClasses {
            let units = cls.filter { $0.value >= 0x0E00 && $0.value < 0x0E80 }.map { UInt16($0.value) }
            guard let first = units.first else { continue }
            for c in units {
                for o in units where o != c { costs[c, default: [:]][o] = min(costs[c]?[o] ?? cost, cost) }
                if fold[Int(c) - 0x0E00] == c { fold[Int(c) - 0x0E00] = first }
            }
        }
        self.partners = costs.mapValues { $0.sorted { $0.key < $1.key }.map { (unit: $0.key, cost: $0.value) } }
        self.doubled = Dictionary(uniqueKeysWithValues: doubled.compactMap { k, v in
            k.value >= 0x0E00 && k.value < 0x0E80 ? (UInt16(k.value), v) : nil })
        self.fold = fold
        var index: [[UInt16]: [[UInt16]]] = [:]
        for w in lexicon.domain.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            index[w.map { ($0 >= 0x0E00 && $0 < 0x0E80) ? fold[Int($0) - 0x0E00] : $0 }, default: []].append(w)
        }
        domainByFold = index
        self.nameMarkers = nameMarkers.filter { !$0.hasSuffix(".") }.map { Array($0.utf16) }
        self.abbreviations = Set(nameMarkers.filter { $0.hasSuffix(".") }.map { Array($0.dropLast().utf16) })
    }

    func apply(_ b: ScalarBuffer, _ changes: inout [TextChange]) -> ScalarBuffer? {
        var runs: [Range<Int>] = []
        var i = 0
        while i < b.count {
            guard ThaiScript.isThaiLetter(b.value(i)) else { i += 1; continue }
            var j = i + 1
            while j < b.count && ThaiScript.isThaiLetter(b.value(j)) { j += 1 }
            runs.append(i..<j); i = j
        }
        guard !runs.isEmpty else { return nil }
        var first = 0, last = b.count
        while first < b.count && UnicodeWhitespace.contains(b.scalars[first]) { first += 1 }
        while last > first && UnicodeWhitespace.contains(b.scalars[last - 1]) { last -= 1 }
        var fixes: [(range: Range<Int>, to: [UInt16])] = []
        var protectNext = false
        for (ri, r) in runs.enumerated() {
            let run = b.scalars[r].map { UInt16($0.value) }
            if protectNext { protectNext = false; continue }
            if b.value(r.upperBound) == 0x2E, abbreviations.contains(run) { protectNext = true; continue }
            // Letter-spaced or shattered text (ง า น ให ้ ด ี): its pieces are fragments, not words.
            func short(_ k: Int, _ gapFrom: Int, _ gapTo: Int) -> Bool {
                runs.indices.contains(k) && runs[k].count <= 2 && gapTo - gapFrom <= 1
            }
            if r.count <= 2 || (ri > 0 && short(ri - 1, runs[ri - 1].upperBound, r.lowerBound))
                || (ri + 1 < runs.count && short(ri + 1, r.upperBound, runs[ri + 1].lowerBound)) { continue }
            var end = run.count
            if let m = markerSpan(run) {
                // Text after a marker is a name; the next run too when the marker ends this one.
                if m.upperBound == run.count { protectNext = true }
                end = m.lowerBound
            }
            // A run at the very start or end of the input may be a piece of a word cut by the
            // caller's line split (บการ of เกี่ยวกับการ): there only domain words are trusted,
            // unless the span is the whole input (a one-word cell).
            let whole = r.lowerBound == first && r.upperBound == last && end == run.count
            let cutStart = r.lowerBound == first, cutEnd = r.upperBound == last && end == run.count
            if end >= 2 {
                fixes += fixesIn(Array(run[0..<end]), cutStart: cutStart, cutEnd: cutEnd, whole: whole)
                    .map { ($0.range.lowerBound + r.lowerBound..<$0.range.upperBound + r.lowerBound, $0.to) }
            }
        }
        guard !fixes.isEmpty else { return nil }
        var w = Rewriter(b, changes: changes)
        i = 0
        for f in fixes where f.range.lowerBound >= i {
            while i < f.range.lowerBound { w.keep(i); i += 1 }
            w.replace(f.range, with: f.to.map { Unicode.Scalar($0)! }, kind: "ocr")
            i = f.range.upperBound
        }
        while i < b.count { w.keep(i); i += 1 }
        changes = w.changes
        return w.out
    }

    /// The first name marker in the run (earliest start), if any.
    private func markerSpan(_ run: [UInt16]) -> Range<Int>? {
        var best: Range<Int>?
        for m in nameMarkers where m.count <= run.count {
            var s = 0
            while s + m.count <= run.count {
                if run[s] == m[0] && run[s..<(s + m.count)].elementsEqual(m) {
                    if best == nil || s < best!.lowerBound || (s == best!.lowerBound && s + m.count > best!.upperBound) {
                        best = s..<(s + m.count)
                    }
                    break
                }
                s += 1
            }
        }
        return best
    }

    /// True when inserting a tone mark ่ or ้ somewhere in the span gives a known word.
    private func droppedToneReading(_ span: ArraySlice<UInt16>) -> Bool {
        let a = Array(span)
        for p in 1...a.count where ThaiScript.isConsonant(UInt32(a[p - 1])) || ThaiScript.isAboveVowel(UInt32(a[p - 1]))
            || (0x0E38...0x0E39).contains(a[p - 1]) {
            if p < a.count && ThaiMark.isCombining(UInt32(a[p])) && !ThaiScript.isTone(UInt32(a[p])) { continue }
            for tone: UInt16 in [0x0E48, 0x0E49] {
                var v = a; v.insert(tone, at: p)
                if lexicon.isWord(v[...]) { return true }
            }
        }
        return false
    }

    private func folded(_ u: ArraySlice<UInt16>) -> [UInt16] {
        u.map { ($0 >= 0x0E00 && $0 < 0x0E80) ? fold[Int($0) - 0x0E00] : $0 }
    }

    /// The cost of turning `a` into `b` of the same length by swaps alone; nil when a position
    /// differs by no single swap (spellings of one folding joined through a third letter).
    private func swapCost(_ a: ArraySlice<UInt16>, _ b: [UInt16]) -> Int? {
        var total = 0
        for (x, y) in zip(a, b) where x != y {
            guard let c = partners[x]?.first(where: { $0.unit == y })?.cost else { return nil }
            total += c
        }
        return total
    }

    /// The spellings within `maximumCost` of `span` through the edit graph that `accept` takes, each
    /// with its lowest cost. Depth-first over positions: keep the unit, swap it for a partner, or
    /// drop it when it repeats a doubled letter.
    func reachable(_ span: ArraySlice<UInt16>, accept: ([UInt16]) -> Bool) -> [[UInt16]: Int] {
        let s = Array(span)
        var found: [[UInt16]: Int] = [:]
        var v: [UInt16] = []
        v.reserveCapacity(s.count)
        func walk(_ p: Int, _ cost: Int) {
            if p == s.count {
                if cost > 0, cost < found[v] ?? Int.max, accept(v) { found[v] = cost }
                return
            }
            let u = s[p]
            v.append(u); walk(p + 1, cost); v.removeLast()
            for (q, c) in partners[u] ?? [] where cost + c <= maximumCost {
                v.append(q); walk(p + 1, cost + c); v.removeLast()
            }
            if p > 0, s[p - 1] == u, let c = doubled[u], cost + c <= maximumCost { walk(p + 1, cost + c) }
        }
        walk(0, 0)
        return found
    }

    /// The corrections inside one Thai run (ranges within the run), longest spans first, no overlaps.
    func fixesIn(_ run: [UInt16], cutStart: Bool = false, cutEnd: Bool = false, whole: Bool = false) -> [(range: Range<Int>, to: [UInt16])] {
        runMemo.value(RunKey(run: run, cutStart: cutStart, cutEnd: cutEnd, whole: whole)) {
            computeFixes(run, cutStart: cutStart, cutEnd: cutEnd, whole: whole)
        }
    }

    func computeFixes(_ run: [UInt16], cutStart: Bool, cutEnd: Bool, whole: Bool) -> [(range: Range<Int>, to: [UInt16])] {
        let hasDouble = zip(run, run.dropFirst()).contains { $0 == $1 && doubled[$0] != nil }
        guard hasDouble || run.contains(where: { partners[$0] != nil }) else { return [] }
        let bounds = ThaiWords.bounds(run)
        let n = bounds.count - 1
        guard n >= 1 else { return [] }
        var known = (0..<n).map { t in bounds[t + 1] - bounds[t] <= 1 || lexicon.isWord(run[bounds[t]..<bounds[t + 1]]) }
        // A token inside a known word of 2-3 tokens is known (อิน|โฟ|กราฟิก in the domain list).
        if known.contains(false) {
            for k in 2...3 where k <= n {
                for t in 0...(n - k) where (t..<(t + k)).contains(where: { !known[$0] }) {
                    if lexicon.isWord(run[bounds[t]..<bounds[t + k]]) { for x in t..<(t + k) { known[x] = true } }
                }
            }
        }
        // A lone letter between words (ดำเนิน|น|งาน) is what a doubled letter leaves: it counts as
        // known for the rest, but lets the edit graph look at its span.
        let lone: [Bool] = (0..<n).map { t -> Bool in
            let at = bounds[t]
            guard bounds[t + 1] - at == 1, at > 0, doubled[run[at]] != nil else { return false }
            return run[at - 1] == run[at]
        }
        var taken = [Bool](repeating: false, count: n)
        var out: [(range: Range<Int>, to: [UInt16])] = []
        for k in stride(from: min(3, n), through: 1, by: -1) {
            for t in 0...(n - k) {
                if (t..<(t + k)).contains(where: { taken[$0] }) { continue }
                let hasUnknown = (t..<(t + k)).contains { !known[$0] || lone[$0] }
                if k == 1 && !hasUnknown { continue }
                let span = run[bounds[t]..<bounds[t + k]]
                // Spelling → lowest cost of the edits that reach it.
                var candidates: [[UInt16]: Int] = [:]
                if let ds = domainByFold[folded(span)] {
                    for d in ds where !d.elementsEqual(span) { candidates[d] = swapCost(span, d) ?? maximumCost + 1 }
                }
                let atCut = ((cutStart && t == 0) || (cutEnd && t + k == n)) && !(whole && t == 0 && t + k == n)
                let dictionary = hasUnknown && !atCut && (k > 1 || span.count >= minimumTokenLength)
                if hasUnknown {
                    let near = reachable(span) { v in
                        lexicon.isDomainWord(v[...]) || (dictionary && ICU.thaiDictionaryContains(v[...]))
                    }
                    for (v, c) in near where c < candidates[v] ?? Int.max { candidates[v] = c }
                }
                // Exactly one spelling at the lowest cost, or nothing.
                guard let best = candidates.values.min() else { continue }
                let winners = candidates.filter { $0.value == best }.map(\.key)
                guard winners.count == 1, !lexicon.isWord(span) else { continue }
                // A dropped tone mark (ขึน for ขึ้น) is the other common cause of a non-word:
                // when adding one also gives a word, the reading is ambiguous and left alone.
                if dictionary && droppedToneReading(span) { continue }
                out.append((bounds[t]..<bounds[t + k], winners[0]))
                for x in t..<(t + k) { taken[x] = true }
            }
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}
