import Dispatch
import ITAModel
import PDFExtract

/// The layout stage: words, lines, segments and tables from a PDF's glyphs and ruling lines.
public enum LayoutAnalyser {
    /// Analyses every page of `pdf` (pages in parallel; output in page order), marking tables that
    /// continue one on the previous page, and every line and table row that is page furniture
    /// (`PageFurniture.mark`, with `furniture`: Mappings data, loaded once per run).
    public static func analyse(_ pdf: PDFText, settings: LayoutSettings = LayoutSettings(), furniture: PageFurnitureWords) -> DocumentLayout {
        var copy = pdf
        return analyse(releasingGlyphsOf: &copy, settings: settings, furniture: furniture)
    }

    /// `analyse`, emptying each page's glyphs and rulings in `pdf` as soon as its layout is made
    /// (page number and size stay). The extract pipeline needs no glyph after layout, and a long
    /// document's glyphs (about 90 bytes each, 1,500 a text page) would otherwise be held beside its
    /// layout and the interpret stage's text: a 2,000-page report peaked at 588 MB (issue 14).
    public static func analyse(releasingGlyphsOf pdf: inout PDFText, settings: LayoutSettings = LayoutSettings(),
                               furniture: PageFurnitureWords) -> DocumentLayout {
        // Lines first, page by page; then running headers and footers, which only the whole
        // document shows (`RunningLines`); then each page's tables from its other lines.
        var read = [PageLines?](repeating: nil, count: pdf.pages.count)
        pdf.pages.withUnsafeMutableBufferPointer { source in
            read.withUnsafeMutableBufferPointer { buf in
                let base = buf.baseAddress!, from = source.baseAddress!
                DispatchQueue.concurrentPerform(iterations: source.count) { i in
                    base[i] = lines(of: from[i], settings: settings)
                    // Each iteration touches only its own page.
                    from[i].glyphs = []
                    from[i].rulings = []
                }
            }
        }
        let lined = read.map { $0! }
        let running = RunningLines.find(lined.map { ($0.lines, $0.height) }, settings, furniture)
        var pages = [PageLayoutResult?](repeating: nil, count: lined.count)
        pages.withUnsafeMutableBufferPointer { buf in
            let base = buf.baseAddress!
            DispatchQueue.concurrentPerform(iterations: lined.count) { i in
                base[i] = tables(of: lined[i], running: running[i], settings: settings)
            }
        }
        var result = pages.map { $0! }
        TableContinuation.mark(&result, settings)
        return DocumentLayout(pages: result, settings: settings, furniture: furniture)
    }

    /// Analyses one page: every line top to bottom split into segments, and the tables on it.
    /// One page alone (no running header or footer can be told from one page: see `analyse`).
    public static func analysePage(_ page: PageText, settings: LayoutSettings = LayoutSettings()) -> PageLayoutResult {
        tables(of: lines(of: page, settings: settings), settings: settings)
    }

    /// A page's lines, before its tables are found.
    struct PageLines {
        var page: Int, width: Double, height: Double
        var lines: [TextLine]
        var rulings: Rulings
        var recognised: Bool
    }

    /// Every line of `page` top to bottom, split into segments.
    static func lines(of page: PageText, settings: LayoutSettings) -> PageLines {
        let rulings = Rulings(page.rulings, settings)
        let clusters = GlyphCluster.build(page.glyphs, settings)
        let rawLines = LineBuilder.build(clusters, settings)
        let lines = rawLines.map { raw -> TextLine in
            let words = WordBuilder.words(raw.clusters, settings)
            let sizes = raw.clusters.map(\.fontSize).sorted()
            let size = sizes.isEmpty ? 12 : sizes[sizes.count / 2]
            return TextLine(page: page.number, segments: SegmentSplitter.segments(words, fontSize: size, rulings: rulings, settings))
        }
        let recognised = page.glyphs.contains { $0.font == Glyph.recognisedFont }
        // OCR's ink-tight boxes leave a scan's columns closer than a gap: they are found by alignment.
        return PageLines(page: page.number, width: page.width, height: page.height,
                         lines: recognised ? OCRColumnStarts.split(lines, settings) : lines, rulings: rulings,
                         recognised: recognised)
    }

    /// The page's tables, from its lines that are not running headers or footers.
    static func tables(of page: PageLines, running: Set<Int> = [], settings: LayoutSettings) -> PageLayoutResult {
        let body = page.lines.indices.filter { !running.contains($0) }.map { page.lines[$0] }
        let tables = TableFinder.tables(page: page.page, lines: body, rulings: page.rulings,
                                        width: page.width, height: page.height, recognised: page.recognised, settings)
        var aside = running.sorted().map { page.lines[$0] }
        for i in aside.indices { aside[i].furniture.insert(.running) }
        return PageLayoutResult(page: page.page, width: page.width, height: page.height, lines: body, tables: tables,
                                recognised: page.recognised, running: aside)
    }
}
