import Foundation

/// The tolerances of the layout stage, each with the reason for its default (as pdfplumber's
/// `TableSettings` documents its `snap_tolerance`, `join_tolerance`...), grouped by the step that
/// uses it: glyph clusters, lines, words, segments, ruling lines, ruled tables, borderless
/// (stream) tables and their side-by-side groups, rows and header rows, tables going on over a
/// page break, and the structure score's joining of those. Passed to `LayoutAnalyser.analyse`
/// (and `TableStructureScore.logicalTables`) and on to every finder, never read from a global;
/// `extract --settings FILE.json` and `inspect --settings FILE.json` override them for archives
/// with unusual layouts (keys as below, an unknown key is an error; `inspect` prints them all).
///
/// Units: lengths in points unless the name says "Em" (a fraction of the font size) or "Height"
/// (a fraction of a glyph's or a line's height); "Share", "Coverage" and "Quantile" are fractions
/// (0...1); "Factor" and "Aspect" are ratios; names with "Min"/"Max" and "Lines", "Rows" or
/// "Characters", and `streamLinesPerGapCrossing`, are counts, whole numbers (`SettingRange.count`).
///
/// Not settings, on purpose: structural numbers (indexes, "two or more" where one would be no
/// table, group or split at all, the half in a midpoint or median), guards against dividing by
/// zero (a font size of at least 1 point), the text and SVG views' drawing sizes, and the digit
/// and mark classes (Unicode, not tuning).
public struct LayoutSettings: Codable, Equatable, Sendable {
    // Glyph clusters (GlyphCluster).
    /// Font size guessed from a glyph's box when the text layer gives none: Thai fonts' boxes run
    /// about 4/3 of the em (ascenders and marks), so 0.75 of the height.
    public var fontSizeFromHeight = 0.75
    /// A mark narrower than this (points) is zero-width: it may belong to the cluster before the
    /// last (poppler sorts glyphs by x, and a zero-width mark drawn at its base's advance can land
    /// after the next letter: ช ี ว ้ for ชี้ว).
    public var zeroWidthMark = 0.5
    /// Two bases overlapping vertically by more than this fraction of the lower one are on one line.
    public var markSameLineOverlapHeight = 0.5
    /// Two bases closer than this (em) touch: a zero-width mark between them may belong to either.
    public var markTouchingEm = 0.2
    /// A mark whose box lies farther than this (em) from the cluster it follows in the text layer
    /// was drawn for another base: the text layer can list a mark stacked over an upper vowel
    /// (Garuda's ์ over ิ, drawn at its base's advance) with the first glyph of its line, the row
    /// number of a table, 180 points away. Any real base-to-mark offset is under half an em.
    public var strayMarkEm = 1.0

    // Lines (LineBuilder).
    /// A cluster joins the line above when its base's centre is within this fraction of the glyph
    /// height from the line's centre: loose enough for columns whose baselines differ by a point
    /// or two, tight enough to keep the next line apart (line pitch is about 1.2 heights).
    public var lineCentreHeight = 0.35

    // Words (WordBuilder): poppler's false spaces after Thai marks leave gaps under 0.13 em, real
    // spaces 0.2 em or more (measured on LibreOffice/Laksaman pages).
    /// A gap wider than this (em) is a space between words.
    public var wordSpaceEm = 0.17
    /// A gap wider than this (em) is a space when the text layer also put a space there (and the
    /// next cluster is not a lone mark): between the false-space and real-space gaps.
    public var wordSpaceFlaggedEm = 0.15
    /// A zero-width mark hides its base's advance (up to about 0.25 em): within this gap (em) after
    /// a mark the pen only moved on past the box, no space.
    public var wordAfterMarkEm = 0.27

    // Words, digits split by a font change (WordBuilder): "๒๕๖" + "8" in two fonts is one number.
    /// Two digit runs in different fonts are one word when the gap between them is at most this
    /// (em): the font change leaves 0.20 em (LibreOffice, Laksaman to DejaVu Sans) where a real
    /// space between two numbers measured 0.32 em (Laksaman, "๒๕๖๖ ๒๕๖๗", "12 34"). Runs in one
    /// font whose digits change script at the gap join within the same gap only as a number and
    /// its decimals (`88.2` | `๑`, fresh tune 1163: the fallback font printed both), since that gap
    /// does not tell two numbers a real space apart from one.
    public var wordFontChangeDigitGapEm = 0.26
    /// ... and the second run may start up to this much (em) before the first ends: kerning across
    /// the font change, never a whole digit's overlap.
    public var wordFontChangeOverlapEm = 0.05
    /// ... and their bottoms lie within this (em) of each other: one baseline, not a digit of the
    /// line below or a superscript.
    public var wordFontChangeBaselineEm = 0.12

