import ITAModel

/// A document whose pages carry text but from which the readers got little is `partial`, never a
/// bare `ok` (issue 14). However the text was lost (a ToUnicode map that sends the body font's
/// glyphs to nothing left a 21-page report with its cover's unit name and year: status ok, no
/// warning), what shows is the yield: values (any report field, score or plan row) from few of the
/// pages that have text.
enum DocumentYield {
    /// Documents with fewer pages of text are not judged: a letter or a notice may give all its
    /// values on one page.
    static let minTextPages = 4
    /// Share of the text pages that gave a value under which a document yields much less than its
    /// pages promise: the hand-checked Corpus reports give 0.42 (s003: 10 of 24 pages, the rest
    /// prose) to 1; the emptied 21-page report above gives 1 of 21.
    static let minValuePageShare = 0.2
    /// Pages between two rows of one table that still belong to it: one long plan row (measure,
    /// steps, owner) runs over two or three pages.
    static let maxRowGapPages = 3

    /// The pages any value of `record` was read from.
    static func valuePages(_ record: ReportRecord) -> Set<Int> {
        let f = record.fields
        var pages = Set([f.unitName?.source, f.unitType?.source, f.district?.source, f.province?.source,
                         f.assessmentYear?.source, f.planYear?.source, f.overallScore?.source, f.rating?.source,
                         f.rank?.source, f.previousScore?.source].compactMap { $0?.page })
        // A table's rows name the page they start on; the pages between two of its rows are its own
        // too when the rows are close (a plan of three long measures over six pages gave values on
        // three of them), but not across a long gap: rows far apart are separate tables, and the
        // pages between them may have given nothing (a bundle of report copies read only in part).
        for rowPages in [record.indicators.map(\.page), record.questions.map(\.page), record.measures.map(\.page)] {
            let sorted = Set(rowPages).sorted()
            for (a, b) in zip(sorted, sorted.dropFirst()) where b - a <= maxRowGapPages {
                pages.formUnion(a...b)
            }
        }
        return pages
    }

    /// The `little_read` warning for a record read from `textPages` (pages with a usable text
    /// layer, native or OCR'd), or nil when its yield is in line with its pages.
    static func warning(_ record: ReportRecord, textPages: [Int]) -> Warning? {
        guard textPages.count >= minTextPages else { return nil }
        let text = Set(textPages)
        let gave = valuePages(record).intersection(text)
        guard Double(gave.count) < minValuePageShare * Double(text.count) else { return nil }
        let which = gave.isEmpty ? "none of them" : "only page\(gave.count == 1 ? "" : "s") \(PageList.describe(gave.sorted()))"
        return Warning(code: .littleRead,
                       message: "\(text.count) pages have text, but values were read from \(which): most of what the document shows was not read (text lost to its fonts, or a layout the readers do not know)",
                       page: textPages.first { !gave.contains($0) })
    }
}
