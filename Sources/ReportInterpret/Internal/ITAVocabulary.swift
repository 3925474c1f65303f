import Foundation
import ITAModel

/// The ITA data files of Mappings/ita/ (indicator names, unit types, report cue words, rating
/// bands, tool weights, question catalogues, provinces), loaded and checked once per run. Shared by
/// both interpret parts: `catalogue(year)` maps a question code to its indicator and tool.
struct ITAVocabulary {
    struct Indicator: Decodable { var number: Int; var tool: Tool; var names: [String] }
    struct UnitTypeEntry: Decodable { var type: String; var prefixes: [String] }
    struct WholeUnit: Decodable { var type: String; var name: String }
    struct UnitTypes: Decodable {
        var types: [UnitTypeEntry]; var whole: [WholeUnit]; var nameStops: [String]; var genericNames: [String]
    }
    struct Cues: Decodable {
        var overallScoreCues: [String]; var scoreCueMaxDistance: Int; var thresholdAfter: [String]
        var ratingCues: [String]; var ratingMaxDistance: Int
        /// The rating cues that are a whole phrase (`ratingCues` entries, never the bare ระดับ), and the
        /// words that may stand between such a cue and its rating ("อยู่ที่", "คือ"): a rating the
        /// page break parted from its cue is read only after one of these (`PageBreakSentence`).
        var ratingSentenceCues: [String]; var ratingCueFollowers: [String]
        var rankCue: String; var rankFollowers: [String]
        var previousYearCues: [String]; var assessmentYearCues: [String]; var planYearCues: [String]
        var yearCueWindow: Int
        var districtPrefixes: [String]; var provincePrefixes: [String]
        /// The name a province's capital district starts with ("เมือง", as in "เมืองนครราชสีมา"): never a
        /// district's whole name, so a district printed as only this word goes on at the next line.
        var capitalDistrictWord: String
        var tableAverageRows: [String]; var tableRatingRows: [String]
        var indicatorWord: String; var indicatorShortWord: String
        var proseIndicatorScoreCues: [String]; var proseIndicatorMaxDistance: Int
        /// How a tool column's cell begins ("แบบวัด"): a tool cell even when a page break cut off its "(IIT)".
        var toolCellStarts: [String]
        var yearColumnWords: [String]
        /// Words that, right after a rating word, show it is not one ("ผ่านมา", "ผ่านเกณฑ์").
        var notRatingAfter: [String]
        /// The unit of scores ("คะแนน").
        var pointsWord: String
        /// What a cell holding one score may print around it ("**93.57**"), one character an entry.
        var scoreDecoration: [String]
        /// Marks OCR reads from specks beside a number in a scanned score cell ("96.68 ."), one
        /// character an entry: a word of these alone in an OCR'd score cell is passed over.
        var ocrScoreSpecks: [String]
        /// A contents page's heading (สารบัญ) and its dotted leaders' characters, one an entry
        /// (`ContentsList`: page numbers listed beside the indicators are not scores).
        var contentsHeadings: [String]; var contentsLeaders: [String]
    }
    struct Band: Decodable { var rating: String; var min: Double; var max: Double; var toolMin: Double? }
    struct Weights { var iit: Double; var eit: Double; var oit: Double; var tolerance: Double }
    /// One catalogue row: a question code's tool, indicator and (OIT) sub-indicator.
    struct QuestionInfo { var code: String; var tool: Tool; var indicator: Int; var subindicator: String?; var name: String }

