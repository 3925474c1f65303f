import ITAModel
import PageOCR
import ThaiCharacters

/// Which shape reading (`DigitReread`) stands behind which OCR'd value, one to one. A reading is a
/// word's; a value's provenance has only its row's box, which every score of the row shares. Matched
/// by value and box alone, one reading would confirm two cells of a row that print the same number
/// (a two-year row "85.00 | 85.00" where only one cell's readings agreed: review17).
/// - A value's candidates are the readings on its page that spell it inside its row's box.
/// - Values and readings linked through candidates form a group; in each group the values take the
///   readings in order (values as the record lists them; readings centred in the value's box before
///   those only touching it, then top to bottom, left to right), each reading once.
/// - A group where some value is left without a reading gets none at all: which cell the readings
///   were read from is then unknown, and a reading given to the wrong cell is a check that never ran.
/// - Values of one box (one row's cells) take readings in the record's order, not the columns':
///   a group where such values took readings that say different things (`alike`) gets none either.
enum OCRReadingAssignment {
    /// A value that may have a reading: a stable key (its kind and identity, not its index, which
    /// moves as rows are removed), the value as written (ASCII digits), its page and its row's box.
    struct Slot {
        var key: String
        var value: String
        var page: Int
        var box: Box?
    }

    static func assign(_ slots: [Slot], _ rereads: [DigitReread]) -> [String: DigitReread] {
        let order = rereads.indices.sorted { a, b in
            let p = rereads[a], q = rereads[b]
            return (p.page, p.box.y0, p.box.x0) < (q.page, q.box.y0, q.box.x0)
        }
        // Each slot's candidate readings: those whose centre lies in its box first (a word touching
        // the box's edge is more likely the next row's), each kind in reading order.
        let candidates: [[Int]] = slots.map { s in
            guard let b = s.box else { return [] }
            let touching = order.filter { k in
                let r = rereads[k]
                return r.page == s.page && ascii(r.reading) == s.value
                    && b.x0 <= r.box.x1 && r.box.x0 <= b.x1 && b.y0 <= r.box.y1 && r.box.y0 <= b.y1
            }
            func inside(_ k: Int) -> Bool {
                let r = rereads[k].box, cx = (r.x0 + r.x1) / 2, cy = (r.y0 + r.y1) / 2
                return b.x0 <= cx && cx <= b.x1 && b.y0 <= cy && cy <= b.y1
            }
            return touching.filter(inside) + touching.filter { !inside($0) }
        }
        // Groups: slots linked by a shared candidate reading (union-find over slot indices).
        var parent = Array(slots.indices)
        func root(_ i: Int) -> Int { var i = i; while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }; return i }
        var firstSlot: [Int: Int] = [:]
        for (i, c) in candidates.enumerated() {
            for k in c {
                if let j = firstSlot[k] { parent[root(i)] = root(j) } else { firstSlot[k] = i }
            }
        }
        var used = Set<Int>()
        var taken: [Int: Int] = [:]
        for (i, c) in candidates.enumerated() {
            if let k = c.first(where: { !used.contains($0) }) { taken[i] = k; used.insert(k) }
        }
        // A group with a slot left without its reading gets none.
        var short = Set<Int>()
        for (i, c) in candidates.enumerated() where !c.isEmpty && taken[i] == nil { short.insert(root(i)) }
        // Slots of one box (the cells of one row: a two-year row "85.00 | 85.00") took their
        // readings in the record's order, which need not be the columns': which reading is which
        // cell's is unknown. That is harmless only when their readings say the same (`alike`);
        // otherwise one cell could stand on the other's agreeing reading, and the group gets none.
        var byBox: [String: [Int]] = [:]
        for i in taken.keys { byBox["\(root(i))|\(slots[i].page)|\(boxKey(slots[i].box))", default: []].append(i) }
        for sharing in byBox.values where sharing.count > 1 {
            let first = rereads[taken[sharing[0]]!]
            if !sharing.allSatisfy({ alike(rereads[taken[$0]!], first) }) { short.insert(root(sharing[0])) }
        }
        var out: [String: DigitReread] = [:]
        for (i, k) in taken where !short.contains(root(i)) { out[slots[i].key] = rereads[k] }
        return out
    }

    /// Two readings the policy cannot tell apart: the same shapes' reading and the same Tesseract
    /// text (every check of a reading's agreement reads these two).
    static func alike(_ a: DigitReread, _ b: DigitReread) -> Bool { a.reading == b.reading && a.ocr == b.ocr }

    /// Thai digits as ASCII.
    static func ascii(_ s: String) -> String { String(scalars: s.unicodeScalars.map(ThaiScript.asciiDigit)) }

    // Stable keys of the record's values.
    static func key(_ s: IndicatorScore) -> String {
        "\(indicatorPrefix)\(s.indicator)|\(s.year.map(String.init) ?? "-")|\(s.source?.page ?? s.page)|\(boxKey(s.source?.box))"
    }
    static func key(_ s: QuestionScore) -> String {
        "question|\(s.code)|\(s.year.map(String.init) ?? "-")|\(s.source?.page ?? s.page)|\(boxKey(s.source?.box))"
    }
    static let indicatorPrefix = "indicator|"
    static let overall = "overall", previous = "previous", assessmentYear = "assessment-year", planYear = "plan-year"
    static func boxKey(_ b: Box?) -> String { b.map { "\($0.x0),\($0.y0),\($0.x1),\($0.y1)" } ?? "-" }
}
