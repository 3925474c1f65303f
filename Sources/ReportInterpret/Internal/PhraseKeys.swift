import Foundation
import ITAModel

/// Keys (`KeyedText`) of phrases already keyed in this process. Readers key the same cue words
/// ("ตัวชี้วัดที่", "คะแนน", unit prefixes, year words) for every block, row and occurrence they
/// test: keying builds three arrays each time, a lookup builds one. The key is a pure function of
/// the phrase, so a hit is the value a new keying would give.
///
/// Keyed by UTF-8 bytes, not `String`, whose equality is canonical equivalence (two equivalent
/// spellings may key differently). Shared by all document tasks of the process under one lock.
final class PhraseKeys: @unchecked Sendable {
    static let shared = PhraseKeys()

    /// Entries kept before the memo is emptied: cue words are a few hundred, and `keyString` also
    /// sees cell texts, which must not grow it without bound over an archive.
    static let capacity = 8_192

    private let keys = BoundedMemo<ByteKey, [Unicode.Scalar]>(capacity: PhraseKeys.capacity)
    private let strings = BoundedMemo<ByteKey, String>(capacity: PhraseKeys.capacity)

    func key(_ phrase: String, compute: () -> [Unicode.Scalar]) -> [Unicode.Scalar] {
        keys.value(ByteKey(phrase), compute: compute)
    }

    func keyString(_ phrase: String, compute: () -> String) -> String {
        strings.value(ByteKey(phrase), compute: compute)
    }
}
