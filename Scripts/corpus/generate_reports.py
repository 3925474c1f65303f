"""Synthetic ITA analysis reports with exact gold (deterministic, stdlib only).

Each report in REPORTS is a different mix of layout features; the gold is written from the very values that
were rendered. Run directly to (re)build Corpus/generated/, or import `build_docs()` for the HTML (the
degraded variants reuse it).
"""
import json
import os
import random
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpuslib import (CORPUS, HERE, esc, html_page, merge_pdfs, nfc_ws, normalise_pdf,  # noqa: E402
                       render_many, to_thai_digits, write_json, write_text)
import report_model as M  # noqa: E402

UNIT_PREFIX = ["เทศบาลนคร", "เทศบาลเมือง", "เทศบาลตำบล", "องค์การบริหารส่วนตำบล", "องค์การบริหารส่วนจังหวัด"]
HEADERS = [
    "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. {y}",
    "ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {y}",
    "การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ปีงบประมาณ {y}",
    "รายงานผลการวิเคราะห์การประเมิน ITA ของ{unit} ประจำปี {y}",
]
TOOL_HEAD = {"IIT": "แบบวัดการรับรู้ผู้มีส่วนได้ส่วนเสียภายใน (IIT)",
             "EIT": "แบบวัดการรับรู้ผู้มีส่วนได้ส่วนเสียภายนอก (EIT)",
             "OIT": "แบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT)"}
# Issues of the 2566/2567 analysis (as in the seeds): question codes each issue discusses.
ISSUES = [
    ("กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ", "i1-6 e1-4 e11 e12 e15 o4 o11-14"),
    ("การให้บริการและระบบ E-Service", "i1-3 e1-3 e5 e11-14 o15-18 o30"),
    ("ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ", "e6-10 o1-3 o5-10"),
    ("กระบวนการกำกับดูแลการใช้ทรัพย์สินของราชการ", "i19-24 o34 o35"),
    ("กระบวนการสร้างความโปร่งใสในการใช้งบประมาณและการจัดซื้อจัดจ้าง", "i7-12 o11-13 o19-22"),
    ("กระบวนการควบคุม ตรวจสอบการใช้อำนาจและการบริหารงานบุคคล", "i13-18 i27 o23-26 o39-41"),
    ("กลไกและมาตรการในการแก้ไขและป้องกันการทุจริตภายในหน่วยงาน", "i25 i26 i28-30 e10 e15 o27-29 o31-38 o42 o43"),
]
FONTS = ["Garuda", "Norasi", "Loma", "Kinnari", "Sawasdee", "Waree", "Umpush", "Laksaman"]

