/// Compact JSON written straight into bytes, as `JSONEncoder` with `[.sortedKeys,
/// .withoutEscapingSlashes]` and `nonConformingFloatEncodingStrategy` `inf`/`-inf`/`nan` writes it
/// (swift-foundation's `JSONWriter`): the same escapes, the same number text. JSONEncoder builds a
/// tree of boxed values and sorts every object's keys per object; reports.jsonl's objects have fixed
/// keys, so `ReportJSONBytes` writes them in their sorted order directly (3% of a run's CPU was
/// JSONEncoder). `ReportJSONBytesTests` holds the bytes equal to JSONEncoder's.
struct JSONBytes {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Starts an object's member: a comma unless it is the first, then `"key":`. `key` is plain
    /// ASCII (no escape needed), as every key of reports.jsonl is.
    @inline(__always)
    mutating func key(_ key: StaticString, first: Bool = false) {
        if !first { bytes.append(0x2C) }
        bytes.append(0x22)
        bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        bytes.append(0x22); bytes.append(0x3A)
    }

    @inline(__always) mutating func raw(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    @inline(__always) mutating func byte(_ b: UInt8) { bytes.append(b) }

    mutating func null() { raw("null") }

    mutating func int(_ v: Int) { bytes.append(contentsOf: String(v).utf8) }

    mutating func int(_ v: Int?) { if let v { int(v) } else { null() } }

    /// A Double as JSONEncoder writes it: `description` without a trailing `.0`; a non-finite one as
    /// the strings the writer's strategy names.
    mutating func double(_ v: Double) {
        if v.isNaN { string("nan"); return }
        if v.isInfinite { string(v > 0 ? "inf" : "-inf"); return }
        var s = v.description
        if s.hasSuffix(".0") { s.removeLast(2) }
        bytes.append(contentsOf: s.utf8)
    }

    mutating func string(_ s: String?) { if let s { string(s) } else { null() } }

    /// A string with JSONEncoder's escapes: `"` and `\`, the short forms \b \f \n \r \t, other
    /// bytes below 0x20 as \u00xx (lower-case hex); everything else (slashes, DEL, any non-ASCII
    /// scalar) as its UTF-8 bytes.
    mutating func string(_ s: String) {
        bytes.append(0x22)
        var s = s
        s.withUTF8 { u in
            var mark = 0
            for i in 0..<u.count {
                let c = u[i]
                guard c < 0x20 || c == 0x22 || c == 0x5C else { continue }
                if i > mark { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[mark..<i])) }
                mark = i + 1
                bytes.append(0x5C)
                switch c {
                case 0x22, 0x5C: bytes.append(c)
                case 0x08: bytes.append(0x62)  // b
                case 0x0C: bytes.append(0x66)  // f
                case 0x0A: bytes.append(0x6E)  // n
                case 0x0D: bytes.append(0x72)  // r
                case 0x09: bytes.append(0x74)  // t
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes.append(0x75); bytes.append(0x30); bytes.append(0x30)
                    bytes.append(hex[Int(c >> 4)]); bytes.append(hex[Int(c & 0xF)])
                }
            }
            if u.count > mark { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[mark..<u.count])) }
        }
        bytes.append(0x22)
    }

    /// `[a,b,...]`, each element written by `element`.
    mutating func array<T>(_ items: [T], _ element: (inout JSONBytes, T) -> Void) {
        bytes.append(0x5B)
        for (k, item) in items.enumerated() {
            if k > 0 { bytes.append(0x2C) }
            element(&self, item)
        }
        bytes.append(0x5D)
    }
}
