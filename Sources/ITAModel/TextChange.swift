/// One change normalisation made to a text: what kind, where (offset in Unicode scalars of the
/// text before this change's pass), and the text before and after. Made by the normalise stage
/// (`ThaiNormalise`) and kept in a value's `Provenance.changes`.
/// A member added here must be added to `ReportJSONBytes` (Pipeline), which writes reports.jsonl by hand:
/// `ReportJSONBytesTests` compares its bytes with JSONEncoder's only on records that carry the member.
public struct TextChange: Codable, Hashable, Sendable {
    public var kind: String
    public var offset: Int
    public var before: String
    public var after: String
    /// In a provenance that covers several values (a plan row's issue, measure, steps ...; a
    /// question row's question text): which value the change belongs to. Nil otherwise (left out).
    public var field: String? = nil

    public init(kind: String, offset: Int, before: String, after: String) {
        self.kind = kind; self.offset = offset; self.before = before; self.after = after
    }

    /// The change `by` scalars further on (a cell's change placed in its line's tab-joined text).
    public func shifted(by n: Int) -> TextChange {
        var c = self
        c.offset += n
        return c
    }

    /// The change marked as belonging to value `field`.
    public func inField(_ field: String) -> TextChange {
        var c = self
        c.field = field
        return c
    }
}
