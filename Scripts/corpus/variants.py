"""Layout variation generator: synthetic ITA reports whose every layout choice is drawn at random from the seed.

For each seed N it writes DIR/vNNNNNN.pdf, DIR/vNNNNNN.json (gold, the DATASET.md format, written from the values
as printed) and DIR/vNNNNNN.variation.json (the choice made on every axis, for per-variation scoring by
Scripts/corpus/variation_table.py). Deterministic: random.Random(seed) drives every choice, so a seed always gives
the same document (the PDF bytes too, after normalise_pdf), whatever the other seeds.

Seed ranges (keep them apart; see Corpus/README.md):
  TUNE     = 1-99999          readers may be tuned on these (`tune` names the first 400);
  HELD-OUT = 100000-199999    only for reporting: never look at these outputs while tuning (`heldout` names the
                              first 200; each session's held-out set takes seeds no note has reported before).

Axes (sidecar keys): producer, year, framework, font, digits, rules, cover, order, summary, year_in, plan_year_in,
ind_layout, ind_cols, ind_score_col, ind_header, q_layout, q_cols, plan_layout, plan_header, plan_col_order,
plan_codes, analysis_col, plan_orientation, law_year, header_words, text_layer, be_space, page_numbers, contents, running, toc, signature; the
*_detail keys (order_detail, ind_cols_detail, plan_cols_detail) give the full order behind a coarser axis. Header
wordings come from Mappings/ita/header-synonyms.json (meaning -> printed wordings).
Arithmetic is the real reports': indicator = mean of its questions (OIT: mean of sub-indicator means; 2566/2567
grouping of questions.tsv, 2568 the real 2568 framework of report_model.FRAMEWORK_2568), overall = IIT 30 % + EIT
30 % + OIT 40 % of the tool means, rating from the bands.
"""
import argparse
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpuslib import (REPO, HERE, esc, html_page, merge_pdfs, nfc_ws, normalise_pdf, soffice_convert,  # noqa: E402
                       to_thai_digits, write_json, write_text)
import report_model as M  # noqa: E402
from generate_reports import FONTS, TOOL_HEAD, UNIT_PREFIX, Report, load_gazetteer  # noqa: E402

TUNE = (1, 400)
# Axes turned off (`--without`): a sample made before an axis existed is made again byte for byte.
WITHOUT = set()
HELDOUT = (100000, 100199)
SYNONYMS = os.path.join(REPO, "Mappings", "ita", "header-synonyms.json")

# Markers around the part of a number printed in another font (a PUA pair never used by the reports).
FONT_ON, FONT_OFF = "\ue000", "\ue001"
PROFILES = ["top", "high", "mid", "mid", "low", "poor"]
LAWS = [
    "ทั้งนี้ การดำเนินการตามมาตรการข้างต้นเป็นไปตามพระราชบัญญัติมาตรฐานทางจริยธรรม {be}",
    "การดำเนินการดังกล่าวสอดคล้องกับ พ.ร.บ. ข้อมูลข่าวสารของราชการ {be} และหลักธรรมาภิบาล",
    "อ้างอิง ระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น {be}",
]
LAW_YEARS = [2540, 2548, 2560, 2561, 2562]
ANALYSIS_TEXTS = [
    "ผู้มีส่วนได้ส่วนเสียยังรับรู้ในประเด็นนี้ไม่มากนัก ควรเร่งปรับปรุงการดำเนินงานและการสื่อสาร",
    "หน่วยงานมีแนวทางอยู่แล้วแต่ยังไม่ได้เผยแพร่ให้เจ้าหน้าที่และประชาชนทราบอย่างทั่วถึง",
    "ผลการประเมินในข้อนี้ยังต่ำกว่าข้ออื่น สะท้อนว่ากระบวนการกำกับติดตามยังไม่ต่อเนื่อง",
    "ประชาชนบางส่วนยังไม่ทราบช่องทางการติดต่อและการร้องเรียนของหน่วยงาน",
]
# Periods of the plan: with the plan year (P = plan year, p = its last two digits, q = the year before) or without.
PERIODS_WITH_YEAR = ["1 ต.ค. {q2} - 30 ก.ย. {p2}", "ตุลาคม {q} - กันยายน {p}", "ปีงบประมาณ พ.ศ. {p}",
                     "1 ต.ค.{q2} - 30 ก.ย. {p2}"]
PERIODS_NO_YEAR = ["ตลอดปีงบประมาณ", "ไตรมาส 1-4", "ทุก 6 เดือน", "ไตรมาสที่ 2-3", "ต.ค. - ก.ย."]


def load_synonyms():
    """meaning -> [wordings] (Mappings/ita/header-synonyms.json); loud when broken."""
    with open(SYNONYMS, encoding="utf-8") as f:
        data = json.load(f)["meanings"]
    for k, v in data.items():
        if not v or not all(isinstance(w, str) and w for w in v):
            raise ValueError(f"{SYNONYMS}: meaning {k!r} has no wordings")
    return data


def plain(s):
    """Visible text of a rich string (font markers removed)."""
    return s.replace(FONT_ON, "").replace(FONT_OFF, "")


