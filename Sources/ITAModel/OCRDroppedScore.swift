/// A score OCR read that the pipeline left empty (`OCRScorePolicy`): what was read, where, and why.
/// Nothing is dropped silently: reports.jsonl lists these under `ocr_scores_dropped` (never the
/// CSVs), so that a user can see what OCR read at each place, and the digit error rate can be
/// measured against gold (`Scripts/ocr-digit-errors.py`). The provenance keeps what Tesseract read
/// (`ocr`) and the shapes' other readings (`alternatives`) when the shapes read it again.
/// A member added here must be added to `ReportJSONBytes` (Pipeline), which writes reports.jsonl by hand:
/// `ReportJSONBytesTests` compares its bytes with JSONEncoder's only on records that carry the member.
public struct OCRDroppedScore: Codable, Hashable, Sendable {
    /// "indicator", "question", "overall_score" or "previous_score".
    public var kind: String
    /// The indicator number or the question code; empty for a report field.
    public var key: String
    public var year: Int?
    /// The value as read (after the shape re-read, when there was one).
    public var score: String
    public var page: Int
    /// Why it was left empty, in a few words.
    public var reason: String
    public var source: Provenance?

    public init(kind: String, key: String, year: Int?, score: String, page: Int, reason: String, source: Provenance?) {
        self.kind = kind; self.key = key; self.year = year; self.score = score; self.page = page
        self.reason = reason; self.source = source
    }
}
