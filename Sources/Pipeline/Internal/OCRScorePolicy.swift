import ITAModel
import PageLayout
import PageOCR
import ReportInterpret
import ThaiCharacters

/// What the pipeline keeps of values read by OCR. Why: Tesseract misreads Thai digits often (measured
/// on the Corpus scans: ๘๗.๙๔ came out as ๕๓.๓๕; ๖→๒, ๙→๕, ๘→๕/๓ are common) and reads specks as
/// digits (a lone "6" where 0.00 is printed), and a wrong number is worse than an empty cell
/// (DATASET.md: empty = not found).
/// - A score on an OCR'd page is kept only when its ASCII form stands as a token of its own in the
///   raw text of a cell other than the row's label or question (spaces inside it ignored) and it
///   has a score's form (decimals, or a whole 0 or 100). The others are left empty and listed, with what
///   OCR read, in an `ocr_scores_dropped` warning; warnings quoting a dropped value are removed
///   (they would flag the misread, not the report).
/// - A score in Thai digits that `DigitRereader` read again by shape (its reading is the score, on
///   its page, inside the row's box) is kept when the document's arithmetic supports it: its row's
///   `check` is `consistent` (an indicator equals the mean of its questions, or the ten indicators
///   give the printed overall score; a question belongs to a consistent indicator). With nothing to
///   check against (`check` empty) or a failed check, it is left empty like the others: the shapes
///   misread about one digit in a hundred, and a wrong score is worse than none. With nothing to
///   check against, an indicator (a question too, below) is kept when Tesseract's text spells the
///   shapes' reading: two independent readings agreeing (`agree`). Its provenance
///   keeps what Tesseract read (`ocr`) and the other readings (`alternatives`).
/// - Before that, the arithmetic chooses (`OCRArithmeticChoice`): where a check fails, a next
///   shape reading that alone makes it hold replaces the reading (`via: ocr-digit-shapes+arithmetic`),
///   and every shape-read score a check reaches gets a note (`arithmetic`) of the readings the check
///   rejected or could not tell apart. The overall score read by shape is kept when the weighted
///   tools confirm it. A document without the numbers to check a score (no complete question set
///   for its indicator, not all ten indicators with the overall) leaves it empty, as before.
/// - A question score on an OCR'd page that no check confirms (ASCII digits Tesseract read, kept by
///   the first rule, included) is kept only when its row's printed text confirms its code against
///   the catalogue (`ScoreArithmetic.textConfirms`): OCR reads `e5` as `๐5`, and a right number is
///   then filed under another question. A code alone in its cell is read with the text beside it
///   (`OCRScoreRow.textsBeside`). Its score must stand beside the row's own text, not a
///   neighbour's that ran into the row (`OCRScoreRow.verdict`), nor inside the next question row
///   (`OCRScoreRow.insideNextRow`: the row's own score garbled, it took the next one's). Its place in the table confirms
///   its code too: between the rows that read its catalogue neighbours (`OCRCodeSequence`), or in
///   a chain of the code column interpret confirmed (`QuestionCodeChain`: a change `code_from_sequence`
///   or `code_in_sequence`).
/// - A question score no check reaches whose tool's items can score only a few values (an OIT item
///   0 or 100: tool-weights.json `itemScores`) is kept when it reads as one of them (`itemScored`),
///   its code confirmed and its place its own as above; a 0, which a 100 that lost two glyphs reads as,
///   only when Tesseract (in one script of digits) and the shapes read it alike. Its provenance says
///   so (`arithmetic`); its `check` stays empty (no arithmetic held).
/// - An ASCII score on a page printed in Thai digits (`OCRScoreRow.printsThaiDigits`) is unchecked
///   like a Thai one: Tesseract gives some Thai glyphs as ASCII digits. Kept when a check confirms it.
/// - Elsewhere an ASCII score that no check confirms (none reaches it, or one fails) is kept only
///   when a second reading agrees: the shapes of the fonts' ASCII digits (`DigitRereader.isASCIIScore`)
///   spell what Tesseract read, and match ASCII digits better than Thai ones. Tesseract's reading
///   alone is no check (a 7 read as 1: 19.33 for 79.33, tune scan v001453).
/// - A score no check reaches with fewer digits than every other score of its year and its row
///   (`OCRLostDigit`: `9.52` in a table of 95.52s) lost a digit to OCR: left empty, whatever read it.
/// - A question code on an OCR'd page that the year's catalogue does not list (o50 where 2566 ends
///   at o43) is a misread code, so its row is left empty.
/// - A year in Thai digits read again by shape is kept: no arithmetic checks a year, so its check is
///   its form (the reader put it in place only as four digits within `BuddhistEraYear.shapeReadYears`, a
///   word without a point); its provenance is traced as a score's.
/// - Question texts of OCR'd pages are left empty: a misread code ("19" for i9) runs the next
///   questions into one cell's text. The raw text stays in the provenance; the catalogue names the
///   questions.
enum OCRScorePolicy {
    /// `asciiSecondReading` (on in the pipeline; off only in tests of the other rules, whose rows carry
    /// no shapes' readings): an ASCII score no check confirms needs the ASCII shapes' agreeing reading.
    static func apply(to record: inout ReportRecord, ocrPages: Set<Int>, rereads: [DigitReread] = [],
                      arithmetic: ScoreArithmetic? = nil, lines: [Int: [TextLine]] = [:],
                      secondReading: Bool = OCRScorePolicy.secondReading, asciiSecondReading: Bool = true,
                      shapesRan: Bool = true, settings: InterpretSettings = InterpretSettings(),
                      isWord: ((String) -> Bool)? = nil) {
        guard !ocrPages.isEmpty else { return }
        // The checks' frameworks as interpret settled them, on the rows as it read them.
        let arithmetic = arithmetic?.deciding(questions: record.questions, recognisedPages: ocrPages)
        // OCR'd pages whose numbers are printed in Thai digits: an ASCII reading there is unchecked.
        let thaiDigitPages = Set(lines.filter { ocrPages.contains($0.key) && OCRScoreRow.printsThaiDigits($0.value, settings) }.keys)
        var dropped: [String] = []
        var droppedValues: [String] = []
        var droppedRows: [OCRDroppedScore] = []
        // Which reading stands behind which value, one to one (`OCRReadingAssignment`), settled on
        // the values as interpret read them.
        var slots: [OCRReadingAssignment.Slot] = []
        func slot(_ key: String, _ value: String, _ page: Int?, _ source: Provenance?) {
            if let page { slots.append(.init(key: key, value: value, page: page, box: source?.box)) }
        }
        if let s = record.fields.overallScore { slot(OCRReadingAssignment.overall, s.value, s.source?.page, s.source) }
        if let s = record.fields.previousScore { slot(OCRReadingAssignment.previous, s.value, s.source?.page, s.source) }
        if let y = record.fields.assessmentYear { slot(OCRReadingAssignment.assessmentYear, String(y.value), y.source?.page, y.source) }
        if let y = record.fields.planYear { slot(OCRReadingAssignment.planYear, String(y.value), y.source?.page, y.source) }
        for s in record.indicators { slot(OCRReadingAssignment.key(s), s.score, s.source?.page ?? s.page, s.source) }
        for s in record.questions { slot(OCRReadingAssignment.key(s), s.score, s.source?.page ?? s.page, s.source) }
        let assigned = OCRReadingAssignment.assign(slots, rereads)
        /// The shapes' reading behind a value (`slot`, its key): its own word's, still spelling it.
        func reread(_ slot: String, _ score: String) -> DigitReread? {
            assigned[slot].flatMap { ascii($0.reading) == score ? $0 : nil }
        }
        /// The catalogue year a question row's text is checked against: the framework the document's
        /// rows of that year prove (`ScoreArithmetic.frameworkProof`: the codes, and the other rows'
        /// printed texts at their codes' indicators); nil when unproven, and then no text confirms
        /// the row's code. Settled before any row is removed (the rows removed are read by it).
        var frameworks: [String: Int] = [:]
        func rowKey(_ code: String, _ year: Int?, _ source: Provenance?) -> String {
            "\(year.map(String.init) ?? "-")|\(code)|\(source?.page ?? 0)|\(source?.box.map { "\($0.x0),\($0.y0),\($0.x1),\($0.y1)" } ?? "-")"
        }
        var frameworkNotes: [String] = []
        if let arithmetic {
            for y in Set(record.questions.compactMap(\.year)).sorted() {
                let rows = record.questions.filter { $0.year == y }
                let proof = arithmetic.frameworkProof(year: y, rows: rows.map { q -> (code: String, text: String?, page: Int?) in
                    (code: q.code, text: (q.source?.cells).flatMap(OCRScorePolicy.labelText) ?? q.source?.raw, page: q.source?.page ?? q.page)
                })
                for (q, f) in zip(rows, proof.perRow) { if let f { frameworks[rowKey(q.code, y, q.source)] = f } }
                // Where the texts decided (a proof the codes did not give, or a contradiction of
                // theirs) and OCR read some rows, say so with the evidence.
                if proof.byTexts, let evidence = proof.evidence, rows.contains(where: { ocrPages.contains($0.source?.page ?? $0.page) }) {
                    frameworkNotes.append("questions of \(y): " + (proof.proven.map { "framework of catalogue \($0) proven by the printed texts" }
                        ?? "no framework proven (the texts contradict the codes)") + "; " + evidence)
                }
            }
        }
        func framework(_ code: String?, _ year: Int?, _ source: Provenance?) -> Int? {
            guard let code else { return nil }
            return frameworks[rowKey(code, year, source)]
        }
        // Each OCR'd page's question rows of a year, top to bottom, as interpret read them (before
        // any is removed): the code sequence a row's code is checked by (`OCRCodeSequence`).
        var sequenceRows: [String: [OCRCodeSequence.Row]] = [:]
        for q in record.questions {
            guard let src = q.source, let box = src.box, ocrPages.contains(src.page) else { continue }
            sequenceRows["\(src.page)|\(q.year.map(String.init) ?? "-")", default: []]
                .append(OCRCodeSequence.Row(code: q.code, token: OCRCodeSequence.token(ofLabel: src.cells.first ?? ""), top: box.y0))
        }
        var sequenceIndex: [String: (group: String, index: Int)] = [:]
        for (g, rows) in sequenceRows { sequenceRows[g] = rows.sorted { $0.top < $1.top } }
        for q in record.questions {
            guard let src = q.source, let box = src.box, ocrPages.contains(src.page) else { continue }
            let g = "\(src.page)|\(q.year.map(String.init) ?? "-")"
            if let k = sequenceRows[g]?.firstIndex(where: { $0.code == q.code && $0.top == box.y0 }) {
                sequenceIndex[rowKey(q.code, q.year, src)] = (g, k)
            }
        }
        /// The codes above and below a question row that confirm its code by the table's sequence,
        /// checked against the catalogue of the framework its year's rows prove (none unproven).
        func bySequence(_ code: String, _ year: Int?, _ source: Provenance?) -> (above: String, below: String)? {
            guard let arithmetic, let f = framework(code, year, source), let at = sequenceIndex[rowKey(code, year, source)],
                  let rows = sequenceRows[at.group] else { return nil }
            return OCRCodeSequence.confirms(rows, index: at.index, letters: arithmetic.codeLetters) { arithmetic.catalogueLists(code: $0, year: f) }
        }
        /// The question's printed text confirms its code (`ScoreArithmetic.textConfirms`), or its
        /// place between the rows above and below does (`OCRCodeSequence`). A code
        /// alone in its cell is read with the text beside it: the first later cell with letters, else
        /// the page's text on the row's band (`OCRScoreRow.textsBeside`).
        func confirmed(_ code: String, _ year: Int?, _ source: Provenance?) -> Bool {
            // The reader's chain of the code column (`QuestionCodeChain`, interpret) confirmed the
            // code by its place among three or more rows, as `OCRCodeSequence` does here.
            let chained = source?.changes?.contains { $0.field == "code" && ($0.kind == "code_from_sequence" || $0.kind == "code_in_sequence") } ?? false
            let inSequence = chained || bySequence(code, year, source) != nil
            guard let arithmetic, let year = framework(code, year, source), let cells = source?.cells, let first = cells.first else { return inSequence }
            let label = OCRScorePolicy.labelText(cells) ?? first
            // A row's place confirms its code unless its printed text names another question of the
            // catalogue (2566's texts; 2568's catalogue has none to name one).
            if inSequence { return arithmetic.codesConfirmed(year: year, text: label).allSatisfy { $0 == code } }
            if arithmetic.textConfirms(code: code, year: year, text: label) { return true }
            // An OIT item's short Latin name ("Q&A") is text of its own: only a label of no Thai
            // letters that did not confirm is read with the text beside it.
            guard !OCRScorePolicy.hasThaiLetters(label), let page = source?.page, let box = source?.box, let pageLines = lines[page] else { return false }
            // Each text beside may start at this question's text or at the one above it (a misread
            // code, `i๕` for i6, would be confirmed by i5's text): kept only when some candidate
            // confirms the code and no candidate confirms another code.
            let confirming = OCRScoreRow.textsBeside(row: box, lines: pageLines, settings).map {
                arithmetic.codesConfirmed(year: year, text: first + " " + $0)
            }
            return confirming.contains { $0.contains(code) } && confirming.allSatisfy { $0.allSatisfy { $0 == code } }
        }
        /// A question's score that stands beside another question's text (`OCRScoreRow`). Its row's
        /// text must confirm its code: the catalogue text is then the measure of the row's own lines.
        func neighbours(_ score: String, _ code: String?, _ year: Int?, _ page: Int?, _ source: Provenance?) -> Bool {
            guard let arithmetic, let code, let page, let box = source?.box, let pageLines = lines[page],
                  let own = arithmetic.catalogueTextLength(code: code, year: framework(code, year, source)), confirmed(code, year, source) else { return false }
            return OCRScoreRow.verdict(score: score, row: box, lines: pageLines, ownLength: own, textLength: arithmetic.textLength, settings) == .neighbour
        }
        /// A question's score that stands inside the next question row of its page and year
        /// (`OCRScoreRow.insideNextRow`): that row's score, whatever confirmed the row's code.
        func insideNextRow(_ score: String, _ code: String?, _ year: Int?, _ page: Int?, _ source: Provenance?) -> Bool {
            guard let code, let page, let box = source?.box, let pageLines = lines[page], let at = sequenceIndex[rowKey(code, year, source)],
                  let rows = sequenceRows[at.group], let next = rows[(at.index + 1)...].first(where: { $0.top > box.y0 }) else { return false }
            return OCRScoreRow.insideNextRow(score: score, row: box, nextTop: next.top, lines: pageLines)
        }
        /// A question's score that stands beside its row's own text (`OCRScoreRow.verdict` is
        /// `.own`): what the second reading needs, since it has no check to catch a neighbour's score.
        func ownScore(_ score: String, _ code: String?, _ year: Int?, _ page: Int?, _ source: Provenance?) -> Bool {
            guard let arithmetic, let code, let page, let box = source?.box, let pageLines = lines[page],
                  let own = arithmetic.catalogueTextLength(code: code, year: framework(code, year, source)) else { return false }
            return OCRScoreRow.verdict(score: score, row: box, lines: pageLines, ownLength: own, textLength: arithmetic.textLength, settings) == .own
        }
        /// A question's score that no check confirmed, under a code its printed text does not
        /// confirm. Without the mappings (`arithmetic` nil, tests only) there is no catalogue to
        /// confirm against, and no code is held unconfirmed.
        func unconfirmedCode(_ code: String?, _ year: Int?, _ source: Provenance?, _ check: ScoreCheck?) -> Bool {
            guard let code, arithmetic != nil, check != .consistent else { return false }
            return !confirmed(code, year, source)
        }
        func traced(_ source: Provenance?, _ r: DigitReread) -> Provenance? {
            guard var p = source else { return nil }
            p.via = "ocr-digit-shapes"
            p.ocr = r.ocr
            p.alternatives = r.alternatives.map(ascii)
            return p
        }
        // The arithmetic's choice among the shape readings (OCRArithmeticChoice): it may replace a
        // reading by a next one, and sets the rows' checks and the readings' notes.
        var chosen: (replaced: [OCRArithmeticChoice.Slot: String], overall: ScoreCheck?, undecided: Set<OCRArithmeticChoice.Slot>) = ([:], nil, [])
        // Values whose check holds for the shapes' closest other reading too (`closeCallSpread`).
        var undecided = Set<String>()
        // The question rows kept because their score is one of their item's only scores (`itemScored`).
        var itemScoredSlots: Set<String> = []
        if let arithmetic, !rereads.isEmpty {
            var readings: [OCRArithmeticChoice.Slot: DigitReread] = [:]
            func onOCRPage(_ p: Int?) -> Bool { p.map { ocrPages.contains($0) } ?? false }
            for (i, s) in record.indicators.enumerated() where onOCRPage(s.source?.page ?? s.page) {
                if let r = reread(OCRReadingAssignment.key(s), s.score) { readings[.indicator(i)] = r }
            }
            for (i, s) in record.questions.enumerated() where onOCRPage(s.source?.page ?? s.page) {
                if let r = reread(OCRReadingAssignment.key(s), s.score) { readings[.question(i)] = r }
            }
            if let s = record.fields.overallScore, onOCRPage(s.source?.page), let r = reread(OCRReadingAssignment.overall, s.value) {
                readings[.overall] = r
            }
            chosen = OCRArithmeticChoice.choose(&record, readings: readings, arithmetic: arithmetic)
            for slot in chosen.undecided {
                switch slot {
                case .indicator(let i): undecided.insert(OCRReadingAssignment.key(record.indicators[i]))
                case .question(let i): undecided.insert(OCRReadingAssignment.key(record.questions[i]))
                case .overall: undecided.insert(OCRReadingAssignment.overall)
                }
            }
            if !chosen.replaced.isEmpty {
                // The checks' warnings about a replaced reading quote the misread, not the report.
                let checkCodes: Set<WarningCode> = [.indicatorMeanMismatch, .overallWeightedMismatch, .ratingBandMismatch]
                record.warnings.removeAll { w in checkCodes.contains(w.code) && chosen.replaced.values.contains { standsAlone($0, in: w.message) } }
            }
        }
        func keep(_ slot: String, _ score: String, _ page: Int?, _ source: Provenance?, check: ScoreCheck? = nil, code: String? = nil, year: Int? = nil,
                  lostDigit: Bool = false) -> Bool {
            guard let page, ocrPages.contains(page) else { return true }
            if check == .consistent, source?.via == "ocr-digit-shapes+arithmetic" || reread(slot, score) != nil {
                // A check that holds for the shapes' closest other reading as well chose neither:
                // the reading stands only where Tesseract read the same (`agree`).
                if undecided.contains(slot), !(reread(slot, score).map(Self.agree) ?? false) { droppedValues.append(score); return false }
                return true
            }
            // No check reaches it and it has fewer digits than every other score of its year and row
            // (`OCRLostDigit`): a digit OCR lost, whichever reading gave it.
            if check == nil, lostDigit { droppedValues.append(score); return false }
            // A question's score beside another question's text is that question's (OCRScoreRow).
            if check != .consistent, neighbours(score, code, year, page, source) || insideNextRow(score, code, year, page, source) {
                droppedValues.append(score); return false
            }
            // An indicator in Thai digits no check reaches (not a failed one): two independent
            // readings agreeing (`agree`), as a question's; its year came from its table, not from
            // OCR's digits. Measured on the tune scans (/tmp/ocr12/scans, /tmp/ocr13/scans, Corpus
            // scans): 3 written, 3 right (v001452, v001453, v001460's indicator 10). Tesseract's text
            // must be a score in Thai digits throughout: a mixed-script word (`๑0๐.00`) is no
            // independent reading of Thai digits (review18).
            if secondReading, check == nil, code == nil, slot.hasPrefix(OCRReadingAssignment.indicatorPrefix),
               let r = reread(slot, score), DigitRereader.isScore(r.ocr), agree(r) { return true }
            // No check reaches it (not a failed one): two independent readings agreeing (`agree`).
            if secondReading, check == nil, let code, source?.via != "ocr-digit-shapes+arithmetic", let r = reread(slot, score), agree(r),
               confirmed(code, year, source), ownScore(score, code, year, page, source) { return true }
            // A question score no check confirms is written only under a code its printed text
            // confirms: OCR reads e5 as "๐5" and a right number goes under o5 (tune seeds 78, 156,
            // 168). It checks the code, not that the score is the row's own (a row that took the
            // next row's score still passes). Measured on tune scans: it removes 18 wrong scores for
            // 140 right ones (a code alone in its cell, or a text too garbled to match, confirms
            // nothing), precision 0.914 -> 0.973.
            if unconfirmedCode(code, year, source, check) { droppedValues.append(score); return false }
            // A question no check reaches whose tool's items score only a few values (an OIT item 0
            // or 100, tool-weights.json `itemScores`) and that reads as one of them: confirmed by
            // its item's scores (`itemScored`).
            if check == nil, let code, itemScored(slot, score, code: code, year: year, source) { itemScoredSlots.insert(slot); return true }
            // A table row's provenance holds its cells, the first being the label or the
            // question: the score must be in one of the others. Prose has one cell.
            // OCR may split a number ("9 9.25"), so a cell is also tried with its spaces removed.
            let ok = scoreShaped(score) && Self.scoreCells(source?.cells ?? [""], score).contains {
                standsClean(score, in: $0, isWord: isWord) || standsClean(score, in: $0.filter { $0 != " " }, isWord: isWord)
            }
            if !ok { droppedValues.append(score); return false }
            // ASCII digits on a page printed in Thai digits may be a Thai glyph Tesseract gave as
            // ASCII: unchecked, as Thai digits are (kept when the arithmetic confirms them).
            if check != .consistent, thaiDigitPages.contains(page) { droppedValues.append(score); return false }
            // Tesseract's ASCII reading alone is no check: it reads a 7 as 1 now and then (19.33 for
            // 79.33, tune scan v001453). A score no check confirms stands only when the ASCII digits'
            // shapes read it alike (`asciiAgreed`), a second reading.
            if asciiSecondReading, check != .consistent, !asciiAgreed(slot, score) { droppedValues.append(score); return false }
            return true
        }
        /// A question score that is one of the only scores its tool's items can have (`ScoreArithmetic.itemScores`:
        /// an OIT item scores 0 or 100), read at its row's place. It proves every digit against a glyph
        /// read for another: the item scores differ in length (0.00, 100.00). A lost glyph can make
        /// one from another, though (`๐.00` read where 100.00 is printed, Corpus s002-obt-scan o31):
        /// a score some other item score's form holds as a subsequence (`reachedByLostGlyphs`) needs
        /// two readings agreeing, Tesseract's word in one script of digits and the shapes (`agree`);
        /// one that none holds needs one: the shapes' reading of its word spells it, or it stands
        /// clean in a score cell of the row in one script of digits. It does not prove the row: that is
        /// its code's confirmation and its place (`unconfirmedCode`, `neighbours`, `insideNextRow`,
        /// asked before). Measured on the tune scans at BASE (hoscans8, hs7, s13, Corpus scans): every
        /// OIT 0 or 100 so kept is right.
        func itemScored(_ slot: String, _ score: String, code: String, year: Int?, _ source: Provenance?) -> Bool {
            guard let values = arithmetic?.itemScores(code: code, year: year), scoreShaped(score),
                  let v = Double(score), values.contains(v) else { return false }
            if Self.reachedByLostGlyphs(v, values) {
                guard let r = reread(slot, score) else { return false }
                return agree(r) && Self.oneScript(r.ocr)
            }
            if reread(slot, score) != nil { return true }
            // Stands clean among the digits of either script, and is printed in one of them.
            return Self.scoreCells(source?.cells ?? [""], score).contains { cell in
                [cell, cell.filter { $0 != " " }].contains { c in
                    standsClean(score, in: ascii(c), isWord: isWord) && (c.contains(score) || c.contains(Self.thaiDigits(score)))
                }
            }
        }
        /// The ASCII digits' shapes read the score as Tesseract did (`DigitRereader.isASCIIScore`).
        func asciiAgreed(_ slot: String, _ score: String) -> Bool {
            guard let r = reread(slot, score) else { return false }
            return r.ocr == r.reading && agree(r)
        }
        /// A dropped score with what was read at its place: the shapes' reading traced to what
        /// Tesseract read, when the shapes read it again.
        func note(_ slot: String, _ kind: String, _ key: String, _ year: Int?, _ score: String, _ page: Int?, _ source: Provenance?, _ reason: String) {
            let r = source?.ocr == nil ? reread(slot, score) : nil
            droppedRows.append(OCRDroppedScore(kind: kind, key: key, year: year, score: score, page: page ?? 0, reason: reason,
                                               source: r.map { traced(source, $0) } ?? source))
        }
        let thaiReason = shapesRan ? "Thai digits no arithmetic check reaches" : "Thai digits no arithmetic check reaches, and no shape reading ran (--no-digit-shapes)"
        func why(_ slot: String, _ score: String, _ page: Int?, _ source: Provenance?, _ check: ScoreCheck?, code: String? = nil, year: Int? = nil,
                 lostDigit: Bool = false) -> String {
            if check == .inconsistent { return "the document's arithmetic contradicts it" }
            if check == .consistent, undecided.contains(slot) { return "the document's arithmetic holds for the shapes' closest other reading too" }
            if check == nil, lostDigit { return "fewer digits than every other score of its year and row (a digit OCR lost)" }
            if neighbours(score, code, year, page, source) { return "it stands beside another question's text" }
            if insideNextRow(score, code, year, page, source) { return "it stands inside the next question's row" }
            if unconfirmedCode(code, year, source, check) { return "its printed text does not confirm its code" }
            // Thai digits: what Tesseract read at the score's place is no ASCII score (an ASCII score
            // the two readings agreed on carries its ASCII text in `ocr` too).
            if let read = source?.ocr ?? reread(slot, score)?.ocr, !DigitRereader.isASCIIScore(read) { return thaiReason }
            guard scoreShaped(score) else { return "no score's form" }
            let cells = Self.scoreCells(source?.cells ?? [""], score)
            func found(_ test: (String) -> Bool) -> Bool { cells.contains { test($0) || test($0.filter { $0 != " " }) } }
            let alone = found { standsClean(score, in: $0, isWord: isWord) }
            if !alone, found({ standsAlone(score, in: $0) }) { return "a Thai letter glued to its digits (it may be a misread digit)" }
            if !alone, found({ standsAlone(score, in: ascii($0)) }) { return thaiReason }
            if alone, let page, thaiDigitPages.contains(page) { return "ASCII digits on a page printed in Thai digits" }
            if alone, asciiSecondReading, check != .consistent, !asciiAgreed(slot, score) {
                return shapesRan ? "ASCII digits the digits' shapes do not read alike" : "ASCII digits no check confirms, and no shape reading ran (--no-digit-shapes)"
            }
            return "not standing alone in a score cell"
        }
        if let s = record.fields.overallScore, !keep(OCRReadingAssignment.overall, s.value, s.source?.page, s.source, check: chosen.overall) {
            dropped.append("overall score \(s.value) (page \(s.source?.page ?? 0))")
            note(OCRReadingAssignment.overall, "overall_score", "", record.fields.assessmentYear?.value, s.value, s.source?.page, s.source, why(OCRReadingAssignment.overall, s.value, s.source?.page, s.source, chosen.overall))
            record.fields.overallScore = nil
        }
        if let s = record.fields.previousScore, !keep(OCRReadingAssignment.previous, s.value, s.source?.page, s.source) {
            dropped.append("previous-year score \(s.value) (page \(s.source?.page ?? 0))")
            note(OCRReadingAssignment.previous, "previous_score", "", nil, s.value, s.source?.page, s.source, why(OCRReadingAssignment.previous, s.value, s.source?.page, s.source, nil))
            record.fields.previousScore = nil
        }
        // A year read again by shape: kept, as nothing can check it but its form (four Thai digits
        // within `BuddhistEraYear.shapeReadYears`, else the word keeps Tesseract's text); its provenance
        // says so and keeps what Tesseract read and the other readings.
        if let y = record.fields.assessmentYear, let r = reread(OCRReadingAssignment.assessmentYear, String(y.value)) {
            record.fields.assessmentYear?.source = traced(y.source, r)
        }
        if let y = record.fields.planYear, let r = reread(OCRReadingAssignment.planYear, String(y.value)) {
            record.fields.planYear?.source = traced(y.source, r)
        }
        // The two readings' agreement, traced: `via` tells it from an arithmetic-confirmed value.
        func agreed(_ source: Provenance?, _ r: DigitReread) -> Provenance? {
            var p = traced(source, r)
            p?.via = "ocr-digit-shapes+tesseract"
            return p
        }
        if secondReading {
            for i in record.questions.indices {
                let s = record.questions[i]
                if s.check == nil, ocrPages.contains(s.source?.page ?? s.page), let r = reread(OCRReadingAssignment.key(s), s.score), agree(r),
                   confirmed(s.code, s.year, s.source) {
                    record.questions[i].source = agreed(s.source, r)
                }
            }
        }
        // An ASCII indicator score kept by the two readings' agreement, traced as a question's is.
        for i in record.indicators.indices {
            let s = record.indicators[i]
            if s.check != .consistent, ocrPages.contains(s.source?.page ?? s.page), s.source?.arithmetic == nil,
               let r = reread(OCRReadingAssignment.key(s), s.score), r.ocr == r.reading, agree(r) {
                record.indicators[i].source = agreed(s.source, r)
            }
        }
        for i in record.indicators.indices {
            let s = record.indicators[i]
            if s.check == .consistent, s.source?.arithmetic == nil, let r = reread(OCRReadingAssignment.key(s), s.score) { record.indicators[i].source = traced(s.source, r) }
        }
        for i in record.questions.indices {
            let s = record.questions[i]
            if s.check == .consistent, s.source?.arithmetic == nil, let r = reread(OCRReadingAssignment.key(s), s.score) { record.questions[i].source = traced(s.source, r) }
        }
        // Which rows lost a digit, by the form of the other scores read (before any is left empty).
        let minPeers = settings.ocrLostDigitMinPeers
        // Judged only where it is asked (`keep`): a row no check reaches, on an OCR'd page.
        let indicatorLost = OCRLostDigit.lost(record.indicators, score: \.score, year: \.year, key: \.indicator, minPeers: minPeers) {
            $0.check == nil && ocrPages.contains($0.source?.page ?? $0.page)
        }
        var questionLost = OCRLostDigit.lost(record.questions, score: \.score, year: \.year, key: \.code, minPeers: minPeers) {
            $0.check == nil && ocrPages.contains($0.source?.page ?? $0.page)
        }
        var n = 0
        record.indicators.removeAll { i in
            let lost = indicatorLost[n]
            n += 1
            // An OCR'd indicator score with no year (the year unread: tune scan v001462's prose
            // "ได้100.00 คะแนน" with its cover's year lost) is no year's score: left empty, listed.
            if i.year == nil, ocrPages.contains(i.source?.page ?? i.page) {
                dropped.append("indicator \(i.indicator) \(i.score) (page \(i.page))")
                note(OCRReadingAssignment.key(i), "indicator", String(i.indicator), nil, i.score, i.source?.page ?? i.page, i.source, "no year read for it")
                return true
            }
            if keep(OCRReadingAssignment.key(i), i.score, i.source?.page ?? i.page, i.source, check: i.check, lostDigit: lost) { return false }
            dropped.append("indicator \(i.indicator) \(i.score) (page \(i.page))")
            note(OCRReadingAssignment.key(i), "indicator", String(i.indicator), i.year, i.score, i.source?.page ?? i.page, i.source, why(OCRReadingAssignment.key(i), i.score, i.source?.page ?? i.page, i.source, i.check, lostDigit: lost))
            return true
        }
        // A code the year's catalogue does not list, on an OCR'd page, is a misread code (o50 for
        // o30): its score belongs to another question, so the row goes (CrossChecks warns of the code).
        if let arithmetic {
            let unknown = arithmetic.marks(fields: record.fields, indicators: record.indicators, questions: record.questions).unknownCodes
            var k = 0
            var kept: [Bool] = []
            record.questions.removeAll { q in
                defer { k += 1 }
                guard unknown.contains(k), ocrPages.contains(q.source?.page ?? q.page) else { kept.append(questionLost[k]); return false }
                dropped.append("question \(q.code) \(q.score) (page \(q.page), a code the catalogue does not list)")
                note(OCRReadingAssignment.key(q), "question", q.code, q.year, q.score, q.source?.page ?? q.page, q.source, "a code the catalogue does not list")
                return true
            }
            questionLost = kept
        }
        var m = 0
        record.questions.removeAll { q in
            let lost = questionLost[m]
            m += 1
            if keep(OCRReadingAssignment.key(q), q.score, q.source?.page ?? q.page, q.source, check: q.check, code: q.code, year: q.year, lostDigit: lost) { return false }
            dropped.append("question \(q.code) \(q.score) (page \(q.page))")
            note(OCRReadingAssignment.key(q), "question", q.code, q.year, q.score, q.source?.page ?? q.page, q.source,
                 why(OCRReadingAssignment.key(q), q.score, q.source?.page ?? q.page, q.source, q.check, code: q.code, year: q.year, lostDigit: lost))
            return true
        }
        // Which check confirmed an item-scored row, in its provenance, with the shapes' readings.
        for i in record.questions.indices where itemScoredSlots.contains(OCRReadingAssignment.key(record.questions[i])) {
            let q = record.questions[i]
            let r = reread(OCRReadingAssignment.key(q), q.score)
            var p = r.map { traced(q.source, $0) } ?? q.source
            let values = (arithmetic?.itemScores(code: q.code, year: q.year) ?? []).map { String(format: "%g", $0) }.joined(separator: " or ")
            p?.arithmetic = "its item scores only \(values) (tool-weights.json itemScores), and it reads \(q.score): no glyph misread turns one into another; no other check reaches it"
            record.questions[i].source = p
        }
        for i in record.questions.indices where ocrPages.contains(record.questions[i].page) {
            record.questions[i].question = nil
            // Which codes confirmed the row's code by sequence, in its provenance.
            let q = record.questions[i]
            if let (above, below) = bySequence(q.code, q.year, q.source) {
                record.questions[i].source?.via = (q.source?.via ?? "text") + "; code confirmed by sequence (\(above) above, \(below) below)"
            }
        }
        if !droppedValues.isEmpty {
            record.warnings.removeAll { w in droppedValues.contains { standsAlone($0, in: w.message) } }
        }
        if !droppedRows.isEmpty { record.ocrDropped = droppedRows }
        for n in frameworkNotes { record.warnings.append(Warning(code: .questionFrameworkEvidence, message: n, page: nil)) }
        if !dropped.isEmpty {
            record.warnings.append(Warning(code: .ocrScoresDropped,
                                           message: "scores OCR read, left empty because OCR misreads them (Thai digits no arithmetic check confirms, no score's form, or a question code the catalogue does not list): " + dropped.joined(separator: ", "),
                                           page: nil))
        }
    }