class Variant:
    """One synthetic report: every layout choice from random.Random(seed)."""

    def __init__(self, seed, producer="both"):
        self.seed = seed
        self.rng = rng = random.Random(seed)
        self.syn = load_synonyms()
        v = {}
        # The producer comes from its own stream, so that --producer X gives the same document as `both` does.
        pr = random.Random(seed * 7919 + 1).choice(["libreoffice", "chromium"])
        v["producer"] = pr if producer == "both" else producer
        v["year"] = rng.choice([2566, 2567, 2568])
        v["framework"] = "2566" if v["year"] == 2566 else "2568" if v["year"] == 2568 else rng.choice(["2566", "2568"])
        v["font"] = rng.choice(FONTS)
        self.alt_font = rng.choice([f for f in FONTS if f != v["font"]] + ["DejaVu Sans", "Liberation Serif"])
        v["digits"] = rng.choice(["thai", "ascii", "mixed", "mixed-font"])
        v["rules"] = rng.choice(["ruled", "borderless"])
        v["cover"] = rng.choice(["yes", "no"])
        v["order"] = rng.choice(["canonical", "shuffled"])
        v["summary"] = rng.choice(["sentence", "prose", "table", "both"])
        v["year_in"] = rng.choice(["title", "prose", "score-header"])
        v["plan_year_in"] = rng.choice(["title", "plan-heading", "periods"])
        v["ind_layout"] = rng.choice(["table", "table", "multi-year", "prose", "none"])
        if v["year_in"] == "score-header" and v["ind_layout"] not in ("table", "multi-year"):
            v["ind_layout"] = "table"  # the year must be printed somewhere
        v["ind_header"] = rng.choice(["one-row", "two-row"])
        if v["ind_layout"] not in ("table", "multi-year"):
            v["ind_header"] = "-"
        cols = rng.choice([["num", "name", "score"], ["num", "name", "tool", "score"], ["numname", "score"],
                           ["numname", "tool", "score"]])
        kind = "+".join(cols)
        rng.shuffle(cols)
        self.ind_cols = cols
        table = v["ind_layout"] in ("table", "multi-year")
        # the column set, where the score column stands, and (a *_detail axis) the full order
        v["ind_cols"] = kind if table else "-"
        v["ind_score_col"] = ("first" if cols[0] == "score" else "last" if cols[-1] == "score" else "middle") \
            if table else "-"
        v["ind_cols_detail"] = "|".join(cols) if table else "-"
        v["q_layout"] = rng.choice(["long-thead", "long-plain", "by-tool", "by-indicator", "none"])
        v["q_cols"] = rng.choice(["codetext|score", "code|text|score", "no|codetext|score", "score|codetext"]) \
            if v["q_layout"] != "none" else "-"
        v["plan_layout"] = rng.choice(["table-thead", "table-plain", "per-page"])
        v["plan_header"] = rng.choice(["one-row", "two-row"])
        v["plan_codes"] = rng.choice(["none", "in-issue", "own-column"])
        v["analysis_col"] = rng.choice(["yes", "no"])
        v["plan_orientation"] = rng.choice(["portrait", "portrait", "landscape"])
        v["law_year"] = rng.choice(["yes", "no"])
        v["header_words"] = rng.choice(["first", "random"])
        v["text_layer"] = "no-tounicode" if rng.random() < 0.08 else "ok"
        # Axes added later come from a stream of their own, so that the earlier choices of a seed stay the same.
        rng2 = random.Random(seed * 7919 + 2)
        v["be_space"] = rng2.choice(["space", "none"])  # "พ.ศ. ๒๕๖๗" or "พ.ศ.๒๕๖๗"
        v["page_numbers"] = rng2.choice(["none", "bottom", "top"])
        self.page_number_form = rng2.choice(["- {n} -", "{n}", "หน้า {n}", "({n})"])
        self.page_number_thai = rng2.random() < 0.5 if v["digits"] != "ascii" else False
        if v["text_layer"] != "ok" and "หน้า" in self.page_number_form:
            self.page_number_form = "- {n} -"  # the overlay's own font keeps its text: no Thai words on such pages
        # A sentence announcing the report's parts; missing-X announces a part the report then leaves out (its
        # status should be partial).
        v["contents"] = rng2.choices(["none", "complete", "missing-plan", "missing-questions"], [7, 1, 1, 1])[0]
        if v["contents"] == "missing-questions" and v["q_layout"] == "none":
            v["contents"] = "missing-plan"
        if v["contents"] == "missing-plan" and v["plan_year_in"] != "title":
            v["plan_year_in"] = "title"  # the plan year must still be printed somewhere
        # Running headers and footers (a title, the unit, a print date, a file path, an OIT item), stamped on every
        # page (or every page but the cover) like the page numbers. Drawn from a third stream (earlier choices stay).
        # A print date names the year after the assessment (reports are written after the results): a wrong year
        # printed on every page. Not on no-ToUnicode documents (the overlay's font keeps its text).
        rng3 = random.Random(seed * 7919 + 3)
        v["running"] = rng3.choices(["none", "header", "footer", "both"], [4, 2, 2, 1])[0]
        # A contents page (sections and indicators with page numbers, in a table or with dotted leaders) and a
        # signed closing (`ประกาศ ณ วันที่ ... พ.ศ. <year after>`): numbers and a year printed where no score or
        # assessment year is. A fourth stream.
        rng4 = random.Random(seed * 7919 + 4)
        v["toc"] = rng4.choices(["none", "table", "leaders"], [3, 1, 1])[0]
        v["signature"] = rng4.choices(["none", "dated"], [1, 1])[0]
        self.toc_pages = sorted(rng4.sample(range(2, 40), 16))
        self.toc_indicators = rng4.random() < 0.7
        self.sign_day = rng4.randint(1, 28)
        self.sign_month = rng4.choice(["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"])
        self.sign_year = v["year"] + rng4.choice([0, 1])
        self.sign_name = rng4.choice(["นายสมชาย ใจดี", "นางสาวมาลี รักษ์ถิ่น", "นายประเสริฐ มั่นคง", "ว่าที่ร้อยตรีวิชัย ศรีสุข"])
        self.sign_role = rng4.choice(["นายก", "ปลัด"])
        self.toc_thai = v["digits"] == "thai" or (v["digits"] != "ascii" and rng4.random() < 0.5)
        for axis in ("toc", "signature"):
            if axis in WITHOUT:
                del v[axis]
        if v["text_layer"] != "ok" or "running" in WITHOUT:
            v["running"] = "none"
        self.running = []  # (top|bottom, left|right, text)
        if v["running"] != "none":
            def dig(t):
                return to_thai_digits(t) if v["digits"] == "thai" or (v["digits"] != "ascii" and rng3.random() < 0.5) else t
            month = rng3.choice(["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ต.ค.", "พ.ย.", "ธ.ค."])
            be_sp = " " if v["be_space"] == "space" else ""
            texts = [
                "รายงานการวิเคราะห์ผลการประเมิน ITA ประจำปี พ.ศ." + be_sp + dig(str(v["year"])),
                "{unit}",
                "พิมพ์เมื่อ " + dig(str(rng3.randint(1, 28))) + " " + month + " " + dig(str(v["year"] + 1)),
                "ข้อมูล ณ วันที่ " + dig(str(rng3.randint(1, 28))) + " " + month + " " + dig(str(v["year"] + 1)),
                "C:\\Users\\admin\\Documents\\ITA" + str(v["year"]) + "\\" + rng3.choice(["o36", "o40", "O36", "รายงาน"]) + ".docx",
                "เอกสารประกอบการประเมิน " + rng3.choice(["o36", "o40", "O36", "OIT ข้อ o36", "ข้อ o40"]),
                "งานนโยบายและแผน สำนักปลัด",
            ]
            picks = rng3.sample(texts, 2)
            sides = ["left", "right"]
            if v["running"] in ("header", "both"):
                self.running.append(("top", rng3.choice(sides), picks[0]))
            if v["running"] in ("footer", "both"):
                self.running.append(("bottom", rng3.choice(sides), picks[1]))
        self.running_skip_cover = rng3.random() < 0.5 and v["cover"] == "yes"
        if "running" in WITHOUT:
            del v["running"]  # as the sample was made: no such key in its gold and sidecar
        if v["text_layer"] != "ok":
            # Chromium embeds CID fonts whose own cmap lets poppler recover the text without a ToUnicode map;
            # LibreOffice's simple TrueType subsets give the punctuation soup real broken reports show.
            v["producer"] = "libreoffice"
        self.v = v
        self.codes_style = rng.choice(["ascii", "thai", "odd"])
        self.cfg = {"codes": self.codes_style}  # read by Report.code_text
        self.profile = rng.choice(PROFILES)
        self.ruled = v["rules"] == "ruled"
        self.body_pt = rng.choice([14, 15, 16])
        self.table_pt = rng.choice([11, 12, 13])
        # unit
        gaz = load_gazetteer()
        prov, dist, names = rng.choice(gaz)
        prefix = rng.choice(UNIT_PREFIX)
        self.unit_type, self.province, self.district = prefix, prov, dist
        if prefix == "องค์การบริหารส่วนจังหวัด":
            self.unit, self.district = prefix + prov, "เมือง" + prov
        else:
            self.unit = prefix + rng.choice(names)
        # scores
        self.year = v["year"]
        self.plan_year = self.year + 1
        if v["framework"] == "2568":
            self.qset, subs = M.question_set_2568(), M.subindicators_2568()
        else:
            self.qset, subs = M.question_set(2566), M.subindicators(2566)
        self.qscores = M.question_scores(rng, self.qset, self.profile)
        self.ind = M.indicator_means(self.qset, self.qscores, self.year, subs)
        self.overall = M.overall(self.ind)
        self.rating = M.rating(self.ind)
        self.prev = {}
        if v["ind_layout"] == "multi-year":
            for y in range(self.year - rng.choice([1, 2]), self.year):
                self.prev[y] = M.random_indicators(rng, rng.choice(PROFILES))
        with open(os.path.join(HERE, "measures_pool.json"), encoding="utf-8") as f:
            pool = json.load(f)["issues"]
        self.pool = rng.sample(pool, rng.randint(3, min(9, len(pool))))
        # outputs
        self.segments = [["portrait", []]]
        self.src = []
        self.gold_overall = None
        self.gold_rating = None
        self.printed_ind = {}  # (year, indicator) -> gold score text
        self.printed_q = {}  # code -> gold score text
        self.measures = []
        self.quoted_codes = []
        self.words = {}  # meaning -> wording used (first use)

    # ---- text helpers
    def word(self, meaning, year=None):
        """A header wording of this meaning (the first of the list, or one at random), with {year} filled in."""
        opts = self.syn[meaning]
        w = opts[0] if self.v["header_words"] == "first" else self.rng.choice(opts)
        self.words.setdefault(meaning, w)
        if "{year}" in w:
            w = w.replace("{year}", self.num(str(year)))
        return w

    def be(self, y, split=True):
        """`พ.ศ. <year>` (with or without the space) in the report's digits."""
        return "พ.ศ." + (" " if self.v["be_space"] == "space" else "") + self.num(str(y), split)

    def digits(self, s):
        """s in Thai or ASCII digits, by the report's digit style (per element when mixed)."""
        mode = self.v["digits"]
        if mode == "thai" or (mode in ("mixed", "mixed-font") and self.rng.random() < 0.5):
            return to_thai_digits(s)
        return s

    def num(self, s, split=True):
        """A number as printed. With digits=mixed-font, some numbers get their tail in another font and maybe in the
        other digit script (`๒๕๖<span font>8</span>`); `split=False` for numbers inside running text."""
        out = self.digits(s)
        if split and self.v["digits"] == "mixed-font" and len(s) >= 3 and self.rng.random() < 0.5:
            k = self.rng.randint(1, len(s) - 1)
            tail = s[k:]
            tail = to_thai_digits(tail) if self.rng.random() < 0.5 else tail
            out = out[:k] + FONT_ON + tail + FONT_OFF
        return out

    def score(self, v, oit=False):
        """(printed, gold) of a score; OIT 100/0 sometimes printed without decimals."""
        s = f"{v:.2f}"
        if oit and self.oit_int and s.endswith(".00"):
            s = s[:-3]
        return self.num(s), s

    def code_text(self, code):
        return Report.code_text(self, code)

    def rich(self, s):
        """HTML of a rich string."""
        return esc(s).replace(FONT_ON, f'<span style="font-family: &quot;{self.alt_font}&quot;">').replace(
            FONT_OFF, "</span>")

    def add(self, html, *lines):
        self.segments[-1][1].append(html)
        self.src.extend(plain(l) for l in lines)

    def para(self, text, bold=False, size=None, center=False, pagebreak=False):
        style = []
        if pagebreak:
            style.append("page-break-before: always")
        if center:
            style.append("text-align: center")
        if size:
            style.append(f"font-size: {size}pt")
        st = f' style="{"; ".join(style)}"' if style else ""
        inner = self.rich(text)
        if bold:
            inner = f"<b>{inner}</b>"
        self.add(f"<p{st}>{inner}</p>", text)

    def table(self, header_rows, rows, widths=None, thead=False, size=None, bold_rows=(), pagebreak=False):
        """Cells: a string, or a dict {t: text, cs: colspan, rs: rowspan}. header_rows go into <thead> when thead
        (repeated on every page the table spans, by both producers)."""
        size = size or self.table_pt
        b = 1 if self.ruled else 0
        pb = ' style="page-break-before: always"' if pagebreak else ""
        parts = [f'<table border="{b}" cellspacing="0" cellpadding="4" width="100%"{pb}>']
        if widths:
            tot = sum(widths)
            widths = [max(1, round(100 * w / tot)) for w in widths]
            parts.append("<colgroup>" + "".join(f'<col width="{w}%">' for w in widths) + "</colgroup>")

        def cell(c):
            return c if isinstance(c, dict) else {"t": c}

        def row_html(cells, bold):
            out = ["<tr>"]
            for ci, c in enumerate(cells):
                c = cell(c)
                attrs = ""
                if c.get("cs", 1) > 1:
                    attrs += f' colspan="{c["cs"]}"'
                if c.get("rs", 1) > 1:
                    attrs += f' rowspan="{c["rs"]}"'
                if widths and len(cells) == len(widths):
                    attrs += f' width="{widths[ci]}%"'
                inner = self.rich(c["t"]) if c["t"] else "&nbsp;"
                if bold:
                    inner = f"<b>{inner}</b>"
                out.append(f'<td{attrs}><span style="font-size: {size}pt">{inner}</span></td>')
            out.append("</tr>")
            return "".join(out)

        if header_rows:
            if thead:
                parts.append("<thead>")
            parts.extend(row_html(r, True) for r in header_rows)
            if thead:
                parts.append("</thead><tbody>")
        for ri, r in enumerate(rows):
            parts.append(row_html(r, ri in bold_rows))
        if header_rows and thead:
            parts.append("</tbody>")
        parts.append("</table><p>&nbsp;</p>")
        self.add("\n".join(parts), *["\t".join(cell(c)["t"] for c in r) for r in list(header_rows) + list(rows)])

    # ---- sections
    def title_block(self):
        v = self.v
        lines = []
        if v["plan_year_in"] == "title":
            lines.append(f"มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ {self.be(self.plan_year)}")
        t = self.rng.choice(["รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ",
                             "การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)",
                             "รายงานผลการวิเคราะห์การประเมิน ITA"])
        if v["year_in"] == "title":
            t += f" ประจำปีงบประมาณ {self.be(self.year)}"
        lines.append(t)
        if v["cover"] == "yes":
            for t in lines + [self.unit, f"อำเภอ{self.district} จังหวัด{self.province}"]:
                self.para(t, bold=True, size=22, center=True)
            self.add('<p style="page-break-before: always">&nbsp;</p>')
        for t in lines:
            self.para(t, bold=True, size=18, center=True)
        self.para(f"{self.unit} อำเภอ{self.district} จังหวัด{self.province}", bold=True, center=True)

    def summary(self):
        v = self.v
        ov_p, self.gold_overall = self.score(self.overall)
        self.gold_rating = self.rating
        yr = f" ประจำปีงบประมาณ {self.be(self.year)}" if v["year_in"] == "prose" else ""
        if v["summary"] in ("sentence", "both"):
            self.para(f"ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ{yr} {self.unit} "
                      f"ได้คะแนน {ov_p} คะแนน อยู่ในระดับ {self.rating}")
        if v["summary"] == "prose":
            self.para(f"จากผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ{yr} ของ{self.unit} "
                      f"มีผลคะแนนเฉลี่ย {ov_p} คะแนน ระดับผลการประเมินอยู่ที่ {self.rating}")
        if v["summary"] in ("table", "both"):
            if v["summary"] == "table" and yr:
                self.para(f"สรุปผลการประเมิน ITA{yr}", bold=True)
            ov_p2 = ov_p if v["summary"] == "table" else self.score(self.overall)[0]
            self.table([], [["คะแนนภาพรวมของหน่วยงาน", ov_p2], ["ระดับผลการประเมิน", self.rating]])

    def indicators(self):
        v = self.v
        lay = v["ind_layout"]
        if lay == "none":
            return
        self.para(self.rng.choice(["ผลการประเมินรายตัวชี้วัด", "คะแนนรายตัวชี้วัด", "ผลคะแนนแยกตามตัวชี้วัด"]),
                  bold=True)
        if lay == "prose":
            for i in range(1, 11):
                p, g = self.score(self.ind[i])
                self.printed_ind[(self.year, i)] = g
                self.para(f"ตัวชี้วัดที่ {self.num(str(i), False)} {M.INDICATOR_NAMES[i]} ได้ {p} คะแนน "
                          + ("ควรรักษาระดับไว้" if self.ind[i] >= 95 else "ควรพัฒนาและปรับปรุงให้ดียิ่งขึ้น"))
            return
        years = sorted(self.prev) + [self.year]
        data = dict(self.prev)
        data[self.year] = self.ind
        cols = self.ind_cols
        two = v["ind_header"] == "two-row"
        show_year = v["year_in"] == "score-header" or len(years) > 1 or self.rng.random() < 0.5
        if two and not show_year:
            two = False
            v["ind_header"] = "one-row"
        hdr1, hdr2 = [], []
        for c in cols:
            if c == "score":
                if two and show_year:
                    hdr1.append({"t": self.word("score_group"), "cs": len(years)})
                    hdr2.extend(self.word("year", y) for y in years)
                elif show_year:
                    hdr1.extend(self.word("score_year", y) for y in years)
                else:
                    hdr1.append(self.word("score"))
            else:
                meaning = {"num": "indicator_number", "name": "indicator_name", "numname": "indicator",
                           "tool": "tool"}[c]
                hdr1.append({"t": self.word(meaning), "rs": 2} if two and show_year else self.word(meaning))
        tool_full = self.rng.random() < 0.5
        rows = []
        for i in range(1, 11):
            r = []
            for c in cols:
                if c == "num":
                    r.append(self.num(str(i), False))
                elif c == "name":
                    r.append(M.INDICATOR_NAMES[i])
                elif c == "numname":
                    r.append(f"{self.num(str(i), False)}. {M.INDICATOR_NAMES[i]}")
                elif c == "tool":
                    tool = M.TOOL_OF[i]
                    r.append(TOOL_HEAD[tool] if tool_full else tool)
                else:
                    for y in years:
                        p, g = self.score(data[y][i])
                        self.printed_ind[(y, i)] = g
                        r.append(p)
            rows.append(r)
        header = [hdr1, hdr2] if hdr2 else [hdr1]
        wid = {"num": 10, "name": 45, "numname": 50, "tool": 15}
        self.table(header, rows, widths=[w for c in cols for w in ([14] * len(years) if c == "score" else [wid[c]])])

    def q_row(self, code, k):
        ind = next(i for c, i, _ in self.qset if c == code)
        text = next(t for c, _, t in self.qset if c == code)
        p, g = self.score(self.qscores[code], oit=M.TOOL_OF[ind] == "OIT")
        self.printed_q.setdefault(code, g)
        ct = self.code_text(code)
        out = []
        for c in self.v["q_cols"].split("|"):
            out.append({"codetext": f"{ct} {text}", "code": ct, "text": text, "score": p,
                        "no": self.num(str(k), False)}[c])
        return out

    def q_header(self):
        m = {"codetext": "question_text", "code": "question_code", "text": "question_text", "score": "score",
             "no": "row_number"}
        return [self.word(m[c]) for c in self.v["q_cols"].split("|")]

    def q_widths(self):
        return [{"codetext": 75, "code": 10, "text": 65, "score": 15, "no": 8}[c] for c in self.v["q_cols"].split("|")]

    def questions(self):
        lay = self.v["q_layout"]
        if lay == "none":
            return
        self.para(self.rng.choice(["ผลคะแนนรายข้อคำถาม", "คะแนนรายข้อคำถามแยกตามเครื่องมือการประเมิน",
                                   "ผลการประเมินรายข้อ"]), bold=True)
        ncols = len(self.v["q_cols"].split("|"))
        k = 0
        if lay.startswith("long"):
            rows, bold = [], []
            for tool in ("IIT", "EIT", "OIT"):
                bold.append(len(rows))
                rows.append([{"t": TOOL_HEAD[tool], "cs": ncols}])
                for c, i, _ in self.qset:
                    if M.TOOL_OF[i] == tool:
                        k += 1
                        rows.append(self.q_row(c, k))
            self.table([self.q_header()], rows, widths=self.q_widths(), thead=lay == "long-thead",
                       bold_rows=bold)
        elif lay == "by-tool":
            for tool in ("IIT", "EIT", "OIT"):
                self.para(TOOL_HEAD[tool], bold=True)
                rows = []
                for c, i, _ in self.qset:
                    if M.TOOL_OF[i] == tool:
                        k += 1
                        rows.append(self.q_row(c, k))
                self.table([self.q_header()], rows, widths=self.q_widths(), thead=True)
        else:
            for ind in range(1, 11):
                self.para(f"ตัวชี้วัดที่ {self.num(str(ind), False)} {M.INDICATOR_NAMES[ind]}", bold=True)
                rows = []
                for c, i, _ in self.qset:
                    if i == ind:
                        k += 1
                        rows.append(self.q_row(c, k))
                self.table([self.q_header()], rows, widths=self.q_widths())

    def period(self):
        v = self.v
        if v["plan_year_in"] == "periods":
            t = self.rng.choice(PERIODS_WITH_YEAR)
        else:
            t = self.rng.choice(PERIODS_NO_YEAR)
        p, q = str(self.plan_year), str(self.plan_year - 1)
        return self.digits(t.format(p=p, q=q, p2=p[2:], q2=q[2:]))

    def plan(self):
        v = self.v
        if v["plan_orientation"] == "landscape":
            self.segments.append(["landscape", []])
        head = self.rng.choice(["การนำผลการวิเคราะห์ไปสู่การปฏิบัติ", "แผนการยกระดับผลการประเมิน ITA",
                                "มาตรการส่งเสริมคุณธรรมและความโปร่งใส"])
        if v["plan_year_in"] in ("plan-heading", "periods"):
            head += f" ประจำปีงบประมาณ {self.be(self.plan_year)}"
        self.para(head, bold=True)
        # columns
        cols = ["issue"]
        if v["plan_codes"] == "own-column":
            cols.append("question")
        if v["analysis_col"] == "yes":
            cols.append("analysis")
        rest = ["measure", "steps", "period", "owner"]
        v["plan_col_order"] = "canonical"
        if self.rng.random() < 0.4:
            self.rng.shuffle(rest)
            v["plan_col_order"] = "canonical" if rest == ["measure", "steps", "period", "owner"] else "shuffled"
        cols += rest
        v["plan_cols_detail"] = "|".join(cols)
        # header
        two = v["plan_header"] == "two-row"
        grouped = [c for c in cols if c in ("question", "analysis")]
        if two and not grouped:
            grouped = [c for c in cols if c in ("measure", "steps")]
            if cols.index("steps") != cols.index("measure") + 1:
                grouped = []
        yr = self.year if v["year_in"] != "score-header" else None
        def wording(c):
            if c == "analysis" and yr and self.rng.random() < 0.6:
                return f"{self.word('analysis')} ปี {self.num(str(yr))}"
            return self.word(c)
        if two and grouped:
            top, bottom = [], []
            for c in cols:
                if c in grouped:
                    if c == grouped[0]:
                        g = "analysis_group" if c in ("question", "analysis") else "plan_group"
                        top.append({"t": self.word(g), "cs": len(grouped)})
                    bottom.append(wording(c))
                else:
                    top.append({"t": wording(c), "rs": 2})
            header = [top, bottom]
        else:
            if two:
                v["plan_header"] = "one-row"
            header = [[wording(c) for c in cols]]
        # rows
        codes = [c for c, i, _ in self.qset if M.TOOL_OF[i] != "OIT"]
        rows = []
        for k, item in enumerate(self.pool, 1):
            issue = f"{self.digits(str(k))}. {item['issue']}"
            quote = None
            if v["plan_codes"] != "none":
                code = self.rng.choice(codes)
                self.quoted_codes.append(code)
                text = next(t for c, _, t in self.qset if c == code)
                quote = f"{self.code_text(code)} {text}"
                if v["plan_codes"] == "in-issue":
                    issue = quote
            measure = item["measure"].replace("{unit}", self.unit)
            steps = " ".join(f"{self.digits(str(j))}. {s.replace('{unit}', self.unit)}"
                             for j, s in enumerate(item["steps"], 1))
            per = self.period()
            cells = {"issue": issue, "question": quote, "analysis": self.rng.choice(ANALYSIS_TEXTS),
                     "measure": measure, "steps": steps, "period": per, "owner": item["owner"]}
            rows.append([cells[c] for c in cols])
            self.measures.append({"issue": nfc_ws(issue), "measure": nfc_ws(measure), "steps": nfc_ws(steps),
                                  "period": nfc_ws(per), "owner": nfc_ws(item["owner"])})
        wid = {"issue": 14, "question": 18, "analysis": 16, "measure": 20, "steps": 26, "period": 11, "owner": 11}
        widths = [wid[c] for c in cols]
        if v["plan_layout"] == "per-page":
            for k, r in enumerate(rows):
                self.table(header, [r], widths=widths, pagebreak=k > 0)
        else:
            self.table(header, rows, widths=widths, thead=v["plan_layout"] == "table-thead")
        if v["plan_orientation"] == "landscape":
            self.segments.append(["portrait", []])

    def closing(self):
        self.para("ข้อจำกัดและข้อเสนอแนะ", bold=True)
        self.para("- บุคลากรมีจำนวนจำกัดเมื่อเทียบกับภารกิจที่ได้รับมอบหมาย")
        if self.v["law_year"] == "yes":
            law = self.rng.choice(LAWS).format(be=self.be(self.rng.choice(LAW_YEARS), False))
            self.para(law)
        if self.v.get("signature", "none") == "dated":
            y = to_thai_digits(str(self.sign_year)) if self.toc_thai else str(self.sign_year)
            d = to_thai_digits(str(self.sign_day)) if self.toc_thai else str(self.sign_day)
            unit_word = "นายก" + self.unit_type if self.sign_role == "นายก" else "ปลัด" + self.unit_type
            self.para(f"ประกาศ ณ วันที่ {d} {self.sign_month} พ.ศ. {y}", center=True)
            self.para("(ลงชื่อ) " + "." * 30, center=True)
            self.para(f"({self.sign_name})", center=True)
            self.para(unit_word + self.unit[len(self.unit_type):], center=True)

    def build(self):
        v = self.v
        self.oit_int = self.rng.random() < 0.3
        self.title_block()
        order = ["summary", "indicators", "questions", "plan"]
        if v["order"] == "shuffled":
            self.rng.shuffle(order)
            if order == ["summary", "indicators", "questions", "plan"]:
                order = ["plan", "questions", "indicators", "summary"]
        v["order_detail"] = "-".join(order)
        if v["contents"] != "none":
            names = {"summary": "ผลการประเมินภาพรวม", "indicators": "ผลการประเมินรายตัวชี้วัด",
                     "questions": "ผลคะแนนรายข้อคำถาม", "plan": "การนำผลการวิเคราะห์ไปสู่การปฏิบัติ (มาตรการ)"}
            listed = [s for s in order if s != "indicators" or v["ind_layout"] != "none"]
            listed = [s for s in listed if s != "questions" or v["q_layout"] != "none"]
            parts = [f"ส่วนที่ {self.digits(str(k))} {names[s]}" for k, s in enumerate(listed, 1)]
            self.para(f"รายงานฉบับนี้ประกอบด้วย {self.digits(str(len(parts)))} ส่วน ได้แก่ " + " ".join(parts))
            if v["contents"].startswith("missing-"):
                gone = v["contents"][len("missing-"):]
                order = [s for s in order if s != gone]
                # the left-out part's own axes say nothing about this document
                keys = {"plan": ["plan_layout", "plan_header", "plan_codes", "analysis_col", "plan_orientation",
                                 "plan_col_order", "plan_cols_detail"], "questions": ["q_layout", "q_cols"]}[gone]
                v.update({k: "-" for k in keys})
        if v.get("toc", "none") != "none":
            self.contents_page(order)  # after `contents` has left out a missing part: it lists what is printed
        for s in order:
            getattr(self, s)()
        self.closing()
        return self

    def contents_page(self, order):
        """A contents page: each section with a page number, the indicators under theirs (sometimes), an appendix;
        numbers that are page numbers, in a two-column table or after dotted leaders."""
        def dig(t):
            return to_thai_digits(t) if self.toc_thai else t
        names = {"summary": "ผลการประเมินภาพรวม", "indicators": "ผลการประเมินรายตัวชี้วัด",
                 "questions": "ผลคะแนนรายข้อคำถาม", "plan": "การนำผลการวิเคราะห์ไปสู่การปฏิบัติ"}
        entries = []
        printed = [sec for sec in order if (sec != "indicators" or self.v["ind_layout"] != "none")
                   and (sec != "questions" or self.v["q_layout"] != "none")]
        for k, sec in enumerate(printed, 1):
            entries.append(f"ส่วนที่ {dig(str(k))} {names[sec]}")
            if sec == "indicators" and self.toc_indicators:
                entries += [f"    ตัวชี้วัดที่ {dig(str(i))} {M.INDICATOR_NAMES[i]}" for i in range(1, 11)]
        entries.append("ภาคผนวก")
        pages = [dig(str(p)) for p in sorted(self.toc_pages + [p + 40 for p in self.toc_pages])[:len(entries)]]
        self.para("สารบัญ", bold=True, center=True)
        if self.v["toc"] == "table":
            self.table([["เรื่อง", "หน้า"]], [[e.strip(), p] for e, p in zip(entries, pages)], widths=[85, 15])
        else:
            for e, p in zip(entries, pages):
                self.para(e + " " + "." * 30 + " " + p)
        self.add('<p style="page-break-before: always">&nbsp;</p>')

    # ---- outputs
    def html_segments(self):
        css = ""
        if self.ruled:
            css = "table { border-collapse: collapse; } td { border: 1px solid black; }"
        out = []
        for o, parts in self.segments:
            if not parts:
                continue
            h = html_page("\n".join(parts), font=self.v["font"], size_pt=self.body_pt, landscape=(o == "landscape"))
            out.append((o, h.replace("</style>", css + "\n</style>")))
        return out

    def name(self):
        return f"v{self.seed:06d}"

    def gold(self):
        tool_of = {c: M.TOOL_OF[i] for c, i, _ in self.qset}
        order = {c: k for k, (c, _, _) in enumerate(self.qset)}
        g = {"name": self.name(),
             "report": {"unit_name": self.unit, "unit_type": self.unit_type, "district": self.district,
                        "province": self.province, "assessment_year": self.year, "plan_year": self.plan_year,
                        "overall_score": self.gold_overall, "rating": self.gold_rating},
             "indicator_scores": [{"year": y, "indicator": i, "tool": M.TOOL_OF[i], "score": s}
                                  for (y, i), s in sorted(self.printed_ind.items())],
             "question_scores": [{"year": self.year, "code": c, "tool": tool_of[c], "score": s}
                                 for c, s in sorted(self.printed_q.items(), key=lambda kv: order[kv[0]])],
             "measures": {"count": len(self.measures), "rows": self.measures},
             "unsure": []}
        warn = []
        unscored = sorted(set(self.quoted_codes) - set(self.printed_q), key=lambda c: order[c])
        if unscored:
            warn.append("question_codes_without_scores")
        if self.v["text_layer"] != "ok":
            warn.append("text_layer_unusable")
        if warn:
            g["expected_warnings"] = warn
        # Everything printed is readable, so a document is ok unless it leaves out a part it announces.
        g["expected_status"] = "partial" if self.v["contents"].startswith("missing-") else "ok"
        g["quoted_codes_without_scores"] = unscored
        g["variation"] = self.v
        return g


