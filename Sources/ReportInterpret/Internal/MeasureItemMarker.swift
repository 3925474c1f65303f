import ThaiNormalise

/// List item markers that open a new measure: a bullet ("-", "▪", "•": `bullets`,
/// measure-headers.json's `itemBullets`) or a number ("1.", "๑)", "(1)").
enum MeasureItemMarker {
    static func starts(_ text: String, bullets: Set<Unicode.Scalar>) -> Bool {
        let u = Array(text.unicodeScalars.drop { $0.properties.isWhitespace })
        guard let f = u.first else { return false }
        if bullets.contains(f) { return true }
        return listNumber(u, from: f == "(" ? 1 : 0) != nil
    }

    /// The list number at `start` of `u`: one or two digits of either script, then `.` or `)`;
    /// its value and the index of that mark. The one parse of a list number (`ItemOrder` too).
    static func listNumber(_ u: [Unicode.Scalar], from start: Int) -> (value: Int, mark: Int)? {
        var i = start, value = 0
        // Only the first two digits are worth a value: a longer run is no list number, and an OCR'd run
        // of twenty digits (tune scan v002204-scan150) overflowed `value` and killed the worker.
        while i < u.count, let d = ThaiNumber.digitValue(u[i]) {
            if i - start < 2 { value = value * 10 + d }
            i += 1
        }
        let digits = i - start
        guard digits > 0, digits <= 2, i < u.count, u[i] == "." || u[i] == ")" else { return nil }
        return (value, i)
    }
}
