import Foundation
import ITAModel

/// One change normalisation made to a text: what kind, where (offset in Unicode scalars of the
/// text before this change's pass), and the text before and after.
public struct TextChange: Codable, Hashable, Sendable {
    public var kind: String
    public var offset: Int
    public var before: String
    public var after: String
    public init(kind: String, offset: Int, before: String, after: String) {
        self.kind = kind; self.offset = offset; self.before = before; self.after = after
    }
}

/// A normalised text with the changes that made it.
public struct NormalisedText: Hashable, Sendable {
    public var text: String
    public var changes: [TextChange]
    public init(text: String, changes: [TextChange]) { self.text = text; self.changes = changes }
}
