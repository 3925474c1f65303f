import Foundation
import Mustache

/// The diff as one self-contained HTML file (inline CSS, SVG and JS, no network): summary cards, a
/// bar chart of changes per field (and F1 per category when gold was given), the document lists
/// and a filterable table of changed values. Written as well-formed XHTML-style markup (script and
/// style in CDATA sections) so that XML tools can read it too. The markup is a Mustache template
/// (swift-mustache escapes every value, `'` included); Swift only computes the numbers.
public enum DiffHTMLRenderer {
    /// Renders `d` as a complete HTML document.
    public static func render(_ d: DiffResult) -> String {
        var context: [String: Any] = [
            "runA": d.runA, "runB": d.runB, "cards": cards(d), "css": css, "script": script,
            "changeCount": d.changes.count, "fields": d.fieldCounts.map { ["field": $0.field, "changes": $0.changes] },
            "changes": d.changes.map { c -> [String: Any] in
                var row: [String: Any] = ["document": c.document, "field": c.field, "key": c.key,
                                          "text": "\(c.document) \(c.field) \(c.key)".lowercased()]
                row["before"] = cell(c.before)
                row["after"] = cell(c.after)
                return row
            },
        ]
        if let v = d.toolVersionA { context["versionA"] = v }
        if let v = d.toolVersionB { context["versionB"] = v }
        if !d.fieldCounts.isEmpty { context["changeChart"] = changeChart(d.fieldCounts) }
        if let acc = d.accuracy, !acc.isEmpty { context["accuracyChart"] = accuracyChart(acc) }
        let (main, content) = documentLists(d)
        if !main.isEmpty { context["mainDocs"] = main; context["hasMain"] = true }
        if !content.isEmpty {
            context["contentDocs"] = ["rows": content, "count": content.count, "open": content.count <= 8] as [String: Any]
        }
        // The template is a constant: a parse error is a programming error caught by every test.
        let template = try! MustacheTemplate(string: DiffTemplate.page)
        return template.render(context)
    }

    static func cards(_ d: DiffResult) -> [[String: Any]] {
        let cards: [(String, String, String)] = [
            ("Documents", "\(d.documentsA) \u{2192} \(d.documentsB)", ""),
            ("Changed values", "\(d.changes.count)", d.changes.isEmpty ? "" : "warn"),
            ("Documents with changes", "\(d.documentsChanged)", ""),
            ("Fields with changes", "\(d.fieldCounts.count)", ""),
            ("Added", "\(d.added.count)", ""),
            ("Removed", "\(d.removed.count)", d.removed.isEmpty ? "" : "warn"),
            ("Content changed", "\(d.contentChanged.count)", ""),
            ("Newly failed", "\(d.newlyFailed.count)", d.newlyFailed.isEmpty ? "" : "bad"),
            ("Recovered", "\(d.recovered.count)", d.recovered.isEmpty ? "" : "good"),
        ]
        return cards.map { ["label": $0.0, "num": $0.1, "cls": $0.2] }
    }

    static func changeChart(_ counts: [FieldCount]) -> [String: Any] {
        let rowH = 24, labelW = 300, barW = 560, top = 6
        let maxCount = max(1, counts.map(\.changes).max() ?? 1)
        let bars = counts.enumerated().map { i, c -> [String: Any] in
            let y = top + i * rowH
            let w = max(2, Int((Double(c.changes) / Double(maxCount) * Double(barW)).rounded()))
            return ["field": c.field, "changes": c.changes, "labelX": labelW - 8, "textY": y + 16, "barX": labelW,
                    "barY": y + 3, "w": w, "h": rowH - 6, "valX": labelW + w + 6]
        }
        return ["width": labelW + barW + 80, "height": top * 2 + rowH * counts.count, "bars": bars]
    }

    static func accuracyChart(_ acc: [AccuracyChange]) -> [String: Any] {
        let rowH = 34, labelW = 300, barW = 500, top = 28
        let rows = acc.enumerated().map { i, a -> [String: Any] in
            let y = top + i * rowH
            let bars = [a.before, a.after].enumerated().map { j, v -> [String: Any] in
                let by = y + 3 + j * 14
                let w = Int(((v ?? 0) * Double(barW)).rounded())
                var bar: [String: Any] = ["cls": j == 0 ? "before" : "after", "x": labelW, "y": by, "w": max(1, w),
                                          "valX": labelW + w + 6, "valY": by + 11,
                                          "label": v.map { String(format: "%.3f", $0) } ?? "n/a"]
                if j == 1, let b = a.before, let v, abs(v - b) >= 0.0005 {
                    // The change, coloured: green when F1 rose, red when it fell.
                    bar["delta"] = ["cls": v > b ? "up" : "down", "text": String(format: "%+.3f", v - b)]
                }
                return bar
            }
            return ["category": a.category, "labelX": labelW - 8, "textY": y + 19, "bars": bars]
        }
        return ["width": labelW + barW + 140, "height": top + rowH * acc.count + 6, "legendX": labelW,
                "legendTextX": labelW + 20, "legendX2": labelW + 90, "legendTextX2": labelW + 110, "rows": rows]
    }

