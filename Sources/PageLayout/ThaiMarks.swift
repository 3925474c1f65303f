/// Thai combining marks: they sit above or below a base letter and belong to it, whatever gap the
/// text layer puts before them.
enum ThaiMarks {
    /// True for U+0E31, U+0E34-U+0E3A, U+0E47-U+0E4E.
    static func isMark(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v == 0x0E31 || (0x0E34...0x0E3A).contains(v) || (0x0E47...0x0E4E).contains(v)
    }

    /// True when every scalar of `text` is a Thai combining mark (and there is at least one).
    static func isAllMarks(_ text: String) -> Bool {
        var any = false
        for s in text.unicodeScalars {
            if !isMark(s) { return false }
            any = true
        }
        return any
    }
}