# One dict per report: the feature mix. Keys are read by Report below.
REPORTS = [
    dict(slug="g01-nakhon-2566-cover-sidebyside", seed=101, unit=0, gaz=0, place=0, year=2566, font="Garuda",
         digits="thai", border=True, cover=True, header=0, summary="prose", ind_table="tool", questions="side",
         codes="thai", plan="normal", n_measures=7, profile="high"),
    dict(slug="g02-obt-2567-ascii-longthead", seed=102, unit=3, gaz=1, place=1, year=2567, font="Norasi",
         digits="ascii", border=False, cover=False, header=1, summary="prose", ind_table="simple",
         questions="long_thead", codes="ascii", oit_int=True, plan="normal", n_measures=5, profile="mid"),
    dict(slug="g03-obj-2568-ranked-multiyear", seed=103, unit=4, gaz=14, place=0, year=2568, font="Loma",
         digits="thai", border=True, cover=True, header=2, summary="prose", ind_table="ranked",
         multi_year=[2566, 2567], questions="by_indicator", codes="thai", plan="normal", n_measures=10,
         profile="top"),
    dict(slug="g04-tambon-2566-proseonly", seed=104, unit=2, gaz=2, place=2, year=2566, font="Kinnari",
         digits="mixed", border=True, cover=False, header=3, summary="prose_only", ind_table=None,
         questions=None, codes="ascii", plan="normal", n_measures=4, profile="mid"),
    dict(slug="g05-mueang-2567-stacked-oddcodes-mismatch", seed=105, unit=1, gaz=3, place=0, year=2567,
         font="Sawasdee", digits="mixed", border=True, cover=False, header=0, summary="table",
         ind_table="tool", questions="stacked", codes="odd", plan="normal", n_measures=7, profile="high",
         mismatch=[10]),
    dict(slug="g06-obt-2568-landscape-plan", seed=106, unit=3, gaz=4, place=1, year=2568, font="Waree",
         digits="ascii", border=True, cover=True, header=1, summary="table", ind_table="simple",
         questions="long_plain", codes="ascii", plan="landscape", n_measures=6, profile="low"),
    dict(slug="g07-nakhon-2567-longplain-thai", seed=107, unit=0, gaz=5, place=1, year=2567, font="Umpush",
         digits="thai", border=True, cover=False, header=0, summary="prose", ind_table="tool",
         questions="long_plain", codes="thai", plan="normal", n_measures=7, profile="high"),
    dict(slug="g08-obj-2566-sidebyside-borderless", seed=108, unit=4, gaz=6, place=0, year=2566,
         font="Laksaman", digits="mixed", border=False, cover=True, header=2, summary="prose", ind_table="tool",
         questions="side", codes="odd", plan="landscape", n_measures=7, profile="mid"),
    dict(slug="g09-tambon-2568-multiyear-borderless", seed=109, unit=2, gaz=7, place=2, year=2568,
         font="Garuda", digits="thai", border=False, cover=True, header=0, summary="prose", ind_table=None,
         multi_year=[2567], questions="long_thead", codes="thai", plan="normal", n_measures=10, profile="high"),
    dict(slug="g10-obt-2566-mismatch-poor", seed=110, unit=3, gaz=8, place=0, year=2566, font="Norasi",
         digits="ascii", border=True, cover=False, header=1, summary="both", ind_table="simple",
         questions="stacked", codes="ascii", plan="normal", n_measures=3, profile="poor", mismatch=[2, 9]),
    dict(slug="g11-mueang-2568-ranked-landscape", seed=111, unit=1, gaz=9, place=1, year=2568, font="Kinnari",
         digits="mixed", border=True, cover=False, header=3, summary="both", ind_table="ranked",
         questions="by_indicator", codes="odd", plan="landscape", n_measures=10, profile="mid"),
    dict(slug="g12-obt-2567-multiyear-side-thai", seed=112, unit=3, gaz=10, place=2, year=2567, font="Loma",
         digits="thai", border=True, cover=True, header=2, summary="prose", ind_table="tool",
         multi_year=[2565, 2566], questions="side", codes="odd", plan="normal", n_measures=7, profile="low"),
    # Per-question scores of two years side by side with a change column; years printed in Thai digits in an
    # otherwise ASCII report; the previous year's indicators are the means of its printed questions.
    dict(slug="g13-tambon-2567-multiyear-questions", seed=113, unit=2, gaz=11, place=0, year=2567, font="Waree",
         digits="ascii", year_digits="thai", border=True, cover=False, header=1, summary="prose", ind_table=None,
         multi_year=[2566], prev_questions=True, questions="multiyear", codes="ascii", plan="normal",
         n_measures=5, profile="mid"),
    # The unit of seed 003 (เทศบาลตำบลขุนแก้ว, 2568) one year earlier: the same agency in two documents and years,
    # for unit_key and the panel.
    dict(slug="g14-tambon-2567-khunkaeo-stacked", seed=114, unit=2, gaz=16, place=0, year=2567, font="Laksaman",
         digits="ascii", border=True, cover=False, header=0, summary="table", ind_table="simple",
         questions="stacked", codes="ascii", plan="normal", n_measures=5, profile="high"),
]


