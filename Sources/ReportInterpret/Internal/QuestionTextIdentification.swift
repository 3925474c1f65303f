import Foundation
import ITAModel
import PageLayout
import ThaiCharacters
import ThaiNormalise

/// Question rows of an OCR'd page whose code Tesseract did not read, identified by their printed
/// text. A code centred in a tall row comes out as `เออ`, `iow`, `1๐๑๕` or `๒๐` (tune scans: 586 of
/// 824 gold questions had no code read), while the question's text, dozens of letters over the
/// lines above and below the code's line, is read well. Such a line (a short token that is no
/// code in the code position, text after it, a score on it) is the question whose catalogue text
/// its row's whole text matches:
/// - the row's text is the code line's text with the wrapped lines above and below it in the text
///   column, up to the rows above and below (a line with a code or a score, a header); the run of
///   those lines that fits a catalogue text best is the row;
/// - its similarity to one question's whole text is at least `catalogueMinSimilarity`, and every
///   other question's (over any run of the same lines) at least `catalogueMinMargin` below it;
/// - the token must not read as another code: digits it holds spell the number (a leading 1 may
///   be the letter i), a look-alike letter it starts with is the tool's;
/// - the order down the code column agrees: the nearest printed code of the same tool above has a
///   smaller number, the one below a larger; the code is printed nowhere else on the page.
/// Only against a catalogue with texts (2568's has none: nothing is identified there).
struct QuestionTextIdentification {
    typealias Ref = QuestionPageGeometry.Ref

    /// One identified row: its code, the token that was printed for it, and the text cells of its
    /// row (the lines above the code's line, the code line's own text, the lines below).
    struct Found {
        var code: String
        var tool: Tool
        /// The segment of the code's line that holds the token.
        var segment: Int
        /// The token as printed (raw).
        var token: String
        /// Whether the token is run into the text of its segment (`io เจ้าหน้าที่...`).
        var glued: Bool
        /// The row's text segments, top to bottom (the token's own segment among them when glued).
        var textRefs: [Ref]
        var similarity: Double
    }

    /// A catalogue question with its whole text's key.
    private struct Question { var code: String; var tool: Tool; var number: Int; var key: [Unicode.Scalar] }

    private let questions: [Question]
    private let validCodes: Set<String>
    private let lookalikes: [Unicode.Scalar: Set<Tool>]
    private let longestKey: Int

    /// `catalogue`: the questions of the document's framework year; only those with a text take part.
    init(catalogue: [String: ITAVocabulary.QuestionInfo], lookalikes: [Unicode.Scalar: Set<Tool>]) {
        questions = catalogue.values.compactMap { q in
            guard !q.name.isEmpty, let n = Int(q.code.dropFirst()) else { return nil }
            return Question(code: q.code, tool: q.tool, number: n, key: KeyedText.phraseKey(q.name))
        }.sorted { $0.code < $1.code }
        validCodes = Set(catalogue.keys)
        self.lookalikes = lookalikes
        longestKey = questions.map(\.key.count).max() ?? 0
    }

    var isEmpty: Bool { questions.isEmpty }

    /// The identified rows of one page, by the line of their code token.
    func identify(in geometry: QuestionPageGeometry, vocabulary: QuestionTableVocabulary) -> [Int: Found] {
        guard !questions.isEmpty else { return [:] }
        let settings = geometry.settings
        let lines = geometry.lines
        // Codes printed (or confirmed by `CatalogueCodes`) on the page: the order's evidence.
        var printed: [(line: Int, ref: Ref, code: QuestionTokens.CodePrefix)] = []
        for (l, line) in lines.enumerated() {
            for (s, seg) in line.segments.enumerated() {
                if let c = QuestionTokens.codePrefix(seg.text, vocabulary.codeLetters) { printed.append((l, Ref(line: l, segment: s), c)) }
            }
        }
        var found: [Int: Found] = [:]
        for l in lines.indices {
            guard let f = identify(line: l, geometry, vocabulary: vocabulary, printed: printed, settings) else { continue }
            found[l] = f
        }
        // A code identified twice on the page is no row's for sure.
        var count: [String: Int] = [:]
        for f in found.values { count[f.code, default: 0] += 1 }
        return found.filter { count[$0.value.code] == 1 }
    }

    /// Where a line's code token is: a segment of its own before the text (`iow | ท่าน...`), or the
    /// first word of the line's first text segment (`io เจ้าหน้าที่...`, the code cell and the text
    /// one cell). A token run into the text must hold no Thai letter (a Thai word starts most text
    /// lines); one in a cell of its own may (`เออ`).
    private struct Token { var segment: Int; var scalars: [Unicode.Scalar]; var raw: String; var glued: Bool }

