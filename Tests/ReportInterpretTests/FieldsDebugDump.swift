import XCTest
import PDFExtract
import PageLayout
import ThaiNormalise
import ITAModel
@testable import ReportInterpret

// TEMPORARY debugging aid (to be deleted before hand-in).
final class FieldsDebugDump: XCTestCase {
    func testDump() throws {
        guard let path = ProcessInfo.processInfo.environment["FDUMP_PDF"] else { return }
        var out: [String] = []
        defer { try? out.joined(separator: "\n").write(toFile: "/tmp/fdump.txt", atomically: true, encoding: .utf8) }
        let mappings = MappingsDirectory.forSourceFile(#filePath)!
        let layout = LayoutAnalyser.analyse(try PDFExtractor.read(path: path))
        let normaliser = try ThaiNormaliser(mappings: mappings)
        let reader = DocumentReader(layout: layout, normaliser: normaliser, mappings: mappings)
        if ProcessInfo.processInfo.environment["FDUMP_LINES"] != nil {
            for (i, line) in reader.lines.enumerated() {
                out.append("L\(i) p\(line.page) y\(Int(line.box.y0)) " + line.segments.map { "[\(Int($0.box.x0))] \($0.text)" }.joined(separator: " | "))
            }
            for t in reader.tables {
                out.append("TABLE p\(t.page) \(t.method) y\(Int(t.box.y0))-\(Int(t.box.y1)) rows \(t.rows.count)")
                for r in t.rows { out.append("  ROW " + r.cells.map { "c\($0.column): \($0.rawText)" }.joined(separator: " | ")) }
            }
        }
        let pages = reader.pageBlocks()
        for m in YearFinder.mentions(in: pages, vocabulary: reader.ita) {
            let kt = pages[m.block].keyed
            out.append("YEAR \(m.year) \(m.role) p\(pages[m.block].page) ...\(kt.text(max(0, m.range.lowerBound - 60)..<m.range.upperBound))")
        }
        let r = ReportInterpreter(mappings: mappings, normaliser: normaliser).interpret(layout)
        let f = r.fields
        out.append("FIELDS \(f.unitName?.value ?? "-") \(f.district?.value ?? "-") \(f.province?.value ?? "-") \(f.assessmentYear?.value ?? 0) \(f.planYear?.value ?? 0) \(f.overallScore?.value ?? "-") \(f.rating?.value ?? "-") rank \(f.rank?.value ?? 0) prev \(f.previousScore?.value ?? "-")")
        for i in r.indicators { out.append("IND \(i.year ?? 0) \(i.indicator) \(i.score) p\(i.page) \(i.name ?? "-") \(i.source?.via ?? "")") }
        for w in r.warnings { out.append("WARN \(w.code) \(w.message)") }
    }
}
