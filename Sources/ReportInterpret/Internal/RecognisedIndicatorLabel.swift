import Foundation
import ITAModel
import ThaiCharacters

/// The indicator an OCR'd row's name cell names, when its number cell was misread. Tesseract reads
/// a lone Thai digit badly (๔ → ๕, ๗ → "ol", ๘ → ๕, ๙ → ๓ on the tune scans), so "N | score | name"
/// rows whose number and name disagree were dropped although the name, a dozen letters, was read
/// right. On OCR'd pages only, a name that matches one indicator's name closely, and no other
/// nearly as well, names the row; the number cell must then be no more than a misread digit (a
/// question code, "o52", is longer and stays a question row). Text layers keep the strict rule
/// (number and name agree): there a disagreement is the document's, not OCR's.
enum RecognisedIndicatorLabel {
    /// (number, printed name) from the name cell of `cells` (the row's label cells, scores taken out).
    /// `blankCells`: the row's table cells that OCR found nothing in. Tesseract often reads no word at
    /// all in a cell holding one lone digit (tune seeds 131 and 156: the number column of an OCR'd
    /// indicator table came out blank on whole pages), so a blank cell of the row stands for its
    /// number cell. A row printed with no number column at all (a chart's legend, a summary: "name |
    /// score") has no blank cell and is still not taken.
    /// `settings`: how close a name must match and how long it and the number may be
    /// (`InterpretSettings.recognisedName...`).
    static func label(_ cells: [CellRow.Cell], _ v: ITAVocabulary, _ settings: InterpretSettings, blankCells: Int = 0) -> (Int, String)? {
        let maximumNumberCharacters = Int(settings.recognisedNumberMaxCharacters)
        var name: CellRow.Cell?
        var numberCells = 0
        var statedTool: Tool?
        for c in cells {
            let k = KeyedText.keyString(c.text)
            if k.isEmpty { continue }
            // A tool cell ("IIT") beside the name says nothing against it, if it names the same tool.
            if let t = IndicatorRows.toolCell(c.text) { statedTool = t; continue }
            // A tool column's cell whose tool OCR garbled ("... ภายใน (IT)"): it begins as tool
            // names do (`toolCellStarts`), so it is the tool's cell, not a second name.
            if IndicatorRows.isToolCell(c.text, v.cues) { continue }
            if k.unicodeScalars.count <= maximumNumberCharacters {
                // A question code ("i3", "o9") is as short as a misread digit: that row is a question's.
                if isQuestionCode(k, v.codeLetters) { return nil }
                numberCells += 1
                continue
            }
            guard name == nil else { return nil }  // two wordy cells: not an indicator row
            name = c
        }
        guard let name, numberCells <= 1 else { return nil }
        var text = name.text.trimmingCharacters(in: .whitespaces)
        // The number run into the name cell ("๕. การใช้ทรัพย์สินของราชการ", "ol การใช้..."): a first
        // word of a misread digit's length, with no Thai letter in it, is that number.
        var runIn = false
        if let space = text.firstIndex(of: " ") {
            var first = text[..<space]
            if first.hasSuffix(".") { first = first.dropLast() }
            if !first.isEmpty, first.unicodeScalars.count <= maximumNumberCharacters,
               !first.unicodeScalars.contains(where: isThaiLetter) {
                if isQuestionCode(String(first), v.codeLetters) { return nil }
                text = text[text.index(after: space)...].trimmingCharacters(in: .whitespaces)
                runIn = true
            }
        }
        // An indicator row prints its number: a name with a score and nothing else (a chart's
        // legend, another year's summary) is not taken for one.
        // A blank cell beside it is a number OCR did not read (see `blankCells`).
        guard numberCells + (runIn ? 1 : 0) == 1 || (numberCells == 0 && !runIn && blankCells >= 1) else { return nil }
        // The name cell alone: digits in it are a number run into the name, which the strict rule reads.
        guard !text.unicodeScalars.contains(where: IndicatorRows.isDigit),
              let (number, similarity, runnerUp) = v.indicatorMatchingWithRunnerUp(name: text, settings),
              similarity >= settings.recognisedNameMinSimilarity, runnerUp <= settings.recognisedNameMaxRunnerUp else { return nil }
        if let statedTool, v.tool(ofIndicator: number) != statedTool { return nil }
        return (number, text)
    }

    /// "i3", "E7", "o๙": a question code's letter and one digit.
    static func isQuestionCode(_ s: String, _ letters: QuestionCodeLetters) -> Bool {
        let u = Array(s.unicodeScalars)
        guard u.count == 2, letters.tool(forLetter: u[0]) != nil else { return false }
        return IndicatorRows.isDigit(u[1])
    }

    /// A Thai letter, vowel, mark or sign (the Thai block before its digits: `ThaiScript.isThaiLetterOrSign`).
    static func isThaiLetter(_ u: Unicode.Scalar) -> Bool { ThaiScript.isThaiLetterOrSign(u.value) }
}

extension ITAVocabulary {
    /// The indicator whose name `name` matches best, the similarity, and the best similarity of any
    /// other indicator. A text much longer than the name it matches (a question that begins with
    /// an indicator's words, given the prefix bonus) matches nothing (`InterpretSettings.recognisedNameMaxLengthRatio`,
    /// `recognisedNameMinLengthRatio`).
    func indicatorMatchingWithRunnerUp(name: String, _ settings: InterpretSettings) -> (number: Int, similarity: Double, runnerUp: Double)? {
        let k = Array(KeyedText(name).key)
        guard k.count >= 3 else { return nil }
        var best: [Int: (similarity: Double, length: Int)] = [:]
        let grams = ITAVocabulary.bigrams(k)
        for (i, (number, key)) in nameKeys.enumerated() {
            let s = ITAVocabulary.similarity(k, key, settings, grams: (grams, nameGrams[i]))
            if s > best[number]?.similarity ?? -1 { best[number] = (s, key.count) }
        }
        let ranked = best.sorted { ($0.value.similarity, -$0.key) > ($1.value.similarity, -$1.key) }
        guard let top = ranked.first, Double(k.count) <= settings.recognisedNameMaxLengthRatio * Double(top.value.length),
              Double(k.count) >= settings.recognisedNameMinLengthRatio * Double(top.value.length) else { return nil }
        return (top.key, top.value.similarity, ranked.dropFirst().first?.value.similarity ?? 0)
    }
}
