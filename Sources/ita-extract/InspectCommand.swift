import ArgumentParser
import Foundation
import ITAModel
import PDFExtract
import PageLayout
import PageOCR
import Pipeline

/// `ita-extract inspect`: shows what the layout stage found in a PDF (lines, segments, tables).
struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Print the lines and tables the layout stage finds in a PDF; optionally draw a page as SVG.",
        discussion: """
        For each page (or only --page N): every text line top to bottom with its y position, \
        segments separated by ' | ', then each table as a text grid (header rows marked, spans \
        and page continuations noted). --svg OUT draws one page: glyph boxes (grey), ruling \
        lines (red), segments (blue), tables and cells with their text (green, header cells \
        shaded). --gold JSON scores the tables against gold cell grids (GriTS-Con) instead.
        """
    )

    @Argument(help: ArgumentHelp("The PDF to inspect.", valueName: "FILE"))
    var file: String

    @Option(name: .customLong("page"), help: ArgumentHelp("Only this page (1-based).", valueName: "N"))
    var page: Int?

    @Option(name: .customLong("svg"), help: ArgumentHelp("Write an SVG drawing of the page (--page N, else page 1) to this file.", valueName: "OUT"))
    var svg: String?

    @Option(name: .customLong("gold"), help: ArgumentHelp("Score the tables found against a gold file of cell grids (Corpus/tables/*.json) with GriTS-Con, printing one figure per gold table and their mean instead of the pages.", valueName: "JSON"))
    var gold: String?

    /// A gold file of Corpus/tables: the PDF's layout label and its tables as grids of cell texts.
    struct GoldFile: Decodable {
        struct Grid: Decodable { var grid: [[String]] }
        var layout: String
        var tables: [Grid]
    }

    @Flag(name: .customLong("no-ocr"), help: "Show pages without a text layer as they are instead of OCR'ing them.")
    var noOCR = false

    @Flag(name: .customLong("digit-shapes"), help: "Read OCR'd numbers in Thai digits again by shape, as extract does, and list each reading (what Tesseract read, the shapes' reading, the alternatives) after its page.")
    var digitShapes = false

    @Option(name: .customLong("settings"), help: ArgumentHelp("JSON file overriding the layout and cross-check tolerances ({\"layout\": {\"columnGapEm\": 1.2}, \"interpret\": {\"questionMeanTolerance\": 0.03}}); the settings in force are printed first (inspect shows layout only: the interpret settings are printed, and take effect in extract).", valueName: "FILE"))
    var settings: String?

    @Option(name: .customLong("mappings"), help: ArgumentHelp("The Mappings folder (default: $ITA_MAPPINGS, else found beside the executable or the current folder).", valueName: "DIR"))
    var mappingsDir: String?

    func run() async throws {
        let (layoutSettings, interpretSettings) = try SettingsFile.load(settings)
        guard let mappings = MappingsDirectory.locate(explicit: mappingsDir) else {
            throw ValidationError("Mappings folder not found: pass --mappings DIR or set \(MappingsDirectory.environmentVariable)")
        }
        let furniture = try MappingsFailure.exitOnError { try PageFurnitureWords(mappings: mappings) }
        var pdf: PDFText
        do { pdf = try PDFExtractor.read(path: file) } catch { throw ValidationError("cannot read \(file): \(error)") }
        var ocrPages: [Int] = []
        var rereads: [DigitReread] = []
        // Junk fonts left out as extract does (else a page whose fonts lack ToUnicode shows its
        // junk here rather than what OCR reads).
        _ = UnreadableFonts.remove(from: &pdf, settings: layoutSettings)
        if !noOCR {
            PageOCR.prepare()
            // Only the page asked for, when one is: OCR takes seconds per page.
            // With --digit-shapes the pages are what extract's layout sees (the shapes' readings in place).
            let digits = digitShapes ? try MappingsFailure.exitOnError { DigitShapeReader(templates: try DigitTemplates(mappings: mappings)) } : nil
            do {
                let filled = try PageOCR.fill(&pdf, path: file, only: page.map { [$0] }, digits: digits)
                ocrPages = filled.pages
                rereads = filled.rereads
            } catch {
                FileHandle.standardError.write(Data("inspect: OCR failed: \(error)\n".utf8))
            }
        }
        if let page, page < 1 || page > pdf.pages.count {
            throw ValidationError("--page \(page) is outside 1...\(pdf.pages.count)")
        }
        let layout = LayoutAnalyser.analyse(pdf, settings: layoutSettings, furniture: furniture)
        if let gold {
            let g = try JSONDecoder().decode(GoldFile.self, from: Data(contentsOf: URL(fileURLWithPath: gold)))
            let scores = TableStructureScore.bestScores(truth: g.tables.map(\.grid), predicted: TableStructureScore.logicalTables(layout, settings: layoutSettings))
            var out = ""
            for (i, s) in scores.enumerated() { out += String(format: "table %d\t%d rows\tGriTS-Con %.3f\n", i + 1, g.tables[i].grid.count, s) }
            let mean = scores.isEmpty ? 0 : scores.reduce(0, +) / Double(scores.count)
            out += String(format: "mean\t%@\t%d tables\tGriTS-Con %.3f\n", g.layout, scores.count, mean)
            FileHandle.standardOutput.write(out.data(using: .utf8)!)
            return
        }
        var out = "=== settings\n" + SettingsFile.describe(layoutSettings, interpretSettings) + "\n\n"
        for p in layout.pages where page == nil || p.page == page {
            out += "=== page \(p.page) (\(p.lines.count) lines, \(p.tables.count) tables"
                + (p.running.isEmpty ? ")" : ", \(p.running.count) running header or footer lines set apart)")
            if pdf.pages[p.page - 1].lacksTextLayer { out += " (no text layer)" }
            if ocrPages.contains(p.page) { out += " (read by OCR)" }
            out += "\n" + LayoutText.lines(p) + "\n"
            for t in p.tables { out += "\n" + LayoutText.grid(t) + "\n" }
            for r in rereads where r.page == p.page {
                out += String(format: "reread y %.0f x %.0f\t", r.box.y0, r.box.x0) + "\(r.ocr) -> \(r.reading) (margin "
                    + String(format: "%.2f", r.margin) + ") alternatives \(r.alternatives.joined(separator: " "))\n"
            }
            out += "\n"
        }
        FileHandle.standardOutput.write(out.data(using: .utf8)!)
        if let svg {
            let n = page ?? 1
            let text = LayoutSVG.render(page: pdf.pages[n - 1], layout: layout.pages[n - 1])
            try text.write(toFile: svg, atomically: true, encoding: .utf8)
        }
    }
}
