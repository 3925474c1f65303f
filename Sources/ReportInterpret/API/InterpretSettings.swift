import Foundation
import PageLayout

/// The tolerances of the interpret stage's cross-checks, each with the reason for its default, as
/// `LayoutSettings` does for layout. Passed to `ReportInterpreter.interpret`, never read from a
/// global; `extract --settings FILE.json` and `inspect --settings FILE.json` override them
/// (`{"interpret": {"questionMeanTolerance": 0.03}}`, an unknown key is an error). The
/// cross-checks' tolerances are in points (a score's unit, 0-100); the readers' geometry, below, in
/// page points and line pitches (see there). Every setting declares its valid values (`ranges`).
///
/// The two score tolerances default to the framework's own, per year, in
/// Mappings/ita/tool-weights.json (2568 needs a wider one than 2566: see that file); a setting here
/// replaces it for every year. A negative tolerance fails every check, so that each check prints
/// its message with its computed number (the rerun test, Scripts/test-rerun.sh, compares those).
public struct InterpretSettings: Codable, Equatable, Sendable {
    /// How far an indicator's printed score may be from the exact mean of its printed questions
    /// (IIT, OIT) before `indicator_mean_mismatch`; nil: tool-weights.json's
    /// `questionMeanTools.tolerance` (0.02: the questions and the indicator are each rounded to
    /// two decimals).
    public var questionMeanTolerance: Double?
    /// How far the printed overall score may be from the tools' weighted means before
    /// `overall_weighted_mismatch`; nil: the assessment year's `tolerance` in tool-weights.json.
    public var overallWeightedTolerance: Double?
    /// An indicator table with no caption is the assessment year's when its weighted tool means
    /// give the printed overall score within this (or the year's overall tolerance, if wider): looser
    /// than the check, since a table's ten scores are rounded and some reports weight from unrounded
    /// ones (seed tables landed within 0.05).
    public var tableYearTolerance = 0.06
    /// The document's only OCR'd indicator table takes the assessment year by elimination
    /// (`OnlyIndicatorTable`) only with at least this share of the indicators read: each unread one
    /// may be anything from 0 to 100, and with fewer read the range they leave admits almost any
    /// overall score, so the check would say nothing.
    public var onlyTableMinReadShare = 0.5
    /// A score (rounded to two decimals) still fits a band whose printed maximum it equals: this
    /// slack absorbs binary floating-point error only, under half a hundredth so that 85.00 never
    /// fits a band ending at 84.99.
    public var ratingBandSlack = 0.0049

    // Geometry of the readers: how text is followed down a page and across a page break. Lengths in
    // points unless the name says "Pitch" (line pitches of the page, `LinePitch`), "Height" (a
    // fraction of a line's or segment's height), "Share" (a fraction of what the comment says);
    // "Segments", "Characters", "Digits" and "Columns" are counts. How a page's text is cut and
    // its pitch measured is layout's (`LayoutSettings`).

    // Following a cell's wrapped lines is layout's (`CellWrap`: `wrapIndentMinimum`,
    // `wrapIndentHeight`, `wrapStepPitch` are `LayoutSettings`).

    // Paragraphs (TextBlocks).
    /// A line of several segments still belongs to the paragraph (justified prose the layout split
    /// at a wide word gap) when it starts within this (points) of the paragraph's first line ...
    public var paragraphIndentTolerance = 20.0
    /// ... and has at most this many segments: a table row has more.
    public var paragraphMaxSegments = 3.0
    /// A vertical gap wider than this many line heights ends a paragraph: a blank line between.
    public var paragraphGapHeight = 1.2
    /// A sentence of a paragraph ends at a line when the paragraph's next line starts more than
    /// this (points) right of it: a centred title or an indented new paragraph follows. A wrapped
    /// sentence's lines start within a few points of each other; an indent is a tab stop or more
    /// (the same 20 points as `paragraphIndentTolerance`, a different question: that one keeps a
    /// split line in its paragraph, this one ends a sentence inside it).
    public var sentenceNextLineIndent = 20.0
    /// A sentence read across a page break (PageBreakSentence) passes a line in the page's margin
    /// that stands more than this many line pitches from the line further in: a running header or
    /// footer. A margin line at the text's own step is the text's (a rating printed at the top of
    /// the next page, in its top margin). The same 1.3 pitches as layout's `wrapStepPitch`, a different
    /// question: that one follows a cell's wrapped lines down, this one tells furniture from text.
    public var marginLineStepPitch = 1.3

    // A contents page (ContentsList).
    /// Indicators listed with whole numbers that rise down the list, at least this many, are a
    /// contents page's page numbers, not scores: fewer can rise by chance (OIT scores `0`, `100`).
    public var contentsListMinEntries = 3.0
    /// A contents entry's dotted leaders are a run of at least this many leader characters: an
    /// ellipsis (`...`) is three and an abbreviation's dots (`ต.ค.`) stand apart, while leaders run
    /// across much of the line.
    public var contentsLeaderMinRun = 5.0

