import CSV
import Foundation
import XCTest
@testable import DatasetWrite

/// CSVTableWriter lays rows out itself (CSV.swift's writer was 3% of a run's CPU). Every row must
/// read back unchanged with a strict RFC 4180 parser, awkward fields included; where CSVWriter was
/// right, the bytes are CSVWriter's.
final class CSVRowBytesTests: XCTestCase {
    /// Fields that exercise every quoting rule: commas, quotes, CR, LF, CR LF, Thai with marks,
    /// a quote or comma right before a combining mark (Foundation's search treats such a pair as one
    /// character), empty fields and leading/trailing spaces.
    static let rows: [[String]] = [
        ["doc_id", "source_path", "value"],
        ["plain", "ผ่านดี", ""],
        ["a,b", "say \"hi\"", "line1\nline2"],
        ["cr\rhere", "crlf\r\nhere", " padded "],
        ["เทศบาลตำบล, จังหวัด", "\"quoted\"", "ก\"ข"],
        ["\"\u{0301}mark after quote", ",\u{0E31}mark after comma", "x\n\u{0E48}"],
        ["ผลคะแนน ๙๓.๕๗", "- จัดทำแผน", "=SUM(A1)"],
    ]

    /// Rows whose quoting CSV.swift decides correctly (no quote or comma right before a mark).
    static let ordinaryRows = rows.filter { row in
        !row.contains { field in
            let u = Array(field.unicodeScalars)
            return zip(u, u.dropFirst()).contains { ($0 == "\"" || $0 == ",") && $1.value >= 0x300 }
        }
    }

    func testEveryRowReadsBackUnderRFC4180() throws {
        let written = try Self.write(Self.rows)
        XCTAssertEqual(try Self.parseRFC4180(written), Self.rows)
        // The case CSVWriter got wrong: a comma before a Thai mark is quoted, a quote before a mark doubled.
        let expected = Array("\n\"\"\"\u{0301}mark after quote\",\",\u{0E31}mark after comma\",".utf8)
        let bytes = [UInt8](written)
        XCTAssertTrue((0...(bytes.count - expected.count)).contains { Array(bytes[$0..<($0 + expected.count)]) == expected },
                      String(decoding: written, as: UTF8.self))
    }

    /// A strict RFC 4180 reader over bytes (LF rows, no BOM): quoted fields double their quotes; a
    /// quote anywhere else, or anything but a separator after a closing quote, is an error.
    static func parseRFC4180(_ data: Data) throws -> [[String]] {
        struct Malformed: Error { var at: Int }
        let b = [UInt8](data)
        var rows: [[String]] = [], row: [String] = [], field: [UInt8] = []
        var i = 0
        guard b.last == 0x0A else { throw Malformed(at: b.count) }
        while i < b.count {
            if b[i] == 0x22 && field.isEmpty {
                i += 1
                while true {
                    guard i < b.count else { throw Malformed(at: i) }
                    if b[i] == 0x22 {
                        if i + 1 < b.count && b[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
                        i += 1; break
                    }
                    field.append(b[i]); i += 1
                }
                guard i < b.count, b[i] == 0x2C || b[i] == 0x0A else { throw Malformed(at: i) }
            }
            switch b[i] {
            case 0x2C: row.append(String(decoding: field, as: UTF8.self)); field = []
            case 0x0A: row.append(String(decoding: field, as: UTF8.self)); field = []; rows.append(row); row = []
            case 0x22, 0x0D: throw Malformed(at: i)
            default: field.append(b[i])
            }
            i += 1
        }
        return rows
    }

    static func write(_ rows: [[String]]) throws -> Data {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("csv-bytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let table = TableSchema(name: "t", columns: rows[0].map { Column(name: $0, type: .string, description: "") },
                                primaryKey: ["doc_id"])
        let writer = try CSVTableWriter(table: table, directory: dir, bom: false)
        for row in rows.dropFirst() { try writer.write(row.map { Cell.text($0) }) }
        try writer.close()
        return try Data(contentsOf: writer.sink.url)
    }

    func testOrdinaryRowsAreCSVWritersBytes() throws {
        // Reference: CSV.swift's writer over the same rows, into memory.
        let stream = OutputStream(toMemory: ())
        let reference = try CSVWriter(stream: stream, newline: .lf)
        for row in Self.ordinaryRows { try reference.write(row: row) }
        reference.stream.close()
        var expected = stream.property(forKey: .dataWrittenToMemoryStreamKey) as! Data
        expected.append(0x0A)  // CSVTableWriter.close ends the last row

        let written = try Self.write(Self.ordinaryRows)
        XCTAssertEqual(written, expected, "\n\(String(decoding: written, as: UTF8.self))\nvs\n\(String(decoding: expected, as: UTF8.self))")
    }
}