def check_gold(var, g):
    """Problems of a gold file (the arithmetic real reports obey): each printed indicator of the assessment year ==
    the mean of its questions (OIT: mean of sub-indicator means of the document's framework) when the questions are
    printed, overall == weighted tool means and rating == band (verify_gold's check on Mappings/ita)."""
    from decimal import Decimal, ROUND_HALF_UP
    from verify_gold import overall_and_rating
    probs = []
    subs = M.subindicators_2568() if var.v["framework"] == "2568" else M.subindicators(2566)
    ind_of = {c: i for c, i, _ in var.qset}
    qs = {q["code"]: Decimal(q["score"]) for q in g["question_scores"]}
    if qs:
        groups = {}
        for c, v in qs.items():
            groups.setdefault(ind_of[c], {}).setdefault(subs.get(c, ""), []).append(v)
        for s in g["indicator_scores"]:
            if s["year"] != var.year:
                continue
            means = [sum(v) / len(v) for v in groups[s["indicator"]].values()]
            want = (sum(means) / len(means)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            if want != Decimal(s["score"]):
                probs.append(f"indicator {s['indicator']}: {s['score']} but its questions give {want}")
    full = dict(g, indicator_scores=[{"year": var.year, "indicator": i, "tool": M.TOOL_OF[i], "score": f"{v:.2f}"}
                                     for i, v in var.ind.items()])
    probs += overall_and_rating(full)
    if len(qs) != len(g["question_scores"]):
        probs.append("a question code is listed twice")
    if g["measures"]["count"] != len(g["measures"]["rows"]):
        probs.append("measure count and rows disagree")
    return probs


# ---- rendering
def chromium_convert(html_path, pdf_path):
    """Render one HTML file with headless Chromium (own profile, so calls can run in parallel)."""
    profile = tempfile.mkdtemp(prefix="chromium-variants-")
    try:
        cmd = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}",
               "--no-pdf-header-footer", f"--print-to-pdf={pdf_path}", "file://" + os.path.abspath(html_path)]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    if not os.path.exists(pdf_path):
        raise RuntimeError(f"chromium did not produce {pdf_path}")
    return pdf_path


