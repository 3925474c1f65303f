import CSV
import Foundation
import ITAModel
import XCTest
@testable import DatasetWrite

/// Records with the awkward cases: Thai text, commas, quotes, line breaks, nil values, a repeated
/// indicator, a partial and a failed document.
enum Fixtures {
    static func traced<V>(_ v: V, page: Int, raw: String) -> Traced<V> {
        Traced(v, source: Provenance(page: page, box: Box(x0: 56.7, y0: 100.123, x1: 300.456, y1: 118.9), raw: raw,
                                     via: "text"))
    }

    /// A fully read report.
    static var ok: ReportRecord {
        var f = ReportFields()
        f.unitName = traced("เทศบาลเมืองเพชรบูรณ์", page: 1, raw: "เทศบาลเมืองเพชรบูรณ ์")
        f.unitType = traced("เทศบาลเมือง", page: 1, raw: "เทศบาลเมือง")
        f.district = traced("เมืองเพชรบูรณ์", page: 1, raw: "อำเภอเมืองเพชรบูรณ์")
        f.province = traced("เพชรบูรณ์", page: 1, raw: "จังหวัดเพชรบูรณ์")
        f.assessmentYear = traced(2566, page: 1, raw: "๒๕๖๖")
        f.planYear = traced(2567, page: 1, raw: "๒๕๖๗")
        f.overallScore = traced("93.50", page: 2, raw: "๙๓.๕๐")
        f.rating = traced("ผ่านดี", page: 2, raw: "ผ่านดี")
        f.rank = traced(12, page: 2, raw: "๑๒")
        return ReportRecord(
            docID: "2aeda78c4e04438d", sourcePath: "reports/2566/เพชรบูรณ์, เมือง.pdf",
            sha256: "2aeda78c4e04438d" + String(repeating: "0", count: 48), pages: 12, textSource: .native,
            status: .ok, fields: f,
            indicators: [
                IndicatorScore(year: 2566, indicator: 1, tool: .iit, name: "การปฏิบัติหน้าที่", score: "100.00", page: 3,
                               source: Provenance(page: 3, box: nil, raw: "๑๐๐.๐๐"), check: .consistent),
                IndicatorScore(year: 2566, indicator: 9, tool: .oit, name: "การเปิดเผยข้อมูล, ข่าวสาร", score: "87.5",
                               page: 3, source: nil),
                IndicatorScore(year: 2565, indicator: 9, tool: .oit, name: nil, score: "70.00", page: 4, source: nil),
            ],
            questions: [
                QuestionScore(year: 2566, code: "i1", tool: .iit, question: "บุคลากร \"ปฏิบัติงาน\" ตามขั้นตอน",
                              score: "95.12", page: 5, source: nil, check: .inconsistent),
                QuestionScore(year: 2566, code: "o21", tool: .oit, question: nil, score: "0.00", page: 6, source: nil),
            ],
            measures: [
                Measure(issue: "การเปิดเผยข้อมูล", indicator: 9, measure: "เผยแพร่ข้อมูล, ข่าวสาร \"ทันที\"",
                        steps: "1. จัดทำแผน\n2. ประกาศ\r\n3. รายงานผล", period: "๑ ต.ค. ๖๖-๓๐ ก.ย. ๖๗", owner: "สำนักปลัด",
                        page: 8, source: Provenance(page: 8, box: Box(x0: 1, y0: 2, x1: 3, y1: 4), raw: "เผยแพร่")),
                Measure(issue: nil, indicator: nil, measure: "ประชุมชี้แจง", steps: nil, period: nil, owner: nil, page: 9,
                        source: nil),
            ],
            warnings: [Warning(code: .indicatorMeanMismatch, message: "mean 93.1 vs 93.50", page: 2)])
    }

