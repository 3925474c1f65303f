import Foundation
import ITAModel
import PageLayout
@testable import ReportInterpret
import ThaiNormalise
import XCTest

/// Every data file of Mappings/: a deleted key, a wrong type, an empty list, a malformed row or a
/// missing file stops loading with an error naming the file and the key (no run on broken data).
final class MappingsLoadingTests: XCTestCase {
    /// A copy of the checkout's Mappings/ folder, to break.
    func copyOfMappings() throws -> URL {
        let source = FieldsCorpus.mappings
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mappings-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: dir)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    /// Loads everything a run loads (normalisation, page furniture and ITA data) and returns the error.
    func loadError(_ dir: URL, file: StaticString = #filePath, line: UInt = #line) -> MappingsError? {
        do {
            _ = try ThaiNormaliser(mappings: dir)
            _ = try PageFurnitureWords(mappings: dir)
            _ = try ITAMappings(directory: dir)
            XCTFail("loaded without error", file: file, line: line)
            return nil
        } catch let e as MappingsError {
            return e
        } catch {
            XCTFail("not a MappingsError: \(error)", file: file, line: line)
            return nil
        }
    }

    /// Rewrites a JSON file through `change`.
    func editJSON(_ dir: URL, _ file: String, _ change: (inout [String: Any]) -> Void) throws {
        let url = dir.appendingPathComponent(file)
        var obj = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        change(&obj)
        try JSONSerialization.data(withJSONObject: obj).write(to: url)
    }

