import ITAModel

/// One line of reports.jsonl written directly (`JSONBytes`): the bytes `JSONEncoder` gives for
/// `ReportJSON` (which stays the definition of the object, and the test's reference), without the
/// encoder's boxed tree and per-object key sorting. Each object's keys are written in their sorted
/// (UTF-8) order, optional members left out where the Codable form leaves them out.
/// `ReportJSONBytesTests` compares the two on every Corpus document's record and on awkward strings.
enum ReportJSONBytes {
    /// The record's object and a line break.
    static func line(_ r: ReportRecord) -> [UInt8] {
        var j = JSONBytes(capacity: 16_384)
        let f = r.fields
        j.byte(0x7B)
        j.key("assessment_year", first: true); j.int(f.assessmentYear?.value)
        j.key("district"); j.string(f.district?.value)
        j.key("district_code"); j.string(f.districtCode?.value)
        j.key("doc_id"); j.string(r.docID)
        j.key("error")
        if let e = r.error {
            j.byte(0x7B)
            j.key("message", first: true); j.string(e.message)
            j.key("reason"); j.string(e.reason)
            j.key("stage"); j.string(e.stage)
            j.byte(0x7D)
        } else { j.null() }
        j.key("indicator_scores"); j.array(r.indicators, indicator)
        j.key("measures"); j.array(r.measures, measure)
        if let dropped = r.ocrDropped, !dropped.isEmpty { j.key("ocr_scores_dropped"); j.array(dropped, droppedScore) }
        j.key("overall_score"); j.string(f.overallScore?.value)
        j.key("pages"); j.int(r.pages)
        j.key("plan_year"); j.int(f.planYear?.value)
        j.key("previous_score"); j.string(f.previousScore?.value)
        j.key("provenance"); provenanceMap(&j, f)
        j.key("province"); j.string(f.province?.value)
        j.key("province_code"); j.string(f.provinceCode?.value)
        j.key("question_scores"); j.array(r.questions, question)
        j.key("rank"); j.int(f.rank?.value)
        j.key("rating"); j.string(f.rating?.value)
        j.key("sha256"); j.string(r.sha256)
        j.key("source_path"); j.string(r.sourcePath)
        j.key("status"); j.string(r.status.rawValue)
        j.key("subdistrict_code"); j.string(f.subdistrictCode?.value)
        j.key("text_source"); j.string(r.textSource?.rawValue)
        j.key("unit_key"); j.string(f.unitKey?.value)
        j.key("unit_name"); j.string(f.unitName?.value)
        j.key("unit_type"); j.string(f.unitType?.value)
        j.key("warning_list"); j.array(r.warnings, warning)
        j.key("warnings"); j.string(RecordRows.warningCodes(r.warnings))
        j.byte(0x7D)
        j.byte(0x0A)
        return j.bytes
    }

    /// The `provenance` map: field name to source, for the fields that have one, in key order.
    private static func provenanceMap(_ j: inout JSONBytes, _ f: ReportFields) {
        j.byte(0x7B)
        var first = true
        func entry(_ name: StaticString, _ p: Provenance?) {
            guard let p else { return }
            j.key(name, first: first); first = false
            provenance(&j, p)
        }
        entry("assessment_year", f.assessmentYear?.source)
        entry("district", f.district?.source)
        entry("district_code", f.districtCode?.source)
        entry("overall_score", f.overallScore?.source)
        entry("plan_year", f.planYear?.source)
        entry("previous_score", f.previousScore?.source)
        entry("province", f.province?.source)
        entry("province_code", f.provinceCode?.source)
        entry("rank", f.rank?.source)
        entry("rating", f.rating?.source)
        entry("subdistrict_code", f.subdistrictCode?.source)
        entry("unit_key", f.unitKey?.source)
        entry("unit_name", f.unitName?.source)
        entry("unit_type", f.unitType?.source)
        j.byte(0x7D)
    }

