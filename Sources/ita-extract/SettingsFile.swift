import ArgumentParser
import Foundation
import PageLayout
import Pipeline

/// `--settings FILE.json` of extract and inspect: overrides of the stages' named tolerances
/// (`{"layout": {"columnGapEm": 1.2}, "interpret": {"questionMeanTolerance": 0.03}}`, keys as
/// `LayoutSettings` and `InterpretSettings` name them). Unknown sections and keys are errors.
enum SettingsFile {
    /// The settings files' sections, one per stage with tolerances.
    static let sections = ["interpret", "layout"]

    /// Both stages' settings: the defaults without a file.
    static func load(_ path: String?) throws -> (layout: LayoutSettings, interpret: InterpretSettings) {
        guard let path else { return (LayoutSettings(), InterpretSettings()) }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ValidationError("cannot read --settings \(path): \(error.localizedDescription)")
        }
        do {
            let layout = try LayoutSettings.overriding(with: data, file: path, knownSections: sections)
            return (layout, try InterpretSettings.overriding(with: data, file: path))
        } catch let p as LayoutSettings.Problem {
            throw ValidationError("--settings \(p)")
        } catch let p as InterpretSettings.Problem {
            throw ValidationError("--settings \(p)")
        }
    }

    /// The settings in force, one `section.key = value` a line, sorted.
    static func describe(_ layout: LayoutSettings, _ interpret: InterpretSettings) -> String {
        (interpret.described.map { "interpret.\($0.key) = \($0.value)" }
            + layout.asDictionary.sorted { $0.key < $1.key }.map { "layout.\($0.key) = \($0.value)" }).joined(separator: "\n")
    }
}
