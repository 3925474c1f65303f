import Foundation
import ITAModel
import PDFExtract
import XCTest

/// Unreadable inputs fail with stage "extract" and the right machine-readable reason.
final class ErrorReasonTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws { dir = try makeTempDir() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private func assertReason(_ path: String, _ reason: String, file: StaticString = #filePath, line: UInt = #line) {
        do {
            _ = try PDFExtractor.read(path: path)
            XCTFail("\(path) was read, expected \(reason)", file: file, line: line)
        } catch let e as DocumentError {
            XCTAssertEqual(e.stage, "extract", file: file, line: line)
            XCTAssertEqual(e.reason, reason, e.message, file: file, line: line)
            XCTAssertFalse(e.message.isEmpty, file: file, line: line)
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
        }
    }

    private func write(_ name: String, _ data: Data) throws -> String {
        let url = dir.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    private func seed() throws -> Data {
        let seeds = Corpus.pdfs(in: "seeds")
        let first = try XCTUnwrap(seeds.first, "no seed PDFs")
        return try Data(contentsOf: first)
    }

    func testMissingFile() { assertReason(dir.appendingPathComponent("absent.pdf").path, "not_found") }

    func testEmptyFile() throws { assertReason(try write("empty.pdf", Data()), "empty_file") }

    func testNotAPDF() throws {
        assertReason(try write("text.pdf", Data("This is a plain text file, not a PDF.\n".utf8)), "not_pdf")
        assertReason(try write("png.pdf", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 64))), "not_pdf")
    }

    func testTruncated() throws {
        let bytes = try seed()
        for fraction in [0.1, 0.5, 0.9] {
            assertReason(try write("cut\(fraction).pdf", bytes.prefix(Int(Double(bytes.count) * fraction))), "damaged")
        }
        assertReason(try write("header-only.pdf", Data("%PDF-1.7\n".utf8)), "damaged")
    }

    func testEncrypted() throws {
        let committed = Corpus.root.appendingPathComponent("bad/encrypted.pdf")
        let path: String
        if FileManager.default.fileExists(atPath: committed.path) {
            path = committed.path
        } else {
            let plain = try write("plain.pdf", try seed())
            path = dir.appendingPathComponent("locked.pdf").path
            let status = runTool("qpdf", ["--encrypt", "user-secret", "owner-secret", "256", "--", plain, path])
            XCTAssertEqual(status, 0, "need Corpus/bad/encrypted.pdf or qpdf on PATH")
        }
        assertReason(path, "encrypted")
    }

    /// The committed bad inputs of Corpus/bad, each named for what is wrong with it.
    func testCorpusBadFiles() {
        let expected = ["empty.pdf": "empty_file", "encrypted.pdf": "encrypted",
                        "not-a-pdf.pdf": "not_pdf", "truncated.pdf": "damaged"]
        for (name, reason) in expected.sorted(by: { $0.key < $1.key }) {
            let path = Corpus.root.appendingPathComponent("bad/\(name)").path
            XCTAssertTrue(FileManager.default.fileExists(atPath: path), "missing Corpus/bad/\(name)")
            assertReason(path, reason)
        }
    }
}
