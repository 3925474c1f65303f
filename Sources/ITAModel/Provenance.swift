/// Where a value came from: the page, the box on it, the raw text before normalisation, and the
/// normalisation changes that turned the raw text into the value's text.
public struct Provenance: Codable, Hashable, Sendable {
    /// 1-based page number.
    public var page: Int
    /// Box around the source text on that page, in points, top-left origin.
    public var box: Box?
    /// The text as the PDF's text layer (or OCR) gave it, before normalisation.
    public var raw: String
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

    public init(page: Int, box: Box?, raw: String, via: String? = nil) {
        self.page = page; self.box = box?.rounded; self.raw = raw; self.via = via
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
