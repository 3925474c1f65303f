import ITAModel

/// The output tables of DATASET.md. Contract columns first, in contract order; added columns after them.
enum Tables {
    static let docID = Column(name: "doc_id", type: .string,
                              description: "First 16 hex digits of the file's SHA-256", required: true)

    /// Whether the document's own arithmetic confirms a score (DATASET.md, additions in schema 1).
    static let check = Column(name: "check", type: .string,
                              description: "consistent: the document's arithmetic confirms the score (indicator = mean of its questions, OIT indicator = mean of sub-indicator means, overall = weighted tools); inconsistent: it contradicts it (a warning gives the numbers); empty: nothing to check against",
                              allowed: ScoreCheck.allCases.map(\.rawValue))

    static let reports = TableSchema(
        name: "reports",
        columns: [
            docID,
            Column(name: "source_path", type: .string, description: "Path as given on the command line", required: true),
            Column(name: "sha256", type: .string, description: "SHA-256 of the file, hex", required: true),
            Column(name: "pages", type: .integer, description: "Number of pages"),
            Column(name: "text_source", type: .string, description: "Where the text came from",
                   allowed: ["native", "ocr", "mixed", "none"]),
            Column(name: "unit_name", type: .string, description: "Full official name of the unit with its type prefix"),
            Column(name: "unit_type", type: .string, description: "Type of local-government unit",
                   allowed: UnitType.allCases.map(\.rawValue)),
            Column(name: "district", type: .string, description: "District (amphoe), without the prefix"),
            Column(name: "province", type: .string, description: "Province (changwat), without the prefix"),
            Column(name: "assessment_year", type: .integer, description: "Buddhist Era year whose ITA results are analysed"),
            Column(name: "plan_year", type: .integer, description: "Buddhist Era year the measures apply to"),
            Column(name: "overall_score", type: .decimal, description: "Overall ITA score as printed"),
            Column(name: "rating", type: .string, description: "ITA rating", allowed: Rating.allCases.map(\.rawValue)),
            Column(name: "status", type: .string, description: "Outcome of the extraction",
                   allowed: ["ok", "partial", "failed"], required: true),
            Column(name: "warnings", type: .string, description: "Distinct warning codes, ';'-separated, first seen first"),
            // Added after the contract columns.
            Column(name: "rank", type: .integer, description: "Rank among units of its type, where printed"),
            Column(name: "previous_score", type: .decimal, description: "Previous year's overall score, where printed"),
            Column(name: "warning_count", type: .integer, description: "Number of warnings (all occurrences)",
                   required: true),
            Column(name: "error_stage", type: .string, description: "Stage that failed (failed documents)"),
            Column(name: "error_reason", type: .string, description: "Machine-readable failure reason (failed documents)"),
            Column(name: "province_code", type: .string, description: "DOPA province code (2 digits), from the gazetteer"),
            Column(name: "district_code", type: .string, description: "DOPA district code (4 digits), from the gazetteer"),
            Column(name: "subdistrict_code", type: .string,
                   description: "DOPA subdistrict code (6 digits) of a unit named after its subdistrict"),
            Column(name: "unit_key", type: .string,
                   description: "The agency's identifier across documents and years: type tag + most specific code (+ own name)"),
        ],
        primaryKey: ["doc_id"], referencesReports: false)

    static let indicatorScores = TableSchema(
        name: "indicator_scores",
        columns: [
            docID,
            Column(name: "year", type: .integer, description: "Buddhist Era year of the score (empty when not printed)"),
            Column(name: "indicator", type: .integer, description: "ITA indicator 1-10", required: true),
            Column(name: "tool", type: .string, description: "Assessment tool", allowed: Tool.allCases.map(\.rawValue),
                   required: true),
            Column(name: "name", type: .string, description: "Indicator name as printed"),
            Column(name: "score", type: .decimal, description: "Score as printed", required: true),
            Column(name: "page", type: .integer, description: "1-based page the score was read on", required: true),
            Column(name: "row_no", type: .integer, description: "Position of the row within its document, from 1",
                   required: true),
            // Added after the contract columns.
            check,
        ],
        primaryKey: ["doc_id", "row_no"], naturalKey: ["doc_id", "year", "indicator"])

