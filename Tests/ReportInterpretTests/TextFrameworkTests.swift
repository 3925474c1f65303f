import XCTest
import ITAModel
@testable import ReportInterpret

/// A question's printed text confirms its code only against the catalogue of the framework the
/// report follows: the year's only one, or the one its printed codes prove. The codes and the row
/// are as OCR read them on tune scan v000009-scan150 (a 2568-framework report under 2567: it
/// prints i1-i15, e1-e9 and o1-o35 only, with 2566's texts under 2568's numbers).
final class TextFrameworkTests: XCTestCase {
    private func arithmetic() throws -> ScoreArithmetic { ScoreArithmetic(mappings: try ITAMappings(directory: FieldsTestLayout.mappings)) }

    /// The catalogue year the printed codes of a `year` report prove (`FrameworkCatalogue.proven`).
    private func codesProve(year: Int, codes: [String]) throws -> Int? {
        FrameworkCatalogue.proven(year: year, codes: codes, vocabulary: try ITAMappings(directory: FieldsTestLayout.mappings).vocabulary)?.year
    }

    /// The codes OCR read on v000009's pages (written and dropped rows).
    static let v9Codes = ["i3", "e2", "e3", "o1", "o2", "o4", "o5", "o13", "o14", "o15", "o16", "o19", "o20", "o21", "o22",
                          "o23", "o24", "o25", "i4", "i8", "i9", "i10", "i13", "i14", "i15", "e4", "e8", "o3", "o18", "o27",
                          "o28", "o29", "o30", "o31", "o32", "o33", "o34", "o35"]
    /// v000009's e5 row (score 89.92): the text 2566's catalogue numbers e7.
    static let v9e5Row = "ed\nหน่วยงานมีการเผยแพร่ข้อมูลข่าวสารที่ประชาชนหรือผู้รับ\nบริการควรได้รับทราบอย่างชัดเจน มากน้อยเพียงใด"

    func testCodesThatFitTwoFrameworksProveNone() throws {
        let a = try arithmetic()
        // The text is 2567's catalogue text of e7: read under e7, it would confirm e7 there.
        XCTAssertTrue(a.textConfirms(code: "e7", year: 2567, text: Self.v9e5Row))
        // But every code v000009 prints is in 2568's catalogue too: 2567 may follow either, so no
        // catalogue is proven and no text confirms a code.
        XCTAssertNil(try codesProve(year: 2567, codes: Self.v9Codes))
        XCTAssertNil(try codesProve(year: 2567, codes: Self.v9Codes + ["e7"]))
    }

    func testACodeOneFrameworkListsAloneProvesIt() throws {
        let a = try arithmetic()
        // i20 is beyond 2568's i15: a 2566-framework report under 2567 (2567's catalogue).
        XCTAssertEqual(try codesProve(year: 2567, codes: Self.v9Codes + ["i20"]), 2567)
        // A code no catalogue lists (OCR's o50 on tune scan v000003) proves nothing.
        XCTAssertNil(try codesProve(year: 2567, codes: Self.v9Codes + ["o50"]))
        // A 2566 report follows 2566's framework only: its codes need prove nothing.
        XCTAssertEqual(try codesProve(year: 2566, codes: ["i3", "e2"]), 2566)
        // Rows found by their text need the codes' proof whatever the year: a year misread on a
        // scan (2566 for a 2568 report) must not choose the catalogue alone.
        let v = try ITAMappings(directory: FieldsTestLayout.mappings).vocabulary
        XCTAssertNil(FrameworkCatalogue.proven(year: 2566, codes: ["i3", "e2"], vocabulary: v, byYear: false))
        XCTAssertEqual(FrameworkCatalogue.proven(year: 2566, codes: ["i3", "e2", "i20"], vocabulary: v, byYear: false)?.year, 2566)
    }
}
