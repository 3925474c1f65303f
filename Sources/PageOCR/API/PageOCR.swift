// Stage 1b: pages without a usable text layer (scans, Tesseract sandwiches) are rendered through
// poppler and read with Tesseract; the words come back as glyphs in the same form as a text layer,
// so the later stages do not care where the text came from.
import Foundation
import ITAModel
import PDFExtract
import PopplerShim
import TesseractShim

/// How pages are OCR'd.
public struct OCROptions: Sendable, Equatable, Codable {
    /// Tesseract languages (Debian packages tesseract-ocr-tha and tesseract-ocr-eng).
    public var languages: String = "tha+eng"
    /// Render resolution. 200 dpi: scans are mostly 150-200 dpi, and 300 took 1.5x the time per page.
    public var dpi: Double = 200
    /// Tesseract's tessdata folder; nil for its default.
    public var dataPath: String?
    /// Pixel budget of one page's render: a page that would take more at `dpi` is rendered at the
    /// dpi that fits, and the document gets an `ocr_dpi_reduced` warning. A 14400 pt square page
    /// (PDF's largest) at 200 dpi would be 1.6 Gpx, about 6.4 GB as poppler's 32-bit render. 16 Mpx:
    /// A4 up to 400 dpi (15.5 Mpx) and A3 up to 280 dpi are never reduced (scans are 150-300 dpi);
    /// measured, a 36 Mpx render with Tesseract peaked at 639 MB resident (Scripts/hostile/measure.sh).
    public var maxPixels: Double = 16_000_000
    /// The run's OCR thread budget (the pipeline sets it from `--jobs`): up to `threads` pages of one
    /// document are OCR'd at once, one Tesseract engine per thread. nil: one page at a time.
    /// Not part of what a page reads as: output is the same with any budget.
    public var budget: OCRThreadBudget?
    /// Read OCR'd numbers in Thai digits again by shape (`DigitRereader`); off only to compare.
    public var digitShapes: Bool = true

    public init(languages: String = "tha+eng", dpi: Double = 200, dataPath: String? = nil) {
        self.languages = languages; self.dpi = dpi; self.dataPath = dataPath
    }

    /// The dpi a page of `width` x `height` points is rendered at: `dpi`, or less to stay within
    /// `maxPixels` (whole dpi, rounded down).
    public func renderDPI(width: Double, height: Double) -> Double {
        let area = max(width, 1) * max(height, 1) / (72 * 72)  // square inches
        guard area * dpi * dpi > maxPixels else { return dpi }
        return max(1, (maxPixels / area).squareRoot().rounded(.down))
    }
}

/// Reads pages of a PDF with Tesseract.
public enum PageOCR {
    /// Loads Tesseract and limits its OpenMP threads. Call it once before starting concurrent work
    /// (it sets an environment variable, which is not thread-safe); `read` does it otherwise.
    /// Returns nil when Tesseract is ready, else why it is not.
    @discardableResult
    public static func prepare() -> String? {
        var message = [CChar](repeating: 0, count: 512)
        return ts_preload(&message, message.count) == 0 ? nil : string(message)
    }

