import Foundation
import ITAModel

/// The shapes of the Thai digits ๐-๙ in the fonts of `Mappings/ocr/digit-fonts.tsv`, for
/// `DigitShapeReader` (issue 11: Tesseract's Thai models misread most Thai digits of scans and never
/// read ๙ in Laksaman), and of the same fonts' ASCII digits 0-9: the second reading of a score
/// Tesseract read in ASCII (it reads a 7 as 1 now and then: 19.33 for 79.33). The shapes are `Mappings/ocr/digit-templates.tsv`, rendered from the font
/// files by `Scripts/bench/digit_shapes.py --write-templates`; loaded once per run.
public struct DigitTemplates: Sendable {
    /// Side of a normalised glyph, pixels (the generator's GRID): a Thai digit of a 16 pt line at
    /// 150 dpi is about 20 px tall, so a finer grid would only enlarge scan noise.
    public static let grid = 20
    static let digits: [Character] = Array("๐๑๒๓๔๕๖๗๘๙")
    static let asciiDigits: [Character] = Array("0123456789")

    struct Template: Sendable {
        let digit: Character
        let font: String
        /// Zero mean, unit norm, grid x grid row by row.
        let vector: [Float]
        /// Width / height of the glyph's ink.
        let aspect: Double
    }

    /// The Thai digits' templates.
    let templates: [Template]
    /// The ASCII digits' templates, of the same fonts.
    let asciiTemplates: [Template]

    /// Reads the two files; every font listed must have all ten digits, and every row must be
    /// well formed (`MappingsError` names the file and line).
    public init(mappings: URL) throws {
        let fonts = try MappingsFile.lines("ocr/digit-fonts.tsv", in: mappings).map { String($0.split(separator: "\t")[0]) }
        let file = "ocr/digit-templates.tsv"
        var list: [Template] = []
        for (n, line) in try MappingsFile.text(file, in: mappings).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            let bad = MappingsError(file: file, key: "line \(n + 1)", problem: "expected font, digit, aspect and \(Self.grid * Self.grid) hex bytes")
            guard f.count == 4, f[1].count == 1, let d = f[1].first, Self.digits.contains(d) || Self.asciiDigits.contains(d), let aspect = Double(f[2]), aspect > 0,
                  f[3].count == 2 * Self.grid * Self.grid else { throw bad }
            var values: [Float] = []
            values.reserveCapacity(Self.grid * Self.grid)
            var i = f[3].startIndex
            while i < f[3].endIndex {
                let j = f[3].index(i, offsetBy: 2)
                guard let v = UInt8(f[3][i..<j], radix: 16) else { throw bad }
                values.append(Float(v))
                i = j
            }
            guard let vector = Self.unit(values) else { throw bad }
            list.append(Template(digit: d, font: String(f[0]), vector: vector, aspect: aspect))
        }
        for font in fonts {
            let have = Set(list.filter { $0.font == font }.map(\.digit))
            guard have.count == Self.digits.count + Self.asciiDigits.count else {
                throw MappingsError(file: file, key: font, problem: "font listed in ocr/digit-fonts.tsv has \(have.count) of the 20 digits (๐-๙ and 0-9); run Scripts/bench/digit_shapes.py --write-templates")
            }
        }
        let listed = list.filter { fonts.contains($0.font) }
        templates = listed.filter { Self.digits.contains($0.digit) }
        asciiTemplates = listed.filter { Self.asciiDigits.contains($0.digit) }
    }

    /// `values` less their mean, scaled to unit length; nil when flat.
    static func unit(_ values: [Float]) -> [Float]? {
        let mean = values.reduce(0, +) / Float(max(values.count, 1))
        let z = values.map { $0 - mean }
        let norm = z.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? z.map { $0 / norm } : nil
    }
}
