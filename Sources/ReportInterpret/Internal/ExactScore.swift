/// Exact arithmetic on printed scores. Scores are printed with at most two decimals, so each one is
/// a whole number of hundredths; means and weighted sums are kept as exact fractions of them.
/// Floating-point sums depend on the order of the terms (issue 14: a mean printed as 89.86 in one
/// run and 89.87 in the next, summed in dictionary order); exact fractions do not.
struct ExactScore: Equatable {
    /// numerator / denominator hundredths; denominator > 0.
    var numerator: Int
    var denominator: Int

    /// A printed score ("89.86", "100", "84.6") as hundredths, nil when it is not such a number.
    static func hundredths(_ printed: String) -> Int? {
        // ASCII digits with at most one point (every score the readers give), read by byte: the same
        // answers as below without splitting into Characters (asked of every score of every check).
        var intPart = 0, intDigits = 0, fracPart = 0, fracDigits = 0, points = 0, plain = true
        for c in printed.utf8 {
            // Long digit runs go the slow way (no overflow here).
            if intDigits + fracDigits >= 15 { plain = false; break }
            if c == UInt8(ascii: "."), points == 0 { points = 1 }
            else if c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") {
                if points == 0 { intPart = intPart * 10 + Int(c - UInt8(ascii: "0")); intDigits += 1 }
                else { fracPart = fracPart * 10 + Int(c - UInt8(ascii: "0")); fracDigits += 1 }
            } else { plain = false; break }
        }
        if plain {
            guard intDigits > 0, points == 0 || (1...2).contains(fracDigits) else { return nil }
            return intPart * 100 + (fracDigits == 1 ? fracPart * 10 : fracPart)
        }
        return hundredthsBySplit(printed)
    }

    /// `hundredths` the general way, split into Characters at the point: any text the byte reading
    /// above does not take (and the reference its tests compare that reading with).
    static func hundredthsBySplit(_ printed: String) -> Int? {
        let parts = printed.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int(parts[0]), whole >= 0, parts[0].allSatisfy(\.isASCII) else { return nil }
        var frac = 0
        if parts.count == 2 {
            let f = parts[1]
            guard !f.isEmpty, f.count <= 2, f.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Int(f) else { return nil }
            frac = f.count == 1 ? v * 10 : v
        }
        return whole * 100 + frac
    }

    init(numerator: Int, denominator: Int) {
        precondition(denominator > 0)
        self.numerator = numerator; self.denominator = denominator
    }

    init(hundredths: Int) { self.init(numerator: hundredths, denominator: 1) }

    /// The mean of whole hundredths (nil for no values).
    static func mean(_ values: [Int]) -> ExactScore? {
        guard !values.isEmpty else { return nil }
        return ExactScore(numerator: values.reduce(0, +), denominator: values.count)
    }

    /// The mean of exact values (the OIT indicator: mean of its sub-indicator means).
    static func mean(_ values: [ExactScore]) -> ExactScore? {
        guard !values.isEmpty else { return nil }
        return values.dropFirst().reduce(values[0], +).divided(by: values.count)
    }

    static func + (a: ExactScore, b: ExactScore) -> ExactScore {
        ExactScore(numerator: a.numerator * b.denominator + b.numerator * a.denominator,
                   denominator: a.denominator * b.denominator).reduced
    }

    func divided(by n: Int) -> ExactScore { ExactScore(numerator: numerator, denominator: denominator * n).reduced }

    func times(_ num: Int, over den: Int) -> ExactScore {
        ExactScore(numerator: numerator * num, denominator: denominator * den).reduced
    }

    var reduced: ExactScore {
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? Swift.abs(a) : gcd(b, a % b) }
        let g = Swift.max(1, gcd(numerator, denominator))
        return ExactScore(numerator: numerator / g, denominator: denominator / g)
    }

    /// True when this value is within `tolerance` hundredths of `printed` hundredths (inclusive).
    func agrees(with printed: Int, toleranceHundredths tolerance: Int) -> Bool {
        Swift.abs(numerator - printed * denominator) <= tolerance * denominator
    }

    /// Two decimals, halves rounded up: the value as a report would print it.
    var twoDecimals: String {
        let n = numerator, d = denominator
        let h = n >= 0 ? (2 * n + d) / (2 * d) : -((2 * -n + d) / (2 * d))
        let sign = h < 0 ? "-" : ""
        let a = Swift.abs(h)
        let frac = a % 100
        return "\(sign)\(a / 100).\(frac < 10 ? "0" : "")\(frac)"
    }

    /// A tolerance in points (from Mappings, e.g. 0.02) as whole hundredths.
    static func toleranceHundredths(_ points: Double) -> Int { Int((points * 100).rounded()) }
}
