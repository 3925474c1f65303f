import ITAModel
import PageLayout
import ThaiCharacters
import ThaiNormalise

/// Question rows of an OCR'd page whose code token Tesseract garbled, identified by the table's
/// order: a question table prints its codes in catalogue order down one column, so the tokens at
/// the code position of consecutive rows that read i9, `[๑๐`, `ie`, `[1๒`, `[๑๓` are i9 to i13
/// (tune scan v001460-scan200 p. 3: a 2568 report, whose catalogue has no question texts for
/// `QuestionTextIdentification` to match). The neighbours confirm each other:
/// - a chain is the code-position tokens of consecutive rows in one column (a header line, or a
///   token that does not continue the count, ends it), each reading the number after the one
///   above: its digits (Thai or ASCII, after one leading look-alike of a letter) spell it, or its
///   first digit is the letter misread (`1๑` for i1, `65` for e5); a token of no digit (`ie`)
///   may stand between two that read numbers, never at an end nor beside another such;
/// - the chain names one tool: a token prints a code letter of it (`i9`, `ie`) or starts with a
///   look-alike of it only at a number no other tool has (`๐๓๐` for o30 in 2568), and no token
///   starts with a letter or look-alike that only another tool has (`๐9` on an EIT row, tune scan
///   v001460-scan200 p. 4, is a look-alike of o: a chain of such tokens at e's numbers confirms
///   nothing);
/// - it holds at least `ocrCodeChainMinRows` tokens, every code of it in the catalogue of the
///   framework the page's printed codes prove.
/// Every token of an accepted chain is confirmed by its place (`codeFromSequence` for a garbled
/// one, `codeInSequence` for one read as its code): the pipeline's OCR policy takes that as the
/// code's confirmation (a code is never confirmed by a looser text match).
struct QuestionCodeChain {
    typealias Ref = QuestionPageGeometry.Ref

    /// One row of an accepted chain.
    struct Found: Equatable {
        var code: String
        var tool: Tool
        /// The segment of the line that holds the token.
        var segment: Int
        /// The token as printed (raw).
        var token: String
        /// Whether the token is run into the text of its segment (`[๑๐ ท่านรู้...`).
        var glued: Bool
        /// Whether the token was read as this code already (`QuestionTokens.codePrefix`).
        var printed: Bool
        /// Which chain of the document the row belongs to (rows of one chain stand or fall together).
        var chain: Int = 0
    }

    /// `found` without every chain that some row's code found by its text contradicts: the text
    /// names another question than the chain's place gives, so the count is off somewhere in it.
    static func withoutContradicted(_ found: [Int: [Int: Found]], identified: [Int: [Int: String]]) -> [Int: [Int: Found]] {
        var bad = Set<Int>()
        for (page, rows) in found {
            for (line, f) in rows { if let code = identified[page]?[line], code != f.code { bad.insert(f.chain) } }
        }
        guard !bad.isEmpty else { return found }
        return found.mapValues { $0.filter { !bad.contains($0.value.chain) } }.filter { !$0.value.isEmpty }
    }

    /// The change kinds a chain's rows carry in their provenance (the OCR policy reads them).
    static let fromSequence = "code_from_sequence"
    static let inSequence = "code_in_sequence"

    let catalogue: Set<String>
    let lookalikes: [Unicode.Scalar: Set<Tool>]
    /// Per Thai digit as OCR read it, the digits it may stand for besides itself
    /// (`Mappings/ita/question-code-lookalikes.json`, `digitMisreadings`: ๕ for ๔, ๘ or ๙).
    var misreadDigits: [Unicode.Scalar: Set<Int>] = [:]

    /// One token at a row's code position.
    private struct Token {
        var page = 0
        /// The token's page grid, for a chain over a page break.
        var grid: PageGrid? = nil
        var line: Int
        var ref: Ref
        var raw: String
        var glued: Bool
        /// The numbers it may read (empty: no digit, a wildcard between two that read).
        var numbers: Set<Int>
        /// The numbers its digits may stand for under the known misreadings and not as read
        /// (`misreadDigits`; none for a token that prints a code letter): a chain takes one only
        /// between two tokens it reads as printed.
        var misread: Set<Int> = []
        /// Whether the token reads `n` as printed (`numbers`) or under a misreading.
        func reads(_ n: Int) -> Bool { numbers.contains(n) || misread.contains(n) }
        /// The tools its first character may stand for (nil: a digit, no constraint).
        var tools: Set<Tool>?
        /// Whether it prints a code letter (not a look-alike).
        var letter: Tool?
        var printed: Bool
    }

