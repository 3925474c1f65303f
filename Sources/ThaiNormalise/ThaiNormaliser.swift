import Foundation
import ITAModel

/// STUB (to be replaced by the normalisation work): the stage's entry point.
public final class ThaiNormaliser: @unchecked Sendable {
    public init(mappings: URL) throws {}

    /// Repairs prose text: NFC, zero-width, PUA glyphs, SARA AM, marks, OCR confusions. Digits kept.
    public func normalise(_ raw: String) -> NormalisedText { NormalisedText(text: raw, changes: []) }

    /// Joins the wrapped lines of one cell or paragraph, deciding per line break whether a space belongs.
    public func normaliseLines(_ lines: [String]) -> NormalisedText {
        normalise(lines.joined(separator: " "))
    }
}

/// STUB: numbers in Thai or ASCII digits.
public enum ThaiNumber {
    /// Every Thai digit as ASCII.
    public static func asciiDigits(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { u in
            (0x0E50...0x0E59).contains(u.value) ? Unicode.Scalar(u.value - 0x0E50 + 0x30)! : u
        }))
    }
}