    // Question rows (QuestionPageReader, QuestionYearColumns).
    /// A row's score may sit this many line pitches below the row's last text line: a vertically
    /// centred score of a short row hangs a little lower.
    public var scoreBandBelowPitch = 0.3
    /// ... and start this many line pitches above the code's line (a centred score of a tall row).
    public var scoreBandAbovePitch = 0.4
    /// The band ends this far (points) above the next cell in the code's column, so that the next
    /// row's first line is outside it.
    public var scoreBandNextCellGap = 0.5
    /// A score may start this far (points) left of the question text's right edge: boxes overshoot
    /// their glyphs by up to a point.
    public var scoreTextEdgeSlack = 1.0
    /// Two candidate scores starting within this (points) of each other are in one column, where
    /// the upper one is the row's.
    public var scoreSameColumnTolerance = 2.0
    /// A whole number shares a column with a text cell when they overlap horizontally by more than
    /// this fraction of the narrower one (a wrapped text cell's lines start at one edge; a score is
    /// centred).
    public var scoreColumnOverlapShare = 0.5
    /// Score cells of other rows that must start inside a text line's span before a whole number
    /// run into that line's end is read as its row's score (`QuestionPageReader.gluedWholeScore`):
    /// one cell may be a stray number under a long line; two make a column of scores.
    public var gluedScoreColumnEvidence = 2.0
    /// With a single year column there is no spacing to halve for a score's reach: this (points)
    /// stands in for it, about a score column's width.
    public var yearColumnDefaultSpacing = 40.0
    /// A change column's title ("เพิ่มขึ้น/ลดลง") may wrap up to this many line pitches above the
    /// year line ...
    public var yearTitleAbovePitch = 2.5
    /// ... and this many below it.
    public var yearTitleBelowPitch = 1.2
    /// A change title whose centre is within this fraction of the score reach of a column already
    /// found is that title's wrapped line, not another column.
    public var changeTitleSameColumnShare = 0.5

    // A question cell cut by a page break (QuestionPageBreak).
    /// Question texts (and a continuation's first line) within this (points) of each other in x
    /// are one column: one table's cells start at one indent, off by the render's few points.
    public var breakColumnTolerance = 4.0
    /// The question is the last thing on its page when no line (but page furniture) starts more
    /// than this many line pitches below its row.
    public var breakBelowPitch = 0.5
    /// Running headers, footers and page numbers live in this fraction of the page height at the
    /// top and bottom: lines there neither end a page's text nor start the next page's; page
    /// numbers (`PageFurniture`) in the layout's wider margins do not either. (Narrower than the
    /// layout's `continuationPageMargin`: a body that starts high must keep its first line.)
    public var breakPageMargin = 0.05
    /// A question column narrower than this fraction of the page's text width is a table cell ...
    public var breakNarrowColumnShare = 0.6
    /// ... and its last line is unfinished when it reaches the cell's right edge within this
    /// fraction of the cell's width (a finished sentence's last line stops short).
    public var breakLastLineShare = 0.35
    /// The continued lines stay inside the cell: they end at most this (points) past its text's
    /// right edge (a word printed wider), or before the score column.
    public var breakCellOverrun = 8.0
    /// A box lies in the question's column when it overlaps the code-to-text span widened by this
    /// (points) each side, and ends this far before a score column: boxes overshoot.
    public var breakCellEdgeSlack = 2.0
    /// After the continued text, the next cell in the code's column is looked for this many line
    /// pitches down: further, the table has ended.
    public var breakCodeSearchPitches = 3.0

