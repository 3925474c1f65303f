import Foundation
import ITAModel

/// The ITA data of `Mappings/ita/` (indicator names, unit types, report cue words, rating bands,
/// tool weights, question catalogues, provinces, question-table and action-plan header wording),
/// decoded and checked once per run, before the first document, and shared by every document.
/// Loading throws a `MappingsError` naming the file and key of the first problem.
public struct ITAMappings: @unchecked Sendable {
    // @unchecked: the vocabularies hold memo objects; every document gets copies with memos of its
    // own (`forOneDocument`), so the shared ones are never written, except the action-plan header
    // vocabulary's, which all documents share under a lock (`MeasureRoleMemo`).
    /// The folder the data was read from.
    public let directory: URL
    let vocabulary: ITAVocabulary
    let questionTable: QuestionTableVocabulary
    let measureHeaders: MeasureHeaderVocabulary
    let yearEvidence: YearEvidenceVocabulary
    let sectionAnnouncements: AnnouncedSections.File
    /// Garbled question codes confirmed by their catalogue text (`CatalogueCodes`).
    let catalogueCodes: CatalogueCodes
    /// What an OCR'd plan period or owner must look like to be written (plan-cells.json).
    let planCells: RecognisedPlanCells

    public init(directory: URL) throws {
        self.directory = directory
        vocabulary = try ITAVocabulary(mappings: directory)
        questionTable = try QuestionTableVocabulary.load(mappings: directory, codeLetters: vocabulary.codeLetters)
        measureHeaders = try MeasureHeaderVocabulary.load(mappings: directory)
        yearEvidence = try YearEvidenceVocabulary.load(mappings: directory)
        try yearEvidence.checkFrameworks(catalogues: vocabulary.catalogues)
        sectionAnnouncements = try AnnouncedSections.File.load(mappings: directory)
        planCells = RecognisedPlanCells(file: try RecognisedPlanCells.File.load(mappings: directory), headers: measureHeaders,
                                         codeLetters: vocabulary.codeLetters)
        catalogueCodes = CatalogueCodes(catalogues: vocabulary.catalogues, file: try CatalogueCodes.File.load(mappings: directory, codeLetters: vocabulary.codeLetters),
                                        codeLetters: vocabulary.codeLetters)
    }

    /// The question codes' letters (Mappings/ita/question-code-lookalikes.json), for the pipeline's
    /// own code checks (`OCRCodeSequence`) and the catalogue builder.
    public var codeLetters: QuestionCodeLetters { vocabulary.codeLetters }

    /// The tool an indicator number belongs to, as indicators.json says; nil for an unknown number.
    public func tool(ofIndicator number: Int) -> Tool? {
        vocabulary.tool(ofIndicator: number)
    }

    /// Each tool's indicator numbers in order, as indicators.json says (the catalogue tool splits a
    /// tool's codes into these blocks).
    public var indicatorsOfTool: [Tool: [Int]] {
        vocabulary.indicatorsOfTool.mapValues { $0.sorted() }
    }
}
