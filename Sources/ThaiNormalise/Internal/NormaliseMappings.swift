import Foundation
import ITAModel

/// The data files of normalisation, read from `Mappings/normalise/`.
struct NormaliseMappings {
    /// Private-Use glyph → Thai character (pua_thai.tsv, from HarfBuzz's Thai shaper tables).
    var pua: [UInt32: Unicode.Scalar] = [:]
    /// OCR confusion classes (ocr_confusions.tsv, kind swap): characters OCR reads for one another,
    /// with the cost of one such swap.
    var confusions: [(chars: [Unicode.Scalar], cost: Int)] = []
    /// Letters OCR may read twice in a row (kind doubled), with the cost of dropping the copy.
    var doubled: [Unicode.Scalar: Int] = [:]
    /// Domain words (lexicon.txt): report vocabulary and ITA question wording.
    var lexicon: Set<String> = []
    /// Words after which a Thai name follows (name_markers.txt): never OCR-corrected.
    var nameMarkers: [String] = []
    /// Words Thai writers put a space before / after (space_before.txt, space_after.txt).
    var spaceBefore: Set<String> = []
    var spaceAfter: Set<String> = []

    /// Reads the folder `mappings/normalise`; a missing or empty file, or a malformed row, throws
    /// a `MappingsError` naming the file and line.
    init(mappings: URL) throws {
        func rows(_ name: String) throws -> [(line: Int, fields: [Substring])] {
            let text = try MappingsFile.text("normalise/\(name)", in: mappings)
            // Lines and fields split on bytes (a combining mark after a tab would otherwise glue
            // to it as one Character); comment and blank lines skipped.
            let out = text.utf8.split(separator: 10, omittingEmptySubsequences: false).enumerated()
                .compactMap { i, line -> (line: Int, fields: [Substring])? in
                    var l = Substring(line)
                    if l.hasSuffix("\r") { l = l.dropLast() }
                    if l.hasPrefix("#") || l.allSatisfy({ $0 == " " || $0 == "\t" }) { return nil }
                    return (i + 1, l.utf8.split(separator: 9, omittingEmptySubsequences: false).map { Substring($0) })
                }
            guard !out.isEmpty else { throw MappingsError(file: "normalise/\(name)", problem: "empty list") }
            return out
        }
        for r in try rows("pua_thai.tsv") {
            guard r.fields.count >= 2, let from = UInt32(r.fields[0], radix: 16), let to = UInt32(r.fields[1], radix: 16),
                  let s = Unicode.Scalar(to) else {
                throw MappingsError(file: "normalise/pua_thai.tsv", key: "line \(r.line)", problem: "expected two hex code points separated by a tab")
            }
            pua[from] = s
        }
        for r in try rows("ocr_confusions.tsv") {
            func bad(_ problem: String) -> MappingsError {
                MappingsError(file: "normalise/ocr_confusions.tsv", key: "line \(r.line)", problem: problem)
            }
            guard r.fields.count >= 3 else { throw bad("expected kind, characters and cost separated by tabs") }
            // Split on scalars: a combining vowel glues to the space before it as one Character.
            let pieces = r.fields[1].unicodeScalars.split(separator: " ")
            let chars = pieces.compactMap { $0.count == 1 ? $0.first : nil }
            guard chars.count == pieces.count, !chars.isEmpty, chars.allSatisfy({ (0x0E01...0x0E4E).contains($0.value) }) else {
                throw bad("expected single Thai characters separated by spaces")
            }
            guard let cost = Int(r.fields[2].trimmingCharacters(in: .whitespaces)), cost >= 1 else {
                throw bad("expected a whole cost of 1 or more")
            }
            switch r.fields[0] {
            case "swap":
                guard chars.count >= 2 else { throw bad("a swap class needs two or more characters") }
                confusions.append((chars, cost))
            case "doubled":
                for c in chars { doubled[c] = min(doubled[c] ?? cost, cost) }
            default:
                throw bad("unknown kind \"\(r.fields[0])\" (swap or doubled)")
            }
        }
        func words(_ name: String) throws -> [String] {
            // Words with nothing to trim or compose (nearly all) are taken as they are.
            try rows(name).map { row -> String in
                let w = String(row.fields[0])
                guard let f = w.unicodeScalars.first, let l = w.unicodeScalars.last,
                      !CharacterSet.whitespaces.contains(f), !CharacterSet.whitespaces.contains(l) else {
                    return w.trimmingCharacters(in: .whitespaces)
                }
                return w
            }.filter { !$0.isEmpty }
            .map { NFCQuickCheck.isNFC($0.unicodeScalars) ? $0 : String(decoding: ICU.nfc(Array($0.utf16)), as: UTF16.self) }
        }
        lexicon = Set(try words("lexicon.txt"))
        nameMarkers = try words("name_markers.txt")
        spaceBefore = Set(try words("space_before.txt"))
        spaceAfter = Set(try words("space_after.txt"))
    }
}
