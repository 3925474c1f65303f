import Dispatch
import PageOCR

/// Seconds spent per pipeline stage, summed over documents (manifest.json "timings").
public struct StageTimings: Sendable, Codable, Equatable {
    public var read = 0.0
    public var extract = 0.0
    /// Rendering and Tesseract on pages without a text layer.
    public var ocr = 0.0
    public var layout = 0.0
    /// The normalise stage (`ThaiNormaliser.normalise(_:)` on the layout's text units).
    public var normalise = 0.0
    public var interpret = 0.0
    public var write = 0.0
    /// The OCR stage's time by step, in CPU seconds (see `OCRTimes`; `ocr` is wall seconds).
    public var ocrSteps = OCRTimes()

    public init() {}

    enum CodingKeys: String, CodingKey { case read, extract, ocr, layout, normalise, interpret, write, ocrSteps = "ocr_steps" }

    // A cache entry written before the normalise stage had its own timing has no `normalise`.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        read = try c.decode(Double.self, forKey: .read)
        extract = try c.decode(Double.self, forKey: .extract)
        ocr = try c.decode(Double.self, forKey: .ocr)
        layout = try c.decode(Double.self, forKey: .layout)
        normalise = try c.decodeIfPresent(Double.self, forKey: .normalise) ?? 0
        interpret = try c.decode(Double.self, forKey: .interpret)
        write = try c.decode(Double.self, forKey: .write)
        ocrSteps = try c.decodeIfPresent(OCRTimes.self, forKey: .ocrSteps) ?? OCRTimes()
    }

    mutating func add(_ other: StageTimings) {
        read += other.read; extract += other.extract; ocr += other.ocr; layout += other.layout
        normalise += other.normalise; interpret += other.interpret; write += other.write
        ocrSteps.add(other.ocrSteps)
    }

    /// As a name → seconds map, for the manifest. The `ocr_*` entries are OCR's steps in CPU
    /// seconds (see `OCRTimes`).
    public var byStage: [String: Double] {
        ["read": read, "extract": extract, "ocr": ocr, "layout": layout, "normalise": normalise, "interpret": interpret, "write": write,
         "ocr_engine": ocrSteps.engine, "ocr_render": ocrSteps.render, "ocr_erase": ocrSteps.erase, "ocr_recognise": ocrSteps.recognise,
         "ocr_words": ocrSteps.words, "ocr_reread": ocrSteps.reread]
    }
}

/// Runs `body` and adds its wall time to `seconds`.
@inline(__always)
func timed<T>(_ seconds: inout Double, _ body: () throws -> T) rethrows -> T {
    let start = DispatchTime.now().uptimeNanoseconds
    defer { seconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
    return try body()
}
