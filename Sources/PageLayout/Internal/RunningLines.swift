import ITAModel
import ThaiCharacters

/// Running headers and footers: text a word processor prints in the header or footer area of
/// every page (a report title, the unit, a print date, a file path, `เอกสารประกอบ o36`). Position
/// alone cannot tell them from the body, whose first line on a page also lies near the top; what
/// tells them is repetition across the document. A line is running text when:
/// - it lies in the page's top or bottom margin (`PageFurniture.inTopMargin`/`inBottomMargin`),
///   with only margin lines between it and the page's edge;
/// - its text, digits aside (a page number or a date inside it changes), is printed at the same
///   distance from the same edge (`runningPositionTolerance`) on at least `runningMinPages` pages;
/// - and it lies outside the body on every page: above the highest first line of any page (below
///   the lowest last line) that is neither a page number nor repeated margin text. A table's header
///   row repeated at each page's top is repeated too, but it is where the body starts, as a page
///   of prose starts there.
/// Found before tables are, so that no table takes running text for a row (a borderless table
/// took a running header for its header row, and a plan's cell went on into the next page's
/// header), and readers never see it (a print date's year, a page footer's `o36`).
enum RunningLines {
    /// A margin line that may be running text: its page (index), line, edge and key.
    private struct Candidate {
        var page: Int
        var line: Int
        var top: Bool
        /// Distance from its edge: the top of its box from the page's top, or the bottom of its box
        /// from the page's bottom.
        var offset: Double
        var key: String
    }

    /// For each page of `pages` (its lines top to bottom, and its height), the indexes of its
    /// running lines. Page numbers (`PageFurniture.isPageNumber`) are passed over, not marked.
    static func find(_ pages: [(lines: [TextLine], height: Double)], _ settings: LayoutSettings,
                     _ words: PageFurnitureWords) -> [Set<Int>] {
        var out = [Set<Int>](repeating: [], count: pages.count)
        guard Double(pages.count) >= settings.runningMinPages else { return out }
        var candidates: [Candidate] = []
        for (p, page) in pages.enumerated() {
            for (range, top) in [(Array(page.lines.indices), true), (Array(page.lines.indices.reversed()), false)] {
                for l in range {
                    let line = page.lines[l]
                    let inMargin = top ? PageFurniture.inTopMargin(line.box, pageHeight: page.height, settings)
                                       : PageFurniture.inBottomMargin(line.box, pageHeight: page.height, settings)
                    guard inMargin else { break }
                    if PageFurniture.isPageNumber(line.text, box: line.box, pageHeight: page.height, settings, words) { continue }
                    // A line with no letter (a score row, a date alone) says too little to be told
                    // by repetition.
                    guard PageFurniture.runningKey(line.text).unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else { continue }
                    candidates.append(Candidate(page: p, line: l, top: top,
                                                offset: top ? line.box.y0 : page.height - line.box.y1,
                                                key: PageFurniture.runningKey(line.text)))
                }
            }
        }
        // Groups: one key at one edge and one place, on enough pages.
        var groups: [[Candidate]] = []
        let byKey = Dictionary(grouping: candidates) { "\($0.top ? "t" : "b")\u{0}\($0.key)" }
        for key in byKey.keys.sorted() {
            var rest = byKey[key]!.sorted { ($0.offset, $0.page) < ($1.offset, $1.page) }
            while let first = rest.first {
                let same = rest.filter { abs($0.offset - first.offset) <= settings.runningPositionTolerance }
                rest.removeAll { abs($0.offset - first.offset) <= settings.runningPositionTolerance }
                if Double(Set(same.map(\.page)).count) >= settings.runningMinPages { groups.append(same) }
            }
        }
        // The body's edges: over all pages, the highest first line and the lowest last line that
        // are neither page numbers nor repeated margin text. Running text lies outside them; a
        // table's header row repeated at each page's top is the top of its page's body, as the
        // first line of a page of prose is.
        let repeated = Set(groups.flatMap { $0.map { PageLine(page: $0.page, line: $0.line) } })
        var bodyTop = Double.infinity, bodyBottom = Double.infinity  // distances from the edges
        for (p, page) in pages.enumerated() {
            let body = page.lines.indices.filter { l in
                !repeated.contains(PageLine(page: p, line: l))
                    && !PageFurniture.isPageNumber(page.lines[l].text, box: page.lines[l].box, pageHeight: page.height, settings, words)
            }
            if let first = body.map({ page.lines[$0].box.y0 }).min() { bodyTop = min(bodyTop, first) }
            if let last = body.map({ page.lines[$0].box.y1 }).max() { bodyBottom = min(bodyBottom, page.height - last) }
        }
        for group in groups {
            // A table's header row over its columns: cells standing over the cells of the line
            // below it, on every page. Running text is a line or two texts apart from the body's
            // columns; when it does stand over them, it is left in the body (read as before).
            if group.allSatisfy({ headsColumns($0, pages) }) { continue }
            let outside = group.allSatisfy { c in
                let box = pages[c.page].lines[c.line].box
                return c.top ? box.y1 <= bodyTop + settings.runningBodyEdgeSlack
                             : pages[c.page].height - box.y0 <= bodyBottom + settings.runningBodyEdgeSlack
            }
            if outside { for c in group { out[c.page].insert(c.line) } }
        }
        return out
    }

    private struct PageLine: Hashable { var page: Int; var line: Int }

    /// The candidate's line has two or more segments, and at least two of them each stand over a
    /// different segment of the next line further in (a header row over its table's columns).
    private static func headsColumns(_ c: Candidate, _ pages: [(lines: [TextLine], height: Double)]) -> Bool {
        let lines = pages[c.page].lines
        let segments = lines[c.line].segments
        guard segments.count >= 2 else { return false }
        let inner = c.top ? lines.indices.filter { lines[$0].box.y0 > lines[c.line].box.y1 }.first
                          : lines.indices.filter { lines[$0].box.y1 < lines[c.line].box.y0 }.last
        guard let inner else { return false }
        let below = lines[inner].segments
        var covered = Set<Int>()
        for seg in segments {
            if let k = below.indices.first(where: { !covered.contains($0) && below[$0].box.x0 < seg.box.x1 && seg.box.x0 < below[$0].box.x1 }) {
                covered.insert(k)
            }
        }
        return covered.count >= 2
    }
}