    // Action-plan tables (MeasureReader, MeasureHeaderBand, MeasureRowSplitter, MeasureHeaderVocabulary).
    /// How far apart (in line pitches, or in the band's widest step so far) two lines of one
    /// header band may be: a wrapped header word is one pitch below, with a little slack.
    public var headerBandLineReach = 1.6
    /// How far (share of the group line's height) a lower header line may reach up into the group
    /// line and still count as under it: glyph boxes of adjacent lines touch (tall marks, descenders).
    public var headerGroupLineOverlap = 0.3
    /// A header cell is header wording when vocabulary words make up at least this share of its
    /// letters (half: a header's own gloss may add words the vocabulary lacks).
    public var headerWordingCoverage = 0.5
    /// A header line's cell holds at most this many characters (no whitespace): about two of
    /// measure-headers.json's phrases (the longest is 31 letters) or one with its gloss; a body
    /// cell's sentence is longer.
    public var headerCellMaxCharacters = 60.0
    /// A wrapped header line that is not itself header wording ("วิธีการนำผลวิเคราะห์ไปสู่การ") holds
    /// at most this many characters: the rest of one phrase, about the longest phrase's length.
    public var headerWordPieceMaxCharacters = 30.0
    /// A piece of a header word cut by a page break ("ระยะ", "ดำเนิน", "ชอบ") holds at most this many
    /// characters: a word's tail, shorter than any body line under a repeated header.
    public var headerShortPieceMaxCharacters = 10.0
    /// A body line segment runs across a header cell when it covers more than this share of the
    /// cell's width ...
    public var headingColumnCoverShare = 0.5
    /// ... counted up to this width (points), so that a wide column is crossed by a short run too ...
    public var headingNarrowColumn = 40.0
    /// ... and across at least this many header cells it is prose or a heading, not a cell.
    public var headingMinColumns = 3.0
    /// Two body lines of one plan column are one cell's wrapped lines when their tops are at most
    /// this many line pitches apart ...
    public var planRowBreakPitch = 1.1
    /// The plan's own line pitch (measured on its lines, `MeasureRowSplitter`) replaces the page's
    /// when smaller, but never below this share of the page's: a plan set in a smaller font than
    /// the page's prose steps at about 12/16 of it, while a measured step much smaller than that is
    /// a measuring slip (marks or superscripts taken for lines) that would cut every wrapped cell
    /// into rows.
    public var planOwnPitchMinShare = 0.6
    /// ... plus this (points): lines placed half a point off their pitch.
    public var planRowBreakSlack = 0.5
    /// A word of the layout's line belongs to a segment read from that line (cut at a plan's
    /// header columns, `MeasureCellPieces`, `HeaderWordCuts`) when its middle lies within this
    /// (points) of the segment's ends: boxes are rounded differently on the two sides (half a
    /// point, as `planRowBreakSlack` allows vertically, a separate tolerance).
    public var planWordInSegmentSlack = 0.5
    /// A gap of more than this many line pitches between two body lines ends the plan: prose or
    /// another table follows.
    public var planEndGapPitches = 3.0
    /// A plan cell's text starts within this (points) of where the column's other cells start:
    /// cell text is left-aligned, up to glyph side bearings.
    public var planColumnStartTolerance = 2.0
    /// Lines whose cells start at a column's x before a word there counts as starting a cell (a
    /// word reaching past a narrow, centred header text on one line is no cell start).
    public var planColumnStartEvidence = 2.0
    /// What the header cell's own text counts for as such a line when it starts at the same x (a
    /// left-aligned header over left-aligned cells): one line's worth, as it is one more printed
    /// text starting there; a plan of one row per page has few body lines to show it (seed 526).
    public var planHeaderStartEvidence = 1.0
    /// A table found right below the plan's ruled frame is the plan's own grid (a row the page
    /// break cut, with no bottom rule, found as a borderless table) when its columns start inside
    /// distinct columns of the frame, up to this (points) either side: glyph boxes overshoot rules.
    public var planGridSlack = 2.0
    /// ... and when it starts at most this many line pitches below the frame's last rule: the cut
    /// row follows the rule as the next line would.
    public var planGridGapPitches = 1.0
    /// A borderless table below the frame is the plan's grid only with at least this many columns:
    /// one column is text under the plan (a note, a signature), not a row cut from its cells.
    public var planGridMinColumns = 2.0
    /// A segment overlapping the header text of at least this many columns crosses a cell border
    /// (a body cell lies inside one column): two, as one border lies between two columns.
    public var straddleMinColumns = 2.0
    /// A header line naming one column only may open a plan header when it has at least this many
    /// cells: narrow columns wrap header words so that no line names two (three cells: seeds 213, 214).
    public var headerOneRoleMinCells = 3.0
    /// ... and when the header it opens leaves at most this many columns unnamed: a body line
    /// reads as header only when nearly every cell names a column.
    public var headerOneRoleMaxUnnamedColumns = 1.0

    // Reading-order reach, in lines (of `DocumentReader.lines`) or rows (table rows and the lines
    // outside tables, `IndicatorRows`): how far apart the parts of one printed thing may be.
    /// A multi-year header gives its year columns to a row with one score up to this many rows
    /// below it (a long indicator table's header is far above its last rows).
    public var yearHeaderReachRows = 40.0
    /// Prose more than this many rows below a multi-year header ends that table (wrapped names and
    /// tool labels nearer do not).
    public var yearHeaderProseRows = 6.0
    /// An indicator row more than this many lines below the previous row's last line starts
    /// another table (a row with a wrapped tool cell is 4-5 lines tall).
    public var indicatorTableGapLines = 6.0
    /// A wrapped label cell and the line of its scores are at most this many lines (rows) apart.
    public var labelScoreLines = 2.0
    /// A multi-year header cell wrapped onto its own line ("คะแนน ปี พ.ศ." over "2566", beside
    /// one-line cells "ปีงบประมาณ 2565 | คะแนนปี 2567") is at most this many lines from the header's
    /// main line: the next line of the header band, never a caption further off.
    public var yearHeaderWrapLines = 1.0
    /// An indicator table starting at most this many lines after the sentence giving the overall
    /// score is that score's year's.
    public var tableAfterScoreLines = 8.0
    /// A caption naming the table's year is looked for this many lines above it.
    public var tableCaptionLines = 4.0
    /// A rating within this many lines of the overall score's block is the score's rating (a
    /// headline block: score, band, rating).
    public var ratingNearScoreLines = 3.0

