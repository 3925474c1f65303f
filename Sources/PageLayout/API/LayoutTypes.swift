import ITAModel

/// A run of glyphs with no gap wider than a space between them, Thai marks attached to their base.
public struct Word: Hashable, Sendable {
    /// The raw text (combining marks re-attached, nothing else changed).
    public var text: String
    public var box: Box
    /// The text as the text layer gave it, when the word builder joined pieces it split
    /// (digits of one number in two fonts: "๒๕๖ 8" for "๒๕๖8"); else the same as `text`.
    public var raw: String

    public init(text: String, box: Box, raw: String? = nil) { self.text = text; self.box = box; self.raw = raw ?? text }
}

/// Words on one line closer together than a column gap: a cell's line, a heading, a sentence.
public struct Segment: Hashable, Sendable {
    public var words: [Word]
    public var box: Box
    /// Words joined with single spaces.
    public var text: String

    public init(words: [Word]) {
        self.words = words
        self.box = Box.union(words.map(\.box)) ?? Box(x0: 0, y0: 0, x1: 0, y1: 0)
        self.text = words.map(\.text).joined(separator: " ")
    }

    /// Words as the text layer gave them (see `Word.raw`), joined with single spaces.
    public var raw: String { words.map(\.raw).joined(separator: " ") }
}

/// One visual line of a page, left to right, split into segments at column gaps.
public struct TextLine: Hashable, Sendable {
    public var page: Int
    public var segments: [Segment]
    public var box: Box
    /// Segments joined with a tab, words with a space.
    public var text: String
    /// Whether the line is page furniture (in a margin, a page number), marked once by the layout
    /// (`PageFurniture.mark`) when the `DocumentLayout` is made; empty for the body.
    public var furniture: PageFurniture.Marks = []

    public init(page: Int, segments: [Segment]) {
        self.page = page
        self.segments = segments
        self.box = Box.union(segments.map(\.box)) ?? Box(x0: 0, y0: 0, x1: 0, y1: 0)
        self.text = segments.map(\.text).joined(separator: "\t")
    }
}

/// One cell of a table: the lines of text inside it, top to bottom.
public struct Cell: Hashable, Sendable {
    /// 0-based index of the first column the cell occupies.
    public var column: Int
    /// How many columns the cell spans (header cells over column groups span several).
    public var columnSpan: Int
    /// The cell's lines as printed (raw text, marks attached).
    public var lines: [String]
    public var box: Box

    /// How many rows the cell spans (a tool name beside several indicator rows spans them).
    /// The cell appears only in the first row it occupies.
    public var rowSpan: Int = 1

    public init(column: Int, columnSpan: Int = 1, lines: [String], box: Box) {
        self.column = column; self.columnSpan = columnSpan; self.lines = lines; self.box = box
    }

    /// A cell spanning `rowSpan` rows.
    public init(column: Int, columnSpan: Int, rowSpan: Int, lines: [String], box: Box) {
        self.column = column; self.columnSpan = columnSpan; self.rowSpan = rowSpan; self.lines = lines; self.box = box
    }

    /// The lines joined with a single space (wrap spaces are decided later, by the normalise stage).
    public var rawText: String { lines.joined(separator: " ") }
}

/// One logical row of a table (a wrapped cell's lines belong to one row).
public struct TableRow: Hashable, Sendable {
    public var cells: [Cell]
    public var box: Box
    /// True for header rows (column titles), as detected.
    public var isHeader: Bool
    /// Whether the row is page furniture (in a margin, a page number: a stream table can take the
    /// page's number for a row), marked as `TextLine.furniture` is.
    public var furniture: PageFurniture.Marks = []

    public init(cells: [Cell], box: Box, isHeader: Bool = false) {
        self.cells = cells; self.box = box; self.isHeader = isHeader
    }

    /// The cell starting at column `index`, if any.
    public func cell(at index: Int) -> Cell? { cells.first { $0.column == index } }
}

