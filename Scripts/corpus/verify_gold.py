"""Independent check of gold files against their source.txt (the visible text).

For every gold with a source.txt: each question code printed in a table cell followed by a score cell must be in
the gold with that score (first printing), and no gold question may be missing from the text; the overall score,
every indicator score and every measure's period and owner must appear in the text. Generated reports also: every
IIT/OIT indicator of a year with a question catalogue (2566, 2567) equals the mean of its sub-indicator means
(Mappings/ita/questions-<year>.tsv) unless a mismatch is planted, overall == weighted tool means and rating == band
(Mappings/ita/tool-weights.json, score-bands.json). Exit 1 on any problem.
"""
import glob
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpuslib import REPO, to_ascii_digits  # noqa: E402

CODE = re.compile(r"^([ieoO๐0])\s?([0-9๐-๙]{1,2})(?![0-9๐-๙])")
NUM = re.compile(r"^[0-9๐-๙]{1,3}(\.[0-9๐-๙]{1,2})?$")


def printed_questions(lines, column=0):
    """code -> [scores] from table rows; `column` picks the k-th score cell after the code (multi-year tables)."""
    occ = {}
    for line in lines:
        cells = line.split("\t")
        for i, c in enumerate(cells[:-1 - column]):
            m = CODE.match(c.strip())
            nxt = [x.strip() for x in cells[i + 1:i + 2 + column]]
            if m and all(NUM.match(x) for x in nxt):
                letter = {"๐": "o", "0": "o", "O": "o"}.get(m.group(1), m.group(1))
                occ.setdefault(letter + str(int(to_ascii_digits(m.group(2)))), []).append(to_ascii_digits(nxt[-1]))
    return occ


def compare_questions(occ, gold_q, unsure, label=""):
    """Problems between printed question scores and the gold's (code -> score) of one year."""
    probs = []
    for code, scores in occ.items():
        if code not in gold_q:
            probs.append(f"{label}{code} printed but not in gold")
        elif abs(float(scores[0]) - float(gold_q[code])) > 0.005:
            probs.append(f"{label}{code}: gold {gold_q[code]} vs first printed {scores[0]}")
        elif len({float(s) for s in scores}) > 1 and f"question_scores.{code}" not in unsure:
            probs.append(f"{label}{code}: printed with different scores {scores} and not marked unsure")
    for code in gold_q:
        if code not in occ:
            probs.append(f"{label}{code} in gold but not printed")
    return probs


def check(gold_path):
    """List of problems for one gold file."""
    src = os.path.splitext(gold_path)[0] + ".source.txt"
    if not os.path.exists(src):
        return []
    g = json.load(open(gold_path, encoding="utf-8"))
    lines = open(src, encoding="utf-8").read().split("\n")
    text = to_ascii_digits("\n".join(lines))
    probs = []
    unsure = {u["field"] for u in g.get("unsure", [])}
    years = g.get("question_years")
    if years:  # one score column per year, left to right
        for k, y in enumerate(years):
            gold_q = {q["code"]: q["score"] for q in g.get("question_scores", []) if q["year"] == y}
            probs += compare_questions(printed_questions(lines, k), gold_q, unsure, f"{y} ")
    else:
        gold_q = {q["code"]: q["score"] for q in g.get("question_scores", [])}
        probs += compare_questions(printed_questions(lines), gold_q, unsure)
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
    if "features" in g:  # generated: scores consistent with their questions, the tool weights and the bands
        probs += consistency(g)
        probs += overall_and_rating(g)
    return probs


MAPPINGS = os.path.join(REPO, "Mappings", "ita")


def load_mapping(name):
    """A JSON file of Mappings/ita/ (the pipeline's own data, so the gold is checked against what it applies)."""
    with open(os.path.join(MAPPINGS, name), encoding="utf-8") as f:
        return json.load(f)


def catalogue(year):
    """code -> (tool, indicator, sub-indicator or "") from Mappings/ita/questions-<year>.tsv ({} if none)."""
    path = os.path.join(MAPPINGS, f"questions-{year}.tsv")
    out = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            next(f)
            for line in f:
                fields = line.rstrip("\n").split("\t")
                if len(fields) >= 3 and fields[0]:
                    out[fields[0]] = (fields[1], int(fields[2]), fields[3] if len(fields) > 3 else "")
    return out


