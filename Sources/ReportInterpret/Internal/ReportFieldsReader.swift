import ITAModel

/// STUB, to be written: reads ReportFields from the document.
enum ReportFieldsReader {
    static func read(from reader: DocumentReader) -> ReportFields { ReportFields() }
}
