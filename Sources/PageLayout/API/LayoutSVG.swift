import ITAModel
import PDFExtract

/// Draws what the layout stage saw on one page as SVG: glyph boxes, ruling lines, line and segment
/// boxes, table outlines and cells with their text, so a person can check it against the PDF.
public enum LayoutSVG {
    /// The page as a standalone SVG document (units: points, top-left origin like the boxes).
    public static func render(page: PageText, layout: PageLayoutResult) -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(f(page.width))" height="\(f(page.height))" viewBox="0 0 \(f(page.width)) \(f(page.height))">
        <rect x="0" y="0" width="\(f(page.width))" height="\(f(page.height))" fill="white"/>

        """
        out += "<g id=\"glyphs\" fill=\"none\" stroke=\"#bbbbbb\" stroke-width=\"0.2\">\n"
        for g in page.glyphs where !g.text.allSatisfy(\.isWhitespace) { out += rect(g.box) + "\n" }
        out += "</g>\n<g id=\"segments\" fill=\"none\" stroke=\"#3070d0\" stroke-width=\"0.4\">\n"
        for l in layout.lines {
            let inTable = layout.tables.contains { $0.box.verticalOverlap(l.box) > 0.5 * l.box.height && $0.box.horizontalOverlap(l.box) > 0 }
            for s in l.segments {
                out += rect(s.box)
                // Text outside tables is written in its segment box; table text is written in the cells.
                if !inTable {
                    out += "<text x=\"\(f(s.box.x0))\" y=\"\(f(s.box.y1 - 0.25 * s.box.height))\" font-size=\"\(f(max(4, 0.5 * s.box.height)))\" fill=\"#3070d0\" stroke=\"none\">\(escape(s.text))</text>"
                }
                out += "\n"
            }
        }
        out += "</g>\n<g id=\"tables\">\n"
        for (ti, t) in layout.tables.enumerated() {
            let label = "table \(ti + 1) \(t.method)" + (t.continuesPrevious ? " continued" : "")
                + (t.sideBySideGroup.map { " group \($0 + 1)" } ?? "")
            out += "<g class=\"table\"><title>\(escape(label))</title>\n"
            out += rect(t.box, attrs: "fill=\"none\" stroke=\"#20a040\" stroke-width=\"1.5\"") + "\n"
            out += "<text x=\"\(f(t.box.x0))\" y=\"\(f(t.box.y0 - 2))\" font-size=\"6\" fill=\"#20a040\">\(escape(label))</text>\n"
            for (ri, row) in t.rows.enumerated() {
                for c in row.cells {
                    let fill = row.isHeader ? "#fff2c0" : "none"
                    out += "<g class=\"cell\" data-row=\"\(ri)\" data-column=\"\(c.column)\">"
                    out += rect(c.box, attrs: "fill=\"\(fill)\" fill-opacity=\"0.5\" stroke=\"#20a040\" stroke-width=\"0.6\"")
                    for (li, line) in c.lines.enumerated() {
                        out += "<text x=\"\(f(c.box.x0 + 2))\" y=\"\(f(c.box.y0 + 8 + Double(li) * 8))\" font-size=\"6\" fill=\"#106020\">\(escape(line))</text>"
                    }
                    out += "</g>\n"
                }
            }
            out += "</g>\n"
        }
        out += "</g>\n<g id=\"rulings\" fill=\"#d03030\" stroke=\"none\">\n"
        for r in page.rulings { out += rect(Box(x0: r.x0, y0: r.y0, x1: max(r.x1, r.x0 + 0.5), y1: max(r.y1, r.y0 + 0.5))) + "\n" }
        out += "</g>\n</svg>\n"
        return out
    }

    static func f(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    static func rect(_ b: Box, attrs: String = "") -> String {
        "<rect x=\"\(f(b.x0))\" y=\"\(f(b.y0))\" width=\"\(f(max(b.width, 0)))\" height=\"\(f(max(b.height, 0)))\"\(attrs.isEmpty ? "" : " " + attrs)/>"
    }

    /// Text safe inside an XML element or attribute.
    static func escape(_ s: String) -> String {
        var o = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "&": o += "&amp;"
            case "<": o += "&lt;"
            case ">": o += "&gt;"
            case "\"": o += "&quot;"
            default:
                // XML 1.0 forbids most control characters.
                if ch.value < 0x20 && ch != "\t" && ch != "\n" { continue }
                o.unicodeScalars.append(ch)
            }
        }
        return o
    }
}
