import Foundation
import ITAModel
import PDFExtract

/// Turns poppler's error messages about a file (`PopplerMessages`) into a `pdf_damaged` warning:
/// how many syntax errors, how many about fonts or CMaps, and a sample. The reading of poppler's
/// wording is data (Mappings/pdf/poppler-messages.tsv), loaded once.
struct PDFDamage: Sendable {
    enum Kind: String, Sendable { case fontCMap = "font_cmap", substitute }

    /// (fragment, kind), first match wins.
    let rules: [Rule]
    struct Rule: Sendable { let fragment: String; let kind: Kind }
    /// Messages quoted in the warning: enough to see what broke, short enough for a CSV cell's neighbour.
    static let sampleSize = 3

    static let file = "pdf/poppler-messages.tsv"

    /// Loads the rules; a missing or malformed file is an error (never a silent empty table).
    init(mappings: URL) throws {
        let url = mappings.appendingPathComponent(PDFDamage.file)
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw MappingsError(file: PDFDamage.file, problem: "missing or unreadable (\(error.localizedDescription))")
        }
        var rules: [Rule] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, let kind = Kind(rawValue: String(parts[1])) else {
                throw MappingsError(file: PDFDamage.file, key: "line \(n + 1)", problem: "expected fragment<TAB>font_cmap|substitute")
            }
            rules.append(Rule(fragment: String(parts[0]), kind: kind))
        }
        guard !rules.isEmpty else { throw MappingsError(file: PDFDamage.file, problem: "empty list (no rules)") }
        self.rules = rules
    }

    /// The kind of one message; nil for a plain syntax error.
    func kind(of message: String) -> Kind? {
        rules.first { message.contains($0.fragment) }?.kind
    }

    /// The warning for `messages`; nil when poppler said nothing that is damage.
    func warning(_ messages: PopplerMessages) -> Warning? {
        let damage = messages.messages.compactMap { m -> (String, Kind?)? in
            let k = kind(of: m)
            return k == .substitute ? nil : (m, k)
        }
        guard !damage.isEmpty else { return nil }
        let fonts = damage.filter { $0.1 == .fontCMap }.count
        let syntax = damage.count - fonts
        let more = messages.capped ? " (more not counted)" : ""
        var counts: [String] = []
        if syntax > 0 { counts.append("\(syntax) syntax error\(syntax == 1 ? "" : "s")") }
        if fonts > 0 { counts.append("\(fonts) about fonts or CMaps") }
        let sample = damage.prefix(PDFDamage.sampleSize).map(\.0).joined(separator: " | ")
        return Warning(code: .pdfDamaged,
                       message: "poppler reported \(counts.joined(separator: " and "))\(more) while reading the file; text it worked around may be missing or wrong: \(sample)")
    }
}
