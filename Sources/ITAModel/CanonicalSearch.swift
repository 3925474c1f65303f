import Foundation

/// Foundation's `contains(_:)` and `replacingOccurrences(of:with:)` on Strings search for canonically
/// equivalent text (a non-literal search through NSString), which is costly; readers call them on
/// every cell, most often for a word that is not there. These answer that case on the UTF-8 bytes
/// when it is certain, and ask Foundation otherwise, so every answer is Foundation's.
///
/// Certain: a "plain" text, every scalar ASCII or Thai (U+0E00-U+0E7F: none has a canonical
/// decomposition, none is the decomposition of another) with no two combining marks of non-zero
/// class in a row (which canonical reordering could swap), is its own only spelling under
/// canonical equivalence; so are all its pieces. When needle and text are both plain and the
/// needle's bytes are nowhere in the text, no piece of the text is equivalent to the needle.
public enum CanonicalSearch {
    /// Foundation's `text.contains(needle)`.
    public static func contains(_ text: String, _ needle: String) -> Bool {
        if surelyAbsent(needle, in: text) { return false }
        return text.contains(needle)
    }

    /// Foundation's `text.replacingOccurrences(of: needle, with: replacement)`.
    public static func replacing(_ needle: String, with replacement: String, in text: String) -> String {
        if surelyAbsent(needle, in: text) { return text }
        return text.replacingOccurrences(of: needle, with: replacement)
    }

    /// True when `text` is plain (see above): its own only spelling under canonical equivalence, and
    /// so are all its pieces (two plain texts are canonically equivalent exactly when their bytes are equal).
    public static func isPlain(_ text: String) -> Bool {
        var t = text
        return t.withUTF8 { isPlain($0) }
    }

    /// True when `needle` (not empty) cannot occur in `text` under canonical equivalence (see above).
    static func surelyAbsent(_ needle: String, in text: String) -> Bool {
        var n = needle, t = text
        return n.withUTF8 { nb in
            t.withUTF8 { tb in
                !nb.isEmpty && isPlain(nb) && isPlain(tb) && !occurs(nb, in: tb)
            }
        }
    }

    /// Every scalar ASCII or Thai, no two non-zero combining classes in a row (valid UTF-8 assumed,
    /// as a String's is). Thai's non-zero classes: U+0E38 U+0E39 (103), U+0E3A (9), U+0E48-U+0E4B (107).
    static func isPlain(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        var lastMarked = false
        while i < b.count {
            let c = b[i]
            if c < 0x80 { lastMarked = false; i += 1; continue }
            // Thai: E0 B8 80-BF (U+0E00-U+0E3F), E0 B9 80-BF (U+0E40-U+0E7F).
            guard c == 0xE0, i + 2 < b.count, b[i + 1] == 0xB8 || b[i + 1] == 0xB9 else { return false }
            let v = 0x0E00 + (UInt32(b[i + 1] - 0xB8) << 6) + UInt32(b[i + 2] & 0x3F)
            let marked = (0x0E38...0x0E3A).contains(v) || (0x0E48...0x0E4B).contains(v)
            if marked && lastMarked { return false }
            lastMarked = marked
            i += 3
        }
        return true
    }

    /// Whether the bytes of `needle` (not empty) occur in `text`.
    static func occurs(_ needle: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard needle.count <= text.count else { return false }
        let first = needle[0]
        var i = 0
        while i + needle.count <= text.count {
            if text[i] == first {
                var k = 1
                while k < needle.count, text[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
