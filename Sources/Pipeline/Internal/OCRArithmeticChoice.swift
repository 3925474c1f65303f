import ITAModel
import PageOCR
import ReportInterpret

/// Lets the document's arithmetic choose among the readings of OCR'd Thai-digit scores. The shape
/// reader (`DigitRereader`) gives each number its best reading and the readings that come next (one
/// glyph changed); a misread glyph makes the checks fail (an indicator against the mean of its
/// questions, the overall score against the weighted tool means). Here each failing check is tried
/// again with one reading changed at a time: a change is taken only when it makes the failing
/// check hold without breaking one that held, and no other change does as much (two changes that
/// mend the same check, such as two questions of one mean, leave it as it was). Changes are tried
/// in rounds, since mending an indicator may complete the overall check. Each shape-read score a
/// check reaches gets a note (`Provenance.arithmetic`): its reading, the check's verdict, and which
/// alternatives the arithmetic rejected or could not tell apart. What the checks then say is the
/// rows' `check`; `OCRScorePolicy` keeps a shape-read score only when it is `consistent`.
enum OCRArithmeticChoice {
    /// A score the checks read: an indicator or question row (index), or the overall score.
    enum Slot: Hashable {
        case indicator(Int), question(Int), overall

        var label: String {
            switch self {
            case .indicator: return "indicator"
            case .question: return "question"
            case .overall: return "overall score"
            }
        }
    }

    /// Rounds of changes: each may complete a check the next one uses (a mended indicator completes
    /// the overall check); three cover question → indicator → overall.
    static let maxRounds = 3

    /// How far (points) another of the shapes' readings may be from the reading for a check that
    /// holds for both to still confirm it: a hundredths digit (0.01-0.09) no check resolves; a change
    /// of 0.1 or more that the check cannot tell apart means the check did not choose (a 2568 overall
    /// check, 0.1 wide, holds for ๙๔.๔๓ and ๙๔.๙๓ alike: held-out scans8 v100400's indicator 7).
    static let closeCallSpread = 0.095

