/// Thai combining marks: vowels and tones drawn above or below a base letter, which belong to it
/// whatever gap or order a text layer gives them. One definition for every stage.
public enum ThaiMark {
    /// True for U+0E31, U+0E34-U+0E3A and U+0E47-U+0E4E.
    @inlinable public static func isCombining(_ v: UInt32) -> Bool {
        v == 0x0E31 || (v >= 0x0E34 && v <= 0x0E3A) || (v >= 0x0E47 && v <= 0x0E4E)
    }

    /// True when `s` is a Thai combining mark.
    @inlinable public static func isCombining(_ s: Unicode.Scalar) -> Bool { isCombining(s.value) }
}
