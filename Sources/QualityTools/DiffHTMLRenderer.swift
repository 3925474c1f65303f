import Foundation

/// The diff as one self-contained HTML file (inline CSS, SVG and JS, no network): summary cards, a
/// bar chart of changes per field (and F1 per category when gold was given), the document lists
/// and a filterable table of changed values. Written as well-formed XHTML-style markup (script and
/// style in CDATA sections) so that XML tools can read it too.
public enum DiffHTMLRenderer {
    /// Renders `d` as a complete HTML document.
    public static func render(_ d: DiffResult) -> String {
        var h = "<!DOCTYPE html>\n<html lang=\"th\" xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        h += "<title>ita-extract diff</title>\n<style>/*<![CDATA[*/\(css)/*]]>*/</style>\n</head>\n<body>\n"
        h += "<h1>ita-extract: what changed between two runs</h1>\n"
        h += "<p class=\"runs\">Before: <code>\(esc(d.runA))</code>\(d.toolVersionA.map { " (ita-extract \(esc($0)))" } ?? "")"
        h += " &#8594; After: <code>\(esc(d.runB))</code>\(d.toolVersionB.map { " (ita-extract \(esc($0)))" } ?? "")</p>\n"
        h += summaryCards(d)
        h += "<section>\n<h2>Changed values per field</h2>\n"
        h += d.fieldCounts.isEmpty ? "<p class=\"none\">No value changed.</p>\n" : changeChart(d.fieldCounts)
        h += "</section>\n"
        if let acc = d.accuracy, !acc.isEmpty {
            h += "<section>\n<h2>Accuracy per category (F1 against the gold files)</h2>\n\(accuracyChart(acc))</section>\n"
        }
        h += documentLists(d)
        h += changeTable(d)
        h += "<script>//<![CDATA[\n\(script)\n//]]></script>\n</body>\n</html>\n"
        return h
    }

    static func esc(_ s: String) -> String {
        var o = ""
        for ch in s {
            switch ch {
            case "&": o += "&amp;"
            case "<": o += "&lt;"
            case ">": o += "&gt;"
            case "\"": o += "&quot;"
            default: o.append(ch)
            }
        }
        return o
    }

    static func summaryCards(_ d: DiffResult) -> String {
        let cards: [(String, String, String)] = [
            ("Documents", "\(d.documentsA) &#8594; \(d.documentsB)", ""),
            ("Changed values", "\(d.changes.count)", d.changes.isEmpty ? "" : "warn"),
            ("Documents with changes", "\(d.documentsChanged)", ""),
            ("Fields with changes", "\(d.fieldCounts.count)", ""),
            ("Added", "\(d.added.count)", ""),
            ("Removed", "\(d.removed.count)", d.removed.isEmpty ? "" : "warn"),
            ("Content changed", "\(d.contentChanged.count)", ""),
            ("Newly failed", "\(d.newlyFailed.count)", d.newlyFailed.isEmpty ? "" : "bad"),
            ("Recovered", "\(d.recovered.count)", d.recovered.isEmpty ? "" : "good"),
        ]
        return "<section class=\"cards\">\n" + cards.map { c in
            "<div class=\"card \(c.2)\"><div class=\"num\">\(c.1)</div><div class=\"lbl\">\(c.0)</div></div>\n"
        }.joined() + "</section>\n"
    }

