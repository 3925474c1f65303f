import ICUShim

/// Thin Swift face over the C shim (ICUShim); every call is thread-safe.
enum ICU {
    /// Word boundaries (UTF-16 offsets, first 0 and last `u16.count`) with rule statuses.
    static func wordBounds(_ u16: [UInt16]) -> (bounds: [Int], statuses: [Int32]) {
        if u16.isEmpty { return ([0], [0]) }
        var cap = u16.count + 2
        while true {
            var b = [Int32](repeating: 0, count: cap), st = [Int32](repeating: 0, count: cap)
            let n = u16.withUnsafeBufferPointer { p in
                itash_word_bounds(p.baseAddress, Int32(p.count), &b, &st, Int32(cap))
            }
            if n < 0 { return ([0, u16.count], [0, 0]) }
            if n <= cap { return (b.prefix(Int(n)).map(Int.init), Array(st.prefix(Int(n)))) }
            cap = Int(n)
        }
    }

    /// True when ICU's quick check says the text is already NFC.
    static func isNFC(_ u16: [UInt16]) -> Bool {
        u16.withUnsafeBufferPointer { itash_nfc_is_normalized($0.baseAddress, Int32($0.count)) == 1 }
    }

    /// The NFC of the text (the input itself if ICU fails).
    static func nfc(_ u16: [UInt16]) -> [UInt16] {
        var cap = u16.count * 3 + 4
        while true {
            var out = [UInt16](repeating: 0, count: cap)
            let n = u16.withUnsafeBufferPointer { itash_nfc($0.baseAddress, Int32($0.count), &out, Int32(cap)) }
            if n < 0 { return u16 }
            if Int(n) <= cap { return Array(out.prefix(Int(n))) }
            cap = Int(n)
        }
    }

    /// True when NFC never combines across the point just before `s`.
    static func nfcBoundaryBefore(_ s: Unicode.Scalar) -> Bool { itash_nfc_boundary_before(s.value) == 1 }

    /// True when the string is a whole word of ICU's Thai dictionary.
    static func thaiDictionaryContains(_ word: String) -> Bool {
        let u = Array(word.utf16)
        return u.withUnsafeBufferPointer { itash_thai_dict_contains($0.baseAddress, Int32($0.count)) == 1 }
    }

    /// True when the UTF-16 units are a whole word of ICU's Thai dictionary.
    static func thaiDictionaryContains(_ u: ArraySlice<UInt16>) -> Bool {
        u.withUnsafeBufferPointer { itash_thai_dict_contains($0.baseAddress, Int32($0.count)) == 1 }
    }

    /// Number of words in ICU's Thai dictionary (-1 when it cannot be read).
    static var thaiDictionarySize: Int { Int(itash_thai_dict_size()) }

    /// The ICU version in use, e.g. "72.1".
    static var version: String { String(cString: itash_icu_version()) }
}
