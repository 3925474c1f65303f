import ITAModel

/// STUB, to be written: reads [QuestionScore] from the document.
enum QuestionReader {
    static func read(from reader: DocumentReader) -> [QuestionScore] { [] }
}
