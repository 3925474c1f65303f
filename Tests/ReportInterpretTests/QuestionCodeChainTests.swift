import XCTest
import ITAModel
import PageLayout
import ThaiNormalise
@testable import ReportInterpret

/// Question rows of an OCR'd page whose code token Tesseract garbled, read as the codes the table's
/// order gives. The lines are Tesseract's of tune scan v001460-scan200 (a 2568 report of generator
/// seed 1460 through `Scripts/corpus/scans.py`, 200 dpi; `ita-extract inspect --page 3` and `4`),
/// at their printed heights; code and text are one cell at the left, the score a cell at the right.
/// Its gold: i9 98.85, i10 97.19, i11 99.81, i12 100.00, i13 100.00, i14 98.38, i15 99.49.
final class QuestionCodeChainTests: XCTestCase {
    private func chain(misreadings: Bool = false) throws -> (QuestionCodeChain, QuestionTableVocabulary) {
        let m = try ITAMappings(directory: FieldsTestLayout.mappings)
        return (QuestionCodeChain(catalogue: Set(m.vocabulary.catalogue(2568).keys), lookalikes: m.catalogueCodes.lookalikes,
                                  misreadDigits: misreadings ? m.catalogueCodes.misreadDigits : [:]), m.questionTable)
    }

    private func normalisedLayout() throws -> NormalisedLayout {
        try ThaiNormaliser(mappings: FieldsTestLayout.mappings).normalise(DocumentLayout(pages: [], furniture: try .checkedIn()))
    }

    /// A page of lines: each a y and its cells (text, x0, x1).
    private func page(_ rows: [(Double, [(String, Double, Double)])], number: Int = 3,
                      settings: InterpretSettings = InterpretSettings()) -> QuestionPageGeometry {
        let lines = rows.map { y, cells -> ReadLine in
            let segs = cells.map { t, x0, x1 in ReadSegment(text: t, raw: t, box: Box(x0: x0, y0: y, x1: x1, y1: y + 14), page: number) }
            return ReadLine(page: number, box: Box.union(segs.map(\.box))!, segments: segs, furniture: [])
        }
        return QuestionPageGeometry(page: number, lines: lines, settings: settings)
    }

    /// Page 3: i9 read, then `[๑๐`, `ie`, `[1๒`, `[๑๓`, `[14`, `[๑๕` (the i of a mixed font read as a
    /// bracket or lost), the EIT section's title, and EIT's first rows with e read as `๑`.
    private let page3: [(Double, [(String, Double, Double)])] = [
        (67, [("i9 ผู้บังคับบัญชาของท่าน มีการคัดเลือกผู้เข้ารับการฝึกอบรม การ", 66, 440), ("98.85", 470, 500)]),
        (100, [("ศึกษาดู งาน หรือการให้ทุนการศึกษา อย่างเป็นธรรม มากน้อยเพียงใด", 66, 430)]),
        (137, [("[๑๐ ท่านรู้แนวปฏิบัติของหน่วยงานของท่าน เกียวกับการใช้ทรัพย์สิน", 66, 440), ("97.19", 470, 500)]),
        (171, [("ของราชการทีถูกต้อง มากน้อยเพียงใด", 66, 300)]),
        (207, [("ie ขั้นตอนการขออนุญาตเพื่อยืมทรัพย์สินของราชการ ไปใช้ปฏิบัติ", 66, 440), ("99.81", 470, 500)]),
        (241, [("งานมความสะ ดวกมากน้อยเพียงใด", 66, 280)]),
        (278, [("[1๒ เจ้าหน้าที่ของหน่วยงานท่าน มีการขออนุญาตยืมทรัพย์สินของ", 66, 440), ("100.00", 470, 500)]),
        (311, [("ราชการไปใช้ปฏิบัติงานอย่างถูกต้อง มากน้อยเพียงใด", 66, 380)]),
        (349, [("[๑๓ ผู้บริหารสูงสุดของหน่วยงานของท่าน ให้ความสําคัญ กับการแก้ไข", 66, 440), ("100.00", 470, 500)]),
        (381, [("ปัญหาการทุจริตและประพฤติมิชอบ มากน้อยเพียงใด", 66, 360)]),
        (421, [("[14 มาตรการป้องกันการทุจริตของหน่วยงานท่าน สามารถป้องกันการ", 66, 440), ("98.38", 470, 500)]),
        (452, [("ทุจริตได้จริงมากน้อยเพียงใด", 66, 260)]),
        (491, [("[๑๕ ท่านทราบ เกียวกับมาตรฐานทางจริยธรรมหรือประมวลจริยธรรม", 66, 440), ("99.49", 470, 500)]),
        (522, [("สําหรับ เจ้าหน้าที่ของหน่วยงานท่าน มากน้อยเพียงใด", 66, 380)]),
        (560, [("แบบวัดการรับรู้ผู้มีส่วนได้ส่วนเสียภายนอก (EIT)", 66, 400)]),
        (599, [("๑๑ หน่วยงานปฏิบัติหรือให้บริการแก่ท่าน เป็นไปตามขันตอนและระยะ", 66, 440), ("100.00", 470, 500)]),
        (632, [("เลวา มากน้อยเพียงใด", 66, 200)]),
        (668, [("๑2 หน่วยงานปฏิบัติหรือให้บริการแก่ท่าน อย่างเป็นธรรมและไม่เลือก", 66, 440), ("100.00", 470, 500)]),
        (702, [("ปฏิบัติ มากน้อยเพียงใด", 66, 200)]),
    ]

