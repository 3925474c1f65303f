import ArgumentParser
import Foundation
import PageLayout

/// `--settings FILE.json` of extract and inspect: overrides of the stages' named tolerances
/// (`{"layout": {"columnGapEm": 1.2}}`, keys as `LayoutSettings` names them). Unknown keys are errors.
enum SettingsFile {
    static func layout(_ path: String?) throws -> LayoutSettings {
        guard let path else { return LayoutSettings() }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ValidationError("cannot read --settings \(path): \(error.localizedDescription)")
        }
        do { return try LayoutSettings.overriding(with: data, file: path) } catch let p as LayoutSettings.Problem {
            throw ValidationError("--settings \(p)")
        }
    }

    /// The settings in force, one `section.key = value` a line, sorted.
    static func describe(_ layout: LayoutSettings) -> String {
        layout.asDictionary.sorted { $0.key < $1.key }.map { "layout.\($0.key) = \($0.value)" }.joined(separator: "\n")
    }
}