    // Segments (SegmentSplitter).
    /// A gap wider than this (em) between words is a column gap: a text space is 0.2-0.3 em, a gap
    /// between table columns or a score and its label a whole em or more.
    public var columnGapEm = 1.0
    // Segments of an OCR'd page (OCRColumnStarts): its columns by where words start down a table.
    /// Words starting within this (points) of the leftmost start one column: the ink-tight boxes of
    /// one left-aligned column's cells start up to 11.4 points apart on tune scan v001460 p. 7
    /// (446.3-457.7, the owners 681.0-689.5: a leading vowel or digit's side bearing, Tesseract's
    /// box); two columns' starts are a cell's width apart, 100 points or more.
    public var ocrColumnStartSpread = 12.0
    /// A column start is held by at least this many lines: two lines starting a word at one x is
    /// chance in a paragraph, three that no line between them crosses is a column.
    public var ocrColumnStartMinLines = 3.0
    /// ... after a gap of at least this fraction of the line's height: a space within a cell is
    /// 3-8 points on v001460 p. 7 (lines about 30 high), a gap between two cells 9 or more.
    public var ocrColumnStartMinGapHeight = 0.25
    /// ... and only where they part at least that many of the lines they hold into this many
    /// segments: a plan's table (5 columns); a score table's code | text | score stays as the gap
    /// splitter parts it, as on a text layer.
    public var ocrColumnStartMinColumns = 4.0
    /// ... counting only cells of at least this many Thai letters (marks, digits and Latin letters not
    /// counted): a plan's shortest cells hold two ("ได้", "ผู้มี", "ต.ค."), an unreadable score's
    /// pieces read as specks one or none ("2 a", "oT", "ร", "96.30"; tune scan v100350 p. 3).
    public var ocrColumnStartMinCellLetters = 2.0
    // A drawn vertical rule splits a line even where the gap is narrower (tight ruled cells)
    // (Rulings.verticalBetween):
    /// The rule must cross at least this fraction of the band the two words share vertically:
    /// a rule ending at the row's border, or a short tick, does not part them.
    public var segmentRulingCoverage = 0.5
    /// The rule may lie this far (points) outside the gap between the two words: a word's box
    /// touches the rule drawn right beside it (rulings are off by a point, see `rulingTolerance`).
    public var segmentRulingSlack = 1.0

    // Ruling lines (Rulings): the drawn boxes the extractor found, sorted into lines.
    /// A box is a line when it is at least this many times longer than thick; a squarer dark area
    /// is a filled rectangle (shading), not a border.
    public var rulingMinAspect = 3.0
    /// ... no thicker than this (points): the extractor keeps strokes up to 3 pixels thick, 3 points
    /// at its 72 dpi; one more point of slack.
    public var rulingMaxThickness = 4.0
    /// ... and at least this long (points): shorter specks are no borders (the extractor keeps only
    /// strokes of 18 points or more, so this only guards other sources of boxes).
    public var rulingMinLength = 4.0

    // Ruled tables (RulingGroup in GridLines, RuledTableBuilder).
    /// Lines meet, and doubled lines merge into one grid line, within this many points: rulings
    /// come from a low-resolution render, so ends and positions are off by a point or two.
    public var rulingTolerance = 3.0
    /// A group of touching lines is a table only when wider than this (points): a narrower grid is
    /// a drawn check box or mark (about 10 points), not a table of text columns.
    public var ruledMinWidth = 20.0
    /// ... and taller than this (points): less than one text line high is no table.
    public var ruledMinHeight = 8.0
    /// A grid cell's edge is drawn when lines cover at least this fraction of it; less, and the two
    /// cells beside it merge into one spanning cell. Most, not all: a render gap or a line stopping
    /// a little short of a corner still draws the edge.
    public var ruledEdgeCoverage = 0.6

    // Tables in general (StreamTableFinder, StreamContinuation).
    /// A text line belongs to a table when more than this fraction of its height lies inside the
    /// table's box: a ruled table's lines are left out of the stream search, a continued group's
    /// lines are rebuilt in its columns, a line is cut at the columns of the table (and row) it lies
    /// in (`CellPieces`), and interpret reads it as the table's row, not as a line of its own.
    /// Half: a line just touching the box is outside it.
    public var tableLineOverlapHeight = 0.5

