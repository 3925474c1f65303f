import XCTest
import ITAModel
import PageLayout
import ThaiNormalise
@testable import ReportInterpret

/// Question rows of an OCR'd page whose code token reads as no code, identified by their row's
/// whole text. The texts are Tesseract's lines of the committed scan Corpus/scanned/s002-obt-scan
/// (150 dpi grey JPEG, page 3 of `ita-extract inspect`, at their printed heights); the x positions
/// are the table's columns (code and text one cell at the left, the score cell at the right).
final class QuestionTextIdentificationTests: XCTestCase {
    private func mappings() throws -> ITAMappings { try ITAMappings(directory: FieldsTestLayout.mappings) }

    private func identification(year: Int = 2566) throws -> (QuestionTextIdentification, QuestionTableVocabulary) {
        let m = try mappings()
        return (QuestionTextIdentification(catalogue: m.vocabulary.catalogue(year), lookalikes: m.catalogueCodes.lookalikes), m.questionTable)
    }

    /// The normalise stage's view the page reader composes a row's lines with (no page of its own).
    private func normalisedLayout() throws -> NormalisedLayout {
        try ThaiNormaliser(mappings: FieldsTestLayout.mappings).normalise(DocumentLayout(pages: [], furniture: try .checkedIn()))
    }

    /// A page of lines: each a y and its cells (text, x0, x1).
    private func page(_ rows: [(Double, [(String, Double, Double)])]) -> QuestionPageGeometry {
        let lines = rows.map { y, cells -> ReadLine in
            let segs = cells.map { t, x0, x1 in ReadSegment(text: t, raw: t, box: Box(x0: x0, y0: y, x1: x1, y1: y + 14), page: 3) }
            return ReadLine(page: 3, box: Box.union(segs.map(\.box))!, segments: segs, furniture: [])
        }
        return QuestionPageGeometry(page: 3, lines: lines)
    }

    /// i4's row: the code (`id`, no number) run into its text, whose three lines name i4 only
    /// once joined; its first line alone opens i4, i5 and i6 alike (`CatalogueCodesTests`: too
    /// short to tell them apart). The score stands on the middle line.
    private let i4Row: [(Double, [(String, Double, Double)])] = [
        (487, [("id เจ้าหน้าที่ของหน่วยงานท่าน มีการเรียกรับเงิน ทรัพย์สิน ของขวัญ ของกํานัล หรือ", 60, 470)]),
        (509, [("ผลประโยชน์(นอกเหนือจากที่กฎหมายกําหนด เช่น ค่าธรรมเนียม ค่าปรับ) เอพื่แลก", 60, 468), ("100.00", 500, 530)]),
        (535, [("กับปฏิบัติงานหรือให้บริการ หรือไม่", 60, 220)]),
    ]

    func testARowIsIdentifiedByItsWholeText() throws {
        let (id, vocabulary) = try identification()
        let found = id.identify(in: page(i4Row), vocabulary: vocabulary)
        XCTAssertEqual(found.mapValues(\.code), [0: "i4"])
        // The token printed for the code is kept, and the row's three lines are its text.
        XCTAssertEqual(found[0]?.token, "id")
        XCTAssertEqual(found[0]?.textRefs.map(\.line), [0, 1, 2])

        // Read by the page reader: the row gets i4 and its score, and its provenance says how.
        var reader = QuestionPageReader(geometry: page(i4Row), vocabulary: vocabulary, texts: try normalisedLayout())
        reader.identified = found
        let rows = reader.read(year: 2566).flatMap(\.scores)
        XCTAssertEqual(rows.map(\.code), ["i4"])
        XCTAssertEqual(rows.first?.score, "100.00")
        XCTAssertEqual((rows.first?.source?.changes ?? []).filter { $0.kind == "code_from_text" }.map { "\($0.before) -> \($0.after)" }, ["id -> i4"])
        XCTAssertTrue(rows.first?.source?.cells.first?.hasPrefix("id เจ้าหน้าที่") ?? false)
        // ... while the question's text is the printed text alone, as for a row whose code was read.
        XCTAssertTrue(rows.first?.question?.hasPrefix("เจ้าหน้าที่") ?? false, rows.first?.question ?? "nil")
    }

    /// A row whose text two questions share stays unidentified: the opening of i1's and i2's
    /// texts (s002's first line of i1, cut where the two part), under a token with no number.
    func testATextTwoQuestionsShareIdentifiesNothing() throws {
        let (id, vocabulary) = try identification()
        let rows: [(Double, [(String, Double, Double)])] = [
            (342, [("id เจ้าหน้าทีของหน่วยงานท่าน ปฏิบัติหรือให้บริการแก่บุคคลภายนอก", 60, 440), ("100.00", 500, 530)]),
        ]
        XCTAssertEqual(id.identify(in: page(rows), vocabulary: vocabulary).count, 0)
        // With the rest of i1's text (s002's next line) the row is i1's.
        let whole: [(Double, [(String, Double, Double)])] = [
            (342, [("id เจ้าหน้าทีของหน่วยงานท่าน ปฏิบัติหรือให้บริการแก่บุคคลภายนอก เป็นไปตามขัน", 60, 470), ("100.00", 500, 530)]),
            (366, [("ตอนและระยะเวลา มากน้อยเพียงใด", 60, 200)]),
        ]
        XCTAssertEqual(id.identify(in: page(whole), vocabulary: vocabulary).mapValues(\.code), [0: "i1"])
    }

