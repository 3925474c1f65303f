import ITAModel
import ThaiNormalise

/// Reads the report-level fields (unit, place, years, headline result) from the document's prose.
/// Tables add to this later (ReportInterpreter merges a multi-year table's average/rating rows).
enum ReportFieldsReader {
    static func read(from reader: DocumentReader) -> ReportFields { readWithWarnings(from: reader).fields }

    /// The fields and the warnings reading them raised (two districts, disagreeing headline scores).
    static func readWithWarnings(from reader: DocumentReader) -> (fields: ReportFields, warnings: [Warning]) {
        if let done = reader.memo.fields { return done }
        let result = readUncached(from: reader)
        reader.memo.fields = result
        return result
    }

    private static func readUncached(from reader: DocumentReader) -> (fields: ReportFields, warnings: [Warning]) {
        let v = reader.ita
        let blocks = reader.textBlocks()
        var f = ReportFields()
        var warnings: [Warning] = []
        func prov(_ block: Int, _ pos: Int, _ via: String) -> Provenance {
            blocks[block].provenance(at: pos, in: reader, via: via)
        }

        // Unit
        let units = UnitFinder.unitMentions(blocks, v)
        if let best = UnitFinder.bestUnit(units) {
            f.unitName = Traced(best.value.name, source: prov(best.block, best.pos, "text"))
            f.unitType = Traced(best.value.type, source: prov(best.block, best.pos, "text"))
        }
        // Province, district
        let provinces = UnitFinder.provinceMentions(blocks, v)
        if let (best, _) = UnitFinder.mostFrequent(provinces, key: { $0 }) {
            f.province = Traced(best.value, source: prov(best.block, best.pos, "text"))
        }
        let districts = UnitFinder.foldPrefixes(UnitFinder.districtMentions(blocks, v, unitName: f.unitName?.value))
        if let (best, counts) = UnitFinder.mostFrequent(districts, key: { $0 }) {
            f.district = Traced(best.value, source: prov(best.block, best.pos, "text"))
            if counts.count > 1 {
                var pages: [String: [Int]] = [:]
                for d in districts where !(pages[d.value]?.contains(blocks[d.block].page) ?? false) {
                    pages[d.value, default: []].append(blocks[d.block].page)
                }
                let detail = counts.keys.sorted { counts[$0]! != counts[$1]! ? counts[$0]! > counts[$1]! : $0 < $1 }
                    .map { "\($0) (\(counts[$0]!)x, pages \(pages[$0]!.map(String.init).joined(separator: ",")))" }
                    .joined(separator: " vs ")
                warnings.append(Warning(code: .twoDistricts,
                                        message: "the report names more than one district for itself: \(detail); kept \(best.value)",
                                        page: blocks[best.block].page))
            }
        }

        // Years
        let pages = reader.pageBlocks()
        let years = YearVote.read(reader: reader, pages: pages)
        f.assessmentYear = years.assessment
        f.planYear = years.plan
        warnings += years.warnings
        let year = f.assessmentYear?.value

        let cues = v.cues
        // Headline values may sit in a "label | value" table row: read whole lines too.
        let lineBlocks = reader.textBlocks(wholeLines: true)
        func lprov(_ block: Int, _ pos: Int, _ via: String) -> Provenance {
            lineBlocks[block].provenance(at: pos, in: reader, via: via)
        }
        // The year printed before a headline value says whose value it is; the plan's year (a
        // title "มาตรการ ... ประจำปีงบประมาณ พ.ศ. 2568" above the results) says nothing about it.
        let plan = f.planYear?.value
        func own<T>(_ c: HeadlineFinder.Candidate<T>) -> HeadlineFinder.Candidate<T> {
            var c = c
            if let y = c.year, y == plan, y != year { c.year = nil }
            return c
        }
        // Overall and previous score
        for c in HeadlineFinder.scores(lineBlocks, cues, reader.settings).map(own) {
            if c.year == nil || c.year == year {
                if let have = f.overallScore {
                    if Double(have.value) != Double(c.value) {
                        warnings.append(Warning(code: .overallScoreDisagrees,
                                                message: "overall score printed as \(have.value) (page \(have.source?.page ?? 0)) and as \(c.value) (page \(lineBlocks[c.block].page)); kept \(have.value)",
                                                page: lineBlocks[c.block].page))
                    }
                } else {
                    f.overallScore = Traced(c.value, source: lprov(c.block, c.pos, "text"))
                }
            } else if let y = c.year, let a = year, y < a, f.previousScore == nil {
                f.previousScore = Traced(c.value, source: lprov(c.block, c.pos, "text"))
            }
        }
        // Rating: prefer one in the same block as the overall score.
        // A rating word ending its line is read whatever the next line opens with when the sentence
        // ends there (`SentenceEnd`).
        let endsSentence = { (b: Int, k: Int) in SentenceEnd.after(line: k, of: lineBlocks[b], reader) }
        let ratings = HeadlineFinder.ratings(lineBlocks, cues, reader.settings, endsSentence: endsSentence).map(own).filter { $0.year == nil || $0.year == year }
        let scoreBlock = f.overallScore.flatMap { s in lineBlocks.firstIndex { $0.page == s.source?.page && $0.keyed.contains(s.value) } }
        let near = ratings.first { r in scoreBlock.map { Double(abs(lineBlocks[r.block].firstLine - lineBlocks[$0].firstLine)) <= reader.settings.ratingNearScoreLines } ?? false }
        if var r = near ?? ratings.first {
            // On an OCR'd page a rating ending its line may be the start of a longer one whose rest OCR
            // lost past the break (ผ่านดี | `a` | `เยยม` for ผ่านดีเยี่ยม): when the document prints that longer
            // rating elsewhere, the longer is the one printed.
            // The witness must be the headline's own: on a line naming one rating (a multi-year row's first may
            // be an earlier year's), within `ratingNearScoreLines` of a line printing the overall score (a plan's
            // target "ยกระดับให้อยู่ในระดับผ่านดีเยี่ยม" is not), and the score's band must admit it.
            let overall = f.overallScore?.value
            func headline(_ c: HeadlineFinder.Candidate<Rating>) -> Bool {
                guard let overall, let score = Double(overall), let y = year, let bands = reader.ita.bands[y],
                      CrossChecks.allowedRatings(score: score, tools: nil, bands: bands, slack: reader.settings.ratingBandSlack).contains(c.value.rawValue)
                else { return false }
                let b = lineBlocks[c.block]
                return ratingWords(in: b) == 1 && lineBlocks.contains {
                    $0.page == b.page && $0.keyed.contains(overall) && Double(abs($0.firstLine - b.firstLine)) <= reader.settings.ratingNearScoreLines
                }
            }
            let longers = ratings.filter { $0.value != r.value && $0.value.rawValue.hasPrefix(r.value.rawValue) && headline($0) }
            if let longer = longers.first, longers.allSatisfy({ $0.value == longer.value }),
               ratingEndsOCRdLine(r, lineBlocks[r.block], reader) {
                let page = lineBlocks[r.block].page, other = lineBlocks[longer.block].page
                warnings.append(Warning(code: .ratingDisagrees,
                                        message: "rating read as \(r.value.rawValue) ending an OCR'd line (page \(page)) and as \(longer.value.rawValue) (page \(other)): the shorter is the start of the longer, its rest lost past the line's end; kept \(longer.value.rawValue)",
                                        page: page))
                r = longer
            }
            f.rating = Traced(r.value.rawValue, source: lineBlocks[r.block].provenance(at: r.pos, through: r.end, in: reader, via: "text"))
        } else {
            // No page gave one: a rating the page break parted from its cue (`PageBreakSentence`:
            // a whole rating phrase ends the page's text, the rating word opens the next page's);
            // the provenance lists both lines.
            let carried = PageBreakSentence.ratings(reader, cues).filter { c in
                let y = (c.year == plan && c.year != year) ? nil : c.year
                return y == nil || y == year
            }
            if let r = carried.first {
                f.rating = Traced(r.rating.rawValue, source: r.block.provenance(at: r.pos, through: r.end, in: reader, via: "text"))
            }
        }
        if let r = HeadlineFinder.ranks(lineBlocks, cues, reader.settings).map(own).first(where: { $0.year == nil || $0.year == year }) {
            f.rank = Traced(r.value, source: lprov(r.block, r.pos, "text"))
        }
        return (f, warnings)
    }

