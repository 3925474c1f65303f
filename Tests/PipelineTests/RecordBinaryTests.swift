import Foundation
import PageLayout
import XCTest
import ITAModel
@testable import Pipeline

/// The binary record (`RecordBinary`) that workers send and the cache keeps decodes to the value the
/// JSON it replaced decoded to (so the dataset's bytes cannot move), on real Corpus records and on a
/// record with every member set; damaged or older entries are refused, never half read.
final class RecordBinaryTests: XCTestCase {

    /// What the parent had before: the record after the worker's JSON and the parent's decoding.
    func viaJSON(_ r: ReportRecord) throws -> ReportRecord {
        try WorkerWire.decoder().decode(ReportRecord.self, from: WorkerWire.encoder().encode(r))
    }

    func json(_ r: ReportRecord) throws -> Data { try WorkerWire.encoder().encode(r) }

    func realRecords() throws -> [(ReportRecord, StageTimings)] {
        let processor = try DocumentProcessor.load(mappings: CorpusRun.mappings, ocr: nil, layout: LayoutSettings())
        var files = [CorpusRun.corpus.appendingPathComponent("seeds/s000-thesaban-mueang.pdf").path,
                     CorpusRun.corpus.appendingPathComponent("seeds/s002-obt.pdf").path]
        let degraded = try FileManager.default.contentsOfDirectory(atPath: CorpusRun.corpus.appendingPathComponent("degraded").path)
            .filter { $0.hasSuffix(".pdf") }.sorted()
        files += degraded.prefix(2).map { CorpusRun.corpus.appendingPathComponent("degraded/\($0)").path }
        return files.map { processor.process(path: $0, digest: String(repeating: "ab", count: 32)) }
    }

    func testRealRecordsDecodeAsTheirJSONDid() throws {
        let records = try realRecords()
        XCTAssertEqual(records.count, 4)
        for (record, timings) in records {
            XCTAssertFalse(record.indicators.isEmpty && record.questions.isEmpty && record.measures.isEmpty, record.sourcePath)
            let (back, t) = try RecordBinary.decode(RecordBinary.encode(record, timings: timings))
            XCTAssertEqual(back, try viaJSON(record), record.sourcePath)
            XCTAssertEqual(try json(back), try json(record), record.sourcePath)
            XCTAssertEqual(t, timings)
        }
    }

    /// A record with every member set (a new member left out of the codec shows in
    /// `testEveryMemberSurvives`; `testTheSampleAndTheCodecCoverEveryMember` checks that this sample
    /// sets every member), with the JSON's quirks: a cell holding a tab, no cells; a NaN box (`nan`).
    static func sample(nan: Bool) -> ReportRecord {
        func prov(_ page: Int, cells: [String]) -> Provenance {
            var p = Provenance(page: page, box: Box(x0: 1.234, y0: -0.0, x1: 1e300, y1: 3), cells: cells, via: "table")
            p.extracted = "ก่อน"; p.reason = "why"; p.field = "measure"; p.ocr = "๙๓.๕๗"; p.alternatives = ["93.57", "98.57"]
            p.arithmetic = "mean"
            var change = TextChange(kind: "sara_am", offset: 3, before: "\u{E4D}\u{E32}", after: "\u{E33}")
            change.field = "issue"
            p.changes = [change, TextChange(kind: "wrap", offset: 0, before: "\n", after: "")]
            return p
        }
        var cont = prov(2, cells: ["tail"])
        if nan { cont.box = Box(x0: .nan, y0: .infinity, x1: -.infinity, y1: 0) }
        var source = prov(1, cells: ["a\tb", "", "ค่า\t"])
        source.continuation = [cont, prov(3, cells: [])]
        var fields = ReportFields()
        fields.unitName = Traced("เทศบาลเมือง", source: source); fields.unitType = Traced("x", source: nil)
        fields.district = Traced("d", source: source); fields.province = Traced("p", source: source)
        fields.assessmentYear = Traced(2566, source: source); fields.planYear = Traced(-2567, source: nil)
        fields.overallScore = Traced("93.57", source: source); fields.rating = Traced("ผ่าน", source: source)
        fields.rank = Traced(Int.max, source: source); fields.previousScore = Traced("1", source: source)
        fields.provinceCode = Traced("10", source: source); fields.districtCode = Traced("1001", source: source)
        fields.subdistrictCode = Traced("100101", source: source); fields.unitKey = Traced("k", source: source)
        var record = ReportRecord(
            docID: "d", sourcePath: "/a/ไฟล์.pdf", sha256: "s", pages: 7, textSource: .mixed, status: .partial, fields: fields,
            indicators: [IndicatorScore(year: 2566, indicator: 1, tool: .iit, name: "n", score: "90", page: 1, source: source, check: .consistent),
                         IndicatorScore(year: nil, indicator: Int.min, tool: .oit, name: nil, score: "", page: 0, source: nil)],
            questions: [QuestionScore(year: 2567, code: "o21", tool: .oit, question: "q", score: "1", page: 2, source: source, check: .inconsistent)],
            measures: [Measure(issue: "i", indicator: 9, measure: "m", steps: "s", period: "p", owner: "o", page: 3, source: source)],
            warnings: [Warning(code: .ocrPages, message: "m", page: 4), Warning(code: .noTextLayer, message: "")],
            error: DocumentError(stage: "interpret", reason: "r", message: "m"))
        record.ocrDropped = [OCRDroppedScore(kind: "indicator", key: "1", year: 2566, score: "9", page: 1, reason: "r", source: source)]
        return record
    }