    var indicators: [Indicator]
    /// The indicator numbers of each tool, as indicators.json assigns them (the only place that says).
    var indicatorsOfTool: [Tool: [Int]]
    /// The indicator numbers there are (indicators.json's, which run 1, 2, 3... once each).
    var indicatorNumbers: ClosedRange<Int> { 1...indicators.count }
    var unitTypes: UnitTypes
    var cues: Cues { didSet { rowCueKeys = RowCueKeys(cues) } }
    /// The cues `IndicatorRows` reads rows with, keyed once (see `RowCueKeys`).
    private(set) var rowCueKeys: RowCueKeys
    /// `cues.scoreDecoration` as scalars (`NumberTokens.wholeScore`).
    var scoreDecoration: Set<Unicode.Scalar>
    /// `cues.ocrScoreSpecks` as scalars (`IndicatorRows.scoreCells`).
    var ocrScoreSpecks: Set<Unicode.Scalar>
    /// `cues.contentsLeaders` as scalars (`ContentsList`).
    var contentsLeaders: Set<Unicode.Scalar>
    var bands: [Int: [Band]] = [:]
    /// Years whose rating tool condition the ten indicators cannot show (only the range is checked).
    var toolConditionUnknown: Set<Int>
    var weights: [Int: Weights] = [:]
    var questionMeanTools: Set<Tool>
    var questionMeanTolerance: Double
    /// The only scores one question of a tool can have (tool-weights.json `itemScores`: OIT items
    /// score 0 or 100); a tool not listed has none.
    var itemScores: [Tool: [Double]] = [:]
    private(set) var catalogues: [Int: [String: QuestionInfo]] = [:]
    /// Each framework that lists questions: its codes and how many (catalogue year → codes), made
    /// once at load; every document's framework fitting and section sizes read them.
    private(set) var frameworkCodes: [Int: Set<String>] = [:]
    /// The frameworks (catalogue years) a report of each year may follow
    /// (ita/question-frameworks.json); a year not listed may follow any.
    var frameworksOfYear: [Int: [Int]] = [:]
    var provinces: [String]
    /// The indicator names' keys, made once at load.
    let nameKeys: [(Int, [Unicode.Scalar])]
    /// Each name key's bigram counts (`bigrams`), in `nameKeys`' order: a label is matched against
    /// every name, and counting a name's bigrams anew for each label was most of that work.
    let nameGrams: [[UInt64: Int]]
    /// Indicator-name matches already made: one memo per document (`forOneDocument`), since the
    /// loaded vocabulary is shared by all document tasks.
    private(set) var matchMemo = IndicatorMatchMemo()
    /// The question codes' letters (`QuestionCodeLetters`): read here, once per run, and handed
    /// to the other vocabularies by `ITAMappings`.
    let codeLetters: QuestionCodeLetters

