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
    /// Each page's geometry (its grid and pitch) over its `linesByPage` lines, and over its
    /// `cellPiecesByPage` lines.
    var pageGeometry: [Int: QuestionPageGeometry] = [:]
    var cellPiecesGeometry: [Int: QuestionPageGeometry] = [:]
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

/// Answers of `MeasureHeaderVocabulary.role(of:)`, `isPieceOfWording` and `isHeaderWording`, pure
/// functions of the text and the vocabulary's rules and header words, kept for the whole process
/// (one memo per loaded vocabulary, made anew when its rules or words change): every report of an
/// archive prints the same few header cells, and a per-document memo found each one again with
/// Foundation's canonical-equivalence searches (most of `MeasureHeaderBand.find`, 10% of a run's CPU).
/// Keyed by UTF-8 bytes, not by `String` (whose equality is canonical equivalence), so a hit is the
/// very same text. Shared by all document tasks under `BoundedMemo`'s lock.
final class MeasureRoleMemo: @unchecked Sendable {
    /// Entries kept per answer kind before it is emptied: a plan's header cells and their pieces are a
    /// few hundred texts, but `role(of:)` also sees every cell of a line that might open a header, which
    /// must not grow the memo without bound over an archive.
    static let capacity = 8_192

    /// `role(of:)` by the text as given (before squeezing, so a hit skips that too).
    let roles = BoundedMemo<ByteKey, MeasureColumnRole?>(capacity: MeasureRoleMemo.capacity)
    /// `isPieceOfWording` answers, by the piece's UTF-8.
    let pieces = BoundedMemo<ByteKey, Bool>(capacity: MeasureRoleMemo.capacity)
    /// `isHeaderWording` answers, by the text as given and the coverage asked.
    let headerWording = BoundedMemo<HeaderWordingKey, Bool>(capacity: MeasureRoleMemo.capacity)
}

/// Key of `MeasureRoleMemo.headerWording`: a text's UTF-8 and the coverage's bits.
struct HeaderWordingKey: Hashable {
    var text: [UInt8]
    var coverage: UInt64
}
