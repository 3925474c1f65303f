import Foundation
import ITAModel

/// The ITA data files of Mappings/ita/ (indicator names, unit types, report cue words, rating
/// bands, tool weights, question catalogues, provinces), loaded once per interpreter. Shared by
/// both interpret parts: `catalogue(year)` maps a question code to its indicator and tool.
struct ITAVocabulary {
    struct Indicator: Decodable { var number: Int; var tool: String; var names: [String] }
    struct UnitTypeEntry: Decodable { var type: String; var prefixes: [String] }
    struct WholeUnit: Decodable { var type: String; var name: String }
    struct UnitTypes: Decodable {
        var types: [UnitTypeEntry]; var whole: [WholeUnit]; var nameStops: [String]; var genericNames: [String]
    }
    struct Cues: Decodable {
        var overallScoreCues: [String]; var scoreCueMaxDistance: Int; var thresholdAfter: [String]
        var ratingCues: [String]; var ratingMaxDistance: Int
        var rankCue: String; var rankFollowers: [String]
        var previousYearCues: [String]; var assessmentYearCues: [String]; var planYearCues: [String]
        var yearCueWindow: Int
        var districtPrefixes: [String]; var provincePrefixes: [String]
        var tableAverageRows: [String]; var tableRatingRows: [String]
        var indicatorWord: String; var indicatorShortWord: String
        var proseIndicatorScoreCues: [String]; var proseIndicatorMaxDistance: Int
        var yearColumnWords: [String]
        /// Words that, right after a rating word, show it is not one ("ผ่านมา", "ผ่านเกณฑ์").
        var notRatingAfter: [String]
        /// The unit of scores ("คะแนน").
        var pointsWord: String
    }
    struct Band: Decodable { var rating: String; var min: Double; var max: Double; var toolMin: Double? }
    struct Weights { var iit: Double; var eit: Double; var oit: Double; var tolerance: Double }
    /// One catalogue row: a question code's tool, indicator and (OIT) sub-indicator.
    struct QuestionInfo { var code: String; var tool: Tool; var indicator: Int; var subindicator: String?; var name: String }

    var indicators: [Indicator] = []
    var unitTypes = UnitTypes(types: [], whole: [], nameStops: [], genericNames: [])
    var cues: Cues?
    var bands: [Int: [Band]] = [:]
    /// Years whose rating tool condition the ten indicators cannot show (only the range is checked).
    var toolConditionUnknown: Set<Int> = []
    var weights: [Int: Weights] = [:]
    var questionMeanTools: Set<Tool> = []
    var questionMeanTolerance: Double = 0.02
    var catalogues: [Int: [String: QuestionInfo]] = [:]
    var provinces: [String] = []
    /// Indicator-name matches already made (the vocabulary is not changed after loading).
    let matchMemo = IndicatorMatchMemo()

