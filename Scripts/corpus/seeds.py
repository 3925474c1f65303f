"""Seed text (markdown-ish, tab-separated table rows) -> HTML document + the exact visible text (source.txt).

Only markup is removed (`**`, `#`, HTML tags); the seed's wording, digits and typos are kept: they are data.
Lines with tabs are table rows; consecutive ones form one table; a leading empty cell stays an empty cell.
"""
import html
import re

from corpuslib import esc, html_page

B_ON, B_OFF = "\x01", "\x02"
BLOCK_TAG = re.compile(r"</?(p|li|ul|ol|br|div)\b[^>]*>", re.I)
BOLD_TAG = re.compile(r"<(/?)b>", re.I)
ANY_TAG = re.compile(r"<[^>]+>")
STARS = re.compile(r"\*\*(.+?)\*\*")


def fragments(raw):
    """One cell or line -> list of visible fragments, each possibly holding bold sentinels."""
    s = BLOCK_TAG.sub("\n", raw)
    s = BOLD_TAG.sub(lambda m: B_OFF if m.group(1) else B_ON, s)
    s = ANY_TAG.sub("", s)
    s = html.unescape(s)
    s = STARS.sub(lambda m: B_ON + m.group(1) + B_OFF, s)
    s = s.replace("**", "")
    out = []
    for frag in s.split("\n"):
        frag = " ".join(frag.split())
        if frag.replace(B_ON, "").replace(B_OFF, "").strip():
            out.append(frag)
    return out


def plain(frag):
    """Visible text of a fragment."""
    return frag.replace(B_ON, "").replace(B_OFF, "").strip()


def frag_html(frag):
    """HTML of a fragment (bold sentinels -> <b>), balanced."""
    h = esc(frag)
    h = h.replace(B_ON, "<b>").replace(B_OFF, "</b>")
    opens, closes = h.count("<b>"), h.count("</b>")
    if opens > closes:
        h += "</b>" * (opens - closes)
    elif closes > opens:
        h = "<b>" * (closes - opens) + h
    return h


def col_widths(rows, ncol):
    """Percent widths proportional to typical cell length, so score columns stay narrow."""
    weights = []
    for c in range(ncol):
        lens = [len(r[c]) for r in rows if c < len(r) and r[c].strip()]
        avg = sum(lens) / len(lens) if lens else 3
        weights.append(min(60.0, max(4.0, avg)))
    tot = sum(weights)
    return [max(5, round(100 * w / tot)) for w in weights]


def table_html(rows, font_pt, border=True):
    """Rows of raw cells -> (html, source lines)."""
    ncol = max(len(r) for r in rows)
    rows = [r + [""] * (ncol - len(r)) for r in rows]
    widths = col_widths(rows, ncol)
    src = []
    parts = [f'<table border="{1 if border else 0}" cellspacing="0" cellpadding="3" width="100%">']
    width_row = None
    for ri, r in enumerate(rows):
        cells = [fragments(c) for c in r]
        src.append("\t".join(" ".join(plain(f) for f in fr) for fr in cells))
        # Group header row "IIT || EIT || OIT ||": merge each label over its text+score pair.
        grouped = (ri == 0 and ncol >= 4 and ncol % 2 == 0
                   and all(cells[i] for i in range(0, ncol, 2)) and not any(cells[i] for i in range(1, ncol, 2)))
        if width_row is None and not grouped:
            width_row = ri
        parts.append("<tr>")
        step = 2 if grouped else 1
        for ci in range(0, ncol, step):
            inner = "<br>".join(frag_html(f) for f in cells[ci]) or "&nbsp;"
            attrs = f' colspan="2"' if grouped else f' width="{widths[ci]}%"' if ri == width_row else ""
            parts.append(f'<td{attrs}><font style="font-size: {font_pt}pt">{inner}</font></td>')
        parts.append("</tr>")
    parts.append("</table>")
    return "\n".join(parts), src


def seed_to_html(text, font="Laksaman", size_pt=15):
    """Whole seed -> (html document, source text)."""
    lines = text.split("\n")
    body, src = [], []
    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        if "\t" in line:
            rows = []
            while i < len(lines) and "\t" in lines[i]:
                rows.append(lines[i].rstrip("\n").split("\t"))
                i += 1
            ncol = max(len(r) for r in rows)
            h, s = table_html(rows, 12 if ncol >= 5 else 13)
            body.append(h)
            body.append("<p>&nbsp;</p>")
            src.extend(s)
            continue
        i += 1
        if not line.strip():
            continue
        level = 0
        m = re.match(r"^(#{1,6})\s+", line)
        if m:
            level = len(m.group(1))
            line = line[m.end():]
        frs = fragments(line)
        if not frs:
            continue
        for fr in frs:
            src.append(plain(fr))
            if level:
                body.append(f'<p><font style="font-size: {size_pt + 2}pt"><b>{frag_html(fr)}</b></font></p>')
            else:
                body.append(f"<p>{frag_html(fr)}</p>")
    return html_page("\n".join(body), font=font, size_pt=size_pt), "\n".join(src) + "\n"