/// A table found on a page, from ruling lines or from text alignment.
public struct Table: Hashable, Sendable {
    /// How a table was found.
    public enum Method: String, Hashable, Sendable, CustomStringConvertible {
        /// From drawn ruling lines: its row and column bounds are certain.
        case ruled
        /// From text alignment alone: its bounds are inferred.
        case stream
        public var description: String { rawValue }
    }

    public var page: Int
    public var box: Box
    /// Left and right x of each column, left to right.
    public var columns: [ClosedRange<Double>]
    public var rows: [TableRow]
    /// How the table was found: from drawn lines or from text alignment.
    public var method: Method
    /// True when this table continues one on the previous page (same columns, no title between).
    public var continuesPrevious: Bool

    /// When a table's header split it into column groups read side by side (IIT | EIT | OIT), the
    /// 0-based index of this group; nil for a table that was not split.
    public var sideBySideGroup: Int? = nil
    /// True when the first row is the rest of the previous page's last row (a row broken by the
    /// page break: its text goes on, its score was printed on the previous page).
    public var firstRowContinuesPrevious: Bool = false

    public init(page: Int, box: Box, columns: [ClosedRange<Double>], rows: [TableRow], method: Method,
                continuesPrevious: Bool = false) {
        self.page = page; self.box = box; self.columns = columns; self.rows = rows; self.method = method
        self.continuesPrevious = continuesPrevious
    }
}

extension Table {
    /// The spans among `spans` (horizontal extents) that lie wholly left or right of the table's
    /// columns: a reader's columns the table's rules do not reach (a plan header's last column whose
    /// closing rule the table lost).
    public func spansBeside(_ spans: [ClosedRange<Double>]) -> [ClosedRange<Double>] {
        guard let left = columns.first?.lowerBound, let right = columns.last?.upperBound else { return spans }
        return spans.filter { $0.lowerBound > right || $0.upperBound < left }
    }
}

/// What the layout stage found on one page.
public struct PageLayoutResult: Sendable {
    public var page: Int
    public var width: Double
    public var height: Double
    /// Every line of the page, top to bottom (table lines included), but its running header and
    /// footer lines.
    public var lines: [TextLine]
    /// The page's running header and footer lines (`RunningLines`: text printed in the same margin
    /// of several pages), top to bottom, set apart: no table holds them and no reader reads them.
    public var running: [TextLine]
    /// Tables, top to bottom.
    public var tables: [Table]
    /// True when the page's text was read by OCR (its glyphs carry `Glyph.recognisedFont`): OCR
    /// repairs (garbled question codes) apply to such pages only.
    public var recognised: Bool

    public init(page: Int, width: Double, height: Double, lines: [TextLine], tables: [Table], recognised: Bool = false,
                running: [TextLine] = []) {
        self.page = page; self.width = width; self.height = height; self.lines = lines; self.tables = tables
        self.recognised = recognised; self.running = running
    }
}

/// What the layout stage found in a document.
public struct DocumentLayout: Sendable {
    /// Constants, both: the furniture marks are made from them at init, and a page or a setting
    /// changed afterwards would leave the marks stale. Other settings: make a new layout.
    public let pages: [PageLayoutResult]
    /// The settings the layout was made with: the later stages ask the layout's geometry
    /// (`CellPieces`, `LinePitch`) with these, so one tolerance has one value along the road.
    public let settings: LayoutSettings
    /// Every line and table row of `pages` is marked as page furniture or body here
    /// (`PageFurniture.mark`, with `furniture`: what page numbers are printed with, Mappings data),
    /// once: the later stages read the marks and never test for furniture themselves.
    public init(pages: [PageLayoutResult], settings: LayoutSettings = LayoutSettings(), furniture: PageFurnitureWords) {
        var pages = pages
        PageFurniture.mark(&pages, settings, furniture)
        self.pages = pages
        self.settings = settings
    }
}
