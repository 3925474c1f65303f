import ITAModel
import ThaiCharacters

/// A question code on an OCR'd page confirmed by its place in the table: a question table prints
/// its codes in catalogue order, so a row whose printed code token reads its code's number, between
/// the rows just above and just below it on the page whose tokens read the catalogue's previous and
/// next codes of the same tool, is that code. It is what confirms a code where the catalogue has no
/// text to confirm it by (the 2568 framework) or where OCR garbled the row's text.
/// - OCR reads the tool's letter badly (`๐5`, `05`, `[1๒`): a token reads a number when, after at
///   most one leading non-digit and one leading zero, its digits (Thai or ASCII) are the number.
/// - `๐5` may be o5 or e5 (tune scan v000006: EIT rows read as o5, o6): a row whose token does not
///   print its tool's letter confirms nothing when another tool of the catalogue has a code of that
///   number; all three rows must be of that kind or print the letter.
/// - The rows are the page's question rows as interpret read them (written or about to be dropped),
///   of one year, top to bottom: a row missing between two read ones breaks the sequence.
enum OCRCodeSequence {
    struct Row: Equatable {
        var code: String
        /// The first word of the row's label cell: the code as printed.
        var token: String
        var top: Double
    }

    /// The first word of a question row's label cell (the printed code token).
    static func token(ofLabel cell: String) -> String {
        let line = cell.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? ""
        return line.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }).first.map(String.init) ?? ""
    }

    /// The tool letter and number of a code (`o12` → ("o", 12)).
    static func parts(_ code: String) -> (tool: Character, number: Int)? {
        guard let t = code.first, let n = Int(code.dropFirst()) else { return nil }
        return (t, n)
    }

    /// Whether `token` reads `code`'s number: ASCII or Thai digits after at most one leading
    /// non-digit and one leading zero.
    static func readsNumber(_ token: String, of code: String) -> Bool {
        guard let (_, n) = parts(code) else { return false }
        var s = Substring(token.unicodeScalars.map { u -> String in
            ThaiScript.digitValue(u).map(String.init) ?? String(u)
        }.joined())
        if let f = s.first, !f.isNumber { s = s.dropFirst() }
        if s.count > 1, s.first == "0" { s = s.dropFirst() }
        guard !s.isEmpty, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return Int(s) == n
    }

    /// Whether the row's token names its tool: by printing the tool's letter (`letters`, the
    /// data's, either case), or by a number no other tool of the catalogue has (`lists`: whether
    /// the catalogue lists a code).
    static func namesTool(_ row: Row, letters: QuestionCodeLetters, lists: (String) -> Bool) -> Bool {
        guard let (t, n) = parts(row.code), let tool = letters.tool(forLetter: t) else { return false }
        let printed = row.token.first.flatMap { letters.tool(forLetter: $0) }
        if printed == tool { return true }
        // Another tool's letter names that tool, not this one (`o5` printed on an EIT row).
        if printed != nil { return false }
        return !letters.writtenLetters.contains { other in other != t && lists("\(other)\(n)") }
    }

    /// The codes of the rows just above and below `index` in `rows` (one page and year, top to
    /// bottom) when they confirm its code by sequence; nil otherwise.
    static func confirms(_ rows: [Row], index k: Int, letters: QuestionCodeLetters, lists: (String) -> Bool) -> (above: String, below: String)? {
        guard rows.indices.contains(k - 1), rows.indices.contains(k + 1), let (t, n) = parts(rows[k].code) else { return nil }
        let above = "\(t)\(n - 1)", below = "\(t)\(n + 1)"
        guard rows[k - 1].code == above, rows[k + 1].code == below else { return nil }
        let three = [rows[k - 1], rows[k], rows[k + 1]]
        guard three.allSatisfy({ lists($0.code) && readsNumber($0.token, of: $0.code) && namesTool($0, letters: letters, lists: lists) }) else { return nil }
        return (above, below)
    }
}
