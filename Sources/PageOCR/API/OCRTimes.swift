import Foundation

/// Where OCR's time goes, step by step, summed over pages: CPU seconds of the thread that did the
/// step (Tesseract runs in the calling thread, one OpenMP thread). CPU rather than wall seconds: on
/// a loaded machine a step's wall time measures the other processes as much as the step, and pages
/// read in parallel would count twice. Measured to find what OCR does beyond Tesseract's own
/// recognition (manifest.json `stage_seconds`, `ocr_*`).
public struct OCRTimes: Sendable, Codable, Equatable {
    /// Taking a Tesseract engine for a thread: loading one (its language data) when the pool has none idle.
    public var engine = 0.0
    /// poppler's grey render of the page.
    public var render = 0.0
    /// Finding the table borders and painting them white (`LineEraser`).
    public var erase = 0.0
    /// Tesseract's recognition and reading its words out.
    public var recognise = 0.0
    /// Turning the words into glyphs and borders (skew, `OCRGlyphs`).
    public var words = 0.0
    /// Reading number-shaped words again by shape (`DigitRereader`), with the copy of the render it crops.
    public var reread = 0.0

    public init() {}

    public mutating func add(_ o: OCRTimes) {
        engine += o.engine; render += o.render; erase += o.erase; recognise += o.recognise; words += o.words; reread += o.reread
    }

    /// Runs `body` and adds the CPU time the calling thread spent in it to `seconds`.
    @inline(__always)
    static func timed<T>(_ seconds: inout Double, _ body: () throws -> T) rethrows -> T {
        let start = threadCPU()
        defer { seconds += threadCPU() - start }
        return try body()
    }

    /// The calling thread's CPU seconds so far.
    static func threadCPU() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
