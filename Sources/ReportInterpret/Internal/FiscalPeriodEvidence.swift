import ITAModel
import ThaiCharacters

/// The fiscal years the plan's own periods name ("๑ ต.ค. ๖๖ - ๓๐ ก.ย. ๖๗" is fiscal 2567): evidence
/// of the plan year (and, one year earlier, of the assessment year) for `YearVote`. Periods are
/// read from table cells (a period wraps inside its cell, interleaved with other columns in the
/// page text) and from the page text.
enum FiscalPeriodEvidence {
    /// Every period's fiscal year with where it is printed, in document order.
    static func periods(pages: [TextBlock], reader: DocumentReader) -> [(year: Int, source: Provenance)] {
        guard let e = reader.yearEvidence else { return [] }
        var out: [(year: Int, source: Provenance)] = []
        for table in reader.tables {
            for row in table.rows {
                for cell in row.cells {
                    let normalised = reader.normalised.cell(cell)
                    // A period names its years: a cell with no digit holds none (most cells are words).
                    guard normalised.text.unicodeScalars.contains(where: { ThaiScript.isDigit($0.value) }) else { continue }
                    for p in e.fiscalPeriods(in: KeyedText(normalised.text)) {
                        out.append((p.year, Provenance(page: table.page, box: cell.box, raw: cell.rawText, via: "period")
                            .with(changes: normalised.changes)))
                    }
                }
            }
        }
        // Prose periods only when no table holds one (a table's periods are also in its page's text).
        if out.isEmpty {
            for (b, block) in pages.enumerated() {
                for p in e.fiscalPeriods(in: block.keyed) {
                    out.append((p.year, pages[b].provenance(at: p.range.lowerBound, in: reader, via: "period")))
                }
            }
        }
        return out
    }
}
