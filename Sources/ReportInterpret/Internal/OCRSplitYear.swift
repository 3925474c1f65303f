import ITAModel
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
enum OCRSplitYear {
    static let changeKind = "ocr_split_year"

    /// The line with every split year in its segments joined.
    static func join(_ line: ReadLine, yearWords: [String]) -> ReadLine {
        var out = line
        for (i, seg) in line.segments.enumerated() {
            guard let (text, changes) = join(seg.text, yearWords: yearWords) else { continue }
            out.segments[i].text = text
            out.segments[i].changes += changes
        }
        return out
    }

    /// The text with its split years joined, and one change per join; nil when there is none.
    static func join(_ text: String, yearWords: [String]) -> (String, [TextChange])? {
        // Cheap test first: a split year has a space between digits.
        guard text.unicodeScalars.contains(" "), text.unicodeScalars.lazy.filter({ ThaiNumber.digitValue($0) != nil }).count >= 4 else { return nil }
        let kt = KeyedText(text)
        let nums = NumberTokens.find(in: kt)
        guard nums.count >= 2 else { return nil }
        var scalars = Array(text.unicodeScalars)
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
            let before = CanonicalSearch.replacing(" ", with: "", in: kt.keyText(0..<a.range.lowerBound))
            guard yearWords.contains(where: { before.hasSuffix($0) }) else { continue }
            let from = a.range.lowerBound - removed, gap = a.range.upperBound - removed, to = b.range.lowerBound - removed
            let printed = String(scalars: scalars[from..<(b.range.upperBound - removed)])
            scalars.removeSubrange(gap..<to)
            removed += to - gap
            changes.append(TextChange(kind: changeKind, offset: a.range.lowerBound, before: printed,
                                      after: String(scalars: scalars[from..<(b.range.upperBound - removed)])))
        }
        return changes.isEmpty ? nil : (String(scalars: scalars), changes)
    }
}
