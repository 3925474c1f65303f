import ITAModel

/// How wide a part of a box's text is printed, as its share of the box's width: `part` of `whole`
/// spacing characters (a word of a segment: `SentenceEnd`'s first word of the next line). Thai is
/// printed in a proportional font, so this is an estimate; the reader says what it compares it with.
extension Box {
    /// `part` / `whole` (at least 1) of this box's width.
    public func widthShare(_ part: Int, of whole: Int) -> Double {
        width * Double(part) / Double(max(1, whole))
    }
}
