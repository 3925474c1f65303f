import Foundation
import ITAModel
import PDFExtract

/// Turns OCR words into text-layer glyphs.
enum OCRGlyphs {
    /// Characters that are only table borders or specks when they make up a whole word.
    static let junk: Set<Character> = ["|", "[", "]", "{", "}", "_", "=", "~", "—", "–", "‘", "’", "“", "”", "'", "\"", "`", "^", "¦", "!", "/", "\\"]

    /// One glyph per Unicode scalar, as poppler gives a text layer: the word's width is shared by its
    /// base characters, a combining mark takes its base's box (no advance), and every glyph of a
    /// line gets the line's height, so that the layout stage sees one even line as it does for a
    /// text layer. `scale` converts pixels to points.
    static func glyphs(from words: [OCRWord], scale: Double) -> [Glyph] {
        // Junk (a border read as "|") says nothing about where the line's text sits.
        let words = words.filter { w in
            let t = w.text.trimmingCharacters(in: .whitespaces)
            return !t.isEmpty && !t.allSatisfy { junk.contains($0) }
        }
        var lineTop: [Int: Double] = [:], lineBottom: [Int: Double] = [:]
        for w in words {
            lineTop[w.line] = min(lineTop[w.line] ?? w.y0, w.y0)
            lineBottom[w.line] = max(lineBottom[w.line] ?? w.y1, w.y1)
        }
        // Tesseract sometimes splits a Thai line's upper marks off into a "line" of their own and reads
        // them as letters ("a", "vy", "7", "J"). Such a line is far lower than the page's text lines;
        // a short line with a real number in it (a score cell) is kept.
        let heights = lineTop.keys.map { lineBottom[$0]! - lineTop[$0]! }.sorted()
        let median = heights.isEmpty ? 0 : heights[heights.count / 2]
        var markLines = Set<Int>()
        for (line, top) in lineTop where lineBottom[line]! - top < 0.35 * median {
            let hasNumber = words.contains { $0.line == line && $0.text.unicodeScalars.filter { $0.properties.numericType != nil }.count >= 2 }
            if !hasNumber { markLines.insert(line) }
        }
        let kept = words.filter { !markLines.contains($0.line) }
        // Tesseract's Thai "words" are often single clusters: the space comes from its line text, else
        // from a wide gap to the next word (a fifth of the line's height, about a quarter of the font size).
        func gapAfter(_ i: Int) -> Bool {
            guard i + 1 < kept.count, kept[i + 1].line == kept[i].line else { return true }
            if let s = kept[i].spaceAfter { return s }
            let height = lineBottom[kept[i].line]! - lineTop[kept[i].line]!
            return kept[i + 1].x0 - kept[i].x1 > 0.2 * height
        }
        var out: [Glyph] = []
        for (wi, w) in kept.enumerated() {
            let text = w.text.trimmingCharacters(in: .whitespaces)
            let scalars = Array(text.unicodeScalars)
            let bases = scalars.filter { !isMark($0) }.count
            // Words joined without a space touch: the layout stage splits words at gaps, and the gap
            // between two of Tesseract's cluster "words" is not a space.
            let joined = !gapAfter(wi) && wi + 1 < kept.count && kept[wi + 1].line == w.line && kept[wi + 1].x0 > w.x1
            let right = joined ? kept[wi + 1].x0 : w.x1
            let step = (right - w.x0) / Double(max(bases, 1))
            let top = lineTop[w.line]! * scale, bottom = lineBottom[w.line]! * scale
            let size = max((bottom - top) * 0.75, 1)
            var x = w.x0
            var last = Box(x0: x * scale, y0: top, x1: (x + step) * scale, y1: bottom)
            for (i, s) in scalars.enumerated() {
                if !isMark(s) || i == 0 {
                    last = Box(x0: x * scale, y0: top, x1: (x + step) * scale, y1: bottom)
                    x += step
                }
                out.append(Glyph(text: String(scalars: [s]), box: last,
                                 spaceAfter: i == scalars.count - 1 && gapAfter(wi), font: Glyph.recognisedFont, fontSize: size))
            }
        }
        return out
    }

    /// Non-spacing marks: the Thai marks above and below a base (U+0E31, U+0E34-U+0E3A,
    /// U+0E47-U+0E4E are all general category Mn) and any other combining mark.
    static func isMark(_ s: Unicode.Scalar) -> Bool { s.properties.generalCategory == .nonspacingMark }
}

/// What OCR made of one page: its glyphs and the table borders in its render, both in points and
/// in one frame (the page's skew turned back, see `Deskew`).
public struct OCRPage: Sendable {
    public var glyphs: [Glyph]
    /// Borders as thin boxes, as `PageText.rulings` holds a text layer's.
    public var rulings: [Box]
    /// The skew slope turned back (`Deskew.slope`; 0 when none), for `PageText.recognisedSkew`.
    public var skew: Double = 0
    /// Words read again by shape (`DigitRereader`), already in `glyphs`; empty without a reader.
    public var rereads: [DigitReread] = []
    /// Seconds spent on the page, by step.
    public var times = OCRTimes()

    /// `turn`: whether the page's skew is turned back (not on a page that keeps its drawn rulings).
    static func make(words: [OCRWord], borders: [RasterRulings.Line], width: Double, height: Double, dpi: Double,
                     turn: Bool = true) -> OCRPage {
        let deskew = turn ? Deskew.estimate(words: words, width: width, height: height, dpi: dpi) : .none
        let scale = 72 / dpi
        return OCRPage(glyphs: OCRGlyphs.glyphs(from: words.map(deskew.apply), scale: scale),
                       rulings: RasterRulings.boxes(borders, scale: scale, deskew: deskew), skew: deskew.slope)
    }
}
