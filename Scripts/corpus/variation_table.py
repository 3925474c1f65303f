"""Per-variation scores of a run over generated variants (Scripts/corpus/variants.py).

    python3 Scripts/corpus/variation_table.py --gold DIR --eval EVAL.json [--json OUT] [--markdown]

DIR holds the generator's gold files (vNNNNNN.json) and sidecars (vNNNNNN.variation.json); EVAL.json is
`ita-extract eval --gold DIR RUN --json`. For every axis value (producer=chromium, digits=mixed-font, ...) prints
the report-field F1, indicator F1, question F1, question-score precision, measure-row F1 and the share of documents
whose measure-row count is exact, over the documents that have that value.

Per-document tallies are rebuilt from the gold files and eval's per-document misses with eval's own counting
(wrong value = FP+FN, not found = FN, false positive = FP, TP = gold items not missed); their sums are checked
against eval's category totals, so the table cannot silently drift from `eval`.
"""
import argparse
import glob
import json
import os
import sys

REPORT_FIELDS = ["unit_name", "unit_type", "district", "province", "assessment_year", "plan_year", "overall_score",
                 "rating"]
CATS = ["report", "indicator_scores", "question_scores", "measures"]
MIN_DOCS = 1  # axis values seen in fewer documents are still listed (n shows how thin they are)


def tally_doc(gold, misses, in_run):
    """category -> [tp, fp, fn] for one document."""
    unsure = {u.get("field") for u in gold.get("unsure", [])}
    given = {"report": sum(1 for f in REPORT_FIELDS if gold.get("report", {}).get(f) is not None
                           and f"report.{f}" not in unsure),
             "indicator_scores": len(gold.get("indicator_scores", [])),
             "question_scores": len(gold.get("question_scores", [])),
             "measures": len(gold.get("measures", {}).get("rows", []))}
    t = {c: [0, 0, 0] for c in CATS}
    if not in_run:
        for c in CATS:
            t[c][2] = given[c]
        return t
    missed = {c: 0 for c in CATS}
    for m in misses:
        cat = "report" if m["category"].startswith("report.") else m["category"]
        if cat not in t:
            continue  # measures.count, document: reported apart
        k = m["kind"]
        if k == "wrong value":
            t[cat][1] += 1
            t[cat][2] += 1
            missed[cat] += 1
        elif k == "not found":
            t[cat][2] += 1
            missed[cat] += 1
        elif k == "false positive":
            t[cat][1] += 1
        else:
            raise ValueError(f"unknown miss kind {k!r}")
    for c in CATS:
        t[c][0] = given[c] - missed[c]
    return t


