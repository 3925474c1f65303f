import Foundation
import ITAModel
import PageLayout
@testable import ReportInterpret
import ThaiNormalise

/// The normalise stage then interpret, as the pipeline runs them on a layout.
struct StageRoad {
    let normaliser: ThaiNormaliser
    let interpreter: ReportInterpreter

    init(mappings: URL) throws {
        normaliser = try ThaiNormaliser(mappings: mappings)
        interpreter = ReportInterpreter(mappings: try ITAMappings(directory: mappings))
    }

    func interpret(_ layout: DocumentLayout, settings: InterpretSettings = InterpretSettings()) -> Interpretation {
        interpreter.interpret(normaliser.normalise(layout), settings: settings)
    }

    func reader(_ layout: DocumentLayout, mappings: URL) throws -> DocumentReader {
        DocumentReader(normalised: normaliser.normalise(layout), mappings: try ITAMappings(directory: mappings))
    }
}
