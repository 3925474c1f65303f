import Foundation
import ITAModel
import XCTest

/// README.md's "Warnings" table is the users' list of what each code means: it names every
/// `WarningCode` once, and no code the tool cannot write.
final class WarningCodeReadmeTests: XCTestCase {
    func testReadmeListsEveryWarningCodeOnce() throws {
        let readme = FieldsCorpus.mappings.deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let start = try XCTUnwrap(text.range(of: "\n### Warnings\n"), "README.md has no '### Warnings' section")
        let section = text[start.upperBound...]
        let end = section.range(of: "\n### ")?.lowerBound ?? section.endIndex
        // Table rows: "| `code` | meaning |".
        var listed: [String] = []
        for line in section[..<end].split(separator: "\n") where line.hasPrefix("| `") {
            let cell = line.dropFirst(3)
            guard let close = cell.firstIndex(of: "`") else { continue }
            listed.append(String(cell[..<close]))
        }
        XCTAssertFalse(listed.isEmpty, "no warning rows in README.md's Warnings table")
        XCTAssertEqual(listed.count, Set(listed).count, "a code listed twice: \(listed)")
        let codes = Set(WarningCode.allCases.map(\.rawValue))
        XCTAssertEqual(codes.subtracting(listed).sorted(), [], "codes missing from README.md's Warnings table")
        XCTAssertEqual(Set(listed).subtracting(codes).sorted(), [], "README.md lists codes that are not WarningCode cases")
    }
}
