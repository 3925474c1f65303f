import Foundation

/// A `Mappings/` data file that cannot be used: missing, not readable, a key missing or of the
/// wrong type, an empty list, a malformed row. Loading stops at the first one: a run with broken
/// data would read wrong or empty values without saying so (deleting `pointsWord` once gave
/// documents with no indicators, no year and no score, status ok, exit 0).
public struct MappingsError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file, relative to the Mappings folder ("ita/report-cues.json").
    public var file: String
    /// The key path inside it ("years.2566[0].min"), or a line ("line 12") for a table; nil when
    /// the whole file is the problem.
    public var key: String?
    /// What is wrong ("missing", "expected a number", "empty list").
    public var problem: String

    public init(file: String, key: String? = nil, problem: String) {
        self.file = file; self.key = key; self.problem = problem
    }

    public var description: String {
        "Mappings/\(file)" + (key.map { ": key '\($0)'" } ?? "") + ": \(problem)"
    }
}