    /// Loads Mappings/ita/ under `mappings`; any missing file, missing key, wrong type, empty list
    /// or malformed catalogue row throws a `MappingsError` naming the file and key.
    init(mappings: URL) throws {
        struct IndicatorFile: Decodable { var indicators: [Indicator] }
        indicators = try MappingsFile.json(IndicatorFile.self, "ita/indicators.json", in: mappings).indicators
        codeLetters = try QuestionCodeLetters.load(mappings: mappings)
        let numbers = indicators.map(\.number).sorted()
        guard numbers == Array(1...numbers.count) else {
            throw MappingsError(file: "ita/indicators.json", key: "indicators", problem: "numbers must run 1, 2, 3... once each (found \(numbers))")
        }
        guard Set(indicators.map(\.tool)) == Set(Tool.allCases) else {
            throw MappingsError(file: "ita/indicators.json", key: "indicators", problem: "every tool needs at least one indicator")
        }
        var byTool: [Tool: [Int]] = [:]
        for ind in indicators { byTool[ind.tool, default: []].append(ind.number) }
        indicatorsOfTool = byTool.mapValues { $0.sorted() }
        unitTypes = try MappingsFile.json(UnitTypes.self, "ita/unit-types.json", in: mappings)
        cues = try MappingsFile.json(Cues.self, "ita/report-cues.json", in: mappings)
        rowCueKeys = RowCueKeys(cues)
        scoreDecoration = try MappingsFile.characters(cues.scoreDecoration, file: "ita/report-cues.json", key: "scoreDecoration")
        ocrScoreSpecks = try MappingsFile.characters(cues.ocrScoreSpecks, file: "ita/report-cues.json", key: "ocrScoreSpecks")
        contentsLeaders = try MappingsFile.characters(cues.contentsLeaders, file: "ita/report-cues.json", key: "contentsLeaders")
        for (i, cue) in cues.ratingSentenceCues.enumerated() where !cues.ratingCues.contains(cue) {
            throw MappingsError(file: "ita/report-cues.json", key: "ratingSentenceCues[\(i)]", problem: "'\(cue)' is not one of ratingCues")
        }
        struct BandFile: Decodable { var years: [String: [Band]]; var toolConditionUnknown: [Int] }
        let bandFile = try MappingsFile.json(BandFile.self, "ita/score-bands.json", in: mappings)
        for (y, b) in bandFile.years {
            guard let yi = Int(y) else { throw MappingsError(file: "ita/score-bands.json", key: "years.\(y)", problem: "not a year") }
            bands[yi] = b
        }
        toolConditionUnknown = Set(bandFile.toolConditionUnknown)
        struct YearWeights: Decodable { var IIT: Double; var EIT: Double; var OIT: Double; var tolerance: Double }
        struct MeanTools: Decodable { var tools: [String]; var tolerance: Double }
        struct ItemScores: Decodable { var tools: [String: [Double]] }
        struct WeightFile: Decodable { var years: [String: YearWeights]; var questionMeanTools: MeanTools; var itemScores: ItemScores }
        let weightFile = try MappingsFile.json(WeightFile.self, "ita/tool-weights.json", in: mappings)
        for (y, w) in weightFile.years {
            guard let yi = Int(y) else { throw MappingsError(file: "ita/tool-weights.json", key: "years.\(y)", problem: "not a year") }
            weights[yi] = Weights(iit: w.IIT, eit: w.EIT, oit: w.OIT, tolerance: w.tolerance)
        }
        questionMeanTools = Set(try weightFile.questionMeanTools.tools.enumerated().map { i, t in
            guard let tool = Tool(rawValue: t) else {
                throw MappingsError(file: "ita/tool-weights.json", key: "questionMeanTools.tools[\(i)]", problem: "'\(t)' is not a tool")
            }
            return tool
        })
        questionMeanTolerance = weightFile.questionMeanTools.tolerance
        for (t, values) in weightFile.itemScores.tools {
            let key = "itemScores.tools.\(t)"
            guard let tool = Tool(rawValue: t) else { throw MappingsError(file: "ita/tool-weights.json", key: key, problem: "'\(t)' is not a tool") }
            guard !values.isEmpty, values.allSatisfy({ (0...100).contains($0) }) else {
                throw MappingsError(file: "ita/tool-weights.json", key: key, problem: "scores must lie within 0-100")
            }
            itemScores[tool] = values
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: mappings.appendingPathComponent("ita").path)) ?? []
        for name in names.sorted() where name.hasPrefix("questions-") && name.hasSuffix(".tsv") {
            let y = name.dropFirst("questions-".count).dropLast(".tsv".count)
            let file = "ita/\(name)"
            guard let year = Int(y) else { throw MappingsError(file: file, problem: "file name must be questions-YYYY.tsv") }
            catalogues[year] = try Self.catalogue(file, in: mappings)
        }
        frameworkCodes = catalogues.filter { !$0.value.isEmpty }.mapValues { Set($0.keys) }
        struct FrameworkFile: Decodable { var years: [String: [Int]] }
        let frameworkFile = try MappingsFile.json(FrameworkFile.self, "ita/question-frameworks.json", in: mappings)
        for (y, list) in frameworkFile.years {
            let key = "years.\(y)"
            guard let yi = Int(y) else { throw MappingsError(file: "ita/question-frameworks.json", key: key, problem: "not a year") }
            guard !list.isEmpty else { throw MappingsError(file: "ita/question-frameworks.json", key: key, problem: "empty list") }
            for f in list where catalogues[f] == nil {
                throw MappingsError(file: "ita/question-frameworks.json", key: key, problem: "no catalogue ita/questions-\(f).tsv")
            }
            frameworksOfYear[yi] = list
        }
        provinces = try MappingsFile.lines("ita/provinces.txt", in: mappings)
        nameKeys = indicators.flatMap { ind in ind.names.map { (ind.number, KeyedText($0).key) } }
        nameGrams = nameKeys.map { ITAVocabulary.bigrams($0.1) }
    }

    /// The header every question catalogue starts with.
    static let catalogueHeader = ["code", "tool", "indicator", "subindicator", "name"]

    /// A question catalogue (questions-YYYY.tsv): the header, then one row per code. A catalogue
    /// may have no rows (a framework year no report in hand prints codes for, see README), but
    /// every row it has must be whole.
    static func catalogue(_ file: String, in mappings: URL) throws -> [String: QuestionInfo] {
        let lines = try MappingsFile.text(file, in: mappings).split(whereSeparator: \.isNewline)
        func fields(_ line: Substring) -> [String] {
            var l = line
            if l.hasSuffix("\r") { l = l.dropLast() }
            return l.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
        guard let head = lines.first, fields(head) == catalogueHeader else {
            throw MappingsError(file: file, key: "line 1", problem: "header must be \(catalogueHeader.joined(separator: " <tab> "))")
        }
        var cat: [String: QuestionInfo] = [:]
        for (i, line) in lines.enumerated().dropFirst() {
            let f = fields(line)
            let at = "line \(i + 1)"
            guard f.count == catalogueHeader.count else {
                throw MappingsError(file: file, key: at, problem: "\(f.count) fields, expected \(catalogueHeader.count)")
            }
            guard !f[0].isEmpty else { throw MappingsError(file: file, key: at, problem: "empty code") }
            guard let tool = Tool(rawValue: f[1]) else { throw MappingsError(file: file, key: at, problem: "tool '\(f[1])' is not IIT, EIT or OIT") }
            guard let ind = Int(f[2]) else { throw MappingsError(file: file, key: at, problem: "indicator '\(f[2])' is not a number") }
            guard cat[f[0]] == nil else { throw MappingsError(file: file, key: at, problem: "code \(f[0]) listed twice") }
            cat[f[0]] = QuestionInfo(code: f[0], tool: tool, indicator: ind,
                                     subindicator: f[3].isEmpty ? nil : f[3], name: f[4])
        }
        return cat
    }

    /// This vocabulary with a memo of its own, for one document on one thread.
    func forOneDocument() -> ITAVocabulary {
        var copy = self
        copy.matchMemo = IndicatorMatchMemo()
        return copy
    }

    /// The question catalogue of a framework year (empty when the year has none).
    func catalogue(_ year: Int?) -> [String: QuestionInfo] {
        guard let year else { return [:] }
        return catalogues[year] ?? [:]
    }

    /// The indicator a printed name is (best key-bigram similarity over all spellings), with the score.
    func indicatorMatching(name: String, _ settings: InterpretSettings) -> (number: Int, similarity: Double)? {
        let k = Array(KeyedText(name).key)
        guard k.count >= 3 else { return nil }
        // The same label text is matched again and again (row cells, dropped tool cells): the
        // answer depends on the key alone, memoised by its UTF-8 bytes (not String equality).
        let memoKey = ByteKey(String(scalars: k))
        if let known = matchMemo.matches[memoKey] { return known.map { (number: $0.0, similarity: $0.1) } }
        var best: (Int, Double)?
        let grams = ITAVocabulary.bigrams(k)
        for (i, (number, key)) in nameKeys.enumerated() {
            let s = ITAVocabulary.similarity(k, key, settings, grams: (grams, nameGrams[i]))
            if best == nil || s > best!.1 { best = (number, s) }
        }
        matchMemo.matches[memoKey] = .some(best)
        return best
    }

    /// Dice similarity of character bigrams, with a bonus when one is a prefix of the other
    /// (a name cut by a wrapped cell).
    /// `grams`, when given, are `bigrams(a)` and `bigrams(b)` made beforehand (the same counts).
    static func similarity(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], _ settings: InterpretSettings,
                           grams: ([UInt64: Int], [UInt64: Int])? = nil) -> Double {
        if a == b { return 1 }
        let shorter = a.count <= b.count ? a : b, longer = a.count <= b.count ? b : a
        if Double(shorter.count) >= settings.namePrefixMinCharacters, longer.starts(with: shorter) {
            return settings.namePrefixSimilarity
        }
        let (ga, gb) = grams ?? (bigrams(a), bigrams(b))
        var common = 0
        for (k, v) in ga { common += min(v, gb[k] ?? 0) }
        let total = max(1, a.count - 1) + max(1, b.count - 1)
        return 2 * Double(common) / Double(total)
    }

    /// How often each pair of neighbouring scalars occurs in `s`; a bigram is its two scalar values
    /// in one integer (a string per bigram cost more than the rest).
    static func bigrams(_ s: [Unicode.Scalar]) -> [UInt64: Int] {
        var g: [UInt64: Int] = [:]
        if s.count < 2 { return g }
        for i in 0..<(s.count - 1) { g[UInt64(s[i].value) << 32 | UInt64(s[i + 1].value), default: 0] += 1 }
        return g
    }

    /// The tool an indicator number belongs to (indicators.json); nil for a number it does not list.
    func tool(ofIndicator number: Int) -> Tool? { indicators.first { $0.number == number }?.tool }

    func canonicalName(_ indicator: Int) -> String? { indicators.first { $0.number == indicator }?.names.first }
}

/// Memo of `ITAVocabulary.indicatorMatching(name:_:)`: the answer per label key (UTF-8 bytes).
/// One memo serves one document on one thread.
final class IndicatorMatchMemo {
    var matches: [ByteKey: (Int, Double)?] = [:]
}
