/// Character classes of the Thai block (U+0E00-U+0E7F): one definition for every stage (layout
/// groups marks with their base, normalise repairs text, interpret builds matching keys).
public enum ThaiScript {
    /// Consonants ก-ฮ.
    @inlinable public static func isConsonant(_ v: UInt32) -> Bool { v >= 0x0E01 && v <= 0x0E2E }
    /// Tone marks ่ ้ ๊ ๋.
    /// True when `text` holds a Thai consonant: OCR'd text that is Thai at all, not digits,
    /// punctuation or Latin look-alikes (the OCR checks of plan cells and score rows).
    @inlinable public static func containsConsonant(_ text: String) -> Bool {
        text.unicodeScalars.contains { isConsonant($0.value) }
    }
    /// True when `text` holds a letter (of any script) or a digit (Thai or ASCII): a cell's text, not
    /// a lone mark or punctuation (a cell border's trace, a speck).
    @inlinable public static func containsLetterOrDigit<S: StringProtocol>(_ text: S) -> Bool {
        text.unicodeScalars.contains { $0.properties.isAlphabetic || digitValue($0) != nil }
    }
    @inlinable public static func isTone(_ v: UInt32) -> Bool { v >= 0x0E48 && v <= 0x0E4B }
    /// Vowels drawn above the base, which Thai input order puts before a tone mark.
    @inlinable public static func isAboveVowel(_ v: UInt32) -> Bool { v == 0x0E31 || (v >= 0x0E34 && v <= 0x0E37) }
    /// Thai digits ๐-๙.
    @inlinable public static func isThaiDigit(_ v: UInt32) -> Bool { v >= 0x0E50 && v <= 0x0E59 }
    /// ASCII digits 0-9.
    @inlinable public static func isASCIIDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }
    /// ASCII capitals A-Z.
    @inlinable public static func isASCIIUppercase(_ v: UInt32) -> Bool { v >= 0x41 && v <= 0x5A }
    /// ASCII letters A-Z and a-z.
    @inlinable public static func isASCIILetter(_ v: UInt32) -> Bool { isASCIIUppercase(v) || (v >= 0x61 && v <= 0x7A) }
    /// A digit of either script, Thai or ASCII.
    @inlinable public static func isDigit(_ v: UInt32) -> Bool { isASCIIDigit(v) || isThaiDigit(v) }
    /// A Thai digit as its ASCII digit; any other scalar as it is.
    @inlinable public static func asciiDigit(_ u: Unicode.Scalar) -> Unicode.Scalar {
        isThaiDigit(u.value) ? Unicode.Scalar(u.value - 0x0E50 + 0x30)! : u
    }
    /// The value 0-9 of a Thai or ASCII digit, nil for anything else.
    @inlinable public static func digitValue(_ u: Unicode.Scalar) -> Int? {
        if u.value >= 0x30 && u.value <= 0x39 { return Int(u.value - 0x30) }
        if isThaiDigit(u.value) { return Int(u.value - 0x0E50) }
        return nil
    }
    /// Any letter, vowel or mark of the Thai block (digits and signs such as ๆ ฯ excluded).
    @inlinable public static func isThaiLetter(_ v: UInt32) -> Bool {
        (v >= 0x0E01 && v <= 0x0E3A) || (v >= 0x0E40 && v <= 0x0E4E && v != 0x0E46)
    }
    /// The Thai block before its digits (U+0E01-U+0E4F): letters, vowels, marks and the signs
    /// ฯ ฿ ๆ ๏; unlike `isThaiLetter`, the signs count.
    @inlinable public static func isThaiLetterOrSign(_ v: UInt32) -> Bool { v >= 0x0E01 && v <= 0x0E4F }
    /// What runs inside a Thai word (U+0E01-U+0E2E, U+0E30-U+0E4E): letters, vowels, marks, ฿ and
    /// ๆ; not ฯ (PAIYANNOI abbreviates: a word ends there) nor ๏.
    @inlinable public static func isThaiWordScalar(_ v: UInt32) -> Bool {
        (v >= 0x0E01 && v <= 0x0E2E) || (v >= 0x0E30 && v <= 0x0E4E)
    }
    /// Thai scalars that extend the Character before them (Grapheme_Cluster_Break Extend or
    /// SpacingMark): the combining marks (`ThaiMark.isCombining`) and SARA AM.
    @inlinable public static func extendsPreviousCharacter(_ v: UInt32) -> Bool { ThaiMark.isCombining(v) || v == 0x0E33 }
    /// The place 0-127 of a scalar in the Thai block (U+0E00-U+0E7F), nil outside it: a bit of a
    /// 128-bit set of the block.
    @inlinable public static func blockOffset(_ v: UInt32) -> UInt32? { isThai(v) ? v - 0x0E00 : nil }
    /// Latin below the combining diacritics (U+0000-U+02FF: ASCII to the spacing modifier letters):
    /// no Prepend, Extend or SpacingMark scalar (Grapheme_Cluster_Break) lies there.
    @inlinable public static func isBeforeCombiningDiacritics(_ v: UInt32) -> Bool { v < 0x300 }
    /// Anything of the Thai block.
    @inlinable public static func isThai(_ v: UInt32) -> Bool { v >= 0x0E00 && v <= 0x0E7F }
    /// Spaces a PDF text layer puts where no space belongs (plain and no-break).
    @inlinable public static func isInlineSpace(_ v: UInt32) -> Bool { v == 0x20 || v == 0xA0 }
    /// A base a Thai mark may attach to: a consonant, a mark, or the vowels that carry marks.
    @inlinable public static func canCarryMark(_ v: UInt32) -> Bool {
        isConsonant(v) || ThaiMark.isCombining(v) || v == 0x0E33 || v == 0x0E24 || v == 0x0E26
    }
}
