#!/usr/bin/env python3
"""Digit error rate of OCR'd scores against gold, at three steps: Tesseract's first pass, the shape
re-read (DigitRereader), and the values finally written.

For each gold score (indicator, question, overall) of a document read by OCR, the place is the row
the run read for the same key (indicator number or question code, same year when the run has one):
a written row (reports.jsonl `indicator_scores`, `question_scores`, `overall_score`) or a dropped
one (`ocr_scores_dropped`, with the reason it was left empty). At that place:
  - Tesseract: what Tesseract read (`source.ocr` when the shapes read the word again, else the
    value itself: a word the re-read did not take is Tesseract's text);
  - shapes: the shapes' reading (`the shapes read X` in the arithmetic note when the arithmetic
    replaced it, else the value read before the policy), or Tesseract's text when not re-read;
  - written: the value in the CSVs (empty when dropped; empties are counted apart, not as errors).
Digit errors: the edit distance between the gold's digits and the reading's characters (Thai digits
as ASCII; the point, spaces and Thai combining marks left out; any other character, a letter OCR
put for a digit, counts as a wrong digit), summed, over the gold's digits.

A gold score with no row at its place (the code or indicator was not found at all) is counted as
`no place`: a layout or reading miss, not a digit error.

Also measured: a candidate second reading for scores no check reaches (dropped, reason `Thai
digits no arithmetic check reaches`): Tesseract's text and the shapes' reading spell the same
number (every digit and the point) and it lies within 0-100. Its precision against gold is printed,
so that the rule is adopted only on evidence.

Usage: python3 Scripts/ocr-digit-errors.py --gold GOLD_DIR RUN_DIR [--json] [--by-doc]
"""
import argparse
import json
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "bench"))
from ocr_digits import edit_distance  # noqa: E402 (one edit distance for both digit scripts)

THAI0 = 0x0E50
MARKS = {0x0E31} | set(range(0x0E34, 0x0E3B)) | set(range(0x0E47, 0x0E4F))


def ascii_digits(s):
    return "".join(chr(ord(c) - THAI0 + 48) if THAI0 <= ord(c) <= THAI0 + 9 else c for c in s)


def symbols(s):
    """The characters of a reading that stand for digits: the point, spaces and marks left out."""
    return [c for c in ascii_digits(s or "") if c not in ". \t" and ord(c) not in MARKS]




COMBINING = {0x0E31} | set(range(0x0E34, 0x0E3B)) | set(range(0x0E47, 0x0E4F))
CODEISH = set("ieoIEO0123456789๐๑๒๓๔๕๖๗๘๙[]().,:;|!l \t\n\r")


def key(text):
    """The matching key (as ThaiNormalise.MatchingKey): ASCII digits, no whitespace, no Thai
    combining marks, nikhahit+aa as SARA AM, ASCII lower case."""
    text = (text or "").replace("\u0e4d\u0e32", "\u0e33")
    out = []
    for c in ascii_digits(text):
        if c.isspace() or ord(c) in COMBINING:
            continue
        out.append(c.lower() if c.isascii() else c)
    return out


def catalogues(mappings):
    cats = {}
    d = os.path.join(mappings, "ita")
    for f in os.listdir(d):
        m = re.fullmatch(r"questions-(\d{4})\.tsv", f)
        if not m:
            continue
        rows = [l.rstrip("\r\n").split("\t") for l in open(os.path.join(d, f), encoding="utf-8")][1:]
        cats[int(m.group(1))] = {r[0]: r[4] for r in rows if len(r) == 5}
    return cats


def confirms(code, year, text, cats):
    """Mirror of ReportInterpret's QuestionTextConfirmation: the text after the printed code matches
    the code's catalogue text, and no other code's as well."""
    cat = cats.get(year) or {}
    if not cat.get(code):
        return False
    i = 0
    while i < len(text) and text[i] in CODEISH:
        i += 1
    k = key(text[i:])[:60]

    def score(name):
        n = key(name)[:60]
        if not n:
            return None
        if len(n) < 12:
            if len(k) < len(n):
                return None
            d = edit_distance(k[:len(n)], n)
            return 1 - d / len(n) if d <= 1 else None
        m = min(len(k), len(n))
        if m < 12:
            return None
        return 1 - edit_distance(k[:m], n[:m]) / m

    own = score(cat[code])
    if own is None or own < 0.75:
        return False
    for other, name in cat.items():
        if other != code and name:
            sc = score(name)
            if sc is not None and sc >= own:
                return False
    return True


