import ITAModel
import PageLayout
import ThaiCharacters
import ThaiNormalise

/// A year OCR split in two words: on tune scan v000003 the indicator table's title `ปี ๒๕๖๖` came
/// out as `ปี ๒๕ 66` (the last two Thai digits read as ASCII, with a space before them), so no
/// reader saw a year and the document lost its assessment year and every score with it; on
/// v000191 the plan's title ends `พ.ศ.๒ 569`. On an
/// OCR'd page (word spaces are Tesseract's guess there) two numbers after a year word
/// (`QuestionTableVocabulary.shortYearWords`: ปี, พ.ศ., ปีงบประมาณ) with only spaces between,
/// together four digits that make a Buddhist Era year (`BuddhistEraYear`: 2550-2600; the era
/// check comes later, in `OCRYearConfirmation`), are one year: the space is taken out and the join kept as a change
/// (`ocr_split_year`, with the text as read).
///
/// A segment that is nothing but such a split number, its two runs in two scripts, is joined too
/// (held-out scans7's v100364, now tune: the multi-year header's title cell `ปีงบประมาณ` over `๒ 566`,
/// printed with a font change inside the number; the header lost its assessment year's column).
/// One number is not printed in two scripts on purpose, and a cell holding only it is a year
/// title when a cell of a line above it within a header's title lines holds a year word (review20: a
/// count `๒ 560` in a body row is none; v100364's `ปีงบประมาณ` stands two lines over, a wrapped title between); the run of the header's years (`OCRYearRun`) and the vote's confirmation still judge it.
///
/// On a text layer the words are the PDF's, and a space between digits is printed: the year is
/// joined only when its two runs are in two scripts, Thai and ASCII digits (`พ.ศ. 2 ๕๖๗`, fresh tune
/// 1458: a font change inside the number, the fallback font printing both runs, so the layout's
/// word join, which needs two fonts or decimals, leaves them apart). One number is not printed
/// in two scripts on purpose; two numbers a space apart after a year word in one script stay
/// apart (`font_split_year`).
enum OCRSplitYear {
    static let changeKind = "ocr_split_year"
    static let scriptChangeKind = "font_split_year"

    /// The line with every split year in its segments joined; `scriptChangeOnly`: only years whose
    /// two runs are in two scripts (a text layer's line).
    /// `above`: the lines over it on its page that its title may wrap over (`scoreHeader.maximumTitleLines`
    /// less one, nearest last); a segment that is a split number alone is joined only under a cell of one
    /// of them holding a year word (its title cell's first line), never a count in a body row.
    static func join(_ line: ReadLine, yearWords: [String], scriptChangeOnly: Bool = false, above: [ReadLine] = []) -> ReadLine {
        var out = line
        for (i, seg) in line.segments.enumerated() {
            // A year word of the cell: one of two or more key scalars anywhere in it (ปีงบประมาณ, พ.ศ.), a
            // one-scalar key only at its end (ปี keys to ป, which ประเด็น or ปรับปรุง also hold).
            let titled = above.contains { a in
                a.page == line.page && a.segments.contains { t in
                    let key = CanonicalSearch.replacing(" ", with: "", in: KeyedText.keyString(t.text))
                    return HeaderColumns(boxes: [t.box]).mostOverlapped(by: seg.box) != nil
                        && yearWords.contains { $0.unicodeScalars.count >= 2 ? key.contains($0) : key.hasSuffix($0) }
                }
            }
            guard let (text, changes) = join(seg.text, yearWords: yearWords, scriptChangeOnly: scriptChangeOnly, alone: titled) else { continue }
            out.segments[i].text = text
            out.segments[i].changes += changes
        }
        return out
    }

    /// The text with its split years joined, and one change per join; nil when there is none.
    /// `alone`: whether a segment that is the split number alone may be joined (a year word above it).
    static func join(_ text: String, yearWords: [String], scriptChangeOnly: Bool = false, alone aloneAllowed: Bool = false) -> (String, [TextChange])? {
        // Cheap test first: a split year has a space between digits.
        guard text.unicodeScalars.contains(" "), text.unicodeScalars.lazy.filter({ ThaiNumber.digitValue($0) != nil }).count >= 4 else { return nil }
        let kt = KeyedText(text)
        let nums = NumberTokens.find(in: kt)
        guard nums.count >= 2 else { return nil }
        let original = Array(text.unicodeScalars)
        var scalars = original
        var changes: [TextChange] = []
        var removed = 0
        for k in 0..<(nums.count - 1) {
            let a = nums[k], b = nums[k + 1]
            guard !a.hasFraction, !b.hasFraction, (1...3).contains(a.text.count), a.text.count + b.text.count == 4,
                  BuddhistEraYear.isYear(a.text + b.text),
                  b.range.lowerBound > a.range.upperBound,
                  kt.scalars[a.range.upperBound..<b.range.lowerBound].allSatisfy({ $0 == " " }),
                  // Nothing glued after it: "๒๕ 66.5" is no year.
                  b.range.upperBound == kt.scalars.count || !(kt.scalars[b.range.upperBound] == "." || ThaiNumber.digitValue(kt.scalars[b.range.upperBound]) != nil)
            else { continue }
            // The digits meeting at the space, as printed (the key text has ASCII digits only).
            if scriptChangeOnly, ThaiScript.isThaiDigit(original[a.range.upperBound - 1].value) == ThaiScript.isThaiDigit(original[b.range.lowerBound].value) {
                continue
            }
            let before = CanonicalSearch.replacing(" ", with: "", in: kt.keyText(0..<a.range.lowerBound))
            // A segment that is the split number alone, in two scripts, is a year cell of its own:
            // a multi-year header's title cell whose year word is on the line above.
            let alone = aloneAllowed && !scriptChangeOnly && before.isEmpty && b.range.upperBound == kt.scalars.count
                && ThaiScript.isThaiDigit(original[a.range.upperBound - 1].value) != ThaiScript.isThaiDigit(original[b.range.lowerBound].value)
            guard alone || yearWords.contains(where: { before.hasSuffix($0) }) else { continue }
            let from = a.range.lowerBound - removed, gap = a.range.upperBound - removed, to = b.range.lowerBound - removed
            let printed = String(scalars: scalars[from..<(b.range.upperBound - removed)])
            scalars.removeSubrange(gap..<to)
            removed += to - gap
            changes.append(TextChange(kind: scriptChangeOnly ? scriptChangeKind : changeKind, offset: a.range.lowerBound, before: printed,
                                      after: String(scalars: scalars[from..<(b.range.upperBound - removed)])))
        }
        return changes.isEmpty ? nil : (String(scalars: scalars), changes)
    }
}
