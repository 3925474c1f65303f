import Foundation
import ITAModel

/// STUB, to be written: cross-checks (indicator vs mean of questions, overall vs weighted tools,
/// rating vs score bands, scores outside 0-100, two districts) as warnings.
enum CrossChecks {
    static func run(on result: Interpretation, reader: DocumentReader, mappings: URL) -> [Warning] { [] }
}
