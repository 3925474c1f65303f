import XCTest
import QualityTools
import ReportInterpret

/// The catalogue builder on the dataset of the real Corpus run: it must recover the published
/// 2566/2567 IIT structure from the printed numbers alone, find the shipped catalogues consistent,
/// and read the 2568 framework's codes.
final class CatalogueFromCorpusTests: XCTestCase {
    static func builder() throws -> CatalogueBuilder {
        let ita = try ITAMappings(directory: CorpusRun.mappings)
        return CatalogueBuilder(indicatorsOfTool: ita.indicatorsOfTool, codeLetters: ita.codeLetters)
    }

    /// The hand-checked documents of the Corpus run: `Corpus/variants` (the layout generator's sample,
    /// held to eval floors of its own, not yet read perfectly) would make the agreement counts depend
    /// on the readers' remaining misses.
    private func corpusRun() throws -> RunDataset {
        var ds = try RunDataset.load(CorpusRun.shared.dir)
        let variants = Set(ds.reports.rows.filter { ($0["source_path"] ?? "").hasPrefix("Corpus/variants/") }.compactMap { $0["doc_id"] })
        XCTAssertFalse(variants.isEmpty, "the Corpus run reads Corpus/variants too")
        for table in [\RunDataset.reports, \RunDataset.indicators, \RunDataset.questions, \RunDataset.measures] {
            ds[keyPath: table].rows.removeAll { variants.contains($0["doc_id"] ?? "") }
        }
        return ds
    }

    func testRecoversTheIITSplitFromTheNumbers() throws {
        let result = (try Self.builder()).build(year: 2567, runs: [try corpusRun()])
        let iit = try XCTUnwrap(result.splits.first { $0.tool == "IIT" })
        XCTAssertEqual(iit.blocks.map { $0.codes.first! + "-" + $0.codes.last! },
                       ["i1-i6", "i7-i12", "i13-i18", "i19-i24", "i25-i30"])
        XCTAssertEqual(iit.blocks.map(\.indicator), [1, 2, 3, 4, 5])
        XCTAssertTrue(iit.blocks.allSatisfy(\.accepted))
        // Every code got its text and the rows follow the split.
        let i7 = try XCTUnwrap(result.rows.first { $0.code == "i7" })
        XCTAssertEqual(i7.indicator, 2)
        XCTAssertFalse(i7.name.isEmpty)
        XCTAssertTrue(result.tsv().hasPrefix("code\ttool\tindicator\tsubindicator\tname\ni1\tIIT\t1\t\t"))
    }

    func testPlantedMismatchLowersAgreementButNotTheSplit() throws {
        // g10 (and its split-SARA-AM twin) print indicator 2 off its questions' mean on purpose.
        let result = (try Self.builder()).build(year: 2566, runs: [try corpusRun()])
        let iit = try XCTUnwrap(result.splits.first { $0.tool == "IIT" })
        XCTAssertEqual(iit.blocks.map(\.indicator), [1, 2, 3, 4, 5])
        let second = iit.blocks[1]
        XCTAssertEqual(second.codes, ["i7", "i8", "i9", "i10", "i11", "i12"])
        XCTAssertEqual(second.evaluable - second.agree, 2)
    }

    func testShippedCataloguesAreConsistentAnd2568ListsTheFramework() throws {
        let mappings = CorpusRun.mappings.appendingPathComponent("ita")
        let ds = try corpusRun()
        for year in [2566, 2567] {
            let entries = try CatalogueEntry.read(mappings.appendingPathComponent("questions-\(year).tsv"))
            let check = (try Self.builder()).check(catalogue: entries, year: year, runs: [ds])
            XCTAssertTrue(check.consistent, check.text())
            XCTAssertEqual(check.listed, 88)
            XCTAssertEqual(check.seen, 88)
            // OIT 9 with its sub-indicators agrees in the documents without a planted error.
            let nine = try XCTUnwrap(check.indicatorAgreement.first { $0.indicator == 9 })
            XCTAssertGreaterThan(nine.agree, 0)
        }
        // 2568: the framework's codes with empty texts (issue 9). The Corpus's generated 2568
        // documents print i1-i15, e1-e9 and o1-o20 (invented numbers): all listed, none unknown.
        let framework = try CatalogueEntry.read(mappings.appendingPathComponent("questions-2568.tsv"))
        XCTAssertEqual(framework.count, 15 + 9 + 35)
        XCTAssertTrue(framework.allSatisfy { $0.name.isEmpty })
        let check = (try Self.builder()).check(catalogue: framework, year: 2568, runs: [ds])
        XCTAssertEqual(check.listed, 59)
        XCTAssertEqual(check.unlisted, [])
    }

    func testAWrongCatalogueIsCaught() throws {
        let mappings = CorpusRun.mappings.appendingPathComponent("ita")
        var entries = try CatalogueEntry.read(mappings.appendingPathComponent("questions-2567.tsv"))
        // Move i7 to indicator 1 and drop i30: the numbers must say so.
        entries = entries.filter { $0.code != "i30" }.map { e in var e = e; if e.code == "i7" { e.indicator = 1 }; return e }
        let check = (try Self.builder()).check(catalogue: entries, year: 2567, runs: [try corpusRun()])
        XCTAssertFalse(check.consistent)
        XCTAssertEqual(check.unlisted, ["i30"])
        XCTAssertEqual(check.indicatorDisagreements.map { "\($0.code):\($0.listed)->\($0.inferred)" }, ["i7:1->2"])
        let one = try XCTUnwrap(check.indicatorAgreement.first { $0.indicator == 1 })
        XCTAssertEqual(one.agree, 0)
    }

    /// A catalogue saved with Windows line ends reads the same.
    func testCRLFCatalogueReads() throws {
        let src = CorpusRun.mappings.appendingPathComponent("ita/questions-2567.tsv")
        let text = try String(contentsOf: src, encoding: .utf8).replacingOccurrences(of: "\n", with: "\r\n")
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("crlf-\(UUID().uuidString).tsv")
        try text.write(to: tmp, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: tmp) }
        XCTAssertEqual(try CatalogueEntry.read(tmp), try CatalogueEntry.read(src))
        XCTAssertEqual(try CatalogueEntry.read(tmp).count, 88)
    }
}
