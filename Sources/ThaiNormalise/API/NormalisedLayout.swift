import ITAModel
import PageLayout

/// The normalise stage's output, what interpret reads: the document's layout with every text unit
/// the readers take from it normalised once, raw text, normalised text and changes side by side.
/// Units: each segment of each line; each table cell's lines, joined by the wrap-join rule; each
/// cell piece the layout cuts a segment into (`CellPieces`). Made by `ThaiNormaliser.normalise(_:)`.
public struct NormalisedLayout: Sendable {
    /// The layout as the layout stage made it (raw text, geometry, settings).
    public let layout: DocumentLayout
    /// For each page of `layout.pages` (same order), each line, each segment: the segment's text
    /// (`Segment.text`) normalised.
    public let segments: [[[NormalisedText]]]
    /// For each page number, each line, each segment of the line: the segment's cell pieces
    /// (`CellPieces.pieces`, cut with the layout's settings), each with its text normalised.
    public let pieces: [Int: [[[NormalisedPiece]]]]
    /// Each table cell's lines (keyed by their exact bytes) normalised with the wrap-join rule, as
    /// `cell(_:)` gives them (`lineFeedsAsSpaces` done once here, not on every call).
    let cells: [ByteKey: NormalisedText]
    /// For the texts a reader composes from several units (below).
    let normaliser: ThaiNormaliser

    init(layout: DocumentLayout, segments: [[[NormalisedText]]], pieces: [Int: [[[NormalisedPiece]]]],
         cells: [ByteKey: NormalisedText], normaliser: ThaiNormaliser) {
        self.layout = layout; self.segments = segments; self.pieces = pieces
        self.cells = cells.mapValues(NormalisedLayout.lineFeedsAsSpaces)
        self.normaliser = normaliser
    }

    /// A table cell of `layout`: its lines joined (a space or nothing per break, as the wrap-join
    /// rule decides) and normalised. Change offsets count in the cell's raw text (`Cell.rawText`),
    /// which joins the lines with a space where the wrap join saw a line break: a change's `before`
    /// says " " there, as the raw text does.
    public func cell(_ cell: Cell) -> NormalisedText {
        cells[NormalisedLayout.key(cell.lines)] ?? NormalisedLayout.lineFeedsAsSpaces(normaliser.normaliseLines(cell.lines))
    }

    /// `n` with the line feeds in its changes' `before` texts as spaces (see `cell(_:)`). Only a
    /// change whose `before` holds a line feed is rewritten, and every cell once (readers ask for
    /// the same cells again and again: Foundation's search on every call was 2% of a run's CPU).
    static func lineFeedsAsSpaces(_ n: NormalisedText) -> NormalisedText {
        var n = n
        for i in n.changes.indices where n.changes[i].before.utf8.contains(0x0A) {
            // A wrap join's `before` is the line feed alone (most of them): no search needed.
            n.changes[i].before = n.changes[i].before.utf8.count == 1 ? " " : n.changes[i].before.replacingOccurrences(of: "\n", with: " ")
        }
        return n
    }

    /// A text a reader composes from several raw units of this layout, which the stage cannot
    /// know in advance because the reader's decisions make it: a question's wrapped lines, found
    /// by following its text column and across a page break; a plan row's cells over several
    /// lines and pages. Joined by the wrap-join rule and normalised as one unit, as a cell is.
    public func composed(lines: [String]) -> NormalisedText { normaliser.normaliseLines(lines) }

    /// A text a reader composes from words of this layout (a segment cut at the columns of a plan
    /// header that interpret finds): the words' raw texts joined by spaces, normalised.
    public func composed(words raw: String) -> NormalisedText { normaliser.normalise(raw) }

    /// How many Thai word tokens of `text` are no word of the lexicon: a check on OCR'd text.
    public func unknownWordCount(_ text: String) -> Int { normaliser.unknownWordCount(text) }

    static func key(_ lines: [String]) -> ByteKey { NormaliseMemo.key(lines: lines).bytes }
}

/// A cell piece of a segment (`PageLayout.CellPieces`) with its text normalised.
public struct NormalisedPiece: Sendable {
    public let segment: Segment
    public let text: NormalisedText
}
