import ITAModel

/// STUB, to be written: reads [IndicatorScore] from the document.
enum IndicatorReader {
    static func read(from reader: DocumentReader) -> [IndicatorScore] { [] }
}
