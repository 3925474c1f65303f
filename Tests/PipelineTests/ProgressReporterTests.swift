import Foundation
import ITAModel
import Pipeline
import XCTest

/// The stderr progress line: counts, rate and ETA as people read them.
final class ProgressReporterTests: XCTestCase {
    func testLineShowsCountsRateAndETA() {
        let s = ProgressReporter.Snapshot(done: 412, total: 2000, pages: 4120, failed: 3, ocrPending: 12, elapsed: 62)
        // 4120 pages in 62 s; 1588 documents to go at 62/412 s each = 239 s.
        XCTAssertEqual(ProgressReporter.line(s),
                       "412/2000 documents (20%), 66.5 pages/s, 12 OCR pages pending, 3 failed, elapsed 1m02s, ETA 3m59s")
    }

    func testLineBeforeTheFirstDocumentAndAtTheEnd() {
        XCTAssertEqual(ProgressReporter.line(.init(done: 0, total: 30, elapsed: 0)),
                       "0/30 documents (0%), - pages/s, 0 failed, elapsed 0s, ETA ?")
        XCTAssertEqual(ProgressReporter.line(.init(done: 30, total: 30, pages: 300, failed: 1, ocrPending: 1, elapsed: 7200)),
                       "30/30 documents (100%), 0.0 pages/s, 1 OCR page pending, 1 failed, elapsed 2h00m, done")
    }

    func testDurations() {
        XCTAssertEqual(ProgressReporter.duration(0.4), "0s")
        XCTAssertEqual(ProgressReporter.duration(59.6), "1m00s")
        XCTAssertEqual(ProgressReporter.duration(3599), "59m59s")
        XCTAssertEqual(ProgressReporter.duration(3 * 86400 + 65 * 60), "73h05m")
    }

    /// Counts follow the documents; a failure is printed even when quiet.
    func testCountsAndQuietFailures() {
        final class Sink: @unchecked Sendable { var text = ""; let lock = NSLock() }
        let sink = Sink()
        let r = ProgressReporter(style: .quiet) { t in sink.lock.withLock { sink.text += t } }
        r.begin(total: 3)
        r.documentDone(ReportRecord(docID: "a", sourcePath: "a.pdf", sha256: "a", pages: 10))
        r.documentDone(ReportRecord(docID: "b", sourcePath: "b.pdf", sha256: "b", pages: 4, status: .failed))
        r.note("b.pdf: failed")
        r.finish()
        let s = r.current
        XCTAssertEqual([s.done, s.total, s.pages, s.failed], [2, 3, 14, 1])
        XCTAssertEqual(sink.text, "b.pdf: failed\n")
    }
}
