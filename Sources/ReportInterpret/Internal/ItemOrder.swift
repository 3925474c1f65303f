import ThaiNormalise

/// The list numbers an OCR'd plan cell holds (`๑.`, `2)`, `(3)` opening a word) must read as one
/// cell's list: the first word opens the list and each number follows the one before; an issue holds
/// at most one. Otherwise the cell is cut (`วัสดุและครุภัณฑ์ ... ๓. รายงานผล`, the rest of a cell whose
/// items 1 and 2 went to another row), runs two cells together, or a number was misread. Measures
/// may go on numbering from the row above (Corpus s002: a row's measure opens with `3.`), so the
/// first number is not required to be 1. No tune or Corpus gold plan cell breaks this.
enum ItemOrder {
    enum Field { case issue, measure, steps }

    /// The list number a word opens with (`MeasureItemMarker.listNumber`, not a decimal: `1.5`), or nil.
    static func number(_ word: Substring) -> Int? {
        let u = Array(word.unicodeScalars.drop { $0 == "(" })
        guard let n = MeasureItemMarker.listNumber(u, from: 0) else { return nil }
        if n.mark + 1 < u.count, ThaiNumber.digitValue(u[n.mark + 1]) != nil { return nil }
        return n.value
    }

    static func holds(_ words: [Substring], field: Field) -> Bool {
        let found = words.enumerated().compactMap { w in number(w.element).map { (w.offset, $0) } }
        guard let first = found.first else { return true }
        guard first.0 == 0 else { return false }
        if field == .issue { return found.count == 1 }
        return zip(found, found.dropFirst()).allSatisfy { $1.1 == $0.1 + 1 }
    }
}