    // Borderless tables (StreamTableFinder): regions of tabular lines, then columns and items.
    /// Gaps between lines are measured in line heights, a line counting at least this high
    /// (points): a line of small digits or lone marks would make every gap look wide.
    public var streamMinLineHeight = 8.0
    /// Two lines are one cell's wrapped text (or a score printed beside its wrapped question) when
    /// the gap between them is within this fraction of the upper line's height; a row gap is wider.
    public var streamWrapGapHeight = 0.8
    /// A one-segment line is beside its neighbour (a score next to a question) only when their
    /// left edges differ by more than this (points): lines starting together are one column's
    /// text (a short last line of a wrap), even with no overlap.
    public var streamBesideOffset = 20.0
    /// The first body line of a page may be the tail of a row broken by the page break: it may sit
    /// this far (line heights) above the next row, a row gap rather than a wrap gap.
    public var streamPageTopTailGapHeight = 1.5
    /// A vertical gap wider than this (line heights) ends a tabular region: the blank line between
    /// a table and the text after it, more than any row gap inside a table.
    public var streamRegionBreakHeight = 1.5
    /// Growing a region upwards over wrapped lines stops at this many lines: a guard, well beyond
    /// any real page's line count.
    public var streamMaxRegionLines = 400.0
    /// A region is a table only with at least this many tabular lines (split lines or a score
    /// beside its text): one split line is a label and its value, not a table.
    public var streamMinTabularLines = 2.0
    /// A segment starting more than this (points) right of the region's left edge starts a later
    /// column; wrapped lines of the first column may not run past it.
    public var streamLaterColumnOffset = 20.0
    /// Two later-column starts within this (points) are one column start: left-aligned cells
    /// start within a point or two of each other.
    public var streamColumnStartTolerance = 2.0
    /// A word crosses a column edge only when it runs more than this (points) past it on both
    /// sides; text may overhang an edge by a couple of points (the score glued to its question
    /// still starts at the edge).
    public var streamColumnEdgeSlack = 2.0
    /// A column gap is at least this wide (points) on every line of the region (but the few that may
    /// cross it): a space between words is 0.2-0.3 em, 3-4 points at 14 pt; a column gap is wider.
    public var streamMinColumnGap = 6.0
    /// A column gap may be crossed by one line in this many (spanning titles, a long cell): the
    /// gap still shows on the other lines.
    public var streamLinesPerGapCrossing = 15.0
    /// Group titles on top of a region (no digits, one line holding two or more titles) may wrap
    /// over up to this many lines; they hide the column gaps under them.
    public var streamMaxTitleLines = 3.0
    /// ... leaving at least this many lines of the region below them.
    public var streamMinLinesBelowTitles = 2.0
    /// A segment crossing a gap spans from the column of its left edge moved this far (points)
    /// right to that of its right edge moved this far left: an edge lying on a gap's bound is in
    /// the column it faces.
    public var streamSpanEdgeInset = 0.5
    /// A borderless table has at least this many rows (one side-by-side group, or a group going on
    /// over a page break, may have one): a single row is a line of text with gaps.
    public var streamMinRows = 2.0

    // Side-by-side groups in a borderless table (StreamGroups).
    /// A column holds numbers when at least this fraction of its filled data cells are numbers:
    /// most, as a score column may hold a dash or a note.
    public var groupNumberColumnShare = 0.6
    /// A number column holds scores (not row or indicator numbers) when at least this fraction of
    /// its numbers have decimals: scores are printed with decimals, row numbers never.
    public var groupDecimalColumnShare = 0.5
    /// Rows of two groups start at one height when within this (points): one table's rows share
    /// their lines' tops, within a point or two of rendering.
    public var groupRowAlignTolerance = 3.0
    /// The groups are independent lists when fewer than this fraction of a group's row starts
    /// match the first group's: one table's groups match on nearly every row.
    public var groupAlignedRowsShare = 0.7