    /// `readings`: the shape reading behind each slot (found by `OCRScorePolicy`); changes the
    /// record's scores where the arithmetic picks another reading, sets every row's `check` anew
    /// and the provenance of the slots' scores. Returns the values replaced (old value per slot),
    /// so that warnings quoting them can go, the overall score's check, and the slots whose check
    /// holds for another of the shapes' readings too, one `closeCallSpread` or more away
    /// (`undecided`: the check confirms neither).
    @discardableResult
    static func choose(_ record: inout ReportRecord, readings: [Slot: DigitReread],
                       arithmetic: ScoreArithmetic) -> (replaced: [Slot: String], overall: ScoreCheck?, undecided: Set<Slot>) {
        guard !readings.isEmpty else { return ([:], nil, []) }
        func value(_ r: ReportRecord, _ s: Slot) -> String? {
            switch s {
            case .indicator(let i): return r.indicators[i].score
            case .question(let i): return r.questions[i].score
            case .overall: return r.fields.overallScore?.value
            }
        }
        func set(_ r: inout ReportRecord, _ s: Slot, _ v: String) {
            switch s {
            case .indicator(let i): r.indicators[i].score = v
            case .question(let i): r.questions[i].score = v
            case .overall: r.fields.overallScore?.value = v
            }
        }
        func marks(_ r: ReportRecord) -> [Slot: ScoreCheck] {
            let m = arithmetic.marks(fields: r.fields, indicators: r.indicators, questions: r.questions)
            var out: [Slot: ScoreCheck] = [:]
            for (i, c) in m.indicators { out[.indicator(i)] = c }
            for (i, c) in m.questions { out[.question(i)] = c }
            if let o = m.overall { out[.overall] = o }
            return out
        }
        func alternatives(_ s: Slot) -> [String] {
            guard let r = readings[s] else { return [] }
            var out: [String] = []
            for a in [r.reading] + r.alternatives {
                let v = OCRScorePolicy.ascii(a)
                if !out.contains(v) { out.append(v) }
            }
            return out
        }

        var replaced: [Slot: String] = [:]
        var current = marks(record)
        for _ in 0..<maxRounds {
            let failing = Set(current.filter { $0.value == .inconsistent }.keys)
            guard !failing.isEmpty else { break }
            struct Fix { var slot: Slot; var value: String; var mended: Set<Slot> }
            var fixes: [Fix] = []
            for slot in readings.keys.sorted(by: { "\($0)" < "\($1)" }) where failing.contains(slot) && replaced[slot] == nil {
                guard let now = value(record, slot) else { continue }
                for alt in alternatives(slot) where alt != now {
                    var trial = record
                    set(&trial, slot, alt)
                    let m = marks(trial)
                    guard m[slot] == .consistent else { continue }
                    let broken = current.contains { $0.value == .consistent && m[$0.key] != .consistent }
                    let mended = Set(failing.filter { m[$0] == .consistent })
                    if !broken && !mended.isEmpty { fixes.append(Fix(slot: slot, value: alt, mended: mended)) }
                }
            }
            // A fix is taken when every other fix that touches the same checks mends strictly less.
            let taken = fixes.filter { f in
                !fixes.contains { g in
                    !(g.slot == f.slot && g.value == f.value) && !g.mended.isDisjoint(with: f.mended) && !g.mended.isStrictSubset(of: f.mended)
                }
            }
            guard !taken.isEmpty else { break }
            for f in taken {
                replaced[f.slot] = value(record, f.slot)
                set(&record, f.slot, f.value)
            }
            current = marks(record)
        }

        // The rows' check as the arithmetic now says; the notes on the shape-read scores.
        for i in record.indicators.indices { record.indicators[i].check = current[.indicator(i)] }
        for i in record.questions.indices { record.questions[i].check = current[.question(i)] }
        var undecided = Set<Slot>()
        for (slot, r) in readings {
            guard let now = value(record, slot), let verdict = current[slot] else { continue }
            var held: [String] = [], failed: [String] = []
            for alt in alternatives(slot) where alt != now {
                var trial = record
                set(&trial, slot, alt)
                if marks(trial)[slot] == .consistent { held.append(alt) } else { failed.append(alt) }
            }
            // Any other reading the check also holds for, `closeCallSpread` or more away, leaves it undecided
            // (not only the first alternative: the shapes' order is no evidence between readings).
            if verdict == .consistent, replaced[slot] == nil, let b = Double(now),
               held.contains(where: { alt in Double(alt).map { abs($0 - b) >= closeCallSpread } ?? false }) {
                undecided.insert(slot)
            }
            var note: String
            if let old = replaced[slot] {
                note = "the shapes read \(old), which the document's arithmetic rejects; \(now) (a next reading) makes it hold"
            } else {
                note = "the shapes read \(now); the document's arithmetic finds it \(verdict.rawValue)"
            }
            if !failed.isEmpty { note += "; rejected: " + failed.joined(separator: ", ") }
            if !held.isEmpty { note += "; also holding (the checks cannot tell them apart): " + held.joined(separator: ", ") }
            func annotate(_ p: Provenance?) -> Provenance? {
                guard var p else { return nil }
                p.via = replaced[slot] == nil ? "ocr-digit-shapes" : "ocr-digit-shapes+arithmetic"
                p.ocr = r.ocr
                p.alternatives = alternatives(slot).filter { $0 != now }
                p.arithmetic = note
                return p
            }
            switch slot {
            case .indicator(let i): record.indicators[i].source = annotate(record.indicators[i].source)
            case .question(let i): record.questions[i].source = annotate(record.questions[i].source)
            case .overall:
                let p = annotate(record.fields.overallScore?.source)
                record.fields.overallScore?.source = p
            }
        }
        return (replaced, current[.overall], undecided)
    }
}
