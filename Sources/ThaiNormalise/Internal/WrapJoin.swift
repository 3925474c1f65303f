import ITAModel
import ThaiCharacters
/// Joins the wrapped lines of a cell or paragraph. A line break in Thai text is most often a wrap
/// inside a phrase (no space belongs there), but Thai also puts real spaces between phrases, and
/// a wrap may fall on one. Decided per break: a break after a glued hyphen or slash drops it;
/// non-Thai on either side keeps a space; a break
/// inside an ICU word, before a following vowel or mark, or inside a known word drops it; a break
/// before or after a word that writers set off with spaces (learned lists) keeps it; else dropped.
struct WrapJoin {
    let lexicon: Lexicon
    let spaceBefore: Set<String>
    let spaceAfter: Set<String>

    /// Hyphen-minus, slash, hyphen, en dash: signs a line may be broken after without a space.
    static let breakAfterSigns: Set<UInt32> = [0x2D, 0x2F, 0x2010, 0x2013]
    /// What ends a list number opening a line (`๒.`, `2)`): digits before it start an item, and are
    /// no continuation of the line above.
    static let listNumberEnds: Set<UInt32> = [0x2E, 0x29]

    /// Whether digits joined across a wrap make a number a narrow cell prints whole: a Buddhist Era
    /// year (`พ.ศ.๒๕๖` + `๘)`), or a two-digit year or count (`ต.ค.๖` + `๘`) unless the next line's
    /// digits are a list number (`๒.` opening an item). Two complete short years (`ต.ค.๖๗` + `๖๘`)
    /// would make `๖๗๖๘`, no number any cell means: those keep their space.
    static func wholeBrokenNumber(_ digits: [Int], listNumber: Bool) -> Bool {
        if digits.count == 4 { return digits[0] == 2 && digits[1] == 5 }
        return digits.count <= 2 && !listNumber
    }

    /// The lines joined by "\n" as raw text, each break replaced by " " or "" (the latter
    /// recorded as "wrap_space"), as a buffer whose origins index the "\n"-joined raw text.
    func join(_ lines: [String], _ changes: inout [TextChange]) -> ScalarBuffer {
        let raw = ScalarBuffer(lines.joined(separator: "\n"))
        var w = Rewriter(raw, changes: changes)
        var pos = 0
        for (n, line) in lines.enumerated() {
            let count = line.unicodeScalars.count
            for k in pos..<(pos + count) { w.keep(k) }
            pos += count
            if n < lines.count - 1 {
                if keepsSpace(line, lines[n + 1]) { w.substitute(pos..<(pos + 1), with: [" "]) }
                else { w.replace(pos..<(pos + 1), with: [], kind: "wrap_space") }
                pos += 1
            }
        }
        changes = w.changes
        return w.out
    }

    /// True when `s` starts with two or more dotted Thai letter groups ("พ.ศ.", "ก.ย."; one or two
    /// consonants each): an abbreviation, not a word ("จ." alone may be glued to a name).
    static func startsDottedAbbreviation(_ s: [Unicode.Scalar]) -> Bool {
        var i = 0, groups = 0
        while i < s.count {
            var letters = 0
            while i < s.count, (0x0E01...0x0E2E).contains(s[i].value) { letters += 1; i += 1 }
            guard (1...2).contains(letters), i < s.count, s[i] == "." else { break }
            groups += 1; i += 1
        }
        return groups >= 2
    }

    /// Whether a space belongs between the end of `left` and the start of `right`.
    func keepsSpace(_ left: String, _ right: String) -> Bool {
        let l = Array(left.unicodeScalars), r = Array(right.unicodeScalars)
        guard let a = l.last, let c = r.first else { return false }
        if a.properties.isWhitespace || c.properties.isWhitespace { return false }
        // A line that ends in a hyphen or slash glued to the text before it ("67-", "สำนักปลัด/") was
        // broken after that sign, which word processors do inside a token: no space was typed there.
        if WrapJoin.breakAfterSigns.contains(a.value), l.count >= 2, !l[l.count - 2].properties.isWhitespace {
            return false
        }
        // Digits glued to other text at a line's end (`ต.ค.๖`) over digits opening the next line
        // (`๘ -`): the wrap broke that token, as a word processor does only where a token does not
        // fit its cell (fresh tune 1369's narrow period cell: `ต.ค.๖ ๘` for `ต.ค.๖๘`). Only when the
        // joined digits make a number such a cell prints whole (`WrapJoin.wholeBrokenNumber`).
        if ThaiNumber.digitValue(a) != nil, ThaiNumber.digitValue(c) != nil {
            var k = l.count - 1
            while k >= 0, ThaiNumber.digitValue(l[k]) != nil { k -= 1 }
            var m = 0
            while m < r.count, ThaiNumber.digitValue(r[m]) != nil { m += 1 }
            let digits = (l[(k + 1)...] + r[..<m]).compactMap { ThaiNumber.digitValue($0) }
            let listNumber = m < r.count && WrapJoin.listNumberEnds.contains(r[m].value)
            // The digits follow a Thai letter (`ไตรมาสที่๑`) or a dotted Thai abbreviation (`ต.ค.๖`),
            // never a decimal point or a Latin letter (`๙๓.๕๗` over `๘๕.๐๐` are two scores, `e1`
            // over `2` a code and a number).
            let glued = k >= 0 && (ThaiScript.isThaiLetter(l[k].value)
                                   || (l[k] == "." && k >= 1 && ThaiScript.isThaiLetter(l[k - 1].value)))
            if glued, WrapJoin.wholeBrokenNumber(digits, listNumber: listNumber) { return false }
        }
        guard ThaiScript.isThaiLetter(a.value), ThaiScript.isThaiLetter(c.value) else { return true }
        // A dotted abbreviation ("พ.ศ.", "ต.ค.") is set off from Thai before it by a space: the
        // seed reports print it so 56 times and never glued (a wrap before it fell on that space).
        if WrapJoin.startsDottedAbbreviation(r) { return true }
        if ThaiMark.isCombining(c.value) || [0x0E30, 0x0E32, 0x0E33, 0x0E45].contains(c.value) { return false }
        // A leading vowel (เ แ โ ใ ไ) at the end of a line cannot end a word.
        if (0x0E40...0x0E44).contains(a.value) { return false }
        var ls = l.count
        while ls > 0 && ThaiScript.isThaiLetter(l[ls - 1].value) { ls -= 1 }
        var re = 0
        while re < r.count && ThaiScript.isThaiLetter(r[re].value) { re += 1 }
        let leftChunk = l[ls...], rightChunk = r[..<re]
        let joined = Array(leftChunk) + Array(rightChunk)
        let bounds = ThaiWords.scalarBounds(joined[...])
        let cut = leftChunk.count
        guard let bi = bounds.firstIndex(of: cut) else { return false }
        let lastTok = String(scalars: joined[bounds[bi - 1]..<cut])
        let firstTok = String(scalars: joined[cut..<bounds[bi + 1]])
        if !lexicon.isWord(lastTok) || !lexicon.isWord(firstTok) || lexicon.isWord(lastTok + firstTok) { return false }
        return spaceBefore.contains(firstTok) || spaceAfter.contains(lastTok)
    }
}
