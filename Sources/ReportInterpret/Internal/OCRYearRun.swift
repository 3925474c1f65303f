/// The year columns of an OCR'd multi-year header that its other columns confirm. A multi-year
/// table prints consecutive years, newest last or first ("คะแนนปี ๒๕๖๕ | คะแนนปี ๒๕๖๖ | คะแนนปี 2567"),
/// and the report's own year is one of them. Tesseract misreads Thai digits and the shapes may
/// too (tune scan v002200: `๒๕๖๕` read `๒๕๖๔` by a margin of 0.00), and a misread year title files
/// every score under it as another year's: a wrong value per row. So on an OCR'd page a column
/// stands when its year lies in the header's run of consecutive years (in column order) that holds
/// the assessment year; with no assessment year, in the header's one longest run. A header that is
/// one run throughout is taken whole, as before; a column outside the run is left out, said in a
/// warning, never moved to another year. A year two columns name is a misread in one of them, and
/// nothing tells which (`2564 | 2565 | 2566` read `2565 | 2565 | 2566`): every column of it is left out.
enum OCRYearRun {
    /// The header's years that no run confirms (empty when the header is one run of distinct years).
    static func unconfirmed(_ years: [Int], assessment: Int?) -> Set<Int> {
        guard years.count >= 2 else { return [] }
        let twice = Set(Dictionary(grouping: years, by: { $0 }).filter { $0.value.count > 1 }.keys)
        return twice.union(outsideTheRun(years, assessment: assessment))
    }

    private static func outsideTheRun(_ years: [Int], assessment: Int?) -> Set<Int> {
        // Maximal runs of columns whose years step by one, in one direction.
        var runs: [[Int]] = []
        var run = [years[0]]
        var step = 0
        for y in years.dropFirst() {
            let d = y - run[run.count - 1]
            if abs(d) == 1, step == 0 || d == step {
                run.append(y); step = d
            } else {
                runs.append(run)
                // The last year may start the next run, in either direction.
                run = abs(d) == 1 ? [run[run.count - 1], y] : [y]
                step = abs(d) == 1 ? d : 0
            }
        }
        runs.append(run)
        if runs.count == 1 { return [] }
        let long = runs.filter { $0.count >= 2 }
        let kept: [Int]?
        if let a = assessment {
            kept = long.first { $0.contains(a) }
        } else {
            let most = long.map(\.count).max() ?? 0
            let longest = long.filter { $0.count == most }
            kept = longest.count == 1 ? longest[0] : nil
        }
        return Set(years).subtracting(kept ?? [])
    }
}
