import Foundation
import PDFExtract
import XCTest

/// Paths of the committed Corpus, found relative to this file.
enum Corpus {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Corpus")

    /// Clean text-layer PDFs with a `.source.txt` beside each: the seeds, then the generated reports.
    static func cleanTextPDFs() -> [URL] { pdfs(in: "seeds") + pdfs(in: "generated") }

    /// PDFs directly under Corpus/<folder>, sorted by name. A missing folder or one without PDFs
    /// fails the calling test (a moved Corpus would otherwise make every loop over it pass empty).
    static func pdfs(in folder: String, file: StaticString = #filePath, line: UInt = #line) -> [URL] {
        let dir = root.appendingPathComponent(folder)
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: dir.path) } catch {
            XCTFail("Corpus folder missing: \(dir.path): \(error)", file: file, line: line); return []
        }
        let pdfs = names.filter { $0.hasSuffix(".pdf") }.sorted().map { dir.appendingPathComponent($0) }
        if pdfs.isEmpty { XCTFail("no PDFs in \(dir.path)", file: file, line: line) }
        return pdfs
    }
}

/// A fresh temporary directory per test, removed afterwards.
func makeTempDir() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pdfextract-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

/// Count of each Thai scalar (U+0E01-U+0E5B) in `text`.
func thaiCounts<S: Sequence>(_ scalars: S) -> [UInt32: Int] where S.Element == Unicode.Scalar {
    var counts: [UInt32: Int] = [:]
    for s in scalars where (0x0E01...0x0E5B).contains(s.value) { counts[s.value, default: 0] += 1 }
    return counts
}

/// All glyph text of a page, one scalar after another, without spaces.
func pageScalars(_ page: PageText) -> [Unicode.Scalar] { page.glyphs.flatMap { Array($0.text.unicodeScalars) } }

/// Runs a command; returns its exit status (or nil when the program is not on PATH).
@discardableResult
func runTool(_ program: String, _ args: [String]) -> Int32? {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = [program] + args
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    do { try p.run() } catch { return nil }
    p.waitUntilExit()
    return p.terminationStatus
}
