import XCTest
import ITAModel
@testable import ReportInterpret

/// The catalogue the mean checks use for a year whose reports may follow two frameworks (2567):
/// the one the rows prove, by codes or printed texts; on OCR'd pages nothing when unproven
/// (`QuestionFrameworkChoice`). A check against the wrong framework's questions must never mark a
/// value. The rows are tune scan v100352-scan300's (held-out scans7, now tune: a 2567 report on
/// the 2568 framework), its question rows on pages 4-5 as OCR read them: the code as the reader
/// took it, the label cells (number, code and text) and the score after the shapes' reading.
final class QuestionFrameworkChoiceTests: XCTestCase {
    private func arithmetic() throws -> ScoreArithmetic { ScoreArithmetic(mappings: try ITAMappings(directory: FieldsTestLayout.mappings)) }

    static let v100352Rows: [(code: String, cells: [String], score: String, page: Int)] = [
        ("i1", ["๑", "[1 เจ้าหน้าที่ของหน่วยงานท่าน ปฏิบัติหรือให้บริการแก่บุคคลภายนอก เป็น\nไปตามขั้นตอนและระยะเวลา มากน้อยเพียงใด"], "100.00", 4),
        ("i2", ["๒", "12 เจ้าหน้าที่ของหน่วยงานท่าน ปฏิบัติหรือให้บริการแก่บุคคลภายนอกอย่าง\nเท่าเทียมกัน มากน้อยเพียงใด"], "89.03", 4),
        ("i3", ["๓", "13 เจ้าหน้าที่ของหน่วยงานท่าน ปฏิบัติงานหรือให้บริการโดยมุ่งผลสัมฤทธิ์\nขงงอาน และรับผิดชอบต่อหน้าที่ มากน้อยเพียงใด"], "70.73", 4),
        ("i4", ["๕", "i4 ท่านทราบข้อมูลเกี่ยวกับงบประมาณของหน่วยงานหรือของส่วนงานที่ท่าน\nปฏิบัติหน้าที่ มากน้อยเพียงใด"], "73.89", 4),
        ("i5", ["5", "15 ท่านเคยเข้าไปมีส่วนร่วมในกระบวนการงบประมาณ มากน้อยเพียงใด"], "79.19", 4),
        ("i7", ["7", "17 ท่านได้รับมอบหมายงานตามตําแหน่งหน้าที่จากผู้บังคับบัญชาของท่าน\nอย่างเป็นธรรม มากน้อยเพียงใด"], "77.46", 4),
        ("i8", ["[8 ท่านได้รับการประเมินผลการปฏิบัติงาน จากผู้บังคับบัญชาของท่านอย่าง\nเป็นธรรม มากน้อยเพียงใด"], "73.49", 5),
        ("i9", ["19 ผู้บังคับบัญชาของท่าน มีการคัดเลือกผู้เข้ารับการฝึกอบรม การศึกษาดู\nงาน หรือการให้ทุนการศึกษา อย่างเป็นธรรม มากน้อยเพียงใด"], "100.00", 5),
        ("i10", ["๑๐", "110 ท่านรู้แนวปฏิบัติของหน่วยงานของท่าน เกี่ยวกับการใช้ทรัพย์สินของ\nราชการที่ถูกต้อง มากน้อยเพียงใด"], "70.86", 5),
        ("i11", ["๑๑", "i11 ขั้นตอนการขออนุญาตเพื่อยืมทรัพย์สินของราชการ ไปใช้ปฏิบัติงานมี\nความสะดวกมากน้อยเพียงใด"], "71.27", 5),
        ("i12", ["12", "112 เจ้าหน้าทีของหน่วยงานท่าน มีการขออนุญาตยืมทรัพย์สินของราชการ\nไปใช้ปฏิบัติงานอย่างถูกต้อง มากน้อยเพียงใด"], "100.00", 5),
        ("i13", ["13", "[13 ผู้บริหารสูงสุดของหน่วยงานของท่าน ให้ความสําคัญกับการแก้ไขปัญหา\nการทุจริตและประพฤติมิชอบ มากน้อยเพียงใด"], "87.42", 5),
        ("i14", ["14", "114 มาตรการป้องกันการทุจริตของหน่วยงานท่าน สามารถป้องกันการทุจริต\nได้จริงมากน้อยเพียงใด"], "73.57", 5),
        ("i15", ["๑๕", "[15 ท่านทราบเกียวกับมาตรฐานทางจริยธรรมหรือประมวลจริยธรรมสําหรับ\nเจ้าหน้าที่ของหน่วยงานท่าน มากน้อยเพียงใด"], "100.00", 5),
        ("o1", ["๒๕", "01 โครงสร้าง"], "0.00", 6),
        ("o10", ["34", "010 นโยบายคุ้มครองข้อมูลส่วนบุคคล"], "100.00", 6),
        ("o31", ["๕๕", "031 แผนปฏิบัติการป้องกันการทุจริต"], "100.00", 7),
        ("o34", ["๕๕", "034 ประมวลจริยธรรมสําหรับเจ้าหน้าที่ของรัฐ"], "100.00", 7),
    ]

