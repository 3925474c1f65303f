import XCTest
import ITAModel
@testable import ReportInterpret

/// A 2567 report may follow the 2566 or the 2568 framework; its OCR'd codes seldom prove which
/// (`FrameworkCatalogue.proven`: only a code beyond 2568's ranges does). Its rows' printed texts do,
/// by meaning (`QuestionFrameworkProof`): a text names its catalogue question's indicator, the same
/// topic in every framework, and the framework numbering the printed code under that indicator is
/// the one the row follows. The rows are as OCR read them (code as read, label cell) on tune scans.
final class QuestionFrameworkProofTests: XCTestCase {
    private func arithmetic() throws -> ScoreArithmetic { ScoreArithmetic(mappings: try ITAMappings(directory: FieldsTestLayout.mappings)) }

    /// The catalogue year the printed codes of a `year` report prove (`FrameworkCatalogue.proven`).
    private func codesProve(year: Int, codes: [String]) throws -> Int? {
        FrameworkCatalogue.proven(year: year, codes: codes, vocabulary: try ITAMappings(directory: FieldsTestLayout.mappings).vocabulary)?.year
    }

    /// Tune scan v000009-scan150 (2567, the 2568 framework with 2566's texts under 2568's numbers):
    /// every question row OCR read, its code as the reader took it and its label cell.
    static let v9Rows: [(String, String)] = [
        ("i3", "13\nเจ้าหน้าที่ของหน่วยงานท่าน ปฏิบัติงานหรือให้บริการโดยมุ่งผล\nสัมฤทของธิ์งาน และรับผิดชอบต่อหน้าที่ มากน้อยเพียงใด"),
        ("i4", "i4\nท่านทราบข้อมูลเกี่ยวกับงบประมาณของหน่วยงานหรือของส่วน\nงานที่ท่านปฏิบัติหน้าที่ มากน้อยเพียงใด\nท่านเคยเข้าไปมีส่วนร่วมในกระบวนการงบประมาณ\nใด"),
        ("i8", "i8\nท่านได้รับการประเมินผลการปฏิบัติงาน จากผู้บังค์เบบัญชาของ\nท่านอย่าง เป็นธรรม มากน้อยเพียงใด"),
        ("i9", "i9\nผู้บังค์โบบัญชาของท่าน มีการคัดเลือกผู้เข้ารับการฝึกอบรม การ\nศึกษาดู งาน หรือการให้ทุนการศึกษา อย่างเป็นธรรม มากน้อย\nเพียงใด"),
        ("i10", "i10\nท่านรู้แนวปฏิบัติของหน่วยงานของท่าน เกี่ยวกับการใช้ทรัพย์สิน\nของราชการที่ถูกต้อง มากน้อยเพียงใด\nขั้นตอนการขออนุญาตเพื่อยืมทรัพย์สินของราชการ ไปใช้ปฏิบัติ\nงานมีความสะดวกมากน้อยเพียงใด\nเจ้าหน้าที่ของหน่วยงานท่าน มีการขออนุญาตยืมทรัพย์สินของ\nราชการไปใช้ปฏิบัติงานอย่างถูกต้อง มากน้อยเพียงใด"),
        ("e2", "e2\nหน่วยงานปฏิบัติหรือให้บริการแก่ท่าน อย่างเป็นธรรมและไม่เลือก\nปฏิบัติ มากน้อยเพียงใด"),
        ("e3", "e3\nหน่วยงานปฏิบัติหรือให้บริการแก่ท่าน โดยมุ่งผลสัมฤทธิ์ และรับผิด\nชต่ออหน้บาที่ มากน้อยเพียงใด"),
        ("e4", "e4\nหน่วยงานมีช่องทางเผยแพร่ข้อมูลข่าวสารที่สามารถเข้าถึงได้ง่าย\nมากน้อยเพียงใด\nหน่วยงานมีการเผยแพร่ข้อมูลข่าวสารที่ประชาชนหรือผู้รับ\nบริการควรได้รับทราบอย่างชัดเจน มากน้อยเพียงใด\nหน่วยงานมีช่องทางที่ท่านสามารถติชมหรือแสดงความคิดเห็นต่อ\nการปฏิบัติงานหรือการให้บริการหรือไม่"),
        ("i13", "i13\nผู้บริหารสูงสุดของหน่วยงานของท่าน ให้ความสําคัญกับการ\nแก้ไขปัญหาการทุจริตและประพฤติมิชอบ มากน้อยเพียงใด"),
        ("i14", "i14\nมาตรการป้องกันการทุจริตของหน่วยงานท่าน สามารถป้องกัน\nการทุจริตได้จริงมากน้อยเพียงใด"),
        ("i15", "i15\nท่านทราบเกี่ยวกับมาตรฐานทางจริยธรรมหรือประมวล\nจริยธรรมสําหรับ เจ้าหน้าที่ของหน่วยงานท่าน มากน้อยเพียงใด"),
        ("e8", "e8\nวิธีการขั้นตอนการปฏิบัติหรือการให้บริการ สะดวกรวดเร็วขึ้น\nกว่าที่ผ่านมา มากน้อยเพียงใด\nหน่วยงานมีระบบการให้บริการออนไลน์หรือไม่"),
        ("o1", "๐1\nโครงสร้าง"),
        ("o2", "02\nข้อมูลผู้บริหาร"),
        ("o3", "๐3\nอํานาจรหน้ที่า"),
        ("o4", "๐4\nแผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน"),
        ("o5", "๐5\nข้อมูลการติดต่อ"),
        ("o13", "013\nรายงานผลการดําเนินงานประจําปี"),
        ("o14", "๐14\nคู่มือหรือมาตรฐานการปฏิบัติงาน"),
        ("o15", "๐15\nคู่มือหรือมาตรฐานการให้บริการ"),
        ("o16", "๐16\nอมูลเชิงสถิติการให้บริการ\nรายงานผลการสํารวจความพึงพอใจการให้บริการ"),
        ("o18", "๐18\nE-Service"),
        ("o19", "๐19\nแผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ"),
        ("o20", "๐20\nประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ"),
        ("o21", "๐21\nสรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน"),
        ("o22", "๐22\nรายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจําปี"),
        ("o23", "๐23\nนโยบายหรือแผนการบริหารทรัพยากรบุคคล"),
        ("o24", "๐24\nการดําเนินการตามนโยบายหรือแผนการบริหารทรัพยากรบุคคล"),
        ("o25", "๐25\nหลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล"),
        ("o27", "๐27\nการสร้างวัฒนธรรม No Gift Policy"),
        ("o28", "๐28\nรายงานผลตามนโยบาย"),
        ("o29", "๐29\nการประเมินความเสี่ยงการทุจริตและประพฤติมิชอบประจําปี"),
        ("o30", "๐30\nการดําเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ\n(กรณีที่มีการประเมินความเสี่ยงการทุจริตในประเด็นที่เกี่ยวกับการ\nใช้ทรัพย์สินของทางราชการ)"),
        ("o31", "๐31\nแผนปฏิบัติการปข้องกันการทุจริต"),
        ("o32", "032\nรายงานการกํากับติดตามการดําเนินการป้องกันการทุจริตประจํา\nปี รอบ 6 เดือน"),
        ("o33", "๐33\nรายงานผลการดําเนินการป้องกันการทุจริตประจําปี"),
        ("o34", "๐34\nประมวลจริยธรรมสําหรับเจ้าหน้าที่ของรัฐ"),
        ("o35", "๐35\nการขับเคลื่อนจริยธรรม")
    ]