    /// Timings with every member set, each a different value.
    static func sampleTimings() -> StageTimings {
        var timings = StageTimings()
        timings.read = 1; timings.extract = 2; timings.ocr = 3; timings.layout = 4; timings.normalise = 5; timings.interpret = 6
        timings.write = 7; timings.ocrSteps.engine = 8; timings.ocrSteps.render = 9; timings.ocrSteps.erase = 10
        timings.ocrSteps.recognise = 11; timings.ocrSteps.words = 12; timings.ocrSteps.reread = 13
        return timings
    }

    /// Every member set (a new member left out of the codec shows here), with the JSON's quirks:
    /// a cell holding a tab came back from `raw` as two cells, no cells as one empty one; a NaN box.
    func testEveryMemberSurvives() throws {
        let make = Self.sample(nan:)
        let record = make(true)
        let timings = Self.sampleTimings()

        let (back, t) = try RecordBinary.decode(RecordBinary.encode(record, timings: timings))
        XCTAssertEqual(try json(back), try json(viaJSON(record)))
        XCTAssertEqual(back.fields.unitName?.source?.cells, ["a", "b", "", "ค่า", ""])
        XCTAssertEqual(back.fields.unitName?.source?.continuation?.last?.cells, [""])
        XCTAssertEqual(t, timings)
        // Without the NaN (never equal to itself) the values compare equal too.
        let plain = make(false)
        let (plainBack, _) = try RecordBinary.decode(RecordBinary.encode(plain, timings: timings))
        XCTAssertEqual(plainBack, try viaJSON(plain))
    }

