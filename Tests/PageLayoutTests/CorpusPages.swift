import Foundation
import PDFExtract
import PageLayout
import XCTest

/// The committed Corpus PDFs, read once and analysed once per test process.
enum CorpusPages {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Corpus")

    private static var cache: [String: (PDFText, DocumentLayout)] = [:]
    private static let lock = NSLock()

    /// The text layer and layout of Corpus/seeds/<name>.pdf.
    static func seed(_ name: String) throws -> (pdf: PDFText, layout: DocumentLayout) { try file("seeds/\(name)") }

    /// The text layer and layout of Corpus/<relative>.pdf.
    static func file(_ name: String) throws -> (pdf: PDFText, layout: DocumentLayout) {
        lock.lock(); defer { lock.unlock() }
        if let hit = cache[name] { return hit }
        let path = root.appendingPathComponent("\(name).pdf").path
        guard FileManager.default.fileExists(atPath: path) else {
            XCTFail("missing Corpus PDF \(path)"); throw CocoaError(.fileNoSuchFile)
        }
        let pdf = try PDFExtractor.read(path: path)
        let layout = LayoutAnalyser.analyse(pdf, furniture: try .checkedIn())
        cache[name] = (pdf, layout)
        return (pdf, layout)
    }

    /// Text without any whitespace, to compare text whose wrapping and spacing differ.
    static func squeezed(_ s: String) -> String { String(s.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init)) }
}