    /// OCRs `pages` (1-based) of the PDF at `path` and returns, per page, its glyphs, one per Unicode
    /// scalar, in Tesseract's reading order, with boxes in PDF points (top-left origin) and the font
    /// name "OCR", and the table borders found in its render (see `OCRPage`). Throws `DocumentError` (stage "ocr") when the engine or a page render fails.
    /// Table borders are painted white before recognition (see `LineEraser`).
    /// `dpiOf` gives a page's render dpi where it is not `options.dpi` (see `OCROptions.renderDPI`).
    /// `straight`: pages whose skew is not turned back (their drawn rulings stay, in the page's own
    /// frame: see `fill`).
    /// `digits` with `sizeOf` (the pages' sizes in points): the page's number-shaped words are read
    /// again by shape (`DigitRereader`) on the same render, as it was before its borders were erased.
    public static func read(path: String, pages: [Int], options: OCROptions = OCROptions(),
                            dpiOf: [Int: Double] = [:], straight: Set<Int> = [],
                            digits: DigitShapeReader? = nil, sizeOf: [Int: PageSize] = [:]) throws -> [Int: OCRPage] {
        let work = PageWork(pages: pages, helpers: min(options.budget?.threads ?? 1, pages.count) - 1)
        let job = PageJob(path: path, options: options, dpiOf: dpiOf, straight: straight, digits: digits, sizeOf: sizeOf)
        // Each thread has its own poppler document (one per thread, never shared) and engine; pages
        // are handed out in order and each result is kept by page number, so the output does not
        // depend on which thread read which page.
        // The document's own thread waits for slots. Helper threads open their poppler document and
        // engine only once they hold a slot: with every worker's helpers opening engines up front,
        // memory grew with --jobs squared (a worker per job, a helper per job in each) although only
        // --jobs pages are ever recognised at once. One helper at a time waits for a slot (without an
        // engine) while pages remain, and a helper that gets one starts the next: a slot that
        // another document frees is taken up at once (helpers used to end at the first taken slot,
        // so a long scan that began beside another document was read on one thread to its end
        // while the other's cores stood idle).
        work.startHelper = {
            work.crew.enter()
            Thread { readPages(job, work: work, helper: true); work.helperEnded(); work.crew.leave() }.start()
        }
        readPages(job, work: work, helper: false)
        work.crew.wait()
        work.startHelper = {}  // it holds `work`: the cycle would keep every page's glyphs alive
        return try work.result()
    }

    /// A page's size in points, for the shape re-read's crops.
    public struct PageSize: Sendable, Equatable {
        public var width: Double, height: Double
        public init(width: Double, height: Double) { self.width = width; self.height = height }
    }

    /// What every thread of one `read` reads with.
    private struct PageJob {
        var path: String
        var options: OCROptions
        var dpiOf: [Int: Double]
        var straight: Set<Int>
        var digits: DigitShapeReader?
        var sizeOf: [Int: PageSize]
    }

    /// One thread's share of `read`: takes a slot, then the next page, until no page is left or a
    /// page failed (the slot is taken before the page, so a page once taken is always read). The
    /// document's own thread waits for a slot; a helper waits only as the document's one waiting
    /// helper (see `PageWork.recruit`), else it ends.
    private static func readPages(_ job: PageJob, work: PageWork, helper: Bool) {
        let options = job.options
        var doc: OpaquePointer?
        var engine: OpaquePointer?
        defer {
            if let doc { ps_document_close(doc) }
            if let engine { EnginePool.shared.give(engine, options) }
        }
        while true {
            var slot: Int32 = -1
            if let budget = options.budget {
                if helper {
                    if let free = budget.tryAcquire() {
                        slot = free
                    } else {
                        guard work.startWaiting() else { return }
                        // Waiting may be long: the engine goes back to the pool meanwhile (memory).
                        if let e = engine { EnginePool.shared.give(e, options); engine = nil }
                        var free: Int32?
                        while free == nil && work.hasNext {
                            usleep(OCRThreadBudget.pollInterval)
                            free = budget.tryAcquire()
                        }
                        work.stopWaiting()
                        guard let free else { return }
                        slot = free
                    }
                } else {
                    slot = budget.acquire()
                }
            }
            defer { options.budget?.release(slot) }
            guard let (index, number) = work.next() else { return }
            // This thread reads now: a helper, if there is room for one, waits for the next free slot.
            if options.budget != nil { work.recruit() }
            if doc == nil {
                var code: Int32 = 0
                var message = [CChar](repeating: 0, count: 512)
                guard let opened = ps_document_open(job.path, &code, &message, message.count) else {
                    work.fail(index, DocumentError(stage: "ocr", reason: "damaged", message: string(message)))
                    return
                }
                doc = opened
            }
            var opening = 0.0  // CPU seconds taking an engine (loading one when the pool has none)
            if engine == nil {
                do { engine = try OCRTimes.timed(&opening) { try EnginePool.shared.take(options) } } catch {
                    work.fail(index, error as? DocumentError ?? DocumentError(stage: "ocr", reason: "ocr_unavailable", message: "\(error)"))
                    return
                }
            }
            let dpi = job.dpiOf[number] ?? options.dpi
            do {
                var page = try readPage(doc!, engine: engine!, number: number, dpi: dpi, path: job.path,
                                        turn: !job.straight.contains(number), digits: job.digits, size: job.sizeOf[number])
                page.times.engine = opening
                work.done(index, number, page)
            } catch {
                work.fail(index, error as? DocumentError ?? DocumentError(stage: "ocr", reason: "ocr_failed", message: "\(error)"))
                return
            }
        }
    }

