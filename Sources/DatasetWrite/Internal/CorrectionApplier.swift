import ITAModel

/// Applies a `Corrections` file to records as they are written, and remembers which lines matched:
/// a line that matched no value of any document is listed in manifest.json (`corrections.unmatched`)
/// and on stderr by the command, never dropped silently.
final class CorrectionApplier {
    let corrections: Corrections
    private let bySHA: [String: [Correction]]
    private var matched = Set<Int>()
    private var applied = 0

    init(_ corrections: Corrections) {
        self.corrections = corrections
        bySHA = Dictionary(grouping: corrections.entries, by: \.sha256)
    }

    /// Sets each corrected value of `record` (never of a failed document: it has no values). The
    /// value's provenance then says `via: correction`, with the extracted value and the reason.
    func apply(to record: inout ReportRecord) {
        guard record.status != .failed, let mine = bySHA[record.sha256.lowercased()] else { return }
        for c in mine where set(c, in: &record) {
            matched.insert(c.line)
            applied += 1
        }
    }

    /// What happened, for manifest.json.
    var report: Manifest.CorrectionReport {
        Manifest.CorrectionReport(
            file: corrections.path, lines: corrections.entries.count, applied: applied,
            unmatched: corrections.entries.filter { !matched.contains($0.line) }.map {
                Manifest.CorrectionReport.Unmatched(line: $0.line, sha256: $0.sha256, table: $0.table.rawValue,
                                                   key: $0.keyText, field: $0.field)
            }, sha256: corrections.sha256)
    }

    /// A corrected value's provenance: where the extracted value was read (page 0 and no box when
    /// the run had found no value there), `via: correction`, the extracted value and the reason.
    private func mark(_ source: Provenance?, extracted: String?, _ c: Correction, row: Bool = false) -> Provenance {
        var p = source ?? Provenance(page: 0, box: nil, raw: "")
        p.via = "correction"
        p.extracted = extracted
        p.reason = c.reason
        p.field = row ? c.field : nil
        return p
    }

    private func traced(_ t: Traced<String>?, _ c: Correction) -> Traced<String> {
        Traced(c.value, source: mark(t?.source, extracted: t?.value, c))
    }

    private func traced(_ t: Traced<Int>?, _ c: Correction) -> Traced<Int> {
        Traced(Int(c.value)!, source: mark(t?.source, extracted: t.map { String($0.value) }, c))
    }

    /// Applies `c` to `record`; false when its row is not there.
    private func set(_ c: Correction, in r: inout ReportRecord) -> Bool {
        switch c.key {
        case .report:
            var f = r.fields
            switch c.field {
            case "unit_name": f.unitName = traced(f.unitName, c)
            case "unit_type": f.unitType = traced(f.unitType, c)
            case "district": f.district = traced(f.district, c)
            case "province": f.province = traced(f.province, c)
            case "assessment_year": f.assessmentYear = traced(f.assessmentYear, c)
            case "plan_year": f.planYear = traced(f.planYear, c)
            case "overall_score": f.overallScore = traced(f.overallScore, c)
            case "rating": f.rating = traced(f.rating, c)
            case "rank": f.rank = traced(f.rank, c)
            case "previous_score": f.previousScore = traced(f.previousScore, c)
            case "province_code": f.provinceCode = traced(f.provinceCode, c)
            case "district_code": f.districtCode = traced(f.districtCode, c)
            case "subdistrict_code": f.subdistrictCode = traced(f.subdistrictCode, c)
            case "unit_key": f.unitKey = traced(f.unitKey, c)
            default: return false
            }
            r.fields = f
            return true
        case let .indicator(year, n):
            guard let i = r.indicators.firstIndex(where: { $0.year == year && $0.indicator == n }) else { return false }
            let old = c.field == "score" ? r.indicators[i].score : r.indicators[i].name
            if c.field == "score" { r.indicators[i].score = c.value } else { r.indicators[i].name = c.value }
            r.indicators[i].source = mark(r.indicators[i].source, extracted: old, c, row: true)
            return true
        case let .question(year, code):
            guard let i = r.questions.firstIndex(where: { $0.year == year && $0.code == code }) else { return false }
            let old = c.field == "score" ? r.questions[i].score : r.questions[i].question
            if c.field == "score" { r.questions[i].score = c.value } else { r.questions[i].question = c.value }
            r.questions[i].source = mark(r.questions[i].source, extracted: old, c, row: true)
            return true
        case let .measure(rowNo):
            guard rowNo <= r.measures.count else { return false }
            var m = r.measures[rowNo - 1]
            let old: String?
            switch c.field {
            case "issue": old = m.issue; m.issue = c.value
            case "measure": old = m.measure; m.measure = c.value
            case "steps": old = m.steps; m.steps = c.value
            case "period": old = m.period; m.period = c.value
            case "owner": old = m.owner; m.owner = c.value
            case "indicator": old = m.indicator.map(String.init); m.indicator = Int(c.value)
            default: return false
            }
            m.source = mark(m.source, extracted: old, c, row: true)
            r.measures[rowNo - 1] = m
            return true
        }
    }
}
