import ArgumentParser
import Foundation
import QualityTools

/// `ita-extract eval`: scores a run's dataset against hand-made gold files.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score a run's dataset against gold JSON files (precision, recall, F1 per category).",
        discussion: """
        Gold files: one JSON per PDF (report.pdf -> report.json, format in
        DATASET.md), matched to reports.csv rows by file name without extension,
        and by the trailing folders of source_path when names collide. JSON
        files with none of the keys report, indicator_scores, question_scores,
        measures are skipped (listed).

        Counting, per category:
        report.<field>  gold value found equal = TP; found different = FP+FN;
                        gold value, run empty = FN; gold null, run has a
                        value = FP; gold null, run empty = TN (not counted).
                        "report" sums all fields.
        indicator_scores, question_scores
                        items keyed (year, indicator) / (year, code); a null
                        gold year matches any year. Right score = TP, wrong
                        score = FP+FN, key not found = FN, a run row no gold
                        item claims = FP.
        measures        gold rows paired greedily with run rows by text
                        similarity (bigram Dice of measure + issue, >= 0.2).
                        A pair whose given fields all agree = TP, else FP+FN;
                        unpaired gold row = FN; unpaired run row = FP (except
                        as many as a gold listing fewer rows than its "count"
                        leaves unlisted). Texts of 30+ characters also agree
                        when one contains the other, spaces ignored. Found
                        row count against "count" is reported apart.
        Numbers agree within 0.005; text after NFC and whitespace collapsing.
        "unsure" fields are listed apart and not scored.
        P = TP/(TP+FP), R = TP/(TP+FN), F1 = 2PR/(P+R); 0 on a zero
        denominator; n/a when TP+FP+FN = 0 (never below a floor).
        Exit code 1 when a category is below --min-f1 or its --min-f1-for floor.
        """
    )

    @Option(name: .long, help: "Folder of gold JSON files (searched recursively).")
    var gold: String

    @Argument(help: "The run's output directory (holds reports.csv, indicator_scores.csv, ...).")
    var run: String

    @Option(name: .long, help: ArgumentHelp("A subfolder of --gold whose gold files are not scored (repeatable), e.g. a sample held to floors of its own.", valueName: "folder"))
    var exclude: [String] = []

    @Flag(name: .long, help: "Print the result as JSON (stable key order) instead of text.")
    var json = false

    @Option(name: .customLong("min-f1"), help: "Exit with code 1 when any category's F1 is below this value (0...1).")
    var minF1: Double?

    @Option(name: .customLong("min-f1-for"),
            help: ArgumentHelp("A floor for one category, overriding --min-f1 for it (repeatable).",
                               valueName: "category=F1"))
    var minF1For: [String] = []

    @Option(name: .long, help: "Write the report to this file instead of standard output.")
    var out: String?

    func validate() throws {
        if let minF1, !(0...1).contains(minF1) { throw ValidationError("--min-f1 must be between 0 and 1") }
        _ = try perCategoryFloors()
    }

    /// The --min-f1-for pairs as category → floor.
    func perCategoryFloors() throws -> [String: Double] {
        var out: [String: Double] = [:]
        for item in minF1For {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, let v = Double(parts[1]), (0...1).contains(v) else {
                throw ValidationError("--min-f1-for wants category=F1 with F1 in 0...1, got \(item)")
            }
            out[parts[0]] = v
        }
        return out
    }

    func run() async throws {
        let result: EvalResult
        do {
            let dataset = try RunDataset.load(URL(fileURLWithPath: run))
            let scan = try GoldFile.scan(URL(fileURLWithPath: gold))
            let prefixes = exclude.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
            let golds = scan.golds.filter { g in !prefixes.contains { g.relativeName.hasPrefix($0) } }
            var r = Evaluator.evaluate(run: dataset, golds: golds, runLabel: run, goldLabel: gold)
            r.skippedFiles = scan.skipped
            result = r
        } catch let e as QualityError {
            throw ValidationError(e.description)
        }
        let floors = try perCategoryFloors()
        let text = json ? try JSONOutput.render(result) : EvalTextRenderer.render(result, floor: minF1, perCategory: floors)
        if let out {
            try text.write(toFile: out, atomically: true, encoding: .utf8)
        } else {
            print(text, terminator: "")
        }
        let below = result.categories(below: minF1, perCategory: floors)
        if !below.isEmpty {
            let list = below.map { c in
                "\(c.category) F1 \(String(format: "%.3f", c.f1 ?? 0)) < \(String(format: "%.3f", floors[c.category] ?? minF1 ?? 0))"
            }.joined(separator: ", ")
            FileHandle.standardError.write(Data("eval: below the F1 floor: \(list)\n".utf8))
            throw ExitCode(1)
        }
    }
}
