import ITAModel

/// A plan whose rows were found on OCR'd pages but whose every cell no check confirmed
/// (`RecognisedPlanCells` left them all empty): the rows are counted, what they plan is not read,
/// so the document is `partial`, never `ok`.
enum UnreadPlan {
    static func isUnread(_ measures: [Measure], warnings: [Warning]) -> Bool {
        warnings.contains(where: { $0.code == .ocrPlanCellsUnconfirmed }) && Measure.noneRead(measures)
    }
}