def strip_tounicode(pdf):
    """Remove every /ToUnicode map (the page still renders; text extraction gives the fonts' raw codes)."""
    tmp = pdf + ".qdf"
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, tmp], check=True)
    with open(tmp, "rb") as f:
        data = f.read()
    data, n = re.subn(rb"/ToUnicode\s+\d+\s+\d+\s+R", lambda m: b" " * len(m.group(0)), data)
    if n == 0:
        raise RuntimeError(f"{pdf}: no /ToUnicode to strip")
    with open(tmp, "wb") as f:
        f.write(data)
    subprocess.run(["qpdf", "--object-streams=generate", tmp, pdf], check=True)
    os.remove(tmp)


def thai_consonants(pdf):
    """How many Thai consonants the text layer gives (stray marks survive a stripped ToUnicode; consonants do not)."""
    out = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
    return sum(1 for ch in out if "\u0e01" <= ch <= "\u0e2e")


def page_sizes(pdf):
    """[(width, height)] in points of every page."""
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "100000", pdf], capture_output=True, text=True, check=True).stdout
    return [(float(m.group(1)), float(m.group(2)))
            for m in re.finditer(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out, re.M)]


def add_page_numbers(var, pdf, tmp):
    """Stamp a page number on every page (top or bottom margin, the report's digits and form) and the running header
    and footer texts (`var.running`): a Chromium-made PDF of those only, one page per page of the document at its size, laid over it with qpdf --overlay."""
    sizes = page_sizes(pdf)
    kinds = sorted(set(sizes))
    css = ["body { margin: 0; }", ".pg { position: relative; overflow: hidden; }",
           f'.num {{ position: absolute; left: 0; right: 0; text-align: center; font-family: "{var.v["font"]}"; '
           f'font-size: {var.body_pt - 2}pt; }}']
    if var.running:
        css.append(f'.run {{ position: absolute; font-family: "{var.v["font"]}"; font-size: {var.body_pt - 4}pt; }}')
    css += [f"@page s{k} {{ size: {w}pt {h}pt; margin: 0; }} .s{k} {{ page: s{k}; width: {w}pt; "
            f"height: {h - 1}pt; }}" for k, (w, h) in enumerate(kinds)]
    divs = []
    for n, size in enumerate(sizes, 1):
        text = var.page_number_form.format(n=to_thai_digits(str(n)) if var.page_number_thai else str(n))
        brk = "break-after: page;" if n < len(sizes) else ""
        where = var.v["page_numbers"]
        num = f'<div class="num" style="{where}: 1.1cm">{esc(text)}</div>' if where != "none" else ""
        run = "" if n == 1 and var.running_skip_cover else "".join(
            f'<div class="run" style="{edge}: 0.6cm; {side}: 1.5cm">{esc(t.replace("{unit}", var.unit))}</div>'
            for edge, side, t in var.running)
        divs.append(f'<div class="pg s{kinds.index(size)}" style="{brk}">{num}{run}</div>')
    hp = os.path.join(tmp, "numbers.html")
    write_text(hp, '<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><style>' + "\n".join(css)
               + "</style></head><body>" + "\n".join(divs) + "</body></html>")
    nums = chromium_convert(hp, os.path.join(tmp, "numbers.pdf"))
    if len(page_sizes(nums)) != len(sizes):
        raise RuntimeError(f"{var.name()}: page-number overlay has {len(page_sizes(nums))} pages, not {len(sizes)}")
    stamped = os.path.join(tmp, "stamped.pdf")
    subprocess.run(["qpdf", pdf, "--overlay", nums, "--", stamped], check=True)
    os.replace(stamped, pdf)


