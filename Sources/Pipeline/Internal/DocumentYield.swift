import ITAModel
import ReportInterpret

/// A document whose pages carry text but from which the readers got little is `partial`, never a
/// bare `ok` (issue 14). However the text was lost (a ToUnicode map that sends the body font's
/// glyphs to nothing left a 21-page report with its cover's unit name and year: status ok, no
/// warning), what shows is the yield: values (any report field, score or plan row) from few of the
/// pages that have text. How little is too little: `InterpretSettings.yield*`.
enum DocumentYield {
    /// The pages any value of `record` was read from.
    static func valuePages(_ record: ReportRecord, _ settings: InterpretSettings) -> Set<Int> {
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
            for (a, b) in zip(sorted, sorted.dropFirst()) where Double(b - a) <= settings.yieldMaxRowGapPages {
                pages.formUnion(a...b)
            }
        }
        return pages
    }

    /// The `little_read` warning for a record read from `textPages` (pages with a usable text
    /// layer, native or OCR'd), or nil when its yield is in line with its pages.
    static func warning(_ record: ReportRecord, textPages: [Int], settings: InterpretSettings) -> Warning? {
        guard Double(textPages.count) >= settings.yieldMinTextPages else { return nil }
        let text = Set(textPages)
        let gave = valuePages(record, settings).intersection(text)
        guard Double(gave.count) < settings.yieldMinValuePageShare * Double(text.count) else { return nil }
        let which = gave.isEmpty ? "none of them" : "only page\(gave.count == 1 ? "" : "s") \(PageList.describe(gave.sorted()))"
        return Warning(code: .littleRead,
                       message: "\(text.count) pages have text, but values were read from \(which): most of what the document shows was not read (text lost to its fonts, or a layout the readers do not know)",
                       page: textPages.first { !gave.contains($0) })
    }
}
