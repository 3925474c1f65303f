import ITAModel
import ReportInterpret

/// A section read in part is said, never left to look whole (issue 9: a failed reading is never a
/// bare `ok`). Tune scans whose codes OCR mangled kept 3 of 88 question scores, or 1 of the 10
/// indicators, and a Corpus scan whose ten indicator scores OCR's checks all left empty kept none,
/// each with status `ok`. Here, after every drop (`OCRScorePolicy` included), each year that shows
/// a section (a score kept, or one read by OCR and left empty) is compared with the whole section:
/// a year missing indicators, or holding under `sectionReadMinShare` of its framework's questions,
/// gets a warning naming what was kept; under that share the document is `partial`. Where the
/// framework is not proven, or no year was read, the whole is the smallest framework that may
/// apply (`SectionSizes.questions(of:)`): "mostly not read" must hold whichever one it is.
enum SectionCompleteness {
    /// The warnings, and whether a section of some year was mostly not read.
    static func check(_ record: ReportRecord, sizes: Interpretation.SectionSizes,
                      settings: InterpretSettings) -> (warnings: [Warning], mostlyUnread: Bool) {
        var out: [Warning] = []
        var mostlyUnread = false
        func few(_ n: Int, of size: Int) -> Bool { Double(n) < settings.sectionReadMinShare * Double(size) }
        // Keyed by year, nil where the document's year was not read (a scan that lost it still
        // shows its indicator table).
        func dropped(_ kind: String) -> [Int?: Int] {
            var n: [Int?: Int] = [:]
            for d in record.ocrDropped ?? [] where d.kind == kind { n[d.year, default: 0] += 1 }
            return n
        }
        func name(_ year: Int?) -> String { year.map(String.init) ?? "year not read" }
        func leftEmpty(_ n: Int?) -> String { n.map { "; \($0) read by OCR and left empty" } ?? "" }

        if sizes.indicators > 0 {
            var kept: [Int?: Set<Int>] = [:]
            for i in record.indicators { kept[i.year, default: []].insert(i.indicator) }
            let empty = dropped("indicator")
            // Rows of no year are no section of their own when a year's section holds some.
            let years = Set(kept.keys).union(empty.keys).filter { $0 != nil || kept.keys.allSatisfy { $0 == nil } }
            for year in years.sorted(by: { ($0 ?? 0) < ($1 ?? 0) }) {
                let numbers = kept[year] ?? []
                guard numbers.count < sizes.indicators else { continue }
                let missing = (1...sizes.indicators).filter { !numbers.contains($0) }
                mostlyUnread = mostlyUnread || few(numbers.count, of: sizes.indicators)
                out.append(Warning(code: .indicatorsIncomplete,
                                   message: "\(name(year)): \(numbers.count) of the \(sizes.indicators) indicator scores kept (not kept: \(PageList.describe(missing))\(leftEmpty(empty[year])))",
                                   page: record.indicators.first { $0.year == year }?.page))
            }
        }
        var codes: [Int?: Set<String>] = [:]
        for q in record.questions { codes[q.year, default: []].insert(q.code) }
        let empty = dropped("question")
        var droppedCodes: [Int?: Set<String>] = [:]
        for d in record.ocrDropped ?? [] where d.kind == "question" { droppedCodes[d.year, default: []].insert(d.key) }
        // Scores of no year are no section of their own when a year's section holds some (as above).
        let years = Set(codes.keys).union(empty.keys).filter { $0 != nil || codes.keys.allSatisfy { $0 == nil } }
        for year in years.sorted(by: { ($0 ?? 0) < ($1 ?? 0) }) {
            let kept = codes[year]?.count ?? 0
            let printed = (codes[year] ?? []).union(droppedCodes[year] ?? [])
            guard let size = sizes.questions(of: year, codes: printed), few(kept, of: size.count) else { continue }
            mostlyUnread = true
            let framework = year == nil ? (size.proven ? "the \(size.catalogue) framework its codes follow" : "the smallest framework its codes fit (\(size.catalogue))")
                : !size.proven ? "the smallest framework its year may follow (\(size.catalogue); its codes prove none)"
                : size.catalogue == year ? "its catalogue" : "the \(size.catalogue) framework its codes follow"
            out.append(Warning(code: .questionsIncomplete,
                               message: "\(name(year)): \(kept) of the \(size.count) question scores of \(framework) kept\(leftEmpty(empty[year]))",
                               page: record.questions.first { $0.year == year }?.page))
        }
        return (out, mostlyUnread)
    }
}
