import Foundation
import ITAModel
@testable import ThaiNormalise
import XCTest

/// One normaliser for all tests (loading the tables once), from this checkout's Mappings.
enum Fixture {
    static let mappings: URL = (MappingsDirectory.forSourceFile(#filePath) ?? MappingsDirectory.locate())!
    static let normaliser: ThaiNormaliser = try! ThaiNormaliser(mappings: mappings)

    /// The seed report texts (real reports), from Tests/Fixtures/seeds in this checkout. A missing
    /// folder, an empty one or a file that is not UTF-8 text fails the calling test (a loop over no
    /// seeds would pass without checking anything).
    static func seeds(file: StaticString = #filePath, line: UInt = #line) -> [(name: String, text: String)] {
        let dir = mappings.deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/seeds")
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted() } catch {
            XCTFail("seed fixtures missing: \(dir.path): \(error)", file: file, line: line); return []
        }
        if names.isEmpty { XCTFail("no seed fixtures (*.txt) in \(dir.path)", file: file, line: line) }
        return names.compactMap { n in
            do { return (n, try String(contentsOf: dir.appendingPathComponent(n), encoding: .utf8)) } catch {
                XCTFail("seed fixture \(n) unreadable: \(error)", file: file, line: line); return nil
            }
        }
    }
}

extension String {
    /// Shorthand for building strings from code points in tests.
    init(scalars: UInt32...) { self = String(String.UnicodeScalarView(scalars.map { Unicode.Scalar($0)! })) }
    var scalarValues: [UInt32] { unicodeScalars.map(\.value) }
}
