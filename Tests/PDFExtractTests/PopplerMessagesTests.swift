import Foundation
@testable import PDFExtract
import XCTest

/// poppler's error messages are kept per document, even with documents read on several threads.
final class PopplerMessagesTests: XCTestCase {
    /// A copy of a seed report with one byte of its first ToUnicode stream flipped where poppler's
    /// inflate notices it (issue 14's damaged file).
    private func damagedCopy(in dir: URL) throws -> URL {
        var data = try Data(contentsOf: Corpus.root.appendingPathComponent("seeds/s002-obt.pdf"))
        let text = String(decoding: data, as: UTF8.self)
        let ref = try XCTUnwrap(text.range(of: #"/ToUnicode (\d+) 0 R"#, options: .regularExpression))
        let number = text[ref].split(separator: " ")[1]
        let bytes = [UInt8](data)
        let header = Array("\n\(number) 0 obj".utf8)
        let start = try XCTUnwrap((0..<(bytes.count - header.count)).first { Array(bytes[$0..<($0 + header.count)]) == header })
        let streamWord = Array("stream\n".utf8)
        let body = try XCTUnwrap((start..<(bytes.count - 7)).first { Array(bytes[$0..<($0 + 7)]) == streamWord }) + 7
        data[body + 40] ^= 0xFF
        let url = dir.appendingPathComponent("flipped.pdf")
        try data.write(to: url)
        return url
    }

    /// poppler's tables (GlobalParams) were built for each document and dropped when it closed (2% of a
    /// run's CPU): they now outlive a closed document, and the process's first document chose the error
    /// callback, so a damaged file read after clean ones still has its messages.
    func testPopplersTablesOutliveADocumentAndDamageIsStillReported() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let clean = try XCTUnwrap(Corpus.cleanTextPDFs().first)
        XCTAssertEqual(try PDFExtractor.read(path: clean.path).messages, PopplerMessages())
        XCTAssertTrue(PDFExtractor.popplerTablesAlive, "poppler's tables were dropped with the document")
        let damaged = try PDFExtractor.read(path: try damagedCopy(in: dir).path)
        XCTAssertTrue(damaged.messages.messages.contains { $0.contains("flate stream") }, "\(damaged.messages)")
        XCTAssertTrue(PDFExtractor.popplerTablesAlive)
    }

    func testDamageIsReportedAndCleanFilesSayNothing() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let damaged = try PDFExtractor.read(path: try damagedCopy(in: dir).path)
        XCTAssertFalse(damaged.messages.messages.isEmpty)
        XCTAssertTrue(damaged.messages.messages.contains { $0.contains("flate stream") }, "\(damaged.messages)")
        for url in Corpus.cleanTextPDFs().prefix(3) {
            XCTAssertEqual(try PDFExtractor.read(path: url.path).messages, PopplerMessages(), url.lastPathComponent)
        }
    }

    /// The callback is process-global: with a damaged and clean documents read at once, every
    /// message still lands on the damaged one only.
    func testMessagesGoToTheDocumentBeingRead() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let damagedPath = try damagedCopy(in: dir).path
        let clean = Corpus.cleanTextPDFs().prefix(3).map(\.path)
        let paths = [damagedPath, damagedPath] + clean
        var results = [PopplerMessages?](repeating: nil, count: paths.count)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            let m = try? PDFExtractor.read(path: paths[i]).messages
            lock.lock(); results[i] = m; lock.unlock()
        }
        XCTAssertEqual(results[0], results[1])
        XCTAssertFalse(results[0]?.messages.isEmpty ?? true)
        for i in 2..<paths.count { XCTAssertEqual(results[i], PopplerMessages(), paths[i]) }
    }
}
