import ITAModel
import ThaiCharacters

/// A Buddhist Era year as the reports print it: four digits (Thai, ASCII or a mix) naming a year
/// of the ITA era. One definition for every stage that asks: the wrap join (a year a narrow cell
/// broke over two lines, `พ.ศ.๒๕๖` over `๘)`), the readers' year finder (`NumberToken.isYear`) and the
/// join of a year OCR split in two words (`OCRSplitYear`, `ปี ๒๕ 66`).
public enum BuddhistEraYear {
    /// The years a report names as its own, its plan's or an earlier assessment's: ITA began in
    /// 2556 (2013), plans and comparisons reach a few years back, and 2600 is past any report. A
    /// four-digit number outside is a count, an amount or a code, not a year.
    public static let years = 2550...2600

    /// Any year of the era as printed, 25xx: the wrap join mends a year broken by a narrow cell
    /// whatever it names, and the years a plan cell quotes include laws' (พ.ร.บ.ข้อมูลข่าวสาร
    /// ๒๕๔๐, พ.ร.ฎ. ๒๕๔๖), which `years` leaves out because they are never a report's own.
    public static let printedYears = 2500...2599

    /// Whether `digits` are exactly four that make a year of `printedYears`.
    public static func isPrintedYear<D: Collection>(digits: D) -> Bool where D.Element == Int {
        guard digits.count == 4 else { return false }
        return printedYears.contains(digits.reduce(0) { $0 * 10 + $1 })
    }

    /// Whether `digits` (each 0-9, most significant first) are exactly four that make a year of
    /// `years`.
    public static func isYear<D: Collection>(digits: D) -> Bool where D.Element == Int {
        guard digits.count == 4 else { return false }
        return years.contains(digits.reduce(0) { $0 * 10 + $1 })
    }

    /// Whether `text` is exactly four digits (Thai or ASCII, nothing else) that make a year of `years`.
    public static func isYear(_ text: String) -> Bool {
        var digits: [Int] = []
        for u in text.unicodeScalars {
            guard let d = ThaiNumber.digitValue(u), digits.count < 4 else { return false }
            digits.append(d)
        }
        return isYear(digits: digits)
    }
}
