import Foundation
import ITAModel
import PDFExtract
import PageLayout
import PageOCR
import ReportInterpret
import ThaiNormalise
import UnitIdentity

/// Reads one document through every stage into a `ReportRecord`. Never throws: whatever goes wrong
/// becomes the record's `error` and `status`, so one bad file cannot stop the batch.
struct DocumentProcessor: Sendable {
    /// The normalise stage (and the text-layer check's glyph repair test).
    let normaliser: ThaiNormaliser
    let interpreter: ReportInterpreter
    /// OCR for pages without a text layer; nil leaves them unread.
    let ocr: OCROptions?
    /// The enrichment after interpret: gazetteer codes and the unit key.
    let identifier: UnitIdentifier
    /// What page numbers are printed with (Mappings/layout/page-furniture.json), for the layout.
    let furniture: PageFurnitureWords
    /// How poppler's error messages become a `pdf_damaged` warning.
    let damage: PDFDamage
    /// The layout stage's tolerances.
    var layout = LayoutSettings()
    /// The interpret stage's cross-check tolerances.
    var interpret = InterpretSettings()
    /// Reads OCR'd numbers in Thai digits again by shape (nil with OCR off).
    var digits: DigitShapeReader? = nil
    /// The document's arithmetic, asked again after interpret to choose among shape readings (nil: no choice made).
    var arithmetic: ScoreArithmetic? = nil
    /// When a font's glyph codes are decoded by agreement with OCR.
    var glyphCodes = GlyphCodeDecoder.Settings()

    /// Loads everything a document needs from the Mappings/ folder, once per process (the run's,
    /// or a worker's); broken data throws (`MappingsError`, `GazetteerError`) before any document.
    static func load(mappings: URL, ocr: OCROptions?, layout: LayoutSettings,
                     interpret: InterpretSettings = InterpretSettings()) throws -> DocumentProcessor {
        let normaliser = try ThaiNormaliser(mappings: mappings)
        let ita = try ITAMappings(directory: mappings)
        return DocumentProcessor(normaliser: normaliser, interpreter: ReportInterpreter(mappings: ita),
                                 ocr: ocr, identifier: UnitIdentifier(gazetteer: try Gazetteer(mappings: mappings)),
                                 furniture: try PageFurnitureWords(mappings: mappings),
                                 damage: try PDFDamage(mappings: mappings), layout: layout, interpret: interpret,
                                 digits: ocr?.digitShapes != true ? nil : DigitShapeReader(templates: try DigitTemplates(mappings: mappings)),
                                 arithmetic: ScoreArithmetic(mappings: ita, settings: interpret))
    }