    /// The chained rows of one OCR'd page, by the line of their token.
    func identify(in geometry: QuestionPageGeometry, vocabulary: QuestionTableVocabulary) -> [Int: Found] {
        identify(pages: [geometry], vocabulary: vocabulary)[geometry.page] ?? [:]
    }

    /// A run of tokens that read consecutive numbers, before runs are bridged into chains.
    private struct Run {
        var tokens: [Token]
        /// Each token's place in the run (0, 1, ...; a bridge over an unread row skips one).
        var places: [Int]
        /// The numbers the first place may have.
        var starts: Set<Int>
        /// Tokens of the run's last side (since its last bridge) that read a number.
        var sideRows: Int
        /// Ended by a token of its column that did not continue the count (the next run starts
        /// there), not by a header, a misaligned token or a page between: only then may it be
        /// bridged to the next run.
        var endedByCount = false
        /// The tool a title line between the previous token and the run's first names
        /// (`QuestionTableVocabulary.toolTitled`): it names the run's tool as a printed letter does.
        var titled: Tool? = nil

        init(_ t: Token) { tokens = [t]; places = [0]; starts = t.numbers.union(t.misread); sideRows = t.numbers.isEmpty ? 0 : 1 }

    }

    /// The chained rows of a document's OCR'd pages (in page order), by page and line. A chain runs
    /// on over a page break into the next page's code column (tune scan v001460-scan200: o1-o6 at
    /// the foot of page 4, which name no tool, are OIT's by o7 at the top of page 5).
    func identify(pages: [QuestionPageGeometry], vocabulary: QuestionTableVocabulary) -> [Int: [Int: Found]] {
        guard let settings = pages.first?.settings else { return [:] }
        let letters = vocabulary.codeLetters
        let grids = Dictionary(pages.map { ($0.page, $0.grid) }, uniquingKeysWith: { a, _ in a })
        // Phase one: runs of tokens reading consecutive numbers down one column.
        var runs: [Run] = []
        var run: Run?
        func close(byCount: Bool) {
            guard var r = run else { return }
            run = nil
            // A run ends at a token that reads a number; a row dropped so lies between it and the
            // next run, which is then no gap of one row.
            var dropped = false
            while let last = r.tokens.last, last.numbers.isEmpty { r.tokens.removeLast(); r.places.removeLast(); dropped = true }
            guard !r.tokens.isEmpty else { return }
            r.endedByCount = byCount && !dropped
            runs.append(r)
        }
        var previousPage: Int?
        // The tool a title line named since the last token line.
        var titled: Tool?
        for geometry in pages {
            let grid = geometry.grid
            // A chain runs on only into the very next page.
            if let p = previousPage, p + 1 != geometry.page { close(byCount: false) }
            // A title names a run on its own page only: one left over from a page before (a summary
            // table's last row naming a tool) would name whatever table opens the next page.
            titled = nil
            for (l, line) in geometry.lines.enumerated() {
                // A header ends the chain; a line of no token (a wrapped text line) does not. A title
                // naming a tool (a header) names the next run's.
                let header = line.segments.contains(where: { vocabulary.isHeader($0.text) })
                if header || run == nil, let tool = vocabulary.toolTitled(line.segments.map(\.text).joined(separator: " ")) { titled = tool }
                if header { close(byCount: false); continue }
                guard var t = token(line: l, line, settings, vocabulary, letters) else { continue }
                defer { titled = nil }
                t.page = geometry.page
                t.grid = grid
                if var r = run, let prev = r.tokens.last {
                    // In one column, on one page or over a break.
                    let aligned: Bool
                    if prev.page != t.page, let before = prev.grid {
                        aligned = grid.startsAligned(t.ref, with: prev.ref, of: before, tolerance: before.wrapIndentTolerance(of: prev.ref))
                    } else {
                        aligned = grid.overlapsOrAligns(prev.ref, t.ref, tolerance: grid.wrapIndentTolerance(of: prev.ref))
                    }
                    let k = r.places.last! + 1
                    let next: Set<Int> = t.numbers.isEmpty ? r.starts : Set(r.starts.filter { t.reads($0 + k) })
                    // A wildcard never follows a wildcard.
                    if aligned, !next.isEmpty, !(t.numbers.isEmpty && prev.numbers.isEmpty) {
                        r.tokens.append(t); r.places.append(k); r.starts = next
                        if !t.numbers.isEmpty { r.sideRows += 1 }
                        run = r
                        continue
                    }
                    close(byCount: aligned && !t.numbers.isEmpty)
                }
                // A run starts at a token that reads a number.
                guard !t.numbers.isEmpty else { continue }
                run = Run(t)
                run?.titled = titled
            }
            previousPage = geometry.page
        }
        close(byCount: false)

        // Phase two: runs bridged over a gap of one row, then accepted as chains.
        let minSide = Int(settings.ocrCodeChainBridgeMinSideRows.rounded(.up))
        /// The chain's first number: its one start, or, when misreadings allow several, the one start
        /// under which every place is a catalogue code of a tool its tokens allow. The digits read as
        /// printed (๕ ๓ ๒ ๑) are the very ones misreadings produce, so a vote of tokens read as printed
        /// is no evidence between two starts (๐๒๓ ๐๒๕ ๐๒๕ for o27-o29 would vote o23-o25): two
        /// starts that both fit the catalogue leave the chain unread.
        func settledStart(_ r: Run) -> Int? {
            if r.starts.count <= 1 { return r.starts.first }
            var tools = Set(Tool.allCases)
            for t in r.tokens { if let ts = t.tools { tools.formIntersection(ts) } }
            let fitting = r.starts.filter { s in tools.contains { tool in r.places.allSatisfy { catalogue.contains(letters.code(tool, s + $0)) } } }
            return fitting.count == 1 ? fitting.first : nil
        }
        /// `b` continued `a` at `a`'s end + `skip` + 1 (its places shifted), its side now the last.
        func joined(_ a: Run, _ gap: Token?, _ b: Run, skip: Int) -> Run? {
            // The start is settled as a chain's is (`settledStart`), so a bridge and the chain it makes agree.
            guard let s = settledStart(a) else { return nil }
            let end = s + a.places.last!
            guard b.starts.contains(end + skip + 1) else { return nil }
            var r = a
            r.starts = [s]
            if let gap { r.tokens.append(gap); r.places.append(end + 1 - s) }
            r.tokens += b.tokens
            r.places += b.places.map { $0 + end + skip + 1 - s }
            r.sideRows = b.sideRows
            r.endedByCount = b.endedByCount
            return r
        }
        var chains: [Run] = []
        var i = 0
        while i < runs.count {
            var r = runs[i]
            i += 1
            while r.endedByCount, r.sideRows >= minSide, i < runs.count {
                // One misread token: a run of it alone, the next run reading the number after it.
                // A token printing a code letter misread its digits less often than a look-alike's
                // or a digit run; it is not overruled by its place.
                let g = runs[i]
                if g.tokens.count == 1, g.endedByCount, !(g.tokens[0].printed && g.tokens[0].letter != nil), i + 1 < runs.count,
                   runs[i + 1].sideRows >= minSide, var gap = g.tokens.first {
                    // Its place gives its code, whatever it read (`printed` off: the reader takes the chain's code).
                    gap.printed = false
                    if let b = joined(r, gap, runs[i + 1], skip: 1) { r = b; i += 2; continue }
                }
                // One row left unread: the next run reads the number after it, and the step over
                // the gap holds a row more than the chain's shortest step (on one page; over a page
                // break the row may lie at either side, unmeasured).
                if g.sideRows >= minSide, let last = r.tokens.last, let first = g.tokens.first, let b = joined(r, nil, g, skip: 1) {
                    var fits = last.page != first.page
                    if !fits, let grid = grids[last.page] {
                        // Steps between rows of the sides, on the gap's page (each page's own scale).
                        let beside = [Array(r.tokens.suffix(r.sideRows + 1)), Array(g.tokens.prefix(g.sideRows + 1))]
                        if let (c, d) = Self.shortest(beside, on: grid, page: last.page) {
                            fits = grid.stepRatio(from: last.ref, to: first.ref, over: c.ref, to: d.ref) >= settings.ocrCodeChainGapMinSteps
                        }
                    }
                    if fits { r = b; i += 1; continue }
                }
                break
            }
            chains.append(r)
        }

        var out: [Int: [Int: Found]] = [:]
        var chainNumber = 0
        let maxMisread = Int(settings.ocrCodeChainMaxMisreadRows.rounded(.down))
        /// Whether `r` (its first place `s`) is a chain; its rows are then given their codes.
        func accept(_ r: Run, _ s: Int) -> Bool {
            guard Double(r.tokens.count) >= settings.ocrCodeChainMinRows else { return false }
            var tools = Set(Tool.allCases)
            for t in r.tokens { if let ts = t.tools { tools.formIntersection(ts) } }
            guard tools.count == 1, let tool = tools.first else { return false }
            let codes = r.places.map { letters.code(tool, s + $0) }
            guard codes.allSatisfy(catalogue.contains) else { return false }
            // Named: a token prints the tool's letter, or ties itself to the tool (a look-alike, a
            // code-position letter) at a number no other tool of the catalogue has (`๐๓๐`: o30).
            // Digits name no tool, so one misread letter must not name the chain alone.
            let naming = zip(r.tokens, r.places).filter { t, k in
                t.letter == tool || (t.tools == [tool] && !Tool.allCases.contains { $0 != tool && catalogue.contains(letters.code($0, s + k)) })
            }.count
            guard Double(naming) >= settings.ocrCodeChainMinNamingTokens || r.titled == tool else { return false }
            chainNumber += 1
            for (t, (code, k)) in zip(r.tokens, zip(codes, r.places)) {
                // A token read under a misreading takes its place's code (`printed` off), as a garbled one does.
                out[t.page, default: [:]][t.line] = Found(code: code, tool: tool, segment: t.ref.segment, token: t.raw, glued: t.glued,
                                                          printed: t.printed && t.numbers.contains(s + k), chain: chainNumber)
            }
            return true
        }
        for whole in chains {
            guard let s = settledStart(whole) else { continue }
            for r in Self.pieces(of: whole, start: s, maxMisread: maxMisread) where !accept(r, s) {
                // Joined by misreadings, the rows may take in a token that fails the whole (a
                // wildcard `coe` tied to EIT, tune scan v001460-scan200 p. 5): the parts the
                // misread tokens join are still what the tokens read as printed prove.
                for part in Self.parts(of: r, start: s) where part.tokens.count < r.tokens.count { _ = accept(part, s) }
            }
        }
        return out
    }