def load_gazetteer():
    """List of (province, district, [place names])."""
    out = []
    with open(os.path.join(HERE, "gazetteer.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            p, d, names = line.rstrip("\n").split("\t")
            out.append((p, d, names.split(",")))
    return out


def expand_codes(spec):
    """"i1-6 e11 o4" -> ["i1", ..., "i6", "e11", "o4"]."""
    out = []
    for part in spec.split():
        letter, rng = part[0], part[1:]
        if "-" in rng:
            a, b = rng.split("-")
            out.extend(f"{letter}{n}" for n in range(int(a), int(b) + 1))
        else:
            out.append(part)
    return out


class Report:
    """Builds one synthetic report: HTML segments, visible text lines, gold."""

    def __init__(self, cfg):
        self.cfg = cfg
        self.rng = random.Random(cfg["seed"])
        gaz = load_gazetteer()[cfg["gaz"]]
        self.province, self.district = gaz[0], gaz[1]
        prefix = UNIT_PREFIX[cfg["unit"]]
        if prefix == "องค์การบริหารส่วนจังหวัด":
            self.unit = prefix + self.province
            self.district = "เมือง" + self.province
        else:
            self.unit = prefix + gaz[2][cfg["place"]]
        self.unit_type = prefix
        self.year, self.plan_year = cfg["year"], cfg["year"] + 1
        self.qset = M.question_set(self.year)
        self.qscores = M.question_scores(self.rng, self.qset, cfg["profile"])
        means = M.indicator_means(self.qset, self.qscores, self.year)
        self.ind = dict(means)
        # Deliberate disagreement with the questions; only on IIT/OIT indicators of 2566/2567 (the pipeline checks
        # EIT against nothing, and has no 2568 question catalogue), so the planted error can be caught.
        for i in cfg.get("mismatch", []):
            assert M.TOOL_OF[i] != "EIT" and self.year < 2568, f"{cfg['slug']}: uncatchable mismatch on indicator {i}"
            self.ind[i] = M.q2(max(min(means[i] + (3 if means[i] < 90 else -4) + M.q2("0.17"), 100), 0))
        self.overall = M.overall(self.ind)
        self.rating = M.rating(self.ind)
        self.segments = [["portrait", []]]  # [orientation, html parts]
        self.src = []
        self.printed_questions = {}  # code -> score text as printed (ASCII)
        self.printed_prev_questions = {}  # (year, code) -> score text as printed (ASCII), earlier years
        self.printed_indicators = {}  # (year, indicator) -> score text
        self.measures = []
        self.years_prev = {}
        self.prev_qscores = {}  # year -> code -> Decimal, for reports that print earlier years' questions
        for y in cfg.get("multi_year", []):
            if cfg.get("prev_questions"):
                # The earlier year's indicators are the means of its (printed) questions, as in a real report.
                self.prev_qscores[y] = M.question_scores(self.rng, M.question_set(y), cfg["profile"])
                self.years_prev[y] = M.indicator_means(M.question_set(y), self.prev_qscores[y], y)
                continue
            prev = M.random_indicators(self.rng, "high" if cfg["profile"] in ("top", "high") else "mid")
            self.years_prev[y] = prev

    # ---- text helpers
    def num(self, s):
        """A number in this report's digit style."""
        mode = self.cfg["digits"]
        if mode == "thai" or (mode == "mixed" and self.rng.random() < 0.5):
            return to_thai_digits(s)
        return s

    def ynum(self, y):
        """A year in this report's year-digit style (Thai digits in an otherwise ASCII report, for some)."""
        if self.cfg.get("year_digits") == "thai":
            return to_thai_digits(str(y))
        return self.num(str(y))

    def score_text(self, v, oit=False):
        """(printed, gold) text of a score."""
        s = f"{v:.2f}"
        if oit and self.cfg.get("oit_int") and s.endswith(".00"):
            s = s[:-3]
        return self.num(s), s

    def code_text(self, code):
        """A question code printed in this report's code style."""
        letter, n = code[0], code[1:]
        style = self.cfg["codes"]
        if style == "ascii":
            return code
        if style == "thai":
            return ("๐" if letter == "o" else letter) + to_thai_digits(n)
        forms = {"o": ["๐" + to_thai_digits(n), "0" + to_thai_digits(n), "o" + to_thai_digits(n), "O" + n, "o" + n],
                 "i": ["i" + n[:-1] + to_thai_digits(n[-1]), "i" + to_thai_digits(n), "i" + n],
                 "e": ["e" + to_thai_digits(n), "e" + n]}[letter]
        return self.rng.choice(forms)

    def add(self, html, *lines):
        """Append HTML to the current segment and its visible text lines."""
        self.segments[-1][1].append(html)
        self.src.extend(lines)

    def para(self, text, bold=False, size=None, center=False, pagebreak=False):
        """A paragraph of plain text."""
        style = []
        if pagebreak:
            style.append("page-break-before: always")
        if center:
            style.append("text-align: center")
        st = f' style="{"; ".join(style)}"' if style else ""
        inner = esc(text)
        if bold:
            inner = f"<b>{inner}</b>"
        if size:
            inner = f'<font style="font-size: {size}pt">{inner}</font>'
        self.add(f"<p{st}>{inner}</p>", text)

    def table(self, header_rows, rows, widths=None, thead=False, size=13, bold_rows=()):
        """A table; cells are strings (visible text) or (text, colspan)."""
        b = 1 if self.cfg["border"] else 0
        parts = [f'<table border="{b}" cellspacing="0" cellpadding="4" width="100%">']

        def row_html(cells, tag, bold):
            out = ["<tr>"]
            for ci, c in enumerate(cells):
                text, span = (c if isinstance(c, tuple) else (c, 1))
                attrs = f' colspan="{span}"' if span > 1 else ""
                if widths and span == 1 and ci < len(widths):
                    attrs += f' width="{widths[ci]}%"'
                inner = esc(text) if text else "&nbsp;"
                if bold:
                    inner = f"<b>{inner}</b>"
                out.append(f'<{tag}{attrs}><font style="font-size: {size}pt">{inner}</font></{tag}>')
            out.append("</tr>")
            return "".join(out)

        def src_line(cells):
            flat = []
            for c in cells:
                text, span = (c if isinstance(c, tuple) else (c, 1))
                flat.extend([text] + [""] * (span - 1))
            return "\t".join(flat)

        if header_rows:
            if thead:
                parts.append("<thead>")
            parts.extend(row_html(r, "td", True) for r in header_rows)
            if thead:
                parts.append("</thead><tbody>")
        for ri, r in enumerate(rows):
            parts.append(row_html(r, "td", ri in bold_rows))
        if header_rows and thead:
            parts.append("</tbody>")
        parts.append("</table><p>&nbsp;</p>")
        self.add("\n".join(parts), *[src_line(r) for r in header_rows], *[src_line(r) for r in rows])

    def new_segment(self, orientation):
        """Start a new rendering segment (a landscape page is rendered apart and merged)."""
        self.segments.append([orientation, []])

    # ---- sections
    def cover(self):
        """Cover page: title, unit, district/province, year, then a page break."""
        y = self.num(str(self.year))
        for t in ["มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", f"ประจำปีงบประมาณ พ.ศ. {self.num(str(self.plan_year))}",
                  "", "การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส", "ในการดำเนินงานของหน่วยงานภาครัฐ",
                  f"ประจำปีงบประมาณ พ.ศ. {y}", "", self.unit, f"อำเภอ{self.district} จังหวัด{self.province}"]:
            if t:
                self.para(t, bold=True, size=22, center=True)
            else:
                self.add("<p>&nbsp;</p><p>&nbsp;</p>")
        self.add('<p style="page-break-before: always">&nbsp;</p>')

    def header(self):
        """Heading variant plus the unit line."""
        h = HEADERS[self.cfg["header"]].format(y=self.num(str(self.year)), unit=self.unit)
        self.para(h, bold=True, size=18, center=True)
        self.para(f"{self.unit} อำเภอ{self.district} จังหวัด{self.province}", bold=True, center=True)

    def summary(self):
        """Overall score and rating in prose."""
        ov_p, ov_g = self.score_text(self.overall)
        self.gold_overall = ov_g
        self.para(f"ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. "
                  f"{self.num(str(self.year))} ของ{self.unit} มีผลคะแนนเฉลี่ย {ov_p} คะแนน "
                  f"ระดับผลการประเมินอยู่ที่ {self.rating}")

    def summary_table(self):
        """Overall score and rating in a small two-column table."""
        ov_p, ov_g = self.score_text(self.overall)
        self.gold_overall = ov_g
        self.table([], [["คะแนนภาพรวมของหน่วยงาน", ov_p], ["ระดับผลการประเมิน", self.rating]], widths=[70, 30])

    def indicator_table(self, style):
        """The ten indicators: by tool, simple, or ranked by score."""
        rows = []
        if style == "ranked":
            order = sorted(self.ind, key=lambda i: (-self.ind[i], i))
            for rank, i in enumerate(order, 1):
                p, g = self.score_text(self.ind[i])
                self.printed_indicators[(self.year, i)] = g
                rows.append([self.num(str(rank)), f"ตัวชี้วัดที่ {self.num(str(i))} {M.INDICATOR_NAMES[i]}", p])
            self.table([["ลำดับที่", "ตัวชี้วัด/รายละเอียดตัวชี้วัด", "คะแนนผลการประเมิน"]], rows, widths=[14, 62, 24])
            return
        for i in range(1, 11):
            p, g = self.score_text(self.ind[i])
            self.printed_indicators[(self.year, i)] = g
            if style == "tool":
                first = i in (1, 6, 9)
                rows.append([M.TOOL_OF[i] if first else "", self.num(str(i)), M.INDICATOR_NAMES[i], p])
            else:
                rows.append([self.num(str(i)), M.INDICATOR_NAMES[i], p])
        if style == "tool":
            self.table([["เครื่องมือ", "ตัวชี้วัดที่", "รายละเอียดตัวชี้วัด", "คะแนน"]], rows, widths=[15, 15, 50, 20])
        else:
            self.table([["ตัวชี้วัดที่", "รายละเอียดตัวชี้วัด", "คะแนน"]], rows, widths=[18, 60, 22])

    def multi_year_table(self):
        """One score column per year, with คะแนนเฉลี่ย and ระดับการประเมิน rows."""
        years = sorted(self.years_prev) + [self.year]
        data = dict(self.years_prev)
        data[self.year] = self.ind
        hdr1 = ["เครื่องมือ", "ตัวชี้วัด", ("คะแนน", len(years))]
        hdr2 = ["", ""] + [f"ปี {self.ynum(y)}" for y in years]
        rows = []
        for i in range(1, 11):
            first = i in (1, 6, 9)
            cells = [TOOL_HEAD[M.TOOL_OF[i]] if first else "", f"{self.num(str(i))}. {M.INDICATOR_NAMES[i]}"]
            for y in years:
                p, g = self.score_text(data[y][i])
                self.printed_indicators[(y, i)] = g
                cells.append(p)
            rows.append(cells)
        avg = ["คะแนนเฉลี่ย", ""]
        rat = ["ระดับการประเมิน", ""]
        for y in years:
            p, g = self.score_text(M.overall(data[y]))
            if y == self.year:
                self.gold_overall = g
            avg.append(p)
            rat.append(M.rating(data[y]))
        rows += [avg, rat]
        w = [26, 34] + [round(40 / len(years))] * len(years)
        self.table([hdr1, hdr2], rows, widths=w, size=12)

    def prose_indicators(self):
        """One paragraph per indicator with its score (the only place the scores appear in some reports)."""
        for i in range(1, 11):
            p, g = self.score_text(self.ind[i])
            self.printed_indicators[(self.year, i)] = g
            self.para(f"ตัวชี้วัดที่ {self.num(str(i))} {M.INDICATOR_NAMES[i]}", bold=True)
            self.para(f"ผลการประเมินฯ ประจำปีงบประมาณ {self.num(str(self.year))} ตัวชี้วัดที่ {self.num(str(i))} "
                      f"{M.INDICATOR_NAMES[i]} ของ{self.unit} ได้ {p} คะแนน "
                      + ("ควรรักษาระดับและมาตรฐานไว้" if self.ind[i] >= 95 else
                         "ควรพัฒนาและปรับปรุงการดำเนินงานให้ดียิ่งขึ้น"))

    def q_entry(self, code):
        """(printed code + text, printed score) for a question; records the gold."""
        ind = next(i for c, i, _ in self.qset if c == code)
        text = next(t for c, _, t in self.qset if c == code)
        p, g = self.score_text(self.qscores[code], oit=M.TOOL_OF[ind] == "OIT")
        self.printed_questions.setdefault(code, g)
        return f"{self.code_text(code)} {text}", p

    def questions_side(self):
        """Per issue: IIT | EIT | OIT column groups side by side, each a text and a score column."""
        qind = {c: i for c, i, _ in self.qset}
        for n, (title, spec) in enumerate(ISSUES, 1):
            self.para(f"ประเด็นที่ {self.num(str(n))} {title}", bold=True)
            codes = expand_codes(spec)
            groups = []
            for tool in ("IIT", "EIT", "OIT"):
                col, last_ind = [], None
                for c in codes:
                    if M.TOOL_OF[qind[c]] != tool:
                        continue
                    if qind[c] != last_ind:
                        last_ind = qind[c]
                        col.append((f"ตัวชี้วัดที่ {self.num(str(last_ind))} {M.INDICATOR_NAMES[last_ind]}", "คะแนน"))
                    col.append(self.q_entry(c))
                if col:
                    groups.append((tool, col))
            height = max(len(c) for _, c in groups)
            hdr = [(f"ประเด็นการประเมินแบบวัด {tool}", 2) for tool, _ in groups]
            rows = []
            for r in range(height):
                cells = []
                for _, col in groups:
                    cells.extend(col[r] if r < len(col) else ("", ""))
                rows.append(cells)
            w = {1: [80, 20], 2: [38, 12] * 2, 3: [24, 9] * 3}[len(groups)]
            self.table([hdr], rows, widths=w, size=11 if len(groups) == 3 else 12)
            self.para(f"วิเคราะห์{title} จากผลการประเมินข้างต้น หน่วยงานควรรักษาระดับในข้อที่ได้คะแนนสูง "
                      "และปรับปรุงข้อที่ได้คะแนนต่ำกว่าเกณฑ์")

    def questions_stacked(self):
        """Per issue: a two-column table with tool header rows and the questions stacked under them."""
        qind = {c: i for c, i, _ in self.qset}
        for n, (title, spec) in enumerate(ISSUES, 1):
            self.para(f"({self.num(str(n))}) {title}", bold=True)
            rows, bold = [], []
            for tool in ("IIT", "EIT", "OIT"):
                codes = [c for c in expand_codes(spec) if M.TOOL_OF[qind[c]] == tool]
                if not codes:
                    continue
                bold.append(len(rows))
                rows.append([TOOL_HEAD[tool], ""])
                rows.extend(list(self.q_entry(c)) for c in codes)
            self.table([["ข้อคำถาม", "คะแนน"]], rows, widths=[82, 18], bold_rows=bold)

    def questions_long(self, thead):
        """Every question in one long table that runs over page breaks (header repeated or not)."""
        rows, bold = [], []
        for tool in ("IIT", "EIT", "OIT"):
            bold.append(len(rows))
            rows.append([TOOL_HEAD[tool], ""])
            for c, i, _ in self.qset:
                if M.TOOL_OF[i] == tool:
                    rows.append(list(self.q_entry(c)))
        self.para("ผลคะแนนรายข้อคำถาม", bold=True)
        self.table([["ข้อคำถาม", "คะแนน"]], rows, widths=[82, 18], thead=thead, bold_rows=bold)

    def questions_multiyear(self):
        """One long table with a score column per year (earlier years first) and a change column, indicator
        sub-header rows, no repeated header on continuation pages."""
        years = sorted(self.prev_qscores) + [self.year]
        self.gold_question_years = years
        rows, bold, last_ind = [], [], None
        for c, i, text in self.qset:
            if i != last_ind:
                last_ind = i
                bold.append(len(rows))
                rows.append([f"ตัวชี้วัดที่ {self.num(str(i))} {M.INDICATOR_NAMES[i]}"] + [""] * (len(years) + 1))
            oit = M.TOOL_OF[i] == "OIT"
            cells = [f"{self.code_text(c)} {text}"]
            for y in years[:-1]:
                p, g = self.score_text(self.prev_qscores[y][c], oit=oit)
                self.printed_prev_questions.setdefault((y, c), g)
                cells.append(p)
            cells.append(self.q_entry(c)[1])
            change = self.qscores[c] - self.prev_qscores[years[-2]][c]
            cells.append(self.num(("+" if change > 0 else "") + f"{change:.2f}"))
            rows.append(cells)
        self.para(f"ผลคะแนนรายข้อคำถาม เปรียบเทียบปี {self.ynum(years[0])} และปี {self.ynum(self.year)}", bold=True)
        head = ["ข้อคำถาม"] + [f"คะแนนปี {self.ynum(y)}" for y in years] + ["เพิ่มขึ้น/ลดลง"]
        self.table([head], rows, widths=[58] + [14] * (len(years) + 1), bold_rows=bold, size=12)

    def questions_by_indicator(self):
        """One small table per indicator (2568 reports)."""
        for ind in range(1, 11):
            codes = [c for c, i, _ in self.qset if i == ind]
            self.para(f"ตัวชี้วัดที่ {self.num(str(ind))} {M.INDICATOR_NAMES[ind]}", bold=True)
            self.table([["ข้อ", "ข้อคำถาม", "คะแนน"]],
                       [[self.num(str(k))] + list(self.q_entry(c)) for k, c in enumerate(codes, 1)],
                       widths=[8, 74, 18])

    def period(self):
        """The action-plan period in one of the styles the seeds use."""
        a, b = str(self.year)[2:], str(self.plan_year)[2:]
        style = self.cfg["seed"] % 3
        if style == 0:
            return self.num(f"1 ต.ค. {a}-30 ก.ย. {b}")
        if style == 1:
            return self.num(f"ตุลาคม {self.year} - กันยายน {self.plan_year}")
        return self.num(f"ไตรมาส 1-4 (ปีงบประมาณ พ.ศ.{self.plan_year})")

    def action_plan(self):
        """Measures table (issue, measure, steps, period, owner); on a landscape page for some reports."""
        with open(os.path.join(HERE, "measures_pool.json"), encoding="utf-8") as f:
            pool = json.load(f)["issues"]
        if self.cfg["plan"] == "landscape":
            self.new_segment("landscape")
        self.para(f"ส่วนที่ {self.num('2')} การนำผลการวิเคราะห์ไปสู่การปฏิบัติ ในปีงบประมาณ พ.ศ. "
                  f"{self.num(str(self.plan_year))}", bold=True)
        rows = []
        for k, item in enumerate(pool[: self.cfg["n_measures"]], 1):
            issue = f"{self.num(str(k))}. {item['issue']}"
            measure = item["measure"].replace("{unit}", self.unit)
            steps = " ".join(f"{self.num(str(j))}. {s.replace('{unit}', self.unit)}"
                             for j, s in enumerate(item["steps"], 1))
            per = self.period()
            rows.append([issue, measure, steps, per, item["owner"]])
            self.measures.append({"issue": nfc_ws(issue), "measure": nfc_ws(measure), "steps": nfc_ws(steps),
                                  "period": nfc_ws(per), "owner": nfc_ws(item["owner"])})
        self.table([["ประเด็น", "มาตรการ/กิจกรรม", "ขั้นตอน/วิธีปฏิบัติ", "ระยะเวลาดำเนินงาน", "ผู้รับผิดชอบ"]],
                   rows, widths=[18, 27, 31, 12, 12], size=12)
        if self.cfg["plan"] == "landscape":
            self.new_segment("portrait")

    def closing(self):
        """A short closing section so the plan is not the last page."""
        self.para(f"ส่วนที่ {self.num('3')} ข้อจำกัดของหน่วยงาน", bold=True)
        self.para("- บุคลากรมีจำนวนจำกัดเมื่อเทียบกับภารกิจที่ได้รับมอบหมาย")
        self.para("- งบประมาณในการพัฒนาระบบเทคโนโลยีสารสนเทศยังไม่เพียงพอ")

    # ---- assembly
    def build(self):
        """Run the sections in the order the config implies."""
        c = self.cfg
        self.gold_overall = None
        if c["cover"]:
            self.cover()
        self.header()
        if c["summary"] in ("prose", "both", "prose_only"):
            self.summary()
        if c["summary"] in ("table", "both"):
            self.summary_table()
        if c.get("ind_table"):
            self.indicator_table(c["ind_table"])
        if c.get("multi_year"):
            self.multi_year_table()
        if c["summary"] == "prose_only" or c.get("ind_table") is None:
            self.prose_indicators()
        q = c.get("questions")
        if q == "side":
            self.questions_side()
        elif q == "stacked":
            self.questions_stacked()
        elif q in ("long_thead", "long_plain"):
            self.questions_long(q == "long_thead")
        elif q == "by_indicator":
            self.questions_by_indicator()
        elif q == "multiyear":
            self.questions_multiyear()
        self.action_plan()
        self.closing()
        return self

    def html_segments(self):
        """[(orientation, html document)] for rendering."""
        return [(o, html_page("\n".join(parts), font=self.cfg["font"], size_pt=15, landscape=(o == "landscape")))
                for o, parts in self.segments if parts]

    def gold(self):
        """The gold object, from the printed values only."""
        ind = [{"year": y, "indicator": i, "tool": M.TOOL_OF[i], "score": s}
               for (y, i), s in sorted(self.printed_indicators.items())]
        order = {c: k for k, (c, _, _) in enumerate(self.qset)}
        qs = [{"year": self.year, "code": c, "tool": M.TOOL_OF[next(i for c2, i, _ in self.qset if c2 == c)],
               "score": s} for c, s in sorted(self.printed_questions.items(), key=lambda kv: order[kv[0]])]
        tool_of = {c: M.TOOL_OF[i] for c, i, _ in self.qset}
        qs = [{"year": y, "code": c, "tool": tool_of[c], "score": s}
              for (y, c), s in sorted(self.printed_prev_questions.items(), key=lambda kv: (kv[0][0], order[kv[0][1]]))] + qs
        g = {"name": self.cfg["slug"],
             "report": {"unit_name": self.unit, "unit_type": self.unit_type, "district": self.district,
                        "province": self.province, "assessment_year": self.year, "plan_year": self.plan_year,
                        "overall_score": self.gold_overall, "rating": self.rating},
             "indicator_scores": ind, "question_scores": qs,
             "measures": {"count": len(self.measures), "rows": self.measures},
             "unsure": [],
             "features": {k: v for k, v in self.cfg.items() if k not in ("slug", "seed")}}
        if self.cfg.get("mismatch"):
            g["expected_warnings"] = ["indicator_mean_mismatch"]
        if self.printed_prev_questions:
            # Score columns of the question table, left to right (verify_gold reads the table by them).
            g["question_years"] = self.gold_question_years
        return g


def build_docs():
    """All reports, built (not rendered)."""
    return [Report(cfg).build() for cfg in REPORTS]


def report_segments(rep, transform=None):
    """A report's (orientation, HTML) segments, each optionally transformed (degraded variants)."""
    segs = rep.html_segments()
    if transform:
        segs = [(o, transform(h)) for o, h in segs]
    return segs


def render_all(reps, outdir, transform=None, suffix=""):
    """Render many reports to outdir/<slug><suffix>.pdf (segments rendered in parallel, then merged)."""
    jobs, plan = [], []
    tmpdir = tempfile.mkdtemp(prefix="corpus-parts-")  # scratch outside Corpus/ (nothing hidden left there)
    for rep in reps:
        segs = report_segments(rep, transform)
        parts = []
        for k, (_, h) in enumerate(segs):
            p = os.path.join(tmpdir, f"{rep.cfg['slug']}{suffix}-part{k}.pdf")
            jobs.append((h, p))
            parts.append(p)
        plan.append((rep, parts))
    render_many(jobs)
    out = []
    for rep, parts in plan:
        pdf = os.path.join(outdir, rep.cfg["slug"] + suffix + ".pdf")
        if len(parts) == 1:
            shutil.move(parts[0], pdf)  # /tmp may be another file system
        else:
            merge_pdfs(parts, pdf)
        normalise_pdf(pdf)
        out.append(pdf)
    shutil.rmtree(tmpdir, ignore_errors=True)
    return out


def add_repeated_headers(pdf, src, header=("ข้อคำถาม", "คะแนน")):
    """LibreOffice repeats <thead> rows on every page a table spans: put those visible repeats into the source text
    (before the row that starts each such page)."""
    import subprocess
    pages = int(next(l.split()[1] for l in subprocess.run(["pdfinfo", pdf], capture_output=True, text=True)
                     .stdout.splitlines() if l.startswith("Pages:")))
    head_line, head_text = "\t".join(header), " ".join(header)
    first = src.index(head_line)
    for p in range(2, pages + 1):
        lines = [l.strip() for l in subprocess.run(["pdftotext", "-raw", "-f", str(p), "-l", str(p), pdf, "-"],
                                                   capture_output=True, text=True).stdout.splitlines() if l.strip()]
        if len(lines) < 2 or lines[0] != head_text:
            continue
        key = lines[1][:10]
        # the page starts with a row, or with the rest of a row split over the page break
        hit = next((k for k in range(first + 1, len(src)) if src[k].startswith(key)), None)
        if hit is None:
            hit = next((k + 1 for k in range(first + 1, len(src)) if key in src[k].replace("\t", " ")), len(src))
        src.insert(hit, head_line)
        first = hit
    return src


def build(only=None):
    """Write Corpus/generated/: PDF, gold JSON and source.txt for every report (or only the slugs in `only`)."""
    outdir = os.path.join(CORPUS, "generated")
    os.makedirs(outdir, exist_ok=True)
    reps = build_docs()
    if only:
        reps = [r for r in reps if r.cfg["slug"] in only]
    render_all(reps, outdir)
    for rep in reps:
        if rep.cfg.get("questions") == "long_thead":
            add_repeated_headers(os.path.join(outdir, rep.cfg["slug"] + ".pdf"), rep.src)
        write_json(os.path.join(outdir, rep.cfg["slug"] + ".json"), rep.gold())
        write_text(os.path.join(outdir, rep.cfg["slug"] + ".source.txt"), "\n".join(rep.src) + "\n")
    return reps


if __name__ == "__main__":
    # Optional arguments: slugs to (re)build alone, leaving the other generated documents untouched.
    for r in build(sys.argv[1:] or None):
        print(r.cfg["slug"], r.overall, r.rating)