    // Windows of the prose readers (HeadlineFinder, ProseIndicators, YearFinder): how far from a cue
    // or a number the words that qualify it are looked for, in Unicode scalars of the printed text
    // (marks and spaces included), or in key characters (`KeyedText`: no marks, no spaces) where
    // the name says "KeyCharacters".
    /// An overall-score cue is an indicator's or a tool's score when the indicator word stands at
    /// most this many scalars before it (a sentence's subject, "ตัวชี้วัด ... มีคะแนน").
    public var overallCueIndicatorWindow = 60.0
    /// Scalars after an overall score where the points word and a threshold phrase
    /// ("คะแนน ขึ้นไป": a band's bound, not a score) are looked for: both words with a space between.
    public var overallThresholdWindow = 30.0
    /// Scalars after a rank number where its follower ("ของ", "จาก") is looked for: the
    /// word right after the number, with room for a unit word between.
    public var rankFollowerWindow = 20.0
    /// A year printed at most this many scalars before a headline value (score, rating, rank) is
    /// that value's year: the same paragraph, a few sentences back.
    public var headlineYearWindow = 400.0
    /// A whole number in a prose indicator sentence is a score when the points word starts within
    /// this many scalars after it (the word itself, read with `hasPrefix`): longer than any
    /// points word.
    public var prosePointsWordWindow = 12.0
    /// A prose indicator score's cue ("ได้", "คะแนน") is looked for in the last this many key
    /// characters before the score: the words introducing it, not the indicator's name.
    public var proseScoreCueKeyCharacters = 12.0
    /// ... or the points word in this many scalars after it (read with `hasPrefix`).
    public var prosePointsAfterWindow = 10.0
    /// A year printed at most this many scalars before an indicator's mention in prose is that
    /// score's year: the same sentence or the one before (nearer than a headline's reach).
    public var proseYearWindow = 200.0
    /// Scalars after an indicator's number compared with the indicator's printed names:
    /// longer than the longest name in indicators.json.
    public var proseNameWindow = 80.0
    /// A cue window given in key characters (report-cues.json's `yearCueWindow`,
    /// `ratingMaxDistance`) is cut from this many times as many scalars of the text, then trimmed
    /// to its key characters: a Thai key character carries a mark or a space beside it at most.
    public var cueWindowScalarsPerKeyCharacter = 2.0
    /// A law's name (year-evidence.json's `lawNameMaxDistance`, key characters) is looked for in this
    /// many times as many scalars before its year: a key character with two marks (a vowel and a
    /// tone mark) is three scalars.
    public var lawNameScalarsPerKeyCharacter = 3.0

    // Matching printed text against the data on OCR'd pages (CatalogueCodes,
    // QuestionTextConfirmation, RecognisedIndicatorLabel). Similarities are shares 0-1; lengths
    // count key characters (`KeyedText`: marks are not keys) unless the name says otherwise.
    /// A token before a question's text longer than this (characters) is a word, not a misread
    /// code (`i[1`, `o12.` are at most 4).
    public var catalogueCodeMaxTokenCharacters = 4.0
    /// A row's text must give this many key characters to be compared with a catalogue: fewer
    /// match too many questions (`เจ้าหน้าที่` opens a dozen).
    public var catalogueMinKeyCharacters = 12.0
    /// Key characters compared at most: a row's first line (a question's text wraps after 40-70).
    public var catalogueMaxKeyCharacters = 60.0
    /// Share of the compared key characters that must match (1 - edit distance / length): OCR of a
    /// 150 dpi scan keeps 85-95% of a line's key characters (upper marks are not in the key).
    public var catalogueMinSimilarity = 0.75
    /// The best code must beat every other code by this much: i1's and i2's texts share their
    /// first 40 key characters, and a near tie is no confirmation.
    public var catalogueMinMargin = 0.08
    /// Rows whose printed text names a question its code numbers under the same indicator in one
    /// framework only (`QuestionFrameworkProof`) that prove that framework with no code proving it:
    /// one row's misread code can land its text under the other framework's numbering by chance,
    /// two rows independently rarely do.
    public var frameworkMinTextRows = 2.0
    /// Evidence for another framework (rows by text, codes only it lists) above this share of the
    /// proven one's leaves the framework unproven: a few misread codes may fit the other numbering,
    /// more than one in four is a document the evidence does not settle. Contrary evidence counts
    /// only when it is at least `frameworkMinTextRows` (what a proof needs): one stray row is none.
    public var frameworkMaxContraryShare = 0.25
    /// A catalogue text too short for a similarity share (OIT items: "โครงสร้าง", "Q&A") confirms
    /// a row's code when the printed text starts with it at most this many edits apart: OCR drops
    /// a mark or a letter, and the short names of two items differ by more.
    public var questionShortNameMaxEdits = 1.0
    /// An OCR'd row's name cell names an indicator when it matches that indicator's name at least
    /// this well (Dice of bigrams, `ITAVocabulary.similarity`): OCR drops upper marks and confuses
    /// a letter or two; 0.8 keeps such names and no other indicator's.
    public var recognisedNameMinSimilarity = 0.8
    /// ... and the next best indicator at most this well: names sharing "การใช้" (the budget, the
    /// authority and the property indicators) must not be taken for each other.
    public var recognisedNameMaxRunnerUp = 0.6
    /// A number cell beside such a name holds at most this many characters: one or two digits as
    /// misread ("๕", "ol", "10").
    public var recognisedNumberMaxCharacters = 2.0
    /// The name cell's text is at most this many times as long as the name it matches (OCR adds a
    /// stray mark or letter; a question's text is several times longer) ...
    public var recognisedNameMaxLengthRatio = 1.3
    /// ... and at least this share of it: a fragment cut off by a wrap or a column ("การปฏิบัติ" of
    /// "การปฏิบัติหน้าที่") matches by the similarity's prefix bonus; OCR loses a letter or two, not
    /// a quarter of the name.
    public var recognisedNameMinLengthRatio = 0.75
    /// An OCR'd plan period may name a year this many years before the plan year, or the plan
    /// year itself (`RecognisedPlanCells`): a plan for 2568 runs from the fiscal year that starts in
    /// October 2567; any other year read there is a misread digit.
    public var planPeriodYearsBefore = 1.0
    /// An OCR'd plan text cell with a Latin word this short or shorter, not all capitals and with no
    /// Latin word beside it (`ae`, `Ti` among Thai words), is OCR's reading of a broken glyph
    /// (`RecognisedPlanCells`): printed Latin words stand in phrases (`No Gift Policy`) or are
    /// acronyms (`IT`); no tune or Corpus gold plan cell has a shorter one.
    public var ocrLoneLatinMaxLetters = 2.0
    /// A word of an OCR'd year-header cell made of at most this many Latin letters (and marks beside
    /// them), with no Thai letter and no digit, is a speck Tesseract read from dirt or a broken glyph
    /// (`IndicatorRows.isSpeckWord`; `x คะแนนปีิ 2567` on tune scan v002200): the specks seen are one
    /// letter; two would take a printed acronym (`IT`) for one.
    public var ocrHeaderSpeckMaxLetters = 1.0
    /// An OCR'd plan whose issue (or steps) cells open with a list number or question code, at least
    /// this many of them and most, has every such cell numbered (`RecognisedPlanCells`): one that is
    /// not is cut from its start. Two: one numbered cell alone may be a cell's own list.
    public var ocrListEvidenceCells = 2.0
    /// An OCR'd plan word (a month, a period word, an office name) reads as a vocabulary entry it
    /// differs from by lost, added or swapped marks or two neighbouring characters in the wrong
    /// order, at most this share of the entry's scalars (at least one edit) and only when no other
    /// entry is as near (`OCRPlanWordMatch`): OCR loses a mark or two of a word, not one in five
    /// (`ก.ุย.` 1 of 4, `กองการเจ้าหน้าที` 1 of 17).
    public var ocrVocabularyEditShare = 0.2

