import Foundation
import XCTest
import ITAModel
import PDFExtract
import PageLayout
import ThaiNormalise
@testable import ReportInterpret

/// Question scores and action-plan rows read from the real corpus PDFs (Corpus/seeds, Corpus/generated)
/// through PDFExtractor → LayoutAnalyser → the readers, against the gold JSON beside each PDF.
final class QuestionMeasureCorpusTests: XCTestCase {
    struct Tally {
        var tp = 0, fp = 0, fn = 0
        var precision: Double { tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp) }
        var recall: Double { tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn) }
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Corpus")

    /// Every PDF of the gold folders with its gold file, sorted by path. A missing folder, too
    /// few PDFs, or a gold file that is missing or unreadable fails the calling test.
    static func corpus(file: StaticString = #filePath, line: UInt = #line) -> [(pdf: URL, gold: [String: Any])] {
        var out: [(URL, [String: Any])] = []
        for (sub, least) in FieldsCorpus.folders {
            let dir = root.appendingPathComponent(sub)
            let names: [String]
            do { names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".pdf") }.sorted() } catch {
                XCTFail("\(dir.path): \(error.localizedDescription)", file: file, line: line); continue
            }
            XCTAssertGreaterThanOrEqual(names.count, least, dir.path, file: file, line: line)
            for name in names {
                let pdf = dir.appendingPathComponent(name)
                let json = pdf.deletingPathExtension().appendingPathExtension("json")
                do {
                    guard let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any] else {
                        XCTFail("\(json.path): not a JSON object", file: file, line: line); continue
                    }
                    out.append((pdf, gold))
                } catch {
                    XCTFail("\(json.path): \(error.localizedDescription)", file: file, line: line)
                }
            }
        }
        return out
    }

    static func unsure(_ gold: [String: Any]) -> Set<String> {
        Set(((gold["unsure"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String })
    }

    static func collapse(_ s: String) -> String {
        s.precomposedStringWithCanonicalMapping.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    func testQuestionScoresAndMeasuresMatchGold() throws {
        let docs = Self.corpus()
        XCTAssertFalse(docs.isEmpty, "no corpus PDFs with gold files at \(Self.root.path)")
        let mappings = try XCTUnwrap(MappingsDirectory.forSourceFile(#filePath))
        let normaliser = try ThaiNormaliser(mappings: mappings)
        let ita = try ITAMappings(directory: mappings)
        var questions = Tally(), measures = Tally(), measureStructure = Tally()
        var report: [String] = []
        for (pdfURL, gold) in docs {
            let name = pdfURL.deletingPathExtension().lastPathComponent
            let pdf = try PDFExtractor.read(path: pdfURL.path)
            let reader = DocumentReader(normalised: normaliser.normalise(LayoutAnalyser.analyse(pdf, furniture: try .checkedIn())), mappings: ita)
            let unsure = Self.unsure(gold)

            // Questions: keyed by (year, code), scores agree within 0.005.
            if let goldQ = gold["question_scores"] as? [[String: Any]], !unsure.contains("question_scores") {
                let found = QuestionReader.read(from: reader)
                // One row per (year, code); every printing stays available for cross-checks.
                func key(_ q: QuestionScore) -> String { "\(q.year.map(String.init) ?? "?")/\(q.code)" }
                XCTAssertEqual(Set(found.map(key)).count, found.count, name)
                let printings = QuestionReader.allPrintings(from: reader)
                XCTAssertGreaterThanOrEqual(printings.count, found.count, name)
                XCTAssertEqual(Set(printings.map(key)), Set(found.map(key)), name)
                var byKey: [String: String] = [:]
                for q in found { byKey[key(q)] = q.score }
                var claimed = Set<String>()
                var t = Tally()
                for g in goldQ {
                    guard let code = g["code"] as? String else { continue }
                    let k = "\((g["year"] as? Int).map(String.init) ?? "?")/\(code)"
                    claimed.insert(k)
                    if unsure.contains("question_scores.\(code)") { continue }
                    let want = (g["score"] as? String).flatMap(Double.init)
                    guard let got = byKey[k] else { t.fn += 1; report.append("\(name) Q miss \(k)"); continue }
                    if let want, let g2 = Double(got), abs(want - g2) <= 0.005 { t.tp += 1 } else {
                        t.fp += 1; t.fn += 1; report.append("\(name) Q wrong \(k) want \(want ?? -1) got \(got)")
                    }
                }
                for q in found where !claimed.contains(key(q)) { t.fp += 1; report.append("\(name) Q extra \(key(q))=\(q.score) p\(q.page)") }
                questions.tp += t.tp; questions.fp += t.fp; questions.fn += t.fn
                report.append("\(name) questions tp \(t.tp) fp \(t.fp) fn \(t.fn)")
            }

            // Measures: paired by the measure (else issue) text; a pair agrees on every given field.
            if let goldM = gold["measures"] as? [String: Any], let rows = goldM["rows"] as? [[String: Any]],
               !unsure.contains("measures") {
                let found = MeasureReader.read(from: reader)
                let t = Self.scoreMeasures(gold: rows, count: goldM["count"] as? Int, found: found, name: name, report: &report)
                measures.tp += t.tp; measures.fp += t.fp; measures.fn += t.fn
                // The same with spaces ignored: rows and columns right, whatever the wrap-space
                // decisions of the normaliser.
                let u = Self.scoreMeasures(gold: rows, count: goldM["count"] as? Int, found: found, name: name,
                                           report: &report, ignoringSpaces: true)
                measureStructure.tp += u.tp; measureStructure.fp += u.fp; measureStructure.fn += u.fn
                report.append("\(name) measures found \(found.count) gold \(goldM["count"] ?? "?") tp \(t.tp) fp \(t.fp) fn \(t.fn)")
            }
        }
        let summary = String(format: "questions P %.3f R %.3f (tp %d fp %d fn %d); measures P %.3f R %.3f (tp %d fp %d fn %d); measures ignoring spaces P %.3f R %.3f (tp %d fp %d fn %d)",
                             questions.precision, questions.recall, questions.tp, questions.fp, questions.fn,
                             measures.precision, measures.recall, measures.tp, measures.fp, measures.fn,
                             measureStructure.precision, measureStructure.recall, measureStructure.tp,
                             measureStructure.fp, measureStructure.fn)
        // Written to a file too: XCTest's own output interleaves with long prints.
        let text = (report + [summary]).joined(separator: "\n")
        print(text)
        if let path = ProcessInfo.processInfo.environment["QUESTION_MEASURE_REPORT"] {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        XCTAssertGreaterThanOrEqual(questions.recall, 0.98, summary)
        XCTAssertGreaterThanOrEqual(questions.precision, 0.98, summary)
        // Rows and columns: the strict figure also counts the normaliser's wrap-space decisions
        // (reported above, not asserted here).
        XCTAssertGreaterThanOrEqual(measureStructure.recall, 0.99, summary)
        XCTAssertGreaterThanOrEqual(measureStructure.precision, 0.99, summary)
    }

    /// Measure rows scored as the evaluator does: greedy pairing by text similarity, a pair is right
    /// when every field the gold gives agrees (equal after whitespace collapsing, or containment
    /// when both are at least 30 characters).
    static func scoreMeasures(gold: [[String: Any]], count: Int?, found: [Measure], name: String,
                              report: inout [String], ignoringSpaces: Bool = false) -> Tally {
        func norm(_ s: String) -> String { ignoringSpaces ? collapse(s).filter { !$0.isWhitespace } : collapse(s) }
        func fields(_ m: Measure) -> [String: String] {
            var d: [String: String] = [:]
            d["issue"] = m.issue; d["measure"] = m.measure; d["steps"] = m.steps; d["period"] = m.period
            d["owner"] = m.owner; d["indicator"] = m.indicator.map(String.init)
            return d
        }
        let run = found.map(fields)
        func text(_ g: [String: Any], _ k: String) -> String? {
            if let s = g[k] as? String { return s }
            if let n = g[k] as? Int { return String(n) }
            return nil
        }
        var pairs: [(Double, Int, Int)] = []
        for (gi, g) in gold.enumerated() {
            let keys = ["measure", "issue"].filter { text(g, $0)?.isEmpty == false }
            guard !keys.isEmpty else { continue }
            let gt = keys.map { text(g, $0)! }.joined(separator: " ")
            for (ri, r) in run.enumerated() {
                let s = dice(gt, keys.map { r[$0] ?? "" }.joined(separator: " "))
                if s >= 0.2 { pairs.append((s, gi, ri)) }
            }
        }
        pairs.sort { ($0.0, -$0.1, -$0.2) > ($1.0, -$1.1, -$1.2) }
        var gPair: [Int: Int] = [:], taken = Set<Int>()
        for p in pairs where gPair[p.1] == nil && !taken.contains(p.2) { gPair[p.1] = p.2; taken.insert(p.2) }
        var t = Tally()
        for (gi, g) in gold.enumerated() {
            guard let ri = gPair[gi] else { t.fn += 1; report.append("\(name) \(ignoringSpaces ? "MS" : "M") miss row \(gi + 1)"); continue }
            let wrong = g.keys.sorted().filter { k in
                let want = norm(text(g, k) ?? ""), got = norm(run[ri][k] ?? "")
                if want == got { return false }
                return !(want.count >= 30 && got.count >= 30 && (want.contains(got) || got.contains(want)))
            }
            if wrong.isEmpty { t.tp += 1 } else {
                t.fp += 1; t.fn += 1
                do { report.append("\(name) \(ignoringSpaces ? "MS" : "M") wrong row \(gi + 1) ~ \(ri + 1): " + wrong.map { "\($0): want «\(collapse(text(g, $0) ?? "").prefix(70))» got «\(collapse(run[ri][$0] ?? "").prefix(70))»" }.joined(separator: "; ")) }
            }
        }
        let unpaired = run.indices.filter { !taken.contains($0) }.count
        t.fp += max(0, unpaired - max(0, (count ?? gold.count) - gold.count))
        return t
    }

    /// Dice coefficient of character bigrams.
    static func dice(_ a: String, _ b: String) -> Double {
        func grams(_ s: String) -> [String: Int] {
            let c = Array(collapse(s))
            var d: [String: Int] = [:]
            if c.count >= 2 { for i in 0..<(c.count - 1) { d[String(c[i...i + 1]), default: 0] += 1 } }
            return d
        }
        let ga = grams(a), gb = grams(b)
        let na = ga.values.reduce(0, +), nb = gb.values.reduce(0, +)
        guard na + nb > 0 else { return 0 }
        let inter = ga.reduce(0) { $0 + min($1.value, gb[$1.key] ?? 0) }
        return 2 * Double(inter) / Double(na + nb)
    }
}