def catalogue_score(codes, qs):
    """Indicator score from its questions as real reports compute it: the mean of the sub-indicator means (a plain
    mean when there are no sub-indicators), rounded half-up to 2 decimals. codes: [(code, sub-indicator)]."""
    from decimal import Decimal, ROUND_HALF_UP
    groups = {}
    for c, sub in codes:
        groups.setdefault(sub, []).append(qs[c])
    means = [sum(v) / len(v) for _, v in sorted(groups.items())]
    return (sum(means) / len(means)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def consistency(g):
    """Indicator-vs-question scores for a generated report's assessment year.

    Tools the pipeline cross-checks (tool-weights.json questionMeanTools: IIT, OIT) in years with a catalogue
    (Mappings/ita/questions-<year>.tsv): indicator == mean of its sub-indicator means, unless a mismatch is planted
    (then `expected_warnings` must hold indicator_mean_mismatch). Everything else (EIT, 2568) must agree with the
    generator's plain mean: a planted mismatch there could not be caught by the pipeline."""
    from decimal import Decimal
    import report_model as M
    year = g["report"]["assessment_year"]
    cat = catalogue(year)
    checked_tools = set(load_mapping("tool-weights.json")["questionMeanTools"]["tools"])
    qset = M.question_set(year)
    qs = {q["code"]: Decimal(q["score"]) for q in g["question_scores"] if q["year"] == year}
    catchable, other = [], []
    for s in g["indicator_scores"]:
        if s["year"] != year:
            continue
        ind, score = s["indicator"], Decimal(s["score"])
        codes = sorted((c, sub) for c, (tool, i, sub) in cat.items() if i == ind)
        if cat and s["tool"] in checked_tools:
            if codes and all(c in qs for c, _ in codes):
                if abs(catalogue_score(codes, qs) - score) > Decimal("0.005"):
                    catchable.append(ind)
            continue
        own = [c for c, i, _ in qset if i == ind]
        if own and all(c in qs for c in own) and abs(M.q2(sum(qs[c] for c in own) / len(own)) - score) > Decimal("0.005"):
            other.append(ind)
    probs = []
    if other:
        probs.append(f"indicators {other} disagree with their questions where the pipeline cannot check them")
    expected = "indicator_mean_mismatch" in g.get("expected_warnings", [])
    if catchable and not expected:
        probs.append(f"indicators {catchable} disagree with their questions but no warning is expected")
    if expected and not catchable:
        probs.append("a mismatch is expected but every checked indicator agrees with its questions")
    planted = g.get("features", {}).get("mismatch", [])
    if sorted(planted) != sorted(catchable):
        probs.append(f"planted mismatches {planted} but the indicators that disagree are {catchable}")
    return probs


def overall_and_rating(g):
    """Overall == weighted tool means (Mappings/ita/tool-weights.json; tool = mean of its indicators) and rating ==
    the first band of Mappings/ita/score-bands.json whose range holds it and whose tool floor every tool meets."""
    from decimal import Decimal, ROUND_HALF_UP
    year = g["report"]["assessment_year"]
    scores = {s["indicator"]: (s["tool"], Decimal(s["score"])) for s in g["indicator_scores"] if s["year"] == year}
    ov = g["report"].get("overall_score")
    if len(scores) != 10 or ov is None:
        return []
    weights = load_mapping("tool-weights.json")["years"][str(year)]
    tools = {}
    for tool, v in scores.values():
        tools.setdefault(tool, []).append(v)
    means = {t: sum(v) / len(v) for t, v in tools.items()}
    computed = sum(Decimal(str(weights[t])) / 100 * m for t, m in means.items())
    computed = computed.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    probs = []
    if computed != Decimal(ov):
        probs.append(f"overall {ov} but the weighted tool means give {computed}")
    rating = next((b["rating"] for b in load_mapping("score-bands.json")["years"][str(year)]
                   if Decimal(str(b["min"])) <= Decimal(ov) <= Decimal(str(b["max"]))
                   and all(m >= Decimal(str(b.get("toolMin") or 0)) for m in means.values())), None)
    if rating != g["report"].get("rating"):
        probs.append(f"rating {g['report'].get('rating')} but the bands give {rating} for {ov}")
    return probs


if __name__ == "__main__":
    bad = 0
    for gp in sorted(sys.argv[1:] or glob.glob("Corpus/*/*.json")):
        p = check(gp)
        print(f"{gp}: {'OK' if not p else p}")
        bad += bool(p)
    sys.exit(1 if bad else 0)
