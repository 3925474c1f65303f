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
        /// Warning codes the document was made to raise (generated documents with planted faults).
        var expected_warnings: [String]?
    }

    struct Case { var name: String; var pdf: String; var gold: Gold; var result: Interpretation }

    static let mappings = MappingsDirectory.forSourceFile(#filePath)!
    static let root = mappings.deletingLastPathComponent().appendingPathComponent("Corpus")
    /// The folders of Corpus/ whose every PDF has a gold file beside it, and how many PDFs each
    /// holds at least (a moved or emptied corpus fails the tests instead of passing them empty).
    static let folders = [("seeds", 3), ("generated", 13)]

    /// Every Corpus PDF with a gold file, interpreted, and every file that could not be read
    /// (computed once per test run). `testCorpusIsThereAndReadable` fails on any problem.
    static let loaded: (cases: [Case], problems: [String]) = {
        let fm = FileManager.default
        var out: [Case] = [], problems: [String] = []
        let normaliser: ThaiNormaliser, ita: ITAMappings
        do { normaliser = try ThaiNormaliser(mappings: mappings); ita = try ITAMappings(directory: mappings) } catch {
            return ([], ["Mappings: \(error)"])
        }
        let interpreter = ReportInterpreter(mappings: ita)
        for (sub, least) in folders {
            let dir = root.appendingPathComponent(sub)
            let names: [String]
            do { names = try fm.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".pdf") }.sorted() } catch {
                problems.append("\(dir.path): \(error.localizedDescription)"); continue
            }
            if names.count < least { problems.append("\(dir.path): \(names.count) PDFs, expected at least \(least)") }
            for name in names {
                let pdf = dir.appendingPathComponent(name).path
                let json = dir.appendingPathComponent(String(name.dropLast(4)) + ".json")
                do {
                    let gold = try JSONDecoder().decode(Gold.self, from: Data(contentsOf: json))
                    let text = try PDFExtractor.read(path: pdf)
                    let result = interpreter.interpret(normaliser.normalise(LayoutAnalyser.analyse(text, furniture: try .checkedIn())))
                    out.append(Case(name: sub + "/" + name, pdf: pdf, gold: gold, result: result))
                } catch {
                    problems.append("\(sub)/\(name): \(error)")
                }
            }
        }
        return (out, problems)
    }()

    static var cases: [Case] { loaded.cases }

    static func scoresEqual(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        guard let x = Double(a), let y = Double(b) else { return a == b }
        return abs(x - y) < 0.005
    }
}
