/// Thai word breaking with ICU's dictionary word BreakIterator (locale "th").
public enum ThaiWords {
    /// The word tokens of `s` (spaces and punctuation come out as their own tokens), in order;
    /// joined they give `s` back.
    public static func tokens(_ s: String) -> [String] {
        let u16 = Array(s.utf16)
        let b = ICU.wordBounds(u16).bounds
        var out: [String] = []
        out.reserveCapacity(b.count)
        for i in 1..<max(b.count, 1) where b[i] > b[i - 1] {
            out.append(String(decoding: u16[b[i - 1]..<b[i]], as: UTF16.self))
        }
        return out
    }

    /// Token boundaries of a scalar array, as scalar offsets (0 and count included).
    static func scalarBounds(_ scalars: ArraySlice<Unicode.Scalar>) -> [Int] {
        var u16: [UInt16] = []
        u16.reserveCapacity(scalars.count)
        // UTF-16 offset -> scalar offset (astral scalars take two units).
        var toScalar: [Int] = []
        toScalar.reserveCapacity(scalars.count + 1)
        for (i, s) in scalars.enumerated() {
            if s.value < 0x10000 { u16.append(UInt16(s.value)); toScalar.append(i) }
            else { for unit in String(s).utf16 { u16.append(unit); toScalar.append(i) } }
        }
        toScalar.append(scalars.count)
        return ICU.wordBounds(u16).bounds.map { toScalar[min($0, toScalar.count - 1)] }
    }

    /// Token boundaries of UTF-16 text (offsets, 0 and count included).
    static func bounds(_ u16: [UInt16]) -> [Int] { ICU.wordBounds(u16).bounds }

    /// Whether `word` is a word of ICU's Thai break dictionary.
    public static func inICUDictionary(_ word: String) -> Bool { ICU.thaiDictionaryContains(word) }

    /// The number of words in ICU's Thai dictionary (-1 when unreadable); for notes and tests.
    public static var icuDictionarySize: Int { ICU.thaiDictionarySize }

    /// The ICU version linked, e.g. "72.1".
    public static var icuVersion: String { ICU.version }
}
