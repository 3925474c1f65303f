import ITAModel
/// Text as Unicode scalars, each with the offset (in scalars) of the input scalar it came from,
/// so every change can be reported against the raw text however many passes ran before it.
struct ScalarBuffer {
    var scalars: [Unicode.Scalar] = []
    var origins: [Int] = []
    /// Length of the raw input, the origin of anything inserted at its end.
    var inputLength = 0

    init() {}

    init(_ s: String) {
        scalars = Array(s.unicodeScalars)
        origins = Array(0..<scalars.count)
        inputLength = scalars.count
    }

    var count: Int { scalars.count }
    var text: String { String(scalars: scalars) }
    func value(_ i: Int) -> UInt32 { i >= 0 && i < scalars.count ? scalars[i].value : 0 }
    func origin(_ i: Int) -> Int { i < origins.count ? origins[i] : inputLength }
    func string(_ r: Range<Int>) -> String { String(scalars: scalars[r]) }
}

/// Builds the next version of a buffer while recording what was replaced.
struct Rewriter {
    let source: ScalarBuffer
    var out = ScalarBuffer()
    var changes: [TextChange]

    init(_ source: ScalarBuffer, changes: [TextChange]) {
        self.source = source
        self.changes = changes
        out.inputLength = source.inputLength
        out.scalars.reserveCapacity(source.count)
        out.origins.reserveCapacity(source.count)
    }

    /// Copies source scalar `i` unchanged.
    mutating func keep(_ i: Int) {
        out.scalars.append(source.scalars[i]); out.origins.append(source.origins[i])
    }

    /// Replaces source scalars `r` by `with` without recording (a deliberate, documented rewrite).
    mutating func substitute(_ r: Range<Int>, with: [Unicode.Scalar]) {
        for s in with { out.scalars.append(s); out.origins.append(source.origin(r.lowerBound)) }
    }

    /// Replaces source scalars `r` by `with`, recorded as one change of `kind`.
    mutating func replace(_ r: Range<Int>, with: [Unicode.Scalar], kind: String) {
        let origin = source.origin(r.lowerBound)
        changes.append(TextChange(kind: kind, offset: origin, before: source.string(r),
                                  after: String(scalars: with)))
        for (k, s) in with.enumerated() {
            out.scalars.append(s)
            // Scalars that stay in place keep their own origin; new ones take the range's start.
            let j = r.lowerBound + k
            out.origins.append(j < r.upperBound && source.scalars[j] == s ? source.origins[j] : origin)
        }
    }
}
