import Foundation
import ITAModel
import XCTest
@testable import ReportInterpret

/// A district name wrapped over two lines (issue 9).
final class DistrictWrapTests: XCTestCase {
    /// v000402 (Chromium, cover page): `องค์การบริหารส่วนจังหวัดนครราชสีมา อำเภอเมือง` / `นครราชสีมา
    /// จังหวัดนครราชสีมา`. The district was read as `เมือง`, a wrong value: a capital district is named
    /// `เมือง` and its province, and the province's name starts the next line.
    func testCapitalDistrictWrappedAfterItsFirstWord() throws {
        let fields = try CommittedSample.interpret("v000402").fields
        XCTAssertEqual(fields.district?.value, "เมืองนครราชสีมา")
        XCTAssertEqual(fields.province?.value, "นครราชสีมา")
        XCTAssertEqual(fields.district?.source?.page, 1)
    }

    /// A district whose name merely starts with the word (`เมืองยาง`) is read as printed, and so is
    /// `เมือง` whose next line does not start with a province.
    func testOtherDistrictsAreReadAsPrinted() throws {
        let yang = try FieldsTestLayout.interpret("""
        อบต.หนองบัว อ.เมืองยาง
        นครราชสีมา จ.นครราชสีมา
        """)
        XCTAssertEqual(yang.fields.district?.value, "เมืองยาง")
        let notProvince = try FieldsTestLayout.interpret("""
        อบต.หนองบัว อ.เมือง
        ขอรายงานผลการประเมิน จ.นครราชสีมา
        """)
        XCTAssertEqual(notProvince.fields.district?.value, "เมือง")
    }
}