    /// The codec lists each type's members by hand: a member added to the model later and not to
    /// `RecordBinary` would be dropped from every worker reply and cache entry, silently. Mirror
    /// lists every stored member of the sample's types; the list below is what `RecordBinary`
    /// writes and reads (add a new member there, to `sample`, and here). Each member must also be set
    /// (not nil, not empty) somewhere in `sample`, so that `testEveryMemberSurvives` tries it.
    func testTheSampleAndTheCodecCoverEveryMember() {
        let codec: [String: [String]] = [
            "ReportRecord": ["docID", "sourcePath", "sha256", "pages", "textSource", "status", "fields", "indicators", "questions",
                             "measures", "warnings", "error", "ocrDropped"],
            "ReportFields": ["unitName", "unitType", "district", "province", "assessmentYear", "planYear", "overallScore", "rating",
                             "rank", "previousScore", "provinceCode", "districtCode", "subdistrictCode", "unitKey"],
            "Traced": ["value", "source"],
            "IndicatorScore": ["year", "indicator", "tool", "name", "score", "page", "source", "check"],
            "QuestionScore": ["year", "code", "tool", "question", "score", "page", "source", "check"],
            "Measure": ["issue", "indicator", "measure", "steps", "period", "owner", "page", "source"],
            "Warning": ["code", "message", "page"],
            "DocumentError": ["stage", "reason", "message"],
            "OCRDroppedScore": ["kind", "key", "year", "score", "page", "reason", "source"],
            "Provenance": ["page", "box", "cells", "via", "continuation", "extracted", "reason", "field", "ocr", "alternatives",
                           "arithmetic", "changes"],
            "Box": ["x0", "y0", "x1", "y1"],
            "TextChange": ["kind", "offset", "before", "after", "field"],
            "StageTimings": ["read", "extract", "ocr", "layout", "normalise", "interpret", "write", "ocrSteps"],
            "OCRTimes": ["engine", "render", "erase", "recognise", "words", "reread"],
        ]
        var stored = Set<String>(), set = Set<String>()
        func walk(_ value: Any) {
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .optional, .collection:
                mirror.children.forEach { walk($0.value) }
            case .struct:
                // Traced<String> and Traced<Int> are one codec function.
                let type = String(describing: mirror.subjectType).split(separator: "<").first.map(String.init) ?? ""
                guard type != "String" else { return }
                for child in mirror.children {
                    guard let label = child.label else { continue }
                    stored.insert("\(type).\(label)")
                    let inner = Mirror(reflecting: child.value)
                    let empty = (inner.displayStyle == .optional || inner.displayStyle == .collection) && inner.children.isEmpty
                    if !empty { set.insert("\(type).\(label)") }
                    walk(child.value)
                }
            default:
                return
            }
        }
        walk(Self.sample(nan: false))
        walk(Self.sampleTimings())
        let listed = Set(codec.flatMap { type, members in members.map { "\(type).\($0)" } })
        XCTAssertEqual(stored.subtracting(listed).sorted(), [], "members the codec does not list: add them to RecordBinary (encode and decode), to sample and here")
        XCTAssertEqual(listed.subtracting(stored).sorted(), [], "members listed here that the model no longer has")
        XCTAssertEqual(stored.subtracting(set).sorted(), [], "members the sample leaves nil or empty: testEveryMemberSurvives does not try them")
    }

    /// A payload cut short or with a byte changed in a structural place is refused, never partly read.
    func testDamageIsRefused() throws {
        let (record, timings) = try XCTUnwrap(realRecords().first)
        let payload = RecordBinary.encode(record, timings: timings)
        for cut in stride(from: 0, to: payload.count, by: max(1, payload.count / 300)) {
            XCTAssertThrowsError(try RecordBinary.decode(Array(payload[..<cut])), "cut at \(cut)")
        }
        XCTAssertThrowsError(try RecordBinary.decode(payload + [0]), "a byte too many")
    }

    /// The cache: an entry round-trips; an entry of the JSON form (before the binary one) is not
    /// read; a record whose message names its path is kept for that path only.
    func testCacheEntries() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ita-recbin-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let key = CacheKey(toolVersion: "t", build: "b", mappingsVersion: "m", ocr: nil)
        let cache = try ResultCache(root: dir, key: key)
        var (record, timings) = try XCTUnwrap(realRecords().first)
        record.sha256 = String(repeating: "cd", count: 32)
        try cache.store(record, timings: timings)
        let hit = try XCTUnwrap(cache.lookup(sha256: record.sha256, path: "/elsewhere/x.pdf"))
        var moved = try viaJSON(record)
        moved.sourcePath = "/elsewhere/x.pdf"
        XCTAssertEqual(hit.0, moved)
        XCTAssertEqual(hit.1, timings)

        // The JSON entry an older tool wrote at the same place is not read.
        let url = cache.entryURL(sha256: record.sha256, path: nil)
        let old = Data("{\"pathFree\":true,\"record\":".utf8) + (try json(record)) + Data(",\"timings\":".utf8)
            + (try WorkerWire.encoder().encode(timings)) + Data("}".utf8)
        try old.write(to: url)
        XCTAssertNil(cache.lookup(sha256: record.sha256, path: record.sourcePath))
        XCTAssertTrue(try JSONSerialization.jsonObject(with: JSONEncoder().encode(key)) is [String: Any])
        XCTAssertTrue(String(data: try JSONEncoder().encode(key), encoding: .utf8)!.contains("\"format\":\"binary 1\""))

        // A message naming the path: served to that path only.
        var quoting = record
        quoting.sha256 = String(repeating: "ef", count: 32)
        quoting.warnings.append(Warning(code: .noTextLayer, message: "see \(quoting.sourcePath) page 1"))
        try cache.store(quoting, timings: timings)
        XCTAssertNil(cache.lookup(sha256: quoting.sha256, path: "/elsewhere/x.pdf"))
        XCTAssertEqual(cache.lookup(sha256: quoting.sha256, path: quoting.sourcePath)?.0, try viaJSON(quoting))
        XCTAssertTrue(FileManager.default.fileExists(atPath: cache.entryURL(sha256: quoting.sha256, path: quoting.sourcePath).path))
    }
}