    /// `r` cut at each token that reads its place's number only under a misreading (which goes to no part).
    private static func parts(of r: Run, start s: Int) -> [Run] {
        var out: [Run] = []
        var current: Run?
        for (t, k) in zip(r.tokens, r.places) {
            if t.misread.contains(s + k) && !t.numbers.contains(s + k) {
                if let c = current { out.append(c) }
                current = nil
                continue
            }
            if var c = current { c.tokens.append(t); c.places.append(k); current = c } else {
                var c = r
                c.tokens = [t]; c.places = [k]
                // The title stands before the first part only.
                if !out.isEmpty || k != r.places.first { c.titled = nil }
                current = c
            }
        }
        if let c = current { out.append(c) }
        // A part ends at a token read as printed, as a chain does (no wildcard at an end).
        return out.map { p in
            var p = p
            while let last = p.tokens.last, last.numbers.isEmpty { p.tokens.removeLast(); p.places.removeLast() }
            while let first = p.tokens.first, first.numbers.isEmpty { p.tokens.removeFirst(); p.places.removeFirst() }
            return p
        }.filter { !$0.tokens.isEmpty }
    }

    /// A chain's parts that its tokens read as printed pin (`s` its first place's number): each
    /// starts and ends at such a token, and holds at most `maxMisread` tokens in a row read under a
    /// misreading or as wildcards; a longer run parts the chain. Two tokens read as printed fix the
    /// count of the rows between them, so those rows are the numbers between; beyond the last one
    /// nothing fixes it.
    private static func pieces(of r: Run, start s: Int, maxMisread: Int) -> [Run] {
        var out: [Run] = []
        var current: Run?
        var pending: [(Token, Int)] = []
        for (t, k) in zip(r.tokens, r.places) {
            guard t.numbers.contains(s + k) else { pending.append((t, k)); continue }
            if var c = current, pending.count <= maxMisread {
                for (p, pk) in pending { c.tokens.append(p); c.places.append(pk) }
                c.tokens.append(t); c.places.append(k)
                current = c
            } else {
                if let c = current { out.append(c) }
                var c = r
                c.tokens = [t]; c.places = [k]
                // The title stands before the chain's first row only.
                if current != nil || !pending.isEmpty { c.titled = nil }
                current = c
            }
            pending = []
        }
        if let c = current { out.append(c) }
        return out
    }

