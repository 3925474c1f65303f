import Foundation
import ITAModel
import PageOCR

/// A document's timings and record in a compact binary form: what a worker sends the parent and
/// what the result cache keeps (as JSON, encoding in the worker, decoding in the parent and
/// decoding cached entries were about 7.5% of a run's CPU).
///
/// Layout (this file is its definition): integers as zigzag LEB128 varints; a double as its 8
/// bytes, little-endian (bit for bit: NaN and the infinities survive, as the JSON's "nan" and
/// "inf" did); a string as its UTF-8 byte count and bytes; an enum as its raw string; an optional
/// as 0 (nil) or 1 and the value; an array as its count and elements. The payload is the timings
/// (13 doubles) then the record, whose `sourcePath` comes first, so that the bytes after it do not
/// depend on it (`pathFree`). Decoding reads a value exactly as JSON decoding did (`Provenance`
/// keeps `raw` split at tabs), so a record decoded from either form is the same value.
/// Change the layout and bump `version`: the cache key names it, so older entries are never read.
enum RecordBinary {
    /// The layout's version (`CacheKey.format`, and the head of every cache entry).
    static let version: UInt8 = 1

    /// Timings then the record.
    static func encode(_ record: ReportRecord, timings: StageTimings) -> [UInt8] {
        var w = BinaryWriter()
        w.bytes.reserveCapacity(16 << 10)
        w.timings(timings)
        w.record(record)
        return w.bytes
    }

    /// The inverse of `encode`; throws on any byte out of place (never a partial record).
    static func decode(_ bytes: UnsafeRawBufferPointer) throws -> (ReportRecord, StageTimings) {
        var r = BinaryReader(bytes)
        let timings = try r.timings()
        let record = try r.record()
        guard r.at == bytes.count else { throw BinaryReader.Malformed(at: r.at) }
        return (record, timings)
    }

    static func decode(_ bytes: [UInt8]) throws -> (ReportRecord, StageTimings) {
        try bytes.withUnsafeBytes { try decode($0) }
    }

    /// Whether the record in `payload` (`encode`'s bytes) names its source path nowhere but in
    /// `sourcePath`: the path's bytes do not occur after it. A string's bytes are stored as they
    /// are, so a mention in any message is found; a match across other bytes only makes the entry
    /// serve its own path (never a wrong one).
    static func mentionsPathElsewhere(_ payload: [UInt8]) throws -> Bool {
        try payload.withUnsafeBytes { raw in
            var r = BinaryReader(raw)
            _ = try r.timings()
            let n = try r.count()
            let path = UnsafeRawBufferPointer(rebasing: raw[r.at..<(r.at + n)])
            let rest = UnsafeRawBufferPointer(rebasing: raw[(r.at + n)...])
            guard n > 0, n <= rest.count else { return false }
            let first = Int32(path[0]), last = rest.count - n
            var i = 0
            while i <= last {
                guard let hit = memchr(rest.baseAddress! + i, first, last - i + 1) else { return false }
                let at = rest.baseAddress!.distance(to: UnsafeRawPointer(hit))
                if memcmp(rest.baseAddress! + at, path.baseAddress!, n) == 0 { return true }
                i = at + 1
            }
            return false
        }
    }
}

struct BinaryWriter {
    var bytes: [UInt8] = []

