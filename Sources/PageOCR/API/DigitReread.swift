import Foundation
import ITAModel
import PDFExtract
import PopplerShim
import ThaiCharacters

/// One OCR word read again by shape (`DigitShapeReader`): where, what Tesseract read, what the
/// shapes read, and the readings that come next, for the arithmetic to choose from.
public struct DigitReread: Sendable, Equatable {
    public var page: Int
    /// The word's box, points, top-left origin.
    public var box: Box
    /// Tesseract's text of the word.
    public var ocr: String
    /// The shapes' reading (Thai digits and the point), now the word's text; for a word Tesseract
    /// read in ASCII digits, the ASCII shapes' reading, which spells the same (the word is left as read).
    public var reading: String
    /// The weakest glyph's margin over its runner-up digit.
    public var margin: Double
    /// Other readings, the closest call first.
    public var alternatives: [String]

    public init(page: Int, box: Box, ocr: String, reading: String, margin: Double, alternatives: [String]) {
        self.page = page; self.box = box; self.ocr = ocr; self.reading = reading; self.margin = margin; self.alternatives = alternatives
    }
}

/// Re-reads the number-shaped words of OCR'd pages by shape and puts the reading in their place.
/// Tesseract's Thai models misread most Thai digits of scans (digit error 0.60 whole page, 0.57-0.76
/// on crops) and never read ๙ in Laksaman (it gives ฒ่, ป or ค); scores printed in Thai digits were
/// therefore all dropped. What Tesseract read is kept in the `DigitReread` for the provenance.
public enum DigitRereader {
    /// Padding of a word's crop around its OCR box, as parts of the line's height: enough for the
    /// glyphs' outer pixels and a slight skew; the reader ignores what the crop's edge cuts.
    static let padX = 0.3, padY = 0.25
    /// How far a year's crop is widened on a side whose edge cuts a glyph (`DigitShapeReader.edgeCut`),
    /// per step in line heights, and in at most how many steps: a Thai digit is about half a line
    /// height wide, so two steps take in one whole glyph that Tesseract's box left out, and stop short
    /// of a word a space away on the same line (the crop stops growing as soon as no glyph is cut).
    static let yearWidenStep = 0.3, yearWidenSteps = 2

    /// A word the shapes read as a year, which Tesseract read with at least three Thai digits: a year
    /// fused to its cue (`yearTail`), or digits with no point (a year's form, `fits`). Two digits and
    /// no point are a question code's number (`[๑๓`): never widened into its neighbours.
    static func isYearForm(_ ocr: String) -> Bool {
        let s = Array(ocr.unicodeScalars)
        let number = yearTail(ocr).map { Array(s[$0]) } ?? (s.contains(".") ? [] : s)
        return number.filter { ThaiScript.isThaiDigit($0.value) }.count >= 3
    }

    /// The longest word taken for a number (scalars): a score is at most 6 glyphs, and OCR may read
    /// one digit as a letter and a mark (ฒ่).
    static let maxScalars = 10