    /// Whether a Thai-digit question score no check reaches is written when Tesseract and the shapes
    /// read it alike (`agree`) and the row's printed text confirms its code (a misread code files a
    /// right number under another question). On: it was off because on the photocopied scan of tune
    /// seed 250 two rows took the next row's 100.00, which both readings read right; the score must
    /// now stand beside its row's own text (`OCRScoreRow`). Measured with it on: the 16 tune scans
    /// (seeds 3-18, 201, 230, 235, 250) 38 written, 0 wrong; Corpus/variant-scans 33 written, 0 wrong.
    static let secondReading = true

    /// Two independent readings of a Thai-digit score agree: Tesseract's text and the shapes' reading
    /// spell the same number, every digit and the point, and it is a score within 0-100. The two
    /// err differently (Tesseract confuses ๖/๒, ๙/๕/๓ and drops ๙ in Laksaman; the shapes confuse
    /// a glyph with its nearest template), so a number both read alike is rarely misread by both.
    static func agree(_ r: DigitReread) -> Bool {
        let t = ascii(r.ocr), s = ascii(r.reading)
        guard t == s, scoreShaped(s), let v = Double(s) else { return false }
        return (0...100).contains(v)
    }

    /// A question row's label for its code's confirmation: its first cell, and when that holds the
    /// code alone (no letters after it), the first later cell with Thai letters, the text beside it.
    static func labelText(_ cells: [String]) -> String? {
        guard let first = cells.first else { return nil }
        guard !hasThaiLetters(first), let beside = cells.dropFirst().first(where: hasThaiLetters) else { return first }
        return first + " " + beside
    }

