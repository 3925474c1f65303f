import ITAModel
// The stage's public surface builds on the shared character classes and on ITAModel's
// `TextChange` (provenance carries the changes), re-exported so that a user of the normaliser
// needs one import.
@_exported import ThaiCharacters
@_exported import struct ITAModel.TextChange

/// A normalised text with the changes that made it.
public struct NormalisedText: Hashable, Sendable {
    public var text: String
    public var changes: [TextChange]
    public init(text: String, changes: [TextChange]) { self.text = text; self.changes = changes }
}
