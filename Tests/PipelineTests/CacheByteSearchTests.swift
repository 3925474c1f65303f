import Foundation
import XCTest
@testable import Pipeline

/// The cache's byte search (`ResultCache.firstRange`) finds what Foundation's `Data.range(of:)` finds,
/// on a real gold record (a Corpus seed's JSON, Thai text and all): pieces cut from it at many
/// places and lengths (present, so the first occurrence counts), the same pieces with a byte changed
/// (mostly absent), the whole text and more than it, and a slice whose indices do not start at 0.
final class CacheByteSearchTests: XCTestCase {
    func testFindsWhatFoundationFinds() throws {
        let data = try Data(contentsOf: CorpusRun.corpus.appendingPathComponent("seeds/s000-thesaban-mueang.json"))
        XCTAssertGreaterThan(data.count, 1000)
        var needles: [Data] = [Data(), data, data + Data([0x20]), Data("\"sourcePath\":\"".utf8), Data([0x00])]
        for start in stride(from: 0, to: data.count - 64, by: max(1, data.count / 150)) {
            for length in [1, 2, 5, 17, 40] {
                let piece = data[start..<(start + length)]
                needles.append(Data(piece))
                var changed = Data(piece)
                changed[changed.count - 1] ^= 0x5A
                needles.append(changed)
            }
        }
        var found = 0
        for needle in needles {
            let foundation = data.range(of: needle)
            XCTAssertEqual(ResultCache.firstRange(of: needle, in: data), foundation, "\(needle.count) bytes")
            if foundation != nil { found += 1 }
        }
        XCTAssertGreaterThan(found, 500)
        XCTAssertLessThan(found, needles.count - 100, "changed pieces should mostly be absent")
        let slice = data[100...]
        for needle in needles.prefix(200) {
            XCTAssertEqual(ResultCache.firstRange(of: needle, in: slice), slice.range(of: needle))
        }
    }
}
