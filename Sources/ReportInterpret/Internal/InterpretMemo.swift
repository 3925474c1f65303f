import Foundation
import ITAModel

/// Results several readers ask for, computed once per document: the readers are pure functions
/// of the `DocumentReader` (and the mappings folder), so a second request returns the first
/// answer instead of reading the document again (fields are read by three readers, question
/// printings by two, text blocks by several). A class so that copies of the reader share it;
/// one reader serves one document on one thread.
final class InterpretMemo {
    var fields: (fields: ReportFields, warnings: [Warning])?
    var printings: [QuestionScore]?
    /// Question codes printed with no score in a score position: (code, page), document order.
    var unscoredCodes: [(code: String, page: Int)]?
    var textBlocks: [Bool: [TextBlock]] = [:]
    var pageBlocks: [TextBlock]?
    var linesByPage: [(page: Int, lines: [ReadLine])]?
    var cellPiecesByPage: [(page: Int, lines: [ReadLine])]?
}

extension DocumentReader {
    /// `linesByPage` with every segment cut into cell pieces (`MeasureCellPieces`), once per document.
    var cellPiecesByPage: [(page: Int, lines: [ReadLine])] {
        if let done = memo.cellPiecesByPage { return done }
        let out = linesByPage.map { (page: $0.page, lines: MeasureCellPieces.lines(of: $0.page, $0.lines, reader: self)) }
        memo.cellPiecesByPage = out
        return out
    }
}

/// Memo of `MeasureHeaderVocabulary.role(of:)` per squeezed text. Keyed by the UTF-8 bytes, not
/// by `String` (whose equality is canonical equivalence), so a hit is the very same text.
final class MeasureRoleMemo {
    var roles: [[UInt8]: MeasureColumnRole?] = [:]
    /// `MeasureHeaderVocabulary.isPieceOfWording` answers, by the piece's UTF-8.
    var pieces: [[UInt8]: Bool] = [:]
    /// `MeasureHeaderVocabulary.isHeaderWording` answers, by the squeezed text's UTF-8 and the coverage asked.
    var headerWording: [HeaderWordingKey: Bool] = [:]
}

/// Key of `MeasureRoleMemo.headerWording`: a squeezed text's UTF-8 and the coverage's bits.
struct HeaderWordingKey: Hashable {
    var text: [UInt8]
    var coverage: UInt64
}