    /// Reads the document at `path`, whose SHA-256 (`digest`) the caller computed in the read pass.
    /// `pagesCounted` hears the page count as soon as it is known (a worker's time limit scales with it).
    /// `ocrPending` hears the OCR backlog change (+pages before OCR, -pages after): a worker tells its
    /// parent, whose progress line counts them (`OCRBacklog` lives per process).
    func process(path: String, digest: String, pagesCounted: ((Int) -> Void)? = nil,
                 ocrPending: ((Int) -> Void)? = nil) -> (ReportRecord, StageTimings) {
        var t = StageTimings()
        var record = ReportRecord(docID: String(digest.prefix(16)), sourcePath: path, sha256: digest)

        var pdf: PDFText
        do {
            pdf = try timed(&t.extract) { try PDFExtractor.read(path: path) }
        } catch let e as DocumentError {
            record.status = .failed
            record.error = e
            return (record, t)
        } catch {
            record.status = .failed
            record.error = DocumentError(stage: "extract", reason: "damaged", message: "\(error)")
            return (record, t)
        }
        record.pages = pdf.pageCount
        pagesCounted?(pdf.pageCount)
        // Pages that draw nothing a reader could want: no visible glyph (not even junk), no image. Only OCR can tell a blank page from text drawn as outlines: a
        // page of these that OCR then finds nothing on is blank (`BlankPages`), not a lost text layer.
        let drawsNoText = BlankPages.candidates(pdf)
        // poppler worked around flaws in the file: what it gave may be missing or wrong, so the
        // document is never a bare `ok` (one flipped byte in a ToUnicode map emptied a report).
        let damaged = damage.warning(pdf.messages)
        if let damaged { record.warnings.append(damaged); record.status = .partial }
        // The text layer as poppler gave it, kept while a page draws glyphs whose fonts lack a
        // ToUnicode map: a page whose codes are decoded later gets its other fonts' glyphs back.
        var givenGlyphs = pdf.pages.contains { !$0.codedGlyphs.isEmpty } ? pdf.pages.map(\.glyphs) : []
        // Whether junk makes the document `partial` is decided once its pages are read again (below).
        let junk = UnreadableFonts.removeFound(from: &pdf, settings: layout)
        // Junk never comes back with a page's other fonts: a font whose ToUnicode map exists but is
        // broken is no coded font, and its glyph ids (16-25 land on the digits) would return as text.
        if let fonts = junk?.fonts, !givenGlyphs.isEmpty {
            givenGlyphs = givenGlyphs.map { $0.filter { g in !(g.font.map(fonts.contains) ?? false) } }
        }
        let junkFonts = junk?.warning
        if let junkFonts { record.warnings.append(junkFonts) }
        // Text layers that cannot be right (no ToUnicode map, broken encodings) are read like scans.
        var repairs: [Unicode.Scalar: Bool] = [:]
        let unusable = TextLayerQuality.unusablePages(pdf) { u in
            if let known = repairs[u] { return known }
            let out = normaliser.normalise(String(u)).text
            let ok = !out.unicodeScalars.contains { (0xE000...0xF8FF).contains($0.value) }
            repairs[u] = ok
            return ok
        }
        if !unusable.isEmpty { TextLayerQuality.discardText(of: unusable.map(\.page), in: &pdf) }
        // Pages left without text whose glyphs are in fonts without a ToUnicode map: their text layer
        // was junk too (taken out above), so they are named with the others in `text_layer_unusable`.
        let unusableReasons = UnusableTextLayer.reasons(quality: unusable, pdf: pdf)
        let nativePages = pdf.pages.filter { !$0.lacksTextLayer }.map(\.number)
        // Read by outline first: pages whose every glyph the installed fonts name need no OCR.
        let outlineFirst = OutlineFirst.read(&pdf, givenGlyphs: givenGlyphs, settings: glyphCodes, privateUse: normaliser.privateUseCharacters)
        // Said once every page is read (how each was read); placed where the check found them.
        let unusableWarning = unusableReasons.isEmpty ? nil : record.warnings.count
        if !unusableReasons.isEmpty {
            record.warnings.append(Warning(code: .textLayerUnusable, message: "", page: unusableReasons[0].page))
        }
        // A Tesseract "sandwich" has glyphs, all in GlyphLessFont: its layer is never read through
        // poppler (a space between nearly every Thai character); such pages are OCR'd again instead.
        let sandwich = Self.hasGlyphLessFont(pdf)

        var ocrPages: [Int] = []
        var rereads: [DigitReread] = []
        var ocrError: String?
        if let ocr, case let reduced = PageOCR.reducedDPI(pdf, pages: pdf.pagesWithoutText, options: ocr), !reduced.isEmpty {
            record.warnings.append(Warning(code: .ocrDPIReduced,
                                           message: reduced.map { "page \($0.0) rendered at \(Int($0.1)) dpi" }.joined(separator: ", ")
                                               + " instead of \(Int(ocr.dpi)) (over the \(Int(ocr.maxPixels / 1e6)) Mpx render budget): a giant page; OCR may read less",
                                           page: reduced.first?.0))
        }
        if let ocr, !pdf.pagesWithoutText.isEmpty {
            let wanted = pdf.pagesWithoutText
            OCRBacklog.shared.add(wanted.count)  // the progress line's "OCR pages pending"
            ocrPending?(wanted.count)
            defer { OCRBacklog.shared.add(-wanted.count); ocrPending?(-wanted.count) }
            do {
                // The shape re-read of numbers is done on each page's OCR render, in the page's thread.
                let filled = try timed(&t.ocr) { try PageOCR.fill(&pdf, path: path, options: ocr, digits: digits) }
                ocrPages = filled.pages
                rereads = filled.rereads
                t.ocrSteps = filled.times
            } catch let e as DocumentError {
                ocrError = e.message
                record.warnings.append(Warning(code: .ocrFailed, message: e.message, page: wanted.first))
            } catch {
                ocrError = "\(error)"
                record.warnings.append(Warning(code: .ocrFailed, message: "\(error)", page: wanted.first))
            }
        }
        let decoded = decodeGlyphCodes(&pdf, ocrPages: ocrPages, givenGlyphs: givenGlyphs, outlineFirst: outlineFirst.pages)
        // Pages whose every code has a clear map read as a text layer; pages where a digit code
        // took OCR's reading keep OCR's checks on their scores (they stay OCR pages).
        ocrPages.removeAll { decoded.certain.contains($0) }
        if let ocr, !ocrPages.isEmpty {
            record.warnings.append(Warning(code: .ocrPages,
                                           message: "page\(ocrPages.count == 1 ? "" : "s") \(PageList.describe(ocrPages)) of \(pdf.pageCount) read by OCR (Tesseract \(ocr.languages), \(Int(ocr.dpi)) dpi\(sandwich ? "; the PDF's own OCR layer was not used" : "")): OCR misreads digits, so check the numbers",
                                           page: ocrPages.first))
        }
        let blank = ocr == nil || ocrError != nil ? [] : drawsNoText.subtracting(ocrPages)
        let missing = pdf.pagesWithoutText.filter { !blank.contains($0) }
        let whyMissing = ocr == nil ? "OCR is off" : ocrError.map { "OCR failed: \($0)" } ?? "OCR found no text"
        if let unusableWarning {
            record.warnings[unusableWarning].message = UnusableTextLayer.message(
                reasons: unusableReasons, outlineFirst: outlineFirst, decoded: decoded, ocrPages: ocrPages, missing: missing, whyMissing: whyMissing)
        } else if !decoded.pages.isEmpty, let w = record.warnings.lastIndex(where: { $0.code == .fontTextUnreadable }) {
            record.warnings[w].message += "; " + UnusableTextLayer.decodedSummary(decoded)
        }
        // Read exactly: outline first, or after OCR with every glyph matched by outline.
        let exactPages = outlineFirst.pages + decoded.certain
        let textLayerPages = nativePages + exactPages
        // A page decoded by outline is no text layer of the PDF's own (its text came through an
        // installed font's map, found after the page was judged unusable and OCR'd): never `native`.
        record.textSource = textLayerPages.isEmpty ? (ocrPages.isEmpty ? TextSource.none : .ocr)
                                                : (ocrPages.isEmpty && missing.isEmpty && decoded.pages.isEmpty && outlineFirst.isEmpty ? .native : .mixed)

        if !missing.isEmpty {
            let list = PageList.describe(missing)
            record.warnings.append(Warning(code: .noTextLayer,
                                           message: "no usable text layer on page\(missing.count == 1 ? "" : "s") \(list) of \(pdf.pageCount) (\(whyMissing))",
                                           page: missing.first))
        }
        if let junk, UnusableTextLayer.leavesPartial(junkPages: junk.pages, exactPages: exactPages, junkFonts: junk.fonts,
                                                     mapLessFonts: Set(pdf.pages.flatMap { $0.codedGlyphs.map { OutlineFirst.fontName($0.font) } })) {
            record.status = .partial
        }
        if record.textSource == TextSource.none {
            record.status = .failed
            let what = sandwich ? "only an OCR text layer (GlyphLessFont), which is not read"
                                : "no page has a usable text layer (scanned or image-only PDF)"
            let why = ocr == nil ? "OCR is off (--no-ocr)" : ocrError.map { "OCR failed: \($0)" } ?? "OCR found no text either"
            // No text because poppler could not read the file's objects: that is damage, not a scan.
            record.error = DocumentError(stage: "extract", reason: damaged == nil ? "no_text_layer" : "damaged",
                                         message: "\(what), \(pdf.pageCount) page\(pdf.pageCount == 1 ? "" : "s"); \(why)")
            return (record, t)
        }

        // Counted before layout, which releases the glyphs.
        let textPages = pdf.pages.filter { !$0.lacksTextLayer }.map(\.number)
        let layout = timed(&t.layout) { LayoutAnalyser.analyse(releasingGlyphsOf: &pdf, settings: self.layout, furniture: furniture) }
        let normalised = timed(&t.normalise) { normaliser.normalise(layout) }
        let found = timed(&t.interpret) { interpreter.interpret(normalised, settings: interpret) }
        record.fields = found.fields
        record.indicators = found.indicators
        record.questions = found.questions
        record.measures = found.measures
        record.warnings.append(contentsOf: found.warnings)
        // The OCR'd pages' lines: where a score stands against its row, and the script of the page's numbers.
        let ocrLines = Dictionary(layout.pages.filter { ocrPages.contains($0.page) }.map { ($0.page, $0.lines) }, uniquingKeysWith: { a, _ in a })
        OCRScorePolicy.apply(to: &record, ocrPages: Set(ocrPages), rereads: rereads, arithmetic: arithmetic, lines: ocrLines,
                             shapesRan: digits != nil, settings: interpret, isWord: normaliser.isKnownWord)
        identifier.identify(&record, ocrPages: Set(ocrPages))
        let sections = SectionCompleteness.check(record, sizes: found.sectionSizes, settings: interpret)
        record.warnings += sections.warnings
        if !missing.isEmpty || damaged != nil || sections.mostlyUnread
            || found.warnings.contains(where: { $0.code == .announcedSectionMissing || $0.code == .indicatorTablePageNumbers || $0.code == .planPagesUnread }) {
            record.status = .partial
        }
        if UnreadPlan.isUnread(found.measures, warnings: found.warnings) { record.status = .partial }
        let noScore = found.indicators.isEmpty && found.questions.isEmpty && found.fields.overallScore == nil
        if found.fields.unitName == nil && found.fields.assessmentYear == nil && noScore {
            // Pages were read but nothing an ITA report holds was found: a failure, never `ok`.
            record.status = .failed
            record.error = DocumentError(stage: "interpret", reason: "nothing_found",
                                         message: "\(pdf.pageCount) page\(pdf.pageCount == 1 ? "" : "s") read (text: \(record.textSource?.rawValue ?? "none")) but no unit name, year or score was recognised: "
                                             // Pages left unread may hold them (fresh tune 2022 with OCR off: only its last page read by outline).
                                             + (missing.isEmpty ? "is this an ITA report?" : "\(UnusableTextLayer.pages(missing)) had no usable text layer (\(whyMissing))"))
        } else if found.fields.unitName == nil && noScore {
            record.warnings.append(Warning(code: .nothingFound,
                                           message: "no unit name, score or indicator was recognised: is this an ITA report?"))
        }
        if record.status != .failed, let little = DocumentYield.warning(record, textPages: textPages, settings: interpret) {
            record.warnings.append(little)
            record.status = .partial
        }
        return (record, t)
    }
}