def render(var, pdf_path):
    """Render all segments of a variant with its producer, merge, normalise, post-process."""
    tmp = tempfile.mkdtemp(prefix="variants-")
    try:
        parts = []
        for k, (_, h) in enumerate(var.html_segments()):
            hp = os.path.join(tmp, f"{var.name()}-{k}.html")
            write_text(hp, h)
            if var.v["producer"] == "chromium":
                parts.append(chromium_convert(hp, os.path.join(tmp, f"{var.name()}-{k}.pdf")))
            else:
                parts.append(soffice_convert(hp, tmp))
        out = os.path.join(tmp, "out.pdf")
        if len(parts) == 1:
            shutil.copy(parts[0], out)
        else:
            merge_pdfs(parts, out)
        normalise_pdf(out)
        if var.v["page_numbers"] != "none" or var.running:
            add_page_numbers(var, out, tmp)
            normalise_pdf(out)
        if var.v["text_layer"] == "no-tounicode":
            strip_tounicode(out)
            normalise_pdf(out)
            if thai_consonants(out) > 20:
                raise RuntimeError(f"{var.name()}: text layer still readable after stripping ToUnicode")
        os.makedirs(os.path.dirname(os.path.abspath(pdf_path)), exist_ok=True)
        shutil.move(out, pdf_path + ".part")
        os.replace(pdf_path + ".part", pdf_path)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def make(seed, outdir, producer, force=False):
    """Write PDF, gold and sidecar for one seed (skipped when all three exist and match, unless force)."""
    var = Variant(seed, producer).build()
    name = var.name()
    pdf = os.path.join(outdir, name + ".pdf")
    gold = var.gold()
    probs = check_gold(var, gold)
    if probs:
        raise RuntimeError(f"{name}: gold inconsistent: {probs}")
    # The hash of what is rendered, so that a changed generator never reuses a stale cached PDF.
    drawn = [var.v["producer"], var.v["page_numbers"], var.page_number_form, var.page_number_thai, var.html_segments()]
    if var.running:  # (documents without running text keep the digest they had)
        drawn += [var.running, var.running_skip_cover]
    digest = hashlib.sha256(json.dumps(drawn).encode()).hexdigest()[:16]
    side = {"seed": seed, "variation": var.v, "header_words": var.words, "profile": var.profile,
            "codes": var.codes_style, "font_change_font": var.alt_font, "html_sha256": digest}
    gpath, spath = os.path.join(outdir, name + ".json"), os.path.join(outdir, name + ".variation.json")
    what = "made"
    if not force and os.path.exists(pdf) and os.path.exists(spath):
        with open(spath, encoding="utf-8") as f:
            if json.load(f).get("html_sha256") == digest:
                what = "cached"
    if what == "made":
        render(var, pdf)
    write_json(gpath, gold)
    write_json(spath, side)
    return name, what


