import Foundation
import ITAModel
import PageLayout
import ThaiNormalise
@testable import ReportInterpret

/// Builds a DocumentLayout from text lines for unit tests: one page per "\u{0C}"-separated chunk,
/// one TextLine per line, one Segment per tab-separated cell, words split at spaces, plausible boxes.
enum FieldsTestLayout {
    static func layout(_ text: String) throws -> DocumentLayout {
        var pages: [PageLayoutResult] = []
        for (p, chunk) in text.components(separatedBy: "\u{0C}").enumerated() {
            var lines: [TextLine] = []
            var y = 60.0
            for raw in chunk.split(separator: "\n", omittingEmptySubsequences: false) {
                let cells = raw.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { y += 30; continue }
                var segments: [Segment] = []
                for (k, cell) in cells.enumerated() where !cell.trimmingCharacters(in: .whitespaces).isEmpty {
                    var x = 60.0 + 150.0 * Double(k)
                    var words: [Word] = []
                    for w in cell.split(separator: " ") {
                        let width = 5.0 * Double(w.unicodeScalars.count)
                        words.append(Word(text: String(w), box: Box(x0: x, y0: y, x1: x + width, y1: y + 14)))
                        x += width + 3
                    }
                    segments.append(Segment(words: words))
                }
                lines.append(TextLine(page: p + 1, segments: segments))
                y += 20
            }
            pages.append(PageLayoutResult(page: p + 1, width: 595, height: 842, lines: lines, tables: []))
        }
        return DocumentLayout(pages: pages, furniture: try .checkedIn())
    }

    static let mappings = MappingsDirectory.forSourceFile(#filePath)!

    static func interpret(_ text: String) throws -> Interpretation {
        try StageRoad(mappings: mappings).interpret(layout(text))
    }

    static func interpret(layout: DocumentLayout) throws -> Interpretation {
        try StageRoad(mappings: mappings).interpret(layout)
    }

    static func reader(_ text: String) throws -> DocumentReader {
        try StageRoad(mappings: mappings).reader(layout(text), mappings: mappings)
    }
}
