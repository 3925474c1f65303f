import ITAModel
import ThaiCharacters

/// The form texts are matched on, one rule for every reader: a text seen two ways, `scalars`, the
/// original Unicode scalars with Thai digits made ASCII (one scalar for one, so positions agree
/// with the original), and `key`: no whitespace, no Thai combining marks, nikhahit+aa as SARA AM,
/// ASCII lower case. `map` gives, for each key scalar, the index of the scalar it came from, so a
/// cue found in the key is reported as positions in the text, and wrap spaces and displaced marks
/// from a PDF text layer never stop a match.
public struct MatchingKey: Sendable {
    public let scalars: [Unicode.Scalar]
    public let key: [Unicode.Scalar]
    public let map: [Int32]

    public init(_ text: String) {
        var sc: [Unicode.Scalar] = []
        sc.reserveCapacity(text.scalarCount)
        for u in text.unicodeScalars {
            if ThaiScript.isThaiDigit(u.value) { sc.append(Unicode.Scalar(u.value - 0x0E50 + 0x30)!) } else { sc.append(u) }
        }
        var key: [Unicode.Scalar] = []
        var map: [Int32] = []
        key.reserveCapacity(sc.count); map.reserveCapacity(sc.count)
        var i = 0
        while i < sc.count {
            let u = sc[i]
            if MatchingKey.isSpace(u) { i += 1; continue }
            if u.value == 0x0E4D {
                // nikhahit (+ tone marks) + aa is SARA AM as typed with two keys.
                var j = i + 1
                while j < sc.count, ThaiScript.isTone(sc[j].value) { j += 1 }
                if j < sc.count, sc[j].value == 0x0E32 {
                    key.append(Unicode.Scalar(0x0E33)!); map.append(Int32(i)); i = j + 1; continue
                }
            }
            if ThaiMark.isCombining(u) { i += 1; continue }
            if ThaiScript.isASCIIUppercase(u.value) { key.append(Unicode.Scalar(u.value + 32)!) } else { key.append(u) }
            map.append(Int32(i))
            i += 1
        }
        self.scalars = sc; self.key = key; self.map = map
    }

    /// The key form of `text` as a string (two texts match when their keys are equal).
    public static func string(_ text: String) -> String { String(scalars: MatchingKey(text).key) }

    /// Whitespace and the invisible joiners a text layer leaves between letters: never part of a key.
    public static func isSpace(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x200B, 0x200C, 0x200D, 0xFEFF, 0x2060: return true
        default: return false
        }
    }
}
