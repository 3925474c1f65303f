/// Where a value came from: the page, the box on it, the raw text before normalisation, and the
/// normalisation changes that turned the raw text into the value's text (`changes`).
/// A member added here must be added to `ReportJSONBytes` (Pipeline), which writes reports.jsonl by hand:
/// `ReportJSONBytesTests` compares its bytes with JSONEncoder's only on records that carry the member.
public struct Provenance: Codable, Hashable, Sendable {
    /// 1-based page number.
    public var page: Int
    /// Box around the source text on that page, in points, top-left origin.
    public var box: Box?
    /// The text as the PDF's text layer (or OCR) gave it, before normalisation, cell by cell in
    /// reading order (a table row's label and score cells, a line's segments); one element for
    /// text read from one place.
    public var cells: [String]
    /// The cells joined by tabs: the `raw` field of reports.jsonl.
    public var raw: String { cells.joined(separator: "\t") }
    /// What produced the value: "table", "text", "ocr" ... (free-form, for debugging).
    public var via: String?
    /// Where the value goes on after a break (a table cell cut by a page break continues at the top
    /// of the next page): the further pieces in reading order, each with its own page, box and raw
    /// text. Nil when the value was printed in one place (and then left out of the JSON).
    public var continuation: [Provenance]? = nil
    /// The value as extracted, when something changed it afterwards: a gazetteer name correction
    /// (`via: gazetteer`) or a person's correction (`via: correction`). Nil otherwise (left out).
    public var extracted: String? = nil
    /// Why a person corrected the value (`via: correction`).
    public var reason: String? = nil
    /// On a score or measure row's provenance: which of the row's fields a correction changed.
    public var field: String? = nil
    /// On a score OCR'd in Thai digits and read again by shape (`via: ocr-digit-shapes`): what
    /// Tesseract read, and the other readings the shapes allowed (nil otherwise, left out).
    public var ocr: String? = nil
    public var alternatives: [String]? = nil
    /// On an OCR'd score whose reading the document's arithmetic chose or confirmed among the shape
    /// readings (`via: ocr-digit-shapes+arithmetic`): which check held, and the readings it
    /// rejected or could not tell apart (nil otherwise, left out).
    public var arithmetic: String? = nil
    /// What the normalise stage changed in the raw text to make the value's text (glyph and
    /// Unicode repairs, SARA AM, mark order, OCR confusions, wrap joins), in text order. `offset`
    /// counts Unicode scalars in the text the stage read: for a one-cell value its lines joined
    /// by newlines (the length of `raw`), for several cells `raw` itself (cells joined by tabs);
    /// on a plan row or question row, `field` names the value and `offset` counts in that
    /// value's own lines joined by newlines. Nil when nothing changed (left out of the JSON).
    public var changes: [TextChange]? = nil

    /// Text read from one place.
    public init(page: Int, box: Box?, raw: String, via: String? = nil) {
        self.init(page: page, box: box, cells: [raw], via: via)
    }

    /// Text read from several cells of one row or line.
    public init(page: Int, box: Box?, cells: [String], via: String? = nil) {
        self.page = page; self.box = box?.rounded; self.cells = cells; self.via = via
    }

    // reports.jsonl keeps one `raw` text (cells joined by tabs; a cell holds no tab).
    enum CodingKeys: String, CodingKey { case page, box, raw, via, continuation, extracted, reason, field, ocr, alternatives, arithmetic, changes }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        page = try c.decode(Int.self, forKey: .page)
        box = try c.decodeIfPresent(Box.self, forKey: .box)
        cells = Provenance.cells(raw: try c.decode(String.self, forKey: .raw))
        via = try c.decodeIfPresent(String.self, forKey: .via)
        continuation = try c.decodeIfPresent([Provenance].self, forKey: .continuation)
        extracted = try c.decodeIfPresent(String.self, forKey: .extracted)
        reason = try c.decodeIfPresent(String.self, forKey: .reason)
        field = try c.decodeIfPresent(String.self, forKey: .field)
        ocr = try c.decodeIfPresent(String.self, forKey: .ocr)
        alternatives = try c.decodeIfPresent([String].self, forKey: .alternatives)
        arithmetic = try c.decodeIfPresent(String.self, forKey: .arithmetic)
        changes = try c.decodeIfPresent([TextChange].self, forKey: .changes)
    }

    /// `raw` split at its tabs, as `split(separator: "\t", omittingEmptySubsequences: false)`
    /// splits it, on bytes: a tab is always a Character of its own (grapheme rules GB4 and GB5), so
    /// the pieces are the same, without grapheme breaking every cell of every record the parent
    /// decodes from its workers.
    static func cells(raw: String) -> [String] {
        var out: [String] = []
        let bytes = raw.utf8
        var start = bytes.startIndex
        var i = start
        while i != bytes.endIndex {
            if bytes[i] == 0x09 {
                out.append(String(raw[start..<i]))
                start = bytes.index(after: i)
            }
            i = bytes.index(after: i)
        }
        out.append(String(raw[start..<bytes.endIndex]))
        return out
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(page, forKey: .page)
        try c.encodeIfPresent(box, forKey: .box)
        try c.encode(raw, forKey: .raw)
        try c.encodeIfPresent(via, forKey: .via)
        try c.encodeIfPresent(continuation, forKey: .continuation)
        try c.encodeIfPresent(extracted, forKey: .extracted)
        try c.encodeIfPresent(reason, forKey: .reason)
        try c.encodeIfPresent(field, forKey: .field)
        try c.encodeIfPresent(ocr, forKey: .ocr)
        try c.encodeIfPresent(alternatives, forKey: .alternatives)
        try c.encodeIfPresent(arithmetic, forKey: .arithmetic)
        try c.encodeIfPresent(changes, forKey: .changes)
    }

    /// This provenance with `changes` added to the ones it has (kept nil when there are none).
    public func with(changes more: [TextChange]) -> Provenance {
        guard !more.isEmpty else { return self }
        var p = self
        p.changes = (p.changes ?? []) + more
        return p
    }

    /// This provenance with each cell's changes placed in `raw` (cells joined by tabs): cell k's
    /// offsets move by the length of the cells before it and their tabs.
    public func with(cellChanges: [[TextChange]]) -> Provenance {
        var all: [TextChange] = []
        var start = 0
        for (k, changes) in cellChanges.enumerated() {
            all += changes.map { $0.shifted(by: start) }
            if k < cells.count { start += cells[k].scalarCount + 1 }
        }
        return with(changes: all)
    }
}

/// A value with the place it was read from.
public struct Traced<Value: Codable & Hashable & Sendable>: Codable, Hashable, Sendable {
    public var value: Value
    public var source: Provenance?

    public init(_ value: Value, source: Provenance?) {
        self.value = value; self.source = source
    }
}
