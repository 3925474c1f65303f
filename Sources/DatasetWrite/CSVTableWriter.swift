import Foundation

/// Streams one table to an RFC 4180 CSV file: UTF-8, header row, `,`, LF line ends, fields quoted
/// when they hold a comma, a quote or a line break (line breaks are data and stay, inside quotes).
final class CSVTableWriter {
    let table: TableSchema
    let sink: FileSink
    private(set) var rows = 0

    init(table: TableSchema, directory: URL, bom: Bool) throws {
        self.table = table
        sink = try FileSink(directory: directory, name: "\(table.name).csv")
        if bom { try sink.write(bytes: [0xEF, 0xBB, 0xBF]) }
        try write(fields: table.columnNames)
    }

    /// Appends one row (cells in column order).
    func write(_ cells: [Cell]) throws {
        precondition(cells.count == table.columns.count, "\(table.name): \(cells.count) cells for \(table.columns.count) columns")
        try write(fields: cells.map(\.csvText))
        rows += 1
    }

    /// Writes one row as CSVWriter (CSV.swift) lays it out: a line break before every row but the
    /// first, "," between fields, a field quoted (its quotes doubled) when it holds a quote, a comma
    /// or a line break. Built here in one buffer: CSVWriter searched each field five times through
    /// NSString and wrote one byte per call (3% of a run's CPU).
    private func write(fields: [String]) throws {
        var row: [UInt8] = []
        row.reserveCapacity(fields.reduce(fields.count + 1) { $0 + $1.utf8.count + 2 })
        if rows > 0 || wroteHeader { row.append(0x0A) }
        for (i, field) in fields.enumerated() {
            if i > 0 { row.append(0x2C) }
            CSVTableWriter.append(field, to: &row)
        }
        try sink.write(bytes: row)
        wroteHeader = true
    }

    private var wroteHeader = false

    /// One field. A quote, comma or line break followed by a combining mark (or any scalar from
    /// U+0300 on) is decided with the very Foundation calls CSVWriter made, whose non-literal search
    /// can see such a pair as one character; every other field is scanned byte by byte, which gives
    /// the same answer for it.
    static func append(_ field: String, to row: inout [UInt8]) {
        var quoted = false, unusual = false
        var previousSpecial = false
        for u in field.unicodeScalars {
            if previousSpecial && u.value >= 0x300 { unusual = true; break }
            let special = u == "\"" || u == "," || u == "\r" || u == "\n"
            if special { quoted = true }
            previousSpecial = special
        }
        if unusual {
            let q = field.contains("\"") || field.contains(",") || field.contains("\r") || field.contains("\n") || field.contains("\r\n")
            let value = q ? field.replacingOccurrences(of: "\"", with: "\"\"") : field
            if q { row.append(0x22) }
            row.append(contentsOf: value.utf8)
            if q { row.append(0x22) }
            return
        }
        if quoted { row.append(0x22) }
        for b in field.utf8 {
            row.append(b)
            if b == 0x22 { row.append(0x22) }
        }
        if quoted { row.append(0x22) }
    }

    /// Ends the last row with a line break (CSVWriter writes breaks between rows only) and closes.
    func close() throws {
        try sink.write("\n")
        try sink.close()
    }
}
