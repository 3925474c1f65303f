import Foundation
import ITAModel
import ThaiNormalise

/// Whether a question row's printed text confirms its printed code: the text after the code matches
/// the code's catalogue text, and no other question of that catalogue better. OCR misreads a code's
/// letter and digits (e1 read as "๐1", taken for o1; `19` for i9), and a score is then filed under
/// another question; the text, dozens of letters, is read far more reliably than the code. Used
/// where nothing else checks an OCR'd score (`ScoreArithmetic.textConfirms`).
enum QuestionTextConfirmation {

    /// `settings`: `questionShortNameMaxEdits`, how far a short catalogue text may be misread;
    /// `codeRun`: what the code's run may be read as (`CatalogueCodes.codeRun`, Mappings data).
    static func confirms(code: String, text: String, catalogue: [String: ITAVocabulary.QuestionInfo],
                         settings: InterpretSettings, codeRun: Set<Unicode.Scalar>) -> Bool {
        guard let info = catalogue[code], !info.name.isEmpty else { return false }
        // Key characters compared at most, and the share that must match: as `CatalogueCodes`.
        let after = afterCode(text, codeRun: codeRun)
        let key = Array(KeyedText(after).key.prefix(Int(settings.catalogueMaxKeyCharacters)))
        if let own = fit(key, info.name, settings), own >= settings.catalogueMinSimilarity {
            // No other question's text fits as well: a text two codes share (i1 and i2 open alike)
            // cannot tell a misread code from the printed one.
            return !catalogue.contains { other, q in
                other != code && !q.name.isEmpty && (fit(key, q.name, settings).map { $0 >= own } ?? false)
            }
        }
        return middleLineConfirms(code: code, after: after, catalogue: catalogue, settings: settings)
    }

    /// A code printed at the vertical centre of its row (LibreOffice centres the cells of a taller
    /// row) stands beside a middle line of its question's text, and the row's text read from the
    /// code's line down starts there. The code's line alone (the label's first line after the
    /// code) is then compared with every run of the catalogue texts (`CatalogueCodes.windowSimilarity`):
    /// it must match the code's text, and every other question's text by `catalogueMinMargin`
    /// less (a line from the middle is shorter than a row's text, and phrases recur across
    /// questions: `มากน้อยเพียงใด`), each other text scored by `CatalogueCodes.competingSimilarity`
    /// (a text shorter than the line competes too). Long catalogue texts only: a short name is
    /// compared whole.
    private static func middleLineConfirms(code: String, after: String, catalogue: [String: ITAVocabulary.QuestionInfo],
                                           settings: InterpretSettings) -> Bool {
        guard let info = catalogue[code] else { return false }
        let line = after.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: true).first.map(String.init) ?? ""
        let key = Array(KeyedText(line).key.prefix(Int(settings.catalogueMaxKeyCharacters)))
        guard let own = CatalogueCodes.windowSimilarity(key, KeyedText.phraseKey(info.name), settings),
              own >= settings.catalogueMinSimilarity else { return false }
        return !catalogue.contains { other, q in
            // Every other text competes on the highest of the three comparisons, its whole text
            // found in the line too (o42's text with a stray character is no run of o43's).
            guard other != code, !q.name.isEmpty,
                  let s = CatalogueCodes.competingSimilarity(key, KeyedText.phraseKey(q.name), settings) else { return false }
            return s > own - settings.catalogueMinMargin
        }
    }

    /// How well a row's key fits a catalogue text: short names (OIT items, fewer key characters
    /// than `InterpretSettings.catalogueMinKeyCharacters`) compared whole within
    /// `InterpretSettings.questionShortNameMaxEdits`, longer ones by `CatalogueCodes.similarity`;
    /// nil when nothing can be told.
    static func fit(_ key: [Unicode.Scalar], _ name: String, _ settings: InterpretSettings) -> Double? {
        // The catalogue's texts are keyed once per process (`phraseKey`), not for every row again.
        let n = Array(KeyedText.phraseKey(name).prefix(Int(settings.catalogueMaxKeyCharacters)))
        guard !n.isEmpty else { return nil }
        if Double(n.count) < settings.catalogueMinKeyCharacters {
            guard key.count >= n.count else { return nil }
            let d = CatalogueCodes.distance(Array(key.prefix(n.count)), n)
            return Double(d) <= settings.questionShortNameMaxEdits ? 1 - Double(d) / Double(n.count) : nil
        }
        return CatalogueCodes.similarity(key, n, settings)
    }

    /// The row's text after its printed code: the leading run of code letters, digits, brackets and
    /// punctuation OCR made of it ("๐14คู่มือ...", "[8 ท่าน...", "018\nE-Service"): characters of
    /// `codeRun` (Mappings/ita/question-code-lookalikes.json) and white space.
    static func afterCode(_ text: String, codeRun: Set<Unicode.Scalar>) -> String {
        let s = text.unicodeScalars.drop { codeRun.contains($0) || UnicodeWhitespace.contains($0) }
        return String(scalars: s)
    }
}