    private static func readPage(_ doc: OpaquePointer, engine: OpaquePointer, number: Int, dpi: Double, path: String, turn: Bool,
                                 digits: DigitShapeReader?, size: PageSize?) throws -> OCRPage {
        var times = OCRTimes()
        guard let bitmap = OCRTimes.timed(&times.render, { ps_page_render_gray(doc, Int32(number - 1), dpi) }) else {
            throw DocumentError(stage: "ocr", reason: "damaged", message: "\(path): page \(number) could not be rendered for OCR")
        }
        defer { ps_bitmap_free(bitmap) }
        let b = bitmap.pointee
        // The shape re-read crops the render as it was before its borders were erased (a digit
        // touching a border loses its edge pixels to the eraser).
        var before: [UInt8] = []
        if digits != nil, size != nil {
            before = OCRTimes.timed(&times.reread) { Array(UnsafeBufferPointer(start: b.data, count: Int(b.stride) * Int(b.height))) }
        }
        let borders = OCRTimes.timed(&times.erase) { LineEraser.erase(b, dpi: dpi) }
        var words: UnsafeMutablePointer<ts_word>?
        var count = 0
        let status = OCRTimes.timed(&times.recognise) {
            ts_engine_read(engine, b.data, b.width, b.height, b.stride, Int32(dpi.rounded()), &words, &count)
        }
        guard status == 0 else {
            // (The engine was cleared by the shim, but a failed page ends this document's OCR.)
            throw DocumentError(stage: "ocr", reason: "ocr_failed", message: "\(path): Tesseract could not read page \(number)")
        }
        defer { ts_words_free(words, count) }
        var page = OCRTimes.timed(&times.words) {
            let list = count > 0 && words != nil ? Array(UnsafeBufferPointer(start: words, count: count)) : []
            return OCRPage.make(words: list.map(OCRWord.init), borders: borders, width: Double(b.width), height: Double(b.height), dpi: dpi, turn: turn)
        }
        if let digits, let size, !before.isEmpty {
            OCRTimes.timed(&times.reread) {
                before.withUnsafeMutableBufferPointer { buffer in
                    let render = ps_bitmap(data: buffer.baseAddress, width: b.width, height: b.height, stride: b.stride)
                    (page.glyphs, page.rereads) = DigitRereader.reread(page: number, glyphs: page.glyphs, width: size.width, height: size.height,
                                                                       skew: page.skew, render: render, dpi: dpi, reader: digits)
                }
            }
        }
        page.times = times
        return page
    }