    /// A report read in part, with years missing, a repeated indicator and two warnings of one code.
    static var partial: ReportRecord {
        var f = ReportFields()
        f.unitName = traced("องค์การบริหารส่วนตำบลเขิน", page: 1, raw: "องค์การบริหารส่วนตําบลเขิน")
        f.unitType = traced("องค์การบริหารส่วนตำบล", page: 1, raw: "องค์การบริหารส่วนตำบล")
        f.overallScore = traced("71.04", page: 1, raw: "71.04")
        return ReportRecord(
            docID: "e19099ab930f905d", sourcePath: "scans/e19099ab.pdf",
            sha256: "e19099ab930f905d" + String(repeating: "1", count: 48), pages: 3, textSource: .ocr,
            status: .partial, fields: f,
            indicators: [
                IndicatorScore(year: nil, indicator: 2, tool: .iit, name: "การใช้งบประมาณ", score: "80.00", page: 2,
                               source: nil),
                IndicatorScore(year: nil, indicator: 2, tool: .iit, name: "การใช้งบประมาณ", score: "8.00", page: 3,
                               source: nil),
                IndicatorScore(year: nil, indicator: 6, tool: .eit, name: nil, score: "77.7", page: 2, source: nil),
            ],
            questions: [QuestionScore(year: nil, code: "e15", tool: .eit, question: "คุณภาพ\nการดำเนินงาน",
                                      score: "66.67", page: 2, source: nil)],
            warnings: [Warning(code: .ocrPages, message: "page 2 read by OCR", page: 2),
                       Warning(code: .ocrPages, message: "page 3 read by OCR", page: 3),
                       Warning(code: .nothingFound, message: "no measures table found")])
    }

    /// A document that could not be read; its stray values must not reach the dataset.
    static var failed: ReportRecord {
        var f = ReportFields()
        f.unitName = traced("ไม่ควรปรากฏ", page: 1, raw: "x")
        return ReportRecord(
            docID: "ceeda059d6406e85", sourcePath: "broken.pdf",
            sha256: "ceeda059d6406e85" + String(repeating: "2", count: 48), pages: nil, textSource: nil,
            status: .failed, fields: f,
            indicators: [IndicatorScore(year: 2566, indicator: 1, tool: .iit, name: nil, score: "1", page: 1, source: nil)],
            error: DocumentError(stage: "read", reason: "encrypted", message: "the PDF is encrypted"))
    }

    static var all: [ReportRecord] { [ok, partial, failed] }

    static func manifest(_ records: [ReportRecord], started: Date = Date()) -> Manifest {
        Manifest(toolVersion: "0.1.0", mappingsVersion: "1",
                 inputs: records.map { Manifest.Input(record: $0, bytes: 1234) },
                 options: ["jobs": "2", "bom": "false"],
                 timings: Manifest.Timings(startedAt: started, stageSeconds: ["extract": 1.25, "write": 0.5]))
    }

    /// A CSV file's header and rows as read by CSV.swift's reader. Read from a string: on Linux an
    /// InputStream reports bytes available at end of file, so CSV.swift's stream reader ends every
    /// file with `cannotReadFile`. A leading BOM is skipped, as Excel and pandas' utf-8-sig do.
    static func readCSV(_ url: URL) throws -> (header: [String], rows: [[String]]) {
        var text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        if let error = reader.error { throw error }
        return (reader.headerRow ?? [], rows)
    }
}

extension XCTestCase {
    /// A fresh empty folder `out` in a folder of its own under the temporary directory (the writer's
    /// lock and staging folder go beside `out`), both deleted when the test ends.
    func scratchDirectory(_ name: String = #function) throws -> URL {
        let parent = FileManager.default.temporaryDirectory
            .appendingPathComponent("DatasetWriteTests-\(name.filter(\.isLetter))-\(UUID().uuidString)")
        let url = parent.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: parent) }
        return url
    }

    /// Writes `records` into a new scratch folder and returns it.
    func writeDataset(_ records: [ReportRecord] = Fixtures.all, options: WriterOptions = WriterOptions(),
                      name: String = #function) throws -> URL {
        let dir = try scratchDirectory(name)
        let writer = try DatasetWriter(outputDirectory: dir, options: options)
        for r in records { try writer.write(r) }
        try writer.finish(manifest: Fixtures.manifest(records))
        return dir
    }
}