    /// Whether a text holds a Thai consonant (a code and digits hold none).
    static func hasThaiLetters(_ s: String) -> Bool { ThaiScript.containsConsonant(s) }

    /// Whether a lost glyph could make item score `v` from another of `values`: some printed form of
    /// another (two decimals, or whole) holds a form of `v` as a subsequence (0.00 in 100.00).
    static func reachedByLostGlyphs(_ v: Double, _ values: [Double]) -> Bool {
        func forms(_ x: Double) -> [String] { [String(format: "%.2f", x), String(format: "%g", x)] }
        func isSubsequence(_ a: String, of b: String) -> Bool {
            var i = a.startIndex
            for c in b where i < a.endIndex && a[i] == c { i = a.index(after: i) }
            return i == a.endIndex
        }
        return values.contains { w in
            w != v && forms(v).contains { f in forms(w).contains { $0 != f && isSubsequence(f, of: $0) } }
        }
    }

    /// Whether a number's digits are all of one script (`๐.00` is not: a Thai glyph among ASCII ones).
    static func oneScript(_ s: String) -> Bool {
        let digits = s.unicodeScalars.filter { ThaiScript.isASCIIDigit($0.value) || ThaiScript.asciiDigit($0) != $0 }
        return digits.allSatisfy { ThaiScript.isASCIIDigit($0.value) } || digits.allSatisfy { !ThaiScript.isASCIIDigit($0.value) }
    }

