import Foundation
import ITAModel
import PageLayout
import ThaiNormalise

/// A segment of a line with its normalised text and where it came from.
struct ReadSegment {
    /// Normalised text (NFC, glyphs repaired, marks attached; digits as printed).
    var text: String
    var raw: String
    var box: Box
    var page: Int
    /// What the normalise stage changed to make `text` (offsets in the text it read).
    var changes: [TextChange] = []
    var provenance: Provenance { provenance(via: nil) }
    func provenance(via: String?) -> Provenance { Provenance(page: page, box: box, raw: raw, via: via).with(changes: changes) }
}

/// A line of the document with its segments normalised.
struct ReadLine {
    var page: Int
    var box: Box
    var segments: [ReadSegment]
    /// The layout's page-furniture marks of the line (`TextLine.furniture`): the line is tested
    /// whole, once, by the layout stage, whatever its segments are cut into here.
    var furniture: PageFurniture.Marks
    /// The same line with its segments cut or read differently (its page, box and marks kept).
    func with(segments: [ReadSegment]) -> ReadLine { ReadLine(page: page, box: box, segments: segments, furniture: furniture) }
    /// Segments joined with a tab.
    var text: String { segments.map(\.text).joined(separator: "\t") }
    var raw: String { segments.map(\.raw).joined(separator: "\t") }
    var provenance: Provenance { provenance(via: nil) }
    func provenance(via: String?) -> Provenance {
        Provenance(page: page, box: box, cells: segments.map(\.raw), via: via).with(cellChanges: segments.map(\.changes))
    }
}

/// The shared view every reader reads from: the document's lines in reading order (page by page,
/// top to bottom) with normalised text, plus the layout's tables.
struct DocumentReader {
    let layout: DocumentLayout
    /// The normalise stage's texts of `layout` (cells, cell pieces, composed texts).
    let normalised: NormalisedLayout
    let lines: [ReadLine]
    /// The ITA data files (Mappings/ita/): indicator names, cue words, catalogues, bands, weights.
    let ita: ITAVocabulary
    /// Question-table header wording (Mappings/ita/question-table.json).
    let questionTable: QuestionTableVocabulary
    /// Action-plan header wording (Mappings/ita/measure-headers.json).
    let measureHeaders: MeasureHeaderVocabulary
    /// Mappings/ita/year-evidence.json (law names, fiscal periods); never nil (loaded per run).
    let yearEvidence: YearEvidenceVocabulary?
    /// Mappings/ita/plan-cells.json (what a period is made of: months, period words).
    let planCells: RecognisedPlanCells
    /// Answers computed once per document (see `InterpretMemo`).
    let memo = InterpretMemo()
    /// The cross-checks' tolerances (`extract --settings`).
    let settings: InterpretSettings
    /// Garbled question codes confirmed by their catalogue text (applied to `lines` and cell pieces).
    let catalogueCodes: CatalogueCodes

    /// `mappings` is the run's ITA data, loaded once; this document gets memos of its own.
    init(normalised: NormalisedLayout, mappings: ITAMappings, settings: InterpretSettings = InterpretSettings()) {
        self.layout = normalised.layout
        self.normalised = normalised
        self.settings = settings
        self.ita = mappings.vocabulary.forOneDocument()
        self.questionTable = mappings.questionTable
        self.measureHeaders = mappings.measureHeaders
        self.yearEvidence = mappings.yearEvidence
        self.planCells = mappings.planCells
        self.catalogueCodes = mappings.catalogueCodes
        var lines: [ReadLine] = []
        // The lines over a split year its title cell may wrap over (`OCRSplitYear`).
        let titleLinesAbove = max(0, mappings.yearEvidence.scoreHeader.maximumTitleLines.value - 1)
        for (p, page) in layout.pages.enumerated() {
            for (l, line) in page.lines.enumerated() {
                let segs = line.segments.enumerated().map { s, seg in
                    let n = normalised.segments[p][l][s]
                    return ReadSegment(text: n.text, raw: seg.raw, box: seg.box, page: page.page, changes: n.changes)
                }
                // Garbled codes are repaired on OCR'd pages only: a text layer's codes are as printed.
                let read = ReadLine(page: page.page, box: line.box, segments: segs, furniture: line.furniture)
                // So are years OCR split in two words (`OCRSplitYear`); on a text layer, only a year
                // whose two runs are in two scripts (a font change inside the number).
                lines.append(page.recognised
                             ? OCRSplitYear.join(mappings.catalogueCodes.fix(read, settings), yearWords: mappings.questionTable.shortYearWords,
                                                 above: Array(lines.suffix(min(l, titleLinesAbove))))
                             : OCRSplitYear.join(read, yearWords: mappings.questionTable.shortYearWords, scriptChangeOnly: true))
            }
        }
        self.lines = lines
        var ranges: [Int: Range<Int>] = [:]
        var start = 0
        for i in lines.indices where i + 1 == lines.count || lines[i + 1].page != lines[i].page {
            ranges[lines[i].page] = start..<(i + 1)
            start = i + 1
        }
        pageLines = ranges
    }

    /// The indexes into `lines` of each page's lines (a page's lines are consecutive).
    private let pageLines: [Int: Range<Int>]

    /// The first of page `page`'s lines that `matches`: the same as `lines.firstIndex` with a page
    /// test, without scanning the pages before it (once per table row, that scan made a long
    /// document's interpret time grow with the square of its pages).
    func firstLine(onPage page: Int, where matches: (ReadLine) -> Bool) -> Int? {
        pageLines[page]?.first { matches(lines[$0]) }
    }

    /// The last of page `page`'s lines that `matches` (as `firstLine`, from the page's end).
    func lastLine(onPage page: Int, where matches: (ReadLine) -> Bool) -> Int? {
        pageLines[page]?.last { matches(lines[$0]) }
    }

    /// All tables of the document, page by page.
    var tables: [Table] { layout.pages.flatMap(\.tables) }
}
