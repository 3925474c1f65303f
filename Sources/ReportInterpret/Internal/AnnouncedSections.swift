import Foundation
import ITAModel

/// Sections a report announces by a heading (Mappings/ita/section-announcements.json) but of
/// which nothing was read: the document is then only partly read, never `ok`.
enum AnnouncedSections {
    struct File: Decodable {
        var maxExtra: Int
        /// Words that number a part of the report ("ส่วนที่"): followed by digits and a heading, in a
        /// contents sentence, they announce that section.
        var enumerators: [String]
        var sections: [String: [String]]

        /// Loads `ita/section-announcements.json`; a missing file, key or wrong type throws `MappingsError`.
        static func load(mappings: URL) throws -> File {
            try MappingsFile.json(File.self, "ita/section-announcements.json", in: mappings)
        }
    }

    /// `planHeader`: the first plan header band the plan reader found (its page and main line). A
    /// plan's own column header shows the section as surely as a heading does: when none of its
    /// rows were read (an OCR'd plan whose cells came out garbled, a layout the reader does not
    /// follow) the document is only partly read, whatever its headings say.
    static func missing(in result: Interpretation, reader: DocumentReader, file: File,
                        planHeader: (page: Int, line: ReadLine)? = nil) -> [Warning] {
        let read: [String: Bool] = ["indicators": !result.indicators.isEmpty, "questions": !result.questions.isEmpty,
                                    "measures": !result.measures.isEmpty]
        var out: [Warning] = []
        for section in file.sections.keys.sorted() where read[section] == false {
            let headings = file.sections[section]!.map { KeyedText.keyString($0) }
            let line = reader.lines.first { l in
                let k = KeyedText.keyString(l.segments.map(\.text).joined(separator: " "))
                return headings.contains { k.hasPrefix($0) && k.count <= $0.count + file.maxExtra }
            }
            if section == "measures", let header = planHeader {
                out.append(Warning(code: .announcedSectionMissing,
                                   message: "the report prints a plan table (page \(header.page), header \"\(header.line.segments.map(\.text).joined(separator: " | "))\") but none of its rows were read",
                                   page: header.page))
            } else if let line {
                out.append(Warning(code: .announcedSectionMissing,
                                   message: "the report announces its \(section) (page \(line.page): \"\(line.segments.map(\.text).joined(separator: " "))\") but none were read",
                                   page: line.page))
            } else if let page = contentsPage(announcing: headings, reader: reader, enumerators: file.enumerators) {
                out.append(Warning(code: .announcedSectionMissing,
                                   message: "the report announces its \(section) in a list of its parts (page \(page)) but none were read",
                                   page: page))
            }
        }
        return out
    }

    /// The first page whose text, lines joined, holds a part number followed by one of `headings`
    /// (all in key form): "ส่วนที่ 1 การนำผลการวิเคราะห์ไปสู่การปฏิบัติ" in a contents sentence.
    static func contentsPage(announcing headings: [String], reader: DocumentReader, enumerators: [String]) -> Int? {
        let keys = enumerators.map { KeyedText.keyString($0) }.filter { !$0.isEmpty }
        var byPage: [Int: String] = [:]
        var order: [Int] = []
        for l in reader.lines {
            if byPage[l.page] == nil { order.append(l.page) }
            byPage[l.page, default: ""] += KeyedText.keyString(l.segments.map(\.text).joined(separator: " "))
        }
        for page in order {
            let text = byPage[page]!
            for key in keys {
                var from = text.startIndex
                while let hit = text.range(of: key, range: from..<text.endIndex) {
                    let rest = text[hit.upperBound...]
                    let digits = rest.prefix { $0.isASCII && $0.isNumber }
                    if !digits.isEmpty {
                        let after = rest.dropFirst(digits.count)
                        if headings.contains(where: { after.hasPrefix($0) }) { return page }
                    }
                    from = hit.upperBound
                }
            }
        }
        return nil
    }
}
