/// Corrects OCR letter confusions (ซ/ช, ด/ต, ี/ิ ...) in a Thai word only when the word as read is
/// not a word and exactly one corrected spelling is: a domain word for a span of ICU tokens, or a
/// word of ICU's dictionary when the span holds an unknown token (at least 3 letters for a single
/// token: short fragments of loanwords such as อิน|โฟ|กราฟิก must stay). Text after a name marker
/// (นาย, ตำบล, จังหวัด ...) is never touched: a lexicon cannot confirm a name.
/// Works on UTF-16 units: Thai runs are in the BMP, one unit per scalar.
struct OCRRepair {
    let lexicon: Lexicon
    /// Unit → the units it is confused with (Thai block only).
    let partners: [UInt16: [UInt16]]
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

    init(lexicon: Lexicon, confusionClasses: [[Unicode.Scalar]], nameMarkers: [String]) {
        self.lexicon = lexicon
        var partners: [UInt16: [UInt16]] = [:]
        var fold = (0..<0x80).map { UInt16(0x0E00 + $0) }
        for cls in confusionClasses {
            let units = cls.filter { $0.value >= 0x0E00 && $0.value < 0x0E80 }.map { UInt16($0.value) }
            guard let first = units.first else { continue }
            for c in units {
                partners[c, default: []].append(contentsOf: units.filter { $0 != c })
                if fold[Int(c) - 0x0E00] == c { fold[Int(c) - 0x0E00] = first }
            }
        }
        self.partners = partners
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
        while first < b.count && b.scalars[first].properties.isWhitespace { first += 1 }
        while last > first && b.scalars[last - 1].properties.isWhitespace { last -= 1 }
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

    /// The corrections inside one Thai run (ranges within the run), longest spans first, no overlaps.
    func fixesIn(_ run: [UInt16], cutStart: Bool = false, cutEnd: Bool = false, whole: Bool = false) -> [(range: Range<Int>, to: [UInt16])] {
        guard run.contains(where: { partners[$0] != nil }) else { return [] }
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
        var taken = [Bool](repeating: false, count: n)
        var out: [(range: Range<Int>, to: [UInt16])] = []
        for k in stride(from: min(3, n), through: 1, by: -1) {
            for t in 0...(n - k) {
                if (t..<(t + k)).contains(where: { taken[$0] }) { continue }
                let hasUnknown = (t..<(t + k)).contains { !known[$0] }
                if k == 1 && !hasUnknown { continue }
                let span = run[bounds[t]..<bounds[t + k]]
                var candidates: [[UInt16]] = []
                if let ds = domainByFold[folded(span)] {
                    for d in ds where !d.elementsEqual(span) { candidates.append(d) }
                }
                let atCut = ((cutStart && t == 0) || (cutEnd && t + k == n)) && !(whole && t == 0 && t + k == n)
                if hasUnknown && !atCut && (k > 1 || span.count >= minimumTokenLength) {
                    for p in span.indices {
                        for q in partners[span[p]] ?? [] {
                            var v = Array(span); v[p - span.startIndex] = q
                            if ICU.thaiDictionaryContains(v[...]) && !candidates.contains(v) { candidates.append(v) }
                        }
                    }
                    // A dropped tone mark (ขึน for ขึ้น) is the other common cause of a non-word:
                    // when adding one also gives a word, the reading is ambiguous and left alone.
                    if candidates.count == 1 && droppedToneReading(span) { continue }
                }
                guard candidates.count == 1, !lexicon.isWord(span) else { continue }
                out.append((bounds[t]..<bounds[t + k], candidates[0]))
                for x in t..<(t + k) { taken[x] = true }
            }
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}
