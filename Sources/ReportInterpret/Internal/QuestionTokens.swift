import Foundation
import ITAModel
import ThaiNormalise

/// Recognises the two kinds of token a question-score table is made of: a question code at the
/// start of a cell ("i๑", "e๑๕", "๐๑๔", "0๒๑", "o๗", "O11") and a score cell ("๙๘.๑๒", "100").
enum QuestionTokens {
    /// A question code found at the start of a text, with the text after it.
    struct CodePrefix {
        /// Canonical code, e.g. "o14".
        var code: String
        var tool: Tool
        /// The text after the code (trimmed), empty when the cell held only the code.
        var rest: String
    }

    /// The code a text starts with, if any. A leading Thai or ASCII zero is the letter o (a common
    /// typing/OCR confusion); the number must be followed by a space, a non-digit, or the end,
    /// so scores ("๐.๐๐", "100") and numbered list items ("๑.") never parse as codes.
    static func codePrefix(_ text: String, _ letters: QuestionCodeLetters) -> CodePrefix? {
        // Most texts start with no code letter: answered before the copy of their scalars.
        // The letters are the data's (`QuestionCodeLetters`), not a list of their own.
        guard let lead = text.unicodeScalars.first(where: { $0 != " " && $0 != "\u{00A0}" }),
              QuestionCode.mayStart(with: lead, letters: letters) else { return nil }
        let scalars = Array(text.unicodeScalars.drop { $0 == " " || $0 == "\u{00A0}" })
        var i = 1
        // "i 1" (a space between letter and number) happens in typed tables.
        if i < scalars.count, scalars[i] == " ", i + 1 < scalars.count, digitValue(scalars[i + 1]) != nil { i += 1 }
        var number = 0
        var digits = 0
        while i < scalars.count, let d = digitValue(scalars[i]) {
            // A code has at most two digits: a longer run is refused below, unsummed (an OCR'd run of
            // twenty digits after `๐` would overflow and kill the worker).
            if digits < 2 { number = number * 10 + d }
            digits += 1; i += 1
        }
        // "i1 ๑": a space typed inside the number; one more digit standing alone joins it.
        if digits == 1, i + 1 < scalars.count, scalars[i] == " ", let d = digitValue(scalars[i + 1]),
           i + 2 == scalars.count || (digitValue(scalars[i + 2]) == nil && scalars[i + 2] != "." && scalars[i + 2] != ",") {
            number = number * 10 + d; digits = 2; i += 2
        }
        guard digits >= 1, digits <= 2, number >= 1 else { return nil }
        if i < scalars.count {
            let next = scalars[i]
            // A decimal point or comma after the digits means a number, not a code.
            if next == "." || next == "," || next == "-" || next == "/" || next == ":" { return nil }
            // An ASCII letter glued to the number ("e1x") is a word, not a code.
            if next.isASCII, next.properties.isAlphabetic { return nil }
        }
        // Canonical reading by the shared rule (ThaiNormalise), on the token without inner space.
        let token = String(scalars: scalars[0..<i].filter { $0 != " " })
        guard let parsed = QuestionCode.parse(token, letters: letters, context: .codePosition) else { return nil }
        var rest = String(scalars: scalars[i...])
        rest = rest.trimmingScalars(" \u{00A0}\t")
        return CodePrefix(code: QuestionCode.canonical(parsed, letters: letters), tool: parsed.tool, rest: rest)
    }

    /// The longest text a score is printed as: three whole digits, a point, two decimals and the
    /// stray point OCR may leave after them (each part is checked in `score`). Not a tolerance: the
    /// score format's own length, so it is not a setting.
    static let longestScore = "100.00.".unicodeScalars.count

    /// The score a whole cell text is, as ASCII ("98.12", "100"), or nil when the text is not
    /// just a number from 0 to 100 with at most two decimals.
    static func score(_ text: String) -> String? {
        // Cheap test first (asked of every cell of the document, most of them words): a scalar that
        // is no digit, point, star or whitespace stays in the trimmed text, where `ThaiNumber.score`
        // takes none.
        guard text.unicodeScalars.allSatisfy({ ThaiNumber.digitValue($0) != nil || $0 == "." || $0 == "*" || UnicodeWhitespace.contains($0) })
        else { return nil }
        let t = text.trimmingScalars(" \u{00A0}\t*")
        // "๘." / "4." is a list item's number (steps of a plan), never a score ("100.00." with a
        // stray point from OCR still is one).
        let listNumber = t.hasSuffix(".") && !t.dropLast().contains(".")
        guard !t.isEmpty, !listNumber, t.scalarCount <= longestScore, let s = ThaiNumber.score(t) else { return nil }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts[0].count <= 3, parts.count == 1 || parts[1].count <= 2,
              let value = Double(s), value <= 100 else { return nil }
        return s
    }

    /// A segment's text without the token run into its start (`id เจ้าหน้าที่...` → `เจ้าหน้าที่...`):
    /// a row found by its printed text (`QuestionTextIdentification`) had its code misread as that
    /// token, which is no part of the question's text. One cut for the match and for the text written.
    static func withoutLeadingToken(_ text: String) -> String {
        String(text.drop { $0 == " " }.drop { $0 != " " }.drop { $0 == " " })
    }

    /// A score glued to the end of a text ("... ประจำปี ๑๐๐.๐๐"): only a two-decimal number
    /// counts, so counts inside question text ("รอบ ๖ เดือน", "๑ ปี") never do.
    static func trailingScore(_ text: String) -> (text: String, score: String)? {
        let trimmed = text.trimmingScalars(" \u{00A0}\t")
        guard let space = trimmed.lastIndex(of: " ") else { return nil }
        let last = String(trimmed[trimmed.index(after: space)...])
        let ascii = ThaiNumber.asciiDigits(last)
        let parts = ascii.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, let s = score(last) else { return nil }
        return (String(trimmed[..<space]).trimmingCharacters(in: .whitespaces), s)
    }

    /// A two-decimal score opening a text, followed by a space and more ("91.20 i1 ..."): the
    /// score and the rest. Only two decimals: a leading whole number is a row number.
    static func leadingScore(_ text: String) -> (score: String, rest: String)? {
        // Most texts open with a letter: answered before the copies and the search for a space by
        // Characters. A score's text can open only with a digit, its point, a "*" or whitespace
        // (what `score` and `ThaiNumber.score` trim).
        guard let lead = text.unicodeScalars.first(where: { $0 != " " && $0 != "\u{00A0}" && $0 != "\t" }),
              digitValue(lead) != nil || lead == "." || lead == "*" || UnicodeWhitespace.contains(lead) else { return nil }
        let trimmed = text.trimmingScalars(" \u{00A0}\t")
        guard let space = trimmed.firstIndex(of: " ") else { return nil }
        let first = String(trimmed[..<space])
        let parts = ThaiNumber.asciiDigits(first).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, let s = score(first) else { return nil }
        return (s, String(trimmed[trimmed.index(after: space)...]))
    }

    private static func digitValue(_ u: Unicode.Scalar) -> Int? { ThaiNumber.digitValue(u) }
}

extension Unicode.Scalar {
    fileprivate var isASCII: Bool { value < 0x80 }
}