    // Rows of a borderless table (RowGrouper).
    /// Lines of one column further apart than this many wrap pitches are in different rows: 15%
    /// over the pitch absorbs lines placed a point or so off, a row's padding is more.
    public var rowWrapPitchFactor = 1.15
    /// A block of a column's lines starting less than this (points) above the current row's end
    /// is a new row: rows touch, and boxes overshoot their line by a point.
    public var rowOverlapSlack = 1.0
    /// The wrap pitch is the smallest distance between two lines of one column that is at least
    /// this fraction of the median line height: lines of other columns printed half a line lower
    /// are not wraps.
    public var rowMinWrapPitchHeight = 0.9
    /// With no such distance, the pitch is this quantile of the distances (shortest tenth): low,
    /// as most distances are between rows, not wraps.
    public var rowFallbackPitchQuantile = 0.1
    /// On OCR'd pages, a line holding a score starts a new row when words that are not a score
    /// stand in its column on a line of the row at least this many line heights above it (a header
    /// cell over the first score): OCR's jittery line boxes make a header row and the first data row
    /// look like one wrapped row. Half a line: words on the score's own line (boxes overlapping) do not cut.
    public var recognisedScoreSplitHeight = 0.5

    // Header rows (HeaderDetector).
    /// A title row's cells are no longer than this many lines: a cell of more is body text.
    public var headerMaxLines = 3.0
    /// A second title row (years under "score") has one-line cells of at most this many characters
    /// (Unicode scalars, Thai marks included): a year or a short word, not a question.
    public var headerSubTitleMaxCharacters = 20.0
    /// A full-width row of one cell heading the rows below it (a section title) has at most this
    /// many lines: a longer one is a paragraph inside the table.
    public var headerSectionTitleMaxLines = 2.0

    // Tables going on over a page break (TableContinuation, StreamContinuation).
    /// Columns line up when every boundary is within this (points): the same grid printed on the
    /// next page, off by the render's point or two. Borderless columns end where their text ends,
    /// so there each gap between columns need only overlap the other table's gap widened by this.
    public var continuationColumnTolerance = 4.0
    /// A one-column borderless table goes on when its left edge is within this (points): its text
    /// edges differ from page to page (four times the column tolerance).
    public var continuationStreamLeftEdgeTolerance = 16.0
    /// Side-by-side tables ending (starting) within this (points) of the lowest end (highest
    /// start) on the page are one family going on together.
    public var continuationFamilyEdgeTolerance = 4.0
    /// Running headers, footers and page numbers live in this fraction of the page height at the
    /// top and bottom (`PageFurniture`): lines there do not stop a table from being first or last
    /// on its page, nor a question cell or an action plan from going on over the break.
    public var continuationPageMargin = 0.08
    /// A page number has at most this many digits (a 9,999-page bundle): a longer number in the
    /// margin is a code or a date, not page furniture.
    public var pageNumberMaxDigits = 4.0
    /// A running header or footer (`RunningLines`): a line in the top or bottom margin whose text,
    /// digits aside, is printed at the same place on at least this many pages. Three: a table's
    /// header row repeated on two pages is common, and a two-page document has no running text to
    /// learn from.
    public var runningMinPages = 3.0
    /// ... at the same distance from the page's edge within this (points): one header or footer
    /// area prints it at one place, off by a point between page sizes (a landscape plan page).
    public var runningPositionTolerance = 4.0
    /// ... and lying outside the body: ending above the highest first line of the document's pages
    /// (starting below the lowest last line), within this (points): boxes overshoot a point. A
    /// header area is above the body's margin, a table's repeated header row is the body's top.
    public var runningBodyEdgeSlack = 1.0
    /// A line is above a table when it ends at most this (points) below the table's top (below it:
    /// starts at most this above its bottom): boxes overshoot the drawn edge by up to a point.
    public var continuationEdgeSlack = 1.0
    /// On the new page, a word is in one of the old page's columns when its centre is within this
    /// (points) of it: a little slack for wider text.
    public var continuationColumnSlack = 6.0
    /// A borderless group goes on in the old page's columns only when at least this fraction of
    /// the new page's words sit in them: nearly all, a few titles may stray.
    public var continuationWordsInColumnsShare = 0.9

    // Structure score (TableStructureScore.logicalTables, for eval and inspect --gold).
    /// A table ending within this (points) of the lowest table end on its page may go on over the
    /// page break: side-by-side groups end together within the render's few points.
    public var logicalTableBottomTolerance = 4.0

