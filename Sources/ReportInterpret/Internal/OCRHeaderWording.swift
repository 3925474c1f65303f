import ITAModel
import ThaiCharacters
import ThaiNormalise

/// An OCR'd plan header's cells read back into the vocabulary's wording, for the header band finder
/// only (body lines are read as OCR gave them). Tesseract garbles a scan's header cells in two
/// ways the band finder cannot see past (held-out scans8 v100410, v100402, v100412):
/// - specks inside a word: Latin letters, symbols or digits run into the Thai letters
///   (`ขั& นตอนวิธีapปฏิaบัvติe`, `ขั๕7นตอนวิธี1ปaฏิบัeติs`), and speck words standing alone (`fia`, `*`);
/// - a lost, added or swapped mark (`ขันตอนวิธีปฏิบติ` for `ขั้นตอนวิธีปฏิบัติ`).
/// So no cell named the steps, the header named two roles, not the three a plan's must, and the
/// plan's every row was lost. Here specks are dropped and a stretch of a cell whose base letters
/// (consonants, vowel letters: `ThaiMark.isCombining` aside) spell a vocabulary phrase's exactly,
/// its marks within `ocrVocabularyEditShare` of the phrase's scalars (`OCRPlanWordMatch`'s measure;
/// phrases of `ocrHeaderPhraseMinBaseLetters` base letters and more),
/// is read as that phrase. A base letter lost or changed is another word: never matched.
enum OCRHeaderWording {
    /// The lines with every segment that could be a header cell (no number but a year, once its
    /// specks are gone) read back into wording; segments left empty are dropped.
    static func lines(_ lines: [ReadLine], vocabulary: MeasureHeaderVocabulary, settings: InterpretSettings) -> [ReadLine] {
        let phrases = Phrase.all(vocabulary, minimumBaseLetters: Int(settings.ocrHeaderPhraseMinBaseLetters))
        let editShare = settings.ocrVocabularyEditShare
        return lines.map { line in
            var changed = false
            var segments: [ReadSegment] = []
            for seg in line.segments {
                guard let text = repaired(seg.text, phrases: phrases, vocabulary: vocabulary, editShare: editShare) else {
                    segments.append(seg); continue
                }
                changed = true
                if text.isEmpty { continue }
                var s = seg
                s.text = text
                segments.append(s)
            }
            // A lone digit between a header line's cells (`ประเด็น | ข้อค้น | มาตรการกจกรรม | ขันตอนวิธีปฏิบัติ | ๑`,
            // scans8 v100413) is a speck too: no header cell is a bare digit, and a body line's list
            // number opens a cell of body text, which names no role.
            let speck = segments.indices.filter { isLoneDigit(segments[$0].text) }
            if !speck.isEmpty, segments.contains(where: { vocabulary.role(of: $0.text) != nil }) {
                segments = segments.indices.filter { !speck.contains($0) }.map { segments[$0] }
                changed = true
            }
            return changed ? line.with(segments: segments) : line
        }
    }

    /// A segment that is one digit alone, of either script.
    static func isLoneDigit(_ text: String) -> Bool {
        let u = Array(QuestionTableVocabulary.squeezed(text).unicodeScalars)
        return u.count == 1 && ThaiNumber.digitValue(u[0]) != nil
    }

    /// A vocabulary phrase with its scalars and base letters.
    struct Phrase {
        var text: String
        var scalars: [Unicode.Scalar]
        var base: [Unicode.Scalar]
        /// The vocabulary's phrases and header words of at least `minimumBaseLetters` base letters
        /// (`InterpretSettings.ocrHeaderPhraseMinBaseLetters`).
        static func all(_ vocabulary: MeasureHeaderVocabulary, minimumBaseLetters: Int) -> [Phrase] {
            var seen = Set<String>()
            return (vocabulary.rules.flatMap(\.phrases) + vocabulary.headerWords)
                .map(QuestionTableVocabulary.squeezed)
                .filter { seen.insert($0).inserted }
                .map { p in Phrase(text: p, scalars: Array(p.unicodeScalars), base: p.unicodeScalars.filter(isBase)) }
                .filter { $0.base.count >= minimumBaseLetters }
                // Longest first: a long phrase is read before the shorter ones inside it.
                .sorted { $0.scalars.count > $1.scalars.count }
        }
    }

    static func isThaiLetter(_ s: Unicode.Scalar) -> Bool {
        (0x0E01...0x0E3A).contains(s.value) || (0x0E40...0x0E4E).contains(s.value)
    }

    static func isBase(_ s: Unicode.Scalar) -> Bool { isThaiLetter(s) && !ThaiMark.isCombining(s) }

