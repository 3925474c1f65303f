import Foundation
import ITAModel
import PageLayout
import ThaiCharacters
import ThaiNormalise

/// Indicator scores stated in sentences: "ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่ ของ... ได้ ๙๙.๕๒ คะแนน".
/// The score is the first score after the indicator's mention, before the next indicator mention,
/// introduced by a score cue ("ได้", "คะแนน" ...). Year: the year printed before the mention in the
/// same paragraph that is not a plan's year (`YearFinder.classify`: an earlier year of the window
/// may then be taken), else the assessment year.
enum ProseIndicators {
    static func find(_ reader: DocumentReader, assessment: Int?) -> [IndicatorReader.Printing] {
        let cues = reader.ita.cues
        var out: [IndicatorReader.Printing] = []
        let scoreCues = cues.proseIndicatorScoreCues.map { KeyedText.keyString($0) }
        let indicatorKey = KeyedText.phraseKey(cues.indicatorWord)
        func read(_ block: TextBlock) {
            let kt = block.keyed
            let mentions = kt.occurrences(ofKey: indicatorKey)
            guard !mentions.isEmpty else { return }
            let numbers = NumberTokens.find(in: kt)
            for (m, r) in mentions.enumerated() {
                guard let nTok = numbers.first(where: { $0.range.lowerBound >= r.upperBound }),
                      kt.keyText(r.upperBound..<nTok.range.lowerBound).isEmpty,
                      let number = Int(nTok.text), reader.ita.indicatorNumbers.contains(number) else { continue }
                let limit = m + 1 < mentions.count ? mentions[m + 1].lowerBound : kt.scalars.count
                // A score has decimals, or is a whole number given as points ("๑๐๐ คะแนน").
                let pointsKey = KeyedText.keyString(cues.pointsWord)
                guard let s = numbers.first(where: { t in
                    t.range.lowerBound > nTok.range.upperBound && t.range.upperBound <= limit && t.isScore && !t.isYear
                        && (t.hasFraction || kt.keyText(t.range.upperBound..<min(kt.scalars.count, t.range.upperBound + Int(reader.settings.prosePointsWordWindow))).hasPrefix(pointsKey))
                }) else { continue }
                let gap = kt.keyText(nTok.range.upperBound..<s.range.lowerBound)
                guard gap.unicodeScalars.count <= cues.proseIndicatorMaxDistance else { continue }
                let before = String(gap.unicodeScalars.suffix(Int(reader.settings.proseScoreCueKeyCharacters)))
                let after = kt.keyText(s.range.upperBound..<min(kt.scalars.count, s.range.upperBound + Int(reader.settings.prosePointsAfterWindow)))
                guard scoreCues.contains(where: { before.hasSuffix($0) || before.contains($0) }) || after.hasPrefix(pointsKey) else { continue }
                // The printed name: the vocabulary spelling the text right after the number starts with.
                let name = printedName(kt, from: nTok.range.upperBound, number: number, reader.ita, window: Int(reader.settings.proseNameWindow))
                // A plan's year is no result's year: a plan title just above the first mention
                // (`มาตรการ...ภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ.๒๕๖๙`, run into one block with the
                // indicator lines) filed indicator 1 under 2569 (fresh tune 2992).
                var year = assessment
                if let y = YearFinder.yearBefore(r.lowerBound, among: numbers, maxScalars: Int(reader.settings.proseYearWindow),
                                                 taking: { YearFinder.classify($0.range, in: kt, cues: cues, reader.settings) != .plan }) {
                    year = Int(y.value)
                }
                out.append(IndicatorReader.Printing(year: year, number: number, name: name, score: s.text,
                                                    source: block.provenance(at: s.range.lowerBound, in: reader, via: "text"),
                                                    priority: 4, order: 0))
            }
        }
        for block in reader.textBlocks() { read(block) }
        // Table cells as paragraphs too (a measures table repeats the analysis sentences), each read
        // as it is made: a long document's cells are never all held at once.
        for table in reader.tables {
            for row in table.rows {
                for cell in row.cells {
                    let text = reader.normalised.cell(cell).text
                    // An indicator's number and score are digits: a cell with none is read for nothing.
                    guard text.unicodeScalars.contains(where: { ThaiScript.isDigit($0.value) }) else { continue }
                    guard let li = reader.firstLine(onPage: table.page, where: { $0.box.sharesRow(with: cell.box) }) else { continue }
                    read(TextBlock(text: text, keyed: KeyedText(text), page: table.page, lineIndexes: [li], lineStarts: [0], segmentIndex: nil))
                }
            }
        }
        return out
    }

    static func printedName(_ kt: KeyedText, from pos: Int, number: Int, _ v: ITAVocabulary, window: Int) -> String? {
        guard let ind = v.indicators.first(where: { $0.number == number }) else { return nil }
        let restKey = kt.keyText(pos..<min(kt.scalars.count, pos + window))
        for n in ind.names.sorted(by: { $0.count > $1.count }) {
            let k = KeyedText.keyString(n)
            if restKey.hasPrefix(k) || restKey.hasPrefix("." + k) {
                // Map the key length back to original scalars.
                var count = 0, i = pos
                let target = k.unicodeScalars.count + (restKey.hasPrefix(".") ? 1 : 0)
                while i < kt.scalars.count, count < target {
                    if let idx = kt.map.firstIndex(of: i) { _ = idx; count += 1 }
                    i += 1
                }
                // include trailing marks
                while i < kt.scalars.count, ThaiMark.isCombining(kt.scalars[i]) { i += 1 }
                return kt.text(pos..<i).trimmingCharacters(in: .init(charactersIn: " .\t"))
            }
        }
        return nil
    }
}