extension DocumentProcessor {
    /// Pages OCR read whose glyphs in fonts without a ToUnicode map can all be decoded by a map voted
    /// from that OCR (`GlyphCodeDecoder`): their glyphs become the decoded text layer (with the glyphs
    /// of their other fonts as poppler gave them), so they read as text-layer pages, not OCR.
    func decodeGlyphCodes(_ pdf: inout PDFText, ocrPages: [Int], givenGlyphs: [[Glyph]],
                          outlineFirst: [Int] = []) -> (pages: [Int], certain: [Int], summary: String) {
        let candidates = pdf.pages.indices.filter { ocrPages.contains(pdf.pages[$0].number) && !pdf.pages[$0].codedGlyphs.isEmpty }
        guard !candidates.isEmpty, givenGlyphs.count == pdf.pages.count else { return ([], [], "") }
        var tally = GlyphCodeDecoder.Tally()
        // Pages read by outline before OCR have no OCR words, but their codes' outlines still rule
        // out a vote that gives one of their characters to another code of the font.
        for i in pdf.pages.indices where outlineFirst.contains(pdf.pages[i].number) {
            GlyphCodeDecoder.tally(coded: pdf.pages[i].codedGlyphs, ocr: [], into: &tally, settings: glyphCodes)
        }
        var readings: [Int: [Int: String]] = [:]
        for i in candidates { readings[i] = GlyphCodeDecoder.tally(coded: pdf.pages[i].codedGlyphs, ocr: pdf.pages[i].glyphs, into: &tally, settings: glyphCodes) }
        let map = GlyphCodeDecoder.accept(tally, settings: glyphCodes)
        var pages: [Int] = [], certain: [Int] = []
        for i in candidates {
            guard let (text, sure) = GlyphCodeDecoder.decode(pdf.pages[i].codedGlyphs, map: map, readings: readings[i] ?? [:], settings: glyphCodes,
                                                             privateUse: normaliser.privateUseCharacters) else { continue }
            OutlineFirst.replaceCodedFonts(of: &pdf.pages[i], given: givenGlyphs[i], decoded: text)
            pdf.pages[i].recognisedSkew = 0
            pages.append(pdf.pages[i].number)
            if sure { certain.append(pdf.pages[i].number) }
        }
        let fonts = Set(map.text.keys.map(\.font)).count
        var glyphsByOutline = 0, glyphsOther = 0
        for i in candidates {
            for g in pdf.pages[i].codedGlyphs where !g.blank {
                if map.byOutline.contains(.init(font: g.font, code: g.code)) { glyphsByOutline += 1 } else { glyphsOther += 1 }
            }
        }
        return (pages, certain, "\(map.byOutline.count) codes of \(fonts) font\(fonts == 1 ? "" : "s") by the installed font's outlines\(map.byOutlineChoice.isEmpty ? "" : " (\(map.byOutlineChoice.count) of them an outline several characters share, chosen by OCR)"), \(map.text.count - map.byOutline.count) by \(map.votes) OCR votes in \(tally.matched) of \(tally.words) OCR words, \(map.unmapped.count) as OCR read them in place; glyphs: \(glyphsByOutline) by outline, \(glyphsOther) otherwise")
    }

