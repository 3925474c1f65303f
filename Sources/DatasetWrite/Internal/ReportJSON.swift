import ITAModel

/// One object of reports.jsonl: the report's values flat under their CSV names (so
/// `pandas.read_json(lines=True)` gives the reports.csv columns), a `provenance` map from field name
/// to where the value was read, and the score and measure rows each with its own `source`.
/// Absent values are written as null so every object has the same keys.
struct ReportJSON: Encodable {
    let r: ReportRecord

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        let f = r.fields
        try c.encode(r.docID, forKey: Key("doc_id"))
        try c.encode(r.sourcePath, forKey: Key("source_path"))
        try c.encode(r.sha256, forKey: Key("sha256"))
        try c.encode(r.pages, forKey: Key("pages"))
        try c.encode(r.textSource, forKey: Key("text_source"))
        try c.encode(r.status, forKey: Key("status"))
        try c.encode(RecordRows.warningCodes(r.warnings), forKey: Key("warnings"))
        try c.encode(r.warnings.map(WarningJSON.init), forKey: Key("warning_list"))
        try c.encode(r.error.map(ErrorJSON.init), forKey: Key("error"))

        var provenance: [String: Provenance] = [:]
        func field<V: Codable & Hashable & Sendable>(_ name: String, _ t: Traced<V>?) throws {
            try c.encode(t?.value, forKey: Key(name))
            if let s = t?.source { provenance[name] = s }
        }
        try field("unit_name", f.unitName)
        try field("unit_type", f.unitType)
        try field("district", f.district)
        try field("province", f.province)
        try field("assessment_year", f.assessmentYear)
        try field("plan_year", f.planYear)
        try field("overall_score", f.overallScore)
        try field("rating", f.rating)
        try field("rank", f.rank)
        try field("previous_score", f.previousScore)
        try field("province_code", f.provinceCode)
        try field("district_code", f.districtCode)
        try field("subdistrict_code", f.subdistrictCode)
        try field("unit_key", f.unitKey)
        // Encoded with sortedKeys, so the map's order is stable.
        try c.encode(provenance, forKey: Key("provenance"))

        try c.encode(r.indicators.map(IndicatorJSON.init), forKey: Key("indicator_scores"))
        try c.encode(r.questions.map(QuestionJSON.init), forKey: Key("question_scores"))
        try c.encode(r.measures.map(MeasureJSON.init), forKey: Key("measures"))
        // Scores OCR read and the pipeline left empty (OCRScorePolicy), with what was read: only on
        // documents with OCR'd pages that dropped some, so other records keep their keys.
        if let dropped = r.ocrDropped, !dropped.isEmpty { try c.encode(dropped, forKey: Key("ocr_scores_dropped")) }
    }
}

private struct ErrorJSON: Encodable {
    let e: DocumentError
    enum CodingKeys: String, CodingKey { case stage, reason, message }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(e.stage, forKey: .stage); try c.encode(e.reason, forKey: .reason)
        try c.encode(e.message, forKey: .message)
    }
}

private struct IndicatorJSON: Encodable {
    let s: IndicatorScore
    enum CodingKeys: String, CodingKey { case year, indicator, tool, name, score, page, source, check }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(s.year, forKey: .year); try c.encode(s.indicator, forKey: .indicator)
        try c.encode(s.tool, forKey: .tool); try c.encode(s.name, forKey: .name)
        try c.encode(s.score, forKey: .score); try c.encode(s.page, forKey: .page)
        try c.encode(s.source, forKey: .source); try c.encode(s.check, forKey: .check)
    }
}

private struct QuestionJSON: Encodable {
    let q: QuestionScore
    enum CodingKeys: String, CodingKey { case year, code, tool, question, score, page, source, check }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(q.year, forKey: .year); try c.encode(q.code, forKey: .code)
        try c.encode(q.tool, forKey: .tool); try c.encode(q.question, forKey: .question)
        try c.encode(q.score, forKey: .score); try c.encode(q.page, forKey: .page)
        try c.encode(q.source, forKey: .source); try c.encode(q.check, forKey: .check)
    }
}

private struct MeasureJSON: Encodable {
    let m: Measure
    enum CodingKeys: String, CodingKey { case issue, indicator, measure, steps, period, owner, page, source }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(m.issue, forKey: .issue); try c.encode(m.indicator, forKey: .indicator)
        try c.encode(m.measure, forKey: .measure); try c.encode(m.steps, forKey: .steps)
        try c.encode(m.period, forKey: .period); try c.encode(m.owner, forKey: .owner)
        try c.encode(m.page, forKey: .page); try c.encode(m.source, forKey: .source)
    }
}
