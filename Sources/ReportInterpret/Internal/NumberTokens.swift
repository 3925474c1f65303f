import ITAModel
import ThaiCharacters
import ThaiNormalise

/// A number printed in a text: its ASCII spelling exactly as printed (no rounding) and where it is.
struct NumberToken {
    /// ASCII digits and at most one ".", e.g. "93.57", "100", "2566".
    var text: String
    /// Position in the text's scalars (see `KeyedText.scalars`).
    var range: Range<Int>
    var value: Double { Double(text) ?? -1 }
    /// `text` is ASCII (see `find`): a byte test, not Foundation's canonical-equivalence search.
    var hasFraction: Bool { text.utf8.contains(UInt8(ascii: ".")) }
    var integerDigits: Int { text.split(separator: ".").first.map(\.count) ?? 0 }

    /// A score: 0-100 with at most two decimals, e.g. "93.57", "100", "84.6". Shared helper for
    /// both interpret parts.
    var isScore: Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts[0].count >= 1, parts[0].count <= 3 else { return false }
        if parts.count == 2, parts[1].isEmpty || parts[1].count > 2 { return false }
        return value >= 0 && value <= 100
    }

    /// A Buddhist-Era year of the ITA era, written with four digits (`BuddhistEraYear`).
    var isYear: Bool { BuddhistEraYear.isYear(text) }
}

/// Finds the numbers in a text (Thai or ASCII digits). A number glued to letters on its left
/// ("e11", "o21") is a code, not a number, and is skipped. A number touching U+FFFD (a glyph no one
/// could read: an undecoded digit of a font without a ToUnicode map, a broken byte) is no number at
/// all: "๙\u{FFFD}.๒๕" is not 9 and .25 but an unknown score, left empty. Shared helper for both
/// interpret parts.
enum NumberTokens {
    static let unreadable: Unicode.Scalar = "\u{FFFD}"

    static func find(in kt: KeyedText) -> [NumberToken] {
        let s = kt.scalars
        var out: [NumberToken] = []
        var i = 0
        func isDigit(_ u: Unicode.Scalar) -> Bool { ThaiScript.isASCIIDigit(u.value) }
        while i < s.count {
            guard isDigit(s[i]) else { i += 1; continue }
            let start = i
            var j = i
            while j < s.count, isDigit(s[j]) { j += 1 }
            // one decimal point followed by digits
            if j + 1 < s.count, s[j] == ".", isDigit(s[j + 1]) {
                j += 1
                while j < s.count, isDigit(s[j]) { j += 1 }
            }
            let prev: Unicode.Scalar? = start > 0 ? s[start - 1] : nil
            let gluedToCode = prev.map { p in
                ThaiScript.isASCIILetter(p.value) || p == "." && start >= 2 && isDigit(s[start - 2])
            } ?? false
            // U+FFFD right beside the digits, or beyond a decimal point beside them.
            func unreadableAt(_ k: Int) -> Bool { k >= 0 && k < s.count && s[k] == NumberTokens.unreadable }
            let touchesUnreadable = unreadableAt(start - 1) || unreadableAt(j)
                || (start >= 2 && s[start - 1] == "." && unreadableAt(start - 2))
                || (j + 1 < s.count && s[j] == "." && unreadableAt(j + 1))
            if !gluedToCode, !touchesUnreadable {
                out.append(NumberToken(text: String(scalars: s[start..<j]), range: start..<j))
            }
            i = j
        }
        return out
    }

    static func find(in text: String) -> [NumberToken] { find(in: KeyedText(text)) }

    /// The score a whole cell is ("๙๘.๑๒", "100", "**93.57**"), or nil: nothing but `decoration`
    /// (report-cues.json's `scoreDecoration`) around the number.
    static func wholeScore(_ text: String, decoration: Set<Unicode.Scalar>) -> String? {
        // Cheap test first (asked of every cell, most of them words): a Thai consonant stays in the
        // key, outside any number (digits and a point), where only decoration may stand.
        if text.unicodeScalars.contains(where: { ThaiScript.isConsonant($0.value) && !decoration.contains($0) }) { return nil }
        let kt = KeyedText(text)
        let nums = find(in: kt)
        guard nums.count == 1, nums[0].isScore else { return nil }
        // nothing but decoration around the number
        let rest = kt.keyText(0..<nums[0].range.lowerBound) + kt.keyText(nums[0].range.upperBound..<kt.scalars.count)
        guard rest.unicodeScalars.allSatisfy(decoration.contains) else { return nil }
        return nums[0].text
    }
}
