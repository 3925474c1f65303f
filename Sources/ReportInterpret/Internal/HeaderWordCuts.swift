import ITAModel
import PageLayout
import ThaiNormalise

/// Header lines cut at the word level where another header line's cell starts. Narrow plan
/// columns leave header cells a space apart, so the layout may run two or three of them into one
/// segment (`ขั้นตอน/วิธี ผู้รับผิด ระยะ`, tune seed 221; `ประเด็นที่ การวิเคราะห์ผล`, seed 248),
/// while on the lines above or below the same cells stand apart (`ปฏิบัติ | ชอบ | เวลา`). Cell text
/// is left-aligned, so a word that starts where a neighbouring line's cell starts (within
/// `planColumnStartTolerance`), after a word that ends before it, starts a cell of its own; so
/// does a word of header wording that names another role than the words before it.
/// Only lines that could be header lines are cut (no number but a year), and only by cells of
/// such lines within `headerBandLineReach` line pitches: the band finder reads header cells
/// from the result; body lines are read as they were.
enum HeaderWordCuts {
    static func lines(_ lines: [ReadLine], layoutLines: [TextLine], texts: NormalisedLayout, pitch: Double,
                      settings: InterpretSettings, vocabulary: MeasureHeaderVocabulary) -> [ReadLine] {
        guard layoutLines.count == lines.count else { return lines }
        let headerLike = lines.map { line in
            !line.segments.isEmpty && line.segments.allSatisfy { !MeasureHeaderBand.hasNumberOtherThanYear($0.text) }
        }
        let tolerance = settings.planColumnStartTolerance
        var out = lines
        for l in lines.indices where headerLike[l] {
            // Cell starts of the header-like lines around this one.
            let starts = lines.indices.filter { $0 != l && headerLike[$0] && lines[$0].box.topWithin(pitches: settings.headerBandLineReach, of: lines[l].box, pitch: pitch) }
                .flatMap { lines[$0].segments.map(\.box) }
            let words = layoutLines[l].segments.flatMap(\.words)
            var segments: [ReadSegment] = []
            var cut = false
            for seg in lines[l].segments {
                let inside = SegmentWords.words(words, inside: seg.box, slack: settings.planWordInSegmentSlack)
                guard inside.count > 1 else { segments.append(seg); continue }
                var groups: [[Word]] = [[inside[0]]]
                for (previous, w) in zip(inside, inside.dropFirst()) {
                    let startsCell = SegmentWords.startsCell(w.box, after: previous.box, cells: starts, tolerance: tolerance)
                        || namesAnotherRole(w, after: groups[groups.count - 1], vocabulary)
                    if startsCell { groups.append([w]) } else { groups[groups.count - 1].append(w) }
                }
                guard groups.count > 1 else { segments.append(seg); continue }
                cut = true
                for g in groups {
                    let raw = g.map(\.text).joined(separator: " ")
                    let normalised = texts.composed(words: raw)
                    segments.append(ReadSegment(text: normalised.text, raw: raw, box: Box.union(g.map(\.box)) ?? seg.box,
                                                page: seg.page, changes: normalised.changes))
                }
            }
            if cut { out[l] = lines[l].with(segments: segments) }
        }
        return out
    }

    /// A header word naming a column role of its own, other than the one the words before it in
    /// the segment name, starts a cell of its own: `ช่วงเวลาดำเนิน ผู้รับผิดชอบ` is a period cell and an
    /// owner cell a space apart (fresh tune seed 436, where no other header line has a cell
    /// starting at the owner's). Not when a phrase of the vocabulary runs across the two
    /// (`ผลการวิเคราะห์ ตัวชี้วัด` is one analysis cell).
    static func namesAnotherRole(_ word: Word, after group: [Word], _ vocabulary: MeasureHeaderVocabulary) -> Bool {
        let before = group.map(\.text).joined(separator: " ")
        guard let right = vocabulary.role(of: word.text), let left = vocabulary.role(of: before), left != right,
              vocabulary.isHeaderWording(word.text), vocabulary.isHeaderWording(before) else { return false }
        return !vocabulary.hasPhraseAcross(before, word.text)
    }
}
