import Foundation
import Mustache

/// `ita-extract review`: one self-contained HTML page to check a run by eye. Documents ordered by
/// trouble (failed, partial, an `inconsistent` check, warnings, the rest); for each, its values,
/// each beside a crop of the page it was read from with its box drawn (pages rendered through
/// poppler), corrected values marked as such, and its warnings; a filter box and keyboard
/// navigation. The HTML comes from a Mustache template (swift-mustache escapes every value,
/// `'` included), never from hand-escaped strings.
public enum ReviewPage {
    public struct Options {
        /// Folder the PDFs are under (source_path is tried below it, then its file name); nil: as recorded.
        public var pdfs: URL?
        public init(pdfs: URL? = nil) { self.pdfs = pdfs }
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// What was built, for the command's summary and tests.
    public struct Summary {
        public var documents = 0
        public var values = 0
        public var crops = 0
        /// Documents whose PDF was not found (their values are listed without crops).
        public var missingPDFs: [String] = []
    }

    /// Builds the page for the run in `run`.
    public static func build(run: URL, options: Options = Options()) throws -> (html: String, summary: Summary) {
        let url = run.appendingPathComponent("reports.jsonl")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw Failure(description: "\(url.path): missing or not UTF-8 (is this a run folder?)")
        }
        var docs: [[String: Any]] = []
        for (i, line) in text.split(separator: "\n").enumerated() {
            guard let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw Failure(description: "\(url.path): line \(i + 1) is not a JSON object")
            }
            docs.append(o)
        }
        var summary = Summary()
        let ordered = docs.map { ($0, trouble($0)) }
            .sorted { a, b in a.1 != b.1 ? a.1 < b.1 : (a.0["source_path"] as? String ?? "") < (b.0["source_path"] as? String ?? "") }
        var contexts: [[String: Any]] = []
        for (n, (doc, level)) in ordered.enumerated() {
            contexts.append(document(doc, index: n, trouble: level, options: options, summary: &summary))
        }
        summary.documents = docs.count
        let template = try MustacheTemplate(string: ReviewTemplate.page)
        let html = template.render([
            "run": run.path, "count": docs.count, "values": summary.values, "crops": summary.crops,
            "docs": contexts, "css": ReviewTemplate.css, "script": ReviewTemplate.script,
        ] as [String: Any])
        return (html, summary)
    }

    static let troubleNames = ["failed", "partial", "inconsistent check", "warnings", "ok"]

    /// 0 failed, 1 partial, 2 an inconsistent check, 3 warnings, 4 the rest.
    static func trouble(_ d: [String: Any]) -> Int {
        switch d["status"] as? String {
        case "failed": return 0
        case "partial": return 1
        default: break
        }
        let rows = (d["indicator_scores"] as? [[String: Any]] ?? []) + (d["question_scores"] as? [[String: Any]] ?? [])
        if rows.contains(where: { $0["check"] as? String == "inconsistent" }) { return 2 }
        if !(d["warning_list"] as? [[String: Any]] ?? []).isEmpty { return 3 }
        return 4
    }

    private static func pdfPath(_ source: String, _ options: Options) -> String? {
        let fm = FileManager.default
        var candidates: [String] = []
        if let dir = options.pdfs {
            candidates = [dir.appendingPathComponent(source).path,
                          dir.appendingPathComponent((source as NSString).lastPathComponent).path]
        } else {
            candidates = [source]
        }
        return candidates.first { fm.fileExists(atPath: $0) }
    }

    /// One value to show: label, value, its provenance.
    private static func value(_ label: String, _ v: Any?, _ source: [String: Any]?, cropper: PageCropper?,
                              summary: inout Summary) -> [String: Any] {
        var out: [String: Any] = ["label": label, "value": text(v)]
        summary.values += 1
        guard let s = source else { out["nobox"] = "no provenance"; return out }
        let page = s["page"] as? Int ?? 0
        out["page"] = page
        out["raw"] = s["raw"] as? String ?? ""
        if s["via"] as? String == "correction" {
            out["corrected"] = ["extracted": text(s["extracted"]), "reason": s["reason"] as? String ?? ""]
        } else if s["via"] as? String == "gazetteer", s["extracted"] != nil {
            out["gazetteer"] = ["extracted": text(s["extracted"])]
        }
        guard let box = s["box"] as? [String: Any], page > 0,
              let x0 = box["x0"] as? Double, let y0 = box["y0"] as? Double,
              let x1 = box["x1"] as? Double, let y1 = box["y1"] as? Double else {
            out["nobox"] = page > 0 ? "no box recorded" : "not read from a page"
            return out
        }
        guard let cropper else { out["nobox"] = "PDF not found"; return out }
        guard let c = cropper.crop(page: page, x0: x0, y0: y0, x1: x1, y1: y1) else {
            out["nobox"] = "page \(page) could not be rendered"
            return out
        }
        summary.crops += 1
        out["crop"] = ["w": c.width, "h": c.height, "png": c.png.base64EncodedString(),
                       "x": fmt(c.x), "y": fmt(c.y), "bw": fmt(c.w), "bh": fmt(c.h)]
        return out
    }

    private static func fmt(_ d: Double) -> String { String(format: "%.1f", d) }

    private static func text(_ v: Any?) -> String {
        switch v {
        case nil, is NSNull: return ""
        case let s as String: return s
        case let n as NSNumber: return n.stringValue
        default: return "\(v!)"
        }
    }

    /// Report fields shown, in reports.csv order.
    static let reportFields = ["unit_name", "unit_type", "district", "province", "assessment_year", "plan_year",
                               "overall_score", "rating", "rank", "previous_score"]

    private static func document(_ d: [String: Any], index: Int, trouble: Int, options: Options,
                                 summary: inout Summary) -> [String: Any] {
        let path = d["source_path"] as? String ?? ""
        let pdf = pdfPath(path, options)
        let cropper = pdf.flatMap { PageCropper(path: $0) }
        if cropper == nil && d["status"] as? String != "failed" { summary.missingPDFs.append(path) }
        let provenance = d["provenance"] as? [String: [String: Any]] ?? [:]
        var values: [[String: Any]] = []
        for f in reportFields where !(d[f] is NSNull) && d[f] != nil {
            values.append(value(f, d[f], provenance[f], cropper: cropper, summary: &summary))
        }
        for r in d["indicator_scores"] as? [[String: Any]] ?? [] {
            let label = "indicator \(text(r["indicator"])) (\(text(r["year"]).isEmpty ? "year?" : text(r["year"])))"
            var v = value(label, r["score"], r["source"] as? [String: Any], cropper: cropper, summary: &summary)
            if let c = r["check"] as? String { v["check"] = c }
            values.append(v)
        }
        for r in d["question_scores"] as? [[String: Any]] ?? [] {
            let label = "\(text(r["code"])) (\(text(r["year"]).isEmpty ? "year?" : text(r["year"])))"
            var v = value(label, r["score"], r["source"] as? [String: Any], cropper: cropper, summary: &summary)
            if let c = r["check"] as? String { v["check"] = c }
            values.append(v)
        }
        for (i, r) in (d["measures"] as? [[String: Any]] ?? []).enumerated() {
            let what = [r["issue"], r["measure"], r["owner"], r["period"]].map(text).filter { !$0.isEmpty }.joined(separator: " | ")
            values.append(value("measure row \(i + 1)", what, r["source"] as? [String: Any], cropper: cropper, summary: &summary))
        }
        let warnings = (d["warning_list"] as? [[String: Any]] ?? []).map { w -> [String: Any] in
            ["code": text(w["code"]), "message": text(w["message"]), "page": text(w["page"])]
        }
        let error = d["error"] as? [String: Any]
        let unit = text(d["unit_name"])
        let codes = warnings.map { $0["code"] as! String }.joined(separator: " ")
        var out: [String: Any] = [
            "n": index + 1, "id": "doc-\(index + 1)", "path": path, "docID": text(d["doc_id"]),
            "status": text(d["status"]), "trouble": troubleNames[trouble], "level": trouble,
            "unit": unit, "year": text(d["assessment_year"]),
            "filter": "\(path) \(unit) \(text(d["status"])) \(troubleNames[trouble]) \(codes)".lowercased(),
            "values": values, "warnings": warnings, "valueCount": values.count, "warningCount": warnings.count,
        ]
        if let error { out["error"] = "\(text(error["stage"])): \(text(error["reason"])): \(text(error["message"]))" }
        if cropper == nil && d["status"] as? String != "failed" { out["missingPDF"] = pdf ?? path }
        return out
    }
}
