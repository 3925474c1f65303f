/// One indicator score (1-10) for one year, as printed.
public struct IndicatorScore: Codable, Hashable, Sendable {
    /// Buddhist Era fiscal year the score belongs to (nil when the document does not say).
    public var year: Int?
    public var indicator: Int
    public var tool: Tool
    /// The indicator's name as printed, normalised.
    public var name: String?
    /// The score as printed, ASCII digits, e.g. "93.57".
    public var score: String
    public var page: Int
    public var source: Provenance?
    /// Whether the document's own arithmetic confirms the score (nil: nothing to check against).
    public var check: ScoreCheck?

    public init(year: Int?, indicator: Int, tool: Tool, name: String?, score: String, page: Int, source: Provenance?,
                check: ScoreCheck? = nil) {
        self.year = year; self.indicator = indicator; self.tool = tool; self.name = name
        self.score = score; self.page = page; self.source = source; self.check = check
    }
}

/// One per-question score (i1..., e1..., o1...), as printed.
public struct QuestionScore: Codable, Hashable, Sendable {
    public var year: Int?
    /// Canonical code: lower-case tool letter and ASCII number, e.g. "o21".
    public var code: String
    public var tool: Tool
    /// The question text as printed, normalised (nil when only the code was printed).
    public var question: String?
    public var score: String
    public var page: Int
    public var source: Provenance?
    /// Whether the document's own arithmetic confirms the score (nil: nothing to check against).
    public var check: ScoreCheck?

    public init(year: Int?, code: String, tool: Tool, question: String?, score: String, page: Int, source: Provenance?,
                check: ScoreCheck? = nil) {
        self.year = year; self.code = code; self.tool = tool; self.question = question
        self.score = score; self.page = page; self.source = source; self.check = check
    }
}

/// One row of an action-plan ("measures") table.
public struct Measure: Codable, Hashable, Sendable {
    /// The issue (ประเด็น) or topic the row addresses, as printed.
    public var issue: String?
    /// The indicator number the row addresses, when it names one.
    public var indicator: Int?
    public var measure: String?
    public var steps: String?
    public var period: String?
    public var owner: String?
    public var page: Int
    public var source: Provenance?

    public init(issue: String?, indicator: Int?, measure: String?, steps: String?, period: String?, owner: String?,
                page: Int, source: Provenance?) {
        self.issue = issue; self.indicator = indicator; self.measure = measure; self.steps = steps
        self.period = period; self.owner = owner; self.page = page; self.source = source
    }

    /// True when no cell of the row holds text: an OCR'd row whose every cell no check confirmed
    /// (`RecognisedPlanCells`) says that a row is there, not what it plans.
    public var hasNoCell: Bool { [issue, measure, steps, period, owner].allSatisfy { $0 == nil } }

    /// True when `rows` were found but none holds a cell: the plan is counted, not read.
    public static func noneRead(_ rows: [Measure]) -> Bool { !rows.isEmpty && rows.allSatisfy(\.hasNoCell) }
}

/// A non-fatal finding about a document: a cross-check that failed, a page that could not be read...
public struct Warning: Codable, Hashable, Sendable {
    /// Short stable code, e.g. "no_text_layer", "indicator_mean_mismatch" (the `warnings` column).
    public var code: WarningCode
    /// Human-readable detail with the numbers involved.
    public var message: String
    public var page: Int?

    public init(code: WarningCode, message: String, page: Int? = nil) {
        self.code = code; self.message = message; self.page = page
    }
}

/// The report-level facts (the reports.csv fields), each traced to its source.
public struct ReportFields: Codable, Hashable, Sendable {
    public var unitName: Traced<String>?
    public var unitType: Traced<String>?
    public var district: Traced<String>?
    public var province: Traced<String>?
    public var assessmentYear: Traced<Int>?
    public var planYear: Traced<Int>?
    public var overallScore: Traced<String>?
    public var rating: Traced<String>?
    /// Rank among units of its type, where printed.
    public var rank: Traced<Int>?
    /// The previous year's overall score, where printed.
    public var previousScore: Traced<String>?
    /// DOPA codes of the province, district and (for a unit named after its subdistrict) subdistrict,
    /// looked up in the gazetteer (Sources/UnitIdentity); the source is where the name was read.
    public var provinceCode: Traced<String>?
    public var districtCode: Traced<String>?
    public var subdistrictCode: Traced<String>?
    /// One agency's identifier across documents and years (unit type + most specific code [+ name]).
    public var unitKey: Traced<String>?

    public init() {}
}

/// Everything read from one document: the full record written to reports.jsonl.
public struct ReportRecord: Codable, Hashable, Sendable {
    public var docID: String
    public var sourcePath: String
    public var sha256: String
    public var pages: Int?
    public var textSource: TextSource?
    public var status: DocumentStatus
    public var fields: ReportFields
    public var indicators: [IndicatorScore]
    public var questions: [QuestionScore]
    public var measures: [Measure]
    public var warnings: [Warning]
    /// Set when the document failed: what went wrong.
    public var error: DocumentError?
    /// Scores OCR read that were left empty, with what was read (reports.jsonl only; nil when none).
    public var ocrDropped: [OCRDroppedScore]? = nil

    public init(docID: String, sourcePath: String, sha256: String, pages: Int? = nil, textSource: TextSource? = nil,
                status: DocumentStatus = .ok, fields: ReportFields = ReportFields(), indicators: [IndicatorScore] = [],
                questions: [QuestionScore] = [], measures: [Measure] = [], warnings: [Warning] = [],
                error: DocumentError? = nil) {
        self.docID = docID; self.sourcePath = sourcePath; self.sha256 = sha256; self.pages = pages
        self.textSource = textSource; self.status = status; self.fields = fields; self.indicators = indicators
        self.questions = questions; self.measures = measures; self.warnings = warnings; self.error = error
    }
}

/// Why a document failed or was only partly read (one line of errors.jsonl).
public struct DocumentError: Codable, Hashable, Sendable, Error {
    /// Pipeline stage: "read", "extract", "normalise", "layout", "interpret", "write".
    public var stage: String
    /// Machine-readable reason: "not_pdf", "encrypted", "damaged", "empty_file", "no_text_layer", ...
    public var reason: String
    public var message: String

    public init(stage: String, reason: String, message: String) {
        self.stage = stage; self.reason = reason; self.message = message
    }
}
