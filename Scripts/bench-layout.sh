#!/usr/bin/env bash
# Times the layout stage against poppler's text extraction (its peer: the stage before it) on one
# long document, seed 002's pages repeated to about 400 pages with pdfunite, in the same runs.
# Both times come from manifest.json's stage timings of `ita-extract extract --no-ocr --jobs 1`.
# Layout used to be asserted "< 10 s for 400 pages" inside a unit test (a debug build on a shared
# machine); here it is a ratio, and the script fails when layout takes longer than extraction.
# Each run reads the document afresh (--fresh): a rerun into the same --out would take every
# result from OUT/.cache and time nothing (stage times 0, and the ratio a division by zero).
# Usage: Scripts/bench-layout.sh [PDF]   (default: Corpus/seeds/s002-obt.pdf)   RUNS=3 PAGES=400
#        CONFIG=debug times the debug build instead of building release (on a shared machine; the
#        ratio is then a debug build's, not the one the limit is meant for).
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/bench-lib.sh
runs=${RUNS:-3}
want=${PAGES:-400}
seed=${1:-Corpus/seeds/s002-obt.pdf}
config=${CONFIG:-release}
swift build -c "$config" --product ita-extract >/dev/null
bin=.build/$config/ita-extract
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
per=$(count_pages "$seed")
copies=$(( (want + per - 1) / per ))
args=(); for _ in $(seq "$copies"); do args+=("$seed"); done
pdfunite "${args[@]}" "$out/long.pdf"
pages=$(count_pages "$out/long.pdf")
declare -a tl te
for i in $(seq "$runs"); do
  "$bin" extract "$out/long.pdf" --out "$out/run" --jobs 1 --no-ocr --quiet --fresh >/dev/null
  read -r l e < <(python3 -c 'import json,sys; t=json.load(open(sys.argv[1]))["timings"]["stage_seconds"]; print(t["layout"], t["extract"])' "$out/run/manifest.json")
  tl+=("$l"); te+=("$e")
done
ml=$(median "${tl[@]}"); me=$(median "${te[@]}")
ratio=$(echo "$ml / $me" | bc -l)
echo "pages: $pages  runs: $runs  build: $config"
printf 'layout stage        : median %.3f s\n' "$ml"
printf 'extract (poppler)   : median %.3f s\n' "$me"
printf 'ratio layout / extract: %.2f\n' "$ratio"
if (( $(echo "$ratio > 1" | bc -l) )); then echo "layout is slower than poppler's extraction" >&2; exit 1; fi