    /// Tune scan v000942-scan300 (2567, the 2566 framework): its rows OCR read whose codes 2568's
    /// catalogue lists too (i1-i15, e1-e9, o1-o35; composed: the rows beyond, which prove the 2566
    /// framework by their codes alone, left out), their codes as the reader took them.
    static let v942Rows: [(String, String)] = [
        ("i1", "il เจ้าหน้าที่ของหน่วยงานท่าน ปฏิบัติหรือให้บริการแก่บุคคลภายนอก\nเป็นไปตามขันตอนและระยะเวลา มากน้อยเพียงใด"),
        ("i10", "110 หน่วยงานของท่าน ใช้จ่ายงบประมาณเพื่อประโยชน์ส่วนตัว กลุ่ม หรือ\nพวกพ้อง มากน้อยเพียงใด"),
        ("i11", "111 เจ้าหน้าทีของหน่วยงานท่าน มีaA การเบิ‘eกจ่a ายเงินทีเป็นเท็จ wu en\nทํางานล่วงเวลา ค่าวัสดุอุปกรณ์น หรืญ่อค่เ า0เดินทาง ฯลฯ มากน้อยเพียงใด"),
        ("i13", "113 ท่านได้รับมอบหมายงานตามตําแหน่งหน้าที่จากผู้บังคับบัญชาของท่าน\nอย่1 างเซ์ป็นธรรม มากน้vyอยเพีa ยงใด"),
        ("i14", "114 ท่านได้รับการประเมินผลการปฏิบัติงาน จากผู้บั7ง๑คั7 บบัญชาของท่าน\nอย่1 าง เซ่ป็นธรรม มากน้vyอยเพีa ยงใด"),
        ("e1", "el หน่วยงานปฏิบัติหรือให้บริการแก่ท่าน เป็นไปตามขันตอนและระยะ\nเวลา มากน้vyอยเพีa ยงใด"),
        ("o1", "๐1 โครงสร้าง"),
        ("o5", "๐5 หน่วยงานมีa การทํ๐ างาน หรืA อโครงการต่1 าง\nประชาชนและส่วนรวม มากน้อยเพียงใด"),
        ("o6", "๐6 หน่วยงานมีช่องทางเผยแพร่ข้อมูลข่าวสารที่สามารถเข้าถึงได้ง่าย มาก\nน้๑7อยเพีaA ยงใด\n๑7 หน่วยงานมีการเผยแพร่ข้อมูลข่าวสารที่ประชาชนหรือผู้รับบริการควร\nได้รับทราบอย่างชัดเจน มากน้9๑7อยเพีat ยงใด"),
        ("o8", "๐8 หน่วยงานมีช่องทางที่ท่านสามารถติชมหรือแสดงความคิดเห็นต่อการ\nปฏิบัติงานหรือการให้บริการหรือไม่\n๑9 หน่วยงานสามารถสือสาร ตอบข้อซักถาม หรือให้คําอธิบาย แก่ท่านได้\nอย่1 างชัa ดเจน มากน้vyอยเพีaA ยงใด\n๑10 หน่วยงานมีช่องทางที่ท่านสามารถแจ้ง ให้ข้อมล หรือร้องเรียน ใน\nกรณีที่มีเจ้าหน้าที่มีการเรียกรับสินบน หรือทุจริตต่อหน้vาiที่a หรืรืออไไม่ม่\nell การปฏิบัติหรือการให้บริการของเจ้าหน้าที ดีขึ้นกว่าที่ผ่านมา\nเพียงใด\n๑12วิธีการขันตอนการปฏิบัwติaหAรือการให้บริการ สะดวกรวดเร็วขึ้นกว่าที่\nผ่านมา มากน้อยเพียงใด\n๑13 หน่วยงานมีระบบการให้บริการออนไลน์หรือไม่\n๑14 หน่วยงานเปิดโอกาสให้บุคคลภายนอกได้เข้าไปมีส่วนร่วมปรับปรุง\nพัฒนาการดําเนินงานให้ดีขึ้น มากน้อยเพียงใด\n๑15 หน่วยงานมีการปรับปรุงองค์กรให้มีความโปร่งใสมากขึ้น มากน้อย\nเพียงใด"),
        ("o2", "๐2 ข้อมูลผู้บริหาร"),
        ("o3", "๐3 อํานาจหน้าที่"),
        ("o4", "04 แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน"),
        ("o7", "๐7 ข่าวประชาสัมพันธ์"),
        ("o10", "010 นโยบายคุ้มครองข้อมูลส่วนบุคคล"),
        ("o11", "๐11 แผนดําเนินงานและการใช้งบประมาณประจําปี"),
        ("o12", "๐12 รายงานการกํากับติดตามการดําเนินงานและการใช้งบประมาณประจําปี\nรอบ 6 เดือน"),
        ("o13", "๐13 รายงานผลการดําเนินงานประจําปี"),
        ("o14", "๐14คู่มือหรือมาตรฐานการปฏิบัติงาน"),
        ("o15", "๐15คู่มือหรือมาตรฐานการให้บริการ"),
        ("o16", "๐16ข้อมูลเชิงสถิติการให้บริการ"),
        ("o17", "๐17 รายงานผลการสํารวจความพึงพอใจการให้บริการ"),
        ("o18", "๐18 E-Service"),
        ("o19", "๐19 แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ"),
        ("o20", "๐20 ประกาศต่าง ๆเกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ"),
        ("o21", "๐21 สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน"),
        ("o22", "๐22 รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจําปี"),
        ("o23", "๐23 นโบยายหรือแผนการบริหารทรัพยากรบุคคล"),
        ("o24", "๐24 การดําเนินการตามนโยบายหรือแผนการบริหารทรัพยากรบุคคล"),
        ("o25", "025 หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล"),
        ("o26", "๐26 รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจําปี"),
        ("o27", "๐27 แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"),
        ("o28", "๐28 ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"),
        ("o29", "๐29ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"),
        ("o30", "030 การเปิดโอกาสให้เกิดการมีส่วนร่วม"),
        ("o31", "031 ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่"),
        ("o32", "032 การสร้างวัฒนธรรม No Gift Policy"),
        ("o33", "๐33 รายงานผลตามนโยบาย No Gift Policy"),
        ("o35", "035 การดําเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ\n(กรณีที่มีการประเมินความเสียงการทุจริตในประเด็นที่เกี่ยวกับการใช้\nทรัพย์สินของทางราชการ)")
    ]

