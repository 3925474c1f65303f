import CSV
import Foundation

/// Streams one table to an RFC 4180 CSV file: UTF-8, header row, `,`, LF line ends, fields quoted
/// when they hold a comma, a quote or a line break (line breaks are data and stay, inside quotes).
final class CSVTableWriter {
    let table: TableSchema
    let sink: FileSink
    private let stream: SinkOutputStream
    private let csv: CSVWriter
    private(set) var rows = 0

    init(table: TableSchema, directory: URL, bom: Bool) throws {
        self.table = table
        sink = try FileSink(directory: directory, name: "\(table.name).csv")
        if bom { try sink.write(bytes: [0xEF, 0xBB, 0xBF]) }
        stream = SinkOutputStream(sink)
        csv = try CSVWriter(stream: stream, newline: .lf)
        try write(fields: table.columnNames)
    }

    /// Appends one row (cells in column order).
    func write(_ cells: [Cell]) throws {
        precondition(cells.count == table.columns.count, "\(table.name): \(cells.count) cells for \(table.columns.count) columns")
        try write(fields: cells.map(\.csvText))
        rows += 1
    }

    private func write(fields: [String]) throws {
        do { try csv.write(row: fields) } catch {
            throw stream.failure ?? DatasetWriterError.io(path: sink.url.path, message: "\(error)")
        }
        if let failure = stream.failure { throw failure }
    }

    /// Ends the last row with a line break (CSVWriter writes breaks between rows only) and closes.
    func close() throws {
        try sink.write("\n")
        try sink.close()
    }
}
