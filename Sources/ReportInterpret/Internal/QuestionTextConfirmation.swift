import Foundation
import ITAModel
import ThaiNormalise

/// Whether a question row's printed text confirms its printed code: the text after the code matches
/// the code's catalogue text, and no other question of that catalogue better. OCR misreads a code's
/// letter and digits (e1 read as "๐1", taken for o1; `19` for i9), and a score is then filed under
/// another question; the text, dozens of letters, is read far more reliably than the code. Used
/// where nothing else checks an OCR'd score (`ScoreArithmetic.textConfirms`).
enum QuestionTextConfirmation {
    /// Key characters compared at most (a row's first line; as `CatalogueCodes`).
    static let maxKeyCharacters = CatalogueCodes.maxKeyCharacters
    /// A catalogue text of fewer key characters (OIT items: "โครงสร้าง", "Q&A") is compared whole:
    /// the printed text must start with it, at most this many edits apart (OCR drops a mark or a
    /// letter; whole short names of other items differ by more).
    static let shortNameMaxEdits = 1
    /// Longer texts: share of the compared key characters that must match, as `CatalogueCodes`.
    static let minSimilarity = CatalogueCodes.minSimilarity

    static func confirms(code: String, text: String, catalogue: [String: ITAVocabulary.QuestionInfo]) -> Bool {
        guard let info = catalogue[code], !info.name.isEmpty else { return false }
        let key = Array(KeyedText(afterCode(text)).key.prefix(maxKeyCharacters))
        guard let own = fit(key, info.name), own >= minSimilarity else { return false }
        // No other question's text fits as well: a text two codes share (i1 and i2 open alike)
        // cannot tell a misread code from the printed one.
        for (other, q) in catalogue where other != code && !q.name.isEmpty {
            if let s = fit(key, q.name), s >= own { return false }
        }
        return true
    }

    /// How well a row's key fits a catalogue text: short names (OIT items) compared whole within
    /// `shortNameMaxEdits`, longer ones by `CatalogueCodes.similarity`; nil when nothing can be told.
    static func fit(_ key: [Unicode.Scalar], _ name: String) -> Double? {
        // The catalogue's texts are keyed once per process (`phraseKey`), not for every row again.
        let n = Array(KeyedText.phraseKey(name).prefix(maxKeyCharacters))
        guard !n.isEmpty else { return nil }
        if n.count < CatalogueCodes.minKeyCharacters {
            guard key.count >= n.count else { return nil }
            let d = CatalogueCodes.distance(Array(key.prefix(n.count)), n)
            return d <= shortNameMaxEdits ? 1 - Double(d) / Double(n.count) : nil
        }
        return CatalogueCodes.similarity(key, n)
    }

    /// The row's text after its printed code: the leading run of code letters, digits, brackets and
    /// punctuation OCR made of it ("๐14คู่มือ...", "[8 ท่าน...", "018\nE-Service").
    static func afterCode(_ text: String) -> String {
        let codeish = CharacterSet(charactersIn: "ieoIEO0123456789๐๑๒๓๔๕๖๗๘๙[]().,:;|!l ")
            .union(.whitespacesAndNewlines)
        let s = text.unicodeScalars.drop { codeish.contains($0) }
        return String(scalars: s)
    }
}
