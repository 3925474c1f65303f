extension String {
    /// The text without leading and trailing scalars of `set`, by scalar: what
    /// `trimmingCharacters(in: CharacterSet(charactersIn: set))` gives for a set of single BMP
    /// scalars (spaces, tabs, "*"), without building a CharacterSet and bridging to NSString on
    /// every cell (that was 2% of a run's CPU in the question reader).
    func trimmingScalars(_ set: String) -> String {
        // The set's own scalars, not an array of them: one allocation per call on every cell.
        let members = set.unicodeScalars
        let s = unicodeScalars
        var lo = s.startIndex, hi = s.endIndex
        while lo < hi, members.contains(s[lo]) { lo = s.index(after: lo) }
        while hi > lo, members.contains(s[s.index(before: hi)]) { hi = s.index(before: hi) }
        if lo == s.startIndex && hi == s.endIndex { return self }
        return String(s[lo..<hi])
    }
}
