import Foundation
import ITAModel

/// Header wording of question-score tables (Mappings/ita/question-table.json): a cell starting
/// with one of these words is a header or sub-table title, never part of a question's text.
struct QuestionTableVocabulary {
    var headerStarts: [String]

    private struct File: Decodable { var headerStarts: [String] }

    /// Loads the vocabulary from `mappings` (or the located Mappings folder); empty when missing,
    /// so reading still works, only less carefully.
    static func load(mappings: URL?) -> QuestionTableVocabulary {
        guard let dir = mappings ?? MappingsDirectory.locate(),
              let data = try? Data(contentsOf: dir.appendingPathComponent("ita/question-table.json")),
              let file = try? JSONDecoder().decode(File.self, from: data)
        else { return QuestionTableVocabulary(headerStarts: []) }
        return QuestionTableVocabulary(headerStarts: file.headerStarts.map { squeezed($0) })
    }

    /// The text with every whitespace character removed (header cells wrap at arbitrary points).
    static func squeezed(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace }))
    }

    /// True when `text` starts with a header word.
    func isHeader(_ text: String) -> Bool {
        let t = QuestionTableVocabulary.squeezed(text)
        return headerStarts.contains { t.hasPrefix($0) }
    }
}

