import Foundation
import ITAModel
import PageLayout
import ThaiNormalise

/// The interpret stage: reads a document's layout into the ITA model. One small reader per
/// concept (Internal/), each reading from the same `DocumentReader`.
public struct ReportInterpreter: Sendable {
    let mappings: ITAMappings

    /// `mappings` is the run's ITA data (question catalogues, score bands, weights, wording),
    /// loaded once before the first document.
    public init(mappings: ITAMappings) {
        self.mappings = mappings
    }

    /// Reads the document's facts and runs the cross-checks, with `settings`' tolerances, from
    /// the normalise stage's view of its layout (interpret never normalises text itself).
    public func interpret(_ document: NormalisedLayout, settings: InterpretSettings = InterpretSettings()) -> Interpretation {
        let reader = DocumentReader(normalised: document, mappings: mappings, settings: settings)
        var result = Interpretation()
        let (fields, fieldWarnings) = ReportFieldsReader.readWithWarnings(from: reader)
        let indicators = IndicatorReader.read(from: reader, fields: fields)
        result.fields = fields
        var warnings = fieldWarnings
        warnings += Self.mergeTableTotals(indicators, into: &result.fields)
        result.indicators = indicators.indicators
        warnings += indicators.warnings
        result.questions = QuestionReader.read(from: reader)
        let plan = MeasureReader.readWithHeaders(from: reader)
        // OCR'd periods and owners are written only where their check confirms them (issue 11).
        let recognisedPages = Set(document.layout.pages.filter(\.recognised).map(\.page))
        let planCells = mappings.planCells.checked(plan.measures, cellPages: plan.cellPages, recognisedPages: recognisedPages, fields: result.fields,
                                                   settings: reader.settings,
                                                   unknownWords: document.unknownWordCount,
                                                   namesColumn: { reader.measureHeaders.role(of: $0) != nil },
                                                   isHeaderWording: { reader.measureHeaders.isHeaderWording($0, coverage: settings.headerWordingCoverage) })
        result.measures = planCells.measures
        if planCells.dropped > 0 || !planCells.headerRowPages.isEmpty {
            let pages = Array(Set(planCells.headerRowPages)).sorted().map(String.init).joined(separator: ", ")
            let rows = planCells.headerRowPages.isEmpty
                ? "" : "; \(planCells.headerRowPages.count) rows of header wording only (the plan's header read again as a row) left out (pages \(pages))"
            // Rows found but none with a cell left: the plan is not read (the document is `partial`).
            let unread = Measure.noneRead(planCells.measures)
                ? "; no cell of the plan's \(planCells.measures.count) rows is confirmed: the plan is not read" : ""
            warnings.append(Warning(code: .ocrPlanCellsUnconfirmed,
                                    message: "\(planCells.dropped) plan cells read by OCR that no check confirms (a period or office form, or text of known words); left empty (their OCR'd text is in the row's provenance)\(rows)\(unread)",
                                    page: nil))
        }
        if !plan.unreadPages.isEmpty {
            warnings.append(Warning(code: .planPagesUnread,
                                    message: "plan header on page\(plan.unreadPages.count == 1 ? "" : "s") \(plan.unreadPages.map(String.init).joined(separator: ", ")) with lines below it, but no plan row read there: its rows are missing",
                                    page: plan.unreadPages[0]))
        }
        let frameworks = QuestionFrameworkChoice(questions: result.questions, vocabulary: reader.ita, settings: settings,
                                                 recognisedPages: recognisedPages, codeRun: reader.catalogueCodes.codeRun)
        let checks = ScoreChecks(result: result, vocabulary: reader.ita, settings: settings, frameworks: frameworks)
        result.sectionSizes = QuestionSectionSizes.measure(result.questions, checked: checks.catalogues,
                                                           indicators: reader.ita.indicators.count, vocabulary: reader.ita)
        warnings += CrossChecks.run(on: result, reader: reader, checks: checks)
        checks.apply(to: &result)
        warnings += AnnouncedSections.missing(in: result, reader: reader, file: mappings.sectionAnnouncements,
                                              planHeader: plan.headers.first)
        result.warnings = warnings
        return result
    }

    /// A multi-year table's average and rating rows: they fill the overall score, rating and
    /// previous-year score when prose did not give them, and raise a warning when they disagree.
    static func mergeTableTotals(_ r: IndicatorReader.Result, into f: inout ReportFields) -> [Warning] {
        guard let a = f.assessmentYear?.value else { return [] }
        var out: [Warning] = []
        if let (score, source) = r.tableAverages[a] {
            if let have = f.overallScore {
                if Double(have.value) != Double(score) {
                    out.append(Warning(code: .overallScoreDisagrees,
                                       message: "overall score printed as \(have.value) (page \(have.source?.page ?? 0)) and as \(score) in the multi-year table (page \(source.page)); kept \(have.value)",
                                       page: source.page))
                }
            } else {
                f.overallScore = Traced(score, source: source)
            }
        }
        if let (rating, source) = r.tableRatings[a] {
            if let have = f.rating {
                if have.value != rating {
                    out.append(Warning(code: .ratingDisagrees,
                                       message: "rating printed as \(have.value) (page \(have.source?.page ?? 0)) and as \(rating) in the multi-year table (page \(source.page)); kept \(have.value)",
                                       page: source.page))
                }
            } else {
                f.rating = Traced(rating, source: source)
            }
        }
        if f.previousScore == nil, let (score, source) = r.tableAverages[a - 1] {
            f.previousScore = Traced(score, source: source)
        }
        return out
    }
}
