import ITAModel

/// Drops scores that OCR read from Thai digits. Why: Tesseract misreads Thai digits often (measured on
/// the Corpus scans: ๘๗.๙๔ came out as ๕๓.๓๕; ๖→๒, ๙→๕, ๘→๕/๓ are common), and a wrong number is worse
/// than an empty cell (DATASET.md: empty = not found). ASCII digits OCR well and are kept. A score is
/// kept when its ASCII form is literally in its raw text (spaces ignored) and it has a score's form
/// (decimals, or a whole 0 or 100: OCR losing a decimal point or digits gave "6" for 0.00 and "9550"
/// style tokens); the dropped ones are listed in an `ocr_scores_dropped` warning with what OCR
/// read, so nothing is silently lost.
enum OCRScorePolicy {
    static func apply(to record: inout ReportRecord, ocrPages: Set<Int>) {
        guard !ocrPages.isEmpty else { return }
        var dropped: [String] = []
        func keep(_ score: String, _ page: Int?, _ raw: String?) -> Bool {
            guard let page, ocrPages.contains(page) else { return true }
            let text = (raw ?? "").filter { $0 != " " }
            return text.contains(score) && scoreShaped(score)
        }
        if let s = record.fields.overallScore, !keep(s.value, s.source?.page, s.source?.raw) {
            dropped.append("overall score \(s.value) (page \(s.source?.page ?? 0))")
            record.fields.overallScore = nil
        }
        if let s = record.fields.previousScore, !keep(s.value, s.source?.page, s.source?.raw) {
            dropped.append("previous-year score \(s.value) (page \(s.source?.page ?? 0))")
            record.fields.previousScore = nil
        }
        record.indicators.removeAll { i in
            if keep(i.score, i.source?.page ?? i.page, i.source?.raw) { return false }
            dropped.append("indicator \(i.indicator) \(i.score) (page \(i.page))")
            return true
        }
        record.questions.removeAll { q in
            if keep(q.score, q.source?.page ?? q.page, q.source?.raw) { return false }
            dropped.append("question \(q.code) \(q.score) (page \(q.page))")
            return true
        }
        if !dropped.isEmpty {
            record.warnings.append(Warning(code: "ocr_scores_dropped",
                                           message: "scores OCR read from Thai digits or without a score's form, left empty because OCR misreads them: " + dropped.joined(separator: ", "),
                                           page: nil))
        }
    }

    /// 1-3 digits with a decimal part, or a whole 0 or 100.
    static func scoreShaped(_ s: String) -> Bool {
        if s == "0" || s == "100" { return true }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && (1...3).contains(parts[0].count) && (1...2).contains(parts[1].count)
    }
}
