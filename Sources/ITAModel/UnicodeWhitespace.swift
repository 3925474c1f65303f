/// Unicode White_Space (`Unicode.Scalar.Properties.isWhitespace`), answered without the property
/// table below U+0100 and in the Thai block, where nearly every scalar of a report lies: the table
/// lookup was about 1.5% of a run's CPU, from glyph clustering to number parsing. One test for
/// every stage (the readers each had a fast path of their own).
public enum UnicodeWhitespace {
    @inlinable
    public static func contains(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        // White_Space below U+0100: TAB LF VT FF CR, SPACE, NEL, NO-BREAK SPACE.
        if v < 0x100 { return (0x09...0x0D).contains(v) || v == 0x20 || v == 0x85 || v == 0xA0 }
        // The Thai block has none.
        if (0x0E00...0x0E7F).contains(v) { return false }
        return scalar.properties.isWhitespace
    }
}