    mutating func uint(_ v: UInt64) {
        var v = v
        while v >= 0x80 { bytes.append(UInt8(truncatingIfNeeded: v) | 0x80); v >>= 7 }
        bytes.append(UInt8(v))
    }
    mutating func int(_ v: Int) { uint(UInt64(bitPattern: Int64((v << 1) ^ (v >> 63)))) }
    mutating func double(_ v: Double) {
        withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }
    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { uint(UInt64($0.count)); bytes.append(contentsOf: $0) }
    }
    mutating func optional<T>(_ v: T?, _ body: (inout BinaryWriter, T) -> Void) {
        if let v { bytes.append(1); body(&self, v) } else { bytes.append(0) }
    }
    mutating func optString(_ v: String?) { optional(v) { $0.string($1) } }
    mutating func optInt(_ v: Int?) { optional(v) { $0.int($1) } }
    mutating func array<T>(_ a: [T], _ body: (inout BinaryWriter, T) -> Void) {
        uint(UInt64(a.count))
        for x in a { body(&self, x) }
    }

    mutating func timings(_ t: StageTimings) {
        for v in [t.read, t.extract, t.ocr, t.layout, t.normalise, t.interpret, t.write, t.ocrSteps.engine, t.ocrSteps.render,
                  t.ocrSteps.erase, t.ocrSteps.recognise, t.ocrSteps.words, t.ocrSteps.reread] { double(v) }
    }

    mutating func record(_ r: ReportRecord) {
        string(r.sourcePath)  // first: see `RecordBinary.mentionsPathElsewhere`
        string(r.docID); string(r.sha256); optInt(r.pages)
        optional(r.textSource) { $0.string($1.rawValue) }
        string(r.status.rawValue)
        fields(r.fields)
        array(r.indicators) { w, s in
            w.optInt(s.year); w.int(s.indicator); w.string(s.tool.rawValue); w.optString(s.name); w.string(s.score); w.int(s.page)
            w.optional(s.source) { $0.provenance($1) }; w.optional(s.check) { $0.string($1.rawValue) }
        }
        array(r.questions) { w, s in
            w.optInt(s.year); w.string(s.code); w.string(s.tool.rawValue); w.optString(s.question); w.string(s.score); w.int(s.page)
            w.optional(s.source) { $0.provenance($1) }; w.optional(s.check) { $0.string($1.rawValue) }
        }
        array(r.measures) { w, m in
            w.optString(m.issue); w.optInt(m.indicator); w.optString(m.measure); w.optString(m.steps); w.optString(m.period)
            w.optString(m.owner); w.int(m.page); w.optional(m.source) { $0.provenance($1) }
        }
        array(r.warnings) { w, x in w.string(x.code.rawValue); w.string(x.message); w.optInt(x.page) }
        optional(r.error) { w, e in w.string(e.stage); w.string(e.reason); w.string(e.message) }
        optional(r.ocrDropped) { w, list in
            w.array(list) { w, d in
                w.string(d.kind); w.string(d.key); w.optInt(d.year); w.string(d.score); w.int(d.page); w.string(d.reason)
                w.optional(d.source) { $0.provenance($1) }
            }
        }
    }

    mutating func fields(_ f: ReportFields) {
        for t in [f.unitName, f.unitType, f.district, f.province] { optional(t) { $0.traced($1) { $0.string($1) } } }
        for t in [f.assessmentYear, f.planYear] { optional(t) { $0.traced($1) { $0.int($1) } } }
        for t in [f.overallScore, f.rating] { optional(t) { $0.traced($1) { $0.string($1) } } }
        optional(f.rank) { $0.traced($1) { $0.int($1) } }
        for t in [f.previousScore, f.provinceCode, f.districtCode, f.subdistrictCode, f.unitKey] {
            optional(t) { $0.traced($1) { $0.string($1) } }
        }
    }

    mutating func traced<V>(_ t: Traced<V>, _ value: (inout BinaryWriter, V) -> Void) {
        value(&self, t.value)
        optional(t.source) { $0.provenance($1) }
    }

    mutating func provenance(_ p: Provenance) {
        int(p.page)
        optional(p.box) { w, b in w.double(b.x0); w.double(b.y0); w.double(b.x1); w.double(b.y1) }
        // JSON kept `raw` (the cells joined by tabs) and split it again: a cell holding a tab came
        // back as several. The same pieces here, so that both forms decode to the same value.
        // No cells were the one empty `raw`.
        var cells: [String] = p.cells.isEmpty ? [""] : []
        for c in p.cells {
            if c.utf8.contains(0x09) {
                cells += c.utf8.split(separator: 0x09, omittingEmptySubsequences: false).map { String($0)! }
            } else {
                cells.append(c)
            }
        }
        array(cells) { $0.string($1) }
        optString(p.via)
        optional(p.continuation) { $0.array($1) { $0.provenance($1) } }
        optString(p.extracted); optString(p.reason); optString(p.field); optString(p.ocr)
        optional(p.alternatives) { $0.array($1) { $0.string($1) } }
        optString(p.arithmetic)
        optional(p.changes) { w, list in
            w.array(list) { w, c in w.string(c.kind); w.int(c.offset); w.string(c.before); w.string(c.after); w.optString(c.field) }
        }
    }
}

struct BinaryReader {
    struct Malformed: Error, CustomStringConvertible {
        let at: Int
        var description: String { "malformed binary record at byte \(at)" }
    }

    let base: UnsafeRawBufferPointer
    var at = 0

    init(_ base: UnsafeRawBufferPointer) { self.base = base }