    private func rows(_ list: [(String, String)]) -> [(code: String, text: String?, page: Int?)] {
        list.map { (code: $0.0, text: $0.1, page: 1) }
    }

    func testThePrintedTextsProveA2568FrameworkReportUnder2567() throws {
        let a = try arithmetic()
        // Its codes prove nothing (every one is in 2567's catalogue and in 2568's)...
        XCTAssertNil(try codesProve(year: 2567, codes: Self.v9Rows.map(\.0)))
        // ...its texts do: i4 prints 2566's i7 text (indicator 2, 2568's i4-i6), e4 2566's e6
        // (indicator 7), o27 2566's o32 (indicator 10, 2568's o26-o35).
        let p = a.frameworkProof(year: 2567, rows: rows(Self.v9Rows))
        XCTAssertEqual(p.proven, 2568)
        XCTAssertTrue(p.byTexts)
        XCTAssertTrue(p.evidence?.contains("i4 p1 (text of i7, indicator 2)") ?? false, p.evidence ?? "")
        // The 2568 catalogue has no texts: its e5 row read as e7 (2566's e7 text) confirms nothing.
        let withE5 = rows(Self.v9Rows) + [(code: "e7", text: TextFrameworkTests.v9e5Row, page: 1)]
        let q = a.frameworkProof(year: 2567, rows: withE5)
        XCTAssertEqual(q.perRow.last, 2568)
        XCTAssertFalse(a.textConfirms(code: "e7", year: q.perRow.last ?? nil, text: TextFrameworkTests.v9e5Row))
    }

