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

    /// One field, quoted (its quotes doubled) when it holds a quote, a comma or a line break,
    /// decided on scalars: CSVWriter's `String.contains` matched grapheme clusters, so a comma or
    /// quote followed by a Thai mark (floating marks from broken extraction) was not seen, and such
    /// a field went out unquoted or with a bare quote, shifting the row's columns.
    static func append(_ field: String, to row: inout [UInt8]) {
        // In UTF-8 these bytes are never part of another scalar, so a byte scan is a scalar scan.
        let quoted = field.utf8.contains(where: needsQuotes)
        if quoted { row.append(0x22) }
        for b in field.utf8 {
            row.append(b)
            if b == 0x22 { row.append(0x22) }
        }
        if quoted { row.append(0x22) }
    }

    /// A quote, a comma, CR or LF.
    private static func needsQuotes(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x22, 0x2C, 0x0D, 0x0A: return true
        default: return false
        }
    }

    /// Ends the last row with a line break (CSVWriter writes breaks between rows only) and closes.
    func close() throws {
        try sink.write("\n")
        try sink.close()
    }
}