    /// Loads Mappings/ita/ under `mappings`; missing files leave their part empty (checks that
    /// need them are then skipped, never guessed).
    init(mappings: URL?) {
        guard let dir = mappings?.appendingPathComponent("ita") else { return }
        func data(_ name: String) -> Data? { try? Data(contentsOf: dir.appendingPathComponent(name)) }
        let dec = JSONDecoder()
        struct IndicatorFile: Decodable { var indicators: [Indicator] }
        if let d = data("indicators.json"), let f = try? dec.decode(IndicatorFile.self, from: d) { indicators = f.indicators }
        if let d = data("unit-types.json"), let f = try? dec.decode(UnitTypes.self, from: d) { unitTypes = f }
        if let d = data("report-cues.json") { cues = try? dec.decode(Cues.self, from: d) }
        struct BandFile: Decodable { var years: [String: [Band]]; var toolConditionUnknown: [Int]? }
        if let d = data("score-bands.json"), let f = try? dec.decode(BandFile.self, from: d) {
            for (y, b) in f.years { if let yi = Int(y) { bands[yi] = b } }
            toolConditionUnknown = Set(f.toolConditionUnknown ?? [])
        }
        if let d = data("tool-weights.json"), let obj = try? JSONSerialization.jsonObject(with: d) as? [String: Any] {
            if let years = obj["years"] as? [String: [String: Double]] {
                for (y, w) in years {
                    guard let yi = Int(y), let i = w["IIT"], let e = w["EIT"], let o = w["OIT"] else { continue }
                    weights[yi] = Weights(iit: i, eit: e, oit: o, tolerance: w["tolerance"] ?? 0.02)
                }
            }
            if let q = obj["questionMeanTools"] as? [String: Any] {
                questionMeanTools = Set((q["tools"] as? [String] ?? []).compactMap(Tool.init(rawValue:)))
                questionMeanTolerance = q["tolerance"] as? Double ?? 0.02
            }
        }
        if let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) {
            for name in names.sorted() where name.hasPrefix("questions-") && name.hasSuffix(".tsv") {
                let y = name.dropFirst("questions-".count).dropLast(".tsv".count)
                guard let year = Int(y), let d = data(name), let text = String(data: d, encoding: .utf8) else { continue }
                var cat: [String: QuestionInfo] = [:]
                for line in text.split(whereSeparator: \.isNewline).dropFirst() {
                    let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                    guard f.count >= 3, let tool = Tool(rawValue: f[1]), let ind = Int(f[2]) else { continue }
                    cat[f[0]] = QuestionInfo(code: f[0], tool: tool, indicator: ind,
                                             subindicator: f.count > 3 && !f[3].isEmpty ? f[3] : nil,
                                             name: f.count > 4 ? f[4] : "")
                }
                catalogues[year] = cat
            }
        }
        if let d = data("provinces.txt"), let text = String(data: d, encoding: .utf8) {
            provinces = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    /// The question catalogue of a framework year (empty when the year has none).
    func catalogue(_ year: Int?) -> [String: QuestionInfo] {
        guard let year else { return [:] }
        return catalogues[year] ?? [:]
    }

    /// The indicator a printed name is (best key-bigram similarity over all spellings), with the score.
    func indicatorMatching(name: String) -> (number: Int, similarity: Double)? {
        let k = Array(KeyedText(name).key)
        guard k.count >= 3 else { return nil }
        // The same label text is matched again and again (row cells, dropped tool cells): the
        // answer depends on the key alone, memoised by its UTF-8 bytes (not String equality).
        let memoKey = Array(String(String.UnicodeScalarView(k)).utf8)
        if let known = matchMemo.matches[memoKey] { return known.map { (number: $0.0, similarity: $0.1) } }
        let nameKeys: [(Int, [Unicode.Scalar])]
        if let keys = matchMemo.nameKeys { nameKeys = keys } else {
            nameKeys = indicators.flatMap { ind in ind.names.map { (ind.number, KeyedText($0).key) } }
            matchMemo.nameKeys = nameKeys
        }
        var best: (Int, Double)?
        for (number, key) in nameKeys {
            let s = ITAVocabulary.similarity(k, key)
            if best == nil || s > best!.1 { best = (number, s) }
        }
        matchMemo.matches[memoKey] = .some(best)
        return best
    }

    /// Dice similarity of character bigrams, with a bonus when one is a prefix of the other
    /// (a name cut by a wrapped cell).
    static func similarity(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Double {
        if a == b { return 1 }
        let shorter = a.count <= b.count ? a : b, longer = a.count <= b.count ? b : a
        if shorter.count >= 6, Array(longer.prefix(shorter.count)) == shorter { return 0.9 }
        func grams(_ s: [Unicode.Scalar]) -> [String: Int] {
            var g: [String: Int] = [:]
            if s.count < 2 { return g }
            for i in 0..<(s.count - 1) { g["\(s[i])\(s[i + 1])", default: 0] += 1 }
            return g
        }
        let ga = grams(a), gb = grams(b)
        var common = 0
        for (k, v) in ga { common += min(v, gb[k] ?? 0) }
        let total = max(1, a.count - 1) + max(1, b.count - 1)
        return 2 * Double(common) / Double(total)
    }

    func canonicalName(_ indicator: Int) -> String? { indicators.first { $0.number == indicator }?.names.first }
}

/// Memo of `ITAVocabulary.indicatorMatching(name:)`: the indicator names' keys, and the answer
/// per label key (UTF-8 bytes). One vocabulary serves one document on one thread.
final class IndicatorMatchMemo {
    var nameKeys: [(Int, [Unicode.Scalar])]?
    var matches: [[UInt8]: (Int, Double)?] = [:]
}
