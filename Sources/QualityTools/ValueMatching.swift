import Foundation
import ThaiCharacters

/// The comparison rules eval uses: text after NFC and whitespace collapsing, numbers within 0.005.
public enum ValueMatching {
    /// Scores (and other numbers) agree when they differ by at most this much (DATASET.md).
    public static let scoreTolerance = 0.005
    /// Texts at least this long (after normalising) also agree when one contains the other.
    public static let longTextLength = 30

    /// NFC, every run of whitespace (newlines, tabs, NBSP...) made one space, ends trimmed.
    public static func normalise(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
            .split(whereSeparator: { $0.isWhitespace })
            .joined(separator: " ")
    }

    /// The number a cell or gold value spells (ASCII or Thai digits, optional sign and point), or
    /// nil when it is not a plain decimal number.
    public static func number(_ text: String) -> Double? {
        var ascii = ""
        for scalar in normalise(text).unicodeScalars {
            if ThaiScript.isThaiDigit(scalar.value) {
                ascii.unicodeScalars.append(ThaiScript.asciiDigit(scalar))
            } else if scalar == "," {
                continue  // thousands separators are not part of the value
            } else {
                ascii.unicodeScalars.append(scalar)
            }
        }
        guard !ascii.isEmpty,
              ascii.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }),
              let v = Double(ascii) else { return nil }
        return v
    }

    /// Whether two texts agree: numerically (within the tolerance) when both are numbers, otherwise
    /// equal after normalising; with `allowContainment`, two long texts (both at least
    /// `longTextLength` characters) also agree when, with all whitespace removed, one contains the
    /// other: a hand-written gold may quote a long measure text in part, a run may keep a leading
    /// bullet, and in Thai prose a line-wrap space and a real one cannot always be told apart.
    public static func agree(expected: String, found: String, allowContainment: Bool = false) -> Bool {
        if let a = number(expected), let b = number(found) { return abs(a - b) <= scoreTolerance + 1e-9 }
        let e = normalise(expected), f = normalise(found)
        if e == f { return true }
        guard allowContainment, min(e.count, f.count) >= longTextLength else { return false }
        let ce = e.replacingOccurrences(of: " ", with: ""), cf = f.replacingOccurrences(of: " ", with: "")
        return ce.contains(cf) || cf.contains(ce)
    }

    /// Dice coefficient of the character bigrams of two texts with whitespace removed (0...1), used
    /// to pair gold measure rows with run rows.
    public static func similarity(_ a: String, _ b: String) -> Double {
        let x = Array(normalise(a).unicodeScalars.filter { $0 != " " })
        let y = Array(normalise(b).unicodeScalars.filter { $0 != " " })
        if x.isEmpty || y.isEmpty { return x.isEmpty && y.isEmpty ? 1 : 0 }
        if x == y { return 1 }
        func bigrams(_ s: [Unicode.Scalar]) -> [String: Int] {
            var out: [String: Int] = [:]
            if s.count == 1 { out[String(s[0]), default: 0] += 1; return out }
            for i in 0..<(s.count - 1) {
                var k = ""; k.unicodeScalars.append(s[i]); k.unicodeScalars.append(s[i + 1])
                out[k, default: 0] += 1
            }
            return out
        }
        let bx = bigrams(x), by = bigrams(y)
        var shared = 0
        for (k, n) in bx { shared += min(n, by[k] ?? 0) }
        let total = bx.values.reduce(0, +) + by.values.reduce(0, +)
        return total == 0 ? 0 : 2 * Double(shared) / Double(total)
    }
}
