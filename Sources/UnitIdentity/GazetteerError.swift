/// A broken gazetteer file: which file, which line or key, and what is wrong with it. The run stops
/// (exit 2): codes joined on a half-read gazetteer would be silently wrong.
public struct GazetteerError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let key: String
    public let problem: String

    public init(file: String, key: String, problem: String) {
        self.file = file; self.key = key; self.problem = problem
    }

    public var description: String { "\(file): \(key): \(problem)" }
}