    private func token(of line: ReadLine, _ settings: InterpretSettings, _ vocabulary: QuestionTableVocabulary) -> Token? {
        // A code read anywhere on the line (after a row number: `๑๓ | i13 ...`) is the row's.
        guard !line.segments.contains(where: { QuestionTokens.codePrefix($0.text, vocabulary.codeLetters) != nil }) else { return nil }
        // The first segment that is no score (a score column may stand left of the code).
        guard let s = line.segments.firstIndex(where: { QuestionTokens.score($0.text) == nil }) else { return nil }
        let seg = line.segments[s]
        let text = seg.text.trimmingScalars(" \u{00A0}\t")
        // A letter or a digit in it: punctuation alone is a cell border's trace.
        func short(_ t: Substring) -> Bool {
            !t.isEmpty && Double(t.unicodeScalars.count) <= settings.catalogueCodeMaxTokenCharacters
                && ThaiScript.containsLetterOrDigit(t)
                && QuestionTokens.score(String(t)) == nil && !vocabulary.isHeader(String(t))
        }
        if !text.contains(" "), short(Substring(text)), s + 1 < line.segments.count {
            return Token(segment: s, scalars: Array(text.unicodeScalars), raw: seg.raw, glued: false)
        }
        guard let space = text.firstIndex(of: " ") else { return nil }
        let word = text[..<space]
        guard short(word), !word.unicodeScalars.contains(where: { ThaiScript.isConsonant($0.value) }) else { return nil }
        return Token(segment: s, scalars: Array(word.unicodeScalars), raw: String(word), glued: true)
    }

