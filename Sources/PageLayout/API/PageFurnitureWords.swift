import Foundation
import ITAModel
import ThaiCharacters

/// What page numbers are printed with besides their digits (`Mappings/layout/page-furniture.json`):
/// the word for "page" and the punctuation around the number. Decoded once per run, before the
/// first document, and given to the layout stage, which marks page numbers once (`PageFurniture.mark`).
public struct PageFurnitureWords: Sendable, Equatable {
    /// The data file, relative to the Mappings folder.
    public static let file = "layout/page-furniture.json"

    /// Every character a page number may carry besides digits and white space. The page words
    /// count letter by letter: a margin's "หน้า ๑๒" and a page word cut by OCR both read as the number.
    public let decoration: Set<Unicode.Scalar>

    struct File: Decodable {
        var pageWords: [String]
        var marks: [String]
    }

    /// Reads `layout/page-furniture.json` from `mappings`. A missing file or key, a wrong type, an
    /// empty list, a blank entry or an entry with a digit (a digit is the number itself) throws a
    /// `MappingsError` naming the file and key.
    public init(mappings: URL) throws {
        let data = try MappingsFile.json(File.self, Self.file, in: mappings)
        var decoration = Set<Unicode.Scalar>()
        for (key, list) in [("pageWords", data.pageWords), ("marks", data.marks)] {
            for (i, entry) in list.enumerated() {
                let scalars = entry.unicodeScalars.filter { !$0.properties.isWhitespace }
                guard !scalars.isEmpty else {
                    throw MappingsError(file: Self.file, key: "\(key)[\(i)]", problem: "blank entry")
                }
                guard !scalars.contains(where: { ThaiScript.digitValue($0) != nil }) else {
                    throw MappingsError(file: Self.file, key: "\(key)[\(i)]", problem: "a digit is the page number itself, not its decoration")
                }
                decoration.formUnion(scalars)
            }
        }
        self.decoration = decoration
    }
}
