/// Finding a printed place name among gazetteer names: exactly, or as an OCR-damaged copy.
enum NameMatch {
    /// The result of looking a name up among candidates.
    enum Found<T> {
        case exact(T)
        /// The only candidate within one edit: the printed name is taken as a damaged copy of it.
        case corrected(T)
        case none
    }

    /// `name` among `candidates`: an exact match, else the single candidate whose name is one edit
    /// (insert, delete or substitute one Unicode scalar) away, as composed or as printed
    /// (`spelled`); none when zero or several are.
    static func find<T>(_ name: String, in candidates: [T], name key: (T) -> String) -> Found<T> {
        if let hit = candidates.first(where: { key($0) == name }) { return .exact(hit) }
        let scalars = Array(name.unicodeScalars), printed = spelled(name)
        let near = candidates.filter { c in
            withinOneEdit(Array(key(c).unicodeScalars), scalars) || withinOneEdit(spelled(key(c)), printed)
        }
        return near.count == 1 ? .corrected(near[0]) : .none
    }

    /// A name's scalars as they are printed: SARA AM as its two marks, NIKHAHIT and SARA AA (the
    /// normaliser composes them). OCR reading one mark of it for another (`ทำม่วง` for `ท่าม่วง`:
    /// NIKHAHIT for MAI EK before SARA AA, fresh tune seed 1224) is then one edit, as it is one
    /// glyph on the page.
    static func spelled(_ name: String) -> [Unicode.Scalar] {
        name.unicodeScalars.flatMap { u -> [Unicode.Scalar] in
            u.value == 0x0E33 ? [Unicode.Scalar(0x0E4D)!, Unicode.Scalar(0x0E32)!] : [u]
        }
    }

    /// True when `a` and `b` differ by at most one inserted, deleted or substituted scalar.
    static func withinOneEdit(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        if abs(a.count - b.count) > 1 { return false }
        var i = 0, j = 0, edits = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { i += 1; j += 1; continue }
            edits += 1
            if edits > 1 { return false }
            if a.count > b.count { i += 1 } else if b.count > a.count { j += 1 } else { i += 1; j += 1 }
        }
        return edits + (a.count - i) + (b.count - j) <= 1
    }
}
