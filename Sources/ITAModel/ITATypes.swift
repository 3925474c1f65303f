/// The three ITA assessment tools. Which indicators each tool has is data: Mappings/ita/indicators.json.
public enum Tool: String, Codable, CaseIterable, Sendable, Comparable {
    /// Internal Integrity and Transparency Assessment (staff survey), indicators 1-5
    case iit = "IIT"
    /// External Integrity and Transparency Assessment (public survey), indicators 6-8
    case eit = "EIT"
    /// Open Data Integrity and Transparency Assessment (website audit), indicators 9-10
    case oit = "OIT"

    // The letters its question codes are printed with are data: `QuestionCodeLetters`
    // (Mappings/ita/question-code-lookalikes.json).

    public static func < (a: Tool, b: Tool) -> Bool { a.order < b.order }
    private var order: Int { switch self { case .iit: return 0; case .eit: return 1; case .oit: return 2 } }
}

/// The five ITA ratings, best first, spelt as DATASET.md requires.
public enum Rating: String, Codable, CaseIterable, Sendable {
    case excellent = "ผ่านดีเยี่ยม"
    case good = "ผ่านดี"
    case pass = "ผ่าน"
    case needsImprovement = "ต้องปรับปรุง"
    case urgent = "ต้องปรับปรุงโดยด่วน"
}

/// The type of a local-government unit, spelt as DATASET.md requires.
public enum UnitType: String, Codable, CaseIterable, Sendable {
    case cityMunicipality = "เทศบาลนคร"
    case townMunicipality = "เทศบาลเมือง"
    case subdistrictMunicipality = "เทศบาลตำบล"
    case sao = "องค์การบริหารส่วนตำบล"
    case pao = "องค์การบริหารส่วนจังหวัด"
    case other = "other"
}

/// How a document's text was obtained.
public enum TextSource: String, Codable, Sendable {
    case native, ocr, mixed, none
}

/// Outcome of one document.
public enum DocumentStatus: String, Codable, Sendable {
    case ok, partial, failed
}

/// What the document's own arithmetic says about a score (the `check` column): an indicator equal
/// to the mean of its printed questions (OIT: of its sub-indicator means), an overall equal to
/// its weighted tools.
public enum ScoreCheck: String, Codable, CaseIterable, Sendable {
    case consistent, inconsistent
}