    /// ASCII digits as Thai digits (๐-๙), the form a Thai-digit cell prints a score in.
    static func thaiDigits(_ s: String) -> String {
        String(scalars: s.unicodeScalars.map { ThaiScript.isASCIIDigit($0.value) ? Unicode.Scalar($0.value - 0x30 + 0x0E50)! : $0 })
    }

    /// Thai digits as ASCII.
    static func ascii(_ s: String) -> String {
        String(scalars: s.unicodeScalars.map(ThaiScript.asciiDigit))
    }

    /// 1-3 digits with a decimal part, or a whole 0 or 100. A whole part of two or more digits
    /// starting with 0 ("00.81", OCR's reading of 61.81) is no score's form.
    static func scoreShaped(_ s: String) -> Bool {
        if s == "0" || s == "100" { return true }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...3).contains(parts[0].count), (1...2).contains(parts[1].count) else { return false }
        return parts[0].count == 1 || parts[0].first != "0"
    }

    /// The cells of a row's provenance a score may stand in: all but the first, which is the label
    /// or the question (its text may hold the same digits: "ภายใน 90 วัน"), unless the first cell
    /// is the score and nothing else (a score column printed left of the names: "90.13 | ๕. การแก้ไข
    /// ปัญหาการทุจริต | แบบวัดการรับรู้...", tune scan v000010). Prose has one cell.
    static func scoreCells(_ cells: [String], _ score: String) -> [String] {
        guard cells.count > 1 else { return cells }
        let first = cells[0].filter { !$0.isWhitespace }
        return first == score ? cells : Array(cells.dropFirst())
    }

    /// `token` stands alone (`standsAlone`) and no Thai letter that may be a misread digit is glued
    /// to it: OCR reads a Thai digit as a letter (๙ as ฒ in Laksaman), so "ฒ5.05", tune scan
    /// v002200-scan150's overall score 75.05, is no clean 5.05 but a number whose first digit may be
    /// the letter. A glued letter is such a digit when it stands alone (`ฒ5.05`, `ต๐.๕๑`), or when
    /// the Thai run it ends (before the digits) or starts (after them) is no lexicon word's end or
    /// start (`isWord`, the normaliser's lexicon: "มีผลคะแนนเฉลี่ย97.08" ends in เฉลี่ย, a word
    /// whose last letter OCR ran into the score). Without a lexicon every glued letter counts. A
    /// mark glued before it ends a word ("ได้93.75", right on tune scan v001457 and Corpus s002): a
    /// letter's vowel or tone, not a misread digit on its own, so it is no such edge.
    static func standsClean(_ token: String, in text: String, isWord: ((String) -> Bool)? = nil) -> Bool {
        standsAlone(token, in: text, lettersGlued: false, isWord: isWord)
    }

    /// The shortest lexicon word, in scalars, that makes a glued letter a word's edge. One letter
    /// alone is the misread digit itself (`ฒ5.05`). Two-scalar words are many in ICU's dictionary, so
    /// this lets some misread digits pass as word edges; that is safe because a glued score still
    /// stands only on a second reading or a consistent arithmetic check (`keep`), never on this alone.
    static let wordEdgeMinScalars = 2

    /// Whether the Thai letter at `j` of `t` ends (`step` -1: the run before a number) or starts
    /// (`step` 1: the run after it) a lexicon word of `wordEdgeMinScalars` or more within its run of Thai.
    static func wordEdge(_ t: [Unicode.Scalar], _ j: Int, step: Int, isWord: (String) -> Bool) -> Bool {
        var k = j
        while k + step >= 0, k + step < t.count, ThaiScript.isThaiWordScalar(t[k + step].value) { k += step }
        let run = step < 0 ? Array(t[k...j]) : Array(t[j...k])
        guard run.count >= wordEdgeMinScalars else { return false }
        // Every piece long enough to be a word that holds the glued letter at its edge.
        for n in wordEdgeMinScalars...run.count {
            let piece = step < 0 ? run.suffix(n) : run.prefix(n)
            if isWord(String(String.UnicodeScalarView(piece))) { return true }
        }
        return false
    }

    /// `token` occurs in `text` not run into a longer number ("90" in "ภายใน 90 วัน" and "90." but
    /// not in "990" or "90.5").
    /// `lettersGlued: false` (`standsClean`): no Thai letter other than a mark may touch it either.
    static func standsAlone(_ token: String, in text: String, lettersGlued: Bool = true, isWord: ((String) -> Bool)? = nil) -> Bool {
        let t = Array(text.unicodeScalars), k = Array(token.unicodeScalars)
        guard !k.isEmpty, t.count >= k.count else { return false }
        func digit(_ j: Int, _ step: Int) -> Bool {
            guard j >= 0 && j < t.count else { return false }
            let v = t[j].value
            if ThaiScript.isASCIIDigit(v) { return true }
            guard !lettersGlued, ThaiScript.isThaiLetter(v), !ThaiMark.isCombining(v) else { return false }
            // A letter ending or starting a word is the word's, not a misread digit.
            return !(isWord.map { wordEdge(t, j, step: step, isWord: $0) } ?? false)
        }
        // A point continues the number only with a digit beyond it ("100.00." ends a sentence).
        func continues(_ j: Int, _ step: Int) -> Bool { digit(j, step) || (j >= 0 && j < t.count && t[j] == "." && digit(j + step, step)) }
        for i in 0...(t.count - k.count) where Array(t[i..<(i + k.count)]) == k {
            let beforeOK = !continues(i - 1, -1)
            let afterOK = !continues(i + k.count, 1)
            if beforeOK && afterOK { return true }
        }
        return false
    }
}