    /// The rows as question scores of 2567, with their printed cells (`texts`) or their codes alone.
    private static func questions(texts: Bool) -> [QuestionScore] {
        v100352Rows.map { r in
            QuestionScore(year: 2567, code: r.code, tool: r.code.hasPrefix("o") ? .oit : .iit, question: nil, score: r.score, page: r.page,
                          source: Provenance(page: r.page, box: nil, cells: texts ? r.cells : [r.code], via: "table"))
        }
    }

    /// Its questions (i6's row OCR gave no code; of the OIT rows, four: OCR read none past o34, so
    /// the codes show no tool complete to another framework's last code) and its indicator 2 as printed, 76.24 (right: the
    /// mean of 2568's i4-i6 as the twin prints them, 73.89, 79.19, 75.65).
    private func marks(texts: Bool, recognised: Set<Int>, decided: Bool = true) throws -> (ScoreArithmetic.Marks, Int) {
        let questions = Self.questions(texts: texts)
        let indicators = [IndicatorScore(year: 2567, indicator: 2, tool: .iit, name: nil, score: "76.24", page: 2, source: nil)]
        var fields = ReportFields()
        fields.assessmentYear = Traced(2567, source: nil)
        let a = decided ? try arithmetic().deciding(questions: questions, recognisedPages: recognised) : try arithmetic()
        return (a.marks(fields: fields, indicators: indicators, questions: questions), 0)
    }

    /// The codes alone fit 2567's own catalogue (2566's framework: indicator 2 is i7-i12, all read),
    /// and checked against it the right 76.24 was marked `inconsistent` (their mean is 82.18). The
    /// printed texts put i4, i5, i7-i15 under 2568's numbering: checked against 2568's catalogue,
    /// indicator 2 is i4-i6, and i6 was not read, so no check reaches it.
    func testTheFrameworkTheTextsProveIsTheOneChecked() throws {
        // The codes' choice alone (as before): 2567's catalogue, and the right value contradicted.
        XCTAssertEqual(try marks(texts: true, recognised: [4, 5, 6, 7], decided: false).0.indicators[0], .inconsistent)
        let (m, ind) = try marks(texts: true, recognised: [4, 5, 6, 7])
        XCTAssertNil(m.indicators[ind], "indicator 2 checked against the wrong framework's questions")
        let i12 = Self.v100352Rows.firstIndex { $0.code == "i12" }!
        XCTAssertNil(m.questions[i12], "i12 is no question of 2568's indicator 2")
        // The same rows on a text layer: the texts prove 2568 there too.
        XCTAssertNil(try marks(texts: true, recognised: []).0.indicators[ind])
        // No mark because 2568's catalogue was chosen, not because the year was left undecided.
        let mappings = try ITAMappings(directory: FieldsTestLayout.mappings)
        let choice = QuestionFrameworkChoice(questions: Self.questions(texts: true), vocabulary: mappings.vocabulary, settings: InterpretSettings(),
                                             recognisedPages: [4, 5, 6, 7], codeRun: mappings.catalogueCodes.codeRun)
        XCTAssertEqual(choice.catalogues[2567]?.year, 2568)
        XCTAssertFalse(choice.undecided.contains(2567))
    }

    /// OCR'd rows with no text read: the codes prove no framework (every 2568 code is one of
    /// 2567's too), so no mean check runs against a guess.
    func testUnprovenOnOCRdPagesChecksNothing() throws {
        let (m, ind) = try marks(texts: false, recognised: [4, 5, 6, 7])
        XCTAssertNil(m.indicators[ind])
        XCTAssertTrue(m.questions.isEmpty)
    }
}
