/// The type of one output column, which fixes its CSV text, its SQLite type and its Table Schema type.
enum ColumnType: Equatable {
    case string
    case integer
    /// A decimal number kept exactly as printed ("93.50"): CSV text, Table Schema `number`,
    /// SQLite TEXT plus a REAL companion column `<name>_value`.
    case decimal
}

/// One column of an output table.
struct Column {
    let name: String
    let type: ColumnType
    let description: String
    /// Allowed values (Table Schema `enum` constraint), when the contract fixes them.
    var allowed: [String]? = nil
    /// Never empty (Table Schema `required`; SQLite NOT NULL).
    var required = false
}

/// One output table: the single definition from which the CSV header, the SQLite DDL and the
/// datapackage.json schema are all derived, so the three cannot drift apart.
struct TableSchema {
    let name: String
    let columns: [Column]
    /// The key used by the CSV's Table Schema and by SQLite as PRIMARY KEY (never-null columns only).
    let primaryKey: [String]
    /// The natural key whose columns may be empty (e.g. year): a UNIQUE index in SQLite over
    /// `ifnull(column, ...)` because SQLite treats NULLs as distinct in a plain UNIQUE constraint.
    var naturalKey: [String] = []
    /// Whether `doc_id` references reports.doc_id.
    var referencesReports = true

    var columnNames: [String] { columns.map(\.name) }
}

/// A cell value before it is written: nil for "not found".
enum Cell: Equatable {
    case null
    case text(String)
    case int(Int)

    init(_ s: String?) { self = s.map { .text($0) } ?? .null }
    init(_ i: Int?) { self = i.map { .int($0) } ?? .null }

    /// The CSV form: empty for null, ASCII digits for integers.
    var csvText: String {
        switch self {
        case .null: return ""
        case let .text(s): return s
        case let .int(i): return String(i)
        }
    }
}
