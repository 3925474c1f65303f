import Foundation
import ITAModel
@testable import ThaiNormalise

/// One normaliser for all tests (loading the tables once), from this checkout's Mappings.
enum Fixture {
    static let mappings: URL = (MappingsDirectory.forSourceFile(#filePath) ?? MappingsDirectory.locate())!
    static let normaliser: ThaiNormaliser = try! ThaiNormaliser(mappings: mappings)

    /// The seed report texts (real reports), from Tests/Fixtures/seeds in this checkout.
    static func seeds() -> [(name: String, text: String)] {
        let dir = mappings.deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/seeds")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
        return names.compactMap { n in (try? String(contentsOf: dir.appendingPathComponent(n), encoding: .utf8)).map { (n, $0) } }
    }
}

extension String {
    /// Shorthand for building strings from code points in tests.
    init(scalars: UInt32...) { self = String(String.UnicodeScalarView(scalars.map { Unicode.Scalar($0)! })) }
    var scalarValues: [UInt32] { unicodeScalars.map(\.value) }
}
