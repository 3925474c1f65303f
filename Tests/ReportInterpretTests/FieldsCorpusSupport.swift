import Foundation
import ITAModel
import PDFExtract
import PageLayout
import ThaiNormalise
@testable import ReportInterpret

/// Runs the real pipeline (PDFExtractor → LayoutAnalyser → ReportInterpreter) on the Corpus PDFs
/// and loads their gold JSON files, for the fields/indicator/cross-check tests.
enum FieldsCorpus {
    struct Gold: Decodable {
        struct Report: Decodable {
            var unit_name: String?; var unit_type: String?; var district: String?; var province: String?
            var assessment_year: Int?; var plan_year: Int?; var overall_score: String?; var rating: String?
        }
        struct Indicator: Decodable { var year: Int?; var indicator: Int; var tool: String?; var score: String }
        var report: Report
        var indicator_scores: [Indicator]?
    }

    struct Case { var name: String; var pdf: String; var gold: Gold; var result: Interpretation }

    static let mappings = MappingsDirectory.forSourceFile(#filePath)!
    static let root = mappings.deletingLastPathComponent().appendingPathComponent("Corpus")

    /// Every Corpus PDF with a gold file, interpreted (computed once per test run).
    static let cases: [Case] = {
        let fm = FileManager.default
        var out: [Case] = []
        guard let normaliser = try? ThaiNormaliser(mappings: mappings) else { return [] }
        let interpreter = ReportInterpreter(mappings: try! ITAMappings(directory: mappings), normaliser: normaliser)
        for sub in ["seeds", "generated"] {
            let dir = root.appendingPathComponent(sub)
            let names = ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".pdf") }.sorted()
            for name in names {
                let pdf = dir.appendingPathComponent(name).path
                let json = dir.appendingPathComponent(String(name.dropLast(4)) + ".json")
                guard let data = try? Data(contentsOf: json), let gold = try? JSONDecoder().decode(Gold.self, from: data),
                      let text = try? PDFExtractor.read(path: pdf) else { continue }
                let result = interpreter.interpret(LayoutAnalyser.analyse(text))
                out.append(Case(name: sub + "/" + name, pdf: pdf, gold: gold, result: result))
            }
        }
        return out
    }()

    static func scoresEqual(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        guard let x = Double(a), let y = Double(b) else { return a == b }
        return abs(x - y) < 0.005
    }
}
