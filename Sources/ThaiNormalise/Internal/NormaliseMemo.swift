import Foundation
import ITAModel

/// Results of `ThaiNormaliser` already computed in this process, keyed by the input's exact bytes.
/// Normalisation is a pure function of its input, and interpret asks for the same texts again and
/// again: a table cell is normalised by the indicator, prose-indicator and fiscal-period readers,
/// and headers, indicator names and tool labels repeat in every report. A hit returns the very
/// value the first call computed, so output cannot change.
///
/// Keyed by UTF-8 bytes, not `String`: String equality is canonical equivalence, and two
/// canonically equivalent inputs can normalise with different changes. Shared by all document
/// tasks of the process (one lock; a lookup costs far less than a normalisation).
final class NormaliseMemo: @unchecked Sendable {
    /// Entries kept before the memo is emptied and starts again: bounds its memory (a few MB at
    /// most: texts are cells and lines) whatever the number of documents, while still holding the
    /// texts of several documents, which is where repeats are.
    static let capacity = 20_000

    private let entries = BoundedMemo<Key, NormalisedText>(capacity: NormaliseMemo.capacity)

    struct Key: Hashable {
        /// Which call: 0 `normalise`, 1 `normalise(numeric:)`, 2 `normaliseLines`.
        var kind: UInt8
        /// The input's UTF-8 bytes; for lines, each line's byte count before its bytes, so that
        /// ["a\nb"] and ["a", "b"] differ.
        var bytes: ByteKey
    }

    static func key(kind: UInt8, _ text: String) -> Key { Key(kind: kind, bytes: ByteKey(text)) }

    static func key(lines: [String]) -> Key {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 4 })
        for line in lines {
            let n = UInt32(truncatingIfNeeded: line.utf8.count)
            bytes.append(contentsOf: [UInt8(n & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 24)])
            bytes.append(contentsOf: line.utf8)
        }
        return Key(kind: 2, bytes: ByteKey(bytes))
    }

    func value(_ key: Key, compute: () -> NormalisedText) -> NormalisedText {
        entries.value(key, compute: compute)
    }
}
