import Foundation

/// `extract -report.pdf`: the argument parser reads `-report.pdf` as the short options -r -e -p
/// -o ... and, meeting `-h` in `-dash.pdf`, printed help and exited 0 with nothing read. A
/// single-dash argument before `--` that names an existing file or folder is stopped here with a
/// clear message instead.
enum DashPathGuard {
    /// The message for the first such argument of `arguments` (the command line without the program), if any.
    static func problem(_ arguments: [String]) -> String? {
        for arg in arguments {
            if arg == "--" { return nil }
            guard arg.count > 2, arg.hasPrefix("-"), !arg.hasPrefix("--") else { continue }
            if FileManager.default.fileExists(atPath: arg) {
                return "'\(arg)' is a path that starts with a dash: put -- before it (ita-extract extract --out DIR -- \(arg))"
            }
        }
        return nil
    }
}
