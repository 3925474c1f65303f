import CSV
import Foundation

/// A CSV file of the dataset read whole: its header and its rows as column → cell maps.
public struct CSVTable: Sendable, Equatable {
    /// Column names in file order.
    public var header: [String]
    /// One map per data row; a column missing from a short row reads as "".
    public var rows: [[String: String]]

    public init(header: [String], rows: [[String: String]]) {
        self.header = header; self.rows = rows
    }

    /// Reads a CSV file (RFC 4180, UTF-8, header row); a leading UTF-8 BOM is dropped because the
    /// writer adds one on request for Excel.
    public static func read(_ url: URL) throws -> CSVTable {
        guard FileManager.default.fileExists(atPath: url.path) else { throw QualityError.missing(url.path) }
        let data = try Data(contentsOf: url)
        guard let text = String(data: data, encoding: .utf8) else {
            throw QualityError.unreadable(path: url.path, why: "not UTF-8")
        }
        return try parse(text, source: url.path)
    }

    /// Parses CSV text; `source` names it in errors.
    public static func parse(_ text: String, source: String) throws -> CSVTable {
        var scalars = Substring(text).unicodeScalars
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        let body = String(scalars)
        if body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return CSVTable(header: [], rows: []) }
        let reader: CSVReader
        do { reader = try CSVReader(string: body, hasHeaderRow: true) } catch {
            throw QualityError.unreadable(path: source, why: "\(error)")
        }
        let header = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
        var rows: [[String: String]] = []
        while let row = reader.next() {
            if row.count == 1, row[0].isEmpty { continue }  // a blank line, e.g. a trailing one
            var cells: [String: String] = [:]
            for (i, name) in header.enumerated() { cells[name] = i < row.count ? row[i] : "" }
            rows.append(cells)
        }
        if let error = reader.error { throw QualityError.unreadable(path: source, why: "\(error)") }
        return CSVTable(header: header, rows: rows)
    }
}
