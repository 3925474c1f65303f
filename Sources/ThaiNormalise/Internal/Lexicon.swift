import ThaiCharacters
import Foundation

/// The words normalisation may trust: ICU's Thai break dictionary plus a domain list from
/// `Mappings/normalise/lexicon.txt` (report vocabulary and ITA question wording). Words are kept
/// as UTF-16 arrays: Swift String hashing (canonical equivalence) is far too slow for the hot loop.
final class Lexicon: @unchecked Sendable {
    let domain: Set<[UInt16]>
    /// Longest domain word, in UTF-16 units.
    let maxLength: Int

    init(domain: Set<String>) {
        self.domain = Set(domain.map { Array($0.utf16) })
        maxLength = self.domain.map(\.count).max() ?? 0
    }

    /// True when `s` is a known word (domain list or ICU dictionary).
    func isWord(_ s: String) -> Bool { isWord(Array(s.utf16)[...]) }

    /// True when the UTF-16 units are a known word.
    func isWord(_ u: ArraySlice<UInt16>) -> Bool {
        ICU.thaiDictionaryContains(u) || (u.count <= maxLength && domain.contains(Array(u)))
    }

    /// True when the units are a domain word.
    func isDomainWord(_ u: ArraySlice<UInt16>) -> Bool { u.count <= maxLength && domain.contains(Array(u)) }

    /// How badly `s` segments: (Thai tokens that are no known word, number of tokens).
    /// Fewer unknown tokens first, then fewer tokens (longer words), is the better reading.
    func cost(_ s: String) -> (unknown: Int, tokens: Int) {
        let u = Array(s.utf16)
        let b = ThaiWords.bounds(u)
        var unknown = 0, tokens = 0
        var k = 1
        while k < b.count {
            // Greedy: the longest run of ICU tokens that is a domain word counts as one word,
            // since ICU's dictionary lacks many compounds of the reports (ช่องทาง, เปิดเผย).
            var best = k
            var j = min(b.count - 1, k + 3)
            while j > k {
                if isDomainWord(u[b[k - 1]..<b[j]]) { best = j; break }
                j -= 1
            }
            let tok = u[b[k - 1]..<b[best]]
            if tok.contains(where: { ThaiScript.isThaiLetter(UInt32($0)) }) {
                tokens += 1
                if best == k && !isWord(tok) { unknown += 1 }
            }
            k = best + 1
        }
        return (unknown, tokens)
    }

    /// True when reading `a` is better than reading `b` by `cost`.
    func better(_ a: String, than b: String) -> Bool {
        let ca = cost(a), cb = cost(b)
        return ca.unknown != cb.unknown ? ca.unknown < cb.unknown : ca.tokens < cb.tokens
    }
}