    func testGarbledCodesTakeTheirPlaceInTheColumnsOrder() throws {
        let (c, vocabulary) = try chain()
        let found = c.identify(in: page(page3), vocabulary: vocabulary)
        // i9 read as printed, its six followers by their place; the token `ie` (no digit) between
        // two that read 10 and 12. EIT's `๑๑`, `๑2` print no letter: they name no tool, and the
        // title between ends IIT's chain.
        XCTAssertEqual(found.mapValues(\.code), [0: "i9", 2: "i10", 4: "i11", 6: "i12", 8: "i13", 10: "i14", 12: "i15"])
        XCTAssertEqual(found[0]?.printed, true)
        XCTAssertEqual(found[4]?.printed, false)
        XCTAssertEqual(found[4]?.token, "ie")

        // Read by the page reader: each row its own score (without the chain i9's row ran down
        // over the garbled rows below it), its provenance saying how the code was read.
        var reader = QuestionPageReader(geometry: page(page3), vocabulary: vocabulary, texts: try normalisedLayout())
        reader.chained = found
        let rows = reader.read(year: 2568).flatMap(\.scores)
        let gold = ["i9": "98.85", "i10": "97.19", "i11": "99.81", "i12": "100.00", "i13": "100.00", "i14": "98.38", "i15": "99.49"]
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: rows.map { ($0.code, $0.score) }), gold)
        let i11 = rows.first { $0.code == "i11" }
        XCTAssertEqual((i11?.source?.changes ?? []).filter { $0.field == "code" }.map { "\($0.kind) \($0.before) -> \($0.after)" },
                       ["code_from_sequence ie -> i11"])
        XCTAssertEqual((rows.first { $0.code == "i9" }?.source?.changes ?? []).filter { $0.field == "code" }.map(\.kind), ["code_in_sequence"])

        // Without the chain the garbled rows give nothing.
        var bare = QuestionPageReader(geometry: page(page3), vocabulary: vocabulary, texts: try normalisedLayout())
        XCTAssertEqual(bare.read(year: 2568).flatMap(\.scores).map(\.code), ["i9"])
    }

    /// Page 4: EIT rows with e read as `6` (`63`, `65`, `66`), printed (`e4`), as letters (`en`,
    /// `ew`), and as the look-alike of o (`๐9`: read by `codePrefix` as o9, whose gold is 100 where
    /// e9's 96.24 is printed). The chain reads e3 to e6; `๐9` joins no chain of EIT (a look-alike
    /// of o only) and alone names nothing: it stays unconfirmed.
    func testALookAlikeOfAnotherToolJoinsNoChain() throws {
        let (c, vocabulary) = try chain()
        let rows: [(Double, [(String, Double, Double)])] = [
            (67, [("63 หน่วยงานปฏิบัติหรือให้บริการแก่ท่าน โดยมุ่งผลสัมฤทธิ และรับผิด", 66, 440), ("๓๕.๓๑", 470, 500)]),
            (98, [("ชอบตง อหนvyาทa มากน้เวอยเพีซ ยงใด", 66, 300)]),
            (137, [("e4 หน่วยงานมีช่องทางเผยแพร่ข้อมูลข่าวสารที่สามารถเข้าถึงได้ง่าย", 66, 440), ("๑๐๐๑๐.๐๐", 470, 520)]),
            (171, [("มากน้อยเพียงใด", 66, 160)]),
            (207, [("65 หน่วยงานมีการเผยแพร่ข้อมูลข่าวสารที่ประชาชนหรือผู้รับบริการ", 66, 440), ("100.00", 470, 500)]),
            (240, [("ควรได้รับทราบอย่างชัดเจน มากน้อยเพียงใด", 66, 330)]),
            (278, [("66 หน่วยงานมีช่องทางทีท่านสามารถติชมหรือแสดงความคิดเห็นต่อ", 66, 440), ("100.00", 470, 500)]),
            (311, [("การปฏิบัติงานหรือการให้บริการหรือไม่", 66, 320)]),
            (349, [("en การปฏิaบัweติหรือการให้yoบoริการของเจ้บาหน้vาiที่d ดีa aขึ้d นกว่rาoที่d ผ่านมา มาก 96.34", 66, 500)]),
            (382, [("น้อยเพียงใด", 66, 140)]),
            (419, [("ew วิaaธีd การขัa นตอนการปฏิaบัwaติหรือการให้vบaริการ สะดวกรวดเร็a วขึ้a นกว่าง ที่ซ่", 66, 450)]),
            (453, [("ผ่านมา มากน้อยเพียงใด", 66, 200)]),
            (490, [("๐9 หน่วยงานมีระบบการให้บริการออนไลน์หรือไม่", 66, 440), ("96.24", 470, 500)]),
        ]
        // One token (e4) names the tool: digits name none, so one letter alone names no chain
        // (`ocrCodeChainMinNamingTokens`): e4 stands as printed, `63`, `65`, `66` stay unread.
        XCTAssertEqual(c.identify(in: page(rows), vocabulary: vocabulary).count, 0)
        // Else one misread letter would file the column under another tool: e4 read as `O4` made
        // this chain o3-o6 (review18), whose ASCII scores a second reading could then confirm.
        var misread = rows
        misread[2].1[0].0 = "O4 หน่วยงานมีช่องทางเผยแพร่ข้อมูลข่าวสารที่สามารถเข้าถึงได้ง่าย"
        XCTAssertEqual(c.identify(in: page(misread), vocabulary: vocabulary).count, 0)
        // Two tokens printing e name it: e3 to e6.
        var named = rows
        named[6].1[0].0 = "e6 หน่วยงานมีช่องทางทีท่านสามารถติชมหรือแสดงความคิดเห็นต่อ"
        let found = c.identify(in: page(named), vocabulary: vocabulary)
        XCTAssertEqual(found.mapValues(\.code), [0: "e3", 2: "e4", 4: "e5", 6: "e6"])
        // A chain of three of o's look-alikes at numbers EIT has too names no tool (an EIT table
        // read so would otherwise be filed under o1-o3).
        let oLike: [(Double, [(String, Double, Double)])] = [
            (569, [("01 โครงสร้าง", 66, 200), ("100", 470, 500)]),
            (606, [("0๒ ข้อมูลผู้บริหาร", 66, 220), ("100", 470, 500)]),
            (645, [("๐๓ อํานาจหน้าที", 66, 200), ("100", 470, 500)]),
        ]
        XCTAssertEqual(c.identify(in: page(oLike), vocabulary: vocabulary).count, 0)
        // ... until the table goes on over the page break: page 4's foot o1-o6 (a speck's line
        // between), and o7 and o8 at the top of page 5 printing their letter.
        let page4Foot: [(Double, [(String, Double, Double)])] = [
            (569, [("01 โครงสร้าง", 66, 200), ("100", 470, 500)]),
            (606, [("0๒ ข้อมูลผู้บริหาร", 66, 220), ("100", 470, 500)]),
            (643, [("°", 120, 126), ("via", 300, 320)]),
            (645, [("๐๓ อํานาจหน้าที", 66, 200), ("100", 470, 500)]),
            (682, [("04 แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน", 66, 330), ("100", 470, 500)]),
            (721, [("0๐5 ข้อมูลการติดต่อ", 66, 220), ("100", 470, 500)]),
            (759, [("๐6 กฎหมายทีเกียวข้อง", 66, 220), ("100", 470, 500)]),
        ]
        let page5: [(Double, [(String, Double, Double)])] = [
            (69, [("o7 ข่าวประชาสัมพันธ์", 66, 220), ("100", 470, 500)]),
            (106, [("o8 Q&A", 66, 160), ("100", 470, 500)]),
        ]
        XCTAssertEqual(c.identify(in: page(page4Foot, number: 4), vocabulary: vocabulary).count, 0)
        let both = c.identify(pages: [page(page4Foot, number: 4), page(page5, number: 5)], vocabulary: vocabulary)
        XCTAssertEqual(both.mapValues { $0.mapValues(\.code) }, [4: [0: "o1", 1: "o2", 3: "o3", 4: "o4", 5: "o5", 6: "o6"], 5: [0: "o7", 1: "o8"]])
        // A table border read as a bar before the code (tune scan v001455-scan150 p. 7: `|o7
        // ข่าวประชาสัมพันธ์`) is no part of the token; the chain's code stands for the row.
        var barred = page5
        barred[0].1[0].0 = "|o7 ข่าวประชาสัมพันธ์"
        let withBar = c.identify(pages: [page(page4Foot, number: 4), page(barred, number: 5)], vocabulary: vocabulary)
        XCTAssertEqual(withBar[5]?[0]?.code, "o7")
        XCTAssertEqual(withBar[5]?[0]?.printed, false)
        // o7 alone names nothing: one letter could be a misread one.
        XCTAssertEqual(c.identify(pages: [page(page4Foot, number: 4), page(Array(page5.prefix(1)), number: 5)], vocabulary: vocabulary).count, 0)
        // A row whose text names another question than its place (o4's row read as o5's text) means
        // the count is off somewhere: the whole chain goes, not that row alone.
        let kept = QuestionCodeChain.withoutContradicted(both, identified: [4: [4: "o4"]])
        XCTAssertEqual(kept.values.map(\.count).reduce(0, +), 8)
        XCTAssertTrue(QuestionCodeChain.withoutContradicted(both, identified: [4: [4: "o5"]]).isEmpty)
        // Not when a page lies between (the table did not run on).
        XCTAssertEqual(c.identify(pages: [page(page4Foot, number: 4), page(page5, number: 6)], vocabulary: vocabulary).count, 0)
        // ... while at numbers only OIT has (2568: o16 on) they name it (page 6: `029`, `๐๓๐`, `๐๓๑`).
        let oOnly: [(Double, [(String, Double, Double)])] = [
            (217, [("029 การประเมินความเสียงการทุจริตและประพฤติมิชอบประจําปี", 66, 400), ("100", 470, 500)]),
            (257, [("๐๓๐ การดําเนินการเพื่อจัดการความเสียงการทุจริตและประพฤติมิชอบ", 66, 440), ("100", 470, 500)]),
            (362, [("๐๓๑ แผนปฏิบัติการป้องกันการทุจริต", 66, 300), ("100", 470, 500)]),
        ]
        XCTAssertEqual(c.identify(in: page(oOnly), vocabulary: vocabulary).mapValues(\.code), [0: "o29", 1: "o30", 2: "o31"])
        // A contradiction drops its own chain only: page 6's chain (o29-o31) stands beside it.
        let two = c.identify(pages: [page(page4Foot, number: 4), page(page5, number: 5), page(oOnly, number: 6)], vocabulary: vocabulary)
        XCTAssertEqual(two.values.map(\.count).reduce(0, +), 11)
        XCTAssertEqual(QuestionCodeChain.withoutContradicted(two, identified: [4: [4: "o5"]]).mapValues { $0.mapValues(\.code) },
                       [6: [0: "o29", 1: "o30", 2: "o31"]])
    }

    /// Numbered rows of no code letter (an indicator table's `1`, `2`, `3`) are no chain; nor are
    /// two rows, nor a chain whose count skips a row.
    func testNumbersAloneOrTooFewOrSkippingConfirmNothing() throws {
        let (c, vocabulary) = try chain()
        let numbered: [(Double, [(String, Double, Double)])] = [
            (100, [("1 การปฏิบัติหน้าที่", 66, 300), ("80.42", 470, 500)]),
            (130, [("2 การใช้งบประมาณ", 66, 300), ("71.33", 470, 500)]),
            (160, [("3 การใช้อำนาจ", 66, 300), ("70.82", 470, 500)]),
        ]
        XCTAssertEqual(c.identify(in: page(numbered), vocabulary: vocabulary).count, 0)
        XCTAssertEqual(c.identify(in: page(Array(page3.prefix(4))), vocabulary: vocabulary).count, 0)
        // i9, `[๑๐`, then `[1๒` with i11's row lost: 12 does not follow 10, and the two sides name
        // their tool once (i9) only.
        let skipping = Array(page3.prefix(4)) + Array(page3[6...9])
        XCTAssertEqual(c.identify(in: page(skipping), vocabulary: vocabulary).count, 0)
    }

    /// A chain broken by one row is bridged when two rows each side read consecutive numbers in the
    /// catalogue's order across the gap (`ocrCodeChainBridgeMinSideRows`): one misread digit (tune
    /// scan v001452-scan200 reads ๔ as ๕: `[๑๕` for i14, `1๕` for i4), whose row takes the code its
    /// place gives; or one row left unread, whose step down the column doubles the rows' step
    /// (`ocrCodeChainGapMinSteps`), and which gets no code.
    func testAChainBrokenByOneRowIsBridged() throws {
        let (c, vocabulary) = try chain()
        let iit = Array(page3.prefix(14))
        // i13's `[๑๓` misread as `[๑๕`: i9 to i12, then 15, then `[14`, `[๑๕`.
        var misread = iit
        misread[8].1[0].0 = "[๑๕ ผู้บริหารสูงสุดของหน่วยงานของท่าน ให้ความสําคัญ กับการแก้ไข"
        let bridged = c.identify(in: page(misread), vocabulary: vocabulary)
        XCTAssertEqual(bridged.mapValues(\.code), [0: "i9", 2: "i10", 4: "i11", 6: "i12", 8: "i13", 10: "i14", 12: "i15"])
        XCTAssertEqual(bridged[8]?.printed, false)
        // Read by the page reader, the misread row gives i13 its own score.
        var reader = QuestionPageReader(geometry: page(misread), vocabulary: vocabulary, texts: try normalisedLayout())
        reader.chained = bridged
        XCTAssertEqual(reader.read(year: 2568).flatMap(\.scores).first { $0.code == "i13" }?.score, "100.00")
        // With one row after the gap, the gap is not bridged: i14 alone could be a coincidence.
        let short = Array(misread.prefix(11))
        XCTAssertEqual(c.identify(in: page(short), vocabulary: vocabulary).mapValues(\.code), [0: "i9", 2: "i10", 4: "i11", 6: "i12"])
        // i13's row unread (its code line and wrap gone): i9 to i12 | i14, i15, the gap twice a
        // row's step. The unread row gets no code.
        let unread = Array(iit.prefix(8)) + Array(iit[10...])
        XCTAssertEqual(c.identify(in: page(unread), vocabulary: vocabulary).mapValues(\.code),
                       [0: "i9", 2: "i10", 4: "i11", 6: "i12", 8: "i14", 10: "i15"])
        // The same rows closed up (no room for a row between i12 and i14): no bridge, and i14,
        // i15 alone are too few.
        let closed = unread.enumerated().map { k, row in (k >= 8 ? row.0 - 73 : row.0, row.1) }
        XCTAssertEqual(c.identify(in: page(closed), vocabulary: vocabulary).mapValues(\.code), [0: "i9", 2: "i10", 4: "i11", 6: "i12"])
    }

    /// Codes whose Thai digits Tesseract misread the known ways (`digitMisreadings`) take their
    /// place between codes read as printed. Held-out scans7 v100351-scan200 p. 9 (a 2568 report of
    /// generator seed 100351, 200 dpi; `ita-extract inspect --page 9`), every score 100.00: o24
    /// printed `๐๒๔` read `๐๒๕` between o23 and o25, o34 likewise between o33 and o35; o26 to o29
    /// (`๐๒๑`, `๐๒๓๑`, `๐๒๕`, `๐๒๕`: ๖ read ๑, ๗ read ๓๑, ๘ and ๙ read ๕) stand after o25 read as
    /// printed and before o30, but ๖ read ๑ is no known misreading and `๐๒๓๑` no token: the count
    /// between o25 and o30 does not hold, and they get no code.
    private let oitPage9: [(Double, [(String, Double, Double)])] = [
        (60, [("๐๒๐", 66, 84), ("ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ", 100, 420), ("100.00", 470, 500)]),
        (90, [("๐๒๑", 66, 84), ("สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน", 100, 400), ("100.00", 470, 500)]),
        (121, [("๐๒๒", 66, 84), ("รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจําปี", 100, 410), ("100.00", 470, 500)]),
        (154, [("๐๒๓", 66, 84), ("นโยบายหรือแผนการบริหารทรัพยากรบุคคล", 100, 330), ("100.00", 470, 500)]),
        (183, [("๐๒๕", 66, 84), ("การดําเนินการตามนโยบายหรือแผนการบริหารทรัพยากร", 100, 420), ("100.00", 470, 500)]),
        (207, [("บุคคล", 100, 130)]),
        (237, [("๐๒๕", 66, 84), ("หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล", 100, 360), ("100.00", 470, 500)]),
        (267, [("๐๒๑", 66, 84), ("ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการ", 100, 390), ("100.00", 470, 500)]),
        (287, [("ปฏิบัติหน้าที่", 100, 170)]),
        (321, [("๐๒๓๑", 66, 90), ("การสร้างวัฒนธรรม No Gift Policy", 100, 320), ("100.00", 470, 500)]),
        (352, [("๐๒๕", 66, 84), ("รายงานผลตามนโยบาย No Gift Policy", 100, 330), ("100.00", 470, 500)]),
        (377, [("๐๒๕", 66, 84), ("การประเมินความเสี่ยงการทุจริตและประพฤติมิชอบประจํา", 100, 420), ("100.00", 470, 500)]),
        (405, [("ปี", 100, 110)]),
        (430, [("๐๓๐", 66, 84), ("การดําเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติ", 100, 420), ("100.00", 470, 500)]),
        (455, [("มิชอบ (กรณีที่มีการประเมินความเสียงการทุจริตในประเด็น", 100, 420)]),
        (480, [("ทีเกียวกับการใช้ทรัพย์สินของทางราชการ)", 100, 350)]),
        (510, [("๐๓๑", 66, 84), ("แผนปฏิบัติการป้องกันการทุจริต", 100, 300), ("100.00", 470, 500)]),
        (539, [("๐๓๒", 66, 84), ("รายงานการกํากับติดตามการดําเนินการป้องกันการทุจริต", 100, 420), ("100.00", 470, 500)]),
        (563, [("ประจําปี รอบ 6 เดือน", 100, 200)]),
        (592, [("๐๓๓", 66, 84), ("รายงานผลการดําเนินการป้องกันการทุจริตประจําปี", 100, 400), ("100.00", 470, 500)]),
        (623, [("๐๓๕", 66, 84), ("ประมวลจริยธรรมสําหรับเจ้าหน้าทีของรัฐ", 100, 360), ("100.00", 470, 500)]),
        (654, [("๐๓๕", 66, 84), ("การขับเคลื่อนจริยธรรม", 100, 260), ("100.00", 470, 500)]),
    ]

    func testCodesReadUnderKnownDigitMisreadingsTakeTheirPlaceBetweenCodesReadAsPrinted() throws {
        let (c, vocabulary) = try chain(misreadings: true)
        let found = c.identify(in: page(oitPage9, number: 9), vocabulary: vocabulary)
        XCTAssertEqual(found.mapValues(\.code), [0: "o20", 1: "o21", 2: "o22", 3: "o23", 4: "o24", 6: "o25",
                                                 13: "o30", 16: "o31", 17: "o32", 19: "o33", 20: "o34", 21: "o35"])
        // The misread ones take their place's code; the others are read as printed.
        XCTAssertEqual(found.filter { !$0.value.printed }.keys.sorted(), [4, 20])
        // The page reader gives each its own score, saying how the code was read.
        var reader = QuestionPageReader(geometry: page(oitPage9, number: 9), vocabulary: vocabulary, texts: try normalisedLayout())
        reader.chained = found
        let rows = reader.read(year: 2568).flatMap(\.scores)
        let o24 = rows.first { $0.code == "o24" }
        XCTAssertEqual(o24?.score, "100.00")
        XCTAssertEqual((o24?.source?.changes ?? []).filter { $0.field == "code" }.map { "\($0.kind) \($0.before) -> \($0.after)" },
                       ["code_from_sequence ๐๒๕ -> o24"])
        // o25 read as printed, in its place (`๐๒๕` printed for o28 and o29 reads o25 too, outside the
        // chain: the pipeline keeps the row its place confirms).
        XCTAssertEqual(rows.filter { $0.code == "o25" && ($0.source?.changes ?? []).contains { $0.kind == QuestionCodeChain.inSequence } }.count, 1)

        // Without the misreadings o24's and o34's tokens break the count: o20 to o23, o30 to o33.
        let (bare, _) = try chain()
        XCTAssertEqual(bare.identify(in: page(oitPage9, number: 9), vocabulary: vocabulary).mapValues(\.code),
                       [0: "o20", 1: "o21", 2: "o22", 3: "o23", 13: "o30", 16: "o31", 17: "o32", 19: "o33"])

        // A misread token ends no chain: o33 and the misread o34 last, o34 is left without a code.
        let cut = Array(oitPage9.prefix(21))
        XCTAssertEqual(c.identify(in: page(cut, number: 9), vocabulary: vocabulary)[20]?.code, nil)

        // More misread tokens in a row than `ocrCodeChainMaxMisreadRows` part the chain there (none
        // allowed here): o20 to o23 | o25, o30 to o33 | o35, and o25, o35 alone are too few.
        var tight = InterpretSettings()
        tight.ocrCodeChainMaxMisreadRows = 0
        XCTAssertEqual(c.identify(in: page(oitPage9, number: 9, settings: tight), vocabulary: vocabulary).mapValues(\.code),
                       [0: "o20", 1: "o21", 2: "o22", 3: "o23", 13: "o30", 16: "o31", 17: "o32", 19: "o33"])
    }

    /// Misreadings can leave a run two starts that both fit the catalogue: v100351 p. 9's o26-o29 with o27
    /// read `๐๒๓` (review20's case): `๐๒๑` (o26, ๖ read ๑: no known misreading) breaks the run, then `๐๒๓ ๐๒๕
    /// ๐๒๕` at the page's end is o23-o25 with ๔ read ๕ in the middle, or o27-o29 (๗ read ๓, ๘ and ๙ read ๕).
    /// The digits read as printed are the ones misreadings make, so their count decides nothing (it chose
    /// o23-o25, wrong): no code. With one start fitting, codes stand as before (the tests above).
    func testARunTwoStartsFitGetsNoCode() throws {
        let (c, vocabulary) = try chain(misreadings: true)
        var rows = Array(oitPage9[7...11])
        rows[2].1[0].0 = "๐๒๓"
        XCTAssertEqual(c.identify(in: page(rows, number: 9), vocabulary: vocabulary).mapValues(\.code), [:])
    }

    /// A title naming a tool, between the previous code row and a chain, names the chain's tool as
    /// a printed code letter does. Held-out scans7 v100351-scan200 p. 8 (2568; `ita-extract inspect
    /// --page 8`), every OIT score 100.00: EIT's last rows (`ee`, `ew`), the OIT title as OCR read it
    /// (`(017)`), then `๐๑`, `๐๒`, `๐๓`, `๐๕` (o4, ๔ read ๕), `๐๕`, `๐๑` (o6, ๖ read ๑: no known
    /// misreading, the count stops). `๐` is OIT's letter only in the code position, and 2568's IIT
    /// has i1 to i15 too: without the title nothing names OIT.
    private let oitPage8: [(Double, [(String, Double, Double)])] = [
        (63, [("ee", 66, 80), ("วิธีการขันตอนการปฏิบัติหรือการให้บริการ สะดวกรวดเร็ว", 100, 420)]),
        (87, [("ขืนกว่าทีผ่านมา มากน้อยเพียงใด", 100, 300)]),
        (116, [("ew", 66, 80), ("หน่วยงานมีระบบการให้บริการออนไลน์หรือไม่", 100, 380), ("97.94", 470, 500)]),
        (147, [("แบบวัดการเปิดเผยข้อมูลสาธารณะ (017)", 66, 330)]),
        (177, [("๐๑", 66, 80), ("โครงสร้าง", 100, 160), ("100.00", 470, 500)]),
        (208, [("๐๒", 66, 80), ("ข้อมูลผู้บริหาร", 100, 190), ("100.00", 470, 500)]),
        (234, [("๐๓", 66, 80), ("อํานาจหน้าที่", 100, 180), ("100.00", 470, 500)]),
        (267, [("๐๕", 66, 80), ("แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน", 100, 330), ("100.00", 470, 500)]),
        (298, [("๐๕", 66, 80), ("ข้อมูลการติดต่อ", 100, 190), ("100.00", 470, 500)]),
        (324, [("๐๑", 66, 80), ("กฎหมายที่เกี่ยวข้อง", 100, 220), ("100.00", 470, 500)]),
        (357, [("oe", 66, 80), ("ข่าวประชาสัมพันธ์", 100, 210), ("100.00", 470, 500)]),
        (391, [("๐๕", 66, 80), ("Q&A", 100, 130), ("100.00", 470, 500)]),
        (421, [("๐๕", 66, 80), ("Social Network", 100, 200), ("100.00", 470, 500)]),
        (446, [("๐๑๐", 66, 84), ("นโยบายคุ้มครองข้อมูลส่วนบุคคล", 100, 300), ("100.00", 470, 500)]),
        (477, [("๐๑๑", 66, 84), ("แผนดําเนินงานและการใช้งบประมาณประจําปี", 100, 360), ("100.00", 470, 500)]),
        (507, [("๐๑๒", 66, 84), ("รายงานการกํากับติดตามการดําเนินงานและการใช้งบ", 100, 420), ("100.", 470, 500)]),
        (531, [("ประมาณประจําปี รอบ 6 เดือน", 100, 260)]),
        (561, [("๐๑๓", 66, 84), ("รายงานผลการดําเนินงานประจําปี", 100, 300), ("100.00", 470, 500)]),
    ]

    func testAToolTitleAboveAChainNamesItsTool() throws {
        let (c, vocabulary) = try chain(misreadings: true)
        let found = c.identify(in: page(oitPage8, number: 8), vocabulary: vocabulary)
        // o1 to o5 (o4 read under ๔ read ๕); o10 to o13 further down are no chain the title stands
        // above, and their numbers name no tool.
        XCTAssertEqual(found.mapValues(\.code), [4: "o1", 5: "o2", 6: "o3", 7: "o4", 8: "o5"])
        XCTAssertEqual(found[7]?.printed, false)
        // Without the title (a line naming no tool in its place), or under another tool's title,
        // nothing names the chain.
        var untitled = oitPage8
        untitled[3].1[0].0 = "คะแนนรายข้อ"
        XCTAssertEqual(c.identify(in: page(untitled, number: 8), vocabulary: vocabulary).count, 0)
        var eit = oitPage8
        eit[3].1[0].0 = "แบบวัดการรับรู้ผู้มีส่วนได้ส่วนเสียภายนอก (EIT)"
        XCTAssertEqual(c.identify(in: page(eit, number: 8), vocabulary: vocabulary).count, 0)
        // A line holding two tools' titles names none.
        XCTAssertNil(vocabulary.toolTitled("แบบวัดการรับรู้ผู้มีส่วนได้ส่วนเสียภายใน และแบบวัดการเปิดเผยข้อมูลสาธารณะ"))
        XCTAssertEqual(vocabulary.toolTitled("แบบวัดการรับรู้ผู้มีส่วนได้ส่วนเสียภายใน (IIT)"), .iit)
    }

    /// A tool's title names a chain on its own page only: the OIT title ending page 7 (a summary
    /// table's last row, say) names nothing on page 8, whose table opens with no title of its own.
    /// The rows are `oitPage8`'s below its title, which alone names their tool (see above).
    func testAToolTitleOnThePageBeforeNamesNoChain() throws {
        let (c, vocabulary) = try chain(misreadings: true)
        let title = oitPage8[3]
        let rows = Array(oitPage8[4...])
        let before = page([(700, title.1)], number: 7)
        let found = c.identify(pages: [before, page(rows, number: 8)], vocabulary: vocabulary)
        XCTAssertEqual(found.count, 0)
        // The same title at the top of page 8 names the chain (the control: the rows alone can be named).
        let titled = c.identify(pages: [page([(60, title.1)] + rows, number: 8)], vocabulary: vocabulary)
        XCTAssertEqual(titled[8]?.mapValues(\.code), [1: "o1", 2: "o2", 3: "o3", 4: "o4", 5: "o5"])
    }

    /// Misreadings never cost a chain what its tokens read as printed prove. Tune scan
    /// v001460-scan200 pp. 5-6 (2568, `ita-extract inspect --page 5` and `6`): read under the
    /// misreadings, `๐๑๒` (o16), `0๑๕` (o18) and `๐๒๕` (o24) join the column from o14 to o35 into
    /// one run, which takes in `cond` and `coe` (o17, o19: `c` is a look-alike of e, so the run
    /// names no one tool) and is refused; the parts between the misread tokens still stand, o29 to
    /// o33 among them, as they did without the misreadings.
    func testMisreadingsKeepWhatTheTokensReadAsPrintedProve() throws {
        func cells(_ rows: [(Double, String, String?)]) -> [(Double, [(String, Double, Double)])] {
            rows.map { y, text, score in (y, [(text, 66, 440)] + (score.map { [($0, 470, 500)] } ?? [])) }
        }
        let page5 = cells([
            (367, "๐๑๕ คู่มือหรือมาตรฐานการปฏิบัติงาน", "๑๐๐"), (405, "๐๑๕ คู่มือหรือมาตรฐานการให้บริการ", "100"),
            (443, "๐๑๒ ข้อมูลเชิงสถิติการให้บริการ", "๑๐๐"), (482, "cond รายงานผลการสํารวจความพึงพอใจการให้บริการ", "100"),
            (526, "0๑๕ E-Service", "100"), (556, "coe แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ", "๑๐๐"),
            (593, "020 ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ", "๑๐๐"),
            (633, "๐๒๑ สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน", "๑๐๐"),
            (672, "0๒ใ๒ รายงานผลการจัะด-ซื้ซฆ้ อจั2-ด.จ้างหรือการจั๑ ดหาพัowสดุประจําปี", "๑๐๐"),
            (713, "023 นโยบายหรือแผนการบริหารทรัพยากรบุคคล", "100"), (749, "๐๒๕ การดําเนินการตามนโยบายหรือแผนการบริหารทรัพยากรบุคคล", "100"),
        ])
        let page6 = cells([
            (67, "๐๒๕ หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล", "๑๐๐"), (104, "๐26 ประกาศเจตนารมณันโยบาย No Gift Policy จากการปฏิบัติหน้าที่ 100", nil),
            (145, "0๒๑ การสร้างวัฒนธรรม No Gift Policy", "100"), (184, "0๒๕ รายงานผลตามนโยบาย No Gift Policy", "100"),
            (217, "029 การประเมินความเสียงการทุจริตและประพฤติมิชอบประจําปี", "100"),
            (257, "๐๓๐ การดําเนินการเพื่อจัดการความเสียงการทุจริตและประพฤติมิชอบ 100", nil),
            (289, "(กรณีaทิdaมิการประเaมินความเสีa ยงการทุจaริตในประเด็sนที่aaเกี่ยวaกัy บการใช้ไว", nil),
            (324, "ทรัพย์สินของทางราชการ)", nil), (362, "๐๓๑ แผนปฏิบัติการป้องกันการทุจริต", "100"),
            (398, "๑๓๒ รายงานการกํากับติดตามการดําเนินการป้องกันการทุจริตประจําปี ๑๐๐", nil), (433, "รอบ 6 เดือน", nil),
            (470, "0๓๓ รายงานผลการดําเนินการป้องกันการทุจริตประจําปี", nil), (509, "๐๓๕ ประมวลจริยธรรมสําหรับเจ้าหน้าที่ของรัฐ", nil),
            (547, "035 การขับเคลื่อนจริยธรรม", "๑๐๐"),
        ])
        let pages = [page(page5, number: 5), page(page6, number: 6)]
        let (bare, vocabulary) = try chain()
        let (c, _) = try chain(misreadings: true)
        let printed = bare.identify(pages: pages, vocabulary: vocabulary)
        XCTAssertEqual(printed[6]?[4]?.code, "o29")
        let found = c.identify(pages: pages, vocabulary: vocabulary)
        for (page, rows) in printed {
            for (line, f) in rows { XCTAssertEqual(found[page]?[line]?.code, f.code, "page \(page) line \(line)") }
        }
    }

    /// The interpret stage wires `withoutContradicted` in (`QuestionReader`): a chain one of whose
    /// rows the printed text names as another question gives no row its code. A 2567 IIT table over
    /// two pages, its codes read as Tesseract reads them on tune scans v001460-scan200 and
    /// s002-obt-scan (i16, i20, i21 printed; `1๗`, `1๘`: i read as 1; `ie`: a code read as letters),
    /// its rows printing their catalogue texts; the cover's year line is tune scan v002200-scan150's.
    func testAContradictedChainGivesNoRowItsCodeInTheInterpretation() throws {
        func layout(_ pages: [[(String, String)]]) throws -> DocumentLayout {
            func line(_ page: Int, _ y: Double, _ cells: [(String, Double)]) -> TextLine {
                TextLine(page: page, segments: cells.map { text, x in
                    var x0 = x
                    return Segment(words: text.split(separator: " ").map { w in
                        let width = 4.0 * Double(w.unicodeScalars.count)
                        defer { x0 += width + 3 }
                        return Word(text: String(w), box: Box(x0: x0, y0: y, x1: x0 + width, y1: y + 14))
                    })
                })
            }
            let cover = [line(1, 100, [("สรุปผลการประเมิน ITA ประจําปีงบประมาณ พ.ศ. ๒๕๖๗", 60)]),
                         line(1, 140, [("องค์การบริหารส่วนจังหวัดนครสวรรค์", 60)])]
            var out = [PageLayoutResult(page: 1, width: 595, height: 842, lines: cover, tables: [], recognised: true)]
            for (p, rows) in pages.enumerated() {
                var table = p == 0 ? [line(p + 2, 60, [("ข้อคําถาม", 66), ("คะแนน", 470)])] : []
                for (k, row) in rows.enumerated() {
                    // The code and its text in one cell at the left (wrapped onto a second line),
                    // the score a cell at the right.
                    let words = row.0.split(separator: " ")
                    let half = (words.count + 1) / 2
                    table.append(line(p + 2, 100 + 70 * Double(k), [(words.prefix(half).joined(separator: " "), 66), (row.1, 470)]))
                    table.append(line(p + 2, 134 + 70 * Double(k), [(words.dropFirst(half).joined(separator: " "), 66)]))
                }
                out.append(PageLayoutResult(page: p + 2, width: 595, height: 842, lines: table, tables: [], recognised: true))
            }
            return DocumentLayout(pages: out, furniture: try .checkedIn())
        }
        let m = try ITAMappings(directory: FieldsTestLayout.mappings)
        let text = { (code: String) in m.vocabulary.catalogue(2567)[code]?.name ?? "" }
        let page2 = [("i16 " + text("i16"), "98.00"), ("1๗ " + text("i17"), "97.00"), ("1๘ " + text("i18"), "96.00")]
        let page3 = [("ie " + text("i19"), "95.00"), ("i20 " + text("i20"), "94.00"), ("i21 " + text("i21"), "93.00")]
        func chained(_ r: Interpretation) -> [String] {
            r.questions.filter {
                $0.source?.changes?.contains { $0.kind == QuestionCodeChain.fromSequence || $0.kind == QuestionCodeChain.inSequence } ?? false
            }.map(\.code).sorted()
        }
        func described(_ r: Interpretation) -> String { "\(r.questions.map { "\($0.code) \($0.score) \(($0.source?.changes ?? []).map(\.kind))" })" }
        // The chain runs over the page break and confirms the rows by their place.
        let agreeing = try FieldsTestLayout.interpret(layout: layout([page2, page3]))
        XCTAssertEqual(agreeing.fields.assessmentYear?.value, 2567)
        XCTAssertFalse(chained(agreeing).isEmpty, described(agreeing))
        // `ie`'s row on page 3 printing i17's text (no code on its page says otherwise): its place
        // (i19) is contradicted, and the chain's count with it. No row is confirmed by the chain.
        var contrary = page3
        contrary[0].0 = "ie " + text("i17")
        let contradicted = try FieldsTestLayout.interpret(layout: layout([page2, contrary]))
        XCTAssertEqual(chained(contradicted), [], described(contradicted))
    }
}
