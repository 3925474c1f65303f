import ITAModel

/// STUB, to be written: reads [Measure] from the document.
enum MeasureReader {
    static func read(from reader: DocumentReader) -> [Measure] { [] }
}
