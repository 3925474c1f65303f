#!/usr/bin/env bash
# The cost of reading documents in worker processes: `extract` with its default worker pool against
# `extract --in-process`, over the same PDFs, in the same invocation, alternating A B A B, OCR off.
# Prints each mode's median wall time and CPU time (user + system, workers included) and the ratios,
# and checks that both modes wrote byte-identical files (manifest.json apart from its timings).
# Usage: Scripts/bench-workers.sh [DIR_OR_PDFS...]   (default: Corpus)   RUNS=5 JOBS=2
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/bench-lib.sh
runs=${RUNS:-5}
jobs=${JOBS:-2}
inputs=("$@"); [ ${#inputs[@]} -gt 0 ] || inputs=(Corpus)
swift build -c release --product ita-extract >/dev/null
bin=.build/release/ita-extract
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
declare -a wa wb ca cb
one() {  # one OUT [FLAGS...] -> "wall cpu"
  local dir=$1; shift
  /usr/bin/time -o "$out/t" -f "%e %U %S" "$bin" extract "${inputs[@]}" --out "$dir" --jobs "$jobs" --no-ocr --quiet "$@" >/dev/null 2>&1 || true
  awk '{printf "%s %.2f\n", $1, $2 + $3}' "$out/t"
}
for i in $(seq "$runs"); do
  read -r w c < <(one "$out/workers"); wa+=("$w"); ca+=("$c")
  read -r w c < <(one "$out/inproc" --in-process); wb+=("$w"); cb+=("$c")
done
mwa=$(median "${wa[@]}"); mwb=$(median "${wb[@]}"); mca=$(median "${ca[@]}"); mcb=$(median "${cb[@]}")
echo "inputs: ${inputs[*]}  runs: $runs  jobs: $jobs  (OCR off)"
printf 'worker processes : median wall %.2f s  CPU %.2f s\n' "$mwa" "$mca"
printf 'in-process       : median wall %.2f s  CPU %.2f s\n' "$mwb" "$mcb"
printf 'ratio workers / in-process: wall %.3f  CPU %.3f\n' "$(echo "$mwa / $mwb" | bc -l)" "$(echo "$mca / $mcb" | bc -l)"
same=yes
for f in reports.jsonl reports.csv indicator_scores.csv question_scores.csv measures.csv errors.jsonl dataset.sqlite datapackage.json; do
  cmp -s "$out/workers/$f" "$out/inproc/$f" || { same=no; echo "differs: $f"; }
done
cmp -s <(jq 'del(.timings)' "$out/workers/manifest.json") <(jq 'del(.timings)' "$out/inproc/manifest.json") || { same=no; echo "differs: manifest.json"; }
echo "outputs byte-identical: $same"
[ "$same" = yes ]
