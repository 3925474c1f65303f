/// A Buddhist Era year as the reports print it: four digits (Thai, ASCII or a mix) naming a year
/// of the ITA era. One definition for every stage that asks: the wrap join (a year a narrow cell
/// broke over two lines, `พ.ศ.๒๕๖` over `๘)`), the readers' year finder (`NumberToken.isYear`), the
/// join of a year OCR split in two words (`OCRSplitYear`, `ปี ๒๕ 66`), a plan header's year cell
/// (`MeasureHeaderBand.isYearOnly`) and the shape reader's year (`DigitRereader.isYear`). It lives
/// in ThaiCharacters, below both PageOCR and ThaiNormalise, so that each can ask it.
public enum BuddhistEraYear {
    /// The years a report names as its own, its plan's or an earlier assessment's: ITA began in
    /// 2556 (2013), plans and comparisons reach a few years back, and 2600 is past any report. A
    /// four-digit number outside is a count, an amount or a code, not a year.
    public static let years = 2550...2600

    /// Any year of the era as printed, 25xx: the wrap join mends a year broken by a narrow cell
    /// whatever it names, and the years a plan cell quotes include laws' (พ.ร.บ.ข้อมูลข่าวสาร
    /// ๒๕๔๐, พ.ร.ฎ. ๒๕๔๖), which `years` leaves out because they are never a report's own.
    public static let printedYears = 2500...2599

    /// The years a reading of Thai digits by shape (`DigitRereader`, OCR'd pages only) may make:
    /// `printedYears` from the oldest law a report quotes (พ.ร.บ.ข้อมูลข่าวสาร ๒๕๔๐) on. A shape
    /// reading replaces what Tesseract read, so it is held tighter than a printed year: a tens
    /// digit misread by shape (๖ as ๐ or ๑: `๒๕๐๗`, `๒๕๑๗`) would otherwise pass for a year. Kept
    /// at its value before it was named (2540); `--no-ocr` runs do not reach it, so widening it to
    /// `printedYears` needs an OCR comparison first.
    public static let shapeReadYears = 2540...2599

    /// Whether `digits` (each 0-9, most significant first) are exactly four that make a year of `range`.
    public static func isYear<D: Collection>(digits: D, in range: ClosedRange<Int>) -> Bool where D.Element == Int {
        guard digits.count == 4 else { return false }
        return range.contains(digits.reduce(0) { $0 * 10 + $1 })
    }

    /// Whether `digits` are exactly four that make a year of `printedYears`.
    public static func isPrintedYear<D: Collection>(digits: D) -> Bool where D.Element == Int {
        isYear(digits: digits, in: printedYears)
    }

    /// Whether `digits` (each 0-9, most significant first) are exactly four that make a year of
    /// `years`.
    public static func isYear<D: Collection>(digits: D) -> Bool where D.Element == Int {
        isYear(digits: digits, in: years)
    }

    /// The digits of `text` when it is four digits and nothing else (Thai or ASCII, in any mix,
    /// `thaiOnly`: Thai digits only); nil otherwise.
    static func fourDigits(_ text: String, thaiOnly: Bool = false) -> [Int]? {
        var digits: [Int] = []
        for u in text.unicodeScalars {
            guard digits.count < 4, !thaiOnly || ThaiScript.isThaiDigit(u.value), let d = ThaiScript.digitValue(u) else { return nil }
            digits.append(d)
        }
        return digits.count == 4 ? digits : nil
    }

    /// Whether `text` is exactly four digits (Thai or ASCII, nothing else) that make a year of `years`.
    public static func isYear(_ text: String) -> Bool {
        fourDigits(text).map { isYear(digits: $0) } ?? false
    }

    /// Whether `text` is exactly four digits (Thai or ASCII, nothing else) that make a year of `range`.
    public static func isYear(_ text: String, in range: ClosedRange<Int>) -> Bool {
        fourDigits(text).map { isYear(digits: $0, in: range) } ?? false
    }

    /// Whether `text` is exactly four Thai digits that make a year of `range` (a shape reading is
    /// in Thai digits: `DigitRereader`).
    public static func isThaiDigitYear(_ text: String, in range: ClosedRange<Int>) -> Bool {
        fourDigits(text, thaiOnly: true).map { isYear(digits: $0, in: range) } ?? false
    }
}