    /// The pair of consecutive tokens of one of `groups`, both on `page`, with the smallest step.
    private static func shortest(_ groups: [[Token]], on grid: PageGrid, page: Int) -> (Token, Token)? {
        var best: (Token, Token)?
        for tokens in groups {
            for (a, b) in zip(tokens, tokens.dropFirst()) where a.page == page && b.page == page {
                if let (c, d) = best, grid.stepRatio(from: a.ref, to: b.ref, over: c.ref, to: d.ref) >= 1 { continue }
                best = (a, b)
            }
        }
        return best
    }

    /// The numbers `digits` may print, each Thai digit as read or as one it is misread for
    /// (`misreadDigits`); none when a scalar is no digit.
    private func misreadNumbers(_ digits: [Unicode.Scalar]) -> Set<Int> {
        var out: Set<Int> = [0]
        for u in digits {
            guard let d = ThaiNumber.digitValue(u) else { return [] }
            let values = misreadDigits[u, default: []].union([d])
            out = Set(out.flatMap { n in values.map { n * 10 + $0 } })
        }
        return digits.isEmpty ? [] : out
    }

    /// Marks OCR makes of a table's vertical border before a cell's first word (`|o7`). Not `[`,
    /// which is a misread code letter i of a mixed font (`[๑๐`), nor `(`, a misread look-alike.
    static let borderMarks: Set<Unicode.Scalar> = ["|"]

