"""Score model for synthetic ITA reports: question sets per framework year, indicator means, overall score, rating.

All randomness comes from a random.Random passed in, so every report is reproducible from its seed.
"""
import json
import os
from decimal import Decimal, ROUND_HALF_UP

from corpuslib import HERE

INDICATOR_NAMES = {
    1: "การปฏิบัติหน้าที่", 2: "การใช้งบประมาณ", 3: "การใช้อำนาจ", 4: "การใช้ทรัพย์สินของราชการ",
    5: "การแก้ไขปัญหาการทุจริต", 6: "คุณภาพการดำเนินงาน", 7: "ประสิทธิภาพการสื่อสาร",
    8: "การปรับปรุงการทำงาน", 9: "การเปิดเผยข้อมูล", 10: "การป้องกันการทุจริต",
}
TOOL_OF = {i: ("IIT" if i <= 5 else "EIT" if i <= 8 else "OIT") for i in range(1, 11)}
# For 2568 a shorter, renumbered set (invented; seed 003 shows the 2568 framework is smaller): questions per indicator.
SHORT_COUNTS = {1: 3, 2: 3, 3: 3, 4: 3, 5: 3, 6: 3, 7: 3, 8: 3, 9: 12, 10: 8}


def q2(x):
    """Round half-up to 2 decimals, as a Decimal."""
    return Decimal(x).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def load_questions():
    """code -> (indicator, sub-indicator or "", text) for the 2566/2567 framework, from questions.tsv (wording of
    the seeds; OIT sub-indicators 9.1-9.5 = o1-o10, o11-o18, o19-o22, o23-o26, o27-o30 and 10.1-10.2 = o31-o38,
    o39-o43, as in Mappings/ita/questions-2566.tsv)."""
    out = {}
    with open(os.path.join(HERE, "questions.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            code, ind, sub, text = line.rstrip("\n").split("\t")
            out[code] = (int(ind), sub, text)
    return out


def load_bands():
    """Rating bands (score_bands.json)."""
    with open(os.path.join(HERE, "score_bands.json"), encoding="utf-8") as f:
        return json.load(f)


def question_set(year):
    """List of (code, indicator, text) for a framework year."""
    full = load_questions()
    if year < 2568:
        return [(c, ind, t) for c, (ind, _, t) in full.items()]
    out, counters = [], {"i": 0, "e": 0, "o": 0}
    for ind in range(1, 11):
        letter = {"IIT": "i", "EIT": "e", "OIT": "o"}[TOOL_OF[ind]]
        pool = [t for c, (i2, _, t) in full.items() if i2 == ind]
        for t in pool[:SHORT_COUNTS[ind]]:
            counters[letter] += 1
            out.append((f"{letter}{counters[letter]}", ind, t))
    return out


PROFILES = {  # (IIT range, EIT range, probability that an OIT item is 0)
    "top": ((97.0, 100.0), (95.5, 99.8), 0.0),
    "high": ((94.0, 100.0), (88.0, 99.0), 0.04),
    "mid": ((85.0, 99.0), (78.0, 94.0), 0.15),
    "low": ((70.0, 92.0), (62.0, 84.0), 0.35),
    "poor": ((55.0, 80.0), (50.0, 75.0), 0.6),
}


def question_scores(rng, qset, profile):
    """code -> Decimal score."""
    iit, eit, p0 = PROFILES[profile]
    out = {}
    for code, ind, _ in qset:
        tool = TOOL_OF[ind]
        if tool == "OIT":
            out[code] = Decimal("0.00") if rng.random() < p0 else Decimal("100.00")
        else:
            lo, hi = iit if tool == "IIT" else eit
            v = q2(Decimal(str(rng.uniform(lo, hi))))
            if rng.random() < 0.25:
                v = Decimal("100.00")
            out[code] = v
    return out


# The real 2568 framework (issue 9: read from a 2568 report's question list and the sub-indicator names):
# (letter, first, last, indicator, sub-indicator). Used by variants.py; the Corpus's generated 2568 documents keep
# the invented set of question_set() so that they stay byte-identical.
FRAMEWORK_2568 = [
    ("i", 1, 3, 1, ""), ("i", 4, 6, 2, ""), ("i", 7, 9, 3, ""), ("i", 10, 12, 4, ""), ("i", 13, 15, 5, ""),
    ("e", 1, 3, 6, ""), ("e", 4, 6, 7, ""), ("e", 7, 9, 8, ""),
    ("o", 1, 6, 9, "9.1"), ("o", 7, 13, 9, "9.2"), ("o", 14, 17, 9, "9.3"), ("o", 18, 19, 9, "9.4"),
    ("o", 20, 25, 9, "9.5"), ("o", 26, 33, 10, "10.1"), ("o", 34, 35, 10, "10.2"),
]


def question_set_2568():
    """(code, indicator, text) of the real 2568 framework. Texts are borrowed from the 2566 questions of the same
    indicator (no 2568 wording in hand): synthetic documents only."""
    full = load_questions()
    pools = {}
    for c, (ind, _, t) in full.items():
        pools.setdefault(ind, []).append(t)
    out, used = [], {}
    for letter, a, b, ind, _ in FRAMEWORK_2568:
        for n in range(a, b + 1):
            k = used.get(ind, 0)
            used[ind] = k + 1
            out.append((f"{letter}{n}", ind, pools[ind][k % len(pools[ind])]))
    return out


def subindicators_2568():
    """code -> OIT sub-indicator of the real 2568 framework."""
    return {f"{letter}{n}": sub for letter, a, b, _, sub in FRAMEWORK_2568 if sub for n in range(a, b + 1)}


def subindicators(year):
    """code -> OIT sub-indicator ("9.1" ...) for a framework year; empty for 2568 (its invented set has none)."""
    if year >= 2568:
        return {}
    return {c: sub for c, (_, sub, _) in load_questions().items() if sub}


def indicator_means(qset, qscores, year, subs=None):
    """indicator -> Decimal score from its questions (2 decimals, half-up): the plain mean of its questions, except
    an OIT indicator with sub-indicators (2566/2567), which is the mean of its sub-indicator means, as real reports
    compute it (`subs`: code -> sub-indicator, default the framework of `year`). (Real EIT indicators are not the
    mean of the printed e-questions; the generator keeps the plain mean there, which no check relies on.)"""
    if subs is None:
        subs = subindicators(year)
    groups = {}  # indicator -> {sub-indicator key -> [scores]}
    for code, ind, _ in qset:
        key = subs.get(code, "") if TOOL_OF[ind] == "OIT" else ""
        groups.setdefault(ind, {}).setdefault(key, []).append(qscores[code])
    out = {}
    for ind in sorted(groups):
        means = [sum(v) / len(v) for _, v in sorted(groups[ind].items())]
        out[ind] = q2(sum(means) / len(means))
    return out


def random_indicators(rng, profile):
    """Indicator scores for a year whose questions the report does not print."""
    iit, eit, p0 = PROFILES[profile]
    out = {}
    for i in range(1, 11):
        tool = TOOL_OF[i]
        if tool == "OIT":
            out[i] = q2(Decimal(str(100.0 * (1 - p0 * rng.uniform(0.3, 1.2)))).max(Decimal(0)))
        else:
            lo, hi = iit if tool == "IIT" else eit
            out[i] = q2(Decimal(str(rng.uniform(lo, hi))))
    return out


def tool_means(ind):
    """tool -> Decimal mean of its indicators (unrounded)."""
    out = {}
    for tool in ("IIT", "EIT", "OIT"):
        vals = [v for i, v in ind.items() if TOOL_OF[i] == tool]
        out[tool] = sum(vals) / len(vals)
    return out


def overall(ind):
    """Weighted overall score (IIT 30, EIT 30, OIT 40), 2 decimals."""
    bands = load_bands()
    tm = tool_means(ind)
    return q2(sum(Decimal(str(bands["tool_weights"][t])) * tm[t] for t in tm))


def rating(ind):
    """Rating from the overall score and the per-tool floors of score_bands.json."""
    bands = load_bands()
    ov, tm = overall(ind), tool_means(ind)
    for b in bands["bands"]:
        if ov >= Decimal(str(b["min"])) and (b["all_tools_min"] is None
                                             or all(v >= Decimal(str(b["all_tools_min"])) for v in tm.values())):
            return b["rating"]
    return bands["bands"][-1]["rating"]
