/// Why the dataset writer refused or failed.
public enum DatasetWriterError: Error, Equatable, CustomStringConvertible {
    /// `write` or `finish` after `finish` or `abort`.
    case closed
    /// Two records with one doc_id (the same file given twice): the pipeline must keep one.
    case duplicateDocID(String, sourcePath: String)
    /// A file could not be created, written or renamed.
    case io(path: String, message: String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .closed: return "the dataset writer is already finished or aborted"
        case let .duplicateDocID(id, path): return "doc_id \(id) (\(path)) was already written: same file twice?"
        case let .io(path, message): return "\(path): \(message)"
        }
    }
}
