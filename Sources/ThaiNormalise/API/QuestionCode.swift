import ITAModel

/// Question codes of the ITA tools (i1-i30, e1-e15, o1-o50...) in every form reports print them:
/// `i๒๔`, `e๑๒`, `i1๒`, `o๗`, `O11`, and OIT codes whose letter o was typed as a zero,
/// `๐๑๑` or `0๒๑`. The letters are data (`QuestionCodeLetters`, Mappings/ita/question-code-lookalikes.json).
public enum QuestionCode {
    /// Where a token was found, which decides whether a zero-led token may be read as an o-code.
    public enum Context: Sendable {
        /// Running text or an unknown cell: only letter-led tokens (`i๒๔`, `o๗`, `O11`) are codes,
        /// so that a number (`๑๐๐`, `2566`, `0.50`) is never taken for one.
        case anywhere
        /// The caller knows the token sits where a code belongs (the code column of a question
        /// table, the start of a question row): a zero-led token of 2-3 digits (`๐๑๑`, `0๒๑`)
        /// is then an OIT code with the zero read as the letter o.
        case codePosition
    }

    /// Reads a code token (a trailing `.` or `:` and surrounding brackets allowed).
    /// Rule: a tool's code letter (`letters`: i/e/o, either case) + 1-3 digits in any mix is always
    /// a code; a code-position letter (a Thai or ASCII zero for o) + 1-2 digits is a code only in
    /// `.codePosition`. The number must be 1...99.
    public static func parse(_ token: String, letters: QuestionCodeLetters, context: Context = .anywhere) -> (tool: Tool, number: Int)? {
        var u = Array(token.unicodeScalars)
        while let f = u.first, f.properties.isWhitespace || f == "(" || f == "[" { u.removeFirst() }
        while let l = u.last, l.properties.isWhitespace || l == "." || l == ":" || l == ")" || l == "]" { u.removeLast() }
        guard u.count >= 2 else { return nil }
        let tool: Tool
        let digits: ArraySlice<Unicode.Scalar>
        if let t = letters.tool(forLetter: u[0]) {
            tool = t
            digits = u[1...]
            guard (1...3).contains(digits.count) else { return nil }
        } else if let t = letters.toolInCodePosition(u[0]) {
            guard context == .codePosition, (2...3).contains(u.count) else { return nil }
            tool = t
            digits = u[1...]
        } else { return nil }
        var n = 0
        for c in digits {
            guard let d = ThaiNumber.digitValue(c) else { return nil }
            n = n * 10 + d
        }
        guard (1...99).contains(n) else { return nil }
        return (tool, n)
    }

    /// Whether a token starting with `u` may be a code (in a code position): a tool's letter in
    /// either case or a code-position letter (a zero read as o). A cheap test before `parse`.
    public static func mayStart(with u: Unicode.Scalar, letters: QuestionCodeLetters) -> Bool {
        letters.tool(forLetter: u) != nil || letters.toolInCodePosition(u) != nil
    }

    /// The canonical spelling of a code: the tool's written letter and ASCII number ("o21").
    public static func canonical(_ code: (tool: Tool, number: Int), letters: QuestionCodeLetters) -> String {
        letters.code(code.tool, code.number)
    }

    /// The canonical spelling of a code token, or nil when it is not one (see `parse`).
    public static func canonical(_ token: String, letters: QuestionCodeLetters, context: Context = .anywhere) -> String? {
        parse(token, letters: letters, context: context).map { canonical($0, letters: letters) }
    }
}