def same_number(a, b):
    try:
        return abs(float(a) - float(b)) < 1e-9
    except (TypeError, ValueError):
        return False


def ocr_pages(rec):
    pages = set()
    for w in rec.get("warning_list") or []:
        if w.get("code") in ("ocr_pages", "text_layer_unusable"):
            for a, b in re.findall(r"(\d+)(?:\s*[-–]\s*(\d+))?", w.get("message", "")):
                pages |= set(range(int(a), int(b or a) + 1))
    if not pages and rec.get("text_source") == "ocr":
        pages = set(range(1, (rec.get("pages") or 0) + 1))
    return pages


def readings(value, source):
    """(tesseract, shapes) behind a value read at its place."""
    source = source or {}
    via = source.get("via") or ""
    if via.startswith("ocr-digit-shapes"):
        shapes = value
        m = re.search(r"the shapes read ([^,;\s]+)", source.get("arithmetic") or "")
        if m and "rejects" in (source.get("arithmetic") or ""):
            shapes = m.group(1)
        return source.get("ocr") or value, shapes
    return value, value


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", required=True)
    ap.add_argument("run")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--by-doc", action="store_true")
    ap.add_argument("--mappings", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Mappings"))
    a = ap.parse_args()

    recs = []
    with open(os.path.join(a.run, "reports.jsonl"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                recs.append(json.loads(line))

    steps = ("tesseract", "shapes", "written")
    tot = {k: {"digits": 0, "errors": 0, "values": 0, "wrong": 0} for k in steps}
    by_kind = {}
    no_place = 0
    empties = 0
    gold_n = 0
    cand = {"right": 0, "wrong": 0, "examples": []}
    cand_code = {"right": 0, "wrong": 0, "examples": []}
    cats = catalogues(a.mappings)
    written_by = {}
    per_doc = []

    for rec in recs:
        name = os.path.splitext(os.path.basename(rec["source_path"]))[0]
        gp = os.path.join(a.gold, name + ".json")
        if not os.path.exists(gp):
            continue
        pages = ocr_pages(rec)
        if not pages:
            continue
        gold = json.load(open(gp, encoding="utf-8"))
        digits_kind = (gold.get("variation") or {}).get("digits", "?")

        # The places the run read: key -> list of (value, source, written, reason, year)
        places = {}
        for r in rec.get("indicator_scores") or []:
            places.setdefault(("indicator", str(r["indicator"])), []).append((r["score"], r.get("source"), True, None, r.get("year")))
        for r in rec.get("question_scores") or []:
            places.setdefault(("question", r["code"]), []).append((r["score"], r.get("source"), True, None, r.get("year")))
        if rec.get("overall_score") is not None:
            places.setdefault(("overall_score", ""), []).append((rec["overall_score"], (rec.get("provenance") or {}).get("overall_score"), True, None, rec.get("assessment_year")))
        for d in rec.get("ocr_scores_dropped") or []:
            places.setdefault((d["kind"], d["key"]), []).append((d["score"], d.get("source"), False, d.get("reason"), d.get("year")))

        golds = [("indicator", str(g["indicator"]), g.get("year"), g["score"]) for g in gold.get("indicator_scores") or []]
        golds += [("question", g["code"], g.get("year"), g["score"]) for g in gold.get("question_scores") or []]
        if (gold.get("report") or {}).get("overall_score"):
            golds.append(("overall_score", "", gold["report"].get("assessment_year"), gold["report"]["overall_score"]))
        doc = {"doc": name, "digits": digits_kind, "gold": 0, "no_place": 0}
        for k in steps:
            doc[k] = [0, 0]
        for kind, key, year, score in golds:
            cands = places.get((kind, key), [])
            on_ocr = [c for c in cands if (c[1] or {}).get("page") in pages]
            exact = [c for c in on_ocr if c[4] == year] or [c for c in on_ocr if c[4] is None]
            gold_n += 1
            doc["gold"] += 1
            if not exact:
                no_place += 1
                doc["no_place"] += 1
                continue
            value, source, written, reason, _ = exact[0]
            tess, shapes = readings(value, source)
            g = symbols(score)
            kb = by_kind.setdefault((kind, digits_kind), {k: {"digits": 0, "errors": 0, "values": 0, "wrong": 0} for k in steps})
            for step, read in (("tesseract", tess), ("shapes", shapes), ("written", value if written else None)):
                if read is None:
                    continue
                e = edit_distance(g, symbols(read))
                for t in (tot[step], kb[step]):
                    t["digits"] += len(g)
                    t["errors"] += e
                    t["values"] += 1
                    t["wrong"] += 0 if same_number(read, score) else 1
                doc[step][0] += len(g)
                doc[step][1] += e
            if not written:
                empties += 1
                if reason == "Thai digits no arithmetic check reaches":
                    tx, sx = ascii_digits(tess), ascii_digits(shapes)
                    if tx == sx and re.fullmatch(r"\d{1,3}\.\d{1,2}", sx) and 0 <= float(sx) <= 100:
                        ok = same_number(sx, score)
                        cand["right" if ok else "wrong"] += 1
                        if not ok:
                            cand["examples"].append(f"{name} {kind} {key}: read {sx}, gold {score}")
                        if kind == "question" and confirms(key, year, ((source or {}).get("raw") or "").split("\t")[0], cats):
                            cand_code["right" if ok else "wrong"] += 1
                            if not ok:
                                cand_code["examples"].append(f"{name} {kind} {key}: read {sx}, gold {score}")
            if written:
                via = (source or {}).get("via") or "table/text"
                w = written_by.setdefault(f"{kind}/{via}", [0, 0])
                w[0 if same_number(value, score) else 1] += 1
        per_doc.append(doc)

    def rate(t):
        return t["errors"] / t["digits"] if t["digits"] else 0.0

    out = {
        "gold_scores_on_ocr_documents": gold_n,
        "no_place": no_place,
        "dropped_at_place": empties,
        "steps": {k: dict(tot[k], digit_error_rate=round(rate(tot[k]), 4)) for k in steps},
        "by_kind": {f"{k[0]}/{k[1]}": {s: dict(v[s], digit_error_rate=round(rate(v[s]), 4)) for s in steps} for k, v in sorted(by_kind.items())},
        "second_reading_candidate": {"right": cand["right"], "wrong": cand["wrong"],
                                      "precision": round(cand["right"] / (cand["right"] + cand["wrong"]), 4) if cand["right"] + cand["wrong"] else None,
                                      "wrong_examples": cand["examples"][:20]},
    }
    out["second_reading_candidate_code_confirmed"] = {"right": cand_code["right"], "wrong": cand_code["wrong"],
        "precision": round(cand_code["right"] / (cand_code["right"] + cand_code["wrong"]), 4) if cand_code["right"] + cand_code["wrong"] else None,
        "wrong_examples": cand_code["examples"][:20]}
    out["written_right_wrong_by_via"] = written_by
    if a.json:
        if a.by_doc:
            out["documents"] = per_doc
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return
    print(f"gold scores on OCR'd documents: {gold_n}; no place read: {no_place}; read but left empty: {empties}")
    print(f"{'step':10} {'values':>7} {'wrong':>6} {'digits':>7} {'errors':>7} {'rate':>7}")
    for k in steps:
        t = tot[k]
        print(f"{k:10} {t['values']:7} {t['wrong']:6} {t['digits']:7} {t['errors']:7} {rate(t):7.4f}")
    for (kind, dk), v in sorted(by_kind.items()):
        print(f"  {kind}/{dk}: " + "  ".join(f"{s} {v[s]['errors']}/{v[s]['digits']}={rate(v[s]):.4f} ({v[s]['wrong']}/{v[s]['values']} wrong)" for s in steps))
    c = out["second_reading_candidate"]
    print(f"second reading candidate (Tesseract = shapes, 0-100, on scores no check reaches): right {c['right']}, wrong {c['wrong']}, precision {c['precision']}")
    for e in c["wrong_examples"]:
        print("   ", e)
    c = out["second_reading_candidate_code_confirmed"]
    print(f"  ... questions whose printed text confirms the code: right {c['right']}, wrong {c['wrong']}, precision {c['precision']}")
    for e in c["wrong_examples"]:
        print("   ", e)
    print("written values, right/wrong by provenance via: " + ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(written_by.items())))
    if a.by_doc:
        for d in per_doc:
            print(f"  {d['doc']} ({d['digits']}): gold {d['gold']}, no place {d['no_place']}, " +
                  "  ".join(f"{s} {d[s][1]}/{d[s][0]}" for s in steps))


if __name__ == "__main__":
    main()
