import ITAModel
import ThaiCharacters
/// Repairs of Thai mark order and spacing that PDF text layers and shapers leave behind:
/// spaces before (or inside a syllable after) combining marks, SARA AM split into NIKHAHIT +
/// SARA AA or into a space + SARA AA, tone marks typed before their above vowel or after SARA AM,
/// doubled SARA E for SARA AE, and doubled marks.
struct MarkRepair {
    let lexicon: Lexicon

    /// One sweep over the buffer; nil when nothing changed.
    func sweep(_ b: ScalarBuffer, _ changes: inout [TextChange]) -> ScalarBuffer? {
        guard b.scalars.contains(where: { ThaiScript.isThai($0.value) }) else { return nil }
        let amSites = decideSpaceAA(b)
        var w = Rewriter(b, changes: changes)
        var i = 0
        while i < b.count {
            let v = b.value(i)
            let prev = w.out.scalars.last?.value ?? 0
            if ThaiScript.isInlineSpace(v) {
                var j = i + 1
                while j < b.count && ThaiScript.isInlineSpace(b.value(j)) { j += 1 }
                let next = b.value(j)
                if ThaiScript.canCarryMark(prev) && ThaiMark.isCombining(next) {
                    w.replace(i..<j, with: [], kind: "mark_space"); i = j; continue
                }
                if let am = amSites[i] {
                    if am { w.replace(i..<(j + 1), with: ["\u{0E33}"], kind: "sara_am"); i = j + 1 }
                    else { w.replace(i..<j, with: [], kind: "mark_space"); i = j }
                    continue
                }
                if ThaiScript.isConsonant(next) && syllableOpen(w.out.scalars) {
                    w.replace(i..<j, with: [], kind: "mark_space"); i = j; continue
                }
                if ThaiMark.isCombining(prev) && (ThaiScript.isConsonant(next) || (0x0E40...0x0E44).contains(next))
                    && joinReadsBetter(w.out.scalars, b, from: j) {
                    w.replace(i..<j, with: [], kind: "mark_space"); i = j; continue
                }
            } else if v == 0x0E4D {
                // NIKHAHIT, tone marks, SARA AA: how shapers decompose SARA AM (ำ).
                var k = i + 1
                var tones: [Unicode.Scalar] = []
                while k < b.count && ThaiScript.isTone(b.value(k)) { tones.append(b.scalars[k]); k += 1 }
                while k < b.count && ThaiScript.isInlineSpace(b.value(k)) { k += 1 }
                if b.value(k) == 0x0E32 {
                    w.replace(i..<(k + 1), with: tones + ["\u{0E33}"], kind: "sara_am"); i = k + 1; continue
                }
            } else if v == 0x0E33 && ThaiScript.isTone(b.value(i + 1)) {
                w.replace(i..<(i + 2), with: [b.scalars[i + 1], b.scalars[i]], kind: "mark_order"); i += 2; continue
            } else if (ThaiScript.isTone(v) || v == 0x0E4C) && ThaiScript.isAboveVowel(b.value(i + 1)) {
                // Usually typed in the wrong order (ก่ี → กี่); but a tone drawn over the previous
                // syllable can land after the next consonant (ชีว้ัด for ชี้วัด): take that reading
                // when the lexicon prefers it.
                if let fixed = toneBelongsBefore(w.out.scalars, tone: b.scalars[i], b, next: i + 1) {
                    let start = fixed.start
                    let before = String(scalars: w.out.scalars[start...]) + String(b.scalars[i])
                    w.changes.append(TextChange(kind: "mark_order", offset: w.out.origins[start], before: before,
                                                after: String(scalars: fixed.scalars)))
                    w.out.scalars.replaceSubrange(start..., with: fixed.scalars)
                    w.out.origins.replaceSubrange(start..., with: fixed.scalars.indices.map { k in
                        k < w.out.origins.count - start ? w.out.origins[start + k] : b.origins[i] })
                    i += 1; continue
                }
                w.replace(i..<(i + 2), with: [b.scalars[i + 1], b.scalars[i]], kind: "mark_order"); i += 2; continue
            } else if ThaiMark.isCombining(v) && b.value(i + 1) == v {
                var j = i + 1
                while b.value(j) == v { j += 1 }
                w.replace(i..<j, with: [b.scalars[i]], kind: "duplicate_mark"); i = j; continue
            } else if v == 0x0E40 {
                var k = i + 1
                while k < b.count && ThaiScript.isInlineSpace(b.value(k)) { k += 1 }
                if b.value(k) == 0x0E40 && ThaiScript.isConsonant(b.value(k + 1)) {
                    w.replace(i..<(k + 1), with: ["\u{0E41}"], kind: "doubled_vowel"); i = k + 1; continue
                }
            }
            w.keep(i); i += 1
        }
        guard w.changes.count > changes.count else { return nil }
        changes = w.changes
        return w.out
    }