    /// True when `r` stands on a page read by OCR and nothing but spaces follows it on its line
    /// (`end` is approximate, from the key's positions: what lies between it and the line's end may be
    /// the word's own last letters).
    private static func ratingEndsOCRdLine(_ r: HeadlineFinder.Candidate<Rating>, _ block: TextBlock, _ reader: DocumentReader) -> Bool {
        guard reader.layout.pages.contains(where: { $0.page == block.page && $0.recognised }), let end = r.end else { return false }
        let scalars = block.keyed.scalars
        let lineEnd = block.lineStarts.first { $0 > end } ?? scalars.count
        guard end <= lineEnd else { return false }
        let rest = scalars[end..<lineEnd].filter { !$0.properties.isWhitespace }
        return Array(r.value.rawValue.unicodeScalars).suffix(rest.count).elementsEqual(rest)
    }

    /// How many rating words a block names (longest first, so ผ่านดีเยี่ยม is one, not three).
    private static func ratingWords(in block: TextBlock) -> Int {
        var key = String(String.UnicodeScalarView(block.keyed.key))
        var count = 0
        for (_, rating) in HeadlineFinder.ratingKeys {
            let parts = key.components(separatedBy: rating)
            count += parts.count - 1
            key = parts.joined(separator: " ")
        }
        return count
    }
}
