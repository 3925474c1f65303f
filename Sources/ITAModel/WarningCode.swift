/// The codes of `Warning`, written as their raw values in the `warnings` columns and in
/// reports.jsonl. README.md ("Warnings") lists them with what each means; a new code is added
/// here and there, never written as a bare string.
public enum WarningCode: String, Codable, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    // Reading the file (Pipeline).
    case duplicateInput = "duplicate_input"
    case noTextLayer = "no_text_layer"
    case ocrPages = "ocr_pages"
    case ocrFailed = "ocr_failed"
    case ocrScoresDropped = "ocr_scores_dropped"
    case textLayerUnusable = "text_layer_unusable"
    case nothingFound = "nothing_found"
    case pdfDamaged = "pdf_damaged"
    case fontTextUnreadable = "font_text_unreadable"
    case ocrDPIReduced = "ocr_dpi_reduced"
    case badName = "bad_name"
    case littleRead = "little_read"
    // Places and units against the gazetteer (UnitIdentity).
    case placeNotInGazetteer = "place_not_in_gazetteer"
    case placeNameCorrected = "place_name_corrected"
    case placeUnconfirmed = "place_unconfirmed"
    // Reading the report (ReportInterpret).
    case twoDistricts = "two_districts"
    case overallScoreDisagrees = "overall_score_disagrees"
    case ratingDisagrees = "rating_disagrees"
    case indicatorTableYearUnknown = "indicator_table_year_unknown"
    case indicatorTableYearInferred = "indicator_table_year_inferred"
    case indicatorTablePageNumbers = "indicator_table_page_numbers"
    case indicatorPrintingsDisagree = "indicator_printings_disagree"
    case planYearDisagrees = "plan_year_disagrees"
    case assessmentYearDisagrees = "assessment_year_disagrees"
    case yearUnclear = "year_unclear"
    case announcedSectionMissing = "announced_section_missing"
    case ocrPlanCellsUnconfirmed = "ocr_plan_cells_unconfirmed"
    // Cross-checks (ReportInterpret CrossChecks).
    case scoreOutOfRange = "score_out_of_range"
    case indicatorMeanMismatch = "indicator_mean_mismatch"
    case questionCatalogueMissing = "question_catalogue_missing"
    case questionCodeUnknown = "question_code_unknown"
    case overallWeightedMismatch = "overall_weighted_mismatch"
    case ratingBandMismatch = "rating_band_mismatch"
    case questionPrintedTwice = "question_printed_twice"
    case questionCodesWithoutScores = "question_codes_without_scores"
    // What was kept against a whole section (Pipeline SectionCompleteness).
    case indicatorsIncomplete = "indicators_incomplete"
    case questionsIncomplete = "questions_incomplete"
    case questionFrameworkDisagrees = "question_framework_disagrees"
    case questionFrameworkEvidence = "question_framework_evidence"
    // Writing (DatasetWrite).
    case scoreNotDecimal = "score_not_decimal"
    case duplicateIndicatorRow = "duplicate_indicator_row"
    case duplicateQuestionRow = "duplicate_question_row"
    // Added last: a code's place in this list is its number in stored records (`allCases` index).
    // Reading the report (ReportInterpret MeasureReader).
    case planPagesUnread = "plan_pages_unread"

    /// The raw value, so that interpolation writes the code as the dataset does.
    public var description: String { rawValue }
}
