import Foundation
import ITAModel
import PageLayout
import ThaiNormalise

/// The interpret stage: reads a document's layout into the ITA model. One small reader per
/// concept (Internal/), each reading from the same `DocumentReader`.
public struct ReportInterpreter: Sendable {
    let normaliser: ThaiNormaliser
    let mappings: URL

    /// `mappings` is the Mappings/ folder (question catalogues, score bands, weights).
    public init(mappings: URL, normaliser: ThaiNormaliser) {
        self.mappings = mappings
        self.normaliser = normaliser
    }

    /// Reads the document's facts and runs the cross-checks.
    public func interpret(_ layout: DocumentLayout) -> Interpretation {
        let reader = DocumentReader(layout: layout, normaliser: normaliser)
        var result = Interpretation()
        result.fields = ReportFieldsReader.read(from: reader)
        result.indicators = IndicatorReader.read(from: reader)
        result.questions = QuestionReader.read(from: reader)
        result.measures = MeasureReader.read(from: reader)
        result.warnings = CrossChecks.run(on: result, reader: reader, mappings: mappings)
        return result
    }
}