    mutating func byte() throws -> UInt8 {
        guard at < base.count else { throw Malformed(at: at) }
        defer { at += 1 }
        return base[at]
    }
    mutating func uint() throws -> UInt64 {
        var v: UInt64 = 0, shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw Malformed(at: at) }
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return v }
            shift += 7
        }
    }
    mutating func int() throws -> Int {
        let u = try uint()
        return Int(Int64(bitPattern: u >> 1) ^ -Int64(bitPattern: u & 1))
    }
    /// A length or count: at most the bytes left (every element takes at least one), so that a
    /// damaged count cannot ask for a giant allocation.
    mutating func count() throws -> Int {
        let u = try uint()
        guard u <= UInt64(base.count - at) else { throw Malformed(at: at) }
        return Int(u)
    }
    mutating func double() throws -> Double {
        guard base.count - at >= 8 else { throw Malformed(at: at) }
        let bits = base.loadUnaligned(fromByteOffset: at, as: UInt64.self)
        at += 8
        return Double(bitPattern: UInt64(littleEndian: bits))
    }
    mutating func string() throws -> String {
        let n = try count()
        guard let s = String(validating: UnsafeRawBufferPointer(rebasing: base[at..<(at + n)]), as: UTF8.self) else {
            throw Malformed(at: at)
        }
        at += n
        return s
    }
    mutating func raw<E: RawRepresentable>(_: E.Type) throws -> E where E.RawValue == String {
        let start = at
        guard let e = E(rawValue: try string()) else { throw Malformed(at: start) }
        return e
    }
    mutating func optional<T>(_ body: (inout BinaryReader) throws -> T) throws -> T? {
        switch try byte() {
        case 0: return nil
        case 1: return try body(&self)
        default: throw Malformed(at: at - 1)
        }
    }
    mutating func optString() throws -> String? { try optional { try $0.string() } }
    mutating func optInt() throws -> Int? { try optional { try $0.int() } }
    mutating func array<T>(_ body: (inout BinaryReader) throws -> T) throws -> [T] {
        let n = try count()
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try body(&self)) }
        return out
    }

    mutating func timings() throws -> StageTimings {
        var t = StageTimings()
        t.read = try double(); t.extract = try double(); t.ocr = try double(); t.layout = try double()
        t.normalise = try double(); t.interpret = try double(); t.write = try double()
        t.ocrSteps.engine = try double(); t.ocrSteps.render = try double(); t.ocrSteps.erase = try double()
        t.ocrSteps.recognise = try double(); t.ocrSteps.words = try double(); t.ocrSteps.reread = try double()
        return t
    }

    mutating func record() throws -> ReportRecord {
        let sourcePath = try string()
        let docID = try string(), sha256 = try string(), pages = try optInt()
        let textSource = try optional { try $0.raw(TextSource.self) }
        let status = try raw(DocumentStatus.self)
        let fields = try fields()
        let indicators = try array { r in
            IndicatorScore(year: try r.optInt(), indicator: try r.int(), tool: try r.raw(Tool.self), name: try r.optString(),
                           score: try r.string(), page: try r.int(), source: try r.optional { try $0.provenance() },
                           check: try r.optional { try $0.raw(ScoreCheck.self) })
        }
        let questions = try array { r in
            QuestionScore(year: try r.optInt(), code: try r.string(), tool: try r.raw(Tool.self), question: try r.optString(),
                          score: try r.string(), page: try r.int(), source: try r.optional { try $0.provenance() },
                          check: try r.optional { try $0.raw(ScoreCheck.self) })
        }
        let measures = try array { r in
            Measure(issue: try r.optString(), indicator: try r.optInt(), measure: try r.optString(), steps: try r.optString(),
                    period: try r.optString(), owner: try r.optString(), page: try r.int(), source: try r.optional { try $0.provenance() })
        }
        let warnings = try array { r in Warning(code: try r.raw(WarningCode.self), message: try r.string(), page: try r.optInt()) }
        let error = try optional { r in DocumentError(stage: try r.string(), reason: try r.string(), message: try r.string()) }
        let dropped = try optional { r in
            try r.array { r in
                OCRDroppedScore(kind: try r.string(), key: try r.string(), year: try r.optInt(), score: try r.string(), page: try r.int(),
                                reason: try r.string(), source: try r.optional { try $0.provenance() })
            }
        }
        var record = ReportRecord(docID: docID, sourcePath: sourcePath, sha256: sha256, pages: pages, textSource: textSource,
                                  status: status, fields: fields, indicators: indicators, questions: questions, measures: measures,
                                  warnings: warnings, error: error)
        record.ocrDropped = dropped
        return record
    }

    mutating func fields() throws -> ReportFields {
        func s(_ r: inout BinaryReader) throws -> Traced<String>? { try r.optional { try $0.traced { try $0.string() } } }
        func i(_ r: inout BinaryReader) throws -> Traced<Int>? { try r.optional { try $0.traced { try $0.int() } } }
        var f = ReportFields()
        f.unitName = try s(&self); f.unitType = try s(&self); f.district = try s(&self); f.province = try s(&self)
        f.assessmentYear = try i(&self); f.planYear = try i(&self)
        f.overallScore = try s(&self); f.rating = try s(&self)
        f.rank = try i(&self)
        f.previousScore = try s(&self); f.provinceCode = try s(&self); f.districtCode = try s(&self); f.subdistrictCode = try s(&self)
        f.unitKey = try s(&self)
        return f
    }

    mutating func traced<V>(_ value: (inout BinaryReader) throws -> V) throws -> Traced<V> {
        let v = try value(&self)
        return Traced(v, source: try optional { try $0.provenance() })
    }

    mutating func provenance() throws -> Provenance {
        let page = try int()
        let box = try optional { r in Box(x0: try r.double(), y0: try r.double(), x1: try r.double(), y1: try r.double()) }
        let cells = try array { try $0.string() }
        var p = Provenance(page: page, box: nil, cells: cells, via: try optString())
        p.box = box  // as stored (the initialiser would round it)
        p.continuation = try optional { try $0.array { try $0.provenance() } }
        p.extracted = try optString(); p.reason = try optString(); p.field = try optString(); p.ocr = try optString()
        p.alternatives = try optional { try $0.array { try $0.string() } }
        p.arithmetic = try optString()
        p.changes = try optional { r in
            try r.array { r in
                var c = TextChange(kind: try r.string(), offset: try r.int(), before: try r.string(), after: try r.string())
                c.field = try r.optString()
                return c
            }
        }
        return p
    }
}
