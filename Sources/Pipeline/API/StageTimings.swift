import Dispatch

/// Seconds spent per pipeline stage, summed over documents (manifest.json "timings").
public struct StageTimings: Sendable, Codable, Equatable {
    public var read = 0.0
    public var extract = 0.0
    /// Rendering and Tesseract on pages without a text layer.
    public var ocr = 0.0
    public var layout = 0.0
    public var interpret = 0.0
    public var write = 0.0

    public init() {}

    mutating func add(_ other: StageTimings) {
        read += other.read; extract += other.extract; ocr += other.ocr; layout += other.layout
        interpret += other.interpret; write += other.write
    }

    /// As a name → seconds map, for the manifest.
    public var byStage: [String: Double] {
        ["read": read, "extract": extract, "ocr": ocr, "layout": layout, "interpret": interpret, "write": write]
    }
}

/// Runs `body` and adds its wall time to `seconds`.
@inline(__always)
func timed<T>(_ seconds: inout Double, _ body: () throws -> T) rethrows -> T {
    let start = DispatchTime.now().uptimeNanoseconds
    defer { seconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
    return try body()
}
