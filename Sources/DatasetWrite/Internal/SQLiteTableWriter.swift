import Foundation
import GRDB

/// Streams the tables into dataset.sqlite in the staging folder.
///
/// Scores are stored twice: as TEXT exactly as printed ("93.50", keeping the trailing zero and the
/// exact decimal the gold files compare against), and as REAL in `<name>_value` so that AVG, ORDER BY
/// and comparisons work without CAST. The REAL is the nearest binary double, not the printed value.
///
/// Keys: reports.doc_id is the primary key. Score and measure rows use (doc_id, row_no), `row_no` being the
/// position within the document, because the natural key (doc_id, year, indicator) has a column that
/// may be NULL, which a PRIMARY KEY cannot hold and which a plain UNIQUE constraint would treat as
/// distinct from every other NULL; the natural key gets a UNIQUE index over `ifnull(year, -1)` instead.
/// Tables are not STRICT: readers on SQLite older than 3.37 (e.g. Python's bundled one on older
/// systems) could not open them.
///
/// Byte-identical reruns: same SQLite library, fixed page size and encoding, the same statements in
/// the same order, one transaction per document, rollback journal (DELETE), no timestamps.
final class SQLiteTableWriter {
    let url: URL
    private var queue: DatabaseQueue?

    init(directory: URL, name: String = "dataset.sqlite") throws {
        url = directory.appendingPathComponent(name)
        SQLiteTableWriter.removeFiles(at: url)
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.journalMode = .default
        config.label = "dataset"
        let q: DatabaseQueue
        do { q = try DatabaseQueue(path: url.path, configuration: config) } catch { throw SQLiteTableWriter.explained(error, url) }
        do { try q.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA page_size = 4096")
            try db.execute(sql: "PRAGMA encoding = 'UTF-8'")
            // The staging folder is deleted after a crash, so the rollback journal only has to undo a
            // document's transaction that failed (a refused row): it is kept in memory, not created and
            // deleted as a file beside the database at every document. No journal fsyncs either; the
            // finished file is fsynced once before publication (OutputFolder).
            try db.execute(sql: "PRAGMA journal_mode = MEMORY")
            try db.execute(sql: "PRAGMA synchronous = OFF")
            try db.inTransaction {
                for t in Tables.sqliteTables { for sql in SQLiteTableWriter.ddl(t) { try db.execute(sql: sql) } }
                for sql in SQLiteTableWriter.selfDescription { try db.execute(sql: sql) }
                return .commit
            }
        } } catch { throw SQLiteTableWriter.explained(error, url) }
        queue = q
    }

    /// A full disk named as such; other SQLite errors with the file's path.
    static func explained(_ error: Error, _ url: URL) -> Error {
        guard let e = error as? DatabaseError else { return error }
        if e.resultCode == .SQLITE_FULL { return DatasetWriterError.diskFull(path: url.path) }
        return DatasetWriterError.io(path: url.path, message: "SQLite: \(e.message ?? "\(e.resultCode)")")
    }

    /// The CREATE statements for one table.
    static func ddl(_ t: TableSchema) -> [String] {
        var defs = t.columns.map { c -> String in
            let type: String
            switch c.type { case .string, .decimal: type = "TEXT"; case .integer: type = "INTEGER" }
            var d = "\(quote(c.name)) \(type)"
            if c.required { d += " NOT NULL" }
            if c.name == "doc_id" && t.referencesReports { d += " REFERENCES reports(doc_id)" }
            return d
        }
        defs += t.columns.filter { $0.type == .decimal }.map { "\(quote($0.name + "_value")) REAL" }
        defs.append("PRIMARY KEY (\(t.primaryKey.map(quote).joined(separator: ", ")))")
        var sql = ["CREATE TABLE \(quote(t.name)) (\n  \(defs.joined(separator: ",\n  "))\n)"]
        if !t.naturalKey.isEmpty {
            let nullable = Set(t.columns.filter { !$0.required }.map(\.name))
            let parts = t.naturalKey.map { nullable.contains($0) ? "ifnull(\(quote($0)), -1)" : quote($0) }
            sql.append("CREATE UNIQUE INDEX \(quote(t.name + "_natural_key")) ON \(quote(t.name)) (\(parts.joined(separator: ", ")))")
        }
        return sql
    }

    private static func quote(_ name: String) -> String { "\"\(name)\"" }

    /// `PRAGMA application_id` of every dataset.sqlite: "ITAX" in ASCII, so that `file` and readers
    /// can tell the file is an ita-extract dataset.
    static let applicationID: Int32 = 0x4954_4158

    /// What makes the file describe itself: its schema version (`PRAGMA user_version`), its
    /// application id, indexes on the columns people join and filter on, and the panel view.
    static var selfDescription: [String] {
        [
            "PRAGMA user_version = \(Int(Manifest.currentSchemaVersion) ?? 0)",
            "PRAGMA application_id = \(applicationID)",
            "CREATE INDEX \"reports_unit_key\" ON \"reports\" (\"unit_key\")",
            "CREATE INDEX \"reports_assessment_year\" ON \"reports\" (\"assessment_year\")",
            "CREATE INDEX \"indicator_scores_year\" ON \"indicator_scores\" (\"year\")",
            "CREATE INDEX \"question_scores_year\" ON \"question_scores\" (\"year\")",
            PanelView.ddl,
        ]
    }

    /// Calls `body` with each row of `table` (its schema columns, in order): a table's rows in the
    /// order they were written (the CSV's order), a view's in its own order.
    func forEachRow(of table: TableSchema, isView: Bool = false, _ body: ([Cell]) throws -> Void) throws {
        guard let queue else { throw DatasetWriterError.closed }
        let sql = "SELECT \(table.columnNames.map(SQLiteTableWriter.quote).joined(separator: ", ")) FROM \(SQLiteTableWriter.quote(table.name))"
            + (isView ? "" : " ORDER BY rowid")
        try queue.read { db in
            let rows = try Row.fetchCursor(db, sql: sql)
            while let row = try rows.next() {
                try body((0..<row.count).map { i -> Cell in
                    switch row[i] as DatabaseValue? {
                    case .some(let v):
                        switch v.storage {
                        case .int64(let n): return .int(Int(n))
                        case .string(let t): return .text(t)
                        case .double(let d): return .text(String(d))
                        case .null, .blob: return .null
                        }
                    case .none: return .null
                    }
                })
            }
        }
    }

    /// Inserts all rows of one document in one transaction.
    func insert(_ rows: [(TableSchema, [[Cell]])]) throws {
        guard let queue else { throw DatasetWriterError.closed }
        do { try insert(rows, into: queue) } catch { throw SQLiteTableWriter.explained(error, url) }
    }

    private func insert(_ rows: [(TableSchema, [[Cell]])], into queue: DatabaseQueue) throws {
        try queue.write { db in
            for (table, tableRows) in rows where !tableRows.isEmpty {
                let decimals = table.columns.indices.filter { table.columns[$0].type == .decimal }
                let count = table.columns.count + decimals.count
                let sql = "INSERT INTO \(SQLiteTableWriter.quote(table.name)) VALUES (\(Array(repeating: "?", count: count).joined(separator: ", ")))"
                let statement = try db.cachedStatement(sql: sql)
                for cells in tableRows {
                    var values: [DatabaseValueConvertible?] = cells.map(SQLiteTableWriter.value)
                    for i in decimals {
                        if case let .text(s) = cells[i], RecordRows.isASCIIDecimal(s) { values.append(Double(s)) } else { values.append(nil) }
                    }
                    try statement.execute(arguments: StatementArguments(values))
                }
            }
        }
    }

    private static func value(_ cell: Cell) -> DatabaseValueConvertible? {
        switch cell {
        case .null: return nil
        case let .text(s): return s
        case let .int(i): return i
        }
    }

    /// Closes the database.
    func close() throws {
        if let q = queue {
            queue = nil
            do { try q.close() } catch { throw SQLiteTableWriter.explained(error, url) }
        }
    }

    /// Closes the database (the staging folder it is in gets deleted).
    func discard() {
        if let q = queue { queue = nil; try? q.close() }
    }

    private static func removeFiles(at url: URL) {
        for suffix in ["", "-journal", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: url.path + suffix)
        }
    }
}
