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

    /// Exit status of a settings file that cannot be used, as for broken mappings: nothing is read.
    static let exitStatus: Int32 = 2

    /// Both stages' settings: the defaults without a file. A file that cannot be read, an unknown
    /// section or key, a value of the wrong type or outside its range (`SettingRange`) stops the
    /// command with exit 2 and one line naming the file, the key, the value and the range.
    static func load(_ path: String?) throws -> (layout: LayoutSettings, interpret: InterpretSettings) {
        guard let path else { return (LayoutSettings(), InterpretSettings()) }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw stop("cannot read --settings \(path): \(error.localizedDescription)")
        }
        do {
            let layout = try LayoutSettings.overriding(with: data, file: path, knownSections: sections)
            return (layout, try InterpretSettings.overriding(with: data, file: path))
        } catch let p as LayoutSettings.Problem {
            throw stop("--settings \(p)")
        } catch let p as InterpretSettings.Problem {
            throw stop("--settings \(p)")
        }
    }

    /// The message on stderr, and the exit status to stop with.
    private static func stop(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("ita-extract: \(message)\n".utf8))
        return ExitCode(exitStatus)
    }

    /// The settings in force, one `section.key = value` a line, sorted.
    static func describe(_ layout: LayoutSettings, _ interpret: InterpretSettings) -> String {
        (interpret.described.map { "interpret.\($0.key) = \($0.value)" }
            + layout.asDictionary.sorted { $0.key < $1.key }.map { "layout.\($0.key) = \($0.value)" }).joined(separator: "\n")
    }
}