def f1(tp, fp, fn):
    if tp + fp + fn == 0:
        return None
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def precision(tp, fp, fn):
    if tp + fp == 0:
        return None if fn == 0 else 0.0
    return tp / (tp + fp)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", required=True)
    ap.add_argument("--eval", required=True)
    ap.add_argument("--json", help="also write the table as JSON here")
    ap.add_argument("--run", help="the run folder: its reports.csv warnings are checked against the gold's "
                                   "expected_warnings (column warn)")
    ap.add_argument("--detail", action="store_true", help="also list the *_detail axes (full column/section orders)")
    a = ap.parse_args()
    with open(a.eval, encoding="utf-8") as f:
        ev = json.load(f)
    docs = {d["document"]: d for d in ev["documents"]}
    warnings = {}  # document name -> set of warning codes of the run
    if a.run:
        import csv
        with open(os.path.join(a.run, "reports.csv"), encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f):
                name = os.path.splitext(os.path.basename(row["source_path"]))[0]
                warnings[name] = set(w for w in row.get("warnings", "").split(";") if w)
    rows = {}  # (axis, value) -> aggregate
    total = {c: [0, 0, 0] for c in CATS}
    counts = {m["document"]: m for m in ev["measure_counts"]["items"]}
    per_doc = []
    for sp in sorted(glob.glob(os.path.join(a.gold, "*.variation.json"))):
        name = os.path.basename(sp)[: -len(".variation.json")]
        with open(sp, encoding="utf-8") as f:
            side = json.load(f)
        with open(os.path.join(a.gold, name + ".json"), encoding="utf-8") as f:
            gold = json.load(f)
        d = docs.get(name)
        if d is None:
            sys.exit(f"{name}: no document in {a.eval} (run and gold folder do not match)")
        t = tally_doc(gold, d["misses"], d.get("status") is not None)
        mc = counts.get(name)
        exact = mc is not None and mc["expected"] == mc["found"]
        status_ok = d.get("status") == gold.get("expected_status", "ok")
        expected_w = set(gold.get("expected_warnings", []))
        warn_ok = None if not (a.run and expected_w) else expected_w <= warnings.get(name, set())
        per_doc.append((name, d.get("status"), t, exact))
        for c in CATS:
            for k in range(3):
                total[c][k] += t[c][k]
        keys = [("all", "")] + sorted((k, v) for k, v in side["variation"].items()
                                      if a.detail or not k.endswith("_detail"))
        for key in keys:
            agg = rows.setdefault(key, {"n": 0, "exact": 0, "ok": 0, "status": 0, "warn": 0, "warn_n": 0,
                                        **{c: [0, 0, 0] for c in CATS}})
            if warn_ok is not None:
                agg["warn_n"] += 1
                agg["warn"] += warn_ok
            agg["status"] += status_ok
            agg["n"] += 1
            agg["exact"] += exact
            agg["ok"] += d.get("status") == "ok"
            for c in CATS:
                for k in range(3):
                    agg[c][k] += t[c][k]
    # the rebuilt tallies must add up to eval's own totals
    evcats = {c["category"]: c for c in ev["categories"]}
    for c in CATS:
        e = evcats.get(c)
        if e is None or [e["tp"], e["fp"], e["fn"]] != total[c]:
            sys.exit(f"tally mismatch for {c}: eval {e and [e['tp'], e['fp'], e['fn']]} vs rebuilt {total[c]}")

    def fmt(x):
        return "  n/a" if x is None else f"{x:.3f}"

    out = []
    print(f"{'axis=value':42} {'n':>4} {'report':>6} {'indic':>6} {'quest':>6} {'qprec':>6} {'meas':>6} "
          f"{'mcount':>6} {'ok':>4} {'status':>6} {'warn':>6}")
    last_axis = None
    for (axis, val), agg in sorted(rows.items(), key=lambda kv: (kv[0][0] != "all", kv[0])):
        if axis != last_axis and last_axis is not None:
            print()
        last_axis = axis
        label = "all documents" if axis == "all" else f"{axis}={val}"
        r = {"axis": axis, "value": val, "n": agg["n"],
             "report_f1": f1(*agg["report"]), "indicator_f1": f1(*agg["indicator_scores"]),
             "question_f1": f1(*agg["question_scores"]), "question_precision": precision(*agg["question_scores"]),
             "measures_f1": f1(*agg["measures"]), "measure_count_exact": agg["exact"] / agg["n"],
             "status_ok": agg["ok"], "status_as_expected": agg["status"] / agg["n"],
             "expected_warnings_given": agg["warn"] / agg["warn_n"] if agg["warn_n"] else None}
        out.append(r)
        print(f"{label:42} {agg['n']:>4} {fmt(r['report_f1']):>6} {fmt(r['indicator_f1']):>6} "
              f"{fmt(r['question_f1']):>6} {fmt(r['question_precision']):>6} {fmt(r['measures_f1']):>6} "
              f"{fmt(r['measure_count_exact']):>6} {agg['ok']:>4} {fmt(r['status_as_expected']):>6} "
              f"{fmt(r['expected_warnings_given']):>6}")
    print("\ncolumns: F1 of report fields / indicator scores / question scores, question-score precision, "
          "measure-row F1, share of documents with the exact measure-row count, documents with status ok, share of "
          "documents whose status is the gold's expected_status (partial when an announced part is missing, else ok; "
          "a run that reads nothing and says ok counts as right here, see report F1), share of the documents with "
          "expected_warnings (question_codes_without_scores, text_layer_unusable) whose run gives all of them (--run)")
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump({"rows": out, "documents": [{"document": n, "status": s, "tallies": t, "measure_count_exact": e}
                                                  for n, s, t, e in per_doc]}, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
