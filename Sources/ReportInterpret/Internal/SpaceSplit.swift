import ITAModel
import ThaiCharacters

extension String {
    /// The words of the text between runs of `separators` (spaces or tabs), as
    /// `split(whereSeparator: { separators.contains($0) })` gives them, empty pieces left out.
    /// That split walks Characters (grapheme breaking, slow on Thai: 2.5% of a run's CPU in the
    /// indicator rows); this one walks scalars whenever the two must agree: every scalar is ASCII,
    /// Latin-1 or Thai (no Prepend character, which would join a following space into its
    /// Character) and no separator is followed by a Thai mark (Extend or SpacingMark: such a
    /// separator is part of the mark's Character, not a separator). Other texts split as before.
    func splitOnSeparators(_ separators: Set<Unicode.Scalar>) -> [String] {
        if let words = splitOnASCIISeparators(separators) { return words }
        let s = Array(unicodeScalars)
        var fast = true
        for (i, u) in s.enumerated() {
            let v = u.value
            guard ThaiScript.isBeforeCombiningDiacritics(v) || ThaiScript.isThai(v) else { fast = false; break }
            if separators.contains(u), i + 1 < s.count, String.joinsPrevious(s[i + 1].value) { fast = false; break }
        }
        guard fast else {
            return split(whereSeparator: { c in c.unicodeScalars.count == 1 && separators.contains(c.unicodeScalars.first!) }).map(String.init)
        }
        var out: [String] = []
        var start = 0
        for (i, u) in s.enumerated() where separators.contains(u) {
            if start < i { out.append(String(scalars: s[start..<i])) }
            start = i + 1
        }
        if start < s.count { out.append(String(scalars: s[start...])) }
        return out
    }

    /// The same split for ASCII separators in one pass, words cut from the text as slices (no array
    /// of scalars, no set lookup per scalar: 2% of a Corpus run's CPU in the indicator rows), or
    /// nil when the scalar split does not apply (the text fails the test above, or a separator is
    /// not ASCII).
    private func splitOnASCIISeparators(_ separators: Set<Unicode.Scalar>) -> [String]? {
        var mask: UInt128 = 0
        for s in separators {
            guard s.value < 128 else { return nil }
            mask |= UInt128(1) << s.value
        }
        let view = unicodeScalars
        var out: [String] = []
        var wordStart: String.Index?
        var afterSeparator = false
        var i = view.startIndex
        while i != view.endIndex {
            let v = view[i].value
            guard ThaiScript.isBeforeCombiningDiacritics(v) || ThaiScript.isThai(v) else { return nil }
            if afterSeparator, String.joinsPrevious(v) { return nil }
            let separator = v < 128 && mask & (UInt128(1) << v) != 0
            if separator {
                if let start = wordStart { out.append(String(view[start..<i])); wordStart = nil }
            } else if wordStart == nil {
                wordStart = i
            }
            afterSeparator = separator
            view.formIndex(after: &i)
        }
        if let start = wordStart { out.append(String(view[start..<i])) }
        return out
    }

    /// Scalars that extend the Character before them: Thai's (`ThaiScript.extendsPreviousCharacter`);
    /// below U+0300 there are none.
    static func joinsPrevious(_ v: UInt32) -> Bool { ThaiScript.extendsPreviousCharacter(v) }
}

extension Set where Element == Unicode.Scalar {
    static let space: Set<Unicode.Scalar> = [" "]
    static let spaceOrTab: Set<Unicode.Scalar> = [" ", "\t"]
}
