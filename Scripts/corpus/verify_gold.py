"""Independent check of gold files against their source.txt (the visible text).

For every gold with a source.txt: each question code printed in a table cell followed by a score cell must be in
the gold with that score (first printing), and no gold question may be missing from the text; the overall score,
every indicator score and every measure's period and owner must appear in the text. Exit 1 on any problem.
"""
import glob
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpuslib import to_ascii_digits  # noqa: E402

CODE = re.compile(r"^([ieoO๐0])\s?([0-9๐-๙]{1,2})(?![0-9๐-๙])")
NUM = re.compile(r"^[0-9๐-๙]{1,3}(\.[0-9๐-๙]{1,2})?$")


def printed_questions(lines):
    """code -> [scores] from table rows."""
    occ = {}
    for line in lines:
        cells = line.split("\t")
        for i, c in enumerate(cells[:-1]):
            m, nxt = CODE.match(c.strip()), cells[i + 1].strip()
            if m and NUM.match(nxt):
                letter = {"๐": "o", "0": "o", "O": "o"}.get(m.group(1), m.group(1))
                occ.setdefault(letter + str(int(to_ascii_digits(m.group(2)))), []).append(to_ascii_digits(nxt))
    return occ


def check(gold_path):
    """List of problems for one gold file."""
    src = os.path.splitext(gold_path)[0] + ".source.txt"
    if not os.path.exists(src):
        return []
    g = json.load(open(gold_path, encoding="utf-8"))
    lines = open(src, encoding="utf-8").read().split("\n")
    text = to_ascii_digits("\n".join(lines))
    probs = []
    occ = printed_questions(lines)
    gold_q = {q["code"]: q["score"] for q in g.get("question_scores", [])}
    unsure = {u["field"] for u in g.get("unsure", [])}
    for code, scores in occ.items():
        if code not in gold_q:
            probs.append(f"{code} printed but not in gold")
        elif abs(float(scores[0]) - float(gold_q[code])) > 0.005:
            probs.append(f"{code}: gold {gold_q[code]} vs first printed {scores[0]}")
        elif len({float(s) for s in scores}) > 1 and f"question_scores.{code}" not in unsure:
            probs.append(f"{code}: printed with different scores {scores} and not marked unsure")
    for code in gold_q:
        if code not in occ:
            probs.append(f"{code} in gold but not printed")
    ov = g["report"].get("overall_score")
    if ov is not None and ov not in text:
        probs.append(f"overall {ov} not in text")
    for s in g.get("indicator_scores", []):
        if s["score"] not in text:
            probs.append(f"indicator {s['year']}/{s['indicator']} {s['score']} not in text")
    flat = " ".join(" ".join(l.split()) for l in lines)
    for r in g.get("measures", {}).get("rows", []):
        for k in ("period", "owner", "issue"):
            if k in r and " ".join(r[k].split()) not in flat:
                probs.append(f"measure {k} {r[k]!r} not in text")
    if "features" in g:  # generated: indicator = mean of its questions unless a mismatch is expected
        probs += consistency(g)
    return probs


def consistency(g):
    """Indicator-vs-question means for a generated report's assessment year."""
    from decimal import Decimal
    import report_model as M
    year = g["report"]["assessment_year"]
    qset = M.question_set(year)
    qs = {q["code"]: Decimal(q["score"]) for q in g["question_scores"]}
    mism = []
    for s in g["indicator_scores"]:
        if s["year"] != year:
            continue
        codes = [c for c, i, _ in qset if i == s["indicator"]]
        if codes and all(c in qs for c in codes):
            mean = M.q2(sum(qs[c] for c in codes) / len(codes))
            if abs(mean - Decimal(s["score"])) > Decimal("0.005"):
                mism.append(s["indicator"])
    expected = "indicator_mean_mismatch" in g.get("expected_warnings", [])
    if mism and not expected:
        return [f"indicators {mism} disagree with their questions but no warning is expected"]
    if expected and not mism:
        return ["a mismatch is expected but every indicator agrees with its questions"]
    return []


if __name__ == "__main__":
    bad = 0
    for gp in sorted(sys.argv[1:] or glob.glob("Corpus/*/*.json")):
        p = check(gp)
        print(f"{gp}: {'OK' if not p else p}")
        bad += bool(p)
    sys.exit(1 if bad else 0)
