import Foundation

/// The tolerances of the layout stage, each with the reason for its default (as pdfplumber's
/// `TableSettings` documents its `snap_tolerance`, `join_tolerance`...). Passed to
/// `LayoutAnalyser.analyse`, never read from a global; `extract --settings FILE.json` and
/// `inspect --settings FILE.json` override them for archives with unusual layouts (keys as below,
/// an unknown key is an error). Lengths in points unless the name says "Em" (a fraction of the
/// font size) or "Height" (a fraction of a glyph's height).
///
/// Not yet here (still literals in their files, see issue 10): the table finders' tolerances
/// (StreamTableFinder, StreamGroups, RuledTableBuilder, GridLines, TableContinuation,
/// StreamContinuation, TableStructureScore, HeaderDetector, ColumnGroupSplitter, RowGrouper).
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

    // Segments (SegmentSplitter).
    /// A gap wider than this (em) between words is a column gap: a text space is 0.2-0.3 em, a gap
    /// between table columns or a score and its label a whole em or more.
    public var columnGapEm = 1.0

    public init() {}

    /// The defaults with the `"layout"` section of a settings file applied
    /// (`{"layout": {"columnGapEm": 1.2}}`). A section not in `knownSections` (the other stages'
    /// sections are the caller's to read), an unknown key, or a value that is not a number, throws
    /// `LayoutSettings.Problem`.
    public static func overriding(with data: Data, file: String, knownSections: [String] = ["layout"]) throws -> LayoutSettings {
        struct File: Decodable { var layout: [String: Double]? }
        let sections = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        guard let sections else { throw Problem(file: file, message: "not a JSON object") }
        for key in sections.keys.sorted() where !knownSections.contains(key) {
            throw Problem(file: file, message: "unknown section '\(key)' (known: \(knownSections.joined(separator: ", ")))")
        }
        let section: [String: Double]
        do { section = try JSONDecoder().decode(File.self, from: data).layout ?? [:] } catch {
            throw Problem(file: file, message: "every layout setting must be a number")
        }
        var merged = LayoutSettings().asDictionary
        for key in section.keys.sorted() where merged[key] == nil {
            throw Problem(file: file, message: "unknown layout setting '\(key)' (known: \(merged.keys.sorted().joined(separator: ", ")))")
        }
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
