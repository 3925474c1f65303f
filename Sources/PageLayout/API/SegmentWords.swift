import ITAModel

/// A segment's words read again from its layout line: a reader that cuts a segment (at a plan's
/// header columns, at a header line's cell starts) reads the words whose middle lies in it, and
/// finds the layout segment a cut piece came from. Boxes are rounded differently on the two sides,
/// so both take a slack (the reader's to say).
public enum SegmentWords {
    /// The words of `words` whose middle lies within `box`'s horizontal extent, up to `slack`
    /// either side.
    public static func words(_ words: [Word], inside box: Box, slack: Double) -> [Word] {
        words.filter { box.x0 - slack <= $0.box.midX && $0.box.midX <= box.x1 + slack }
    }

    /// The first of `segments` that holds `box` horizontally, up to `slack` either side.
    public static func segment(holding box: Box, in segments: [Segment], slack: Double) -> Int? {
        segments.firstIndex { $0.box.x0 - slack <= box.x0 && box.x1 <= $0.box.x1 + slack }
    }

    /// Whether a word starts a cell of its own: one of `cells` (on neighbouring lines) starts within
    /// `tolerance` of the word's left edge and right of where the word before it, `previous`, ends.
    public static func startsCell(_ word: Box, after previous: Box, cells: [Box], tolerance: Double) -> Bool {
        cells.contains { abs($0.x0 - word.x0) <= tolerance && previous.x1 < $0.x0 }
    }
}
