/// A size on the command line: bytes, or a number with a K, M or G suffix (powers of 1024).
enum ByteSize {
    static func parse(_ text: String) -> Int64? {
        let t = text.uppercased()
        let shifts: [Character: Int64] = ["K": 10, "M": 20, "G": 30]
        if let last = t.last, let shift = shifts[last] {
            guard let n = Int64(t.dropLast()), n >= 0, n <= (Int64.max >> shift) else { return nil }
            return n << shift
        }
        guard let n = Int64(t), n >= 0 else { return nil }
        return n
    }
}
