extension String {
    /// The string of `scalars`, the same as `String(scalars: scalars)`, built from
    /// their UTF-8 in one allocation: the view appends scalar by scalar (8x slower measured), and
    /// readers build strings from scalar arrays for every key, token and cell (about 4% of a run's CPU).
    @inlinable
    public init<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
        var count = 0
        for s in scalars { count += UTF8.width(s) }
        self.init(unsafeUninitializedCapacity: count) { buffer in
            var i = 0
            for s in scalars {
                UTF8.encode(s) { buffer[i] = $0; i += 1 }
            }
            return i
        }
    }
}

extension String {
    /// `unicodeScalars.count`, counted on the UTF-8 bytes: every scalar has exactly one byte that is
    /// not a continuation byte (10xxxxxx), and a String's UTF-8 is valid. The scalar view's count
    /// decodes scalar by scalar (`distance(from:to:)`, 1.3% of a run's CPU in a perf profile,
    /// mostly `MatchingKey` sizing its arrays); this is a plain loop over the bytes.
    @inlinable
    public var scalarCount: Int {
        utf8.withContiguousStorageIfAvailable { bytes in
            var n = 0
            for b in bytes where b & 0xC0 != 0x80 { n += 1 }
            return n
        } ?? unicodeScalars.count
    }
}
