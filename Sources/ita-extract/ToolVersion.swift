/// The tool's version, written into manifest.json and printed by `--version`.
enum ToolVersion {
    static let current = "0.1.0"
}
