import Foundation

/// The data files of normalisation, read from `Mappings/normalise/`.
struct NormaliseMappings {
    /// Private-Use glyph → Thai character (pua_thai.tsv, from HarfBuzz's Thai shaper tables).
    var pua: [UInt32: Unicode.Scalar] = [:]
    /// OCR confusion classes (ocr_confusions.tsv): characters OCR reads for one another.
    var confusions: [[Unicode.Scalar]] = []
    /// Domain words (lexicon.txt): report vocabulary and ITA question wording.
    var lexicon: Set<String> = []
    /// Words after which a Thai name follows (name_markers.txt): never OCR-corrected.
    var nameMarkers: [String] = []
    /// Words Thai writers put a space before / after (space_before.txt, space_after.txt).
    var spaceBefore: Set<String> = []
    var spaceAfter: Set<String> = []

    /// Reads the folder `mappings/normalise`; throws when a file is missing or malformed.
    init(mappings: URL) throws {
        let dir = mappings.appendingPathComponent("normalise")
        func rows(_ name: String) throws -> [[Substring]] {
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            return text.split(separator: "\n", omittingEmptySubsequences: true)
                .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
                .filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                .map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        }
        for r in try rows("pua_thai.tsv") {
            guard r.count >= 2, let from = UInt32(r[0], radix: 16), let to = UInt32(r[1], radix: 16),
                  let s = Unicode.Scalar(to) else { throw NormaliseError.badMapping("pua_thai.tsv: \(r)") }
            pua[from] = s
        }
        for r in try rows("ocr_confusions.tsv") {
            // Split on scalars: a combining vowel glues to the space before it as one Character.
            let cls = r[0].unicodeScalars.split(separator: " ").compactMap { $0.count == 1 ? $0.first : nil }
            guard cls.count >= 2 else { throw NormaliseError.badMapping("ocr_confusions.tsv: \(r)") }
            confusions.append(cls)
        }
        func words(_ name: String) throws -> [String] {
            try rows(name).map { String($0[0]).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        lexicon = Set(try words("lexicon.txt").map { $0.precomposedStringWithCanonicalMapping })
        nameMarkers = try words("name_markers.txt")
        spaceBefore = Set(try words("space_before.txt"))
        spaceAfter = Set(try words("space_after.txt"))
    }
}

/// Why the normaliser could not start.
public enum NormaliseError: Error, CustomStringConvertible {
    case badMapping(String)
    public var description: String {
        switch self { case .badMapping(let s): return "malformed normalisation mapping: \(s)" }
    }
}
