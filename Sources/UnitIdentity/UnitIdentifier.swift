import ITAModel

/// The enrichment step after interpret: ties a report's unit to the DOPA gazetteer.
///
/// - province and district are looked up (the district among its province's districts, or, when no
///   province was read or an OCR'd one was not confirmed, as the one district of the country with that
///   name: from OCR only when the unit's name is one of its subdistricts and of no district one letter
///   away; an unconfirmed OCR'd one a letter from another district's name is left empty with
///   `place_unconfirmed`); a name not found gives a `place_not_in_gazetteer` warning and no code;
/// - a unit whose type is named after its subdistrict (unit-keys.json level `subdistrict`: เทศบาลตำบล,
///   อบต.) gets the code of the subdistrict of that name in its district (in its province when the
///   district is unknown and the name is unique there);
/// - a printed name that is not in the gazetteer but exactly one gazetteer name of that district
///   or province is one edit away is taken as an OCR-damaged copy of it: the value is replaced, its
///   provenance says `via: gazetteer` and keeps the printed value (`extracted`) beside the raw text,
///   and a `place_name_corrected` warning names both;
/// - a province or district read from a page that was read by OCR stands only when the gazetteer
///   confirms it (exactly, or as the one-edit copy above): OCR garbles names (`เมืองกาญจนบุรีจั`, the
///   start of a mangled `จังหวัด` run on), and an unconfirmed OCR'd name is left empty with its
///   `place_not_in_gazetteer` warning naming what was read. A name from a text layer is printed text
///   and is kept, with the warning;
/// - `unit_key` = type tag + the most specific code that identifies the unit alone, else
///   type tag + province code + the unit's own name. No key from a name without a province code: a key
///   from the name alone could join two agencies of the same name in different provinces.
public struct UnitIdentifier: Sendable {
    public let gazetteer: Gazetteer

    public init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    /// Adds codes, corrections and the unit key to `record` (failed documents are left alone).
    /// `ocrPages`: the pages whose text came from OCR; names read there need the gazetteer's word.
    public func identify(_ record: inout ReportRecord, ocrPages: Set<Int>) {
        guard record.status != .failed else { return }
        var f = record.fields
        var warnings: [Warning] = []

        var province: Gazetteer.Area?
        if let p = f.province {
            province = lookUp(&f.province, p, in: gazetteer.provinces, what: "province", within: "the gazetteer",
                              ocrPages: ocrPages, warnings: &warnings)
            if let province { f.provinceCode = Traced(province.code, source: codeSource(f.province)) }
        }
        var district: Gazetteer.Area?
        if let d = f.district, let province {
            district = lookUp(&f.district, d, in: gazetteer.districts[province.code] ?? [], what: "district",
                              within: "province \(province.name) (\(province.code))", ocrPages: ocrPages, warnings: &warnings)
            if let district { f.districtCode = Traced(district.code, source: codeSource(f.district)) }
        } else if let d = f.district {
            // No province read (or an OCR'd one the gazetteer did not confirm, now empty; a printed
            // province not found is kept, and then nothing is guessed against it). A name that exactly
            // one district of the country bears is that district (its code, and its subdistricts to
            // check the unit's name against). Read by OCR, it must also hold the unit's subdistrict,
            // and no district one letter from it may: 32 pairs of district names are one letter apart
            // (เมืองระยอง/เมืองระนอง, which both hold a ปากน้ำ), so one misread letter names another district.
            let named = f.province == nil ? gazetteer.districtsByName[d.value] ?? [] : []
            let byOCR = d.source.map { ocrPages.contains($0.page) } ?? false
            if named.count == 1, !byOCR || (holdsUnitSubdistrict(named[0], f) && !neighbourHoldsUnitSubdistrict(of: named[0], f)) {
                district = named[0]
                f.districtCode = Traced(named[0].code, source: codeSource(f.district))
            } else if named.count == 1, byOCR, hasNeighbour(named[0]) {
                // Not confirmed, and one letter from another district's name: the letter OCR read may be the
                // misread one, so the name is no more likely than its neighbour's. Left empty, said.
                warnings.append(Warning(code: .placeUnconfirmed,
                                        message: "district \"\(d.value)\" read by OCR is one letter from another district's name, and no province or subdistrict read tells them apart: left empty",
                                        page: d.source?.page))
                f.district = nil
            } else if named.isEmpty, let page = d.source?.page, ocrPages.contains(page) {
                warnings.append(Warning(code: .placeNotInGazetteer,
                                        message: "district \"\(d.value)\" read by OCR is no district of the gazetteer and no province was read to check it in: left empty",
                                        page: page))
                f.district = nil
            }
        }

        let type = f.unitType?.value
        let rule = type.flatMap { gazetteer.keyRules[$0] }
        if let rule, rule.level == .subdistrict, let name = f.unitName, let own = ownName(name.value, type: type) {
            if let district {
                let candidates = gazetteer.subdistricts[district.code] ?? []
                switch NameMatch.find(own, in: candidates, name: \.name) {
                case .exact(let s):
                    f.subdistrictCode = Traced(s.code, source: codeSource(f.unitName))
                case .corrected(let s):
                    if let fixed = corrected(name, to: String(name.value.dropLast(own.count)) + s.name) {
                        warnings.append(Warning(code: .placeNameCorrected,
                                                message: "unit name \"\(name.value)\" read as \"\(fixed.value)\": the only subdistrict of district \(district.name) (\(district.code)) within one letter of \"\(own)\"",
                                                page: name.source?.page))
                        f.unitName = fixed
                        f.subdistrictCode = Traced(s.code, source: codeSource(fixed))
                    }
                case .none:
                    break  // many units are named after a village, not a subdistrict: no code, no warning
                }
            } else if let province {
                // District unknown: only an exact name that no other subdistrict of the province shares.
                let all = (gazetteer.districts[province.code] ?? []).flatMap { gazetteer.subdistricts[$0.code] ?? [] }
                let hits = all.filter { $0.name == own }
                if hits.count == 1 { f.subdistrictCode = Traced(hits[0].code, source: codeSource(f.unitName)) }
            }
        }

        if let rule {
            let key: String?
            switch rule.level {
            case .province: key = province.map { "\(rule.tag)-\($0.code)" }
            // A subdistrict code names one agency alone, province read or not.
            case .subdistrict where f.subdistrictCode != nil: key = "\(rule.tag)-\(f.subdistrictCode!.value)"
            default: key = province.flatMap { p in f.unitName.flatMap { ownName($0.value, type: type) }.map { "\(rule.tag)-\(p.code)-\($0)" } }
            }
            if province != nil || key != nil { f.unitKey = key.map { Traced($0, source: nil) } }
        }
        record.fields = f
        record.warnings.append(contentsOf: warnings)
    }

