import CSV
import Foundation
import XCTest
@testable import DatasetWrite

/// CSVTableWriter lays rows out itself (CSV.swift's writer was 3% of a run's CPU): its bytes must be
/// the ones CSVWriter writes for the same rows, awkward fields included.
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

    func testRowsAreCSVWritersBytes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("csv-bytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }

        // Reference: CSV.swift's writer over the same rows, into memory.
        let stream = OutputStream(toMemory: ())
        let reference = try CSVWriter(stream: stream, newline: .lf)
        for row in Self.rows { try reference.write(row: row) }
        reference.stream.close()
        var expected = stream.property(forKey: .dataWrittenToMemoryStreamKey) as! Data
        expected.append(0x0A)  // CSVTableWriter.close ends the last row

        let table = TableSchema(name: "t", columns: Self.rows[0].map { Column(name: $0, type: .string, description: "") },
                                primaryKey: ["doc_id"])
        let writer = try CSVTableWriter(table: table, directory: dir, bom: false)
        for row in Self.rows.dropFirst() { try writer.write(row.map { Cell.text($0) }) }
        try writer.close()
        let written = try Data(contentsOf: writer.sink.url)
        XCTAssertEqual(written, expected, "\n\(String(decoding: written, as: UTF8.self))\nvs\n\(String(decoding: expected, as: UTF8.self))")
    }
}
