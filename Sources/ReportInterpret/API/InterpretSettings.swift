import Foundation

/// The tolerances of the interpret stage's cross-checks, each with the reason for its default, as
/// `LayoutSettings` does for layout. Passed to `ReportInterpreter.interpret`, never read from a
/// global; `extract --settings FILE.json` and `inspect --settings FILE.json` override them
/// (`{"interpret": {"questionMeanTolerance": 0.03}}`, an unknown key is an error). In points (a
/// score's unit, 0-100).
///
/// The two score tolerances default to the framework's own, per year, in
/// Mappings/ita/tool-weights.json (2568 needs a wider one than 2566: see that file); a setting here
/// replaces it for every year. A negative tolerance fails every check, so that each check prints
/// its message with its computed number (the rerun test, Scripts/test-rerun.sh, compares those).
public struct InterpretSettings: Codable, Equatable, Sendable {
    /// How far an indicator's printed score may be from the exact mean of its printed questions
    /// (IIT, OIT) before `indicator_mean_mismatch`; nil: tool-weights.json's
    /// `questionMeanTools.tolerance` (0.02: the questions and the indicator are each rounded to
    /// two decimals).
    public var questionMeanTolerance: Double?
    /// How far the printed overall score may be from the tools' weighted means before
    /// `overall_weighted_mismatch`; nil: the assessment year's `tolerance` in tool-weights.json.
    public var overallWeightedTolerance: Double?
    /// An indicator table with no caption is the assessment year's when its weighted tool means
    /// give the printed overall score within this (or the year's overall tolerance, if wider): looser
    /// than the check, since a table's ten scores are rounded and some reports weight from unrounded
    /// ones (seed tables landed within 0.05).
    public var tableYearTolerance = 0.06
    /// A score (rounded to two decimals) still fits a band whose printed maximum it equals: this
    /// slack absorbs binary floating-point error only, under half a hundredth so that 85.00 never
    /// fits a band ending at 84.99.
    public var ratingBandSlack = 0.0049

    public init() {}

    /// The question-mean tolerance in force, given the framework's (Mappings) one.
    func questionMean(mappings: Double) -> Double { questionMeanTolerance ?? mappings }
    /// The overall-score tolerance in force for a year whose framework tolerance is `mappings`.
    func overallWeighted(mappings: Double) -> Double { overallWeightedTolerance ?? mappings }

    /// The largest tolerance (points, either sign) a settings file may give: a score's whole range.
    static let maximumMagnitude = 100.0

    /// The names of every setting, sorted.
    public static let keys = ["overallWeightedTolerance", "questionMeanTolerance", "ratingBandSlack", "tableYearTolerance"]

    /// The defaults with the `"interpret"` section of a settings file applied
    /// (`{"interpret": {"questionMeanTolerance": 0.03}}`; other sections are the caller's to check).
    /// An unknown key, or a value that is not a number, throws `Problem`.
    public static func overriding(with data: Data, file: String) throws -> InterpretSettings {
        struct File: Decodable { var interpret: [String: Double]? }
        let section: [String: Double]
        do { section = try JSONDecoder().decode(File.self, from: data).interpret ?? [:] } catch {
            throw Problem(file: file, message: "every interpret setting must be a number")
        }
        var s = InterpretSettings()
        for key in section.keys.sorted() {
            let v = section[key]!
            // Scores are points 0-100: a tolerance beyond a whole score's range means nothing, and
            // a huge one overflows the checks' exact hundredths (every document would crash).
            guard v.isFinite, abs(v) <= maximumMagnitude else {
                throw Problem(file: file, message: "interpret setting '\(key)' must be a number between -\(Int(maximumMagnitude)) and \(Int(maximumMagnitude)) points, not \(v)")
            }
            switch key {
            case "questionMeanTolerance": s.questionMeanTolerance = v
            case "overallWeightedTolerance": s.overallWeightedTolerance = v
            case "tableYearTolerance": s.tableYearTolerance = v
            case "ratingBandSlack": s.ratingBandSlack = v
            default:
                throw Problem(file: file, message: "unknown interpret setting '\(key)' (known: \(keys.joined(separator: ", ")))")
            }
        }
        return s
    }

    /// Every setting by name, as `inspect` prints it and the manifest records it: a number, or
    /// "Mappings" when the framework's own tolerance (tool-weights.json) is in force.
    public var described: [(key: String, value: String)] {
        [("overallWeightedTolerance", overallWeightedTolerance.map { String($0) } ?? "Mappings"),
         ("questionMeanTolerance", questionMeanTolerance.map { String($0) } ?? "Mappings"),
         ("ratingBandSlack", String(ratingBandSlack)),
         ("tableYearTolerance", String(tableYearTolerance))]
    }

    /// A settings file that cannot be used.
    public struct Problem: Error, CustomStringConvertible {
        public var file: String
        public var message: String
        public var description: String { "\(file): \(message)" }
    }
}
