import ITAModel

/// Drops scores that OCR read from Thai digits. Why: Tesseract misreads Thai digits often (measured on
/// the Corpus scans: ๘๗.๙๔ came out as ๕๓.๓๕; ๖→๒, ๙→๕, ๘→๕/๓ are common), and a wrong number is worse
/// than an empty cell (DATASET.md: empty = not found). ASCII digits OCR well and are kept. A score is
/// kept when its ASCII form is literally in its raw text (spaces ignored); the dropped ones are listed
/// in an `ocr_thai_digits_dropped` warning with what OCR read, so nothing is silently lost.
enum OCRDigitPolicy {
    static func apply(to record: inout ReportRecord, ocrPages: Set<Int>) {
        guard !ocrPages.isEmpty else { return }
        var dropped: [String] = []
        func keep(_ score: String, _ page: Int?, _ raw: String?) -> Bool {
            guard let page, ocrPages.contains(page) else { return true }
            let text = (raw ?? "").filter { $0 != " " }
            return text.contains(score)
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
            record.warnings.append(Warning(code: "ocr_thai_digits_dropped",
                                           message: "scores OCR read from Thai digits, left empty because Thai digits OCR unreliably: " + dropped.joined(separator: ", "),
                                           page: nil))
        }
    }
}
