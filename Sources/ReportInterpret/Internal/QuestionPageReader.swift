import ITAModel
import ThaiNormalise

/// Reads the question scores printed on one page (see `QuestionReader`).
struct QuestionPageReader {
    typealias Ref = QuestionPageGeometry.Ref

    let geometry: QuestionPageGeometry
    let vocabulary: QuestionTableVocabulary
    let normaliser: ThaiNormaliser

    /// A cell starting with a question code.
    private struct Anchor {
        var ref: Ref
        var code: QuestionTokens.CodePrefix
    }

    func read(year: Int?) -> [QuestionScore] {
        let refs = geometry.allRefs
        var anchors: [Anchor] = []
        var scores: [Ref: String] = [:]
        for r in refs {
            let text = geometry.segment(r).text
            if let c = QuestionTokens.codePrefix(text) {
                anchors.append(Anchor(ref: r, code: c))
            } else if let s = QuestionTokens.score(text) {
                scores[r] = s
            }
        }
        guard !anchors.isEmpty else { return [] }
        let anchorRefs = Set(anchors.map(\.ref))
        let scoreRefs = scores.keys.sorted()
        var used = Set<Ref>()
        var out: [QuestionScore] = []

        // Something that starts a new cell in a column: a code, a score, or a header word.
        func startsOther(_ r: Ref) -> Bool {
            anchorRefs.contains(r) || scores[r] != nil || vocabulary.isHeader(geometry.segment(r).text)
        }

        for a in anchors {
            let aSeg = geometry.segment(a.ref)
            // The question text: after the code in the same cell, or the next cell when the code
            // has a column of its own.
            var textStart = a.ref
            var firstRaw = QuestionTokens.codePrefix(aSeg.raw)?.rest ?? a.code.rest
            if a.code.rest.isEmpty, let next = nextTextCell(after: a.ref, scores: scores, anchors: anchorRefs) {
                textStart = next
                firstRaw = geometry.segment(next).raw
            }
            let x0s = [geometry.segment(textStart).box.x0, aSeg.box.x0]
            let more = geometry.continuation(of: textStart, x0: x0s[0], stop: startsOther)
            var textRefs = [textStart] + more
            if textStart != a.ref { textRefs.insert(a.ref, at: 0) }
            let textBoxes = textRefs.map { geometry.segment($0).box }
            let textRight = textBoxes.map(\.x1).max() ?? aSeg.box.x1
            let textBottom = textBoxes.map(\.y1).max() ?? aSeg.box.y1

            // The row: every cell starting on the code's line, followed down (cells of one table
            // row start together); a vertically centred score sits inside it.
            var rowBottom = textBottom
            for s in geometry.lines[a.ref.line].segments.indices {
                let r = Ref(line: a.ref.line, segment: s)
                if scores[r] != nil { continue }
                let cont = geometry.continuation(of: r, x0: geometry.segment(r).box.x0, stop: startsOther)
                if let last = cont.last { rowBottom = max(rowBottom, geometry.segment(last).box.y1) }
            }
            // ... but never past the next code or header in the code's own column.
            let colTol = max(4.0, 0.45 * aSeg.box.height)
            var bandBottom = rowBottom + 0.3 * geometry.pitch
            for l in (a.ref.line + 1)..<geometry.lines.count {
                let line = geometry.lines[l]
                if line.box.y0 > bandBottom { break }
                if let s = line.segments.firstIndex(where: { abs($0.box.x0 - aSeg.box.x0) <= colTol || abs($0.box.x0 - x0s[0]) <= colTol }),
                   !textRefs.contains(Ref(line: l, segment: s)) {
                    bandBottom = min(bandBottom, line.segments[s].box.y0 - 0.5)
                    break
                }
            }
            let bandTop = aSeg.box.y0 - 0.4 * geometry.pitch

            // The nearest unused score right of the text, with no other code column between.
            var best: Ref?
            for r in scoreRefs where !used.contains(r) {
                let b = geometry.segment(r).box
                guard b.y0 >= bandTop, b.y0 <= bandBottom, b.x0 >= textRight - 1 else { continue }
                let blocked = anchors.contains { other in
                    let ob = geometry.segment(other.ref).box
                    return ob.x0 > textRight && ob.x0 < b.x0 && ob.y1 >= bandTop && ob.y0 <= bandBottom
                }
                if blocked { continue }
                if let cur = best {
                    let cb = geometry.segment(cur).box
                    if b.x0 < cb.x0 - 2 || (abs(b.x0 - cb.x0) <= 2 && b.y0 < cb.y0) { best = r }
                } else {
                    best = r
                }
            }

            var rawLines = [firstRaw] + more.map { geometry.segment($0).raw }
            let scoreText: String
            var scoreBox: Box?
            let scoreRaw: String
            if let best {
                used.insert(best)
                scoreText = scores[best]!
                scoreBox = geometry.segment(best).box
                scoreRaw = geometry.segment(best).raw
            } else if let glued = QuestionTokens.trailingScore(rawLines[rawLines.count - 1]) {
                // Code, text and score run together in one segment (narrow column gap).
                rawLines[rawLines.count - 1] = glued.text
                scoreText = glued.score
                scoreRaw = glued.score
            } else {
                continue
            }
            let question = normaliser.normaliseLines(rawLines.filter { !$0.isEmpty }).text
            var box = Box.union(textBoxes) ?? aSeg.box
            if let scoreBox { box = box.union(scoreBox) }
            let raw = textRefs.map { geometry.segment($0).raw }.joined(separator: "\n") + "\t" + scoreRaw
            out.append(QuestionScore(year: year, code: a.code.code, tool: a.code.tool,
                                     question: question.isEmpty ? nil : question, score: scoreText,
                                     page: geometry.page,
                                     source: Provenance(page: geometry.page, box: box, raw: raw, via: "text")))
        }
        return out
    }

    /// The first cell right of `r` on its line that is neither a score nor a code.
    private func nextTextCell(after r: Ref, scores: [Ref: String], anchors: Set<Ref>) -> Ref? {
        let line = geometry.lines[r.line]
        guard r.segment + 1 < line.segments.count else { return nil }
        let n = Ref(line: r.line, segment: r.segment + 1)
        if scores[n] != nil || anchors.contains(n) { return nil }
        return n
    }
}