    /// The code cell must not read as another code: i4's row under `15` (a readable 5, or i5 with
    /// the i read as 1) is no i4 row.
    func testATokenReadingAnotherCodeIdentifiesNothing() throws {
        let (id, vocabulary) = try identification()
        var rows = i4Row
        rows[0].1[0].0 = "15" + rows[0].1[0].0.dropFirst(2)
        XCTAssertEqual(id.identify(in: page(rows), vocabulary: vocabulary).count, 0)
        // Under a token that reads its number (`[4`, not a code: the bracket is no letter) it is.
        rows[0].1[0].0 = "[4" + rows[0].1[0].0.dropFirst(2)
        XCTAssertEqual(id.identify(in: page(rows), vocabulary: vocabulary).mapValues(\.code), [0: "i4"])
    }

    /// The order down the code column: i4's text between printed i5 above and i6 below is no i4.
    func testTheOrderDownTheColumnMustAgree() throws {
        let (id, vocabulary) = try identification()
        let rows: [(Double, [(String, Double, Double)])] =
            [(440, [("i5 เจ้าหน้าที่ของหน่วยงานท่าน มีการรับเงิน", 60, 300), ("100.00", 500, 530)])] + i4Row
            + [(600, [("i6 เจ้าหน้าที่ของหน่วยงานท่าน มีการให้เงิน", 60, 300), ("100.00", 500, 530)])]
        XCTAssertEqual(id.identify(in: page(rows), vocabulary: vocabulary).count, 0)
    }

    /// A code found by its text that the document also prints (read from its code cell on another
    /// page of the table) adds nothing: `read` keeps a code's first printing, so the found one
    /// would win if it came first. The read printing stays; a code found on two rows stays on neither.
    func testACodeFoundByItsTextYieldsToTheSameCodeReadElsewhere() throws {
        let (id, vocabulary) = try identification()
        var reader = QuestionPageReader(geometry: page(i4Row), vocabulary: vocabulary, texts: try normalisedLayout())
        reader.identified = id.identify(in: page(i4Row), vocabulary: vocabulary)
        let found = reader.read(year: 2566).flatMap(\.scores)
        XCTAssertEqual(found.map(\.code), ["i4"])
        // The same row with its code read (`i4` for `id`), as on another page.
        var rows = i4Row
        rows[0].1[0].0 = "i4" + rows[0].1[0].0.dropFirst(2)
        var other = QuestionPageReader(geometry: page(rows), vocabulary: vocabulary, texts: try normalisedLayout())
        let read = other.read(year: 2566).flatMap(\.scores)
        XCTAssertEqual(read.map(\.code), ["i4"])
        XCTAssertEqual(QuestionReader.identifiedOnce(found).map(\.code), ["i4"])
        let kept = QuestionReader.identifiedOnce(found + read)
        XCTAssertEqual(kept.count, 1)
        XCTAssertFalse(kept.first?.source?.changes?.contains { $0.kind == "code_from_text" } ?? true)
        XCTAssertEqual(QuestionReader.identifiedOnce(found + found).count, 0)
    }

    /// A line of no letter is no question text: tune scan v000951-scan200's o20 row, its code read
    /// `620` and run into its text, its score 100.00 read as `1 0` over `00` in the text column
    /// (lines as OCR read them). The row's text is its first line; the pieces below end it, and
    /// a number further down (`8`, beside the pieces) is not the row's score.
    func testALineOfNoLetterEndsTheRowsText() throws {
        let (id, vocabulary) = try identification()
        let rows: [(Double, [(String, Double, Double)])] = [
            (300, [("620 USว:ะกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหา", 60, 400)]),
            (322, [("1 0", 60, 80)]),
            (344, [("00", 60, 75), ("8", 500, 508)]),
        ]
        let found = id.identify(in: page(rows), vocabulary: vocabulary)
        XCTAssertEqual(found.mapValues(\.code), [0: "o20"])
        XCTAssertEqual(found[0]?.textRefs.map(\.line), [0])
        var reader = QuestionPageReader(geometry: page(rows), vocabulary: vocabulary, texts: try normalisedLayout())
        reader.identified = found
        XCTAssertFalse(reader.read(year: 2566).flatMap(\.scores).contains { $0.score == "8" })
    }

    /// 2568's catalogue has no question texts: nothing is identified against it.
    func testNothingIsIdentifiedWithoutCatalogueTexts() throws {
        let (id, vocabulary) = try identification(year: 2568)
        XCTAssertTrue(id.isEmpty)
        XCTAssertEqual(id.identify(in: page(i4Row), vocabulary: vocabulary).count, 0)
    }
}
