import Foundation

/// Finds the `Mappings/` folder (data files: glyph repairs, OCR confusions, lexicon, question
/// catalogues, score bands) at run time, so a data change needs no rebuild.
public enum MappingsDirectory {
    /// The environment variable that names the folder explicitly.
    public static let environmentVariable = "ITA_MAPPINGS"

    /// `explicit` if given, else $ITA_MAPPINGS, else the first `Mappings` folder found walking up
    /// from the executable's folder, then from the current directory.
    public static func locate(explicit: String? = nil) -> URL? {
        let fm = FileManager.default
        func isDir(_ url: URL) -> Bool {
            var d: ObjCBool = false
            return fm.fileExists(atPath: url.path, isDirectory: &d) && d.boolValue
        }
        if let explicit { let u = URL(fileURLWithPath: explicit); return isDir(u) ? u : nil }
        if let env = ProcessInfo.processInfo.environment[environmentVariable], !env.isEmpty {
            let u = URL(fileURLWithPath: env); if isDir(u) { return u }
        }
        var starts: [URL] = []
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        starts.append(exe.deletingLastPathComponent())
        starts.append(Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() ?? exe)
        starts.append(URL(fileURLWithPath: fm.currentDirectoryPath))
        for start in starts {
            var dir = start.standardizedFileURL
            for _ in 0..<8 {
                let candidate = dir.appendingPathComponent("Mappings")
                if isDir(candidate), fm.fileExists(atPath: candidate.appendingPathComponent("VERSION").path) {
                    return candidate
                }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        return nil
    }

    /// The mappings folder of this source checkout, for tests (`#filePath` of a test file).
    public static func forSourceFile(_ filePath: String) -> URL? {
        var dir = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        for _ in 0..<8 {
            let c = dir.appendingPathComponent("Mappings")
            if FileManager.default.fileExists(atPath: c.appendingPathComponent("VERSION").path) { return c }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }
}