    static let questionScores = TableSchema(
        name: "question_scores",
        columns: [
            docID,
            Column(name: "year", type: .integer, description: "Buddhist Era year of the score (empty when not printed)"),
            Column(name: "code", type: .string, description: "Question code, e.g. i1, e15, o21", required: true),
            Column(name: "tool", type: .string, description: "Assessment tool", allowed: Tool.allCases.map(\.rawValue),
                   required: true),
            Column(name: "question", type: .string, description: "Question text as printed"),
            Column(name: "score", type: .decimal, description: "Score as printed", required: true),
            Column(name: "page", type: .integer, description: "1-based page the score was read on", required: true),
            Column(name: "row_no", type: .integer, description: "Position of the row within its document, from 1",
                   required: true),
            // Added after the contract columns.
            check,
        ],
        primaryKey: ["doc_id", "row_no"], naturalKey: ["doc_id", "year", "code"])

    static let measures = TableSchema(
        name: "measures",
        columns: [
            docID,
            Column(name: "issue", type: .string, description: "Issue or topic the row addresses"),
            Column(name: "indicator", type: .integer, description: "ITA indicator the row addresses, when named"),
            Column(name: "measure", type: .string, description: "The measure"),
            Column(name: "steps", type: .string, description: "Steps / method (may hold line breaks)"),
            Column(name: "period", type: .string, description: "Period, as printed"),
            Column(name: "owner", type: .string, description: "Responsible office"),
            Column(name: "page", type: .integer, description: "1-based page of the row", required: true),
            Column(name: "row_no", type: .integer, description: "Position of the row within its document, from 1",
                   required: true),
        ],
        primaryKey: ["doc_id", "row_no"])

    /// Only in SQLite (and errors.jsonl): one row per failed or partial document.
    static let errors = TableSchema(
        name: "errors",
        columns: [
            docID,
            Column(name: "source_path", type: .string, description: "Path as given on the command line", required: true),
            Column(name: "status", type: .string, description: "failed or partial", allowed: ["partial", "failed"],
                   required: true),
            Column(name: "stage", type: .string, description: "Pipeline stage", required: true),
            Column(name: "reason", type: .string, description: "Machine-readable reason", required: true),
            Column(name: "message", type: .string, description: "Human-readable detail", required: true),
            Column(name: "pages", type: .integer, description: "Number of pages, when known"),
            Column(name: "warnings", type: .string, description: "Distinct warning codes, ';'-separated"),
        ],
        primaryKey: ["doc_id"])

    /// One row per (unit_key, assessment_year): a view in SQLite (PanelView), panel.csv, a sheet.
    static let panel = TableSchema(
        name: "panel",
        columns: [
            Column(name: "unit_key", type: .string, description: "The agency (reports.unit_key)", required: true),
            Column(name: "unit_name", type: .string, description: "Unit name (the first in text order when documents differ)"),
            Column(name: "unit_type", type: .string, description: "Type of local-government unit"),
            Column(name: "province", type: .string, description: "Province"),
            Column(name: "district", type: .string, description: "District"),
            Column(name: "assessment_year", type: .integer, description: "Buddhist Era year assessed", required: true),
            Column(name: "overall_score", type: .decimal, description: "Overall score (empty when documents disagree)"),
            Column(name: "rating", type: .string, description: "ITA rating (empty when documents disagree)"),
        ] + (1...10).map { n in
            Column(name: "ind_\(n)", type: .decimal,
                   description: "Indicator \(n) score of the assessment year (empty when not printed or documents disagree)")
        } + [
            Column(name: "doc_ids", type: .string, description: "Contributing documents, ';'-separated, sorted", required: true),
            Column(name: "conflict", type: .integer, description: "1 when two documents give different values, else 0",
                   required: true),
            Column(name: "conflict_fields", type: .string, description: "The columns the documents disagree on, ';'-separated"),
            Column(name: "province_code", type: .string, description: "DOPA province code"),
            Column(name: "district_code", type: .string, description: "DOPA district code"),
            Column(name: "subdistrict_code", type: .string, description: "DOPA subdistrict code"),
        ],
        primaryKey: ["unit_key", "assessment_year"], referencesReports: false)

    /// The CSV tables written row by row, in the order they are listed in datapackage.json.
    static let csvTables = [reports, indicatorScores, questionScores, measures]
    /// Every CSV file's table, panel.csv (written at the end, from the SQLite view) last.
    static let allCSVTables = csvTables + [panel]
    /// The SQLite tables, parents first.
    static let sqliteTables = [reports, indicatorScores, questionScores, measures, errors]
}
