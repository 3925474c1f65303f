/// A dictionary key made of a text's exact bytes (memo tables keyed by input). `[UInt8]`'s own
/// hashing feeds the hasher one byte per call (3% of a run's CPU in the memo lookups); this feeds
/// it the buffer at once. Equality is byte equality, never String's canonical equivalence.
public struct ByteKey: Hashable, Sendable {
    public let bytes: [UInt8]

    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    @inlinable
    public init(_ text: String) { bytes = Array(text.utf8) }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(bytes.count)
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    @inlinable
    public static func == (a: ByteKey, b: ByteKey) -> Bool { a.bytes == b.bytes }
}
