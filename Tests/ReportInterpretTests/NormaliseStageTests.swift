import Foundation
import XCTest
import ITAModel
import PDFExtract
import PageLayout
@testable import ReportInterpret
import ThaiNormalise

/// The normalise stage's changes reach provenance: the Corpus twins whose text layer needs repair
/// (SARA AM typed as nikhahit + aa, Thai marks in private-use glyphs) carry, on specific values,
/// exactly the changes that made the value's text from its raw text.
final class NormaliseStageTests: XCTestCase {
    static let mappings = MappingsDirectory.forSourceFile(#filePath)!
    static let corpus = mappings.deletingLastPathComponent().appendingPathComponent("Corpus")

    static func interpret(_ pdf: String) throws -> Interpretation {
        let path = corpus.appendingPathComponent(pdf).path
        XCTAssertTrue(FileManager.default.fileExists(atPath: path), "missing Corpus file \(pdf)")
        return try StageRoad(mappings: mappings).interpret(LayoutAnalyser.analyse(try PDFExtractor.read(path: path), furniture: try .checkedIn()))
    }

    let sara = TextChange(kind: "sara_am", offset: 0, before: "\u{0E4D}\u{0E32}", after: "\u{0E33}")

    /// g10 types every SARA AM as two characters: the unit's line "องค์การบริหารส่วนตําบลช่องแค
    /// อําเภอตาคลี ..." has two, at scalars 18 and 30 of its raw text, and the unit name is read
    /// with both repaired. An indicator row's change counts in its cells joined by tabs.
    func testSplitSaraAmChangesReachTheUnitNameAndAnIndicatorRow() throws {
        let r = try Self.interpret("degraded/g10-obt-2566-mismatch-poor-split-am.pdf")
        let unit = try XCTUnwrap(r.fields.unitName)
        XCTAssertEqual(unit.value, "องค์การบริหารส่วนตำบลช่องแค")
        let source = try XCTUnwrap(unit.source)
        XCTAssertEqual(source.changes, [sara.shifted(by: 18), sara.shifted(by: 30)])
        // Each change's `before` is what the raw text holds at its offset.
        let raw = Array(source.raw.unicodeScalars)
        for c in source.changes ?? [] {
            let before = Array(c.before.unicodeScalars)
            XCTAssertEqual(Array(raw[c.offset..<(c.offset + before.count)]), before)
        }

        let row = try XCTUnwrap(r.indicators.first { $0.indicator == 3 && $0.year == 2566 })
        XCTAssertEqual(row.source?.raw, "3\tการใช้อ\u{0E4D}\u{0E32}นาจ\t80.97")
        XCTAssertEqual(row.source?.changes, [sara.shifted(by: 9)])
    }

    /// Every change of a value read from one place (report fields, indicator rows: changes without
    /// a `field`) says what the provenance's `raw` holds at its offset, including wrap joins inside
    /// a table cell, whose raw text joins the cell's lines with a space.
    func testChangesMatchTheRawTextAtTheirOffsets() throws {
        let docs = ["degraded/g10-obt-2566-mismatch-poor-split-am.pdf", "degraded/s000-thesaban-mueang-pua.pdf",
                    "degraded/g07-nakhon-2567-longplain-thai-pua.pdf", "generated/g03-obj-2568-ranked-multiyear.pdf"]
        var checked = 0, wraps = 0
        for doc in docs {
            let r = try Self.interpret(doc)
            let sources = [r.fields.unitName?.source, r.fields.assessmentYear?.source, r.fields.overallScore?.source]
                + r.indicators.map(\.source)
            for source in sources.compactMap({ $0 }) {
                let raw = Array(source.raw.unicodeScalars)
                for c in source.changes ?? [] where c.field == nil {
                    let before = Array(c.before.unicodeScalars)
                    guard c.offset >= 0, c.offset + before.count <= raw.count else {
                        XCTFail("\(doc): change \(c) outside raw \(source.raw)"); continue
                    }
                    XCTAssertEqual(String(String.UnicodeScalarView(raw[c.offset..<(c.offset + before.count)])), c.before,
                                   "\(doc): \(c.kind) at \(c.offset) in \(source.raw)")
                    checked += 1
                    if c.kind == "wrap_space" { wraps += 1 }
                }
            }
        }
        XCTAssertGreaterThan(checked, 20, "too few changes to check")
        XCTAssertGreaterThan(wraps, 0, "no wrap join inside a table cell was checked")
    }

    /// A plan row's provenance covers several values: each change names its field, and the
    /// owner "สํานักปลัด" keeps its SARA AM repair.
    func testPlanRowChangesNameTheirField() throws {
        let r = try Self.interpret("degraded/g10-obt-2566-mismatch-poor-split-am.pdf")
        let m = try XCTUnwrap(r.measures.first)
        XCTAssertEqual(m.owner, "สำนักปลัด")
        let changes = try XCTUnwrap(m.source?.changes)
        XCTAssertTrue(changes.contains(sara.shifted(by: 1).inField("owner")))
        XCTAssertEqual(Set(changes.compactMap(\.field)), ["issue", "measure", "steps", "period", "owner"])
        XCTAssertTrue(changes.allSatisfy { $0.field != nil })
    }

    /// s000-pua prints its marks as private-use glyphs: the unit name's last mark (U+F70E for
    /// THANTHAKHAT) is repaired, and the change says so.
    func testPUAGlyphChangeReachesTheUnitName() throws {
        let r = try Self.interpret("degraded/s000-thesaban-mueang-pua.pdf")
        let unit = try XCTUnwrap(r.fields.unitName)
        XCTAssertEqual(unit.value, "เทศบาลเมืองเพชรบูรณ์")
        XCTAssertEqual(unit.source?.changes, [TextChange(kind: "pua", offset: 19, before: "\u{F70E}", after: "\u{0E4C}")])
    }

    /// A value whose text needed no repair has no changes (the JSON leaves the key out), and the
    /// key round-trips through reports.jsonl's encoding.
    func testChangesKeyIsLeftOutWhenEmptyAndRoundTrips() throws {
        let r = try Self.interpret("seeds/s000-thesaban-mueang.pdf")
        let unit = try XCTUnwrap(r.fields.unitName)
        XCTAssertNil(unit.source?.changes)
        let plain = String(decoding: try JSONEncoder().encode(unit.source), as: UTF8.self)
        XCTAssertFalse(plain.contains("\"changes\""))

        let changed = Provenance(page: 1, box: nil, raw: "ตําบล").with(changes: [sara.shifted(by: 1)])
        let json = try JSONEncoder().encode(changed)
        XCTAssertTrue(String(decoding: json, as: UTF8.self).contains("\"changes\""))
        XCTAssertEqual(try JSONDecoder().decode(Provenance.self, from: json), changed)
    }
}