    func editText(_ dir: URL, _ file: String, _ change: (String) -> String) throws {
        let url = dir.appendingPathComponent(file)
        try change(String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
    }

    func assertError(_ dir: URL, file: String, key: String?, problem: String? = nil,
                     sourceFile: StaticString = #filePath, line: UInt = #line) {
        guard let e = loadError(dir, file: sourceFile, line: line) else { return }
        XCTAssertEqual(e.file, file, "\(e)", file: sourceFile, line: line)
        XCTAssertEqual(e.key, key, "\(e)", file: sourceFile, line: line)
        if let problem { XCTAssertTrue(e.problem.contains(problem), "\(e)", file: sourceFile, line: line) }
        XCTAssertTrue(e.description.contains("Mappings/\(file)"), e.description, file: sourceFile, line: line)
    }

    func testTheCheckedInMappingsLoad() throws {
        let ita = try ITAMappings(directory: FieldsCorpus.mappings)
        XCTAssertEqual(ita.vocabulary.indicators.count, 10)
        XCTAssertFalse(ita.vocabulary.catalogue(2566).isEmpty)
        _ = try ThaiNormaliser(mappings: FieldsCorpus.mappings)
    }

    // The issue's own case: one key deleted used to give 0 indicators, no year, no score, status ok.
    func testReportCuesMissingKey() throws {
        let dir = try copyOfMappings()
        try editJSON(dir, "ita/report-cues.json") { $0["pointsWord"] = nil }
        assertError(dir, file: "ita/report-cues.json", key: "pointsWord", problem: "missing")
    }

    func testReportCuesWrongType() throws {
        let dir = try copyOfMappings()
        try editJSON(dir, "ita/report-cues.json") { $0["scoreCueMaxDistance"] = "45" }
        assertError(dir, file: "ita/report-cues.json", key: "scoreCueMaxDistance", problem: "wrong type")
    }

    func testReportCuesEmptyList() throws {
        let dir = try copyOfMappings()
        try editJSON(dir, "ita/report-cues.json") { $0["ratingCues"] = [String]() }
        assertError(dir, file: "ita/report-cues.json", key: "ratingCues", problem: "empty list")
    }

    /// The page-break rating's cues: loaded with the others (missing, empty: the file and key), and
    /// each one of `ratingCues`; the bare ระดับ is not among them.
    func testRatingSentenceCues() throws {
        let missing = try copyOfMappings()
        try editJSON(missing, "ita/report-cues.json") { $0["ratingSentenceCues"] = nil }
        assertError(missing, file: "ita/report-cues.json", key: "ratingSentenceCues", problem: "missing")
        let empty = try copyOfMappings()
        try editJSON(empty, "ita/report-cues.json") { $0["ratingCueFollowers"] = [String]() }
        assertError(empty, file: "ita/report-cues.json", key: "ratingCueFollowers", problem: "empty list")
        let stray = try copyOfMappings()
        try editJSON(stray, "ita/report-cues.json") { $0["ratingSentenceCues"] = ["ระดับผลการประเมิน", "ผลการประเมินคือ"] }
        assertError(stray, file: "ita/report-cues.json", key: "ratingSentenceCues[1]", problem: "is not one of ratingCues")
        let cues = try ITAVocabulary(mappings: FieldsCorpus.mappings).cues
        XCTAssertTrue(Set(cues.ratingSentenceCues).isSubset(of: cues.ratingCues))
        XCTAssertFalse(cues.ratingSentenceCues.contains("ระดับ"))
        XCTAssertTrue(cues.ratingCueFollowers.contains("อยู่ที่"))
    }

    func testIndicators() throws {
        let dir = try copyOfMappings()
        try editJSON(dir, "ita/indicators.json") { obj in
            var list = obj["indicators"] as! [[String: Any]]
            list[3]["names"] = nil
            obj["indicators"] = list
        }
        assertError(dir, file: "ita/indicators.json", key: "indicators[3].names", problem: "missing")
    }

    func testIndicatorTool() throws {
        let dir = try copyOfMappings()
        try editJSON(dir, "ita/indicators.json") { obj in
            var list = obj["indicators"] as! [[String: Any]]
            list[0]["tool"] = "XIT"
            obj["indicators"] = list
        }
        assertError(dir, file: "ita/indicators.json", key: "indicators[0].tool")
    }

    func testMeasureHeaders() throws {
        let dir = try copyOfMappings()
        try editJSON(dir, "ita/measure-headers.json") { $0["minimumRoles"] = nil }
        assertError(dir, file: "ita/measure-headers.json", key: "minimumRoles", problem: "missing")
        // A header naming no role would take any line of header words for a plan's header.
        let none = try copyOfMappings()
        try editJSON(none, "ita/measure-headers.json") { $0["minimumRoles"] = 0; $0["minimumRolesAtPageFoot"] = 0 }
        assertError(none, file: "ita/measure-headers.json", key: "minimumRoles", problem: "must be at least 1")
    }

    /// The character lists: one character an entry, never empty, never missing.
    func testCharacterLists() throws {
        let long = try copyOfMappings()
        try editJSON(long, "ita/measure-headers.json") { $0["itemBullets"] = ["-", "••"] }
        assertError(long, file: "ita/measure-headers.json", key: "itemBullets[1]", problem: "not one character")
        let empty = try copyOfMappings()
        try editJSON(empty, "ita/measure-headers.json") { $0["headerPieceBullets"] = [String]() }
        assertError(empty, file: "ita/measure-headers.json", key: "headerPieceBullets", problem: "empty list")
        let noGloss = try copyOfMappings()
        try editJSON(noGloss, "ita/measure-headers.json") { $0["headerGlossOpeners"] = [String]() }
        assertError(noGloss, file: "ita/measure-headers.json", key: "headerGlossOpeners", problem: "empty list")
        let missing = try copyOfMappings()
        try editJSON(missing, "ita/report-cues.json") { $0["scoreDecoration"] = nil }
        assertError(missing, file: "ita/report-cues.json", key: "scoreDecoration", problem: "missing")
        let blank = try copyOfMappings()
        try editJSON(blank, "ita/report-cues.json") { $0["scoreDecoration"] = ["*", ""] }
        assertError(blank, file: "ita/report-cues.json", key: "scoreDecoration[1]", problem: "not one character")
        let ita = try ITAMappings(directory: FieldsCorpus.mappings)
        XCTAssertTrue(ita.measureHeaders.itemBullets.contains("▪"))
        XCTAssertEqual(ita.vocabulary.scoreDecoration, Set("*()%".unicodeScalars))
    }

    func testMeasureHeaderRole() throws {
        let dir = try copyOfMappings()
        try editJSON(dir, "ita/measure-headers.json") { obj in
            var rules = obj["rules"] as! [[String: Any]]
            rules[1]["role"] = "budget"
            obj["rules"] = rules
        }
        assertError(dir, file: "ita/measure-headers.json", key: "rules[1].role")
    }

    func testQuestionTable() throws {
        var dir = try copyOfMappings()
        try editJSON(dir, "ita/question-table.json") { $0["shortYearWords"] = [String]() }
        assertError(dir, file: "ita/question-table.json", key: "shortYearWords", problem: "empty list")
        // The tools' titles that name a code chain's tool: each key a tool, each list some titles.
        dir = try copyOfMappings()
        try editJSON(dir, "ita/question-table.json") { $0["toolTitles"] = nil }
        assertError(dir, file: "ita/question-table.json", key: "toolTitles", problem: "missing")
        dir = try copyOfMappings()
        try editJSON(dir, "ita/question-table.json") { $0["toolTitles"] = ["XIT": ["แบบวัด"]] }
        assertError(dir, file: "ita/question-table.json", key: "toolTitles.XIT", problem: "not a tool")
        dir = try copyOfMappings()
        try editJSON(dir, "ita/question-table.json") { $0["toolTitles"] = ["OIT": [String]()] }
        assertError(dir, file: "ita/question-table.json", key: "toolTitles.OIT", problem: "empty")
    }

    func testScoreBands() throws {
        let dir = try copyOfMappings()
        try editJSON(dir, "ita/score-bands.json") { obj in
            var years = obj["years"] as! [String: Any]
            var bands = years["2567"] as! [[String: Any]]
            bands[0]["min"] = "95"
            years["2567"] = bands
            obj["years"] = years
        }
        assertError(dir, file: "ita/score-bands.json", key: "years.2567[0].min", problem: "wrong type")
    }

    func testToolWeights() throws {
        let dir = try copyOfMappings()
        try editJSON(dir, "ita/tool-weights.json") { obj in
            var years = obj["years"] as! [String: Any]
            var y = years["2566"] as! [String: Any]
            y["OIT"] = nil
            years["2566"] = y
            obj["years"] = years
        }
        assertError(dir, file: "ita/tool-weights.json", key: "years.2566.OIT", problem: "missing")
    }

    /// The only scores a tool's items can have (`itemScores`, OIT 0 or 100): a tool that is none, a
    /// score outside 0-100 or no scores at all is loud.
    func testItemScores() throws {
        func edit(_ tools: [String: Any]) throws -> URL {
            let dir = try copyOfMappings()
            try editJSON(dir, "ita/tool-weights.json") { obj in
                var items = obj["itemScores"] as! [String: Any]
                items["tools"] = tools
                obj["itemScores"] = items
            }
            return dir
        }
        assertError(try edit(["OTT": [0, 100]]), file: "ita/tool-weights.json", key: "itemScores.tools.OTT", problem: "not a tool")
        assertError(try edit(["OIT": [0, 1000]]), file: "ita/tool-weights.json", key: "itemScores.tools.OIT", problem: "within 0-100")
        assertError(try edit(["OIT": []]), file: "ita/tool-weights.json", key: "itemScores.tools.OIT", problem: "empty list")
    }

    func testUnitTypes() throws {
        let dir = try copyOfMappings()
        try editJSON(dir, "ita/unit-types.json") { $0["nameStops"] = nil }
        assertError(dir, file: "ita/unit-types.json", key: "nameStops", problem: "missing")
    }

    func testYearEvidence() throws {
        let dir = try copyOfMappings()
        try editJSON(dir, "ita/year-evidence.json") { $0["lawNameMaxDistance"] = nil }
        assertError(dir, file: "ita/year-evidence.json", key: "lawNameMaxDistance", problem: "missing")
    }

    func testSectionAnnouncements() throws {
        let dir = try copyOfMappings()
        try editJSON(dir, "ita/section-announcements.json") { $0["maxExtra"] = "3" }
        assertError(dir, file: "ita/section-announcements.json", key: "maxExtra", problem: "wrong type")
    }

    func testPlanCells() throws {
        let dir = try copyOfMappings()
        try editJSON(dir, "ita/plan-cells.json") { $0["yearWords"] = nil }
        assertError(dir, file: "ita/plan-cells.json", key: "yearWords", problem: "missing")
        let blank = try copyOfMappings()
        try editJSON(blank, "ita/plan-cells.json") { $0["periodWords"] = ["ตลอด", " "] }
        assertError(blank, file: "ita/plan-cells.json", key: "periodWords", problem: "blank entry")
        let empty = try copyOfMappings()
        try editJSON(empty, "ita/plan-cells.json") { $0["ownerHeads"] = [String]() }
        assertError(empty, file: "ita/plan-cells.json", key: "ownerHeads", problem: "empty list")
        let month = try copyOfMappings()
        try editJSON(month, "ita/plan-cells.json") { $0["months"] = [["มกราคม"], [String]()] }
        assertError(month, file: "ita/plan-cells.json", key: "months[1]", problem: "empty list")
        let stray = try copyOfMappings()
        try editJSON(stray, "ita/plan-cells.json") { $0["textStrayCharacters"] = "" }
        assertError(stray, file: "ita/plan-cells.json", key: "textStrayCharacters", problem: "empty")
        let bodyWords = try copyOfMappings()
        try editJSON(bodyWords, "ita/plan-cells.json") { $0["headerPieceBodyWords"] = ["คะแนน", " "] }
        assertError(bodyWords, file: "ita/plan-cells.json", key: "headerPieceBodyWords", problem: "blank entry")
        // Month i is months[i - 1]: a list of other than twelve would check days against the wrong month.
        let eleven = try copyOfMappings()
        try editJSON(eleven, "ita/plan-cells.json") { $0["months"] = Array(repeating: ["มกราคม"], count: 11) }
        assertError(eleven, file: "ita/plan-cells.json", key: "months", problem: "11 months listed; January to December, in order, are needed")
        let link = try copyOfMappings()
        try editJSON(link, "ita/plan-cells.json") { $0["partLinkWords"] = ["และ", "คลัง"] }
        assertError(link, file: "ita/plan-cells.json", key: "partLinkWords", problem: "office 'กองคลัง' ends with a link word")
        for key in ["textLoneMarks", "headerPieceEdges"] {
            let blankKey = try copyOfMappings()
            try editJSON(blankKey, "ita/plan-cells.json") { $0[key] = "" }
            assertError(blankKey, file: "ita/plan-cells.json", key: key, problem: "empty")
            let missing = try copyOfMappings()
            try editJSON(missing, "ita/plan-cells.json") { $0[key] = nil }
            assertError(missing, file: "ita/plan-cells.json", key: key, problem: "missing")
        }
    }

    func testProvinces() throws {
        let dir = try copyOfMappings()
        try editText(dir, "ita/provinces.txt") { _ in "\n\n" }
        assertError(dir, file: "ita/provinces.txt", key: nil, problem: "empty list")
    }

    func testQuestionCatalogueRow() throws {
        let dir = try copyOfMappings()
        try editText(dir, "ita/questions-2566.tsv") { $0.replacingOccurrences(of: "i2\tIIT\t1", with: "i2\tIIT\tone") }
        assertError(dir, file: "ita/questions-2566.tsv", key: "line 3", problem: "indicator")
    }

    func testQuestionCatalogueHeader() throws {
        let dir = try copyOfMappings()
        try editText(dir, "ita/questions-2568.tsv") { _ in "code\ttool\n" }
        assertError(dir, file: "ita/questions-2568.tsv", key: "line 1", problem: "header")
    }

    /// Which frameworks a year's reports may follow: a year key that is no year, an empty list, or a
    /// framework with no catalogue each stop the run naming the key.
    func testQuestionFrameworks() throws {
        var dir = try copyOfMappings()
        try editText(dir, "ita/question-frameworks.json") { $0.replacingOccurrences(of: "\"2566\": [2566]", with: "\"25x6\": [2566]") }
        assertError(dir, file: "ita/question-frameworks.json", key: "years.25x6", problem: "not a year")
        dir = try copyOfMappings()
        try editText(dir, "ita/question-frameworks.json") { $0.replacingOccurrences(of: "\"2568\": [2568]", with: "\"2568\": []") }
        assertError(dir, file: "ita/question-frameworks.json", key: "years.2568", problem: "empty list")
        dir = try copyOfMappings()
        try editText(dir, "ita/question-frameworks.json") { $0.replacingOccurrences(of: "\"2566\": [2566]", with: "\"2566\": [2565]") }
        assertError(dir, file: "ita/question-frameworks.json", key: "years.2566", problem: "no catalogue")
    }

    func testMissingFile() throws {
        let dir = try copyOfMappings()
        try FileManager.default.removeItem(at: dir.appendingPathComponent("ita/indicators.json"))
        assertError(dir, file: "ita/indicators.json", key: nil, problem: "missing")
    }

    func testNotJSON() throws {
        let dir = try copyOfMappings()
        try editText(dir, "ita/unit-types.json") { String($0.dropLast(3)) }
        assertError(dir, file: "ita/unit-types.json", key: nil, problem: "not valid JSON")
    }

    func testNormaliseGlyphTable() throws {
        let dir = try copyOfMappings()
        try editText(dir, "normalise/pua_thai.tsv") { $0 + "F7XX\tE01\n" }
        guard let e = loadError(dir) else { return }
        XCTAssertEqual(e.file, "normalise/pua_thai.tsv", "\(e)")
        XCTAssertTrue(e.key?.hasPrefix("line ") ?? false, "\(e)")
    }

    func testNormaliseConfusions() throws {
        let dir = try copyOfMappings()
        try editText(dir, "normalise/ocr_confusions.tsv") { $0 + "ก\n" }
        guard let e = loadError(dir) else { return }
        XCTAssertEqual(e.file, "normalise/ocr_confusions.tsv", "\(e)")
        XCTAssertTrue(e.key?.hasPrefix("line ") ?? false, "\(e)")
    }

    // Page furniture (layout): what page numbers are printed with.
    func testPageFurnitureMissingKey() throws {
        let dir = try copyOfMappings()
        try editJSON(dir, "layout/page-furniture.json") { $0["pageWords"] = nil }
        assertError(dir, file: "layout/page-furniture.json", key: "pageWords", problem: "missing")
    }

    func testPageFurnitureWrongType() throws {
        let dir = try copyOfMappings()
        try editJSON(dir, "layout/page-furniture.json") { $0["marks"] = "-()/" }
        assertError(dir, file: "layout/page-furniture.json", key: "marks", problem: "wrong type")
    }

    func testPageFurnitureEmptyList() throws {
        let dir = try copyOfMappings()
        try editJSON(dir, "layout/page-furniture.json") { $0["pageWords"] = [String]() }
        assertError(dir, file: "layout/page-furniture.json", key: "pageWords", problem: "empty list")
    }

    func testPageFurnitureBadEntries() throws {
        let dir = try copyOfMappings()
        try editJSON(dir, "layout/page-furniture.json") { $0["marks"] = ["-", " "] }
        assertError(dir, file: "layout/page-furniture.json", key: "marks[1]", problem: "blank")
        try editJSON(dir, "layout/page-furniture.json") { $0["marks"] = ["-"]; $0["pageWords"] = ["หน้า", "p.1"] }
        assertError(dir, file: "layout/page-furniture.json", key: "pageWords[1]", problem: "digit")
    }

    // Question-code look-alikes (OCR): the letters of garbled codes and the run a code leaves.
    func testQuestionCodeLookalikes() throws {
        let file = "ita/question-code-lookalikes.json"
        var dir = try copyOfMappings()
        try editJSON(dir, file) { $0["codeRun"] = nil }
        assertError(dir, file: file, key: "codeRun", problem: "missing")
        dir = try copyOfMappings()
        try editJSON(dir, file) { $0["codeRun"] = [String]() }
        assertError(dir, file: file, key: "codeRun", problem: "empty list")
        dir = try copyOfMappings()
        try editJSON(dir, file) { $0["codeRun"] = "ieo0123456789" }
        assertError(dir, file: file, key: "codeRun", problem: "wrong type")
        dir = try copyOfMappings()
        try editJSON(dir, file) { $0["codeRun"] = ["i", "[]", "o"] }
        assertError(dir, file: file, key: "codeRun[1]", problem: "not one character")
        dir = try copyOfMappings()
        try editJSON(dir, file) { $0["codeRun"] = ["i", " "] }
        assertError(dir, file: file, key: "codeRun[1]", problem: "white space")
        dir = try copyOfMappings()
        try editJSON(dir, file) { $0["letters"] = ["i": ["1"], "x": ["%"]] }
        assertError(dir, file: file, key: "letters.x", problem: "not a code letter")
        dir = try copyOfMappings()
        try editJSON(dir, file) { $0["letters"] = nil }
        assertError(dir, file: file, key: "letters", problem: "missing")
        // The Thai digits a code chain reads under misreadings: each one Thai digit, never itself.
        dir = try copyOfMappings()
        try editJSON(dir, file) { $0["digitMisreadings"] = nil }
        assertError(dir, file: file, key: "digitMisreadings", problem: "missing")
        dir = try copyOfMappings()
        try editJSON(dir, file) { $0["digitMisreadings"] = ["5": ["๔"]] }
        assertError(dir, file: file, key: "digitMisreadings.5", problem: "not one Thai digit")
        dir = try copyOfMappings()
        try editJSON(dir, file) { $0["digitMisreadings"] = ["๕": ["๔", "๕"]] }
        assertError(dir, file: file, key: "digitMisreadings.๕", problem: "never the key")
        dir = try copyOfMappings()
        try editJSON(dir, file) { $0["digitMisreadings"] = ["๕": ["๔๘"]] }
        assertError(dir, file: file, key: "digitMisreadings.๕", problem: "not one Thai digit")
    }

    // Question-code letters (`QuestionCodeLetters`): each tool's printed letters, and the
    // characters that are a letter only in a code position. One case per broken form.
    func testQuestionCodeLettersMissing() throws {
        let file = "ita/question-code-lookalikes.json"
        var dir = try copyOfMappings()
        try editJSON(dir, file) { $0["codeLetters"] = nil }
        assertError(dir, file: file, key: "codeLetters", problem: "missing")
        dir = try copyOfMappings()
        try editJSON(dir, file) { $0["codePositionLetters"] = nil }
        assertError(dir, file: file, key: "codePositionLetters", problem: "missing")
    }

    func testQuestionCodeLettersWrongType() throws {
        let file = "ita/question-code-lookalikes.json"
        var dir = try copyOfMappings()
        try editJSON(dir, file) { $0["codeLetters"] = ["IIT": "i", "EIT": ["e"], "OIT": ["o"]] }
        assertError(dir, file: file, key: "codeLetters.IIT", problem: "wrong type")
        dir = try copyOfMappings()
        try editJSON(dir, file) { $0["codePositionLetters"] = ["0", "๐"] }
        assertError(dir, file: file, key: "codePositionLetters", problem: "wrong type")
    }

    /// The first letter of a tool's list is how the dataset spells its codes: reordering the data
    /// must stop the run, not respell every code (review17).
    func testQuestionCodeLettersWrittenLetterIsTheDatasets() throws {
        let file = "ita/question-code-lookalikes.json"
        let dir = try copyOfMappings()
        try editJSON(dir, file) { $0["codeLetters"] = ["IIT": ["I", "i"], "EIT": ["e", "E"], "OIT": ["o", "O"]] }
        assertError(dir, file: file, key: "codeLetters.IIT[0]", problem: "must be 'i'")
    }

    func testQuestionCodeLettersEmptyList() throws {
        let file = "ita/question-code-lookalikes.json"
        let dir = try copyOfMappings()
        try editJSON(dir, file) { $0["codeLetters"] = ["IIT": [String](), "EIT": ["e"], "OIT": ["o"]] }
        assertError(dir, file: file, key: "codeLetters.IIT", problem: "empty list")
    }

    func testQuestionCodeLettersToolMissing() throws {
        let file = "ita/question-code-lookalikes.json"
        let dir = try copyOfMappings()
        try editJSON(dir, file) { $0["codeLetters"] = ["IIT": ["i"], "OIT": ["o"]] }
        assertError(dir, file: file, key: "codeLetters.EIT", problem: "every tool needs")
    }

    func testQuestionCodeLettersUnknownTool() throws {
        let file = "ita/question-code-lookalikes.json"
        var dir = try copyOfMappings()
        try editJSON(dir, file) { $0["codeLetters"] = ["IIT": ["i"], "EIT": ["e"], "OIT": ["o"], "XIT": ["x"]] }
        assertError(dir, file: file, key: "codeLetters.XIT", problem: "not a tool")
        dir = try copyOfMappings()
        try editJSON(dir, file) { $0["codePositionLetters"] = ["oit": ["0"]] }
        assertError(dir, file: file, key: "codePositionLetters.oit", problem: "not a tool")
    }

    func testQuestionCodeLettersNotOneCharacter() throws {
        let file = "ita/question-code-lookalikes.json"
        var dir = try copyOfMappings()
        try editJSON(dir, file) { $0["codeLetters"] = ["IIT": ["i", "Ii"], "EIT": ["e"], "OIT": ["o"]] }
        assertError(dir, file: file, key: "codeLetters.IIT[1]", problem: "not one character")
        dir = try copyOfMappings()
        try editJSON(dir, file) { $0["codeLetters"] = ["IIT": [" "], "EIT": ["e"], "OIT": ["o"]] }
        assertError(dir, file: file, key: "codeLetters.IIT[0]", problem: "white space")
        dir = try copyOfMappings()
        try editJSON(dir, file) { $0["codePositionLetters"] = ["OIT": ["00"]] }
        assertError(dir, file: file, key: "codePositionLetters.OIT[0]", problem: "not one character")
    }

    func testQuestionCodeLettersShared() throws {
        let file = "ita/question-code-lookalikes.json"
        var dir = try copyOfMappings()
        try editJSON(dir, file) { $0["codeLetters"] = ["IIT": ["i"], "EIT": ["e", "I"], "OIT": ["o", "i"]] }
        assertError(dir, file: file, key: "codeLetters.OIT[1]", problem: "already IIT's letter")
        dir = try copyOfMappings()
        try editJSON(dir, file) { $0["codePositionLetters"] = ["OIT": ["0", "o"]] }
        assertError(dir, file: file, key: "codePositionLetters.OIT[1]", problem: "code letter anywhere")
        dir = try copyOfMappings()
        try editJSON(dir, file) { $0["codePositionLetters"] = ["OIT": ["0"], "EIT": ["0"]] }
        assertError(dir, file: file, key: "codePositionLetters.OIT[0]", problem: "already EIT's")
    }

    /// The look-alikes are keyed by the data's letters, not a list in Swift: a key that is no code
    /// letter of the data is loud. (The written letters themselves are the contract's, i/e/o:
    /// `testQuestionCodeLettersWrittenLetterIsTheDatasets`.)
    func testLookalikeKeysFollowTheCodeLetters() throws {
        let file = "ita/question-code-lookalikes.json"
        let dir = try copyOfMappings()
        try editJSON(dir, file) { root in
            var letters = root["letters"] as? [String: Any] ?? [:]
            letters["q"] = ["q", "Q"]
            root["letters"] = letters
        }
        assertError(dir, file: file, key: "letters.q", problem: "not a code letter")
    }

    /// The checked-in letters are the ones Swift held (`Tool.codeLetter`/`forCodeLetter` before
    /// they were data): i, e, o written; either case read; a zero for o only in a code position.
    func testQuestionCodeLettersCheckedIn() throws {
        let letters = try ITAMappings(directory: FieldsCorpus.mappings).codeLetters
        XCTAssertEqual(letters.writtenLetters, ["i", "e", "o"])
        for (c, tool) in [("i", Tool.iit), ("I", .iit), ("e", .eit), ("E", .eit), ("o", .oit), ("O", .oit)] {
            XCTAssertEqual(letters.tool(forLetter: Character(c)), tool, c)
        }
        XCTAssertNil(letters.tool(forLetter: Character("0")))
        XCTAssertEqual(letters.toolInCodePosition("0"), .oit)
        XCTAssertEqual(letters.toolInCodePosition("\u{0E50}"), .oit)
        XCTAssertEqual(letters.code(.oit, 21), "o21")
        XCTAssertEqual(QuestionTokens.codePrefix("๐๑๔ คู่มือ", letters)?.code, "o14")
        XCTAssertEqual(QuestionTokens.codePrefix("E๑๕ การ", letters)?.code, "e15")
        // A look-alike before a long OCR'd digit run is no code, and does not overflow summing it.
        XCTAssertNil(QuestionTokens.codePrefix("๐๙๙๙๙๙๙๙๙๙๙๙๙๙๙๙๙๙๙๙๙๙๙๙๙ การ", letters))
        XCTAssertNil(QuestionTokens.codePrefix("o99999999999999999999999 การ", letters))
    }

    /// The checked-in code run is the character set QuestionTextConfirmation held in code.
    func testQuestionCodeRunCheckedIn() throws {
        let ita = try ITAMappings(directory: FieldsCorpus.mappings)
        XCTAssertEqual(ita.catalogueCodes.codeRun, Set("ieoIEO0123456789๐๑๒๓๔๕๖๗๘๙[]().,:;|!l".unicodeScalars))
    }

    func testPageFurnitureMissingFile() throws {
        let dir = try copyOfMappings()
        try FileManager.default.removeItem(at: dir.appendingPathComponent("layout/page-furniture.json"))
        assertError(dir, file: "layout/page-furniture.json", key: nil, problem: "missing")
    }

    /// The checked-in words decorate page numbers as before they were data ("-–—()หน้า/").
    func testPageFurnitureCheckedIn() throws {
        let words = try PageFurnitureWords(mappings: FieldsCorpus.mappings)
        XCTAssertEqual(words.decoration, Set("-–—()หน้า/".unicodeScalars))
        let margin = Box(x0: 280, y0: 10, x1: 320, y1: 22)
        let settings = LayoutSettings()
        XCTAssertTrue(PageFurniture.isPageNumber("หน้า ๑๒", box: margin, pageHeight: 842, settings, words))
        XCTAssertTrue(PageFurniture.isPageNumber("- 12 -", box: margin, pageHeight: 842, settings, words))
        XCTAssertFalse(PageFurniture.isPageNumber("ข้อ ๑๒", box: margin, pageHeight: 842, settings, words))
        // isPageNumber stops at the first scalar that answers: the answers stay those of the whole text.
        XCTAssertTrue(PageFurniture.isPageNumber("(\u{200B}1\u{200B}2\u{200B}3\u{200B}4)", box: margin, pageHeight: 842, settings, words))
        XCTAssertFalse(PageFurniture.isPageNumber("- 12345 -", box: margin, pageHeight: 842, settings, words)) // pageNumberMaxDigits
        XCTAssertFalse(PageFurniture.isPageNumber("12 ก", box: margin, pageHeight: 842, settings, words))
        XCTAssertFalse(PageFurniture.isPageNumber(" - / - ", box: margin, pageHeight: 842, settings, words)) // no digit
        XCTAssertFalse(PageFurniture.isPageNumber("", box: margin, pageHeight: 842, settings, words))
        XCTAssertFalse(PageFurniture.isPageNumber("12", box: Box(x0: 280, y0: 400, x1: 320, y1: 412), pageHeight: 842, settings, words))
    }

    func testNormaliseWordLists() throws {
        for name in ["lexicon.txt", "name_markers.txt", "space_before.txt", "space_after.txt"] {
            let dir = try copyOfMappings()
            try editText(dir, "normalise/\(name)") { _ in "# nothing\n" }
            assertError(dir, file: "normalise/\(name)", key: nil, problem: "empty list")
        }
    }
}
