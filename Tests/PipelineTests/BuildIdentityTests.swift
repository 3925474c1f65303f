import Foundation
import XCTest
@testable import Pipeline

/// The build's identity comes from the executable's GNU build ID note, read as `readelf -n` reads it.
final class BuildIdentityTests: XCTestCase {
    /// The built tool (linked with --build-id=sha1, see Package.swift): its note's 20 bytes are the
    /// Build ID binutils print; a PDF and a missing file have none. The tool not built fails the
    /// test (`BuiltTool`), never skips it.
    func testBuildIDOfTheBuiltTool() throws {
        let tool = try BuiltTool.required().path
        let id = try XCTUnwrap(ELFBuildID.read(path: tool), "ita-extract has no build ID: is it linked with --build-id?")
        XCTAssertEqual(id.count, 20, "SHA-1")
        let hex = id.map { String(format: "%02x", $0) }.joined()
        for readelf in ["/usr/bin/readelf", "/bin/readelf"] where FileManager.default.isExecutableFile(atPath: readelf) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: readelf)
            p.arguments = ["-n", tool]
            let out = Pipe()
            p.standardOutput = out
            try p.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            XCTAssertTrue(text.contains("Build ID: \(hex)"), text)
            break
        }
        let pdf = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: CorpusRun.corpus.appendingPathComponent("seeds").path)
            .first { $0.hasSuffix(".pdf") })
        XCTAssertNil(ELFBuildID.read(path: CorpusRun.corpus.appendingPathComponent("seeds/\(pdf)").path))
        XCTAssertNil(ELFBuildID.read(path: "/nonexistent/ita-extract"))
    }
}
