import ITAModel

extension PageGrid {
    /// How many times the step from `a`'s top down to `b`'s top is the step from `c`'s top down to
    /// `d`'s (0 when that step is none): a gap between two rows of a column measured in the
    /// column's own row steps (a question table's code column, where a row OCR left unread doubles
    /// the step over it).
    public func stepRatio(from a: Ref, to b: Ref, over c: Ref, to d: Ref) -> Double {
        let step = box(d).y0 - box(c).y0
        return step > 0 ? (box(b).y0 - box(a).y0) / step : 0
    }
}
