import Pipeline
import XCTest

/// `--shard K/N`: parts are disjoint, cover everything, and do not move when files are added.
final class ShardTests: XCTestCase {
    func testParsing() throws {
        XCTAssertEqual(try Shard(parsing: "3/4").description, "3/4")
        XCTAssertThrowsError(try Shard(parsing: "4/4"))
        XCTAssertThrowsError(try Shard(parsing: "0/0"))
        XCTAssertThrowsError(try Shard(parsing: "1-4"))
    }

    func testPartsAreDisjointCoverAllAndAreStableWhenFilesAreAdded() throws {
        let files = (0..<1000).map { "archive/2567/unit-\($0).pdf" }
        let shards = try (0..<4).map { try Shard(index: $0, count: 4) }
        let parts = shards.map { $0.select(files) }
        XCTAssertEqual(parts.map(\.count).reduce(0, +), files.count)
        XCTAssertEqual(Set(parts.flatMap { $0 }).count, files.count)
        // Roughly even: each part within 20% of a quarter (binomial sd here is about 14 files).
        for p in parts { XCTAssertTrue((200...300).contains(p.count), "\(p.count)") }
        let more = files + (0..<100).map { "archive/2568/new-\($0).pdf" }
        for (shard, part) in zip(shards, parts) {
            XCTAssertEqual(shard.select(more).filter { $0.hasPrefix("archive/2567/") }, part)
        }
    }
}
