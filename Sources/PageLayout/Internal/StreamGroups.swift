import ITAModel

/// Side-by-side column groups in a borderless table with no group titles above it (a page
/// continuing IIT | EIT | OIT question lists): the columns repeat one pattern (text, score, text,
/// score ...) and the title row repeats with it, or gives one title per group, or the groups' rows
/// do not line up.
enum StreamGroups {
    /// What a column holds in the table's body rows.
    enum Kind: Equatable { case empty, text, number, integer }

    /// Column ranges of the repeated groups, or nil when the columns do not repeat a pattern.
    static func periodic(_ t: Table, items: [StreamTableFinder.Item], lines: [TextLine], _ settings: LayoutSettings) -> [ClosedRange<Int>]? {
        let n = t.columns.count
        guard n >= 4 else { return nil }
        let kinds = (0..<n).map { kind(t, column: $0, settings) }
        for p in 2...(n / 2) where n % p == 0 {
            guard (0..<n).allSatisfy({ kinds[$0] == kinds[$0 % p] }),
                  kinds[0..<p].contains(.text), kinds[0..<p].contains(.number) else { continue }
            let groups = stride(from: 0, to: n, by: p).map { $0...($0 + p - 1) }
            if titlesRepeat(t, groups) || groupTitles(t, groups) || rowsMisaligned(groups, items: items, lines: lines, settings) { return groups }
        }
        return nil
    }

    /// A column is a number column when most of its filled cells in data rows (rows with a number
    /// in them: sub-titles such as "ตัวชี้วัดที่ ๔ ... | คะแนน" left out) are numbers: `number` when at
    /// least half of them have decimals, else `integer` (the shares: `LayoutSettings.group...`).
    static func kind(_ t: Table, column c: Int, _ settings: LayoutSettings) -> Kind {
        let data = t.rows.filter { r in !r.isHeader && r.cells.contains { HeaderDetector.isNumeric($0.rawText) } }
        let cells = data.compactMap { $0.cell(at: c) }.filter { $0.columnSpan == 1 && !$0.lines.isEmpty }
        guard !cells.isEmpty else { return .empty }
        let numbers = cells.filter { HeaderDetector.isNumeric($0.rawText) }
        guard Double(numbers.count) >= settings.groupNumberColumnShare * Double(cells.count) else { return .text }
        // Scores are printed with decimals; a column of whole numbers is a row or indicator number
        // ("IIT | 1 | การปฏิบัติหน้าที่ | 99.75" is one table, not two text/number groups).
        let decimals = numbers.filter { $0.rawText.contains(".") }.count
        return Double(decimals) >= settings.groupDecimalColumnShare * Double(numbers.count) ? .number : .integer
    }

    /// A title row whose titles repeat group after group ("ข้อ | คะแนน | ข้อ | คะแนน").
    static func titlesRepeat(_ t: Table, _ groups: [ClosedRange<Int>]) -> Bool {
        t.rows.filter(\.isHeader).contains { row in
            let per = groups.map { g in g.map { row.cell(at: $0)?.rawText ?? "" } }
            return per[0].contains { !$0.isEmpty } && per.allSatisfy { $0 == per[0] }
        }
    }

    /// A top title row with one title per group ("ประเด็น...IIT | ประเด็น...OIT"), the rest empty.
    static func groupTitles(_ t: Table, _ groups: [ClosedRange<Int>]) -> Bool {
        guard let top = t.rows.first, top.isHeader else { return false }
        return groups.allSatisfy { g in top.cells.filter { g.contains($0.column) && !$0.lines.isEmpty }.count == 1 }
    }

    /// The groups' rows start at different heights: independent lists, not one table's rows.
    static func rowsMisaligned(_ groups: [ClosedRange<Int>], items: [StreamTableFinder.Item], lines: [TextLine],
                               _ settings: LayoutSettings) -> Bool {
        let starts = groups.map { g -> [Double] in
            RowGrouper.rows(Self.items(items, in: g), lines: lines, settings).map { r in r.map { lines[$0.line].box.y0 }.min()! }
        }
        guard starts.allSatisfy({ $0.count >= 2 }) else { return false }
        for s in starts.dropFirst() {
            let matched = s.filter { y in starts[0].contains { abs($0 - y) <= settings.groupRowAlignTolerance } }.count
            if Double(matched) < settings.groupAlignedRowsShare * Double(s.count) { return true }
        }
        return false
    }

    /// The items starting in group `g`, columns renumbered from 0 and spans cut at the group's edge.
    static func items(_ items: [StreamTableFinder.Item], in g: ClosedRange<Int>) -> [StreamTableFinder.Item] {
        items.filter { g.contains($0.c0) }.map { it in
            var it = it
            it.c1 = min(it.c1, g.upperBound) - g.lowerBound
            it.c0 -= g.lowerBound
            return it
        }
    }
}
