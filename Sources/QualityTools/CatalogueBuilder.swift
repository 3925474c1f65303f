import Foundation
import ITAModel

/// Builds a question catalogue (Mappings/ita/questions-YYYY.tsv) for one framework year from the
/// datasets of extraction runs, and checks an existing catalogue against them.
///
/// Why from data: a new framework year (2568 shortened the question set) reaches users as reports
/// before anyone writes its catalogue down. Every code the runs read for the year becomes a row, with
/// its most-printed question text. Its indicator is inferred from the numbers: in every ITA framework
/// an indicator's questions are consecutive codes of its tool, and the indicator score is the mean of
/// its questions, so the split of a tool's sorted codes into consecutive blocks (one per indicator,
/// in order) that agrees with the most documents is taken, and each block's agreement is reported.
/// A block that too few documents support leaves its codes' indicator empty rather than guessed.
public struct CatalogueBuilder: Sendable {
    /// How far (points) a printed indicator may be from its questions' mean and still agree.
    public var tolerance: Double = 0.02
    /// The share of evaluable documents that must agree with a block before its indicator is given.
    public var minimumAgreement: Double = 0.8
    /// Each tool's indicators in order (Mappings/ita/indicators.json).
    public var indicators: [String: [Int]]

    /// A builder for the framework whose tools have `indicatorsOfTool` (from `ITAMappings`, which
    /// decodes and checks indicators.json once; this type never reads Mappings/ itself).
    /// The question codes' letters (`ITAMappings.codeLetters`): a code's tool.
    let codeLetters: QuestionCodeLetters

    public init(indicatorsOfTool: [Tool: [Int]], codeLetters: QuestionCodeLetters) {
        self.codeLetters = codeLetters
        indicators = Dictionary(uniqueKeysWithValues: indicatorsOfTool.map { ($0.key.rawValue, $0.value.sorted()) })
    }

    /// The catalogue the runs support for `year`.
    public func build(year: Int, runs: [RunDataset]) -> CatalogueResult {
        build(year: year, docs: Self.documents(year: year, runs: runs))
    }

    /// The catalogue `docs` (one year's documents, read once) support.
    func build(year: Int, docs: [Doc]) -> CatalogueResult {
        var rows: [CatalogueResult.Row] = []
        var splits: [CatalogueResult.ToolSplit] = []
        for tool in Tool.allCases.map(\.rawValue) {
            let codes = Set(docs.flatMap { $0.questions.keys }).filter { codeLetters.tool(ofCode: $0)?.rawValue == tool }
                .sorted { Self.number($0) < Self.number($1) }
            guard !codes.isEmpty else { continue }
            guard let toolIndicators = indicators[tool], !toolIndicators.isEmpty else { continue }
            let split = bestSplit(codes: codes, indicators: toolIndicators, docs: docs)
            splits.append(CatalogueResult.ToolSplit(tool: tool, blocks: split))
            for code in codes {
                let block = split.first { $0.codes.contains(code) }
                let given = block.flatMap { $0.accepted ? $0.indicator : nil }
                let texts = docs.compactMap { $0.texts[code] }.filter { !$0.isEmpty }
                rows.append(CatalogueResult.Row(code: code, tool: tool, indicator: given,
                                                documents: docs.filter { $0.questions[code] != nil }.count,
                                                name: Self.mostCommon(texts) ?? "",
                                                textVariants: Set(texts).count))
            }
        }
        return CatalogueResult(year: year, documents: docs.count, rows: rows, splits: splits, tolerance: tolerance)
    }

