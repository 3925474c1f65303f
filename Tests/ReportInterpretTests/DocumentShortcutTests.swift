import Foundation
import XCTest
import ITAModel
import PDFExtract
import PageLayout
import ThaiNormalise
@testable import ReportInterpret

/// Shortcuts the readers take over a whole document answer as the longer way they stand for, on
/// real pages: the Corpus seeds and committed generator samples (ruled and borderless tables,
/// plans, question pages, prose).
final class DocumentShortcutTests: XCTestCase {
    static let mappings = MappingsDirectory.forSourceFile(#filePath)!

    /// The documents' readers, made once for the class.
    static let readers: [(name: String, reader: DocumentReader)] = {
        let corpus = mappings.deletingLastPathComponent().appendingPathComponent("Corpus")
        func pdfs(_ folder: String) -> [URL] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent(folder).path)) ?? []
            return names.filter { $0.hasSuffix(".pdf") }.sorted().map { corpus.appendingPathComponent(folder + "/" + $0) }
        }
        guard let normaliser = try? ThaiNormaliser(mappings: mappings), let ita = try? ITAMappings(directory: mappings),
              let furniture = try? PageFurnitureWords.checkedIn() else { return [] }
        return (pdfs("seeds") + pdfs("variants").prefix(8)).compactMap { url in
            guard let pdf = try? PDFExtractor.read(path: url.path) else { return nil }
            return (url.lastPathComponent, DocumentReader(normalised: normaliser.normalise(LayoutAnalyser.analyse(pdf, furniture: furniture)), mappings: ita))
        }
    }()

    /// The page pitches the readers share (`DocumentReader.pageGeometry`, `cellPiecesGeometry`,
    /// measured once per document) are the pitches measured afresh from the same lines.
    func testRememberedPitchIsTheMeasuredPitch() throws {
        XCTAssertEqual(Self.readers.count, 11)
        var pages = 0, differentPieces = 0
        for (name, reader) in Self.readers {
            for ((page, lines), (piecesPage, pieces)) in zip(reader.linesByPage, reader.cellPiecesByPage) {
                XCTAssertEqual(page, piecesPage)
                let measured = reader.geometry(page: page, lines: lines)
                let measuredPieces = reader.geometry(page: page, lines: pieces)
                // Asked twice: the second answer comes from the memo.
                for _ in 0..<2 {
                    let g = reader.pageGeometry(page: page)
                    XCTAssertEqual(g.pitch, measured.pitch, "\(name) page \(page)")
                    XCTAssertEqual(g.lines.map(\.box), lines.map(\.box))
                    let p = reader.cellPiecesGeometry(page: page)
                    XCTAssertEqual(p.pitch, measuredPieces.pitch, "\(name) page \(page), cell pieces")
                    XCTAssertEqual(p.lines.map { $0.segments.map(\.text) }, pieces.map { $0.segments.map(\.text) })
                }
                // The page's lines are every line of the document on that page (PageBreakSentence's filter).
                XCTAssertEqual(lines.map(\.box), reader.lines.filter { $0.page == page }.map(\.box))
                if measured.pitch != measuredPieces.pitch { differentPieces += 1 }
                pages += 1
            }
        }
        XCTAssertGreaterThan(pages, 50)
        // Not one memo for both: cutting cells into pieces moves some pages' pitch (6 of 146 pages here).
        XCTAssertGreaterThan(differentPieces, 0)
    }
}
