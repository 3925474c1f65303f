import ITAModel

/// A contents page (`สารบัญ`) lists the indicators with the page each is on: `ตัวชี้วัดที่ 1
/// การปฏิบัติหน้าที่ ........ 12`, or the same in a two-column table. Read as an indicator table it
/// gives ten "scores" that are page numbers. Scores are means printed with decimals; page numbers
/// are whole numbers that rise down the list. A group of at least `contentsListMinEntries` whole
/// numbers, each larger than the one above, has the shape of such a list. It is a contents list when
/// the page also shows it is one: a contents heading (`contentsHeadings`) above the list on its page,
/// or dotted leaders (`contentsLeaders`) in its rows. A list of that shape with neither is left out
/// too (a wrong score is worse than none), but with a warning: real scores ranked low to high and
/// printed without decimals would be lost, and nothing may be lost silently.
enum ContentsList {
    enum Verdict: Equatable {
        /// Not page numbers: read as scores.
        case scores
        /// A contents page's page numbers: no scores, and nothing left out.
        case contents
        /// Shaped as page numbers, but nothing on the page says it is a contents list: left out,
        /// with a warning.
        case unconfirmed
    }

    /// What a group of indicator rows is: `scores` as printed, in row order; `lines` the document
    /// lines of each row (first, last); `page` the page of its first row.
    static func verdict(_ scores: [String], rows: [(first: Int, last: Int)], page: Int, _ reader: DocumentReader) -> Verdict {
        guard isPageNumbers(scores, reader.settings) else { return .scores }
        if let first = rows.first?.first, headingAbove(first, page: page, reader) { return .contents }
        if rows.contains(where: { r in (r.first...max(r.first, r.last)).contains { hasLeaders(reader.lines[$0].raw, reader) } }) {
            return .contents
        }
        return .unconfirmed
    }

    /// True when `scores` (as printed, in row order) have the shape of a contents list's page numbers.
    static func isPageNumbers(_ scores: [String], _ settings: InterpretSettings) -> Bool {
        guard Double(scores.count) >= settings.contentsListMinEntries else { return false }
        let values = scores.map { $0.contains(".") ? nil : Int($0) }
        guard values.allSatisfy({ $0 != nil }) else { return false }
        return zip(values, values.dropFirst()).allSatisfy { $0! < $1! }
    }

    /// A line of `page` at or above line `index` holds a contents heading.
    static func headingAbove(_ index: Int, page: Int, _ reader: DocumentReader) -> Bool {
        let headings = reader.ita.cues.contentsHeadings
        var i = index
        while i >= 0, reader.lines[i].page == page {
            let keyed = KeyedText(reader.lines[i].text)
            if headings.contains(where: { keyed.contains($0) }) { return true }
            i -= 1
        }
        return false
    }

    /// `text` holds a run of at least `contentsLeaderMinRun` leader characters (spaces between them
    /// allowed: `. . . .`).
    static func hasLeaders(_ text: String, _ reader: DocumentReader) -> Bool {
        let leaders = reader.ita.contentsLeaders
        var run = 0
        for s in text.unicodeScalars {
            if leaders.contains(s) {
                run += 1
                if Double(run) >= reader.settings.contentsLeaderMinRun { return true }
            } else if s != " " {
                run = 0
            }
        }
        return false
    }
}