    // Naming an indicator (IndicatorRows, ITAVocabulary.similarity, MeasureIndicator).
    /// One name a prefix of the other is a near match (a name cut by a wrapped cell) when the
    /// shorter has at least this many key characters: a shorter prefix is an opening word several
    /// indicators' names share ("การใช้").
    public var namePrefixMinCharacters = 6.0
    /// ... and such a match scores this: under an exact spelling's 1, over the shares the matches
    /// are held to (`labelMinNameSimilarity`, `recognisedNameMinSimilarity`), so a cut name still
    /// names its indicator.
    public var namePrefixSimilarity = 0.9
    /// A text-layer row's label names its indicator when its printed name matches that indicator's
    /// names at least this well (Dice of bigrams): the label's number must name the same indicator
    /// too, so half the bigrams (a name abbreviated or reworded) is enough.
    public var labelMinNameSimilarity = 0.5
    /// A row's label may follow at most this many leading cells (a tool's category name, wrapped
    /// over cells: "แบบวัดการเปิดเผย"); text further right is another column's.
    public var labelMaxLeadingCells = 2.0
    /// An action-plan issue names its indicator by the indicator word ("ตัวชี้วัดที่ ๑") only when the
    /// word starts within this many characters of the issue (spaces squeezed out): a bullet, a
    /// bracket or an item number ("1.") may come first; further in, a sentence cites an indicator.
    public var planIndicatorWordMaxOffset = 3.0

    // Scores read by OCR, checked by where they stand (the pipeline's `OCRScoreRow`, after interpret).
    /// A question row's own lines hold at most this many times its catalogue text's key characters:
    /// OCR adds letters (specks, a border read as a letter), and a neighbour's line adds a
    /// question's worth.
    public var ocrOwnTextSlack = 1.2
    /// Share of the lower height a segment must share with a row's band to stand beside it: a
    /// wrapped text's line shares most of the code's line, the line above or below little.
    public var ocrBesideOverlap = 0.5
    /// How far (in the beside segment's heights) above and below the row's band its text is looked
    /// for: a four-line question set in the middle of its cell starts two lines above its code.
    public var ocrBesideReachLines = 3.0
    /// Thai-digit numbers an OCR'd page needs before its ASCII readings are held unchecked: one
    /// could be a misread of an ASCII page's number.
    public var ocrThaiDigitPageMinimum = 2.0
    /// Share of an OCR'd page's numbers in Thai digits from which it counts as printed in Thai
    /// digits: a page mixing the two scripts prints about half of each and has no one script
    /// (measured on the tune scans: a share of 0.2 dropped 12 right ASCII scores of mixed-digit
    /// pages, and no wrong one); on a Thai-digit page Tesseract's ASCII misreads stay a minority.
    public var ocrThaiDigitPageShare = 0.75
    /// Other scores (of its year and its row, above 0 and below 100) an unchecked OCR'd score is
    /// compared with before its fewer digits say OCR lost one (`OCRLostDigit`): one other may be an
    /// odd row; on the tune and Corpus gold two or three flag the same (one right score of 16,845),
    /// and two reach scans whose rows OCR mostly left unread (tune scan v000250: 5.95 for 92.78).
    public var ocrLostDigitMinPeers = 2.0
    /// Rows a chain of code tokens on an OCR'd page must hold before their order confirms their
    /// codes (`QuestionCodeChain`): two rows that read consecutive numbers may be a coincidence of
    /// two garbled tokens; three in a column, one of them printing the tool's letter, are a
    /// question table's order (tune scan v001460-scan200: i9, `[๑๐`, `ie`, `[1๒`, ...).
    public var ocrCodeChainMinRows = 3.0
    /// Tokens of a chain that must name its tool (print its letter, or a look-alike at a number only
    /// that tool has) before the chain's rows take that tool's codes: digits name no tool, so with
    /// one naming token a single misread letter (OCR reads e as `O`, `6`, `๐`) would file a whole
    /// EIT column (`63`, `O4`, `65`, `66`) under OIT's codes; two independent misreads to the same
    /// other tool in one chain are what this rules out (review18).
    public var ocrCodeChainMinNamingTokens = 2.0
    /// Tokens reading consecutive numbers each side of a one-row gap must hold before the gap is
    /// bridged (`QuestionCodeChain`): OCR misreads one Thai digit of a code (tune scan
    /// v001452-scan200 reads o4 as `๐๕` between `๐๓` and `๐๕`), or leaves one row's code unread,
    /// and the count stops there; two rows each side agreeing with the catalogue's order across
    /// the gap are the table's count (one row each side could be two coincidences).
    public var ocrCodeChainBridgeMinSideRows = 2.0
    /// The step over a row OCR left unread, in the shortest step between two rows of the chain
    /// beside it, before the gap counts as room for a row (`QuestionCodeChain`): a row left out adds
    /// its own step, at least the shortest, so the step over it is about twice the shortest; 1.5
    /// lies halfway between one row's step and two (rows of one table wrap alike on the tune scans).
    public var ocrCodeChainGapMinSteps = 1.5
    /// Tokens in a row that a chain may read under the known digit misreadings (or as wildcards)
    /// between two tokens read as printed (`QuestionCodeChain`): the two read ones pin the count,
    /// so the rows between are the numbers between. Tune scans v001452-scan200 pp. 5-10 and
    /// held-out scans7 v100351-scan200 p. 8 (Laksaman-like faces: ๔, ๘, ๙ read ๕) show runs of 2
    /// to 4 such tokens; a longer run is too loose a count to trust.
    public var ocrCodeChainMaxMisreadRows = 4.0