    // Cell pieces (CellPieces): segments cut where a narrow gutter ran two cells together.
    /// A segment is cut where two words stand further apart than this many times the page's median
    /// space between words: the gap between two cells is still wider than a space inside a cell
    /// ("ชอบ ขั้นตอน ... 30 ก.ย." was one segment).
    public var pieceGapFactor = 1.45
    /// The median space (points) on a page with no segment of two words: a space at 12-16 pt.
    public var pieceDefaultSpace = 4.0
    /// Never cut at a gap narrower than this (points): on a tightly set page the factor alone would
    /// cut inside cells.
    public var pieceMinGap = 6.0
    /// A table's column boundary falls between two words when the left one ends at most this
    /// (points) past it and the right one starts at most this before it: boxes overshoot a point.
    public var pieceBoundarySlack = 1.0

    // A page's line pitch (LinePitch): the top-to-top distance of a cell's or paragraph's lines.
    /// The text height assumed (points) on a page with no segment of any height: a 12 pt font.
    public var pitchDefaultTextSize = 12.0
    /// The next line of a segment is looked for at most this many text heights below it: further
    /// down, the column has ended or a row's padding lies between.
    public var pitchSearchHeight = 4.0
    /// A segment below starts at the same x when within this (points): wrapped cell lines start at
    /// one indent, off by the render's point or two.
    public var pitchSameXTolerance = 3.0
    /// A step under this fraction of the text height is no line step: vertically centred cells
    /// side by side interleave their lines half a line apart.
    public var pitchMinStepHeight = 0.6
    /// With no step measured, the pitch is this many text heights (line spacing is 1.2-1.3).
    public var pitchFallbackHeight = 1.3

    // Following a cell's wrapped lines (CellWrap): the readers' question and measure cells.
    /// A wrapped line of a cell starts at the cell's x within this (points) ...
    public var wrapIndentMinimum = 4.0
    /// ... or within this fraction of the cell's first line height, when wider: a larger font's
    /// line starts drift more.
    public var wrapIndentHeight = 0.45
    /// A cell's next line is at most this many line pitches below its last one: further down lies
    /// a row's padding, the next row.
    public var wrapStepPitch = 1.3

    // Fonts whose text is glyph-id junk (the pipeline's UnreadableFonts, before layout: their
    // glyphs are left out of every page).
    /// Fonts with fewer glyphs than this are not judged: a few brackets or a rule of dashes in a
    /// font of their own are normal.
    public var unreadableFontMinGlyphs = 20.0
    /// Share of a font's glyphs that are ASCII punctuation or control characters above which its
    /// text is junk: real text, even a table of numbers, is mostly letters and digits.
    public var unreadableFontJunkShare = 0.4
    /// ... and at least this many different such characters: a row of dotted leaders (`.....`) is
    /// all punctuation but one character; glyph ids in a row are many different ones.
    public var unreadableFontMinDistinctJunk = 10.0

    public init() {}

    /// A wrapped line's start is within this (points) of the cell's x, for a first line `height`
    /// high (`wrapIndentMinimum`, `wrapIndentHeight`).
    public func wrapIndentTolerance(height: Double) -> Double { max(wrapIndentMinimum, wrapIndentHeight * height) }