    /// The Thai letters at the end of `out` (start index) and from `from` on in `b` (end index).
    private func thaiAround(_ out: [Unicode.Scalar], _ b: ScalarBuffer, from: Int) -> (left: Int, right: Int) {
        var l = out.count
        while l > 0 && ThaiScript.isThaiLetter(out[l - 1].value) { l -= 1 }
        var r = from
        while r < b.count {
            if ThaiScript.isThaiLetter(b.value(r)) { r += 1; continue }
            // A space before a mark is removed anyway: read across it.
            if ThaiScript.isInlineSpace(b.value(r)) && ThaiMark.isCombining(b.value(r + 1)) { r += 1; continue }
            break
        }
        return (l, r)
    }

    /// True when the space between the text so far and `b[from...]` splits a word: the joined
    /// reading has fewer unknown tokens (หน่ วยงาน, อินโฟกราฟิ ก).
    private func joinReadsBetter(_ out: [Unicode.Scalar], _ b: ScalarBuffer, from: Int) -> Bool {
        let (l, r) = thaiAround(out, b, from: from)
        let left = String(scalars: out[l...])
        let right = String(scalars: b.scalars[from..<r].filter { !ThaiScript.isInlineSpace($0.value) })
        // Only a space next to a fragment (a token that is no word) can split a word.
        let lt = ThaiWords.tokens(left), rt = ThaiWords.tokens(right)
        guard let lastTok = lt.last, let firstTok = rt.first,
              !lexicon.isWord(lastTok) || !lexicon.isWord(firstTok) else { return false }
        let joined = lexicon.cost(left + right)
        let apart = (lexicon.cost(left).unknown + lexicon.cost(right).unknown)
        return joined.unknown < apart
    }

    /// When the tone at `b[next - 1]` reads better over the previous syllable's vowel (ชีว้ัด →
    /// ชี้วัด), the replacement of `out[start...]` plus the tone; nil otherwise.
    private func toneBelongsBefore(_ out: [Unicode.Scalar], tone: Unicode.Scalar, _ b: ScalarBuffer, next: Int)
        -> (start: Int, scalars: [Unicode.Scalar])? {
        let n = out.count
        guard n >= 3, ThaiScript.isConsonant(out[n - 1].value) else { return nil }
        let vowel = out[n - 2].value
        guard ThaiScript.isAboveVowel(vowel) || vowel == 0x0E38 || vowel == 0x0E39 else { return nil }
        let moved = Array(out[(n - 2)...(n - 2)]) + [tone, out[n - 1]]
        let (l, r) = thaiAround(out, b, from: next)
        let tail = b.string(next..<r)
        let head = String(scalars: out[l..<(n - 2)])
        let asMoved = head + String(scalars: moved) + tail
        let asSwapped = head + String(scalars: out[(n - 2)...]) + String(b.scalars[next]) + String(tone)
            + b.string((next + 1)..<r)
        return lexicon.better(asMoved, than: asSwapped) ? (n - 2, moved) : nil
    }

    /// True when the text so far ends inside a syllable that cannot end there, so a following
    /// space before a consonant is an extraction artefact: after MAI HAN-AKAT (ั always needs a
    /// final), or after an above vowel or MAITAIKHU of a syllable led by SARA E/AE (เปิ|ด, เป็|น, เมื|อง).
    private func syllableOpen(_ out: [Unicode.Scalar]) -> Bool {
        var k = out.count - 1
        while k >= 0 && ThaiScript.isTone(out[k].value) { k -= 1 }
        guard k >= 1 else { return false }
        let mark = out[k].value
        if mark == 0x0E31 { return ThaiScript.isConsonant(out[k - 1].value) }
        guard ThaiScript.isAboveVowel(mark) || mark == 0x0E47 else { return false }
        var c = k - 1
        var consonants = 0
        while c >= 0 && ThaiScript.isConsonant(out[c].value) && consonants < 2 { c -= 1; consonants += 1 }
        guard consonants >= 1, c >= 0 else { return false }
        return out[c].value == 0x0E40 || out[c].value == 0x0E41
    }