    /// A word worth reading again: at least two Thai digits, a point (a score) or none (a year), the
    /// rest at most as many other scalars as OCR's misreads of a digit give (a letter, a mark), and no
    /// ASCII digit (ASCII digits are read well by the eng model). A word with more letters is a word
    /// with a number in it ("ปีงบประมาณ๒๕๖๗"): replacing it with the number would lose the cue.
    static func isCandidate(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars)
        guard s.count <= maxScalars, !s.contains(where: { ThaiScript.isASCIIDigit($0.value) }) else { return false }
        let points = s.filter { $0 == "." }.count
        let thai = s.filter { ThaiScript.isThaiDigit($0.value) }.count
        return points <= 1 && thai >= 2 && s.count - thai - points <= 3
    }

    /// A year fused to its cue by OCR ("พ.ศ.๒๕๖๗"): the word's scalars after its last point, when they
    /// hold at least two Thai digits and at most 3 other scalars, and no Thai digit comes before (else
    /// it is a score).
    static func yearTail(_ text: String) -> Range<Int>? {
        let s = Array(text.unicodeScalars)
        guard s.count <= maxScalars, let dot = s.lastIndex(of: "."), dot + 1 < s.count,
              !s.contains(where: { ThaiScript.isASCIIDigit($0.value) }),
              !s[..<dot].contains(where: { ThaiScript.isThaiDigit($0.value) }) else { return nil }
        let thai = s[(dot + 1)...].filter { ThaiScript.isThaiDigit($0.value) }.count
        return thai >= 2 && s.count - dot - 1 - thai <= 3 ? (dot + 1)..<s.count : nil
    }

    /// The year a reading of a word with a cue ends with: its last four glyphs, a year `isYear` takes.
    static func endingYear(_ reading: String) -> String? {
        let s = String(scalars: reading.unicodeScalars.suffix(4))
        return isYear(s) ? s : nil
    }

    /// A year's form in Thai digits: four Thai digits making a year of the era's one predicate
    /// (`BuddhistEraYear.shapeReadYears`: why a shape reading is held to 2540 on is said there).
    public static func isYear(_ text: String) -> Bool {
        BuddhistEraYear.isThaiDigitYear(text, in: BuddhistEraYear.shapeReadYears)
    }

    /// The reading's form fits the OCR word's: a score where OCR saw a point, a year where it saw none.
    static func fits(_ reading: String, ocr: String) -> Bool {
        ocr.unicodeScalars.contains(".") ? isScore(reading) : isYear(reading)
    }

    /// A reading of 4-5 Thai digits and no point, with the point before its last two digits, where
    /// OCR saw a point: the shapes lose a point that touches the digit after it (a ๗'s foot, at 150
    /// dpi: held-out scans8 v100400 p. 1 `ต๕.ฒ๐` read ๙๕๗๐ for ๙๕.๗๐), and a score prints two
    /// decimals. Nil for any other reading (three digits may be a score that lost a digit with its point).
    /// OCR's point must stand between glyphs: one ending or opening the word is a full stop or a speck
    /// beside a year (`๒๕๖๗.`), and a reading that is a year's form is never made a score.
    static func pointed(_ reading: String, ocr: String) -> String? {
        let s = Array(reading.unicodeScalars)
        let o = Array(ocr.unicodeScalars)
        guard let dot = o.firstIndex(of: "."), dot > 0, dot < o.count - 1, (4...5).contains(s.count),
              s.allSatisfy({ ThaiScript.isThaiDigit($0.value) }), !isYear(reading) else { return nil }
        return String(scalars: s.dropLast(2)) + "." + String(scalars: s.suffix(2))
    }

    /// The reading as a word of this form takes it: itself when it fits, else with its point put back
    /// (`pointed`) when that fits; nil when neither does.
    static func fitted(_ reading: String, ocr: String) -> String? {
        if fits(reading, ocr: ocr) { return reading }
        if let p = pointed(reading, ocr: ocr), fits(p, ocr: ocr) { return p }
        return nil
    }

    /// A score's form in Thai digits: 1-3 digits, the point, 2 digits.
    public static func isScore(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && (1...3).contains(parts[0].count) && parts[1].count == 2
            && parts.allSatisfy { $0.unicodeScalars.allSatisfy { ThaiScript.isThaiDigit($0.value) } }
    }

    /// Reads again the candidate words of `pages` (OCR'd pages of `pdf`, rendered anew at the dpi
    /// `options` gives them) and replaces a word's glyphs with the reading when it has a score's form
    /// (a word with a point) or a year's (a word without). `PageOCR.fill` with a reader does the same
    /// on the OCR render itself, without rendering the page again.
    public static func reread(_ pdf: inout PDFText, path: String, pages: [Int], reader: DigitShapeReader,
                              options: OCROptions) -> [DigitReread] {
        var out: [DigitReread] = []
        var doc: OpaquePointer?
        defer { if let doc { ps_document_close(doc) } }
        for n in pages {
            guard let pi = pdf.pages.firstIndex(where: { $0.number == n }) else { continue }
            guard hasCandidates(pdf.pages[pi].glyphs) else { continue }
            if doc == nil {
                var code: Int32 = 0
                var message = [CChar](repeating: 0, count: 512)
                doc = ps_document_open(path, &code, &message, message.count)
                if doc == nil { return out }
            }
            let dpi = options.renderDPI(width: pdf.pages[pi].width, height: pdf.pages[pi].height)
            guard let bitmap = ps_page_render_gray(doc, Int32(n - 1), dpi) else { continue }
            defer { ps_bitmap_free(bitmap) }
            let page = pdf.pages[pi]
            let (glyphs, found) = reread(page: n, glyphs: page.glyphs, width: page.width, height: page.height,
                                         skew: page.recognisedSkew, render: bitmap.pointee, dpi: dpi, reader: reader)
            pdf.pages[pi].glyphs = glyphs
            out += found
        }
        return out
    }

    /// Words of `glyphs`: runs of glyphs up to one with a space after it.
    static func words(_ glyphs: [Glyph]) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var start = 0
        for (i, g) in glyphs.enumerated() where g.spaceAfter || i == glyphs.count - 1 {
            words.append(start..<(i + 1))
            start = i + 1
        }
        return words
    }

    /// The words of `glyphs` worth reading again.
    static func candidates(_ glyphs: [Glyph]) -> [Range<Int>] {
        words(glyphs).filter { w in
            let t = glyphs[w].map(\.text).joined()
            return isCandidate(t) || yearTail(t) != nil || isASCIIScore(t)
        }
    }

    /// The Thai digits' shapes read the crop an ASCII reading came from at least as well: as many
    /// glyphs, a score's form, and a weakest glyph no worse. (A Thai reading with fewer glyphs left out
    /// a thin upright, an ASCII 1: no Thai digit is that thin.)
    public static func readsBetterInThai(_ ascii: DigitReading, _ thai: DigitReading) -> Bool {
        thai.glyphs.count == ascii.glyphs.count
            && DigitShapeReader.quality(thai, isScore) >= DigitShapeReader.quality(ascii, isASCIIScore)
    }

    /// A score Tesseract read in ASCII digits (1-3 digits, the point, 2 digits, or a whole 100, as
    /// OIT items print it): read again by the shapes of the ASCII digits, as the second reading its
    /// score needs (Tesseract reads a 7 as 1 now and then: 19.33 for 79.33, tune scan v001453;
    /// nothing else would check it). A whole 0 is left out: one round glyph is no second reading.
    public static func isASCIIScore(_ text: String) -> Bool {
        if text == "100" { return true }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && (1...3).contains(parts[0].count) && parts[1].count == 2
            && parts.allSatisfy { $0.unicodeScalars.allSatisfy { ThaiScript.isASCIIDigit($0.value) } }
    }

    /// Whether any word of `glyphs` is worth reading again (else the page needs no render).
    static func hasCandidates(_ glyphs: [Glyph]) -> Bool { !candidates(glyphs).isEmpty }

    /// Reads again the candidate words of one OCR'd page: `glyphs` as OCR placed them (points, the
    /// skew `skew` turned back), on a page of `width` x `height` points, and `render`, the page's
    /// grey render at `dpi` before any border was erased. Returns the page's glyphs with the readings
    /// in place, and the readings.
    static func reread(page n: Int, glyphs: [Glyph], width: Double, height: Double, skew: Double,
                       render b: ps_bitmap, dpi: Double, reader: DigitShapeReader) -> (glyphs: [Glyph], rereads: [DigitReread]) {
        let wanted = candidates(glyphs)
        guard !wanted.isEmpty, b.data != nil else { return (glyphs, []) }
        var out: [DigitReread] = []
        let s = dpi / 72
        var replaced: [(Range<Int>, [Glyph])] = []
        // Words the first pass settled (read again, or a score Tesseract read in ASCII digits): the
        // column pass leaves them alone; a candidate whose reading fit no form may be a column's cell.
        var settled = Set<Int>()
        // The pixels (x0, y0, x1, y1) of a word's crop: its box, padded (`padX`, `padY`).
        func area(_ box: Box) -> (Int, Int, Int, Int) {
            // The ink lies where the box was before the page's skew was turned back (`Deskew`):
            // the crop moves with the box's centre, as the turn moved it.
            let turn = Deskew(slope: skew, centreX: width / 2, centreY: height / 2)
            let centre = turn.unapply(x: (box.x0 + box.x1) / 2, y: (box.y0 + box.y1) / 2)
            let ink = Box(x0: centre.x - box.width / 2, y0: centre.y - box.height / 2, x1: centre.x + box.width / 2, y1: centre.y + box.height / 2)
            let lineHeight = box.y1 - box.y0
            return (max(0, Int(((ink.x0 - padX * lineHeight) * s).rounded(.down))),
                    max(0, Int(((ink.y0 - padY * lineHeight) * s).rounded(.down))),
                    min(Int(b.width), Int(((ink.x1 + padX * lineHeight) * s).rounded(.up))),
                    min(Int(b.height), Int(((ink.y1 + padY * lineHeight) * s).rounded(.up))))
        }
        for w in wanted {
            let box = glyphs[w].map(\.box).reduce(glyphs[w.lowerBound].box) { $0.union($1) }
            let lineHeight = box.y1 - box.y0
            var (x0, y0, x1, y1) = area(box)
            guard x1 - x0 > 2, y1 - y0 > 2 else { continue }
            func crop() -> [UInt8] { DigitRereader.crop(b, x0, y0, x1, y1) }
            var gray = crop()
            let ocr = glyphs[w].map(\.text).joined()
            if isASCIIScore(ocr) {
                settled.insert(w.lowerBound)
                // The ASCII shapes' reading is kept only when it spells what Tesseract read and the
                // glyphs match ASCII digits better than Thai ones (a Thai glyph Tesseract gave as an
                // ASCII digit is no second reading of it). The word keeps Tesseract's text either way.
                let r = reader.read(gray: gray, width: x1 - x0, height: y1 - y0, form: isASCIIScore, ascii: true)
                if r.text == ocr, !readsBetterInThai(r, reader.read(gray: gray, width: x1 - x0, height: y1 - y0)) {
                    out.append(DigitReread(page: n, box: box, ocr: ocr, reading: r.text, margin: r.margin,
                                           alternatives: r.alternatives.filter(isASCIIScore)))
                }
                continue
            }
            let fused = yearTail(ocr) != nil
            // A year fused to its cue (`พ.ศ.๒๕๖๗`) has a point but is no score: no point is put back.
            let form: (String) -> Bool = { (fused ? fits($0, ocr: ocr) : fitted($0, ocr: ocr) != nil) || (fused && endingYear($0) != nil) }
            var r = reader.read(gray: gray, width: x1 - x0, height: y1 - y0, form: form)
            // A year whose box Tesseract ended inside a glyph (`พ.ศ.๒๕๖๗` read `พ.ศ.๒๕๒`, its box ending
            // in the ๗, tune scan v001462's title): the shapes leave the cut glyph out and read three
            // digits. The crop is widened on the side whose edge cuts a glyph, a step at a time, until
            // a year's form is read or nothing is cut (`yearWidenSteps`).
            var widened = 0
            while !form(r.text), isYearForm(ocr), widened < yearWidenSteps {
                let cut = reader.edgeCut(gray: gray, width: x1 - x0, height: y1 - y0)
                guard cut.left || cut.right else { break }
                let step = Int((yearWidenStep * lineHeight * s).rounded(.up))
                if cut.left { x0 = max(0, x0 - step) }
                if cut.right { x1 = min(Int(b.width), x1 + step) }
                gray = crop()
                r = reader.read(gray: gray, width: x1 - x0, height: y1 - y0, form: form)
                widened += 1
            }
            if !fits(r.text, ocr: ocr), fused, let year = endingYear(r.text) {
                // Only the glyphs after the word's last point are the year; the cue stays as read.
                // One glyph per scalar, as OCRGlyphs spreads a word.
                guard let dot = w.last(where: { glyphs[$0].text == "." }), dot + 1 < w.upperBound else { continue }
                let tail = (dot + 1)..<w.upperBound
                var alts: [String] = []
                for a in r.alternatives { if let y = endingYear(a), y != year, !alts.contains(y) { alts.append(y) } }
                out.append(DigitReread(page: n, box: box, ocr: ocr, reading: year, margin: r.margin, alternatives: alts))
                settled.insert(w.lowerBound)
                replaced.append((tail, spread(year, over: glyphs[tail].map(\.box).reduce(glyphs[tail.lowerBound].box) { $0.union($1) },
                                              last: glyphs[w.upperBound - 1])))
                continue
            }
            guard let reading = fused ? (fits(r.text, ocr: ocr) ? r.text : nil) : fitted(r.text, ocr: ocr) else { continue }
            out.append(DigitReread(page: n, box: box, ocr: ocr, reading: reading, margin: r.margin,
                                   alternatives: alternatives(r, ocr: ocr, reading: reading) { fits($0, ocr: ocr) }))
            replaced.append((w, spread(reading, over: box, last: glyphs[w.upperBound - 1])))
            settled.insert(w.lowerBound)
        }
        // Cells of a column the shapes just read as scores, which Tesseract read as letters: read
        // again as scores. A reading of no score's form, or a weak one, leaves the words as read.
        let column = ScoreColumnWords.find(words: words(glyphs), glyphs: glyphs,
                                           scores: out.filter { isScore($0.reading) }.map(\.box),
                                           skip: settled.union(words(glyphs).filter { isASCIIScore(glyphs[$0].map(\.text).joined()) }.map(\.lowerBound)))
        for cell in column {
            let w = cell.words
            let box = glyphs[w].map(\.box).reduce(glyphs[w.lowerBound].box) { $0.union($1) }
            // Across the column's span, but not over a word beside the cell on its line (a part of
            // the cell already read: `10 ๐.๐๐`, 100.00 split in two words, the second read again).
            let before = w.lowerBound > 0 && glyphs[w.lowerBound - 1].box.y0 == box.y0 ? glyphs[w.lowerBound - 1].box.x1 : -Double.infinity
            let after = w.upperBound < glyphs.count && glyphs[w.upperBound].box.y0 == box.y0 ? glyphs[w.upperBound].box.x0 : Double.infinity
            let (x0, y0, x1, y1) = area(Box(x0: min(box.x0, max(cell.span.x0, before)), y0: box.y0,
                                            x1: max(box.x1, min(cell.span.x1, after)), y1: box.y1))
            guard x1 - x0 > 2, y1 - y0 > 2 else { continue }
            // Tesseract's words of the cell, a space between (the point's gap is read as one: `ait. ney`).
            let ocr = words(Array(glyphs[w])).map { glyphs[w][$0.lowerBound + w.lowerBound..<$0.upperBound + w.lowerBound].map(\.text).joined() }
                .joined(separator: " ")
            let score: (String) -> Bool = { isScore($0) || (pointed($0, ocr: ocr).map(isScore) ?? false) }
            let r = reader.read(gray: crop(b, x0, y0, x1, y1), width: x1 - x0, height: y1 - y0, form: score)
            guard r.margin >= columnMinMargin,
                  let reading = isScore(r.text) ? r.text : pointed(r.text, ocr: ocr).flatMap({ isScore($0) ? $0 : nil }),
                  !reading.hasPrefix("๐") || reading.unicodeScalars.firstIndex(of: ".") == reading.unicodeScalars.index(after: reading.unicodeScalars.startIndex)
            else { continue }
            out.append(DigitReread(page: n, box: box, ocr: ocr, reading: reading, margin: r.margin,
                                   alternatives: alternatives(r, ocr: ocr, reading: reading, form: isScore)))
            replaced.append((w, spread(reading, over: box, last: glyphs[w.upperBound - 1])))
        }
        var page = glyphs
        for (w, new) in replaced.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) { page.replaceSubrange(w, with: new) }
        return (page, out)
    }

    /// The weakest glyph's margin below which a column cell's reading is not taken: what Tesseract
    /// read there says nothing for the reading, so the shapes alone must be sure of every glyph.
    /// Nor is a reading whose whole part starts with ๐ and has more digits (๐๐.๐๐: no score prints
    /// so; the crop lost a digit).
    static let columnMinMargin = 0.05

    /// A reading's alternatives of `form` (with the point put back when the reading had it put back,
    /// `pointed`), the reading itself left out.
    static func alternatives(_ r: DigitReading, ocr: String, reading: String, form: (String) -> Bool) -> [String] {
        let put = reading != r.text
        var out: [String] = []
        for a in r.alternatives {
            guard let f = put ? pointed(a, ocr: ocr) : a, form(f), f != reading, !out.contains(f) else { continue }
            out.append(f)
        }
        return out
    }

    /// A grey crop of `b`: pixels x0..<x1, y0..<y1, row by row.
    static func crop(_ b: ps_bitmap, _ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int) -> [UInt8] {
        var gray = [UInt8](repeating: 255, count: (x1 - x0) * (y1 - y0))
        for y in y0..<y1 {
            let row = b.data + y * Int(b.stride)
            for x in x0..<x1 { gray[(y - y0) * (x1 - x0) + x - x0] = row[x] }
        }
        return gray
    }

    /// The reading's glyphs share the word's box, as OCRGlyphs spreads a word.
    static func spread(_ text: String, over box: Box, last: Glyph) -> [Glyph] {
        let chars = Array(text.unicodeScalars)
        let step = (box.x1 - box.x0) / Double(chars.count)
        return chars.enumerated().map { i, c in
            Glyph(text: String(c), box: Box(x0: box.x0 + Double(i) * step, y0: box.y0, x1: box.x0 + Double(i + 1) * step, y1: box.y1),
                  spaceAfter: i == chars.count - 1 ? last.spaceAfter : false, font: last.font, fontSize: last.fontSize)
        }
    }
}
