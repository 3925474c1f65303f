import Foundation
import ITAModel

/// Reads per-question scores (i1..., e1..., o1...) from the document's line segments by geometry,
/// so it works with or without detected tables: a cell starting with a question code is a
/// question; its score is the nearest score cell to the right of the question's text inside the
/// question's row (first line or vertically centred), before the next code column.
enum QuestionReader {
    /// One row per code (the first printing), ordered by tool and number.
    static func read(from reader: DocumentReader, mappings: URL? = nil) -> [QuestionScore] {
        var seen = Set<String>()
        var out: [QuestionScore] = []
        for q in allPrintings(from: reader, mappings: mappings) where !seen.contains(q.code) {
            seen.insert(q.code)
            out.append(q)
        }
        return out.sorted { ($0.tool, codeNumber($0.code)) < ($1.tool, codeNumber($1.code)) }
    }

    /// Every printing of every question score, in document order (a report may print the same
    /// question in several sections). For cross-checks: two printings of one code with different
    /// scores are a conflict (`read` keeps the first). `year` is the assessment year, read by
    /// `ReportFieldsReader` (nil when the document does not say).
    static func allPrintings(from reader: DocumentReader, mappings: URL? = nil) -> [QuestionScore] {
        let key = mappings?.absoluteString ?? ""
        if let done = reader.memo.printings[key] { return done }
        let out = allPrintingsUncached(from: reader, mappings: mappings)
        reader.memo.printings[key] = out
        return out
    }

    private static func allPrintingsUncached(from reader: DocumentReader, mappings: URL?) -> [QuestionScore] {
        let vocabulary = QuestionTableVocabulary.load(mappings: mappings)
        let year = ReportFieldsReader.read(from: reader).assessmentYear?.value
        var out: [QuestionScore] = []
        // Cells run together by a narrow gutter ("... หรือไม่ 93.68") are cut apart first.
        for (page, lines) in reader.cellPiecesByPage {
            let geometry = QuestionPageGeometry(page: page, lines: lines)
            out += QuestionPageReader(geometry: geometry, vocabulary: vocabulary, normaliser: reader.normaliser)
                .read(year: year)
        }
        return out
    }

    /// The number of a canonical code ("o21" -> 21).
    static func codeNumber(_ code: String) -> Int { Int(code.dropFirst()) ?? 0 }
}
