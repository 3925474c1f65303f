import Dispatch
import ITAModel
import PDFExtract

/// The layout stage: words, lines, segments and tables from a PDF's glyphs and ruling lines.
public enum LayoutAnalyser {
    /// Analyses every page of `pdf` (pages in parallel; output in page order), marking tables that
    /// continue one on the previous page, and every line and table row that is page furniture
    /// (`PageFurniture.mark`, with `furniture`: Mappings data, loaded once per run).
    public static func analyse(_ pdf: PDFText, settings: LayoutSettings = LayoutSettings(), furniture: PageFurnitureWords) -> DocumentLayout {
        var pages = [PageLayoutResult?](repeating: nil, count: pdf.pages.count)
        pages.withUnsafeMutableBufferPointer { buf in
            let base = buf.baseAddress!
            DispatchQueue.concurrentPerform(iterations: pdf.pages.count) { i in
                base[i] = analysePage(pdf.pages[i], settings: settings)
            }
        }
        var result = pages.map { $0! }
        TableContinuation.mark(&result, settings)
        return DocumentLayout(pages: result, settings: settings, furniture: furniture)
    }

    /// `analyse`, emptying each page's glyphs and rulings in `pdf` as soon as its layout is made
    /// (page number and size stay). The extract pipeline needs no glyph after layout, and a long
    /// document's glyphs (about 90 bytes each, 1,500 a text page) would otherwise be held beside its
    /// layout and the interpret stage's text: a 2,000-page report peaked at 588 MB (issue 14).
    public static func analyse(releasingGlyphsOf pdf: inout PDFText, settings: LayoutSettings = LayoutSettings(),
                               furniture: PageFurnitureWords) -> DocumentLayout {
        var pages = [PageLayoutResult?](repeating: nil, count: pdf.pages.count)
        pdf.pages.withUnsafeMutableBufferPointer { source in
            pages.withUnsafeMutableBufferPointer { buf in
                let base = buf.baseAddress!, from = source.baseAddress!
                DispatchQueue.concurrentPerform(iterations: source.count) { i in
                    base[i] = analysePage(from[i], settings: settings)
                    // Each iteration touches only its own page.
                    from[i].glyphs = []
                    from[i].rulings = []
                }
            }
        }
        var result = pages.map { $0! }
        TableContinuation.mark(&result, settings)
        return DocumentLayout(pages: result, settings: settings, furniture: furniture)
    }

    /// Analyses one page: every line top to bottom split into segments, and the tables on it.
    public static func analysePage(_ page: PageText, settings: LayoutSettings = LayoutSettings()) -> PageLayoutResult {
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
        let tables = TableFinder.tables(page: page.number, lines: lines, rulings: rulings,
                                        width: page.width, height: page.height, recognised: recognised, settings)
        return PageLayoutResult(page: page.number, width: page.width, height: page.height, lines: lines, tables: tables,
                                recognised: recognised)
    }
}