def parse_range(s):
    if s == "tune":
        return TUNE
    if s == "heldout":
        return HELDOUT
    a, _, b = s.partition("-")
    return int(a), int(b or a)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", required=True,
                    help="A-B (inclusive), a single seed, or `tune` (1-400, the first of TUNE 1-99999) / `heldout` (100000-100199, the first of HELD-OUT 100000-199999)")
    ap.add_argument("--out", required=True, help="output folder")
    ap.add_argument("--producer", default="both", choices=["libreoffice", "chromium", "both"],
                    help="both (default): each seed's producer drawn from the seed")
    ap.add_argument("--jobs", type=int, default=2, help="documents rendered at once (default 2: shared machine)")
    ap.add_argument("--force", action="store_true", help="render even when the output is already there")
    ap.add_argument("--dry-run", action="store_true", help="print the variation of each seed, render nothing")
    ap.add_argument("--check", action="store_true",
                    help="check every seed's gold arithmetic (check_gold) without rendering; exit 1 on a problem")
    ap.add_argument("--without", action="append", default=[], choices=["running", "toc", "signature"],
                    help="leave out an axis added later (running: no running headers or footers; toc: no contents "
                         "page; signature: no signed closing), to make again a sample made before it existed "
                         "(Corpus/variants)")
    a = ap.parse_args()
    WITHOUT.update(a.without)
    lo, hi = parse_range(a.seeds)
    seeds = list(range(lo, hi + 1))
    if a.check:
        bad = 0
        for s in seeds:
            var = Variant(s, a.producer).build()
            probs = check_gold(var, var.gold())
            if probs:
                bad += 1
                print(f"{var.name()}: {probs}")
        print(f"{len(seeds) - bad} of {len(seeds)} seeds consistent")
        sys.exit(1 if bad else 0)
    if a.dry_run:
        for s in seeds:
            var = Variant(s, a.producer).build()
            print(var.name(), json.dumps(var.v, ensure_ascii=False))
        return
    os.makedirs(a.out, exist_ok=True)
    fails = 0
    with ThreadPoolExecutor(max_workers=a.jobs) as ex:
        futs = {s: ex.submit(make, s, a.out, a.producer, a.force) for s in seeds}
        for s, f in futs.items():
            try:
                name, what = f.result()
                print(name, what, flush=True)
            except Exception as e:  # keep going; report loudly at the end
                fails += 1
                print(f"seed {s}: FAILED: {e}", file=sys.stderr, flush=True)
    if fails:
        sys.exit(f"{fails} seed(s) failed")


if __name__ == "__main__":
    main()
