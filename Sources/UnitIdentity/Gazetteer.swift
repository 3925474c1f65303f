import Foundation
import ITAModel

/// The Department of Provincial Administration (DOPA) codes and Thai names of provinces, districts
/// and subdistricts (Mappings/gazetteer/*.tsv, generated from PyPI geothai by
/// Scripts/gazetteer/make-gazetteer.sh), and how unit types map to unit keys
/// (Mappings/gazetteer/unit-keys.json). Loaded once per run; a missing or malformed file throws.
public struct Gazetteer: Sendable {
    /// One area: its DOPA code and Thai name.
    public struct Area: Hashable, Sendable {
        public let code: String
        public let name: String
    }

    /// The administrative level a unit type is named after (unit-keys.json `level`).
    public enum Level: String, Decodable, Sendable { case province, district, subdistrict }

    /// How one unit type's key is built.
    public struct KeyRule: Decodable, Sendable {
        public let type: String
        public let tag: String
        public let level: Level
    }

    public let provinces: [Area]
    /// Districts by province code.
    public let districts: [String: [Area]]
    /// Subdistricts by district code.
    public let subdistricts: [String: [Area]]
    /// Key rules by unit type.
    public let keyRules: [String: KeyRule]
    /// Districts by Thai name, over all provinces: a name only one district bears names it alone.
    public let districtsByName: [String: [Area]]

    /// Loads `mappings`/gazetteer/.
    public init(mappings: URL) throws {
        let dir = mappings.appendingPathComponent("gazetteer")
        provinces = try Gazetteer.areas(dir, "provinces.tsv", codeLength: 2)
        let known = Set(provinces.map(\.code))
        let ds = try Gazetteer.areas(dir, "districts.tsv", codeLength: 4)
        districts = try Gazetteer.group(ds, parentLength: 2, parents: known, file: "districts.tsv")
        districtsByName = Dictionary(grouping: ds, by: \.name)
        let ss = try Gazetteer.areas(dir, "subdistricts.tsv", codeLength: 6)
        subdistricts = try Gazetteer.group(ss, parentLength: 4, parents: Set(ds.map(\.code)), file: "subdistricts.tsv")
        keyRules = try Gazetteer.keyRules(dir.appendingPathComponent("unit-keys.json"))
    }