    static func changeChart(_ counts: [FieldCount]) -> String {
        let rowH = 24, labelW = 300, barW = 560, top = 6
        let maxCount = max(1, counts.map(\.changes).max() ?? 1)
        let height = top * 2 + rowH * counts.count
        var s = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelW + barW + 80)\" height=\"\(height)\" role=\"img\" aria-label=\"changed values per field\">\n"
        for (i, c) in counts.enumerated() {
            let y = top + i * rowH
            let w = max(2, Int((Double(c.changes) / Double(maxCount) * Double(barW)).rounded()))
            s += "<g class=\"bar\" data-field=\"\(esc(c.field))\"><title>\(esc(c.field)): \(c.changes) changed values (click to filter)</title>"
            s += "<text x=\"\(labelW - 8)\" y=\"\(y + 16)\" text-anchor=\"end\">\(esc(c.field))</text>"
            s += "<rect x=\"\(labelW)\" y=\"\(y + 3)\" width=\"\(w)\" height=\"\(rowH - 6)\" rx=\"3\"/>"
            s += "<text class=\"val\" x=\"\(labelW + w + 6)\" y=\"\(y + 16)\">\(c.changes)</text></g>\n"
        }
        return s + "</svg>\n"
    }

    static func accuracyChart(_ acc: [AccuracyChange]) -> String {
        let rowH = 34, labelW = 300, barW = 500, top = 28
        let height = top + rowH * acc.count + 6
        var s = "<svg class=\"chart acc\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelW + barW + 140)\" height=\"\(height)\" role=\"img\" aria-label=\"F1 per category\">\n"
        s += "<rect class=\"before\" x=\"\(labelW)\" y=\"6\" width=\"14\" height=\"10\"/><text x=\"\(labelW + 20)\" y=\"16\">before</text>"
        s += "<rect class=\"after\" x=\"\(labelW + 90)\" y=\"6\" width=\"14\" height=\"10\"/><text x=\"\(labelW + 110)\" y=\"16\">after</text>\n"
        for (i, a) in acc.enumerated() {
            let y = top + i * rowH
            s += "<g><text x=\"\(labelW - 8)\" y=\"\(y + 19)\" text-anchor=\"end\">\(esc(a.category))</text>"
            for (j, v) in [a.before, a.after].enumerated() {
                let by = y + 3 + j * 14
                let w = Int(((v ?? 0) * Double(barW)).rounded())
                s += "<rect class=\"\(j == 0 ? "before" : "after")\" x=\"\(labelW)\" y=\"\(by)\" width=\"\(max(1, w))\" height=\"12\"/>"
                var label = v.map { String(format: "%.3f", $0) } ?? "n/a"
                if j == 1, let b = a.before, let v, abs(v - b) >= 0.0005 {
                    // The change, coloured: green when F1 rose, red when it fell.
                    label += " <tspan class=\"\(v > b ? "up" : "down")\">(\(String(format: "%+.3f", v - b)))</tspan>"
                }
                s += "<text class=\"val\" x=\"\(labelW + w + 6)\" y=\"\(by + 11)\">\(label)</text>"
            }
            s += "</g>\n"
        }
        return s + "</svg>\n"
    }

    static func documentLists(_ d: DiffResult) -> String {
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
        var s = ""
        if !main.isEmpty { s += "<section>\n<h2>Documents and columns</h2>\n" + table(main) + "</section>\n" }
        if !content.isEmpty {
            // Folded when long (a regenerated corpus changes every file), so the value table stays in view.
            s += "<section>\n<details\(content.count <= 8 ? " open=\"open\"" : "")><summary>Files whose content changed (\(content.count))</summary>\n"
            s += table(content) + "</details>\n</section>\n"
        }
        return s
    }

    static func table(_ rows: [(String, String, String)]) -> String {
        var s = "<table class=\"docs\"><thead><tr><th>Change</th><th>Document or column</th><th>Detail</th></tr></thead><tbody>\n"
        for r in rows {
            let cls = r.0.replacingOccurrences(of: " ", with: "-")
            s += "<tr class=\"\(cls)\"><td>\(esc(r.0))</td><td>\(esc(r.1))</td><td>\(esc(r.2))</td></tr>\n"
        }
        return s + "</tbody></table>\n"
    }

    static func changeTable(_ d: DiffResult) -> String {
        var s = "<section>\n<h2>Changed values</h2>\n<div class=\"filters\">"
        s += "<input id=\"filter\" type=\"search\" placeholder=\"Filter by document, field or key\"/>"
        s += "<select id=\"field\"><option value=\"\">all fields</option>"
        for f in d.fieldCounts { s += "<option value=\"\(esc(f.field))\">\(esc(f.field)) (\(f.changes))</option>" }
        s += "</select> <span id=\"shown\">\(d.changes.count) of \(d.changes.count) shown</span></div>\n"
        s += "<table id=\"changes\"><thead><tr><th>Document</th><th>Field</th><th>Key</th><th>Before</th><th>After</th></tr></thead><tbody>\n"
        for c in d.changes {
            let text = "\(c.document) \(c.field) \(c.key)".lowercased()
            s += "<tr data-field=\"\(esc(c.field))\" data-text=\"\(esc(text))\"><td>\(esc(c.document))</td><td>\(esc(c.field))</td>"
            s += "<td>\(esc(c.key))</td><td class=\"before\">\(cell(c.before))</td><td class=\"after\">\(cell(c.after))</td></tr>\n"
        }
        return s + "</tbody></table>\n</section>\n"
    }

    static func cell(_ v: String?) -> String {
        guard let v else { return "<span class=\"none\">(no row)</span>" }
        return v.isEmpty ? "<span class=\"none\">(empty)</span>" : esc(v)
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
