import ArgumentParser
import Foundation
import QualityTools

/// `ita-extract diff`: what changed between two runs' datasets.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two output directories: documents added, removed, newly failed or recovered, and every changed value.",
        discussion: """
        Documents are keyed by source_path: a changed file keeps its path but
        gets a new doc_id, and its sha256 change is listed apart. Scores are
        keyed (year, indicator) and (year, code). Measure rows are aligned by
        content: identical rows (longest common subsequence) stay put, rows
        between them pair up in order by text similarity (>= 0.5), the rest
        are added or removed rows. Only columns both runs have are compared.
        Changes are grouped by field. Exit code 0 whether or not anything changed.
        """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, html
    }

    @Argument(help: "The earlier run's output directory.")
    var runA: String

    @Argument(help: "The later run's output directory.")
    var runB: String

    @Option(name: .long, help: "Output format: text, json or html (one self-contained file).")
    var format: Format = .text

    @Option(name: .long, help: "Write the report to this file instead of standard output.")
    var out: String?

    @Option(name: .long, help: "Folder of gold JSON files: also show F1 per category before and after.")
    var gold: String?

    func run() async throws {
        var result: DiffResult
        do {
            let a = try RunDataset.load(URL(fileURLWithPath: runA))
            let b = try RunDataset.load(URL(fileURLWithPath: runB))
            result = RunDiffer.diff(a, b, labelA: runA, labelB: runB)
            if let gold {
                let golds = try GoldFile.loadAll(URL(fileURLWithPath: gold))
                result = RunDiffer.withAccuracy(
                    result,
                    before: Evaluator.evaluate(run: a, golds: golds, runLabel: runA, goldLabel: gold),
                    after: Evaluator.evaluate(run: b, golds: golds, runLabel: runB, goldLabel: gold))
            }
        } catch let e as QualityError {
            throw ValidationError(e.description)
        }
        let text: String
        switch format {
        case .text: text = DiffTextRenderer.render(result)
        case .json: text = try JSONOutput.render(result)
        case .html: text = DiffHTMLRenderer.render(result)
        }
        if let out {
            try text.write(toFile: out, atomically: true, encoding: .utf8)
        } else {
            print(text, terminator: "")
        }
    }
}
