/// Character classes of the Thai block (U+0E00-U+0E7F): one definition for every stage (layout
/// groups marks with their base, normalise repairs text, interpret builds matching keys).
public enum ThaiScript {
    /// Consonants ก-ฮ.
    @inlinable public static func isConsonant(_ v: UInt32) -> Bool { v >= 0x0E01 && v <= 0x0E2E }
    /// Tone marks ่ ้ ๊ ๋.
    @inlinable public static func isTone(_ v: UInt32) -> Bool { v >= 0x0E48 && v <= 0x0E4B }
    /// Vowels drawn above the base, which Thai input order puts before a tone mark.
    @inlinable public static func isAboveVowel(_ v: UInt32) -> Bool { v == 0x0E31 || (v >= 0x0E34 && v <= 0x0E37) }
    /// Thai digits ๐-๙.
    @inlinable public static func isThaiDigit(_ v: UInt32) -> Bool { v >= 0x0E50 && v <= 0x0E59 }
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
    /// Anything of the Thai block.
    @inlinable public static func isThai(_ v: UInt32) -> Bool { v >= 0x0E00 && v <= 0x0E7F }
    /// Spaces a PDF text layer puts where no space belongs (plain and no-break).
    @inlinable public static func isInlineSpace(_ v: UInt32) -> Bool { v == 0x20 || v == 0xA0 }
    /// A base a Thai mark may attach to: a consonant, a mark, or the vowels that carry marks.
    @inlinable public static func canCarryMark(_ v: UInt32) -> Bool {
        isConsonant(v) || ThaiMark.isCombining(v) || v == 0x0E33 || v == 0x0E24 || v == 0x0E26
    }
}
