import Crypto
import Foundation
import ITAModel

/// A corrections file (`--corrections FILE.jsonl`, DATASET.md "Corrections"): values a person has
/// checked and fixed, applied every time a dataset is written (extract and merge both write through
/// `DatasetWriter`), so a fix survives reruns. Loaded and checked whole before any document is read:
/// a malformed line stops the run naming the file and line.
public struct Corrections: Sendable {
    /// The file, as given.
    public let path: String
    public let entries: [Correction]
    /// SHA-256 (hex) of the file's bytes as loaded; nil for corrections not read from a file. Recorded
    /// in the manifest so that `merge` can tell exactly whether a shard used the same file.
    public let sha256: String?

    public init(path: String, entries: [Correction], sha256: String? = nil) {
        self.path = path; self.entries = entries; self.sha256 = sha256
    }

    /// Reads and checks `path`: one JSON object a line (empty lines skipped).
    public static func load(path: String) throws -> Corrections {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CorrectionsError(file: path, line: 0, problem: "missing or unreadable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CorrectionsError(file: path, line: 0, problem: "not UTF-8")
        }
        var entries: [Correction] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            do {
                entries.append(try Correction(line: i + 1, json: Data(trimmed.utf8)))
            } catch let e as CorrectionsError {
                throw CorrectionsError(file: path, line: i + 1, problem: e.problem)
            } catch {
                throw CorrectionsError(file: path, line: i + 1, problem: "not a JSON object: \(error)")
            }
        }
        return Corrections(path: path, entries: entries, sha256: SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined())
    }
}

/// A corrections file that cannot be used as it is.
public struct CorrectionsError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let line: Int
    public let problem: String
    public var description: String { "\(file):\(line): \(problem)" }
}

/// One line of a corrections file.
public struct Correction: Sendable, Hashable {
    public enum Table: String, Sendable, CaseIterable { case reports, indicatorScores = "indicator_scores", questionScores = "question_scores", measures }
    /// Which row of the table: the document's report, an indicator or question of a year, or a measure row.
    public enum Key: Sendable, Hashable {
        case report
        case indicator(year: Int?, indicator: Int)
        case question(year: Int?, code: String)
        case measure(rowNo: Int)
    }

    /// 1-based line in the file.
    public let line: Int
    public let sha256: String
    public let table: Table
    public let key: Key
    public let field: String
    /// The corrected value, as it is written to the CSV (integers as ASCII digits).
    public let value: String
    public let reason: String

    /// Fields a correction may set, per table, and whether they hold an integer or a score.
    static let fields: [Table: [String: Kind]] = [
        .reports: ["unit_name": .text, "unit_type": .text, "district": .text, "province": .text,
                   "assessment_year": .integer, "plan_year": .integer, "overall_score": .score, "rating": .text,
                   "rank": .integer, "previous_score": .score, "province_code": .text, "district_code": .text,
                   "subdistrict_code": .text, "unit_key": .text],
        .indicatorScores: ["score": .score, "name": .text],
        .questionScores: ["score": .score, "question": .text],
        .measures: ["issue": .text, "indicator": .integer, "measure": .text, "steps": .text, "period": .text,
                    "owner": .text],
    ]
    enum Kind { case text, integer, score }

    init(line: Int, json: Data) throws {
        guard let o = try JSONSerialization.jsonObject(with: json) as? [String: Any] else {
            throw CorrectionsError(file: "", line: line, problem: "not a JSON object")
        }
        func string(_ k: String) throws -> String {
            guard let s = o[k] as? String, !s.isEmpty else {
                throw CorrectionsError(file: "", line: line, problem: "\"\(k)\" must be a non-empty string")
            }
            return s
        }
        self.line = line
        sha256 = try string("sha256").lowercased()
        guard sha256.count == 64, sha256.allSatisfy(\.isHexDigit) else {
            throw CorrectionsError(file: "", line: line, problem: "\"sha256\" must be 64 hex digits (the PDF's SHA-256)")
        }
        let t = try string("table")
        guard let table = Table(rawValue: t) else {
            throw CorrectionsError(file: "", line: line,
                                   problem: "unknown table \"\(t)\" (one of \(Table.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        self.table = table
        field = try string("field")
        guard let kind = Correction.fields[table]?[field] else {
            throw CorrectionsError(file: "", line: line,
                                   problem: "\(t) has no correctable field \"\(field)\" (one of \(Correction.fields[table]!.keys.sorted().joined(separator: ", ")))")
        }
        reason = try string("reason")
        // The value: a string, or an integer for integer fields.
        let v: String
        if let s = o["value"] as? String { v = s } else if kind == .integer, let n = o["value"] as? Int { v = String(n) } else {
            throw CorrectionsError(file: "", line: line, problem: "\"value\" must be a string (an integer for \(field))")
        }
        switch kind {
        case .integer where Int(v) == nil:
            throw CorrectionsError(file: "", line: line, problem: "\(field) must be an integer, not \"\(v)\"")
        case .score where !RecordRows.isASCIIDecimal(v):
            throw CorrectionsError(file: "", line: line, problem: "\(field) must be a score with ASCII digits (93.57), not \"\(v)\"")
        case .text where v.isEmpty:
            throw CorrectionsError(file: "", line: line, problem: "\"value\" is empty")
        default: break
        }
        value = v
        let key = o["key"] as? [String: Any] ?? [:]
        func year() throws -> Int? {
            switch key["year"] {
            case nil, is NSNull: return nil
            case let n as Int: return n
            default: throw CorrectionsError(file: "", line: line, problem: "key.year must be an integer or null")
            }
        }
        switch table {
        case .reports:
            guard key.isEmpty else { throw CorrectionsError(file: "", line: line, problem: "a reports correction has no key") }
            self.key = .report
        case .indicatorScores:
            guard let n = key["indicator"] as? Int, (1...10).contains(n), Set(key.keys).isSubset(of: ["year", "indicator"]) else {
                throw CorrectionsError(file: "", line: line, problem: "key must be {\"year\": Y, \"indicator\": 1-10}")
            }
            self.key = .indicator(year: try year(), indicator: n)
        case .questionScores:
            guard let c = key["code"] as? String, !c.isEmpty, Set(key.keys).isSubset(of: ["year", "code"]) else {
                throw CorrectionsError(file: "", line: line, problem: "key must be {\"year\": Y, \"code\": \"i1\"}")
            }
            self.key = .question(year: try year(), code: c)
        case .measures:
            guard let n = key["row_no"] as? Int, n >= 1, key.count == 1 else {
                throw CorrectionsError(file: "", line: line, problem: "key must be {\"row_no\": N} (measures.csv row_no)")
            }
            self.key = .measure(rowNo: n)
        }
    }

    /// The key as written in messages.
    var keyText: String {
        switch key {
        case .report: return "-"
        case let .indicator(y, n): return "year \(y.map(String.init) ?? "null"), indicator \(n)"
        case let .question(y, c): return "year \(y.map(String.init) ?? "null"), code \(c)"
        case let .measure(n): return "row_no \(n)"
        }
    }
}
