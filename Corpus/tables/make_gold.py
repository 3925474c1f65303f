#!/usr/bin/env python3
"""Writes the table-structure gold (cell grids) of Corpus PDFs from their source texts.

The source text is what the PDF was rendered from: each run of tab-separated lines is one table,
one line a row, one tab-separated field a cell. A table whose first row titles column groups
side by side ("IIT title, empty, EIT title, empty, ...") is written as one gold table per group,
as the layout stage is asked to read them; the group title spans both columns of its group
(GriTS puts a spanning cell's text in every slot). Rows empty within a group are dropped. A title
row repeated inside a source table is handled per PDF (see split_repeats).

Usage: python3 Corpus/tables/make_gold.py   (from the repository root or anywhere)
"""
import json, os, re

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
# PDF (relative to Corpus/) -> layout label used when reporting scores.
# The second value says what a repeated title row inside a source table is (see split_repeats).
PDFS = {
    "seeds/s000-thesaban-mueang.pdf": ("ruled, side-by-side groups", "drop"),
    "seeds/s002-obt.pdf": ("ruled, stacked sub-tables", "split"),
    "seeds/s003-thesaban-tambon.pdf": ("ruled, ranked + multi-year", "split"),
    "generated/g06-obt-2568-landscape-plan.pdf": ("ruled, landscape action plan", "drop"),
    "generated/g08-obj-2566-sidebyside-borderless.pdf": ("borderless, side-by-side groups", "drop"),
    "generated/g09-tambon-2568-multiyear-borderless.pdf": ("borderless, multi-year", "drop"),
}

def tables(path):
    out, cur = [], []
    for line in open(path, encoding="utf-8").read().split("\n"):
        if "\t" in line:
            cur.append([re.sub(r"<[^>]*>", "", c).strip() for c in line.split("\t")])
        elif cur:
            out.append(cur); cur = []
    if cur: out.append(cur)
    return out

def split_repeats(t, mode):
    """The title row printed again inside a source table: in "split" files it starts a new table
    (the PDF shows separate tables, checked by eye); in "drop" files it is a repeated page header
    that the PDF prints only at the top of the next page, so it is left out."""
    out = [[t[0]]]
    for r in t[1:]:
        if r == t[0] and mode == "split": out.append([r])
        elif r == t[0] and mode == "drop": continue
        else: out[-1].append(r)
    return out

def square(t):
    n = max(len(r) for r in t)
    return [r + [""] * (n - len(r)) for r in t]

def split_groups(t):
    first, n = t[0], len(t[0])
    if n >= 4 and n % 2 == 0 and all(first[i] and not first[i + 1] for i in range(0, n, 2)):
        groups = []
        for g in range(0, n, 2):
            rows = [r[g:g + 2] for r in t]
            rows[0] = [rows[0][0], rows[0][0]]  # the group title spans its group's columns
            groups.append([r for r in rows if any(r)])
        return groups
    return [t]

for pdf, (layout, repeats) in PDFS.items():
    src = os.path.join(CORPUS, pdf[:-4] + ".source.txt")
    grids = []
    for t in tables(src):
        for part in split_repeats(t, repeats):
            grids.extend(split_groups(square(part)))
    name = os.path.basename(pdf)[:-4]
    with open(os.path.join(HERE, name + ".json"), "w", encoding="utf-8") as f:
        json.dump({"pdf": pdf, "layout": layout, "source": pdf[:-4] + ".source.txt",
                   "tables": [{"grid": g} for g in grids]}, f, ensure_ascii=False, indent=1)
    print(name, len(grids), "tables")