    /// Each setting's valid values (`SettingRange`): a settings file outside them stops the run.
    /// Units as the names say (see the header): shares and the page margin are fractions; counts
    /// are counts; "Em", "Height", "Factor" and "Aspect" are multiples; the rest are points.
    public static let ranges: [String: SettingRange] = [
        // fraction
        "continuationPageMargin": .fraction, "continuationWordsInColumnsShare": .fraction,
        "groupAlignedRowsShare": .fraction, "groupDecimalColumnShare": .fraction, "groupNumberColumnShare": .fraction,
        "rowFallbackPitchQuantile": .fraction, "ruledEdgeCoverage": .fraction, "segmentRulingCoverage": .fraction,
        "unreadableFontJunkShare": .fraction,
        // count
        "headerMaxLines": .count, "headerSectionTitleMaxLines": .count, "headerSubTitleMaxCharacters": .count,
        "ocrColumnStartMinCellLetters": .count, "ocrColumnStartMinColumns": .count, "ocrColumnStartMinLines": .count, "pageNumberMaxDigits": .count, "runningMinPages": .repetitionCount, "streamLinesPerGapCrossing": .divisorCount, "streamMaxRegionLines": .count,
        "streamMaxTitleLines": .count, "streamMinLinesBelowTitles": .count, "streamMinRows": .count,
        "streamMinTabularLines": .count, "unreadableFontMinDistinctJunk": .count, "unreadableFontMinGlyphs": .count,
        // multiple
        "columnGapEm": .multiple, "fontSizeFromHeight": .multiple, "lineCentreHeight": .multiple,
        "markSameLineOverlapHeight": .multiple, "ocrColumnStartMinGapHeight": .multiple, "markTouchingEm": .multiple, "pieceGapFactor": .multiple,
        "pitchFallbackHeight": .multiple, "pitchMinStepHeight": .multiple, "pitchSearchHeight": .multiple,
        "recognisedScoreSplitHeight": .multiple, "rowMinWrapPitchHeight": .multiple, "rowWrapPitchFactor": .multiple,
        "rulingMinAspect": .multiple, "strayMarkEm": .multiple, "streamPageTopTailGapHeight": .multiple,
        "streamRegionBreakHeight": .multiple, "streamWrapGapHeight": .multiple, "tableLineOverlapHeight": .multiple,
        "wordAfterMarkEm": .multiple, "wordFontChangeBaselineEm": .multiple, "wordFontChangeDigitGapEm": .multiple,
        "wordFontChangeOverlapEm": .multiple, "wordSpaceEm": .multiple, "wordSpaceFlaggedEm": .multiple,
        "wrapIndentHeight": .multiple, "wrapStepPitch": .multiple,
        // points
        "continuationColumnSlack": .points, "continuationColumnTolerance": .points, "continuationEdgeSlack": .points,
        "continuationFamilyEdgeTolerance": .points, "continuationStreamLeftEdgeTolerance": .points,
        "groupRowAlignTolerance": .points, "logicalTableBottomTolerance": .points, "ocrColumnStartSpread": .points, "pieceBoundarySlack": .points,
        "pieceDefaultSpace": .points, "pieceMinGap": .points, "pitchDefaultTextSize": .points,
        "pitchSameXTolerance": .points, "rowOverlapSlack": .points, "ruledMinHeight": .points,
        "ruledMinWidth": .points, "rulingMaxThickness": .points, "rulingMinLength": .points,
        "rulingTolerance": .points, "runningBodyEdgeSlack": .points, "runningPositionTolerance": .points, "segmentRulingSlack": .points, "streamBesideOffset": .points,
        "streamColumnEdgeSlack": .points, "streamColumnStartTolerance": .points, "streamLaterColumnOffset": .points,
        "streamMinColumnGap": .points, "streamMinLineHeight": .points, "streamSpanEdgeInset": .points,
        "wrapIndentMinimum": .points, "zeroWidthMark": .points,
    ]

    /// The defaults with the `"layout"` section of a settings file applied
    /// (`{"layout": {"columnGapEm": 1.2}}`). A section not in `knownSections` (the other stages'
    /// sections are the caller's to read), an unknown key, a value that is not a number or one
    /// outside its `ranges` entry throws `LayoutSettings.Problem` naming the key, value and range.
    public static func overriding(with data: Data, file: String, knownSections: [String] = ["layout"]) throws -> LayoutSettings {
        // Say why the parser refused the file (`1e999` is valid JSON syntax but no Double), apart
        // from valid JSON that is not an object of sections.
        let parsed: Any
        do { parsed = try JSONSerialization.jsonObject(with: data) } catch {
            throw Problem(file: file, message: "not readable as JSON (\(SettingsSection.reason(error)))")
        }
        guard let sections = parsed as? [String: Any] else { throw Problem(file: file, message: "not a JSON object") }
        for key in sections.keys.sorted() where !knownSections.contains(key) {
            throw Problem(file: file, message: "unknown section '\(key)' (known: \(knownSections.joined(separator: ", ")))")
        }
        let section: [String: Double]
        do { section = try SettingsSection.values(of: "layout", in: data, ranges: ranges) } catch let e as SettingsSection.Invalid {
            throw Problem(file: file, message: e.message)
        }
        var merged = LayoutSettings().asDictionary
        merged.merge(section) { _, new in new }
        return try JSONDecoder().decode(LayoutSettings.self, from: JSONEncoder().encode(merged))
    }

    /// Every setting by name.
    public var asDictionary: [String: Double] {
        // Encoding plain numbers cannot fail.
        let data = try! JSONEncoder().encode(self)
        return try! JSONDecoder().decode([String: Double].self, from: data)
    }

    /// A settings file that cannot be used.
    public struct Problem: Error, CustomStringConvertible {
        public var file: String
        public var message: String
        public var description: String { "\(file): \(message)" }
    }
}
