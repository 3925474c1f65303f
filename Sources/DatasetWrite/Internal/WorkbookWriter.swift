import CXLSXWriter
import Foundation

/// dataset.xlsx (libxlsxwriter): one sheet per CSV table, same columns and rows as the CSV, read
/// back from the finished SQLite database.
///
/// - every text cell is written with `worksheet_write_string`, so a value starting with `=`, `-`,
///   `+` or `@` stays text (Excel never evaluates it); the CSVs stay raw data;
/// - decimal columns (scores) are numbers with a format showing their printed decimals (93.50 →
///   0.00); a score that is not an ASCII decimal stays text; integer columns (years, pages,
///   indicator numbers) are numbers; codes, doc_id and sha256 are text;
/// - a frozen header row with an autofilter; every cell in `font` (Thai-capable).
/// Rows are streamed (constant_memory mode, temporary files in the output folder). A rerun gives
/// the same bytes: the document's creation time is fixed (`fixedCreated`) and zip entries carry
/// libxlsxwriter's fixed date.
enum WorkbookWriter {
    static let fileName = "dataset.xlsx"
    /// Tahoma ships with every Windows and macOS Office and has Thai glyphs; Excel's default Calibri
    /// has none (Thai then falls back per cell, at another size).
    static let font = "Tahoma"
    /// The workbook's creation date (2000-01-01 UTC): a real time would make every rerun differ.
    static let fixedCreated: time_t = 946_684_800
    /// Excel's limit on one cell's text.
    static let maxCellCharacters = 32_767

    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// Writes `tables` (a view last, e.g. the panel) from `sqlite` to `url`.
    static func write(from sqlite: SQLiteTableWriter, tables: [(TableSchema, isView: Bool)], to url: URL) throws {
        let tmpdir = strdup(url.deletingLastPathComponent().path)
        defer { free(tmpdir) }
        var options = lxw_workbook_options(constant_memory: 1, tmpdir: tmpdir, use_zip64: 1)
        guard let wb = workbook_new_opt(url.path, &options) else {
            throw DatasetWriterError.io(path: url.path, message: "libxlsxwriter cannot create the workbook")
        }
        var closed = false
        defer { if !closed { _ = workbook_close(wb); try? FileManager.default.removeItem(at: url) } }

        var props = lxw_doc_properties()
        props.created = fixedCreated
        let title = strdup("Thai ITA reports, extracted by ita-extract"); defer { free(title) }
        props.title = title
        workbook_set_properties(wb, &props)

        let fontName = strdup(font); defer { free(fontName) }
        let text = workbook_add_format(wb)!; format_set_font_name(text, fontName)
        let header = workbook_add_format(wb)!; format_set_font_name(header, fontName); format_set_bold(header)
        let integer = workbook_add_format(wb)!; format_set_font_name(integer, fontName); format_set_num_format(integer, "0")
        var decimals: [Int: UnsafeMutablePointer<lxw_format>] = [:]
        func decimalFormat(_ places: Int) -> UnsafeMutablePointer<lxw_format> {
            if let f = decimals[places] { return f }
            let f = workbook_add_format(wb)!
            format_set_font_name(f, fontName)
            format_set_num_format(f, places == 0 ? "0" : "0." + String(repeating: "0", count: places))
            decimals[places] = f
            return f
        }

        for (table, isView) in tables {
            guard let ws = workbook_add_worksheet(wb, table.name) else {
                throw DatasetWriterError.io(path: url.path, message: "cannot add sheet \(table.name)")
            }
            for (c, column) in table.columns.enumerated() {
                try check(worksheet_write_string(ws, 0, lxw_col_t(c), column.name, header), url, table.name, 0, column.name)
                worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), width(column), nil)
            }
            worksheet_freeze_panes(ws, 1, 0)
            var row: lxw_row_t = 0
            try sqlite.forEachRow(of: table, isView: isView) { cells in
                row += 1
                for (c, cell) in cells.enumerated() {
                    let column = table.columns[c]
                    let col = lxw_col_t(c)
                    let status: lxw_error
                    switch (cell, column.type) {
                    case (.null, _):
                        continue
                    case let (.int(n), _):
                        status = worksheet_write_number(ws, row, col, Double(n), integer)
                    case let (.text(s), .decimal) where RecordRows.isASCIIDecimal(s):
                        let places = s.split(separator: ".").dropFirst().first?.count ?? 0
                        status = worksheet_write_number(ws, row, col, Double(s)!, decimalFormat(places))
                    case let (.text(s), _):
                        guard s.utf16.count <= maxCellCharacters else {
                            throw DatasetWriterError.io(path: url.path,
                                                        message: "\(table.name) row \(row) \(column.name): text longer than Excel's \(maxCellCharacters) characters")
                        }
                        status = worksheet_write_string(ws, row, col, s, text)
                    }
                    try check(status, url, table.name, Int(row), column.name)
                }
            }
            worksheet_autofilter(ws, 0, 0, row, lxw_col_t(table.columns.count - 1))
        }
        closed = true
        let status = workbook_close(wb)
        guard status == LXW_NO_ERROR else {
            try? FileManager.default.removeItem(at: url)
            throw DatasetWriterError.io(path: url.path, message: "libxlsxwriter: \(String(cString: lxw_strerror(status)))")
        }
    }

    private static func check(_ status: lxw_error, _ url: URL, _ sheet: String, _ row: Int, _ column: String) throws {
        guard status == LXW_NO_ERROR else {
            throw DatasetWriterError.io(path: url.path,
                                        message: "\(sheet) row \(row) \(column): libxlsxwriter: \(String(cString: lxw_strerror(status)))")
        }
    }

    /// A column width (in characters) that shows a typical value: long text columns wider.
    private static func width(_ c: Column) -> Double {
        switch c.name {
        case "question", "measure", "steps", "issue", "name", "source_path", "unit_name", "conflict_fields": return 40
        case "doc_id", "unit_key", "doc_ids": return 20
        default: return c.type == .string ? 14 : 10
        }
    }
}
