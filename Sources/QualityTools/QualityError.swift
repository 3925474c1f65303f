/// Why eval or diff could not read its inputs.
public enum QualityError: Error, CustomStringConvertible, Equatable {
    /// A file or folder the command needs is not there.
    case missing(String)
    /// A file is there but cannot be read as the contract says.
    case unreadable(path: String, why: String)

    public var description: String {
        switch self {
        case .missing(let p): return "not found: \(p)"
        case .unreadable(let p, let why): return "cannot read \(p): \(why)"
        }
    }
}