    private static func text(_ url: URL) throws -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw GazetteerError(file: url.path, key: "-", problem: "missing or unreadable")
        }
        guard let s = String(data: data, encoding: .utf8) else {
            throw GazetteerError(file: url.path, key: "-", problem: "not UTF-8")
        }
        return s
    }

    /// Rows `code<TAB>name_th<TAB>name_en` after a header line; codes of `codeLength` digits, unique.
    private static func areas(_ dir: URL, _ name: String, codeLength: Int) throws -> [Area] {
        let url = dir.appendingPathComponent(name)
        let text = try text(url)
        if let rows = wellFormedAreas(text, codeLength: codeLength) { return rows }
        let lines = Gazetteer.split(text, "\n")
        guard lines.first == "code\tname_th\tname_en" else {
            throw GazetteerError(file: url.path, key: "line 1", problem: "header must be code<TAB>name_th<TAB>name_en")
        }
        var out: [Area] = [], seen = Set<String>()
        for (i, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let f = Gazetteer.split(line, "\t")
            let code = f.first.map(String.init) ?? ""
            guard f.count == 3, code.count == codeLength, code.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
                throw GazetteerError(file: url.path, key: "line \(i + 1) (\(code))",
                                     problem: "expected \(codeLength)-digit code, Thai name, English name")
            }
            guard !f[1].isEmpty else { throw GazetteerError(file: url.path, key: code, problem: "empty Thai name") }
            guard seen.insert(code).inserted else { throw GazetteerError(file: url.path, key: code, problem: "code listed twice") }
            // Names already in NFC (all of them, as generated) are kept as they are.
            let name = NFCQuickCheck.isNFC(f[1].unicodeScalars) ? String(f[1]) : String(f[1]).precomposedStringWithCanonicalMapping
            out.append(Area(code: code, name: name))
        }
        guard !out.isEmpty else { throw GazetteerError(file: url.path, key: "-", problem: "no rows") }
        return out
    }

    /// The rows `areas` would read from `text`, read on its UTF-8 bytes in one pass, or nil for any
    /// text that `areas` could refuse (a CR anywhere, another header, a row that is not a code of
    /// `codeLength` ASCII digits, a non-empty name and an English name, a code listed twice, no
    /// rows): `areas` then reads it the long way and says what is wrong. Strings, substrings and a
    /// set of code strings were most of the gazetteer's load, paid by the run and every worker.
    static func wellFormedAreas(_ text: String, codeLength: Int) -> [Area]? {
        var text = text
        return text.withUTF8 { b -> [Area]? in
            guard !b.contains(0x0D) else { return nil }
            let header = Array("code\tname_th\tname_en".utf8)
            guard let firstEnd = b.firstIndex(of: 0x0A) ?? (b.isEmpty ? nil : b.count),
                  b[0..<firstEnd].elementsEqual(header) else { return nil }
            var out: [Area] = [], seen = Set<Int>()
            var start = firstEnd + 1
            while start < b.count {
                var end = start
                while end < b.count, b[end] != 0x0A { end += 1 }
                defer { start = end + 1 }
                guard end > start else { continue }
                var tabs: [Int] = []
                for i in start..<end where b[i] == 0x09 { tabs.append(i) }
                guard tabs.count == 2, tabs[0] - start == codeLength, tabs[1] > tabs[0] + 1 else { return nil }
                var code = 0
                for i in start..<tabs[0] {
                    guard (0x30...0x39).contains(b[i]) else { return nil }
                    code = code * 10 + Int(b[i] - 0x30)
                }
                // Codes of one length are equal exactly when their values are.
                guard seen.insert(code).inserted else { return nil }
                let name = String(decoding: UnsafeBufferPointer(rebasing: b[(tabs[0] + 1)..<tabs[1]]), as: UTF8.self)
                out.append(Area(code: String(decoding: UnsafeBufferPointer(rebasing: b[start..<tabs[0]]), as: UTF8.self),
                                name: NFCQuickCheck.isNFC(name.unicodeScalars) ? name : name.precomposedStringWithCanonicalMapping))
            }
            return out.isEmpty ? nil : out
        }
    }

    /// `text.split(separator: sep, omittingEmptySubsequences: false)` for a control separator (tab,
    /// line feed), on bytes when that gives the same pieces: always, except with a CR in the text
    /// (CR LF is one Character, which a "\n" split does not cut); a Character never runs on past a
    /// control (Unicode GB4), so nothing after a tab or line feed joins it. Splitting Characters of
    /// the 8,400 Thai names was most of the gazetteer's load time, paid again by every worker.
    static func split<S: StringProtocol>(_ text: S, _ sep: Unicode.Scalar) -> [Substring] {
        let s = UInt8(sep.value)
        guard !text.utf8.contains(0x0D) else {
            return text.split(separator: Character(sep), omittingEmptySubsequences: false).map { Substring($0) }
        }
        var out: [Substring] = []
        let str = Substring(text)
        var start = str.utf8.startIndex
        var i = start
        while i != str.utf8.endIndex {
            if str.utf8[i] == s {
                out.append(str[start..<i])
                start = str.utf8.index(after: i)
            }
            i = str.utf8.index(after: i)
        }
        out.append(str[start..<str.utf8.endIndex])
        return out
    }

    private static func group(_ areas: [Area], parentLength: Int, parents: Set<String>, file: String) throws -> [String: [Area]] {
        var out: [String: [Area]] = [:]
        for a in areas {
            let parent = String(a.code.prefix(parentLength))
            guard parents.contains(parent) else {
                throw GazetteerError(file: file, key: a.code, problem: "its parent area \(parent) is not listed")
            }
            out[parent, default: []].append(a)
        }
        return out
    }

    private static func keyRules(_ url: URL) throws -> [String: KeyRule] {
        struct File: Decodable { let types: [KeyRule] }
        let file: File
        do { file = try JSONDecoder().decode(File.self, from: Data(try text(url).utf8)) } catch let e as GazetteerError {
            throw e
        } catch {
            throw GazetteerError(file: url.path, key: "types", problem: "\(error)")
        }
        var out: [String: KeyRule] = [:], tags = Set<String>()
        for r in file.types {
            guard !r.tag.isEmpty, r.tag.utf8.allSatisfy({ (0x61...0x7A).contains($0) }) else {
                throw GazetteerError(file: url.path, key: r.type, problem: "tag must be lower-case ASCII letters")
            }
            guard out[r.type] == nil, tags.insert(r.tag).inserted else {
                throw GazetteerError(file: url.path, key: r.type, problem: "type or tag listed twice")
            }
            out[r.type] = r
        }
        return out
    }
}