    // What a document yields for its pages (the pipeline's `DocumentYield`, after interpret: too
    // little makes it `partial` with `little_read`).
    /// Documents with fewer pages of text are not judged: a letter or a notice may give all its
    /// values on one page.
    public var yieldMinTextPages = 4.0
    /// Share of the text pages that gave a value under which a document yields much less than its
    /// pages promise: the hand-checked Corpus reports give 0.42 (s003: 10 of 24 pages, the rest
    /// prose) to 1; a 21-page report whose body font lost its text gave 1 of 21.
    public var yieldMinValuePageShare = 0.2
    /// A year's questions (against the catalogue of the framework their codes follow) or
    /// indicators (against the ten) below this share make the document `partial`: most of the
    /// section was not read (a scan whose codes OCR mangled kept 3 of 88). Real reports leave out a
    /// few OIT items (seed 000 prints 87 of 88, seed 002 87, the generated 2568 reports 44 of 59),
    /// never half. Questions are warned of only below it; indicators, of which every report prints
    /// all ten for each year it shows, whenever one is missing.
    public var sectionReadMinShare = 0.5
    /// Pages between two rows of one table that still belong to it: one long plan row (measure,
    /// steps, owner) runs over two or three pages.
    public var yieldMaxRowGapPages = 3.0

    public init() {}

    /// A window in scalars read per key character of a cue's distance: at least the key character
    /// itself, at most ten (no Thai cluster has more marks).
    static let scalarsPerKey = SettingRange(1...10, "scalars per key character")
    /// Years a plan period may reach back: a plan is for one fiscal year, a century is no plan.
    static let years = SettingRange(0...100, "years")

