/// Character classes of the Thai block (U+0E00-U+0E7F) that the repairs reason about.
enum ThaiScript {
    /// Consonants ก-ฮ.
    static func isConsonant(_ v: UInt32) -> Bool { v >= 0x0E01 && v <= 0x0E2E }
    /// Tone marks ่ ้ ๊ ๋.
    static func isTone(_ v: UInt32) -> Bool { v >= 0x0E48 && v <= 0x0E4B }
    /// Vowels drawn above the base, which Thai input order puts before a tone mark.
    static func isAboveVowel(_ v: UInt32) -> Bool { v == 0x0E31 || (v >= 0x0E34 && v <= 0x0E37) }
    /// Thai digits ๐-๙.
    static func isThaiDigit(_ v: UInt32) -> Bool { v >= 0x0E50 && v <= 0x0E59 }
    /// Any letter, vowel or mark of the Thai block (digits and signs such as ๆ ฯ excluded).
    static func isThaiLetter(_ v: UInt32) -> Bool {
        (v >= 0x0E01 && v <= 0x0E3A) || (v >= 0x0E40 && v <= 0x0E4E && v != 0x0E46)
    }
    /// Anything of the Thai block.
    static func isThai(_ v: UInt32) -> Bool { v >= 0x0E00 && v <= 0x0E7F }
    /// Spaces a PDF text layer puts where no space belongs (plain and no-break).
    static func isInlineSpace(_ v: UInt32) -> Bool { v == 0x20 || v == 0xA0 }
    /// A base a Thai mark may attach to: a consonant, a mark, or the vowels that carry marks.
    static func canCarryMark(_ v: UInt32) -> Bool {
        isConsonant(v) || ThaiMark.isCombining(v) || v == 0x0E33 || v == 0x0E24 || v == 0x0E26
    }
}