    /// The token at a line's code position: a code `QuestionTokens.codePrefix` reads, or a short
    /// token of no Thai consonant before the text (`[๑๐ ท่าน...`, `ie | ขั้นตอน...`).
    private func token(line l: Int, _ line: ReadLine, _ settings: InterpretSettings, _ vocabulary: QuestionTableVocabulary,
                       _ letters: QuestionCodeLetters) -> Token? {
        // The first segment that is no score (a score column may stand left of the code).
        guard let s = line.segments.firstIndex(where: { QuestionTokens.score($0.text) == nil }) else { return nil }
        let seg = line.segments[s]
        let ref = Ref(line: l, segment: s)
        // A table's border OCR read as a bar before the code (`|o7`, tune scan v001455-scan150 p. 7)
        // is no part of it. The reader does not read such a code itself: the chain's code stands.
        let segText = String(seg.text.unicodeScalars.drop { Self.borderMarks.contains($0) || $0 == " " })
        let bordered = segText.unicodeScalars.count != seg.text.unicodeScalars.drop(while: { $0 == " " }).count
        if let c = QuestionTokens.codePrefix(segText, letters) {
            let first = segText.unicodeScalars.first { $0 != " " && $0 != "\u{00A0}" }
            let letter = first.flatMap { letters.tool(forLetter: $0) }
            // A code letter names its tool; a letter that stands for one only in the code position
            // (`๐๕` for o5) is a look-alike of it (OCR reads e as ๐ too).
            var t = Token(line: l, ref: ref, raw: String(seg.raw.split(separator: " ").first ?? ""), glued: !c.rest.isEmpty,
                          numbers: [QuestionReader.codeNumber(c.code)], tools: letter.map { [$0] } ?? [c.tool], letter: letter, printed: !bordered)
            // A printed code letter's number is read as printed; after a look-alike (`๐๕`), the digits
            // may be misread ones (o4's ๔ read ๕).
            if letter == nil {
                let digits = segText.unicodeScalars.drop { $0 == " " || $0 == "\u{00A0}" }.dropFirst().prefix { ThaiNumber.digitValue($0) != nil }
                t.misread = misreadNumbers(Array(digits)).subtracting(t.numbers)
            }
            return t
        }
        // A code read elsewhere on the line is the row's (`๑๓ | i13`): no token here.
        guard !line.segments.contains(where: { QuestionTokens.codePrefix($0.text, letters) != nil }) else { return nil }
        let text = seg.text.trimmingScalars(" \u{00A0}\t")
        func short(_ t: Substring) -> Bool {
            !t.isEmpty && Double(t.unicodeScalars.count) <= settings.catalogueCodeMaxTokenCharacters
                && ThaiScript.containsLetterOrDigit(t) && !t.unicodeScalars.contains(where: { ThaiScript.isConsonant($0.value) })
        }
        let word: Substring
        let glued: Bool
        if !text.contains(" ") {
            guard short(Substring(text)), QuestionTokens.score(text) == nil, s + 1 < line.segments.count else { return nil }
            word = Substring(text); glued = false
        } else {
            // A whole number run into the text (`65 หน่วยงาน...`: e5, its e read as 6) is a token
            // here; a decimal is no code (the digits check below).
            guard let space = text.firstIndex(of: " "), short(text[..<space]) else { return nil }
            word = text[..<space]; glued = true
        }
        let scalars = Array(word.unicodeScalars)
        guard let first = scalars.first else { return nil }
        let leadDigit = ThaiNumber.digitValue(first) != nil
        let letter = leadDigit ? nil : letters.tool(forLetter: first)
        // A leading code letter names its tool; a look-alike ties the token to its tools; another
        // character (a bracket OCR made of a border) ties it to none, nor does a digit.
        let tools: Set<Tool>? = leadDigit ? nil : letter.map { [$0] } ?? lookalikes[first]
        // The number: the digits after at most one leading non-digit, or after a leading digit
        // (see below). A token of no digit is a wildcard when it starts with a code
        // letter or a look-alike (`ie`); digits mixed with anything else make no code.
        let body = leadDigit ? scalars : Array(scalars.dropFirst())
        let digits = body.compactMap { ThaiNumber.digitValue($0) }
        var numbers: Set<Int> = []
        var misread: Set<Int> = []
        if digits.isEmpty {
            guard tools != nil else { return nil }
        } else {
            guard digits.count == body.count, digits.count <= 3 else { return nil }
            numbers.insert(digits.reduce(0) { $0 * 10 + $1 })
            // A leading digit may be the code's letter OCR read as one: `1๑` for i1, `65` for e5
            // (tune scan v001460-scan200 p. 4); the chain's order picks the reading.
            if leadDigit, digits.count >= 2 { numbers.insert(digits.dropFirst().reduce(0) { $0 * 10 + $1 }) }
            // No code letter printed: any digit may be a misread one (`๐๕` for o4). Not in a token whose
            // ASCII lead digit runs into Thai digits (`1๒`): a code's number is printed in one script, so its
            // lead is a misread code letter and the token already reads two ways; misreadings on top let
            // a run fit two places of the catalogue (held-out scans8 v100412 p. 3: i6-i9 printed
            // `i๖ i๗ i๘ i๙`, read `1๒ 1๓ 1๕ 1๕`, were filed as i12-i15).
            let mixedLead = leadDigit && first.isASCII && body.dropFirst().contains { ThaiScript.isThaiDigit($0.value) }
            if letter == nil, !mixedLead {
                misread = misreadNumbers(body)
                if leadDigit, body.count >= 2 { misread.formUnion(misreadNumbers(Array(body.dropFirst()))) }
                misread.subtract(numbers)
            }
        }
        var t = Token(line: l, ref: ref, raw: String(word), glued: glued, numbers: numbers, tools: tools, letter: letter, printed: false)
        t.misread = misread
        return t
    }
}
