import Foundation

/// Values of a pure function already computed in this process, shared by threads under one lock,
/// and emptied when `capacity` entries are held, so that its memory stays bounded over an archive
/// whatever the number of documents. A hit returns the very value the first call computed.
///
/// `value` is inlinable so that each user's module specialises it for its key and value types: a
/// generic call looked up the types' metadata and hashed through witness tables on every lookup
/// (about 4% of a run's CPU, memo hits included).
public final class BoundedMemo<Key: Hashable, Value>: @unchecked Sendable {
    public let capacity: Int
    @usableFromInline let lock = NSLock()
    @usableFromInline var entries: [Key: Value] = [:]

    public init(capacity: Int) { self.capacity = capacity }

    /// The value for `key`, computed by `compute` (outside the lock) when not yet held.
    @inlinable
    public func value(_ key: Key, compute: () -> Value) -> Value {
        if let hit = lock.withLock({ entries[key] }) { return hit }
        let value = compute()
        lock.withLock {
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = value
        }
        return value
    }
}
