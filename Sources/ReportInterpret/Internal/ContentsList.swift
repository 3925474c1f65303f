/// A contents page (`สารบัญ`) lists the indicators with the page each is on: `ตัวชี้วัดที่ 1
/// การปฏิบัติหน้าที่ ........ 12`, or the same in a two-column table. Read as an indicator table it
/// gives ten "scores" that are page numbers. Scores are means printed with decimals; page numbers
/// are whole numbers that rise down the list. A group of at least `contentsListMinEntries` whole
/// numbers, each larger than the one above, is such a list, and gives no score.
enum ContentsList {
    /// True when `scores` (as printed, in row order) are the page numbers of a contents list.
    static func isPageNumbers(_ scores: [String], _ settings: InterpretSettings) -> Bool {
        guard Double(scores.count) >= settings.contentsListMinEntries else { return false }
        let values = scores.map { $0.contains(".") ? nil : Int($0) }
        guard values.allSatisfy({ $0 != nil }) else { return false }
        return zip(values, values.dropFirst()).allSatisfy { $0! < $1! }
    }
}