    /// Finds `traced`'s name among `areas`; corrects it in `field` when it is a one-edit copy of
    /// exactly one of them; warns when it is not there.
    /// A name read by OCR (its page in `ocrPages`) that is not found is taken out of `field`.
    private func lookUp(_ field: inout Traced<String>?, _ traced: Traced<String>, in areas: [Gazetteer.Area], what: String,
                        within: String, ocrPages: Set<Int>, warnings: inout [Warning]) -> Gazetteer.Area? {
        let byOCR = traced.source.map { ocrPages.contains($0.page) } ?? false
        let notFound = Warning(code: .placeNotInGazetteer,
                               message: "\(what) \"\(traced.value)\" is not a \(what) of \(within) (DOPA gazetteer): no code"
                                   + (byOCR ? "; read by OCR, so left empty" : ""),
                               page: traced.source?.page)
        switch NameMatch.find(traced.value, in: areas, name: \.name) {
        case .exact(let a):
            return a
        case .corrected(let a):
            guard let fixed = corrected(traced, to: a.name) else {
                warnings.append(notFound)
                if byOCR { field = nil }
                return nil
            }
            warnings.append(Warning(code: .placeNameCorrected,
                                    message: "\(what) \"\(traced.value)\" read as \"\(a.name)\" (\(a.code)): the only \(what) of \(within) within one letter",
                                    page: traced.source?.page))
            field = fixed
            return a
        case .none:
            warnings.append(notFound)
            if byOCR { field = nil }
            return nil
        }
    }

    /// True when the unit is named after its subdistrict (unit-keys.json) and its own name is, exactly
    /// or as the one-edit copy, a subdistrict of `district`.
    private func holdsUnitSubdistrict(_ district: Gazetteer.Area, _ f: ReportFields) -> Bool {
        let type = f.unitType?.value
        guard let rule = type.flatMap({ gazetteer.keyRules[$0] }), rule.level == .subdistrict,
              let name = f.unitName, let own = ownName(name.value, type: type) else { return false }
        if case .none = NameMatch.find(own, in: gazetteer.subdistricts[district.code] ?? [], name: \.name) { return false }
        return true
    }

    /// True when a district whose name is one edit from `district`'s (OCR's misread of one letter)
    /// also holds the unit's subdistrict: then the name read does not tell the two apart.
    private func neighbourHoldsUnitSubdistrict(of district: Gazetteer.Area, _ f: ReportFields) -> Bool {
        neighbours(of: district).contains { holdsUnitSubdistrict($0, f) }
    }

    /// True when another district's name is one letter from `district`'s.
    private func hasNeighbour(_ district: Gazetteer.Area) -> Bool { !neighbours(of: district).isEmpty }

    /// The districts whose names are one edit from `district`'s, by letters or as printed.
    private func neighbours(of district: Gazetteer.Area) -> [Gazetteer.Area] {
        let name = Array(district.name.unicodeScalars), printed = NameMatch.spelled(district.name)
        return gazetteer.districtsByName.filter { other, _ in
            other != district.name
                && (NameMatch.withinOneEdit(Array(other.unicodeScalars), name) || NameMatch.withinOneEdit(NameMatch.spelled(other), printed))
        }.flatMap(\.value)
    }

    /// `traced` with its value replaced by `name`, keeping the printed value; nil when the value has
    /// no provenance to keep it in (then it is not corrected).
    private func corrected(_ traced: Traced<String>, to name: String) -> Traced<String>? {
        guard var source = traced.source else { return nil }
        source.extracted = traced.value
        source.via = "gazetteer"
        return Traced(name, source: source)
    }

    /// A code's provenance: where the name it was looked up by was read.
    private func codeSource(_ name: Traced<String>?) -> Provenance? {
        guard var s = name?.source else { return nil }
        s.via = "gazetteer"
        s.continuation = nil
        return s
    }

    /// The unit's own name: `unitName` without its type prefix (the whole name for other units).
    private func ownName(_ unitName: String, type: String?) -> String? {
        guard let type, type != UnitType.other.rawValue else { return unitName.isEmpty ? nil : unitName }
        guard unitName.hasPrefix(type), unitName.count > type.count else { return nil }
        return String(unitName.dropFirst(type.count))
    }
}
