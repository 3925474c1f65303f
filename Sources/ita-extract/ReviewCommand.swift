import ArgumentParser
import Foundation
import ReviewPage

/// `ita-extract review`: a self-contained HTML page to check a run's values against their pages.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Write one self-contained HTML page showing each value of a run beside a crop of its page.",
        discussion: """
        Documents are ordered by trouble: failed, partial, an inconsistent check, warnings, then the rest. \
        Each value is shown beside the part of its page it was read from (rendered through poppler) with its \
        box drawn; corrected values are marked. Keys: j/k next/previous document, / filter.
        """
    )

    @Argument(help: ArgumentHelp("A run folder (the --out of extract).", valueName: "run"))
    var runDirectory: String

    @Option(help: ArgumentHelp("Folder the PDFs are in (default: source_path as recorded, relative to the current folder).", valueName: "dir"))
    var pdfs: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("The HTML file to write.", valueName: "file.html"))
    var out: String

    func run() throws {
        let (html, summary) = try ReviewPage.build(run: URL(fileURLWithPath: runDirectory),
                                                   options: ReviewPage.Options(pdfs: pdfs.map { URL(fileURLWithPath: $0) }))
        let url = URL(fileURLWithPath: out)
        // Written under a temporary name, then renamed: never a half-written page.
        let tmp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
        try Data(html.utf8).write(to: tmp)
        guard rename(tmp.path, url.path) == 0 else {
            throw ValidationError("cannot write \(url.path): \(String(cString: strerror(errno)))")
        }
        for p in summary.missingPDFs {
            FileHandle.standardError.write(Data("ita-extract: review: PDF not found, values shown without crops: \(p)\n".utf8))
        }
        FileHandle.standardError.write(Data("\(summary.documents) documents, \(summary.values) values, \(summary.crops) crops -> \(out)\n".utf8))
    }
}