    /// Whether any glyph is in a Tesseract GlyphLessFont. Each distinct font name is searched once
    /// (a page's glyphs come in runs of one font; Foundation's substring search per glyph was 2.5%
    /// of a run's CPU), natively on the bytes.
    static func hasGlyphLessFont(_ pdf: PDFText) -> Bool {
        let needle = Array("GlyphLess".utf8)
        var checked: [String: Bool] = [:]
        var last: String?
        for page in pdf.pages {
            for g in page.glyphs {
                guard let font = g.font, font != last else { continue }
                last = font
                let found = checked[font] ?? {
                    let bytes = Array(font.utf8)
                    let hit = bytes.count >= needle.count
                        && (0...(bytes.count - needle.count)).contains { i in bytes[i..<(i + needle.count)].elementsEqual(needle) }
                    checked[font] = hit
                    return hit
                }()
                if found { return true }
            }
        }
        return false
    }
}

/// "1-3, 5" for [1, 2, 3, 5]: page lists in warnings stay short on long scans.
enum PageList {
    static func describe(_ pages: [Int]) -> String {
        var parts: [String] = []
        var i = 0
        while i < pages.count {
            var j = i
            while j + 1 < pages.count && pages[j + 1] == pages[j] + 1 { j += 1 }
            parts.append(i == j ? "\(pages[i])" : "\(pages[i])-\(pages[j])")
            i = j + 1
        }
        return parts.joined(separator: ", ")
    }
}
