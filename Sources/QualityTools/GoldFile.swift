import Foundation
import ITAModel

/// A value a gold file gives: `null` (the document does not print it) or its text; JSON numbers
/// are kept as their shortest decimal spelling.
public enum GoldValue: Equatable, Sendable {
    case null
    case text(String)

    /// The text, or nil for `null`.
    public var text: String? { if case .text(let t) = self { return t }; return nil }

    init?(json: Any) {
        switch json {
        case is NSNull: self = .null
        case let s as String: self = .text(s)
        case let n as NSNumber:
            let d = n.doubleValue
            if d == d.rounded(), abs(d) < 1e15 { self = .text(String(Int64(d))) } else { self = .text("\(d)") }
        default: return nil
        }
    }
}

/// One keyed score in a gold file (an indicator or a question).
public struct GoldScore: Equatable, Sendable {
    /// Buddhist Era year, nil when the gold leaves it null (then eval matches on the key alone).
    public var year: Int?
    /// The indicator number ("3") or the canonical question code ("o21").
    public var key: String
    /// The score, or `.null` when the document prints none for this key.
    public var score: GoldValue
}

/// The `measures` part of a gold file.
public struct GoldMeasures: Equatable, Sendable {
    /// How many action-plan rows the document has (nil when not given).
    public var count: Int?
    /// Rows, each giving only the fields its writer chose (issue, indicator, measure, steps, period, owner, page).
    public var rows: [[String: GoldValue]]
}

/// Something the gold writer was not sure of; eval lists it and leaves it out of the scores.
public struct GoldUnsure: Codable, Equatable, Sendable {
    /// A field path: "report.plan_year", "indicator_scores", "indicator_scores.3",
    /// "indicator_scores.2566.3", "question_scores", "question_scores.o21", "measures", "measures.count".
    public var field: String
    public var why: String
}

/// One gold file: what a perfect run would write for one PDF (DATASET.md, "Gold files").
public struct GoldFile: Sendable {
    /// The file.
    public var url: URL
    /// Path relative to the gold folder without ".json", "/"-separated (e.g. "2566/report").
    public var relativeName: String
    /// Report-level fields the gold gives (nil when it has no "report" object).
    public var report: [String: GoldValue]?
    /// nil when the gold has no "indicator_scores" key: then that category is not scored for it.
    public var indicators: [GoldScore]?
    public var questions: [GoldScore]?
    public var measures: GoldMeasures?
    public var unsure: [GoldUnsure]

    /// The top-level keys of which a gold file has at least one; other JSON files in the folder
    /// (a table-layout gold, a manifest) are not gold files and are skipped.
    public static let goldKeys = ["report", "indicator_scores", "question_scores", "measures"]

    /// Every gold file under `directory` (recursively), sorted by relative path.
    public static func loadAll(_ directory: URL) throws -> [GoldFile] { try scan(directory).golds }

    /// Every `*.json` file under `directory` (recursively), sorted by relative path: the gold files,
    /// and the relative paths of the JSON files that have none of `goldKeys`.
    public static func scan(_ directory: URL) throws -> (golds: [GoldFile], skipped: [String]) {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: directory.path, isDirectory: &isDir), isDir.boolValue else {
            throw QualityError.missing(directory.path)
        }
        let base = directory.standardizedFileURL.resolvingSymlinksInPath().path
        var names: [String] = []
        if let walker = fm.enumerator(atPath: base) {
            while let rel = walker.nextObject() as? String {
                if rel.lowercased().hasSuffix(".json") { names.append(rel) }
            }
        }
        var golds: [GoldFile] = [], skipped: [String] = []
        for rel in names.sorted() {
            let url = URL(fileURLWithPath: base).appendingPathComponent(rel)
            let data = try Data(contentsOf: url)
            let obj = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
            if let obj, goldKeys.contains(where: { obj[$0] != nil }) {
                golds.append(try load(url, relativeName: String(rel.dropLast(5))))
            } else {
                skipped.append(rel)
            }
        }
        return (golds, skipped)
    }

    /// Reads one gold file.
    public static func load(_ url: URL, relativeName: String) throws -> GoldFile {
        let data = try Data(contentsOf: url)
        guard let obj = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw QualityError.unreadable(path: url.path, why: "not a JSON object")
        }
        func bad(_ why: String) -> QualityError { .unreadable(path: url.path, why: why) }
        var gold = GoldFile(url: url, relativeName: relativeName, report: nil, indicators: nil, questions: nil,
                            measures: nil, unsure: [])
        if let report = obj["report"] as? [String: Any] {
            var fields: [String: GoldValue] = [:]
            for (k, v) in report { if let g = GoldValue(json: v) { fields[k] = g } }
            gold.report = fields
        }
        func scores(_ name: String, keyName: String, canonical: (String) -> String?) throws -> [GoldScore]? {
            guard let raw = obj[name] else { return nil }
            guard let items = raw as? [Any] else { throw bad("\(name) is not a list") }
            return try items.enumerated().map { i, item in
                guard let o = item as? [String: Any] else { throw bad("\(name)[\(i)] is not an object") }
                guard let k = o[keyName].flatMap({ GoldValue(json: $0)?.text }).flatMap(canonical) else {
                    throw bad("\(name)[\(i)] has no valid \(keyName)")
                }
                let year = o["year"].flatMap { GoldValue(json: $0)?.text }.flatMap { ValueMatching.number($0) }
                return GoldScore(year: year.map { Int($0) }, key: k, score: o["score"].flatMap { GoldValue(json: $0) } ?? .null)
            }
        }
        gold.indicators = try scores("indicator_scores", keyName: "indicator") { t in
            ValueMatching.number(t).map { String(Int($0)) }
        }
        gold.questions = try scores("question_scores", keyName: "code", canonical: Self.canonicalCode)
        if let m = obj["measures"] {
            guard let mo = m as? [String: Any] else { throw bad("measures is not an object") }
            let count = mo["count"].flatMap { GoldValue(json: $0)?.text }.flatMap { ValueMatching.number($0) }
            var rows: [[String: GoldValue]] = []
            for (i, r) in ((mo["rows"] as? [Any]) ?? []).enumerated() {
                guard let ro = r as? [String: Any] else { throw bad("measures.rows[\(i)] is not an object") }
                var row: [String: GoldValue] = [:]
                for (k, v) in ro { if let g = GoldValue(json: v) { row[k] = g } }
                rows.append(row)
            }
            gold.measures = GoldMeasures(count: count.map { Int($0) }, rows: rows)
        }
        for item in (obj["unsure"] as? [Any]) ?? [] {
            if let o = item as? [String: Any], let f = o["field"] as? String {
                gold.unsure.append(GoldUnsure(field: f, why: o["why"] as? String ?? ""))
            }
        }
        return gold
    }

    /// "O11", "๐๑๑" → "o11": lower-case tool letter, ASCII digits, no padding (DATASET.md codes).
    public static func canonicalCode(_ text: String) -> String? {
        let t = ValueMatching.normalise(text).replacingOccurrences(of: " ", with: "")
        guard let first = t.first else { return nil }
        // A Thai zero stands in for OIT's letter in print. Gold and run files spell codes as
        // DATASET.md does, with the tool's name's initial in lower case ("o11"); eval reads no
        // Mappings, so the printed letters of `QuestionCodeLetters` are not known here.
        let letter = first == "๐" ? "o" : first.lowercased()
        guard Tool.allCases.contains(where: { $0.rawValue.prefix(1).lowercased() == letter }),
              let n = ValueMatching.number(String(t.dropFirst())), n >= 0, n == n.rounded() else { return nil }
        return letter + String(Int(n))
    }
}
