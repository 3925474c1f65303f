/// The SQL of the `panel` view (Tables.panel): one row per (unit_key, assessment_year) over the
/// documents that are not failed and have both. Each value column keeps the value the documents
/// agree on; where two give different values (scores compared as numbers, so 93.5 = 93.50) the
/// cell is empty, `conflict` is 1 and `conflict_fields` names the columns: a wrong value is worse
/// than an empty one, and `doc_ids` leads to both. Indicators are those of the assessment year.
/// panel.csv and the workbook's panel sheet are this view's rows, so the three cannot differ.
enum PanelView {
    /// Value columns: name, whether compared as a number.
    static let values: [(String, Bool)] = [("overall_score", true), ("rating", false)]
        + (1...10).map { ("ind_\($0)", true) }

    static var ddl: String {
        let indicators = (1...10).map { n in
            "(SELECT i.score FROM indicator_scores i WHERE i.doc_id = r.doc_id AND i.year = r.assessment_year AND i.indicator = \(n)) AS ind_\(n)"
        }
        func distinct(_ c: String, numeric: Bool) -> String {
            numeric ? "count(DISTINCT CAST(\(c) AS REAL))" : "count(DISTINCT \(c))"
        }
        let agreed = values.map { c, n in "CASE WHEN \(distinct(c, numeric: n)) = 1 THEN max(\(c)) END AS \(c)" }
        let anyConflict = values.map { c, n in "\(distinct(c, numeric: n)) > 1" }.joined(separator: " OR ")
        let fields = values.map { c, n in "CASE WHEN \(distinct(c, numeric: n)) > 1 THEN '\(c);' ELSE '' END" }
            .joined(separator: " || ")
        return """
        CREATE VIEW "panel" AS
        WITH doc AS (
          SELECT r.doc_id, r.unit_key, r.unit_name, r.unit_type, r.province, r.district, r.assessment_year,
                 r.overall_score, r.rating, r.province_code, r.district_code, r.subdistrict_code,
                 \(indicators.joined(separator: ",\n         "))
          FROM reports r
          WHERE r.status <> 'failed' AND r.unit_key IS NOT NULL AND r.assessment_year IS NOT NULL
        )
        SELECT unit_key, min(unit_name) AS unit_name, min(unit_type) AS unit_type, min(province) AS province,
               min(district) AS district, assessment_year,
               \(agreed.joined(separator: ",\n       ")),
               (SELECT group_concat(d.doc_id, ';') FROM (SELECT d2.doc_id FROM doc d2
                  WHERE d2.unit_key = doc.unit_key AND d2.assessment_year = doc.assessment_year ORDER BY d2.doc_id) d) AS doc_ids,
               CASE WHEN \(anyConflict) THEN 1 ELSE 0 END AS conflict,
               nullif(rtrim(\(fields), ';'), '') AS conflict_fields,
               min(province_code) AS province_code, min(district_code) AS district_code,
               min(subdistrict_code) AS subdistrict_code
        FROM doc GROUP BY unit_key, assessment_year ORDER BY unit_key, assessment_year
        """
    }
}