    /// Punctuation a header cell prints itself (`(แนวทาง/มาตรการ)`, `ว/ด/ป`, `พ.ศ.`): never a speck.
    static let headerPunctuation: Set<Unicode.Scalar> = [".", "(", ")", "/", "-", ","]

    /// The segment's text read back, nil when nothing changed or it holds a number other than a year.
    static func repaired(_ text: String, phrases: [Phrase], vocabulary: MeasureHeaderVocabulary, editShare: Double) -> String? {
        let cleaned = withoutSpecks(text, vocabulary)
        guard !MeasureHeaderBand.hasNumberOtherThanYear(cleaned) else { return nil }
        let read = readingPhrases(Array(cleaned.unicodeScalars), phrases, editShare: editShare)
        let out = String(String.UnicodeScalarView(read))
        return out == text ? nil : out
    }

    /// `text` without its specks: a run of Latin letters or symbols touching a Thai letter, a run
    /// of digits between two Thai letters (a word has no digits inside it), and a word of neither
    /// Thai letters nor digits that is no piece of the vocabulary's wording (`ITA` is).
    static func withoutSpecks(_ text: String, _ vocabulary: MeasureHeaderVocabulary) -> String {
        let s = Array(text.unicodeScalars)
        var keep = [Bool](repeating: true, count: s.count)
        var i = 0
        while i < s.count {
            guard !isThaiLetter(s[i]), !QuestionTableVocabulary.isWhitespace(s[i]) else { i += 1; continue }
            var j = i
            while j < s.count, !isThaiLetter(s[j]), !QuestionTableVocabulary.isWhitespace(s[j]) { j += 1 }
            let run = s[i..<j]
            let thaiBefore = i > 0 && isThaiLetter(s[i - 1]), thaiAfter = j < s.count && isThaiLetter(s[j])
            let digitsOnly = run.allSatisfy { ThaiNumber.digitValue($0) != nil }
            let hasSpeck = run.contains { ThaiNumber.digitValue($0) == nil && !headerPunctuation.contains($0) }
            let junk: Bool
            if digitsOnly {
                junk = thaiBefore && thaiAfter
            } else if thaiBefore || thaiAfter {
                junk = hasSpeck
            } else {
                let word = String(String.UnicodeScalarView(run))
                junk = !run.contains { ThaiNumber.digitValue($0) != nil } && !vocabulary.isPieceOfWording(word)
            }
            if junk { for k in i..<j { keep[k] = false } }
            i = j
        }
        let kept = s.indices.filter { keep[$0] }.map { s[$0] }
        // Spaces left doubled or at the ends by a dropped word.
        let joined = String(String.UnicodeScalarView(kept))
        return joined.split(whereSeparator: { $0.unicodeScalars.allSatisfy(QuestionTableVocabulary.isWhitespace) })
            .joined(separator: " ")
    }

    /// `s` with each stretch that is a phrase with some marks lost, added or swapped replaced by the
    /// phrase (longest phrases first, stretches not overlapping). Whitespace inside a stretch is
    /// left out of the comparison and of the result (the vocabulary squeezes a cell anyway).
    static func readingPhrases(_ s: [Unicode.Scalar], _ phrases: [Phrase], editShare: Double) -> [Unicode.Scalar] {
        // Positions of the base letters, and of the scalars that are not whitespace.
        let baseAt = s.indices.filter { isBase(s[$0]) }
        let bases = baseAt.map { s[$0] }
        var taken = [Bool](repeating: false, count: s.count)
        var replacements: [(start: Int, end: Int, phrase: Phrase)] = []
        for p in phrases where p.base.count <= bases.count {
            var b = 0
            while b + p.base.count <= bases.count {
                guard bases[b..<(b + p.base.count)].elementsEqual(p.base) else { b += 1; continue }
                let start = baseAt[b]
                // The stretch runs on over the marks after its last base letter.
                var end = baseAt[b + p.base.count - 1] + 1
                while end < s.count, ThaiMark.isCombining(s[end]) { end += 1 }
                guard !taken[start..<end].contains(true) else { b += 1; continue }
                let stretch = s[start..<end].filter { !QuestionTableVocabulary.isWhitespace($0) }
                let limit = max(1, Int((Double(p.scalars.count) * editShare).rounded(.down)))
                if stretch.elementsEqual(p.scalars) || OCRPlanWordMatch.distance(Array(stretch), p.scalars, limit: limit) != nil {
                    for k in start..<end { taken[k] = true }
                    replacements.append((start, end, p))
                    b += p.base.count
                } else {
                    b += 1
                }
            }
        }
        guard !replacements.isEmpty else { return s }
        var out: [Unicode.Scalar] = []
        var k = 0
        for r in replacements.sorted(by: { $0.start < $1.start }) {
            out += s[k..<r.start]
            out += r.phrase.scalars
            k = r.end
        }
        out += s[k...]
        return out
    }
}
