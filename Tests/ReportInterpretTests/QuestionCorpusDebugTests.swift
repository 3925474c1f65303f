import XCTest
import PDFExtract
import PageLayout
import ThaiNormalise
import ITAModel
@testable import ReportInterpret

final class QuestionCorpusDebugTests: XCTestCase {
    func testDumpLayout() throws {
        guard let path = ProcessInfo.processInfo.environment["DUMP_PDF"] else { return }
        let mappings = MappingsDirectory.forSourceFile(#filePath)!
        let pdf = try PDFExtractor.read(path: path)
        let layout = LayoutAnalyser.analyse(pdf)
        let reader = DocumentReader(layout: layout, normaliser: try ThaiNormaliser(mappings: mappings), mappings: mappings)
        var out = ""
        func print(_ items: Any...) { out += items.map { "\($0)" }.joined(separator: " ") + "\n" }
        for line in reader.lines {
            let segs = line.segments.map { "[\(Int($0.box.x0))-\(Int($0.box.x1))] \($0.text)" }.joined(separator: " | ")
            print("p\(line.page) y\(Int(line.box.y0)) \(segs)")
        }
        for (page, lines) in reader.linesByPage {
            let pieces = MeasureCellPieces.lines(of: page, lines, reader: reader)
            for (a, b) in zip(lines, pieces) where a.segments.count != b.segments.count {
                print("PIECES p\(page) y\(Int(a.box.y0)) " + b.segments.map { "[\(Int($0.box.x0))-\(Int($0.box.x1))] \($0.text)" }.joined(separator: " | "))
            }
        }
        for page in layout.pages { for line in page.lines where line.text.contains("ชอบ") && line.text.count < 40 {
            print("WORDS p\(page.page) " + line.segments.map { $0.words.map { "\($0.text)[\(Int($0.box.x0))-\(Int($0.box.x1))]" }.joined(separator: " ") }.joined(separator: " | "))
        } }
        for t in reader.tables { print("TABLE p\(t.page) \(t.method) cols \(t.columns.count) rows \(t.rows.count)") }
        for q in QuestionReader.read(from: reader, mappings: mappings) { print("Q", q.code, q.score, q.page, q.question ?? "-") }
        for m in MeasureReader.read(from: reader, mappings: mappings) { print("M", m.page, m.indicator ?? 0, "|", m.issue ?? "-", "|", m.measure ?? "-", "|", m.owner ?? "-", "|", m.period ?? "-", "|", m.steps ?? "-") }
        try out.write(toFile: ProcessInfo.processInfo.environment["DUMP_OUT"] ?? "/tmp/partb-dump.txt", atomically: true, encoding: .utf8)
    }
}
