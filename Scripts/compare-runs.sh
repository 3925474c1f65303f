#!/usr/bin/env bash
# Compares two ita-extract output folders byte for byte: every dataset file, and manifest.json without
# its "timings" (the only part that may differ between identical runs). Exit 1 and the differing files
# otherwise.   Scripts/compare-runs.sh RUN_A RUN_B
set -euo pipefail
a=$1 b=$2
files=(reports.jsonl reports.csv indicator_scores.csv question_scores.csv measures.csv errors.jsonl dataset.sqlite datapackage.json)
bad=0
for f in "${files[@]}"; do
  if ! cmp -s "$a/$f" "$b/$f"; then echo "differs: $f ($a vs $b)" >&2; bad=1; fi
done
# manifest.json is written with sorted keys and two-space indentation: drop the "timings" object.
strip() { awk '/^  "timings" : \{/ {skip=1} !skip {print} skip && /^  \}/ {skip=0}' "$1"; }
if ! diff <(strip "$a/manifest.json") <(strip "$b/manifest.json") >&2; then echo "differs: manifest.json (timings aside)" >&2; bad=1; fi
exit $bad
