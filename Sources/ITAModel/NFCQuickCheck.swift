/// Whether a text is certainly in Unicode NFC without normalising it: every scalar is ASCII or in
/// the Thai block, and each run of combining marks is in canonical order. Neither ASCII nor Thai has
/// a canonical decomposition or composes with a mark, so for such text NFC only reorders marks by
/// combining class; text in canonical order is its own NFC. Anything else answers false (normalise
/// it). Mappings loads used it to skip Foundation's and ICU's NFC on the 8,400 gazetteer names and
/// the lexicon's words, which every worker paid for again.
public enum NFCQuickCheck {
    public static func isNFC<S: Sequence>(_ scalars: S) -> Bool where S.Element == Unicode.Scalar {
        var previousClass: UInt8 = 0
        for u in scalars {
            let v = u.value
            guard v < 0x80 || (0x0E00...0x0E7F).contains(v) else { return false }
            let cc = u.properties.canonicalCombiningClass.rawValue
            if cc != 0, cc < previousClass { return false }
            previousClass = cc
        }
        return true
    }
}