    private func identify(line l: Int, _ geometry: QuestionPageGeometry, vocabulary: QuestionTableVocabulary,
                          printed: [(line: Int, ref: Ref, code: QuestionTokens.CodePrefix)], _ settings: InterpretSettings) -> Found? {
        let line = geometry.lines[l]
        let grid = geometry.grid
        guard let tok = token(of: line, settings, vocabulary) else { return nil }
        let tokRef = Ref(line: l, segment: tok.segment)
        let tolerance = grid.wrapIndentTolerance(of: tokRef)
        // The text column: from the token's cell (its own text when run into it, the next cell's
        // otherwise) to the score right of the text, when the line has one there.
        let column = grid.textColumn(after: tokRef, glued: tok.glued, tolerance: tolerance,
                                     isScore: { QuestionTokens.score(geometry.segment($0).text) != nil })
        // A segment of no letter ("1 0", "00": a score OCR split over lines) is no question text:
        // the row's text ends above it, and with it the band its score is looked for in (tune scan
        // v000951-scan200: o20's 100.00 read as "1 0" over "00", and a stray "8" below taken).
        func textSegments(_ k: Int) -> [Int] {
            geometry.lines[k].segments.indices.filter { s in
                let seg = geometry.lines[k].segments[s]
                return grid.starts(Ref(line: k, segment: s), inColumn: column) && QuestionTokens.score(seg.text) == nil
                    && seg.text.unicodeScalars.contains { $0.properties.isAlphabetic }
            }
        }
        let own = tok.glued ? [tok.segment] + textSegments(l).filter { $0 > tok.segment } : textSegments(l).filter { $0 > tok.segment }
        // The row's lines above and below, each within a wrapped line's step of the last, up to
        // a line that starts another row (a code, a header; a score beside a token of its own) and no further
        // than the longest catalogue text can reach.
        let reach = Double(longestKey) / settings.catalogueMinSimilarity
        func neighbours(step: Int) -> [[Ref]] {
            var out: [[Ref]] = []
            var k = l + step
            var last = l
            var length = 0
            while k >= 0, k < geometry.lines.count {
                let other = geometry.lines[k]
                if !grid.isWrapStep(from: last, to: k) { break }
                if other.segments.contains(where: { QuestionTokens.codePrefix($0.text, vocabulary.codeLetters) != nil || vocabulary.isHeader($0.text) }) { break }
                // A line with a score in the text's band, or a token of its own, is another row's code line.
                if !tok.glued, other.segments.indices.contains(where: {
                    QuestionTokens.score(other.segments[$0].text) != nil && grid.starts(Ref(line: k, segment: $0), atOrRightOf: column.left)
                }) || CatalogueCodes.hasScore(other) { break }
                let segs = textSegments(k)
                guard !segs.isEmpty else { break }
                out.append(segs.map { Ref(line: k, segment: $0) })
                length += segs.map { geometry.lines[k].segments[$0].text.unicodeScalars.count }.reduce(0, +)
                if Double(length) > reach { break }
                last = k
                k += step
            }
            return out
        }
        let above = neighbours(step: -1), below = neighbours(step: 1)
        func text(_ refs: [Ref]) -> String {
            refs.map { r -> String in
                var t = geometry.segment(r).text
                // The token run into the text is no part of it.
                if tok.glued, r == Ref(line: l, segment: tok.segment) { t = QuestionTokens.withoutLeadingToken(t) }
                // A score run into the text's end ("... มาก 97.75") is the score's, not the text's.
                return QuestionTokens.trailingScore(t)?.text ?? t
            }.joined(separator: " ")
        }
        let ownRefs = own.map { Ref(line: l, segment: $0) }
        // Every run of lines through the code's line: a above, its own text, b below. With no text
        // of its own (a code centred between two lines of its row) the run must reach both sides,
        // so that no other row's whole text is taken for this line's.
        var spans: [(refs: [Ref], key: [Unicode.Scalar])] = []
        for a in 0...above.count {
            for b in 0...below.count where !ownRefs.isEmpty || (a > 0 && b > 0) {
                let refs = Array(above.prefix(a).reversed().joined()) + ownRefs + Array(below.prefix(b).joined())
                let key = Array(KeyedText(text(refs)).key)
                guard Double(key.count) >= settings.catalogueMinKeyCharacters else { continue }
                spans.append((refs, key))
            }
        }
        guard !spans.isEmpty else { return nil }
        // Each question's best whole-text similarity over the runs; a question whose lengths alone
        // keep it under the margin's floor cannot compete and is not compared.
        let floor = settings.catalogueMinSimilarity - settings.catalogueMinMargin
        var best: (q: Question, s: Double, refs: [Ref])?
        var scores: [String: Double] = [:]
        for q in questions where Double(q.key.count) >= settings.catalogueMinKeyCharacters {
            var most = -1.0, mostRefs: [Ref] = []
            for span in spans {
                let n = max(span.key.count, q.key.count)
                guard 1 - Double(abs(span.key.count - q.key.count)) / Double(n) >= floor else { continue }
                let s = 1 - Double(CatalogueCodes.distance(span.key, q.key)) / Double(n)
                if s > most { most = s; mostRefs = span.refs }
            }
            guard most >= 0 else { continue }
            scores[q.code] = most
            if best == nil || most > best!.s || (most == best!.s && q.code < best!.q.code) { best = (q, most, mostRefs) }
        }
        guard let best, best.s >= settings.catalogueMinSimilarity else { return nil }
        // Clearly that question's text: every other question at least the margin below.
        guard !scores.contains(where: { $0.key != best.q.code && $0.value > best.s - settings.catalogueMinMargin }) else { return nil }
        guard !readsAsAnotherCode(tok.scalars, best.q) else { return nil }
        // The order down the code column: printed codes of the same tool above and below.
        let codeColumn = printed.filter { grid.overlapsOrAligns($0.ref, tokRef, tolerance: tolerance) }
        if printed.contains(where: { $0.code.code == best.q.code }) { return nil }
        if let up = codeColumn.last(where: { $0.line < l && $0.code.tool == best.q.tool }),
           QuestionReader.codeNumber(up.code.code) >= best.q.number { return nil }
        if let down = codeColumn.first(where: { $0.line > l && $0.code.tool == best.q.tool }),
           QuestionReader.codeNumber(down.code.code) <= best.q.number { return nil }
        return Found(code: best.q.code, tool: best.q.tool, segment: tok.segment, token: tok.raw, glued: tok.glued,
                     textRefs: best.refs, similarity: best.s)
    }

    /// Whether the token reads as a code other than `q`: its digits spell another number that
    /// some question of the catalogue has (a leading 1 may be the letter i, so `1๐๑๕` reads 15),
    /// or it starts with a look-alike of another tool's letter only.
    private func readsAsAnotherCode(_ token: [Unicode.Scalar], _ q: Question) -> Bool {
        let digits = token.compactMap { ThaiNumber.digitValue($0) }
        // A run longer than a code's number is no code's, and would overflow when summed: refused.
        if digits.count > 4 { return true }
        if !digits.isEmpty {
            var numbers: Set<Int> = [digits.reduce(0) { $0 * 10 + $1 }]
            if digits.count >= 2, digits[0] == 1, ThaiNumber.digitValue(token[0]) != nil {
                numbers.insert(digits.dropFirst().reduce(0) { $0 * 10 + $1 })
            }
            if !numbers.contains(q.number),
               numbers.contains(where: { n in validCodes.contains { QuestionReader.codeNumber($0) == n } }) { return true }
        }
        if ThaiNumber.digitValue(token[0]) == nil, let tools = lookalikes[token[0]], !tools.contains(q.tool) { return true }
        return false
    }
}
