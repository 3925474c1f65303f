import Foundation

/// The files made at the end of a run from the finished SQLite database rather than row by row:
/// panel.csv (the `panel` view's rows) and dataset.xlsx (every CSV table as a sheet), written into
/// the staging folder under their final names (the folder is published whole, see `OutputFolder`).
enum DerivedFiles {
    /// Writes every derived file into `directory`.
    static func write(from sqlite: SQLiteTableWriter, to directory: URL, options: WriterOptions) throws {
        let panel = try CSVTableWriter(table: Tables.panel, directory: directory, bom: options.bom)
        do {
            try sqlite.forEachRow(of: Tables.panel, isView: true) { try panel.write($0) }
            try panel.close()
        } catch {
            panel.sink.discard()
            throw error
        }
        // A failure leaves a partial workbook in staging, which the writer's abort deletes.
        try WorkbookWriter.write(from: sqlite, tables: Tables.csvTables.map { ($0, false) } + [(Tables.panel, true)],
                                 to: directory.appendingPathComponent(WorkbookWriter.fileName))
    }
}
