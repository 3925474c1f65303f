import Foundation
import XCTest

/// The built `ita-extract` beside this test bundle (`.build/debug/`, built with the tests by
/// `swift build --build-tests`), for tests that run the real command line. A missing tool fails
/// the test that needs it, never skips it: a skip would pass CI with nothing checked.
enum BuiltTool {
    static let url: URL = {
        let bundle = URL(fileURLWithPath: CommandLine.arguments.first { $0.hasSuffix(".xctest") } ?? CommandLine.arguments[0])
        return bundle.deletingLastPathComponent().appendingPathComponent("ita-extract")
    }()

    /// The tool's path; throws (a recorded failure) when it is not built.
    static func required(file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        try XCTUnwrap(FileManager.default.isExecutableFile(atPath: url.path) ? url : nil,
                      "\(url.path) missing: build with `swift build --build-tests` before `swift test`", file: file, line: line)
    }

    /// Runs the tool with `arguments`; its exit status and what it wrote on stderr.
    static func run(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> (status: Int32, stderr: String) {
        let p = Process()
        p.executableURL = try required(file: file, line: line)
        p.arguments = arguments
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, message)
    }
}
