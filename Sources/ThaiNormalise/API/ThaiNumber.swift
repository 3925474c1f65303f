import ITAModel
import ThaiCharacters
/// Numbers printed in Thai digits (๐-๙), ASCII digits, or a mix of both in one token.
public enum ThaiNumber {
    /// Every Thai digit as ASCII; everything else unchanged.
    public static func asciiDigits(_ s: String) -> String {
        String(scalars: s.unicodeScalars.map { u in
            ThaiScript.isThaiDigit(u.value) ? Unicode.Scalar(u.value - 0x0E50 + 0x30)! : u
        })
    }

    /// The value 0-9 of a Thai or ASCII digit, nil for anything else.
    public static func digitValue(_ u: Unicode.Scalar) -> Int? { ThaiScript.digitValue(u) }

    /// A score token in any mix of digits ("๙๓.๕๗", "94.00", "๑๐๐", "๙๘.0๘", "100.") as ASCII,
    /// exactly as printed ("93.57", "94.00", "100", "98.08", "100"): no rounding, fraction digits
    /// kept. Surrounding spaces and one trailing period are dropped; nil when not a number.
    public static func score(_ s: String) -> String? {
        var u = Array(s.unicodeScalars)
        while let f = u.first, UnicodeWhitespace.contains(f) { u.removeFirst() }
        while let l = u.last, UnicodeWhitespace.contains(l) { u.removeLast() }
        if u.last == "." { u.removeLast() }
        var out = String.UnicodeScalarView()
        var sawDot = false, intDigits = 0, fracDigits = 0
        for c in u {
            if let d = digitValue(c) {
                out.append(Unicode.Scalar(UInt32(0x30 + d))!)
                if sawDot { fracDigits += 1 } else { intDigits += 1 }
            } else if c == "." && !sawDot {
                sawDot = true; out.append(c)
            } else { return nil }
        }
        guard intDigits > 0, !sawDot || fracDigits > 0 else { return nil }
        // No printed score has a leading zero ("05.50", "00.00"): that is a misread (OCR dropping
        // the 1 of 100.00), not a number to report.
        if intDigits > 1, out.first == "0" { return nil }
        return String(out)
    }

    /// An integer token in any mix of digits ("๒๕๖8" → 2568), with optional thousands commas
    /// ("1,250") and a trailing period; nil when it is not a whole number.
    public static func integer(_ s: String) -> Int? {
        var u = Array(s.unicodeScalars)
        while let f = u.first, UnicodeWhitespace.contains(f) { u.removeFirst() }
        while let l = u.last, UnicodeWhitespace.contains(l) { u.removeLast() }
        if u.last == "." { u.removeLast() }
        guard !u.isEmpty, u.count <= 18 else { return nil }
        // Commas only as thousands separators: groups of exactly three digits after the first.
        let groups = u.split(separator: ",", omittingEmptySubsequences: false)
        if groups.count > 1 {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        var value = 0
        for c in u where c != "," {
            guard let d = digitValue(c) else { return nil }
            value = value * 10 + d
        }
        return value
    }

    /// True when every scalar of the token is a digit (Thai or ASCII), with at least one.
    public static func isDigits(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { digitValue($0) != nil }
    }
}
