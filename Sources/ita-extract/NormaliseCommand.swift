import ArgumentParser
import Foundation
import ITAModel
import ThaiNormalise

/// `ita-extract normalise`: Thai text in, normalised text (or the list of changes) out.
struct NormaliseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalise",
        abstract: "Repair the Thai text of PDF text layers and OCR (NFC, PUA glyphs, SARA AM, marks, OCR confusions).",
        discussion: "Reads Thai text from standard input (or the FILE arguments, in order) and writes it normalised, "
            + "line by line. With --changes it prints each change instead, one JSON object a line "
            + "(kind, offset, before, after, line); offsets count Unicode scalars of the input line "
            + "(of the paragraph with --join-lines)."
    )

    @Argument(help: "Text files to read (UTF-8). Standard input when none is given.")
    var files: [String] = []

    @Flag(help: "Print the changes as JSON Lines (kind, offset, before, after) instead of the text.")
    var changes = false

    @Flag(help: "Also convert every Thai digit to ASCII (as numeric fields are written).")
    var numeric = false

    @Flag(help: "Treat consecutive non-empty lines as the wrapped lines of one paragraph and decide per line end whether a space belongs (blank lines separate paragraphs).")
    var joinLines = false

    @Flag(help: "Print the ICU word tokens of each normalised line, separated by '|', instead of the text.")
    var tokens = false

    @Option(name: .customLong("mappings"), help: ArgumentHelp("The Mappings folder (default: $ITA_MAPPINGS, else found beside the executable or the current folder).", valueName: "DIR"))
    var mappingsDir: String?

    func run() async throws {
        guard let dir = MappingsDirectory.locate(explicit: mappingsDir) else {
            throw ValidationError("Mappings folder not found: pass --mappings DIR or set \(MappingsDirectory.environmentVariable)")
        }
        let normaliser = try MappingsFailure.exitOnError { try ThaiNormaliser(mappings: dir) }
        var input = ""
        if files.isEmpty {
            var data = Data()
            while let chunk = try FileHandle.standardInput.read(upToCount: 1 << 20), !chunk.isEmpty { data.append(chunk) }
            input = String(decoding: data, as: UTF8.self)
        } else {
            for f in files { input += try String(contentsOfFile: f, encoding: .utf8) }
        }
        // Split on the byte: Foundation's components(separatedBy:) costs more than normalising.
        var lines = input.utf8.split(separator: 10, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        if lines.last == "" { lines.removeLast() }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = ""
        out.reserveCapacity(input.utf8.count + 64)
        var lineNo = 0

        func emit(_ result: NormalisedText, firstLine: Int) throws {
            if changes {
                for c in result.changes {
                    let row = ChangeRow(kind: c.kind, offset: c.offset, before: c.before, after: c.after, line: firstLine)
                    out += String(decoding: try encoder.encode(row), as: UTF8.self) + "\n"
                }
            } else if tokens {
                out += ThaiWords.tokens(result.text).joined(separator: "|") + "\n"
            } else {
                out += result.text + "\n"
            }
        }

        if joinLines {
            var para: [String] = []
            var start = 1
            for line in lines + [""] {
                lineNo += 1
                if line.trimmingCharacters(in: .whitespaces).isEmpty {
                    if !para.isEmpty {
                        var r = normaliser.normaliseLines(para)
                        if numeric { r = merge(r, normaliser.normalise(r.text, numeric: true)) }
                        try emit(r, firstLine: start)
                        para = []
                    }
                    if lineNo <= lines.count && !changes && !tokens { out += "\n" }
                    start = lineNo + 1
                } else { para.append(line) }
            }
        } else {
            for line in lines {
                lineNo += 1
                try emit(normaliser.normalise(line, numeric: numeric), firstLine: lineNo)
                if out.utf8.count > 1 << 20 { FileHandle.standardOutput.write(Data(out.utf8)); out = "" }
            }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    /// The second pass's digit changes appended to the first result (offsets of the digits pass
    /// refer to the joined text; good enough for a command-line listing).
    private func merge(_ a: NormalisedText, _ b: NormalisedText) -> NormalisedText {
        NormalisedText(text: b.text, changes: a.changes + b.changes)
    }
}

/// One line of `normalise --changes` output.
private struct ChangeRow: Encodable {
    let kind: String
    let offset: Int
    let before: String
    let after: String
    let line: Int
}
