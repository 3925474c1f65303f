import Foundation

/// The files made at the end of a run from the finished SQLite database rather than row by row:
/// panel.csv (the `panel` view's rows) and dataset.xlsx (every CSV table as a sheet). Each goes
/// under a temporary name; the writer renames them.
enum DerivedFiles {
    /// Final names, in rename order.
    static let names = ["panel.csv", WorkbookWriter.fileName]

    /// Writes every derived file; returns (temporary, final) URL pairs for the writer to rename.
    static func write(from sqlite: SQLiteTableWriter, to directory: URL, options: WriterOptions) throws -> [(URL, URL)] {
        let panel = try CSVTableWriter(table: Tables.panel, directory: directory, bom: options.bom)
        do {
            try sqlite.forEachRow(of: Tables.panel, isView: true) { try panel.write($0) }
            try panel.close()
        } catch {
            panel.sink.discard()
            throw error
        }
        let xlsx = directory.appendingPathComponent(".\(WorkbookWriter.fileName).tmp")
        do {
            try WorkbookWriter.write(from: sqlite, tables: Tables.csvTables.map { ($0, false) } + [(Tables.panel, true)],
                                     to: xlsx)
        } catch {
            panel.sink.discard()
            throw error
        }
        return [(panel.sink.tempURL, panel.sink.finalURL), (xlsx, directory.appendingPathComponent(WorkbookWriter.fileName))]
    }
}
