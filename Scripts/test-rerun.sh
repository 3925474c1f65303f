#!/usr/bin/env bash
# Reruns give the same bytes (issue 14). Every cross-check tolerance is set below zero (--settings), so
# that each check fails and prints its message with the number it computed: a mean or weighted sum summed
# in hash-seed order once printed 89.86 on one run and 89.87 on the next. RUNS runs over the Corpus
# reports, each a new process (its own hash seed) into its own folder (no shared cache), must write
# byte-identical datasets (every file; manifest.json without its timings). The test fails too when the
# forced messages are missing: every score a check could judge must be marked `inconsistent`, none
# `consistent`, and both mean and weighted-overall messages must be there.
#   Scripts/test-rerun.sh [BINARY] [RUNS]   (default .build/debug/ita-extract, 5)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-.build/debug/ita-extract}")
runs=${2:-5}
work=$(mktemp -d /tmp/ita-rerun-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "test-rerun: $*" >&2; exit 1; }

cat > "$work/forced.json" <<'EOF'
{"interpret": {"questionMeanTolerance": -1, "overallWeightedTolerance": -1}}
EOF
# The reports with indicator and question tables (scans are left out: OCR is off to keep it short).
inputs=(Corpus/seeds Corpus/generated Corpus/degraded Corpus/variants)
for i in $(seq 1 "$runs"); do
  "$bin" extract "${inputs[@]}" --out "$work/run-$i" --no-ocr --quiet --settings "$work/forced.json" 2> "$work/run-$i.log" \
    || { cat "$work/run-$i.log" >&2; fail "run $i exited with an error"; }
done

# The forced messages are there (counted in run 1).
r1=$work/run-1
means=$(grep -o '"code":"indicator_mean_mismatch"' "$r1/reports.jsonl" | wc -l || true)
overall=$(grep -o '"code":"overall_weighted_mismatch"' "$r1/reports.jsonl" | wc -l || true)
column() {  # column FILE NAME: the values of one CSV column (no quoted commas in these columns' rows)
  python3 -c 'import csv,sys; r=csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")); [print(row[sys.argv[2]]) for row in r]' "$1" "$2"
}
consistent=$( { column "$r1/indicator_scores.csv" check; column "$r1/question_scores.csv" check; } | grep -c '^consistent$' || true)
inconsistent=$( { column "$r1/indicator_scores.csv" check; column "$r1/question_scores.csv" check; } | grep -c '^inconsistent$' || true)
[ "$means" -gt 0 ] || fail "no indicator_mean_mismatch message with every tolerance below zero"
[ "$overall" -gt 0 ] || fail "no overall_weighted_mismatch message with every tolerance below zero"
[ "$consistent" -eq 0 ] || fail "$consistent scores still marked consistent with every tolerance below zero"
[ "$inconsistent" -gt 0 ] || fail "no score marked inconsistent"
grep -q '"interpret.questionMeanTolerance" : "-1.0"' "$r1/manifest.json" || fail "manifest.json does not record the settings"

# Byte for byte: every file of the dataset folder (the result cache aside), manifest timings aside.
strip() { awk '/^  "timings" : \{/ {skip=1} !skip {print} skip && /^  \}/ {skip=0}' "$1"; }
# .unchanged-run is the rerun shortcut's stamp, not data: it records the dataset files' inodes and
# times (UnchangedRun), which differ between any two runs by design.
files=$(cd "$r1" && find . -maxdepth 1 -type f ! -name manifest.json ! -name .unchanged-run | sort)
[ -n "$files" ] || fail "run 1 wrote no files"
for i in $(seq 2 "$runs"); do
  [ "$(cd "$work/run-$i" && find . -maxdepth 1 -type f ! -name manifest.json ! -name .unchanged-run | sort)" = "$files" ] \
    || fail "run $i wrote other files than run 1"
  for f in $files; do cmp -s "$r1/$f" "$work/run-$i/$f" || fail "run $i differs from run 1 in $f"; done
  diff <(strip "$r1/manifest.json") <(strip "$work/run-$i/manifest.json") >&2 \
    || fail "run $i differs from run 1 in manifest.json (timings aside)"
done
echo "test-rerun: $runs runs byte-identical ($(echo "$files" | wc -l) files + manifest.json); forced: $means indicator_mean_mismatch, $overall overall_weighted_mismatch messages, $inconsistent scores inconsistent, 0 consistent"