    func testTextsThatContradictTheCodesLeaveTheFrameworkUnproven() throws {
        let a = try arithmetic()
        // Composed: v000009's i13 row with its code misread as i20 (beyond 2568's i15). The code
        // alone proves the 2566 framework (2567's catalogue), and the e5 row read as e7 would be
        // confirmed there; the other rows' texts say 2568.
        let misread = Self.v9Rows.map { $0.0 == "i13" ? ("i20", $0.1) : $0 }
        XCTAssertEqual(try codesProve(year: 2567, codes: misread.map(\.0) + ["e7"]), 2567)
        let p = a.frameworkProof(year: 2567, rows: rows(misread) + [(code: "e7", text: TextFrameworkTests.v9e5Row, page: 1)])
        XCTAssertNil(p.proven)
        XCTAssertTrue(p.byTexts)
        XCTAssertNil(p.perRow.last ?? nil)
    }

    func testThePrintedTextsProveA2566FrameworkReportUnder2567() throws {
        let a = try arithmetic()
        XCTAssertNil(try codesProve(year: 2567, codes: Self.v942Rows.map(\.0)))
        let p = a.frameworkProof(year: 2567, rows: rows(Self.v942Rows))
        XCTAssertEqual(p.proven, 2567)
        XCTAssertTrue(p.byTexts)
        // Each row is checked against the framework the other rows prove: i13 (2566's i13, indicator
        // 3; 2568's i13 is indicator 5) is confirmed there.
        let i13 = try XCTUnwrap(Self.v942Rows.firstIndex { $0.0 == "i13" })
        XCTAssertEqual(p.perRow[i13], 2567)
        XCTAssertTrue(a.textConfirms(code: "i13", year: p.perRow[i13], text: Self.v942Rows[i13].1))
    }

    func testARowNeverVouchesForItself() throws {
        let a = try arithmetic()
        // One row for the 2566 framework (2566's i13 text under i13), the others with no text: it
        // would prove the framework its own code is confirmed against.
        let one = [(code: "i13", text: Optional(Self.v942Rows.first { $0.0 == "i13" }!.1), page: Optional(1))]
            + ["i3", "e2", "o1"].map { (code: $0, text: String?.none, page: Optional(1)) }
        let p = a.frameworkProof(year: 2567, rows: one)
        XCTAssertNil(p.perRow[0])
        // Two such rows are one for each other, fewer than `frameworkMinTextRows`; three prove it
        // for each other, and for the rows with no text.
        func row(_ code: String) -> (code: String, text: String?, page: Int?) {
            (code: code, text: Self.v942Rows.first { $0.0 == code }!.1, page: 1)
        }
        let two = a.frameworkProof(year: 2567, rows: one + [row("i10")])
        XCTAssertNil(two.perRow[0])
        XCTAssertNil(two.perRow[4])
        let three = a.frameworkProof(year: 2567, rows: one + [row("i10"), row("i14")])
        XCTAssertEqual(three.perRow[0], 2567)
        XCTAssertEqual(three.perRow[1], 2567)
        XCTAssertEqual(three.proven, 2567)
    }

    func testAYearWithOneFrameworkNeedsNoProof() throws {
        let a = try arithmetic()
        let p = a.frameworkProof(year: 2566, rows: rows(Self.v9Rows))
        XCTAssertEqual(p.proven, 2566)
        XCTAssertFalse(p.byTexts)
        XCTAssertNil(p.evidence)
    }
}