    /// The readers' settings (geometry, reading-order reach, catalogue matching, the OCR checks), by
    /// name, each with its valid values (`SettingRange`): every one a number, overridable as the others.
    static let geometry: [(key: String, path: WritableKeyPath<InterpretSettings, Double>, range: SettingRange)] = [
        ("breakBelowPitch", \.breakBelowPitch, .multiple),
        ("breakCellEdgeSlack", \.breakCellEdgeSlack, .points),
        ("breakCellOverrun", \.breakCellOverrun, .points),
        ("breakCodeSearchPitches", \.breakCodeSearchPitches, .multiple),
        ("breakColumnTolerance", \.breakColumnTolerance, .points),
        ("breakLastLineShare", \.breakLastLineShare, .fraction),
        ("breakNarrowColumnShare", \.breakNarrowColumnShare, .fraction),
        ("breakPageMargin", \.breakPageMargin, .fraction),
        ("catalogueCodeMaxTokenCharacters", \.catalogueCodeMaxTokenCharacters, .count),
        ("catalogueMaxKeyCharacters", \.catalogueMaxKeyCharacters, .count),
        ("catalogueMinKeyCharacters", \.catalogueMinKeyCharacters, .count),
        ("catalogueMinMargin", \.catalogueMinMargin, .fraction),
        ("catalogueMinSimilarity", \.catalogueMinSimilarity, .fraction),
        ("changeTitleSameColumnShare", \.changeTitleSameColumnShare, .fraction),
        ("contentsLeaderMinRun", \.contentsLeaderMinRun, .repetitionCount),
        ("contentsListMinEntries", \.contentsListMinEntries, .repetitionCount),
        ("cueWindowScalarsPerKeyCharacter", \.cueWindowScalarsPerKeyCharacter, scalarsPerKey),
        ("frameworkMaxContraryShare", \.frameworkMaxContraryShare, .fraction),
        ("frameworkMinTextRows", \.frameworkMinTextRows, .repetitionCount),
        ("gluedScoreColumnEvidence", \.gluedScoreColumnEvidence, .count),
        ("headerBandLineReach", \.headerBandLineReach, .multiple),
        ("headerCellMaxCharacters", \.headerCellMaxCharacters, .count),
        ("headerGroupLineOverlap", \.headerGroupLineOverlap, .fraction),
        ("headerOneRoleMaxUnnamedColumns", \.headerOneRoleMaxUnnamedColumns, .count),
        ("headerOneRoleMinCells", \.headerOneRoleMinCells, .count),
        ("headerShortPieceMaxCharacters", \.headerShortPieceMaxCharacters, .count),
        ("headerWordPieceMaxCharacters", \.headerWordPieceMaxCharacters, .count),
        ("headerWordingCoverage", \.headerWordingCoverage, .fraction),
        ("headingColumnCoverShare", \.headingColumnCoverShare, .fraction),
        ("headingMinColumns", \.headingMinColumns, .count),
        ("headingNarrowColumn", \.headingNarrowColumn, .points),
        ("headlineYearWindow", \.headlineYearWindow, .count),
        ("indicatorTableGapLines", \.indicatorTableGapLines, .count),
        ("labelMaxLeadingCells", \.labelMaxLeadingCells, .count),
        ("labelMinNameSimilarity", \.labelMinNameSimilarity, .fraction),
        ("labelScoreLines", \.labelScoreLines, .count),
        ("lawNameScalarsPerKeyCharacter", \.lawNameScalarsPerKeyCharacter, scalarsPerKey),
        ("marginLineStepPitch", \.marginLineStepPitch, .multiple),
        ("namePrefixMinCharacters", \.namePrefixMinCharacters, .count),
        ("namePrefixSimilarity", \.namePrefixSimilarity, .fraction),
        ("ocrBesideOverlap", \.ocrBesideOverlap, .fraction),
        ("ocrBesideReachLines", \.ocrBesideReachLines, .multiple),
        ("ocrCodeChainBridgeMinSideRows", \.ocrCodeChainBridgeMinSideRows, .repetitionCount),
        ("ocrCodeChainGapMinSteps", \.ocrCodeChainGapMinSteps, .multiple),
        ("ocrCodeChainMaxMisreadRows", \.ocrCodeChainMaxMisreadRows, .repetitionCount),
        ("ocrCodeChainMinNamingTokens", \.ocrCodeChainMinNamingTokens, .count),
        ("ocrCodeChainMinRows", \.ocrCodeChainMinRows, .repetitionCount),
        ("ocrListEvidenceCells", \.ocrListEvidenceCells, .count),
        ("ocrLoneLatinMaxLetters", \.ocrLoneLatinMaxLetters, .count),
        ("ocrHeaderSpeckMaxLetters", \.ocrHeaderSpeckMaxLetters, .count),
        ("ocrLostDigitMinPeers", \.ocrLostDigitMinPeers, .peerCount),
        ("ocrOwnTextSlack", \.ocrOwnTextSlack, .multiple),
        ("ocrThaiDigitPageMinimum", \.ocrThaiDigitPageMinimum, .count),
        ("ocrThaiDigitPageShare", \.ocrThaiDigitPageShare, .fraction),
        ("ocrVocabularyEditShare", \.ocrVocabularyEditShare, .fraction),
        ("onlyTableMinReadShare", \.onlyTableMinReadShare, .fraction),
        ("overallCueIndicatorWindow", \.overallCueIndicatorWindow, .count),
        ("overallThresholdWindow", \.overallThresholdWindow, .count),
        ("paragraphGapHeight", \.paragraphGapHeight, .multiple),
        ("paragraphIndentTolerance", \.paragraphIndentTolerance, .points),
        ("paragraphMaxSegments", \.paragraphMaxSegments, .count),
        ("planColumnStartEvidence", \.planColumnStartEvidence, .count),
        ("planColumnStartTolerance", \.planColumnStartTolerance, .points),
        ("planEndGapPitches", \.planEndGapPitches, .multiple),
        ("planGridGapPitches", \.planGridGapPitches, .multiple),
        ("planGridMinColumns", \.planGridMinColumns, .count),
        ("planGridSlack", \.planGridSlack, .points),
        ("planHeaderStartEvidence", \.planHeaderStartEvidence, .multiple),
        ("planIndicatorWordMaxOffset", \.planIndicatorWordMaxOffset, .count),
        ("planOwnPitchMinShare", \.planOwnPitchMinShare, .fraction),
        ("planPeriodYearsBefore", \.planPeriodYearsBefore, years),
        ("planRowBreakPitch", \.planRowBreakPitch, .multiple),
        ("planRowBreakSlack", \.planRowBreakSlack, .points),
        ("planWordInSegmentSlack", \.planWordInSegmentSlack, .points),
        ("proseNameWindow", \.proseNameWindow, .count),
        ("prosePointsAfterWindow", \.prosePointsAfterWindow, .count),
        ("prosePointsWordWindow", \.prosePointsWordWindow, .count),
        ("proseScoreCueKeyCharacters", \.proseScoreCueKeyCharacters, .count),
        ("proseYearWindow", \.proseYearWindow, .count),
        ("questionShortNameMaxEdits", \.questionShortNameMaxEdits, .count),
        ("rankFollowerWindow", \.rankFollowerWindow, .count),
        ("ratingNearScoreLines", \.ratingNearScoreLines, .count),
        ("recognisedNameMaxLengthRatio", \.recognisedNameMaxLengthRatio, .multiple),
        ("recognisedNameMaxRunnerUp", \.recognisedNameMaxRunnerUp, .fraction),
        ("recognisedNameMinLengthRatio", \.recognisedNameMinLengthRatio, .multiple),
        ("recognisedNameMinSimilarity", \.recognisedNameMinSimilarity, .fraction),
        ("recognisedNumberMaxCharacters", \.recognisedNumberMaxCharacters, .count),
        ("scoreBandAbovePitch", \.scoreBandAbovePitch, .multiple),
        ("scoreBandBelowPitch", \.scoreBandBelowPitch, .multiple),
        ("scoreBandNextCellGap", \.scoreBandNextCellGap, .points),
        ("scoreColumnOverlapShare", \.scoreColumnOverlapShare, .fraction),
        ("scoreSameColumnTolerance", \.scoreSameColumnTolerance, .points),
        ("scoreTextEdgeSlack", \.scoreTextEdgeSlack, .points),
        ("sectionReadMinShare", \.sectionReadMinShare, .fraction),
        ("sentenceNextLineIndent", \.sentenceNextLineIndent, .points),
        ("straddleMinColumns", \.straddleMinColumns, .count),
        ("tableAfterScoreLines", \.tableAfterScoreLines, .count),
        ("tableCaptionLines", \.tableCaptionLines, .count),
        ("yearColumnDefaultSpacing", \.yearColumnDefaultSpacing, .points),
        ("yearHeaderProseRows", \.yearHeaderProseRows, .count),
        ("yearHeaderReachRows", \.yearHeaderReachRows, .count),
        ("yearHeaderWrapLines", \.yearHeaderWrapLines, .count),
        ("yearTitleAbovePitch", \.yearTitleAbovePitch, .multiple),
        ("yearTitleBelowPitch", \.yearTitleBelowPitch, .multiple),
        ("yieldMaxRowGapPages", \.yieldMaxRowGapPages, .count),
        ("yieldMinTextPages", \.yieldMinTextPages, .count),
        ("yieldMinValuePageShare", \.yieldMinValuePageShare, .fraction),
    ]