    static func string(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// The pages of one `read`, shared by its threads: which page is next, what each gave, and the
/// first failure. The error thrown is that of the earliest failing page in `pages`' order, as when
/// the pages are read one after another (pages are handed out in order, so every page before a
/// failed one is read to its end). Also the read's helper threads: how many may still start, and
/// whether one is waiting for a slot.
private final class PageWork: @unchecked Sendable {
    private let lock = NSLock()
    private let pages: [Int]
    private var nextIndex = 0
    private var pagesRead: [Int: OCRPage] = [:]
    private var failure: (index: Int, error: DocumentError)?
    /// Helper threads the read may have at once (its thread budget less the document's own thread).
    let helpers: Int
    private var helpersAlive = 0
    private var helperWaiting = false
    /// Starts one helper thread (set by `read` before any thread reads).
    var startHelper: () -> Void = {}
    /// Entered per helper started, left when it ends.
    let crew = DispatchGroup()

    init(pages: [Int], helpers: Int) { self.pages = pages; self.helpers = max(0, helpers) }

    func next() -> (index: Int, number: Int)? {
        lock.withLock {
            guard failure == nil, nextIndex < pages.count else { return nil }
            defer { nextIndex += 1 }
            return (nextIndex, pages[nextIndex])
        }
    }

    /// Whether a page is left to hand out.
    var hasNext: Bool { lock.withLock { failure == nil && nextIndex < pages.count } }

    /// Starts a helper when none is waiting for a slot, a page is left and the budget allows one more.
    func recruit() {
        let start = lock.withLock { () -> Bool in
            guard !helperWaiting, helpersAlive < helpers, failure == nil, nextIndex < pages.count else { return false }
            helpersAlive += 1
            return true
        }
        if start { startHelper() }
    }

    func helperEnded() { lock.withLock { helpersAlive -= 1 } }

    /// Makes the caller the one helper waiting for a slot; false when another one waits already
    /// (the caller then ends).
    func startWaiting() -> Bool {
        lock.withLock {
            guard !helperWaiting else { return false }
            helperWaiting = true
            return true
        }
    }

    /// The waiting helper got a slot, or no page is left.
    func stopWaiting() { lock.withLock { helperWaiting = false } }

    func done(_ index: Int, _ number: Int, _ result: OCRPage) { lock.withLock { pagesRead[number] = result } }

    func fail(_ index: Int, _ error: DocumentError) {
        lock.withLock { if failure == nil || index < failure!.index { failure = (index, error) } }
    }

    func result() throws -> [Int: OCRPage] {
        try lock.withLock {
            if let failure { throw failure.error }
            return pagesRead
        }
    }
}

/// Tesseract engines kept for the life of the process, so that a worker loads the language data
/// once rather than once per document and thread. An engine is used by
/// one thread at a time; the LSTM recogniser keeps nothing from one page to the next, so a reused
/// engine reads a page as a fresh one does.
final class EnginePool: @unchecked Sendable {
    static let shared = EnginePool()
    private let lock = NSLock()
    /// Engines are made one at a time: opening one sets Tesseract's process-global variables
    /// (`debug_file` in the shim), which threads opening engines at once would write together.
    private let opening = NSLock()
    private var idle: [String: [OpaquePointer]] = [:]

    private static func key(_ o: OCROptions) -> String { "\(o.languages)\u{0}\(o.dataPath ?? "")" }

    func take(_ options: OCROptions) throws -> OpaquePointer {
        if let engine = lock.withLock({ idle[Self.key(options)]?.popLast() }) { return engine }
        var message = [CChar](repeating: 0, count: 512)
        guard let engine = opening.withLock({ ts_engine_open(options.languages, options.dataPath, &message, message.count) }) else {
            throw DocumentError(stage: "ocr", reason: "ocr_unavailable", message: PageOCR.string(message))
        }
        return engine
    }

    /// Idle engines kept per language set: one, the document thread's. Helpers' engines (tha+eng
    /// holds tens of MB) are closed, so that a worker's memory does not grow with --jobs; reopening
    /// one costs a fraction of a page's recognition.
    static let keptIdle = 1

    /// Keeps the engine for reuse, up to `keptIdle` of them; more are closed.
    func give(_ engine: OpaquePointer, _ options: OCROptions) {
        let kept = lock.withLock { () -> Bool in
            guard idle[Self.key(options), default: []].count < Self.keptIdle else { return false }
            idle[Self.key(options), default: []].append(engine)
            return true
        }
        if !kept { ts_engine_close(engine) }
    }
}


/// One word as Tesseract read it (pixels).
struct OCRWord: Equatable {
    var text: String
    var x0: Double, y0: Double, x1: Double, y1: Double
    var confidence: Double
    var line: Int
    /// Whether Tesseract's line text has a space after the word; nil when the word was not found in it.
    var spaceAfter: Bool?
    /// Two points on the baseline of the word's line (pixels), when Tesseract gave it.
    struct Baseline: Equatable { var x0: Double, y0: Double, x1: Double, y1: Double }
    var baseline: Baseline?

    init(text: String, x0: Double, y0: Double, x1: Double, y1: Double, confidence: Double, line: Int, spaceAfter: Bool? = nil,
         baseline: Baseline? = nil) {
        self.text = text; self.x0 = x0; self.y0 = y0; self.x1 = x1; self.y1 = y1
        self.confidence = confidence; self.line = line; self.spaceAfter = spaceAfter; self.baseline = baseline
    }

    init(_ w: ts_word) {
        self.init(text: String(cString: w.text), x0: Double(w.x0), y0: Double(w.y0), x1: Double(w.x1), y1: Double(w.y1),
                  confidence: Double(w.confidence), line: Int(w.line), spaceAfter: w.space_after < 0 ? nil : w.space_after != 0,
                  baseline: w.has_baseline != 0 ? Baseline(x0: Double(w.base_x0), y0: Double(w.base_y0), x1: Double(w.base_x1), y1: Double(w.base_y1)) : nil)
    }
}

extension PageOCR {
    /// OCRs the pages of `pdf` that lack a usable text layer and puts the words in their place.
    /// `only` limits it to those page numbers. Returns the page numbers that OCR found text on
    /// (pages where it found none stay as they were).
    @discardableResult
    public static func fill(_ pdf: inout PDFText, path: String, only: Set<Int>? = nil,
                            options: OCROptions = OCROptions()) throws -> [Int] {
        try fill(&pdf, path: path, only: only, options: options, digits: nil).pages
    }

    /// What `fill` did: the pages OCR found text on, the words read again by shape (page by page,
    /// in reading order), and where the time went.
    public struct Filled: Sendable {
        public var pages: [Int] = []
        public var rereads: [DigitReread] = []
        public var times = OCRTimes()
    }

    /// `fill`, and with `digits` the number-shaped words of each OCR'd page read again by shape on
    /// the page's own render (what `DigitRereader.reread` does with a second render).
    public static func fill(_ pdf: inout PDFText, path: String, only: Set<Int>? = nil,
                            options: OCROptions = OCROptions(), digits: DigitShapeReader?) throws -> Filled {
        let wanted = pdf.pagesWithoutText.filter { only?.contains($0) ?? true }
        var filled = Filled()
        guard !wanted.isEmpty else { return filled }
        var sizeOf: [Int: PageSize] = [:]
        for p in pdf.pages where wanted.contains(p.number) { sizeOf[p.number] = PageSize(width: p.width, height: p.height) }
        let read = try read(path: path, pages: wanted, options: options,
                            dpiOf: Dictionary(uniqueKeysWithValues: reducedDPI(pdf, pages: wanted, options: options)),
                            straight: Set(pdf.pages.filter { wanted.contains($0.number) && $0.imageCoverage < scanImageCoverage }.map(\.number)),
                            digits: digits, sizeOf: sizeOf)
        for n in wanted {
            if let page = read[n] { filled.times.add(page.times) }
            guard let page = read[n], !page.glyphs.isEmpty, let i = pdf.pages.firstIndex(where: { $0.number == n }) else { continue }
            pdf.pages[i].glyphs = page.glyphs
            pdf.pages[i].recognisedSkew = page.skew
            // A scan's borders come from the OCR render, in the words' frame (the extractor's coarse
            // render breaks a skewed border into pieces that join nothing). Drawn borders (a PDF whose
            // fonts lack ToUnicode still draws them as paths) are exact and stay.
            // A page image under vector-drawn tables (a letterhead) gives no raster borders: the drawn
            // ones are kept then, rather than none.
            if pdf.pages[i].imageCoverage >= Self.scanImageCoverage, !page.rulings.isEmpty { pdf.pages[i].rulings = page.rulings }
            filled.pages.append(n)
            filled.rereads += page.rereads
        }
        return filled
    }

    /// A page whose largest image covers at least this share of it is a scan: its borders are pixels
    /// (a page photo fills 0.9-1; a logo or a signature a few percent).
    static let scanImageCoverage = 0.5

    /// The pages among `pages` whose render would pass `options.maxPixels` at `options.dpi`, with
    /// the dpi they are rendered at instead.
    public static func reducedDPI(_ pdf: PDFText, pages: [Int], options: OCROptions) -> [(Int, Double)] {
        pages.compactMap { n in
            guard let p = pdf.pages.first(where: { $0.number == n }) else { return nil }
            let dpi = options.renderDPI(width: p.width, height: p.height)
            return dpi < options.dpi ? (n, dpi) : nil
        }
    }
}
