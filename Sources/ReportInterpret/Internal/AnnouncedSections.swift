import Foundation
import ITAModel

/// Sections a report announces by a heading (Mappings/ita/section-announcements.json) but of
/// which nothing was read: the document is then only partly read, never `ok`.
enum AnnouncedSections {
    struct File: Decodable {
        var maxExtra: Int
        var sections: [String: [String]]

        /// Loads `ita/section-announcements.json`; a missing file, key or wrong type throws `MappingsError`.
        static func load(mappings: URL) throws -> File {
            try MappingsFile.json(File.self, "ita/section-announcements.json", in: mappings)
        }
    }

    static func missing(in result: Interpretation, reader: DocumentReader, file: File) -> [Warning] {
        let read: [String: Bool] = ["indicators": !result.indicators.isEmpty, "questions": !result.questions.isEmpty,
                                    "measures": !result.measures.isEmpty]
        var out: [Warning] = []
        for section in file.sections.keys.sorted() where read[section] == false {
            let headings = file.sections[section]!.map { KeyedText.keyString($0) }
            let line = reader.lines.first { l in
                let k = KeyedText.keyString(l.segments.map(\.text).joined(separator: " "))
                return headings.contains { k.hasPrefix($0) && k.count <= $0.count + file.maxExtra }
            }
            if let line {
                out.append(Warning(code: .announcedSectionMissing,
                                   message: "the report announces its \(section) (page \(line.page): \"\(line.segments.map(\.text).joined(separator: " "))\") but none were read",
                                   page: line.page))
            }
        }
        return out
    }
}
