import ITAModel
import ReportInterpret

/// A section read in part is said, never left to look whole (issue 9: a failed reading is never a
/// bare `ok`). Tune scans whose codes OCR mangled kept 3 of 88 question scores, or 1 of the 10
/// indicators, and a Corpus scan whose ten indicator scores OCR's checks all left empty kept none,
/// each with status `ok`. Here, after every drop (`OCRScorePolicy` included), each year that shows
/// a section (a score kept, or one read by OCR and left empty) is compared with the whole section:
/// a year missing indicators, or holding under `sectionReadMinShare` of its framework's questions,
/// gets a warning naming what was kept; under that share the document is `partial`.
enum SectionCompleteness {
    /// The warnings, and whether a section of some year was mostly not read.
    static func check(_ record: ReportRecord, sizes: Interpretation.SectionSizes,
                      settings: InterpretSettings) -> (warnings: [Warning], mostlyUnread: Bool) {
        var out: [Warning] = []
        var mostlyUnread = false
        func few(_ n: Int, of size: Int) -> Bool { Double(n) < settings.sectionReadMinShare * Double(size) }
        func dropped(_ kind: String) -> [Int: Int] {
            var n: [Int: Int] = [:]
            for d in record.ocrDropped ?? [] where d.kind == kind { if let y = d.year { n[y, default: 0] += 1 } }
            return n
        }
        func leftEmpty(_ n: Int?) -> String { n.map { "; \($0) read by OCR and left empty" } ?? "" }

        if sizes.indicators > 0 {
            var kept: [Int: Set<Int>] = [:]
            for i in record.indicators { if let y = i.year { kept[y, default: []].insert(i.indicator) } }
            let empty = dropped("indicator")
            for year in Set(kept.keys).union(empty.keys).sorted() {
                let numbers = kept[year] ?? []
                guard numbers.count < sizes.indicators else { continue }
                let missing = (1...sizes.indicators).filter { !numbers.contains($0) }
                mostlyUnread = mostlyUnread || few(numbers.count, of: sizes.indicators)
                out.append(Warning(code: .indicatorsIncomplete,
                                   message: "\(year): \(numbers.count) of the \(sizes.indicators) indicator scores kept (not kept: \(PageList.describe(missing))\(leftEmpty(empty[year])))",
                                   page: record.indicators.first { $0.year == year }?.page))
            }
        }
        var codes: [Int: Set<String>] = [:]
        for q in record.questions { if let y = q.year { codes[y, default: []].insert(q.code) } }
        let empty = dropped("question")
        for year in Set(codes.keys).union(empty.keys).sorted() {
            let kept = codes[year]?.count ?? 0
            guard let size = sizes.questions[year], few(kept, of: size.count) else { continue }
            mostlyUnread = true
            let framework = size.catalogue == year ? "its catalogue" : "the \(size.catalogue) framework its codes follow"
            out.append(Warning(code: .questionsIncomplete,
                               message: "\(year): \(kept) of the \(size.count) question scores of \(framework) kept\(leftEmpty(empty[year]))",
                               page: record.questions.first { $0.year == year }?.page))
        }
        return (out, mostlyUnread)
    }
}
