import Foundation
import ITAModel
import UnitIdentity
import XCTest

/// The gazetteer step on records shaped as interpret gives them, against the real Mappings/gazetteer.
final class UnitIdentifierTests: XCTestCase {
    static let mappings = MappingsDirectory.forSourceFile(#filePath)!
    static let identifier = UnitIdentifier(gazetteer: try! Gazetteer(mappings: mappings))

    private func traced(_ v: String, page: Int = 1) -> Traced<String> {
        Traced(v, source: Provenance(page: page, box: nil, raw: v + " (raw)", via: "text"))
    }

    private func record(unit: String, type: String, district: String?, province: String?) -> ReportRecord {
        var f = ReportFields()
        f.unitName = traced(unit); f.unitType = traced(type)
        f.district = district.map { traced($0) }; f.province = province.map { traced($0) }
        return ReportRecord(docID: "d", sourcePath: "x.pdf", sha256: "s", fields: f)
    }

    func testSeedUnitsGetTheirCodesAndKeys() {
        // Seed 003: เทศบาลตำบลขุนแก้ว, นครชัยศรี, นครปฐม; ขุนแก้ว is subdistrict 730307.
        var r = record(unit: "เทศบาลตำบลขุนแก้ว", type: "เทศบาลตำบล", district: "นครชัยศรี", province: "นครปฐม")
        Self.identifier.identify(&r, ocrPages: [])
        XCTAssertEqual(r.fields.provinceCode?.value, "73")
        XCTAssertEqual(r.fields.districtCode?.value, "7303")
        XCTAssertEqual(r.fields.subdistrictCode?.value, "730307")
        XCTAssertEqual(r.fields.unitKey?.value, "tambon-730307")
        XCTAssertEqual(r.fields.districtCode?.source?.via, "gazetteer")
        XCTAssertTrue(r.warnings.isEmpty, "\(r.warnings)")

        // A เทศบาลเมือง is keyed by province code and its own name (several can share a district).
        var m = record(unit: "เทศบาลเมืองเพชรบูรณ์", type: "เทศบาลเมือง", district: "เมืองเพชรบูรณ์", province: "เพชรบูรณ์")
        Self.identifier.identify(&m, ocrPages: [])
        XCTAssertEqual(m.fields.districtCode?.value, "6701")
        XCTAssertNil(m.fields.subdistrictCode)
        XCTAssertEqual(m.fields.unitKey?.value, "town-67-เพชรบูรณ์")

        var p = record(unit: "องค์การบริหารส่วนจังหวัดลพบุรี", type: "องค์การบริหารส่วนจังหวัด", district: nil, province: "ลพบุรี")
        Self.identifier.identify(&p, ocrPages: [])
        XCTAssertEqual(p.fields.unitKey?.value, "pao-16")
    }

    func testOCRDamagedUnitNameIsCorrectedKeepingWhatWasRead() {
        // ชุนแก้ว (ช for ข, an OCR confusion): the only subdistrict of นครชัยศรี within one letter.
        var r = record(unit: "เทศบาลตำบลชุนแก้ว", type: "เทศบาลตำบล", district: "นครชัยศรี", province: "นครปฐม")
        Self.identifier.identify(&r, ocrPages: [])
        XCTAssertEqual(r.fields.unitName?.value, "เทศบาลตำบลขุนแก้ว")
        XCTAssertEqual(r.fields.unitName?.source?.extracted, "เทศบาลตำบลชุนแก้ว")
        XCTAssertEqual(r.fields.unitName?.source?.raw, "เทศบาลตำบลชุนแก้ว (raw)")
        XCTAssertEqual(r.fields.unitName?.source?.via, "gazetteer")
        XCTAssertEqual(r.fields.unitKey?.value, "tambon-730307")
        XCTAssertEqual(r.warnings.map(\.code), [.placeNameCorrected])
    }

    func testAMarkOfSaraAmMisreadIsOneEdit() {
        // Fresh tune seed 1224's cover as OCR read it: `อําเภอทําม่วง` (NIKHAHIT for MAI EK before SARA
        // AA), normalised to ทำม่วง. Composed, ทำม่วง is two scalars from ท่าม่วง; printed, one mark.
        var r = record(unit: "เทศบาลนครม่วงชุม", type: "เทศบาลนคร", district: "ทำม่วง", province: "กาญจนบุรี")
        Self.identifier.identify(&r, ocrPages: [])
        XCTAssertEqual(r.fields.district?.value, "ท่าม่วง")
        XCTAssertEqual(r.fields.district?.source?.extracted, "ทำม่วง")
        XCTAssertEqual(r.fields.district?.source?.via, "gazetteer")
        XCTAssertNotNil(r.fields.districtCode)
        XCTAssertEqual(r.warnings.map(\.code), [.placeNameCorrected])
        // A name two printed marks away stays as read, with its warning.
        var far = record(unit: "เทศบาลนครม่วงชุม", type: "เทศบาลนคร", district: "ทำม่าง", province: "กาญจนบุรี")
        Self.identifier.identify(&far, ocrPages: [])
        XCTAssertEqual(far.fields.district?.value, "ทำม่าง")
        XCTAssertEqual(far.warnings.map(\.code), [.placeNotInGazetteer])
    }

    func testDamagedProvinceCorrectedUnknownDistrictWarned() {
        var r = record(unit: "องค์การบริหารส่วนตำบลเขิน", type: "องค์การบริหารส่วนตำบล", district: "ไม่มีอำเภอนี้",
                       province: "ศรีสะเกย")
        Self.identifier.identify(&r, ocrPages: [])
        XCTAssertEqual(r.fields.province?.value, "ศรีสะเกษ")
        XCTAssertEqual(r.fields.province?.source?.extracted, "ศรีสะเกย")
        XCTAssertEqual(r.fields.provinceCode?.value, "33")
        XCTAssertNil(r.fields.districtCode)
        XCTAssertEqual(r.fields.district?.value, "ไม่มีอำเภอนี้")
        // District unknown: the subdistrict is found by its exact name, unique in the province.
        XCTAssertEqual(r.fields.subdistrictCode?.value, "331504")
        XCTAssertEqual(r.warnings.map(\.code), [.placeNameCorrected, .placeNotInGazetteer])
    }

    func testOCRdPlaceNameStandsOnlyWhenTheGazetteerConfirmsIt() {
        // Held-out scans5's v100260-scan300 cover as OCR read it: `อําเภอเมืองกาญจนบุรีจัqa งหวัew`; the name
        // ran on into the mangled `จังหวัด`. Printed text keeps it (with the warning); OCR'd, it is left empty.
        var printed = record(unit: "องค์การบริหารส่วนจังหวัดกาญจนบุรี", type: "องค์การบริหารส่วนจังหวัด",
                             district: "เมืองกาญจนบุรีจั", province: "กาญจนบุรี")
        Self.identifier.identify(&printed, ocrPages: [])
        XCTAssertEqual(printed.fields.district?.value, "เมืองกาญจนบุรีจั")
        XCTAssertEqual(printed.warnings.map(\.code), [.placeNotInGazetteer])
        var scanned = record(unit: "องค์การบริหารส่วนจังหวัดกาญจนบุรี", type: "องค์การบริหารส่วนจังหวัด",
                             district: "เมืองกาญจนบุรีจั", province: "กาญจนบุรี")
        Self.identifier.identify(&scanned, ocrPages: [1])
        XCTAssertNil(scanned.fields.district)
        XCTAssertNil(scanned.fields.districtCode)
        XCTAssertEqual(scanned.fields.provinceCode?.value, "71")
        XCTAssertEqual(scanned.warnings.map(\.code), [.placeNotInGazetteer])
        XCTAssertTrue(scanned.warnings[0].message.contains("เมืองกาญจนบุรีจั") && scanned.warnings[0].message.contains("OCR"),
                      scanned.warnings[0].message)
        // Read by OCR on another page than the name's: the name is printed text and stays.
        var other = record(unit: "องค์การบริหารส่วนจังหวัดกาญจนบุรี", type: "องค์การบริหารส่วนจังหวัด",
                           district: "เมืองกาญจนบุรีจั", province: "กาญจนบุรี")
        Self.identifier.identify(&other, ocrPages: [2, 3])
        XCTAssertEqual(other.fields.district?.value, "เมืองกาญจนบุรีจั")
        // The gazetteer's word still confirms an OCR'd name: exactly, or as its one-edit copy.
        var exact = record(unit: "เทศบาลนครม่วงชุม", type: "เทศบาลนคร", district: "ท่าม่วง", province: "กาญจนบุรี")
        Self.identifier.identify(&exact, ocrPages: [1])
        XCTAssertEqual(exact.fields.districtCode?.value, "7106")
        var fixed = record(unit: "เทศบาลนครม่วงชุม", type: "เทศบาลนคร", district: "ทำม่วง", province: "กาญจนบุรี")
        Self.identifier.identify(&fixed, ocrPages: [1])
        XCTAssertEqual(fixed.fields.district?.value, "ท่าม่วง")
        XCTAssertEqual(fixed.fields.district?.source?.extracted, "ทำม่วง")
        // No province read: an OCR'd district stands only as some district's exact name.
        var lone = record(unit: "เทศบาลนครม่วงชุม", type: "เทศบาลนคร", district: "ท่าม่วง", province: nil)
        Self.identifier.identify(&lone, ocrPages: [1])
        XCTAssertEqual(lone.fields.district?.value, "ท่าม่วง")
        var loneBad = record(unit: "เทศบาลนครม่วงชุม", type: "เทศบาลนคร", district: "ท่าม่วงจั", province: nil)
        Self.identifier.identify(&loneBad, ocrPages: [1])
        XCTAssertNil(loneBad.fields.district)
        XCTAssertEqual(loneBad.warnings.map(\.code), [.placeNotInGazetteer])
        // A province OCR garbled beyond one edit is left empty too, and then no district is looked up in it.
        var prov = record(unit: "เทศบาลนครม่วงชุม", type: "เทศบาลนคร", district: "ท่าม่วง", province: "กาญจนบูรีจั")
        Self.identifier.identify(&prov, ocrPages: [1])
        XCTAssertNil(prov.fields.province)
        XCTAssertNil(prov.fields.provinceCode)
        XCTAssertEqual(prov.fields.district?.value, "ท่าม่วง")
    }

    func testNoProvinceReadADistrictNameOnlyOneDistrictBearsChecksTheUnitName() {
        // Held-out scans6's v100302-scan300 (reported, now tune data) cover as OCR read it:
        // `องค์การบริหารส่วนตําบลตะเคียนเตีย อําเภอบางละมุง จังหวัด`: OCR lost the MAI THO of ตะเคียนเตี้ย, and
        // the province ran off the line. บางละมุง is the one district of that name (2004), so the unit's
        // name is checked against its subdistricts: one edit from ตะเคียนเตี้ย (200407) alone.
        var r = record(unit: "องค์การบริหารส่วนตำบลตะเคียนเตีย", type: "องค์การบริหารส่วนตำบล", district: "บางละมุง", province: nil)
        Self.identifier.identify(&r, ocrPages: [1])
        XCTAssertEqual(r.fields.unitName?.value, "องค์การบริหารส่วนตำบลตะเคียนเตี้ย")
        XCTAssertEqual(r.fields.unitName?.source?.extracted, "องค์การบริหารส่วนตำบลตะเคียนเตีย")
        XCTAssertEqual(r.fields.districtCode?.value, "2004")
        XCTAssertEqual(r.fields.subdistrictCode?.value, "200407")
        XCTAssertNil(r.fields.province)
        XCTAssertNil(r.fields.provinceCode)
        // The subdistrict code names the agency alone: a key without the province.
        XCTAssertEqual(r.fields.unitKey?.value, "sao-200407")
        XCTAssertEqual(r.warnings.map(\.code), [.placeNameCorrected])
        // A district name five districts bear (เฉลิมพระเกียรติ) names none: no code, no check, no key.
        var many = record(unit: "องค์การบริหารส่วนตำบลตะเคียนเตีย", type: "องค์การบริหารส่วนตำบล", district: "เฉลิมพระเกียรติ",
                          province: nil)
        Self.identifier.identify(&many, ocrPages: [1])
        XCTAssertEqual(many.fields.district?.value, "เฉลิมพระเกียรติ")
        XCTAssertNil(many.fields.districtCode)
        XCTAssertEqual(many.fields.unitName?.value, "องค์การบริหารส่วนตำบลตะเคียนเตีย")
        XCTAssertNil(many.fields.unitKey)
        XCTAssertTrue(many.warnings.isEmpty, "\(many.warnings)")
        // A town keyed by province code and name gets no key from a district alone.
        var town = record(unit: "เทศบาลเมืองหนองปรือ", type: "เทศบาลเมือง", district: "บางละมุง", province: nil)
        Self.identifier.identify(&town, ocrPages: [])
        XCTAssertEqual(town.fields.districtCode?.value, "2004")
        XCTAssertNil(town.fields.unitKey)
        // Read by OCR, a district name must hold the unit's subdistrict: ระยอง is one letter from ระนอง, so
        // an OCR'd ระยอง with a unit of no subdistrict there gets no code (printed, it would), and the name
        // itself is no more likely than ระนอง: left empty, said.
        var misread = record(unit: "องค์การบริหารส่วนตำบลตะเคียนเตีย", type: "องค์การบริหารส่วนตำบล", district: "เมืองระยอง", province: nil)
        Self.identifier.identify(&misread, ocrPages: [1])
        XCTAssertNil(misread.fields.district)
        XCTAssertEqual(misread.warnings.map(\.code), [.placeUnconfirmed])
        XCTAssertNil(misread.fields.districtCode)
        XCTAssertNil(misread.fields.subdistrictCode)
        XCTAssertEqual(misread.fields.unitName?.value, "องค์การบริหารส่วนตำบลตะเคียนเตีย")
        XCTAssertNil(misread.fields.unitKey)
        // เมืองระยอง (2101) and เมืองระนอง (8501) are one letter apart and both hold a ปากน้ำ: an OCR'd
        // เมืองระยอง does not tell a ปากน้ำ unit's district, so no code (printed, the name is what it is).
        var pak = record(unit: "องค์การบริหารส่วนตำบลปากน้ำ", type: "องค์การบริหารส่วนตำบล", district: "เมืองระยอง", province: nil)
        Self.identifier.identify(&pak, ocrPages: [1])
        XCTAssertNil(pak.fields.districtCode)
        XCTAssertNil(pak.fields.subdistrictCode)
        XCTAssertNil(pak.fields.unitKey)
        var pakPrinted = record(unit: "องค์การบริหารส่วนตำบลปากน้ำ", type: "องค์การบริหารส่วนตำบล", district: "เมืองระยอง", province: nil)
        Self.identifier.identify(&pakPrinted, ocrPages: [])
        XCTAssertEqual(pakPrinted.fields.districtCode?.value, "2101")
        XCTAssertEqual(pakPrinted.fields.subdistrictCode?.value, "210104")
        // A printed province the gazetteer does not hold is kept, and no district is guessed against it.
        var unknownProvince = record(unit: "องค์การบริหารส่วนตำบลตะเคียนเตีย", type: "องค์การบริหารส่วนตำบล", district: "บางละมุง",
                                     province: "ไม่มีจังหวัดนี้")
        Self.identifier.identify(&unknownProvince, ocrPages: [])
        XCTAssertEqual(unknownProvince.fields.province?.value, "ไม่มีจังหวัดนี้")
        XCTAssertNil(unknownProvince.fields.districtCode)
        XCTAssertEqual(unknownProvince.fields.unitName?.value, "องค์การบริหารส่วนตำบลตะเคียนเตีย")
        var townOCR = record(unit: "เทศบาลเมืองหนองปรือ", type: "เทศบาลเมือง", district: "บางละมุง", province: nil)
        Self.identifier.identify(&townOCR, ocrPages: [1])
        XCTAssertNil(townOCR.fields.districtCode, "a town is named after no subdistrict: nothing confirms an OCR'd district")
        // บางละมุง is one letter from no other district's name: the OCR'd name is kept (no code), unwarned.
        XCTAssertEqual(townOCR.fields.district?.value, "บางละมุง")
        XCTAssertTrue(townOCR.warnings.isEmpty, "\(townOCR.warnings)")
        // Printed, a name one letter from another is what it is: kept, with its code.
        var printed = record(unit: "องค์การบริหารส่วนตำบลตะเคียนเตีย", type: "องค์การบริหารส่วนตำบล", district: "เมืองระยอง", province: nil)
        Self.identifier.identify(&printed, ocrPages: [])
        XCTAssertEqual(printed.fields.district?.value, "เมืองระยอง")
        XCTAssertEqual(printed.fields.districtCode?.value, "2101")
        XCTAssertTrue(printed.warnings.isEmpty, "\(printed.warnings)")
    }

    func testNameTwoEditsAwayOrAmbiguousIsLeftAlone() {
        // Named after a village, not a subdistrict of its district: no subdistrict code, name untouched,
        // key from province code and name. (ขุนแก้ว is a subdistrict of นครชัยศรี, not of สันทราย.)
        var r = record(unit: "เทศบาลตำบลขุนแก้ว", type: "เทศบาลตำบล", district: "สันทราย", province: "เชียงใหม่")
        Self.identifier.identify(&r, ocrPages: [])
        XCTAssertEqual(r.fields.unitName?.value, "เทศบาลตำบลขุนแก้ว")
        XCTAssertNil(r.fields.unitName?.source?.extracted)
        XCTAssertNil(r.fields.subdistrictCode)
        XCTAssertEqual(r.fields.districtCode?.value, "5014")
        XCTAssertEqual(r.fields.unitKey?.value, "tambon-50-ขุนแก้ว")
        XCTAssertTrue(r.warnings.isEmpty, "\(r.warnings)")
        // คลองสาง is one letter from both คลองสอง and คลองสาม (subdistricts of คลองหลวง): ambiguous, left alone.
        var a = record(unit: "องค์การบริหารส่วนตำบลคลองสาง", type: "องค์การบริหารส่วนตำบล", district: "คลองหลวง",
                       province: "ปทุมธานี")
        Self.identifier.identify(&a, ocrPages: [])
        XCTAssertEqual(a.fields.unitName?.value, "องค์การบริหารส่วนตำบลคลองสาง")
        XCTAssertNil(a.fields.subdistrictCode)
        XCTAssertEqual(a.fields.unitKey?.value, "sao-13-คลองสาง")
        // No province, no key: a name alone could join two agencies.
        var n = record(unit: "เทศบาลตำบลขุนแก้ว", type: "เทศบาลตำบล", district: nil, province: nil)
        Self.identifier.identify(&n, ocrPages: [])
        XCTAssertNil(n.fields.unitKey)
        XCTAssertTrue(n.warnings.isEmpty)
    }

    func testBrokenGazetteerNamesFileAndKey() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gaz-\(UUID().uuidString)")
        let gaz = dir.appendingPathComponent("gazetteer")
        try FileManager.default.createDirectory(at: gaz, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["provinces.tsv", "districts.tsv", "subdistricts.tsv", "unit-keys.json"] {
            try FileManager.default.copyItem(at: Self.mappings.appendingPathComponent("gazetteer/\(name)"),
                                             to: gaz.appendingPathComponent(name))
        }
        let d = gaz.appendingPathComponent("districts.tsv")
        try (try String(contentsOf: d, encoding: .utf8) + "99\tผิด\tWrong\n").write(to: d, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Gazetteer(mappings: dir)) { e in
            let g = e as? GazetteerError
            XCTAssertEqual(g?.file.hasSuffix("districts.tsv"), true)
            XCTAssertEqual(g?.key, "line 930 (99)")
        }
    }
}
