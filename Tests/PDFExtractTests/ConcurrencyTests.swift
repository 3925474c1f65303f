import Foundation
import ITAModel
import PDFExtract
import XCTest

/// Several threads reading documents at once get exactly what one thread gets.
final class ConcurrencyTests: XCTestCase {
    private struct Digest: Equatable {
        var text: String
        var boxes: [Box]
        var rulings: [Box]
        var coverage: [Double]
        init(_ pdf: PDFText) {
            text = pdf.pages.flatMap(\.glyphs).map(\.text).joined()
            boxes = pdf.pages.flatMap(\.glyphs).map(\.box)
            rulings = pdf.pages.flatMap(\.rulings)
            coverage = pdf.pages.map(\.imageCoverage)
        }
    }

    func testFourThreadsMatchSequentialReads() throws {
        let seeds = Corpus.pdfs(in: "seeds")
        XCTAssertFalse(seeds.isEmpty, "no seed PDFs")
        let expected = try seeds.map { Digest(try PDFExtractor.read(path: $0.path)) }
        let jobs = Array(repeating: Array(seeds.indices), count: 3).flatMap { $0 }  // each seed three times
        let lock = NSLock()
        var results: [(Int, Result<Digest, Error>)] = []
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for (n, seed) in jobs.enumerated() where n % 4 == worker {
                let r = Result { Digest(try PDFExtractor.read(path: seeds[seed].path)) }
                lock.lock(); results.append((seed, r)); lock.unlock()
            }
        }
        XCTAssertEqual(results.count, jobs.count)
        for (seed, r) in results {
            switch r {
            case .success(let d): XCTAssertTrue(d == expected[seed], "\(seeds[seed].lastPathComponent) differs under concurrency")
            case .failure(let e): XCTFail("\(seeds[seed].lastPathComponent): \(e)")
            }
        }
    }
}