    static func documentLists(_ d: DiffResult) -> (main: [[String: Any]], content: [[String: Any]]) {
        var main: [(String, String, String)] = []
        main += d.newlyFailed.map { ("newly failed", $0.sourcePath, "\($0.before) → \($0.after)" + ($0.reason.map { ": \($0)" } ?? "")) }
        main += d.recovered.map { ("recovered", $0.sourcePath, "\($0.before) → \($0.after)") }
        main += d.added.map { ("added", $0.sourcePath, "\($0.docID), \($0.status)") }
        main += d.removed.map { ("removed", $0.sourcePath, "\($0.docID), \($0.status)") }
        main += d.columnsAdded.map { ("column added", $0, "only in the later run; not compared") }
        main += d.columnsRemoved.map { ("column removed", $0, "only in the earlier run; not compared") }
        let content = d.contentChanged.map {
            ("content changed", $0.sourcePath, "sha256 \($0.before.prefix(16)) → \($0.after.prefix(16))")
        }
        func rows(_ r: [(String, String, String)]) -> [[String: Any]] {
            r.map { ["change": $0.0, "cls": $0.0.replacingOccurrences(of: " ", with: "-"), "what": $0.1, "detail": $0.2] }
        }
        return (rows(main), rows(content))
    }

    /// A before/after cell: the value, or a marker for no row / an empty value.
    static func cell(_ v: String?) -> [String: Any] {
        guard let v else { return ["none": "(no row)"] }
        return v.isEmpty ? ["none": "(empty)"] : ["value": v]
    }

    static let css = """

    body { font-family: "Noto Sans Thai", "Garuda", "Laksaman", sans-serif; margin: 24px 32px; color: #1d2530; background: #fafbfc; font-size: 15px; }
    h1 { font-size: 24px; margin: 0 0 6px 0; }
    h2 { font-size: 18px; margin: 26px 0 10px 0; border-bottom: 1px solid #d5dbe3; padding-bottom: 4px; }
    code { background: #eef1f5; padding: 1px 5px; border-radius: 3px; }
    .runs { color: #4a5563; margin: 0 0 14px 0; }
    .cards { display: flex; flex-wrap: wrap; gap: 10px; }
    .card { background: #fff; border: 1px solid #d5dbe3; border-radius: 6px; padding: 10px 14px; min-width: 120px; }
    .card .num { font-size: 24px; font-weight: bold; }
    .card .lbl { color: #5b6675; font-size: 13px; }
    .card.warn .num { color: #b26a00; } .card.bad .num { color: #c62828; } .card.good .num { color: #2e7d32; }
    svg.chart { background: #fff; border: 1px solid #d5dbe3; border-radius: 6px; font-family: inherit; font-size: 13px; }
    svg.chart rect { fill: #3b78c2; } svg.chart .bar { cursor: pointer; } svg.chart .bar:hover rect { fill: #21508a; }
    svg.chart rect.before { fill: #a9b3c1; } svg.chart rect.after { fill: #3b78c2; }
    svg.chart text { fill: #1d2530; } svg.chart text.val { fill: #4a5563; }
    svg.chart tspan.up { fill: #2e7d32; font-weight: bold; } svg.chart tspan.down { fill: #c62828; font-weight: bold; }
    details > summary { cursor: pointer; font-size: 18px; font-weight: bold; margin: 26px 0 10px 0; }
    table { border-collapse: collapse; background: #fff; width: 100%; }
    th, td { border: 1px solid #d5dbe3; padding: 4px 8px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
    #changes { table-layout: fixed; }
    #changes th:nth-child(1) { width: 21%; } #changes th:nth-child(2) { width: 13%; } #changes th:nth-child(3) { width: 8%; }
    #changes th:nth-child(4), #changes th:nth-child(5) { width: 29%; }
    table.docs { table-layout: fixed; } table.docs th:nth-child(1) { width: 12%; } table.docs th:nth-child(2) { width: 50%; }
    th { background: #eef1f5; position: sticky; top: 0; }
    td.before { background: #fdf0f0; } td.after { background: #eef8ef; }
    tr.newly-failed td:first-child, tr.removed td:first-child { color: #c62828; font-weight: bold; }
    tr.recovered td:first-child, tr.added td:first-child { color: #2e7d32; font-weight: bold; }
    .none { color: #8a94a3; font-style: italic; }
    .filters { margin: 0 0 10px 0; display: flex; gap: 10px; align-items: center; }
    #filter { font: inherit; padding: 5px 8px; width: 340px; border: 1px solid #b8c2cf; border-radius: 4px; }
    #field { font: inherit; padding: 4px; }
    #shown { color: #5b6675; }

    """

    static let script = """
    (function () {
      var q = document.getElementById('filter'), f = document.getElementById('field');
      var shown = document.getElementById('shown');
      var rows = document.querySelectorAll('#changes tbody tr');
      function apply() {
        var t = q.value.trim().toLowerCase(), fv = f.value, n = 0;
        for (var i = 0; i < rows.length; i++) {
          var r = rows[i];
          var ok = (fv === '' || r.getAttribute('data-field') === fv) &&
                   (t === '' || r.getAttribute('data-text').indexOf(t) !== -1);
          r.style.display = ok ? '' : 'none';
          if (ok) { n++; }
        }
        shown.textContent = n + ' of ' + rows.length + ' shown';
      }
      q.addEventListener('input', apply);
      f.addEventListener('change', apply);
      var bars = document.querySelectorAll('svg .bar');
      for (var i = 0; i < bars.length; i++) {
        bars[i].addEventListener('click', function () {
          var v = this.getAttribute('data-field');
          f.value = (f.value === v) ? '' : v;
          apply();
          document.getElementById('changes').scrollIntoView();
        });
      }
      apply();
    })();
    """
}