    /// What a catalogue file says against what the runs show for `year`.
    public func check(catalogue: [CatalogueEntry], year: Int, runs: [RunDataset]) -> CatalogueCheck {
        let docs = Self.documents(year: year, runs: runs)
        let built = build(year: year, docs: docs)
        let listed = Dictionary(catalogue.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let seen = Dictionary(built.rows.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var check = CatalogueCheck(year: year, documents: built.documents, listed: catalogue.count, seen: built.rows.count)
        check.unlisted = built.rows.filter { listed[$0.code] == nil }.map(\.code)
        check.unseen = catalogue.filter { seen[$0.code] == nil }.map(\.code)
        for entry in catalogue {
            guard let row = seen[entry.code] else { continue }
            if let inferred = row.indicator, inferred != entry.indicator {
                check.indicatorDisagreements.append(.init(code: entry.code, listed: entry.indicator, inferred: inferred))
            }
            if entry.tool != row.tool { check.toolDisagreements.append(entry.code) }
        }
        // Documents whose printed indicator is not the mean of the catalogue's questions for it.
        for tool in Tool.allCases.map(\.rawValue) {
            for ind in indicators[tool] ?? [] {
                let entries = catalogue.filter { $0.indicator == ind && $0.tool == tool }
                guard !entries.isEmpty else { continue }
                let codes = entries.map(\.code)
                // With sub-indicators (OIT) the indicator is the mean of the sub-indicator means.
                var groups: [String: [String]] = [:]
                for e in entries { groups[e.subindicator ?? "", default: []].append(e.code) }
                var evaluable = 0, agree = 0
                for d in docs {
                    let means = groups.keys.sorted().map { Self.mean(groups[$0]!, d) }
                    guard let printed = d.indicators[ind], !means.contains(where: { $0 == nil }) else { continue }
                    let mean = means.map { $0! }.reduce(0, +) / Double(means.count)
                    evaluable += 1
                    if abs(mean - printed) <= tolerance { agree += 1 }
                }
                check.indicatorAgreement.append(.init(indicator: ind, tool: tool, codes: codes.count, evaluable: evaluable, agree: agree))
            }
        }
        return check
    }

    // MARK: - Split search

    /// The split of `codes` (sorted) into one consecutive block per indicator that the most
    /// (document, block) pairs agree with; ties go to the earlier cut points (deterministic).
    func bestSplit(codes: [String], indicators: [Int], docs: [Doc]) -> [CatalogueResult.Block] {
        let n = codes.count, k = indicators.count
        guard n >= k else {
            return [CatalogueResult.Block(indicator: nil, codes: codes, evaluable: 0, agree: 0, accepted: false)]
        }
        // agree[j][a][b], evaluable[j][a][b]: documents agreeing that codes a..<b are indicator j's.
        var agree = Array(repeating: Array(repeating: Array(repeating: 0, count: n + 1), count: n + 1), count: k)
        var evaluable = agree
        for (j, ind) in indicators.enumerated() {
            for a in 0..<n {
                for b in (a + 1)...n {
                    let block = Array(codes[a..<b])
                    for d in docs {
                        guard let printed = d.indicators[ind], let mean = Self.mean(block, d) else { continue }
                        evaluable[j][a][b] += 1
                        if abs(mean - printed) <= tolerance { agree[j][a][b] += 1 }
                    }
                }
            }
        }
        // best[j][b]: best total agreement placing indicators 0..<j on codes 0..<b.
        var best = Array(repeating: Array(repeating: Int.min, count: n + 1), count: k + 1)
        var from = Array(repeating: Array(repeating: 0, count: n + 1), count: k + 1)
        best[0][0] = 0
        for j in 1...k {
            for b in j...n {
                for a in (j - 1)..<b where best[j - 1][a] != Int.min {
                    let v = best[j - 1][a] + agree[j - 1][a][b]
                    if v > best[j][b] { best[j][b] = v; from[j][b] = a }
                }
            }
        }
        var cuts: [(Int, Int)] = []
        var b = n
        for j in stride(from: k, to: 0, by: -1) {
            let a = from[j][b]
            cuts.append((a, b)); b = a
        }
        cuts.reverse()
        return cuts.enumerated().map { j, cut in
            let e = evaluable[j][cut.0][cut.1], g = agree[j][cut.0][cut.1]
            return CatalogueResult.Block(indicator: indicators[j], codes: Array(codes[cut.0..<cut.1]), evaluable: e, agree: g,
                                         accepted: e > 0 && Double(g) / Double(e) >= minimumAgreement)
        }
    }

    // MARK: - Reading the runs

    /// One document's scores for the year: indicator → score, code → score and printed text.
    struct Doc { var indicators: [Int: Double] = [:]; var questions: [String: Double] = [:]; var texts: [String: String] = [:] }

    static func documents(year: Int, runs: [RunDataset]) -> [Doc] {
        var out: [String: Doc] = [:]
        var order: [String] = []
        let y = String(year)
        for (r, run) in runs.enumerated() {
            for row in run.questions.rows where row["year"] == y {
                guard let id = row["doc_id"], let code = row["code"], let s = row["score"].flatMap(Double.init) else { continue }
                let key = "\(r):\(id)"
                if out[key] == nil { out[key] = Doc(); order.append(key) }
                if out[key]!.questions[code] == nil {
                    out[key]!.questions[code] = s
                    out[key]!.texts[code] = row["question"] ?? ""
                }
            }
            for row in run.indicators.rows where row["year"] == y {
                guard let id = row["doc_id"], let n = row["indicator"].flatMap(Int.init),
                      let s = row["score"].flatMap(Double.init) else { continue }
                let key = "\(r):\(id)"
                // Only documents that print questions for the year say anything about the catalogue.
                if out[key] != nil, out[key]!.indicators[n] == nil { out[key]!.indicators[n] = s }
            }
        }
        return order.map { out[$0]! }
    }

    static func mean(_ codes: [String], _ d: Doc) -> Double? {
        var sum = 0.0
        for c in codes { guard let s = d.questions[c] else { return nil }; sum += s }
        return sum / Double(codes.count)
    }

    static func number(_ code: String) -> Int { Int(code.dropFirst()) ?? Int.max }

    /// The most frequent text; ties go to the smallest in code-point order (deterministic).
    static func mostCommon(_ texts: [String]) -> String? {
        var count: [String: Int] = [:]
        for t in texts { count[t, default: 0] += 1 }
        return count.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }.first?.key
    }
}

/// One row of a catalogue file (questions-YYYY.tsv).
public struct CatalogueEntry: Sendable, Equatable {
    public var code: String
    public var tool: String
    public var indicator: Int
    public var subindicator: String?
    public var name: String

    /// Reads a questions-YYYY.tsv file (header `code tool indicator subindicator name`).
    public static func read(_ url: URL) throws -> [CatalogueEntry] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { throw QualityError.missing(url.path) }
        var out: [CatalogueEntry] = []
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 3, let ind = Int(f[2]) else { continue }
            out.append(CatalogueEntry(code: f[0], tool: f[1], indicator: ind,
                                      subindicator: f.count > 3 && !f[3].isEmpty ? f[3] : nil, name: f.count > 4 ? f[4] : ""))
        }
        return out
    }
}