    /// The question-mean tolerance in force, given the framework's (Mappings) one.
    func questionMean(mappings: Double) -> Double { questionMeanTolerance ?? mappings }
    /// The overall-score tolerance in force for a year whose framework tolerance is `mappings`.
    func overallWeighted(mappings: Double) -> Double { overallWeightedTolerance ?? mappings }

    /// The cross-checks' tolerances' valid values. The two score checks' may be negative: the rerun
    /// test (Scripts/test-rerun.sh) gives -1 so that every check fails with its computed number; a
    /// score's whole range (100 points) bounds them (a larger one overflows the checks' exact
    /// hundredths). The band slack stays under a hundredth: 85.00 must never fit a band ending at 84.99.
    static let tolerances: [String: SettingRange] = [
        "overallWeightedTolerance": SettingRange(-100...100, "points, below 0 fails every check"),
        "questionMeanTolerance": SettingRange(-100...100, "points, below 0 fails every check"),
        "ratingBandSlack": SettingRange(0...0.0099, "points, under a hundredth"),
        "tableYearTolerance": SettingRange(0...100, "points"),
    ]

    /// Every setting's valid values, by name: a settings file outside them stops the run.
    public static let ranges: [String: SettingRange] = tolerances.merging(geometry.map { ($0.key, $0.range) }) { a, _ in a }

    /// The names of every setting, sorted.
    public static let keys = ranges.keys.sorted()

    /// The defaults with the `"interpret"` section of a settings file applied
    /// (`{"interpret": {"questionMeanTolerance": 0.03}}`; other sections are the caller's to check).
    /// An unknown key, a value that is not a number or one outside its `ranges` entry throws
    /// `Problem` naming the key, the value and the range.
    public static func overriding(with data: Data, file: String) throws -> InterpretSettings {
        let section: [String: Double]
        do { section = try SettingsSection.values(of: "interpret", in: data, ranges: ranges) } catch let e as SettingsSection.Invalid {
            throw Problem(file: file, message: e.message)
        }
        var s = InterpretSettings()
        for (key, v) in section {
            switch key {
            case "questionMeanTolerance": s.questionMeanTolerance = v
            case "overallWeightedTolerance": s.overallWeightedTolerance = v
            case "tableYearTolerance": s.tableYearTolerance = v
            case "ratingBandSlack": s.ratingBandSlack = v
            default: s[keyPath: geometry.first(where: { $0.key == key })!.path] = v
            }
        }
        return s
    }

    /// Every setting by name, as `inspect` prints it and the manifest records it: a number, or
    /// "Mappings" when the framework's own tolerance (tool-weights.json) is in force.
    public var described: [(key: String, value: String)] {
        ([("overallWeightedTolerance", overallWeightedTolerance.map { String($0) } ?? "Mappings"),
         ("questionMeanTolerance", questionMeanTolerance.map { String($0) } ?? "Mappings"),
         ("ratingBandSlack", String(ratingBandSlack)),
         ("tableYearTolerance", String(tableYearTolerance))]
            + Self.geometry.map { ($0.key, String(self[keyPath: $0.path])) }).sorted { $0.key < $1.key }
    }

    /// A settings file that cannot be used.
    public struct Problem: Error, CustomStringConvertible {
        public var file: String
        public var message: String
        public var description: String { "\(file): \(message)" }
    }
}
