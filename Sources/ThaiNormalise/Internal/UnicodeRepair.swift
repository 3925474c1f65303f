import ITAModel
import ThaiCharacters
/// The character-level repairs that need no lexicon: invisible characters, Private-Use glyphs, NFC.
enum UnicodeRepair {
    /// Removes zero-width characters and soft hyphens. ZWNJ/ZWJ are removed only next to Thai,
    /// because other scripts (and emoji sequences) need them.
    static func removeZeroWidth(_ b: ScalarBuffer, _ changes: inout [TextChange]) -> ScalarBuffer? {
        func always(_ v: UInt32) -> Bool { v == 0x200B || v == 0x2060 || v == 0xFEFF || v == 0xAD }
        func joiner(_ v: UInt32) -> Bool { v == 0x200C || v == 0x200D }
        guard b.scalars.contains(where: { always($0.value) || joiner($0.value) }) else { return nil }
        func removable(_ i: Int) -> Bool {
            let v = b.value(i)
            if always(v) { return true }
            guard joiner(v) else { return false }
            var p = i - 1; while p >= 0 && (always(b.value(p)) || joiner(b.value(p))) { p -= 1 }
            var n = i + 1; while n < b.count && (always(b.value(n)) || joiner(b.value(n))) { n += 1 }
            return ThaiScript.isThai(b.value(p)) || ThaiScript.isThai(b.value(n))
        }
        var w = Rewriter(b, changes: changes)
        var i = 0
        while i < b.count {
            if removable(i) {
                var j = i + 1
                while j < b.count && removable(j) { j += 1 }
                w.replace(i..<j, with: [], kind: "zero_width")
                i = j
            } else { w.keep(i); i += 1 }
        }
        guard w.changes.count > changes.count else { return nil }
        changes = w.changes
        return w.out
    }

    /// Maps Private-Use glyphs of legacy Thai fonts back to Thai characters (table in Mappings).
    static func mapPUA(_ b: ScalarBuffer, table: [UInt32: Unicode.Scalar], _ changes: inout [TextChange]) -> ScalarBuffer? {
        guard b.scalars.contains(where: { $0.value >= 0xF700 && $0.value <= 0xF8FF && table[$0.value] != nil }) else { return nil }
        var w = Rewriter(b, changes: changes)
        var i = 0
        while i < b.count {
            // One change per glyph, so each names its own input offset.
            if let m = table[b.value(i)] {
                w.replace(i..<(i + 1), with: [m], kind: "pua")
                i += 1
            } else { w.keep(i); i += 1 }
        }
        changes = w.changes
        return w.out
    }

    /// Canonical combining class of the scalars the quick check accepts (Thai marks; 0 otherwise).
    private static func thaiCCC(_ v: UInt32) -> UInt8 {
        switch v { case 0x0E38, 0x0E39: return 103; case 0x0E3A: return 9; case 0x0E48...0x0E4B: return 107; default: return 0 }
    }

    /// True when the text is surely NFC without asking ICU: only scalars below U+0300 (no
    /// combining marks there) and Thai, with Thai marks in canonical order. Most report text.
    static func quickNFC(_ s: [Unicode.Scalar]) -> Bool {
        var last: UInt8 = 0
        for u in s {
            let v = u.value
            if v < 0x300 { last = 0; continue }
            guard v >= 0x0E00 && v < 0x0E80 else { return false }
            let c = thaiCCC(v)
            if c != 0 && c < last { return false }
            last = c
        }
        return true
    }

    /// Puts the text in NFC, one normalisation segment at a time so each change is local.
    static func nfc(_ b: ScalarBuffer, _ changes: inout [TextChange]) -> ScalarBuffer? {
        if quickNFC(b.scalars) { return nil }
        let all = Array(b.text.utf16)
        if ICU.isNFC(all) { return nil }
        var w = Rewriter(b, changes: changes)
        var i = 0
        while i < b.count {
            var j = i + 1
            while j < b.count && !ICU.nfcBoundaryBefore(b.scalars[j]) { j += 1 }
            let seg = b.string(i..<j)
            let n = String(decoding: ICU.nfc(Array(seg.utf16)), as: UTF16.self)
            // Compare scalars: Swift's String == already treats canonical equivalents as equal.
            if n.unicodeScalars.elementsEqual(seg.unicodeScalars) { for k in i..<j { w.keep(k) } } else { w.replace(i..<j, with: Array(n.unicodeScalars), kind: "nfc") }
            i = j
        }
        guard w.changes.count > changes.count else { return nil }
        changes = w.changes
        return w.out
    }
}
