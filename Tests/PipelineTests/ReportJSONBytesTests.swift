import Foundation
import ITAModel
import PageLayout
import XCTest
@testable import DatasetWrite
@testable import Pipeline

/// reports.jsonl's lines are written directly (`ReportJSONBytes`) instead of by JSONEncoder; the
/// bytes must be JSONEncoder's, on every Corpus document's record and on strings and numbers that
/// take every escape and number form.
final class ReportJSONBytesTests: XCTestCase {
    /// What the writer wrote before: JSONEncoder over `ReportJSON`, with a line break.
    private func viaEncoder(_ r: ReportRecord) throws -> [UInt8] {
        var d = try DatasetWriter.lineEncoder().encode(ReportJSON(r: r))
        d.append(0x0A)
        return [UInt8](d)
    }

    private func assertSameBytes(_ r: ReportRecord, _ label: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let record = RecordRows(r).record  // as DatasetWriter.write passes it
        let direct = ReportJSONBytes.line(record), encoded = try viaEncoder(record)
        if direct != encoded {
            let at = (0..<min(direct.count, encoded.count)).first { direct[$0] != encoded[$0] } ?? min(direct.count, encoded.count)
            let around = { (b: [UInt8]) in String(decoding: b[max(0, at - 80)..<min(b.count, at + 80)], as: UTF8.self) }
            XCTFail("\(label): bytes differ at \(at):\n direct : \(around(direct))\n encoder: \(around(encoded))",
                    file: file, line: line)
        }
    }

    func testEveryCorpusRecordIsJSONEncodersBytes() throws {
        let processor = try DocumentProcessor.load(mappings: CorpusRun.mappings, ocr: nil, layout: LayoutSettings())
        let paths = FileManager.default.enumerator(atPath: CorpusRun.corpus.path)!.compactMap { $0 as? String }
            .filter { $0.lowercased().hasSuffix(".pdf") }.sorted()
        XCTAssertGreaterThan(paths.count, 100)
        var withScores = 0, withMeasures = 0, failed = 0
        for path in paths {
            let (record, _) = processor.process(path: CorpusRun.corpus.appendingPathComponent(path).path,
                                                digest: String(repeating: "0f", count: 32))
            if !record.indicators.isEmpty { withScores += 1 }
            if !record.measures.isEmpty { withMeasures += 1 }
            if record.status == .failed { failed += 1 }
            try assertSameBytes(record, path)
        }
        // The records cover what a line holds: scores, plans, failures.
        XCTAssertGreaterThan(withScores, 50); XCTAssertGreaterThan(withMeasures, 50); XCTAssertGreaterThan(failed, 0)
    }

    /// Every member set (RecordBinaryTests' sample: non-finite and -0 box numbers, Int.min/max, a
    /// corrected value, OCR drops), then with every string replaced by ones that need each escape.
    func testAwkwardStringsAndNumbers() throws {
        try assertSameBytes(RecordBinaryTests.sample(nan: true), "sample with NaN")
        try assertSameBytes(RecordBinaryTests.sample(nan: false), "sample")

        let controls = String(String.UnicodeScalarView((0..<0x20).map { Unicode.Scalar($0)! }))
        let strings = [
            "", "say \"hi\" \\ back\\slash", "a/b//c </script>", controls, "\u{7F}del", "tab\there\r\n",
            "ไทย ่ ้ ำ \u{0E4D}\u{0E32}", "😀 𠀀 non-BMP \u{10FFFF}", "\u{2028}\u{2029}\u{FEFF}", "e\u{301} precomposed é",
            "\\u0041 not an escape", "\"", "\\",
        ]
        let numbers: [Double] = [0, -0.0, 1, -1, 100.12, 0.1 + 0.2, 1e16, 1e-7, 5e-324, 1.7976931348623157e308, 123456789.01]
        for (k, s) in strings.enumerated() {
            var r = RecordBinaryTests.sample(nan: false)
            r.docID = s; r.sourcePath = s; r.sha256 = s
            var p = Provenance(page: k, box: Box(x0: numbers[k % numbers.count], y0: -numbers[(k + 3) % numbers.count],
                                                  x1: numbers[(k + 5) % numbers.count], y1: 1e300), cells: [s, s], via: s)
            p.extracted = s; p.reason = s; p.field = s; p.ocr = s; p.alternatives = [s, ""]; p.arithmetic = s
            var change = TextChange(kind: s, offset: -k, before: s, after: s); change.field = s
            p.changes = [change]
            var cont = p; cont.box = nil; cont.continuation = nil
            p.continuation = [cont]
            r.fields.unitName = Traced(s, source: p); r.fields.rating = Traced(s, source: nil)
            r.fields.district = nil; r.fields.rank = Traced(k, source: p)
            r.indicators[0].name = s; r.indicators[0].score = s; r.indicators[0].source = p
            r.questions[0].question = s; r.questions[0].code = s
            r.measures[0].issue = s; r.measures[0].steps = s; r.measures[0].owner = s; r.measures[0].source = p
            r.warnings.append(Warning(code: .ocrPages, message: s, page: nil))
            r.error = DocumentError(stage: s, reason: s, message: s)
            r.ocrDropped = [OCRDroppedScore(kind: s, key: s, year: nil, score: s, page: k, reason: s, source: nil)]
            try assertSameBytes(r, "string \(k): \(s.debugDescription)")
        }
        // Nothing optional set: every null and left-out member.
        try assertSameBytes(ReportRecord(docID: "d", sourcePath: "p", sha256: "s"), "empty record")
    }
}
