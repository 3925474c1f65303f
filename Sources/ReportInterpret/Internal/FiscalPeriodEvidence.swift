import ITAModel

/// The plan year as the plan's own periods give it ("๑ ต.ค. ๖๖ - ๓๐ ก.ย. ๖๗" is fiscal 2567):
/// it fills a plan year no cue named (only when it comes after the assessment year), and a named
/// plan year that disagrees with every period gives a warning naming both years. Periods are read
/// from table cells (a period wraps inside its cell, interleaved with other columns in the page
/// text) and from the page text.
enum FiscalPeriodEvidence {
    static func apply(to f: inout ReportFields, pages: [TextBlock], reader: DocumentReader) -> [Warning] {
        guard let e = reader.yearEvidence else { return [] }
        var count: [Int: Int] = [:]
        var first: [Int: Provenance] = [:]
        func add(_ year: Int, _ source: () -> Provenance) {
            count[year, default: 0] += 1
            if first[year] == nil { first[year] = source() }
        }
        var inTables = false
        for table in reader.tables {
            for row in table.rows {
                for cell in row.cells {
                    let text = reader.normaliser.normaliseLines(cell.lines).text
                    for p in e.fiscalPeriods(in: KeyedText(text)) {
                        inTables = true
                        add(p.year) { Provenance(page: table.page, box: cell.box, raw: cell.rawText, via: "period") }
                    }
                }
            }
        }
        // Prose periods only when no table holds one (a table's periods are also in its page's text).
        if !inTables {
            for (b, block) in pages.enumerated() {
                for p in e.fiscalPeriods(in: block.keyed) {
                    add(p.year) { pages[b].provenance(at: p.range.lowerBound, in: reader, via: "period") }
                }
            }
        }
        // The fiscal year most periods name (ties: the earlier year).
        guard let best = count.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }) else { return [] }
        let source = first[best.key]!
        if let plan = f.planYear {
            guard count[plan.value] == nil else { return [] }
            return [Warning(code: .planYearDisagrees,
                            message: "plan year \(plan.value) (page \(plan.source?.page ?? 0)) but the plan's periods are fiscal \(best.key) (\(best.value) period\(best.value == 1 ? "" : "s"), first on page \(source.page)); kept \(plan.value)",
                            page: plan.source?.page)]
        }
        if let a = f.assessmentYear?.value, best.key <= a || best.key > a + 2 { return [] }
        f.planYear = Traced(best.key, source: source)
        return []
    }
}