    /// `Provenance.encode(to:)`: optional members left out when nil; `raw` is the cells joined by tabs.
    static func provenance(_ j: inout JSONBytes, _ p: Provenance) {
        j.byte(0x7B)
        var first = true
        func key(_ k: StaticString) { j.key(k, first: first); first = false }
        if let a = p.alternatives { key("alternatives"); j.array(a) { $0.string($1) } }
        if let a = p.arithmetic { key("arithmetic"); j.string(a) }
        if let b = p.box {
            key("box")
            j.byte(0x7B)
            j.key("x0", first: true); j.double(b.x0)
            j.key("x1"); j.double(b.x1)
            j.key("y0"); j.double(b.y0)
            j.key("y1"); j.double(b.y1)
            j.byte(0x7D)
        }
        if let c = p.changes { key("changes"); j.array(c, change) }
        if let c = p.continuation { key("continuation"); j.array(c, provenance) }
        if let e = p.extracted { key("extracted"); j.string(e) }
        if let f = p.field { key("field"); j.string(f) }
        if let o = p.ocr { key("ocr"); j.string(o) }
        key("page"); j.int(p.page)
        key("raw"); j.string(p.raw)
        if let r = p.reason { key("reason"); j.string(r) }
        if let v = p.via { key("via"); j.string(v) }
        j.byte(0x7D)
    }

    private static func source(_ j: inout JSONBytes, _ p: Provenance?) {
        if let p { provenance(&j, p) } else { j.null() }
    }

    /// TextChange's synthesized Codable: `field` left out when nil.
    private static func change(_ j: inout JSONBytes, _ c: TextChange) {
        j.byte(0x7B)
        j.key("after", first: true); j.string(c.after)
        j.key("before"); j.string(c.before)
        if let f = c.field { j.key("field"); j.string(f) }
        j.key("kind"); j.string(c.kind)
        j.key("offset"); j.int(c.offset)
        j.byte(0x7D)
    }

    private static func indicator(_ j: inout JSONBytes, _ s: IndicatorScore) {
        j.byte(0x7B)
        j.key("check", first: true); j.string(s.check?.rawValue)
        j.key("indicator"); j.int(s.indicator)
        j.key("name"); j.string(s.name)
        j.key("page"); j.int(s.page)
        j.key("score"); j.string(s.score)
        j.key("source"); source(&j, s.source)
        j.key("tool"); j.string(s.tool.rawValue)
        j.key("year"); j.int(s.year)
        j.byte(0x7D)
    }

    private static func question(_ j: inout JSONBytes, _ q: QuestionScore) {
        j.byte(0x7B)
        j.key("check", first: true); j.string(q.check?.rawValue)
        j.key("code"); j.string(q.code)
        j.key("page"); j.int(q.page)
        j.key("question"); j.string(q.question)
        j.key("score"); j.string(q.score)
        j.key("source"); source(&j, q.source)
        j.key("tool"); j.string(q.tool.rawValue)
        j.key("year"); j.int(q.year)
        j.byte(0x7D)
    }

    private static func measure(_ j: inout JSONBytes, _ m: Measure) {
        j.byte(0x7B)
        j.key("indicator", first: true); j.int(m.indicator)
        j.key("issue"); j.string(m.issue)
        j.key("measure"); j.string(m.measure)
        j.key("owner"); j.string(m.owner)
        j.key("page"); j.int(m.page)
        j.key("period"); j.string(m.period)
        j.key("source"); source(&j, m.source)
        j.key("steps"); j.string(m.steps)
        j.byte(0x7D)
    }

    /// OCRDroppedScore's synthesized Codable: `source` and `year` left out when nil.
    private static func droppedScore(_ j: inout JSONBytes, _ d: OCRDroppedScore) {
        j.byte(0x7B)
        j.key("key", first: true); j.string(d.key)
        j.key("kind"); j.string(d.kind)
        j.key("page"); j.int(d.page)
        j.key("reason"); j.string(d.reason)
        j.key("score"); j.string(d.score)
        if let s = d.source { j.key("source"); provenance(&j, s) }
        if let y = d.year { j.key("year"); j.int(y) }
        j.byte(0x7D)
    }

    private static func warning(_ j: inout JSONBytes, _ w: ITAModel.Warning) {
        j.byte(0x7B)
        j.key("code", first: true); j.string(w.code.rawValue)
        j.key("message"); j.string(w.message)
        j.key("page"); j.int(w.page)
        j.byte(0x7D)
    }
}
