import Foundation
import ITAModel

/// The normalisation stage: repairs the Thai text of PDF text layers and OCR, recording every
/// change. Immutable after `init` and safe to share between threads (ICU objects are per thread).
public final class ThaiNormaliser: @unchecked Sendable {
    let data: NormaliseMappings
    let lexicon: Lexicon
    let marks: MarkRepair
    let ocr: OCRRepair
    let wrap: WrapJoin
    /// Answers already computed (see `NormaliseMemo`).
    let memo = NormaliseMemo()

    /// Loads the tables from `mappings` (the `Mappings/` folder; files under `normalise/`).
    public init(mappings: URL) throws {
        data = try NormaliseMappings(mappings: mappings)
        lexicon = Lexicon(domain: data.lexicon)
        marks = MarkRepair(lexicon: lexicon)
        ocr = OCRRepair(lexicon: lexicon, confusionClasses: data.confusions, doubled: data.doubled, nameMarkers: data.nameMarkers)
        wrap = WrapJoin(lexicon: lexicon, spaceBefore: data.spaceBefore, spaceAfter: data.spaceAfter)
    }

    /// Repairs prose text: NFC, zero-width, PUA glyphs, SARA AM, marks, OCR confusions. Digits kept.
    public func normalise(_ raw: String) -> NormalisedText {
        memo.value(NormaliseMemo.key(kind: 0, raw)) { run(ScalarBuffer(raw), numeric: false) }
    }

    /// As `normalise`, and with `numeric` every Thai digit also becomes ASCII (kind "digits").
    public func normalise(_ raw: String, numeric: Bool) -> NormalisedText {
        memo.value(NormaliseMemo.key(kind: numeric ? 1 : 0, raw)) { run(ScalarBuffer(raw), numeric: numeric) }
    }

    /// Joins the wrapped lines of one cell or paragraph, deciding per line break whether a space
    /// belongs there (kind "wrap_space" when the break is dropped), then normalises. Offsets refer
    /// to `lines.joined(separator: "\n")`.
    public func normaliseLines(_ lines: [String]) -> NormalisedText {
        memo.value(NormaliseMemo.key(lines: lines)) {
            var changes: [TextChange] = []
            let b = wrap.join(lines, &changes)
            return run(b, numeric: false, changes: changes)
        }
    }

    /// Private-use glyph → the Thai character it draws (normalise/pua_thai.tsv, the table the repair
    /// uses): for a reader that makes text from glyphs itself (a PDF's glyph codes read by outline).
    public var privateUseCharacters: [UInt32: Unicode.Scalar] { data.pua }

    /// Whether `s` is a word of the lexicon (ICU's Thai dictionary or the domain list).
    public func isKnownWord(_ s: String) -> Bool { lexicon.isWord(s) }

    /// How many Thai word tokens of `s` are no word of the lexicon (0: every word is known).
    public func unknownWordCount(_ s: String) -> Int { lexicon.cost(s).unknown }

    /// Repair sweeps until nothing changes, at most this many: a sweep moves each mark one place,
    /// and a pile of stray marks (PUA glyphs, doubled tones and vowels stacked on one letter:
    /// ท ี ิ ั ิ ่ ่) needed more than the 4 sweeps once allowed, leaving a repair for a second
    /// call. Real text needs one or two; the bound only stops a pathological input.
    static let maximumSweeps = 16

    private func run(_ start: ScalarBuffer, numeric: Bool, changes start0: [TextChange] = []) -> NormalisedText {
        var b = start
        var changes = start0
        // Fast path: pure ASCII needs nothing (zero-width and PUA characters are not ASCII).
        if b.scalars.allSatisfy({ $0.isASCII }) { return NormalisedText(text: b.text, changes: changes) }
        if let n = UnicodeRepair.removeZeroWidth(b, &changes) { b = n }
        if let n = UnicodeRepair.mapPUA(b, table: data.pua, &changes) { b = n }
        if let n = UnicodeRepair.nfc(b, &changes) { b = n }
        // Each repair can expose another: a space removed brings a tone next to its vowel; an OCR
        // repair changes which neighbouring runs count as fragments; composing (NFC) after a tone
        // moved before SARA AM can reorder marks so that a tone follows a SARA AM again, or two
        // equal tones meet. So the passes run until none moves anything, and a second call is a
        // no-op. Only text that a pass changed pays for the extra round.
        for _ in 0..<Self.maximumSweeps {
            var moved = false
            for _ in 0..<Self.maximumSweeps {
                guard let n = marks.sweep(b, &changes) else { break }
                b = n; moved = true
            }
            if let n = ocr.apply(b, &changes) { b = n; moved = true }
            if let n = UnicodeRepair.nfc(b, &changes) { b = n; moved = true }
            if !moved { break }
        }
        if numeric, let n = DigitRepair.ascii(b, &changes) { b = n }
        // Passes record in their own order; report in text order (stable for equal offsets).
        let ordered = changes.enumerated().sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }.map(\.element)
        return NormalisedText(text: b.text, changes: ordered)
    }
}