    /// Finds every "consonant [tone] space(s) SARA AA" site (a space cannot precede SARA AA) and
    /// decides, per chunk of such sites, whether the space is a lost NIKHAHIT (SARA AM: ค าน า →
    /// คำนำ) or a stray space (ก าร → การ), by which reading the lexicon segments better.
    /// Ties go to SARA AM, the known failure of PDF text layers. Key: index of the first space.
    private func decideSpaceAA(_ b: ScalarBuffer) -> [Int: Bool] {
        var sites: [(space: Int, aa: Int)] = []
        var i = 0
        while i < b.count {
            if ThaiScript.isInlineSpace(b.value(i)) {
                var j = i + 1
                while j < b.count && ThaiScript.isInlineSpace(b.value(j)) { j += 1 }
                let p = b.value(i - 1), pp = b.value(i - 2)
                if b.value(j) == 0x0E32 && (ThaiScript.isConsonant(p) || (ThaiScript.isTone(p) && ThaiScript.isConsonant(pp))) {
                    sites.append((i, j))
                }
                i = j
            } else { i += 1 }
        }
        guard !sites.isEmpty else { return [:] }
        var decisions: [Int: Bool] = [:]
        // Letter-spaced text (ก า ร: a lone consonant, then SARA AA followed by a space) holds
        // SARA AA, not a lost NIKHAHIT (that text keeps its ํ as a glyph of its own).
        sites.removeAll { s in
            let c = s.space - (ThaiScript.isTone(b.value(s.space - 1)) ? 2 : 1)
            let lone = c == 0 || ThaiScript.isInlineSpace(b.value(c - 1))
            let after = b.value(s.aa + 1)
            if lone && (s.aa + 1 >= b.count || ThaiScript.isInlineSpace(after)) { decisions[s.space] = false; return true }
            return false
        }
        guard !sites.isEmpty else { return decisions }
        // Group sites whose Thai text runs into each other (only the site spaces between them).
        var groups: [[(space: Int, aa: Int)]] = []
        for s in sites {
            if let last = groups.last?.last,
               !(last.aa + 1..<s.space).contains(where: { !ThaiScript.isThaiLetter(b.value($0)) }) {
                groups[groups.count - 1].append(s)
            } else { groups.append([s]) }
        }
        for g in groups {
            var lo = g[0].space
            while lo > 0 && ThaiScript.isThaiLetter(b.value(lo - 1)) { lo -= 1 }
            var hi = g[g.count - 1].aa + 1
            while hi < b.count && ThaiScript.isThaiLetter(b.value(hi)) { hi += 1 }
            let n = min(g.count, 8)
            var bestMask = (1 << n) - 1
            var bestText = render(b, lo..<hi, g.prefix(n), mask: bestMask)
            for mask in stride(from: (1 << n) - 2, through: 0, by: -1) {
                let t = render(b, lo..<hi, g.prefix(n), mask: mask)
                if lexicon.better(t, than: bestText) { bestMask = mask; bestText = t }
            }
            for (k, s) in g.enumerated() { decisions[s.space] = k < n ? (bestMask >> k) & 1 == 1 : true }
        }
        return decisions
    }

    /// The text of `r` with each site read as SARA AM (mask bit set) or as a stray space.
    private func render(_ b: ScalarBuffer, _ r: Range<Int>, _ sites: ArraySlice<(space: Int, aa: Int)>, mask: Int) -> String {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(r.count)
        var i = r.lowerBound
        for (k, s) in sites.enumerated() {
            out.append(contentsOf: b.scalars[i..<s.space])
            out.append((mask >> k) & 1 == 1 ? "\u{0E33}" : "\u{0E32}")
            i = s.aa + 1
        }
        out.append(contentsOf: b.scalars[i..<r.upperBound])
        return String(scalars: out)
    }
}
